/**
 * Reports for any period in the browser: opened from the menu, a quick choice picks last year,
 * and the totals are those the database holds (counted here in SQL, on the WIB calendar); a
 * unit's number leads to the people behind it.
 */
import { expect, parseIdNumber, test } from "./fixtures";

test("Reports opens from the menu, a quick choice shows last year's totals and a number lists its people", async ({ page, login, sql }) => {
  await login("analis");
  await page.goto("/home");
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Laporan", exact: true }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Laporan untuk periode apa pun");
  await expect(page.getByRole("link", { name: "Laporan triwulan" })).toBeVisible();

  const lastYear = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear() - 1;
  await Promise.all([
    page.waitForURL(new RegExp(`from=${lastYear}-01-01&to=${lastYear}-12-31`)),
    page.getByTestId("quick-periods").getByRole("link", { name: new RegExp(`^Tahun lalu`) }).click(),
  ]);
  await expect(page.getByTestId("quick-periods").getByRole("link", { name: /^Tahun lalu/ })).toHaveAttribute("aria-current", "page");

  const start = Date.parse(`${lastYear}-01-01T00:00:00+07:00`);
  const end = Date.parse(`${lastYear + 1}-01-01T00:00:00+07:00`);
  const reached = sql
    .prepare("select count(*) as n from placements where found_at >= ? and found_at < ? and previous_placement_id is null and source <> 'transfer'")
    .get(start, end) as { n: number };
  expect(reached.n).toBeGreaterThan(0);
  await expect(page.getByTestId("report-total")).toContainText(new Intl.NumberFormat("id-ID").format(reached.n));
  expect(parseIdNumber(await page.getByTestId("report-grand-total").textContent())).toBe(reached.n);
  // The row totals add up to the total.
  const units = await page.locator("[data-unit]").allTextContents();
  expect(units.map(parseIdNumber).reduce((a, b) => a + b, 0)).toBe(reached.n);

  const jakbar = sql
    .prepare("select count(*) as n from placements where found_at >= ? and found_at < ? and previous_placement_id is null and source <> 'transfer' and outreach_unit = 'sudin_jakbar'")
    .get(start, end) as { n: number };
  await Promise.all([page.waitForURL(/\/reports\/referrals\?.*unit=sudin_jakbar/), page.locator('[data-unit="sudin_jakbar"]').click()]);
  await expect(page.locator(".page-header p")).toContainText(new Intl.NumberFormat("id-ID").format(jakbar.n));
  await expect(page.getByTestId("report-referrals").locator("tbody tr")).toHaveCount(Math.min(50, jakbar.n));
});
