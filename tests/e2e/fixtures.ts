/**
 * Shared fixtures for the browser tests:
 * - `login(username)`: signs in through the login form with the e2e password (the one
 *   prepare-db.js seeded the demo users with) and waits until the app has let the user in;
 * - `sql`: the e2e database file opened read-only with better-sqlite3, to compute expected
 *   figures independently of the app's code;
 * - every test fails when a page of its browser context reports a message it has not loaded
 *   (app/utils/i18n.ts: a route that does not declare a group of messages it uses, or a
 *   dictionary script that failed), whether on the first load or after client-side navigation;
 * - `expectAccessible(page, what)`: no serious or critical axe-core violation on the page.
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { E2E_DB, E2E_PASSWORD } from "./e2e-env.js";

export { E2E_PASSWORD };

/** Demo usernames seeded by db/seed.ts. */
export type DemoUser =
  | "admin"
  | "analis"
  | "admin.bd1"
  | "admin.bm1"
  | "admin.tj1"
  | "admin.hs2"
  | "instruktur.tj1"
  | "psikolog.hs2"
  | "p3s.jakbar";

/** Signs in through the form (in whatever language the page is in: fields are found by id). */
export async function signIn(page: Page, username: DemoUser | string, password = E2E_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== "/login"),
    page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click(),
  ]);
  await expect(page.getByTestId("current-user")).toBeAttached();
}

/**
 * The dictionary scripts the page asks for from now on, by their groups: `id.common-HASH.home-HASH.js`
 * is listed as `id.common.home.js`.
 */
export function dictionaryRequests(page: Page): string[] {
  const names: string[] = [];
  page.on("request", (request) => {
    const match = /\/i18n\/([^/?]+)$/.exec(new URL(request.url()).pathname);
    if (match) names.push(match[1]!.replace(/-[0-9a-f]{8}/g, ""));
  });
  return names;
}

/** A number as the app renders it in Bahasa Indonesia: "1.234" → 1234. */
export function parseIdNumber(text: string | null): number {
  const cleaned = (text ?? "").replace(/\s/g, "").replace(/\./g, "").replace(",", ".");
  const value = Number(cleaned);
  if (cleaned === "" || !Number.isFinite(value)) throw new Error(`not a number: ${JSON.stringify(text)}`);
  return value;
}

type Fixtures = {
  login: (username: DemoUser) => Promise<void>;
  sql: Database.Database;
};

/** What app/utils/i18n.ts and app/utils/message-groups.ts write to the console for a message a page lacks. */
const MISSING_MESSAGES = /^(Missing message: |Messages not loaded: )/;
/** What React writes when the browser's render cannot take over the server's HTML (production builds name the error by number). */
const HYDRATION_ERRORS = /Minified React error #(418|419|421|422|423|425)\b|Hydration failed|did not match/;

export const test = base.extend<Fixtures>({
  context: async ({ context }, use) => {
    const missing: string[] = [];
    const failures: string[] = [];
    context.on("console", (message) => {
      if (message.type() !== "error") return;
      const where = `${message.text()} (${message.page()?.url() ?? "?"})`;
      if (MISSING_MESSAGES.test(message.text())) missing.push(where);
      else if (HYDRATION_ERRORS.test(message.text())) failures.push(where);
    });
    context.on("weberror", (error) => failures.push(`${error.error().message} (${error.page()?.url() ?? "?"})`));
    await use(context);
    expect(missing, "messages that a page had not loaded").toEqual([]);
    expect(failures, "script errors and hydration errors in the pages").toEqual([]);
  },
  login: async ({ page }, use) => {
    await use((username) => signIn(page, username));
  },
  // Playwright reads the fixture's dependencies from the destructuring pattern: it must be there.
  // eslint-disable-next-line no-empty-pattern
  sql: async ({}, use) => {
    const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
    try {
      await use(db);
    } finally {
      db.close();
    }
  },
});

export { expect };

/** No serious or critical axe violation on the page as it is now. */
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  expect(bad, `axe on ${what}`).toEqual([]);
}

/** The id of a panti by its code, from the e2e database. */
export function pantiIdByCode(sql: Database.Database, code: string): number {
  const row = sql.prepare("select id from panti where code = ?").get(code) as { id: number } | undefined;
  if (!row) throw new Error(`panti ${code} is not in the e2e database`);
  return row.id;
}

/** Refers a person to a panti through the form, as the signed-in outreach officer; returns the referral's id. */
export async function referThroughForm(page: Page, name: string, pantiId: number, sex: "male" | "female"): Promise<number> {
  await page.goto("/placements/new");
  await page.locator("#personName").fill(name);
  await page.locator("#sex").selectOption(sex);
  await page.locator("#estimatedAge").fill("16");
  await page.locator("#ppksCategory").selectOption("anak_terlantar");
  await page.locator("#foundPlace").fill("Halte Harmoni");
  await page.locator("#assessmentSummary").fill("Remaja putus sekolah tidur di halte, sehat, mau ikut pelatihan.");
  await page.locator("#targetPantiId").selectOption(String(pantiId));
  await Promise.all([page.waitForURL(/\/placements\/\d+\?created=1/), page.getByRole("button", { name: "Kirim rujukan" }).click()]);
  return Number(/\/placements\/(\d+)/.exec(page.url())![1]);
}
