import { chromium } from "playwright-core";
const base = "http://127.0.0.1:3300";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
const page = await ctx.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));
await page.goto(base + "/login");
await page.fill("#username", "admin");
await page.fill("#password", "Walk-demo-2026");
await page.click("button[type=submit]");
await page.waitForURL((u) => !u.pathname.startsWith("/login"));
await page.goto(base + "/follow-ups");
const form = page.locator("form[method=get]").filter({ has: page.locator("select[name=for]") });
console.log("export forms:", await form.count());
await page.screenshot({ path: "/tmp/walk/followups.png" });
for (const purpose of ["internal", "family"]) {
  await form.first().locator("select[name=for]").selectOption(purpose);
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 15000 }).catch(() => null), form.first().getByRole("button", { name: /CSV/ }).click()]);
  if (dl) {
    const path = await dl.path();
    const fs = await import("node:fs");
    const body = fs.readFileSync(path, "utf8").split("\n");
    console.log(purpose, "rows:", body.length, "last:", body.at(-2)?.slice(0, 200));
  } else {
    console.log(purpose, "no download; page:", (await page.locator("body").innerText()).slice(0, 300), page.url());
    await page.goBack();
  }
}
console.log("errors", errors);
await browser.close();
