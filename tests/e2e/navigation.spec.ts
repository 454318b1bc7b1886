/**
 * The administrator's navigation at a laptop width: the administration pages sit in one menu, so
 * the navigation takes at most two rows; the menu leads to each page and closes on the way.
 */
import { expect, test } from "./fixtures";

test("an administrator reaches the partner provinces through the administration menu", async ({ page, login }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await login("admin");
  const nav = page.getByRole("navigation", { name: "Menu" });
  const links = nav.getByRole("link");
  const tops = new Set<number>();
  for (const box of await links.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)))) tops.add(box);
  expect(tops.size, "rows of the navigation").toBeLessThanOrEqual(2);

  const menu = nav.locator("details.nav-menu").filter({ has: page.locator("summary", { hasText: "Administrasi" }) });
  await menu.locator("summary").click();
  await menu.getByRole("link", { name: "Provinsi mitra" }).click();
  await expect(page).toHaveURL(/\/admin\/provinces$/);
  await expect(page.getByTestId("own-fingerprint")).toHaveText(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
  await expect(page.getByTestId("partner-provinces").locator("tbody tr")).toHaveCount(10);
  await expect(menu).not.toHaveAttribute("open", "");
});

test("the navigation and a referral row's link open their page without loading a new document, and the navigation marks where the user is", async ({ page, login }) => {
  await login("admin");
  await page.goto("/placements");
  await page.waitForFunction(() => Boolean((window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized));
  const nav = page.getByRole("navigation", { name: "Menu" });
  await expect(nav.getByRole("link", { name: "Rujukan" })).toHaveAttribute("aria-current", "page");
  await page.evaluate(() => Object.assign(window, { listDocument: true }));

  const row = page.getByTestId("placement-row").first();
  const href = (await row.locator("a").first().getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/placements\/\d+$/);
  await row.locator("a").nth(1).click();
  await page.waitForURL((url) => url.pathname === href);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await nav.getByRole("link", { name: "Panti", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/panti");
  await expect(page.getByTestId("panti-row").first()).toBeVisible();
  await expect(nav.getByRole("link", { name: "Panti", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Rujukan" })).not.toHaveAttribute("aria-current", "page");
  expect(await page.evaluate(() => (window as { listDocument?: boolean }).listDocument)).toBe(true);
});
