// Prepares the browser tests' database: deletes tests/.tmp/e2e-<port>.db and creates it afresh with
// db/setup.ts (migrate + seed the demo data at scale 1 with the fixed test password).
// Run by the Playwright webServer command just before `node server.js`, because Playwright
// starts the webServer before globalSetup.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { E2E_DB, E2E_PASSWORD, ROOT } from "./e2e-env.js";

const started = Date.now();
fs.mkdirSync(path.dirname(E2E_DB), { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(E2E_DB + suffix, { force: true });

const localTsx = path.join(ROOT, "node_modules", ".bin", "tsx");
const [command, args] = fs.existsSync(localTsx)
  ? [localTsx, ["db/setup.ts"]]
  : ["npx", ["--no-install", "tsx", "db/setup.ts"]];

const result = spawnSync(command, args, {
  cwd: ROOT,
  stdio: ["ignore", "pipe", "pipe"],
  encoding: "utf8",
  env: {
    ...process.env,
    DATABASE_URL: E2E_DB,
    DEMO_PASSWORD: E2E_PASSWORD,
    SEED_SCALE: "1",
  },
});

if (result.status !== 0 || !fs.existsSync(E2E_DB)) {
  process.stderr.write(result.stdout ?? "");
  process.stderr.write(result.stderr ?? "");
  console.error(`e2e: preparing the database with db/setup.ts failed (exit ${result.status ?? result.signal}).`);
  process.exit(1);
}
console.log(`e2e: database ready at ${path.relative(ROOT, E2E_DB)} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
