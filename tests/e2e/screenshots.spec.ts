/**
 * The main pages at a phone's, a laptop's and a desktop's width: screenshots written to
 * tests/.tmp/screenshots (git-ignored) to be looked at, and the layout checks that the first day
 * found broken (the shelter list clipped, the navigation wrapping, the header too tall).
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, pantiIdByCode, signIn, test } from "./fixtures";

const OUT = path.resolve("tests/.tmp/screenshots");
const WIDTHS = [390, 1280, 1920] as const;

async function shoot(page: Page, name: string) {
  fs.mkdirSync(OUT, { recursive: true });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(OUT, `${name}-${width}.png`), fullPage: true });
  }
}

test("Dinsos pages", async ({ page, sql }) => {
  test.setTimeout(120_000);
  await signIn(page, "admin");
  const tj1 = pantiIdByCode(sql, "PSBR-TJ1");
  for (const [name, url] of [
    ["home-dinsos", "/home"],
    ["shelters", "/panti"],
    ["dashboard", "/dashboard"],
    ["quarterly", "/reports/quarterly?year=2025&quarter=1"],
    ["audit", "/admin/audit"],
    ["placements", "/placements"],
    ["bed-board", `/panti/${tj1}`],
  ] as const) {
    await page.goto(url);
    await shoot(page, name);
  }
});

test("panti staff pages", async ({ page, sql }) => {
  test.setTimeout(120_000);
  const tj1 = pantiIdByCode(sql, "PSBR-TJ1");
  const stay = sql.prepare("select id from stays where panti_id = ? and exited_at is null order by id limit 1").get(tj1) as { id: number };
  const cls = sql.prepare("select id from classes where panti_id = ? order by id desc limit 1").get(tj1) as { id: number } | undefined;
  await signIn(page, "admin.tj1");
  await page.goto("/home");
  await shoot(page, "home-panti-admin");
  await page.goto(`/panti/${tj1}/stays/${stay.id}`);
  await shoot(page, "case-file");
  await page.goto(`/panti/${tj1}/residents`);
  await shoot(page, "residents");
  if (cls) {
    await page.goto(`/classes/${cls.id}`);
    await shoot(page, "class");
  }
  await page.context().clearCookies();
  await signIn(page, "instruktur.tj1");
  await shoot(page, "home-instructor");
  if (cls) {
    await page.goto(`/classes/${cls.id}/attendance`);
    await shoot(page, "attendance");
  }
  await page.context().clearCookies();
  await signIn(page, "p3s.jakbar");
  await shoot(page, "home-outreach");
});

for (const width of [1280, 1366]) {
  test(`at ${width} px the shelter list shows its occupancy column and the admin's menu takes at most two rows`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await signIn(page, "admin");
    await page.goto("/panti");
    const header = page.locator("table thead th").last();
    const box = await header.boundingBox();
    expect(box!.x + box!.width, "the last column of the shelter list").toBeLessThanOrEqual(width);
    const nav = await page.locator(".main-nav").boundingBox();
    const link = await page.locator(".main-nav a").first().boundingBox();
    expect(nav!.height, "the menu's height").toBeLessThan(link!.height * 2.5);
  });
}
