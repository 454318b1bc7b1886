/**
 * Backups with the online backup API while another process writes, restores that replace the
 * database safely, and the refusal to open a damaged database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { backupDatabase, databaseInUse, integrityProblems, restoreDatabase } from "#db/backups";
import { DamagedDatabaseError, openDatabase } from "#db/connection";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "panti-backup-"));
let n = 0;
const fresh = (name: string) => path.join(tmp, `${++n}-${name}`);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const PAD = JSON.stringify({ pad: "x".repeat(900) });

/** A migrated database file with `rows` padded audit rows of the given action. */
function databaseWith(file: string, rows: number, action = "fill"): void {
  const db = openDatabase(file);
  const insert = db.$client.prepare("insert into audit_log (at, action, entity, after) values (?, ?, 'test', ?)");
  db.$client.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(Date.now(), action, PAD);
  })();
  db.$client.close();
}

function count(file: string, where = "1 = 1", ...params: unknown[]): number {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (sqlite.prepare(`select count(*) as n from audit_log where ${where}`).get(...params) as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** Overwrites one page of the file with garbage. */
function garblePage(file: string, pageno: number): void {
  const sqlite = new Database(file, { readonly: true });
  const pageSize = sqlite.pragma("page_size", { simple: true }) as number;
  sqlite.close();
  const fd = fs.openSync(file, "r+");
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (pageno - 1) * pageSize);
  fs.closeSync(fd);
}

function leafPageOf(file: string, name: string): number {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare("select pageno from dbstat where name = ? and pagetype = 'leaf' limit 1").get(name) as { pageno: number }).pageno;
  } finally {
    sqlite.close();
  }
}

/**
 * Another process writing to the database all the time, one committed row per statement
 * (the app serving requests).
 */
