/**
 * The Content-Security-Policy in a real browser: pages hydrate with their nonce-carrying inline
 * scripts, recharts draws, forms validate and client-side navigation works, with no CSP
 * violation and no console error on the way. See docs/decisions/007-security-headers.md.
 */
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records CSP violations (the DOM event) and console errors of every page the test opens. */
async function watch(page: Page) {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations!.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  return {
    consoleErrors,
    violations: () => page.evaluate(() => window.__cspViolations ?? []),
  };
}

/** Document requests made while `action` runs: none when the router navigates on the client. */
async function documentRequestsDuring(page: Page, action: () => Promise<void>): Promise<string[]> {
  const documents: string[] = [];
  const listener = (request: { resourceType(): string; url(): string }) => {
    if (request.resourceType() === "document") documents.push(request.url());
  };
  page.on("request", listener);
  await action();
  page.off("request", listener);
  return documents;
}

test("the sign-in page carries a nonce-based CSP that its inline scripts match", async ({ page }) => {
  const response = await page.request.get("/login");
  const csp = response.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(response.headers()["permissions-policy"]).toContain("camera=()");
  expect(response.headers()["cache-control"]).toBe("no-store");
  // Without COOKIE_SECURE (plain HTTP in the tests) there is no HSTS.
  expect(response.headers()["strict-transport-security"]).toBeUndefined();
  const html = await response.text();
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]!);
  expect(inline.length).toBeGreaterThanOrEqual(3);
  for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`);
  // A second request gets another nonce.
  const again = (await page.request.get("/login")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);
});

test("pages hydrate under the CSP: sign-in, dashboard charts, a form and client-side navigation", async ({ page }) => {
  const { consoleErrors, violations } = await watch(page);

  await page.goto("/login");
  // Client validation (react-hook-form) only runs once the page has hydrated.
  await signIn(page, "admin");
  expect(await violations()).toEqual([]);

  await page.goto("/dashboard");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  expect(await page.locator(".recharts-bar-rectangle, .recharts-rectangle").count()).toBeGreaterThan(10);
  expect(await violations()).toEqual([]);

  // Client-side navigation: the router fetches data, the browser loads no new document.
  const documents = await documentRequestsDuring(page, async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Rujukan" }).first().click();
    await expect(page).toHaveURL(/\/placements$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
  expect(documents).toEqual([]);

  // A form page: client-side validation shows field errors without a round trip.
  await page.goto("/placements/new");
  const posts = await documentRequestsDuring(page, async () => {
    await page.locator("form button[type=submit]").last().click();
    await expect(page.locator("[aria-invalid=true]").first()).toBeVisible();
  });
  expect(posts).toEqual([]);

  // The token page: a form that posts and shows the token once, through the client router.
  await page.goto("/admin/api-tokens");
  await page.locator("#token-name").fill("Aplikasi CSP");
  await page.locator("#token-expires").fill("2099-12-31");
  await page.getByRole("button", { name: "Buat token" }).click();
  await expect(page.getByTestId("token-secret")).toHaveValue(/^pnt_/);
  await expect(page.getByTestId("token-expires").first()).toHaveText("31 Des 2099");

  expect(await violations()).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("the other kinds of page render under the CSP without violations", async ({ page }) => {
  const { consoleErrors, violations } = await watch(page);
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await violations()).toEqual([]);
  await signIn(page, "admin");
  for (const path of ["/panti", "/reports/quarterly?year=2025&quarter=1", "/classes", "/admin/users/new", "/admin/audit"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    expect(await violations(), path).toEqual([]);
  }
  expect(consoleErrors).toEqual([]);
});

test("a password change renews the session: the new cookie works, the old one no longer does", async ({ page, browser, request }) => {
  const { consoleErrors, violations } = await watch(page);
  // A user of this test's own, so the demo users' passwords stay as the other specs expect.
  await signIn(page, "admin");
  await page.goto("/admin/users/new");
  const username = `uji.sesi.${Date.now() % 100000}`;
  await page.locator("#username").fill(username);
  await page.locator("#name").fill("Petugas Uji Sesi");
  await page.locator("#role").selectOption("dinsos_viewer");
  await page.locator("form button[type=submit]").last().click();
  const initial = (await page.getByTestId("generated-password").textContent())!.trim();

  const context = await browser.newContext();
  const own = await context.newPage();
  const ownWatch = await watch(own);
  await signIn(own, username, initial);
  await expect(own).toHaveURL(/\/account\/password$/);
  const cookieName = "__panti_session";
  const before = (await context.cookies()).find((c) => c.name === cookieName)!.value;
  await own.locator("#currentPassword").fill(initial);
  await own.locator("#newPassword").fill("kopi susu gula aren");
  await own.locator("#confirmPassword").fill("kopi susu gula aren");
  await own.getByRole("button", { name: "Ganti kata sandi" }).click();
  await expect(own.getByRole("status")).toContainText("Kata sandi Anda sudah diganti.");
  const after = (await context.cookies()).find((c) => c.name === cookieName)!.value;
  expect(after).not.toBe(before);

  // The app goes on with the new cookie (client-side navigation included) ...
  await own.getByRole("link", { name: "Lanjut ke Beranda" }).click();
  await expect(own).toHaveURL(/\/home$/);
  // ... and the old one signs nobody in.
  const stale = await request.get("/home", { headers: { Cookie: `${cookieName}=${before}` }, maxRedirects: 0 });
  expect(stale.status()).toBe(302);
  expect(stale.headers()["location"]).toContain("/login");
  expect(await ownWatch.violations()).toEqual([]);
  expect(ownWatch.consoleErrors).toEqual([]);
  await context.close();

  expect(await violations()).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
