/**
 * Each test worker gets its own migrated SQLite file (never the demo database).
 * The file is created lazily by app/utils/db.server.ts on first use.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "panti-test-"));
process.env.DATABASE_URL = path.join(dir, "test.db");
process.env.SESSION_SECRET ??= "test-session-secret";

afterAll(async () => {
  const { closeDb } = await import("~/utils/db.server");
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});