function startWriter(file: string): Promise<ChildProcess> {
  const code = `
    const Database = require("better-sqlite3");
    const db = new Database(process.env.WRITER_DB);
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 15000");
    db.pragma("synchronous = NORMAL");
    const insert = db.prepare("insert into audit_log (at, action, entity, after) values (?, 'load', 'test', ?)");
    const pad = ${JSON.stringify(PAD)};
    let n = 0;
    function burst() {
      for (let i = 0; i < 20; i++) { insert.run(Date.now(), pad); n++; }
      if (n === 20) process.stdout.write("ready\\n");
      setImmediate(burst);
    }
    process.on("SIGTERM", () => { db.close(); process.exit(0); });
    burst();
  `;
  const child = spawn(process.execPath, ["-e", code], { env: { ...process.env, WRITER_DB: file }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (status) => reject(new Error(`writer exited early (${status})`)));
    child.stdout!.once("data", () => {
      child.removeAllListeners("exit");
      resolve(child);
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

describe("npm run db:backup", () => {
  let writer: ChildProcess | undefined;
  afterEach(async () => {
    if (writer) await stop(writer);
    writer = undefined;
  });

  it("takes a sound copy while another process writes, holding every row committed before it began", async () => {
    const source = fresh("live.db");
    databaseWith(source, 20_000); // about 25 MB, so that the copy takes a while
    writer = await startWriter(source);
    await new Promise((r) => setTimeout(r, 200));

    const committedBefore = count(source, "action = 'load'");
    const maxIdBefore = (() => {
      const s = new Database(source, { readonly: true });
      try {
        return (s.prepare("select max(id) as id from audit_log").get() as { id: number }).id;
      } finally {
        s.close();
      }
    })();
    const destination = path.join(tmp, "backups", "copy.db");
    const result = await backupDatabase(source, destination);
    const committedAfter = count(source, "action = 'load'");

    expect(committedBefore).toBeGreaterThan(0);
    expect(committedAfter).toBeGreaterThan(committedBefore); // the writer kept going meanwhile
    expect(integrityProblems(destination)).toEqual([]);
    expect(count(destination, "id <= ?", maxIdBefore)).toBe(maxIdBefore);
    expect(count(destination, "action = 'load'")).toBeGreaterThanOrEqual(committedBefore);
    expect(result).toMatchObject({ file: destination, bytes: fs.statSync(destination).size });
    expect(fs.statSync(destination).mode & 0o777).toBe(0o600);
    // One self-contained file: nothing beside it, no temporary file left.
    expect(fs.readdirSync(path.dirname(destination))).toEqual(["copy.db"]);
  });

  it("never overwrites an existing file", async () => {
    const source = fresh("src.db");
    databaseWith(source, 3);
    const destination = fresh("taken.db");
    fs.writeFileSync(destination, "keep me");
    await expect(backupDatabase(source, destination)).rejects.toThrow(/exists already/);
    expect(fs.readFileSync(destination, "utf8")).toBe("keep me");
  });
});

describe("npm run db:restore", () => {
  it("round-trips: the database becomes the backup, the replaced one is kept, a stale -wal is not replayed", async () => {
    const target = fresh("panti.db");
    databaseWith(target, 10, "before-backup");
    {
      // A session that exists when the backup is taken (and might be ended after it).
      const s = new Database(target);
      s.prepare("insert into users (username, name, password_hash, role) values ('u', 'U', 'x', 'dinsos_admin')").run();
      s.prepare("insert into sessions (id, user_id, expires_at) values ('s1', 1, ?)").run(Date.now() + 3600_000);
      s.close();
    }
    const backup = fresh("backup.db");
    await backupDatabase(target, backup);

    // Later writes, left in the -wal as by an app that stopped without a checkpoint.
    const app = new Database(target);
    app.pragma("journal_mode = WAL");
    app.pragma("wal_autocheckpoint = 0");
    const insert = app.prepare("insert into audit_log (at, action, entity, after) values (?, 'after-backup', 'test', ?)");
    for (let i = 0; i < 5; i++) insert.run(Date.now(), PAD);
    const staleWal = fs.readFileSync(`${target}-wal`);

    // While the app holds the database, nothing happens.
    expect(databaseInUse(target)).toBe(true);
    const before = sha(target);
    expect(() => restoreDatabase(backup, target)).toThrow(/is open in another process.*Stop the app first/);
    expect(sha(target)).toBe(before);
    app.close();
    fs.writeFileSync(`${target}-wal`, staleWal);

    const result = restoreDatabase(backup, target, new Date("2026-12-01T03:04:05Z"));
    expect(result.previous).toBe(`${target}.before-restore-20261201-100405`);
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    expect(integrityProblems(target)).toEqual([]);

    const db = openDatabase(target);
    const actions = db.$client.prepare("select action, count(*) as n from audit_log group by action order by action").all();
    const restoreEntry = db.$client.prepare("select after from audit_log where action = 'database.restore'").get() as { after: string };
    const sessions = db.$client.prepare("select count(*) as n from sessions").get();
    db.$client.close();
    expect(actions).toEqual([
      { action: "before-backup", n: 10 },
      { action: "database.restore", n: 1 },
    ]);
    expect(JSON.parse(restoreEntry.after)).toEqual({ backup: path.basename(backup), sessionsEnded: 1 });
    // Everyone signs in again: a session ended after the backup must not come back.
    expect(sessions).toEqual({ n: 0 });
    expect(count(backup, "action = 'database.restore'")).toBe(0); // the backup itself is untouched
    // The replaced database is whole, later rows included.
    expect(count(result.previous!, "action = 'after-backup'")).toBe(5);
    expect(fs.readdirSync(tmp).filter((f) => f.includes(".restore-"))).toEqual([]);

    // A second restore in the same second keeps the first replaced file too.
    const again = restoreDatabase(backup, target, new Date("2026-12-01T03:04:05Z"));
    expect(again.previous).toBe(`${target}.before-restore-20261201-100405-2`);
    expect(count(result.previous!, "action = 'after-backup'")).toBe(5);
  });

  it("restores into a place where no database is yet", async () => {
    const source = fresh("src.db");
    databaseWith(source, 4);
    const backup = fresh("backup.db");
    await backupDatabase(source, backup);
    const target = path.join(tmp, `new-${++n}`, "panti.db");
    expect(restoreDatabase(backup, target).previous).toBeNull();
    expect(count(target, "action = ?", "fill")).toBe(4);
  });

  it("refuses a damaged backup, and a file that is no database, and changes nothing", async () => {
    const dir = fresh("restore-here");
    fs.mkdirSync(dir);
    const target = path.join(dir, "panti.db");
    databaseWith(target, 50);
    const backup = fresh("backup.db");
    await backupDatabase(target, backup);
    garblePage(backup, leafPageOf(backup, "audit_log"));
    const before = sha(target);

    expect(() => restoreDatabase(backup, target)).toThrow(/backup .* is damaged \(PRAGMA integrity_check: .*choose an older backup/);
    const notADatabase = fresh("notes.db");
    fs.writeFileSync(notADatabase, "these are not the pages you are looking for ".repeat(200));
    expect(() => restoreDatabase(notADatabase, target)).toThrow(/is damaged/);
    expect(sha(target)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(["panti.db"]);
  });

  it("refuses a sound SQLite file that is no Panti database", () => {
    const other = fresh("other.db");
    const sqlite = new Database(other);
    sqlite.exec("create table notes (id integer primary key, body text)");
    sqlite.close();
    const target = fresh("panti.db");
    databaseWith(target, 1);
    expect(() => restoreDatabase(other, target)).toThrow(/is no Panti database/);
  });
});

describe("opening a damaged database", () => {
  it("refuses a file whose index page is garbage, naming the file and the way out", () => {
    const file = fresh("damaged.db");
    databaseWith(file, 2_000);
    garblePage(file, leafPageOf(file, "audit_at_idx"));
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DamagedDatabaseError);
    expect((error as Error).message).toContain(`The database ${file} is damaged`);
    expect((error as Error).message).toMatch(/restore the latest good backup: npm run db:restore/);
    expect((error as DamagedDatabaseError).problems.length).toBeGreaterThan(0);
  });

  it("refuses a file that is no SQLite database", () => {
    const file = fresh("garbage.db");
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    expect(() => openDatabase(file)).toThrow(DamagedDatabaseError);
    expect(() => openDatabase(file)).toThrow(/file is not a database/);
  });

  it("opens a sound one", () => {
    const file = fresh("sound.db");
    databaseWith(file, 2_000);
    expect(() => openDatabase(file).$client.close()).not.toThrow();
  });
});
