/**
 * A write the app has acknowledged survives the process being killed (kill -9) in the middle of
 * other writes. The connection runs in WAL mode with synchronous = NORMAL (db/connection.ts): a
 * commit is in the WAL file, in the operating system's hands, when it returns, so a process that
 * dies loses nothing it acknowledged. (Only a power cut or an operating-system crash can lose the
 * last commits before the next checkpoint: see docs/decisions/018-page-speed.md.)
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "panti-durability-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("durability", () => {
  it("keeps every acknowledged write when the process is killed mid-write", async () => {
    const file = path.join(dir, "killed.db");
    const writer = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/write-until-killed.ts"], {
      env: { ...process.env, DATABASE_URL: file },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let errors = "";
    writer.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => writer.on("exit", (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      writer.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        // Killed while it writes, well after the first checkpoint of the WAL (1,000 pages).
        if (output.split("\n").length > 3_000) {
          writer.kill("SIGKILL");
          resolve();
        }
      });
      writer.on("exit", () => reject(new Error(`the writer stopped by itself:\n${errors}`)));
    });
    expect(await exited).toBe("SIGKILL");
    // Whole lines only: a number is acknowledged with its newline.
    const acknowledged = output.slice(0, output.lastIndexOf("\n")).split("\n").map(Number);
    expect(acknowledged.length).toBeGreaterThanOrEqual(3_000);
    expect(acknowledged.at(-1)).toBe(acknowledged.length);

    const db = new Database(file);
    try {
      const stored = new Set(
        (db.prepare("select entity_id as id from audit_log where action = 'durability.probe'").all() as { id: string }[]).map((r) => Number(r.id)),
      );
      expect(acknowledged.filter((i) => !stored.has(i))).toEqual([]);
      expect((db.prepare("pragma integrity_check").get() as { integrity_check: string }).integrity_check).toBe("ok");
    } finally {
      db.close();
    }
  }, 120_000);
});
