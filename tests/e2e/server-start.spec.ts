/**
 * The built server opens its database before it listens: a damaged database stops the start
 * with a message that says what to do, instead of answering 500 to the first request.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ROOT } from "./e2e-env.js";

test("refuses to start on a damaged database, naming the file and the restore command", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "panti-start-"));
  const file = path.join(dir, "panti.db");
  fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
  try {
    const result = spawnSync(process.execPath, ["server.js"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 20_000,
      env: { ...process.env, DATABASE_URL: file, PORT: "3199", SESSION_SECRET: "server-start-test", LOG_REQUESTS: "false" },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Panti cannot start");
    expect(result.stderr).toContain(file);
    expect(result.stderr).toContain("db:restore");
    expect(result.stdout).not.toContain("is running");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
