/**
 * Browser tests: @playwright/test driving Debian's Chromium (/usr/bin/chromium, or
 * CHROMIUM_PATH) against the BUILT app (`node server.js`) on a port and database of its own.
 * No browser is ever downloaded. See docs/decisions/001-browser-tests.md.
 *
 * `npm run test:e2e` checks for Chromium, builds, then runs `playwright test`.
 */
import { defineConfig } from "@playwright/test";
import { CHROMIUM_PATH, E2E_DB, E2E_PORT, E2E_SESSION_SECRET, ROOT } from "./tests/e2e/e2e-env.js";

const baseURL = `http://127.0.0.1:${E2E_PORT}`;
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  // One worker: the specs share one database and the shelter list spec compares every panti's
  // figures with SQL, so a concurrent bed change (beds.spec.ts) would race with it.
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // Playwright starts the webServer before globalSetup, so the fresh database is prepared
    // here, in the same command, right before the server starts.
    command: "node tests/e2e/prepare-db.js && node server.js",
    cwd: ROOT,
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(E2E_PORT),
      DATABASE_URL: E2E_DB,
      SESSION_SECRET: E2E_SESSION_SECRET,
      LOG_REQUESTS: "false",
      COOKIE_SECURE: "false",
    },
  },
});
