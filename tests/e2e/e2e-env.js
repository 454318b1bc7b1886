// Settings shared by playwright.config.ts, the database preparation script and the specs.
// Plain ESM JavaScript so that `node tests/e2e/prepare-db.js` can import it without a loader.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project root (two folders up from this file). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The password of every demo user in the e2e database (DEMO_PASSWORD for db/setup.ts). */
export const E2E_PASSWORD = "Uji-Panti-e2e-2025";

/** A fixed cookie-signing secret, so no .session-secret file is written beside the database. */
export const E2E_SESSION_SECRET = "e2e-session-secret-not-for-production";

/** The port of the app under test: its own, so a running `npm start` on 3000 is never used. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

/**
 * The browser tests' own database: deleted and re-seeded on every run, never the demo one.
 * Named after the port (tests/.tmp/e2e-3100.db), so that two runs in one checkout with different
 * E2E_PORTs, or another tool's tests/.tmp/e2e.db, never delete each other's database.
 */
export const E2E_DB = path.join(ROOT, "tests", ".tmp", `e2e-${E2E_PORT}.db`);

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
