/**
 * A production setup cannot be confused with the demo: `db/setup.ts --production` never seeds
 * demo people or users and refuses a database that holds demo data; the first administrator is
 * created on the console with a one-time password that must be changed at first sign-in.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "panti-production-"));
const TSX = path.resolve("node_modules/.bin/tsx");

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[], databaseUrl: string, env: Record<string, string> = {}) {
  const result = spawnSync(TSX, [script, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, SESSION_SECRET: "production-test-secret", COOKIE_SECURE: "true", ...env },
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

function count(file: string, sql: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("production setup", () => {
  const prod = path.join(dir, "production.db");

  it("creates the reference lists and the panti registry, and no people, users, rooms or demo logins", () => {
    const { status, out } = run("db/setup.ts", ["--production"], prod);
    expect(status, out).toBe(0);
    expect(out).toContain("npm run user:create-admin");
    expect(count(prod, "select count(*) as n from panti")).toBe(27);
    expect(count(prod, "select count(*) as n from ppks_categories")).toBeGreaterThan(0);
    for (const table of ["users", "persons", "stays", "placements", "rooms", "beds"]) {
      expect(count(prod, `select count(*) as n from ${table}`), table).toBe(0);
    }
    expect(fs.existsSync(path.join(dir, "demo-logins.txt"))).toBe(false);
    expect(count(prod, "select count(*) as n from audit_log where action = 'setup.reference'")).toBe(1);
  });

  it("is the same with PANTI_MODE=production, and a second start changes nothing", () => {
    const { status, out } = run("db/setup.ts", [], prod, { PANTI_MODE: "production" });
    expect(status, out).toBe(0);
    expect(out).toContain("Production database ready");
    expect(count(prod, "select count(*) as n from users")).toBe(0);
  });

  it("creates the first Dinsos administrator on the console, who must change the password", () => {
    const { status, out } = run("db/create-admin.ts", ["--username", "Budi.Santoso", "--name", "Budi Santoso"], prod);
    expect(status, out).toBe(0);
    const password = /one-time password: (\S+)/.exec(out)?.[1];
    expect(password && password.length >= 12).toBe(true);
    const db = new Database(prod, { readonly: true });
    const user = db.prepare("select username, role, must_change_password as m, password_hash as h from users").get() as { username: string; role: string; m: number; h: string };
    const audit = db.prepare("select user_id as actor, after from audit_log where action = 'user.create'").get() as { actor: number | null; after: string };
    db.close();
    expect(user).toMatchObject({ username: "budi.santoso", role: "dinsos_admin", m: 1 });
    expect(user.h).not.toContain(password);
    expect(audit.actor).toBeNull();
    expect(audit.after).not.toContain(password!);

    const again = run("db/create-admin.ts", ["--username", "budi.santoso", "--name", "Budi Santoso"], prod);
    expect(again.status).toBe(1);
    expect(again.out).toContain("username");
    expect(count(prod, "select count(*) as n from users")).toBe(1);
    expect(run("db/create-admin.ts", ["--username", "x"], prod).status).toBe(2);
  });

  it("refuses a database that holds demo data", () => {
    const demo = path.join(dir, "demo", "panti.db");
    const seeded = run("db/setup.ts", ["--scale", "0"], demo, { DEMO_PASSWORD: "demo-password-123" });
    expect(seeded.status, seeded.out).toBe(0);
    expect(seeded.out).toContain("DEMO");
    const refused = run("db/setup.ts", ["--production"], demo);
    expect(refused.status).toBe(1);
    expect(refused.out).toContain("holds demo data");
  });

  it("for another province, takes its panti and outreach units from PANTI_REGISTRY_DIR, never DKI Jakarta's", () => {
    const jabar = path.join(dir, "jabar.db");
    const refused = run("db/setup.ts", ["--production"], jabar, { PANTI_PROVINCE: "32" });
    expect(refused.status, refused.out).toBe(1);
    expect(refused.out).toContain("PANTI_REGISTRY_DIR");
    expect(count(jabar, "select count(*) as n from panti")).toBe(0);

    const registry = path.join(dir, "registry-32");
    fs.mkdirSync(registry);
    const reference = path.resolve("db/reference");
    const header = (file: string) => fs.readFileSync(path.join(reference, file), "utf8").split("\n")[0];
    fs.writeFileSync(
      path.join(registry, "panti.csv"),
      `${header("panti.csv")}\nPSBL-BDG,Panti Sosial Bina Laras Bandung,mental,ODGJ terlantar,Kota Bandung,"Jl. Contoh No. 1, Bandung",60,2025,,,Dinas Sosial Jawa Barat\n`,
    );
    fs.writeFileSync(path.join(registry, "panti-profile.csv"), `${header("panti-profile.csv")}\nPSBL-BDG,penyandang_disabilitas,any,18,,,mental,ODGJ\n`);
    fs.writeFileSync(path.join(registry, "outreach-units.csv"), `${header("outreach-units.csv")}\nsatgas_jabar,Satgas Dinas Sosial Provinsi Jawa Barat,\n`);
    const created = run("db/setup.ts", ["--production"], jabar, { PANTI_PROVINCE: "32", PANTI_REGISTRY_DIR: registry });
    expect(created.status, created.out).toBe(0);
    expect(count(jabar, "select count(*) as n from panti")).toBe(1);
    expect(count(jabar, "select count(*) as n from panti where code = 'PSBL-BDG'")).toBe(1);
    expect(count(jabar, "select count(*) as n from outreach_units")).toBe(1);
    expect(count(jabar, "select count(*) as n from ppks_categories")).toBeGreaterThan(0);
  });
});
