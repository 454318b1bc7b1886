/**
 * The measure reports in the browser: the data-quality report of a panti admin opens the people
 * behind a count, and the list holds as many people as the count said.
 */
import { expect, parseIdNumber, signIn, test } from "./fixtures";

test("data quality: a count opens the list of the people behind it", async ({ page }) => {
  await signIn(page, "admin.bd1");
  await page.goto("/reports/data-quality");
  const table = page.getByTestId("data-quality");
  await expect(table).toBeVisible();
  // A panti admin sees one panti: their own.
  await expect(table.locator("tbody tr")).toHaveCount(1);
  const count = table.locator("tbody a[data-testid^='dq-missing_nik-']");
  const n = parseIdNumber(await count.textContent());
  expect(n).toBeGreaterThan(0);
  await Promise.all([page.waitForURL(/check=missing_nik/), count.click()]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tanpa NIK");
  const people = page.getByTestId("dq-people");
  await expect(people).toBeVisible();
  await expect(page.getByTestId("dq-people-total")).toContainText(`dari ${n.toLocaleString("id-ID")}`);
  expect(await people.locator("tbody tr").count()).toBe(Math.min(n, 50));
  // Each person opens their case file.
  const first = people.locator("tbody a").first();
  await Promise.all([page.waitForURL(/\/panti\/\d+\/stays\/\d+$/), first.click()]);
});

test("returns and length of stay show figures for Dinsos, and a bad period is explained", async ({ page }) => {
  await signIn(page, "analis");
  await page.goto("/reports/returns");
  await expect(page.getByTestId("returns-by-outcome")).toBeVisible();
  const exits = parseIdNumber(await page.getByTestId("returns-by-outcome-total-exits").textContent());
  expect(exits).toBeGreaterThan(0);
  // Those who came back within six months: the list holds as many as the figure.
  const returned = page.getByTestId("returns-by-outcome-total-m6-returned");
  const n = parseIdNumber(await returned.textContent());
  expect(n).toBeGreaterThan(0);
  await Promise.all([page.waitForURL(/show=returned/), returned.click()]);
  await expect(page.getByTestId("returns-people-total")).toContainText(`dari ${n.toLocaleString("id-ID")}`);
  await page.goto("/reports/length-of-stay");
  await expect(page.getByTestId("los-report")).toBeVisible();
  expect(parseIdNumber(await page.getByTestId("los-total").textContent())).toBeGreaterThan(0);
  await page.goto("/reports/length-of-stay?from=2025-05-01&to=2025-01-01");
  await expect(page.getByTestId("period-error")).toBeVisible();
});
