/**
 * The Dinsos dashboard renders its charts with the demo data, and a narrower date range changes
 * them. Charts are drawn in the browser (recharts), so this is checked here rather than in vitest.
 */
import { expect, parseIdNumber, signIn, test } from "./fixtures";

test("the dashboard draws its charts and a date-range filter changes them", async ({ page }) => {
  await signIn(page, "analis");
  await page.goto("/dashboard");
  const charts = page.getByTestId("chart");
  await expect(charts.first()).toBeVisible();
  // Every chart has drawn an SVG surface with bars or a line in it.
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  expect(await page.locator(".recharts-bar-rectangle, .recharts-rectangle").count()).toBeGreaterThan(10);
  expect(await page.locator(".recharts-line-curve").count()).toBe(1);

  const exitsYear = parseIdNumber(await page.getByTestId("dash-exits").textContent());
  const points = await page.locator(".recharts-line-curve").getAttribute("d");
  expect(exitsYear).toBeGreaterThan(0);

  const to = await page.locator("#to").inputValue();
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
  await page.locator("#from").fill(from);
  await Promise.all([page.waitForURL(/from=/), page.getByRole("button", { name: "Terapkan" }).click()]);
  await expect(page.getByTestId("dashboard-period")).not.toContainText("2025");
  const exitsMonth = parseIdNumber(await page.getByTestId("dash-exits").textContent());
  expect(exitsMonth).toBeLessThan(exitsYear);
  await expect.poll(() => page.locator(".recharts-line-curve").getAttribute("d")).not.toBe(points);

  // The quarterly report reproduces the published Q1 2025 figures from the demo data.
  await page.goto("/reports/quarterly?year=2025&quarter=1");
  await expect(page.getByTestId("report-total")).toContainText("1.579");
  for (const [unit, n] of [["satgas_dinsos", "138"], ["sudin_jakpus", "231"], ["sudin_jakut", "340"], ["sudin_jakbar", "372"], ["sudin_jaksel", "208"], ["sudin_jaktim", "290"]]) {
    await expect(page.locator(`[data-unit="${unit}"]`)).toHaveText(n!);
  }
  for (const [month, n] of [["2025-01", "404"], ["2025-02", "427"], ["2025-03", "748"]]) {
    await expect(page.locator(`[data-month="${month}"]`)).toHaveText(n!);
  }
});

test("only the pages with charts load the chart library", async ({ page }) => {
  await signIn(page, "analis");
  const loadedScripts = async (path: string) => {
    const scripts: string[] = [];
    const listener = (r: { url(): string }) => {
      if (r.url().includes("/build/") && r.url().endsWith(".js")) scripts.push(r.url());
    };
    page.on("response", listener);
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    page.off("response", listener);
    return Promise.all(scripts.map(async (url) => (await page.request.get(url)).text()));
  };
  // recharts' own class names are in its code, whatever the minifier does to identifiers.
  const marker = "recharts-surface";
  expect((await loadedScripts("/dashboard")).some((b) => b.includes(marker))).toBe(true);
  await page.context().clearCookies();
  await signIn(page, "analis");
  expect((await loadedScripts("/panti")).some((b) => b.includes(marker))).toBe(false);
});

test("a page loads the messages of its own language only", async ({ page }) => {
  await signIn(page, "analis");
  const scripts: string[] = [];
  page.on("response", (r) => {
    const path = new URL(r.url()).pathname;
    if ((path.startsWith("/build/") || path.startsWith("/i18n/")) && path.endsWith(".js")) scripts.push(r.url());
  });
  await page.goto("/panti");
  await page.waitForLoadState("networkidle");
  const texts = await Promise.all(scripts.map(async (url) => (await page.request.get(url)).text()));
  // nav.signOut: "Keluar" in Bahasa Indonesia, "Sign out" in English.
  expect(texts.some((text) => text.includes("Keluar"))).toBe(true);
  expect(texts.some((text) => text.includes("Sign out"))).toBe(false);
  await expect(page.getByRole("button", { name: "Keluar" })).toBeVisible();
});
