import { chromium } from "playwright-core";
const base = "http://127.0.0.1:3300";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
async function as(user, fn, viewport = { width: 1366, height: 900 }) {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(base + "/login");
  await page.fill("#username", user);
  await page.fill("#password", "Walk-demo-2026");
  await page.click("button[type=submit]");
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  await fn(page);
  console.log(user, "errors:", errors.length ? errors : "none");
  await ctx.close();
}
const text = async (page, sel) => (await page.locator(sel).first().innerText()).replace(/\s+/g, " ").slice(0, 400);
await as("admin", async (page) => {
  await page.goto(base + "/home");
  console.log("home approvals card:", await text(page, "main"));
  await page.goto(base + "/approvals");
  console.log("queue:", await text(page, "main"));
  await page.screenshot({ path: "/tmp/walk/approvals.png", fullPage: true });
});
await as("admin.hs2", async (page) => {
  await page.goto(base + "/approvals");
  console.log("hs2 queue:", await text(page, "main"));
  const open = page.getByTestId("approval-open").first();
  if (await open.count()) {
    await open.click();
    await page.waitForURL(/\/approvals\/\d+/);
    console.log("request page:", await text(page, "main"));
    await page.getByTestId("approval-approve").click();
    await page.waitForTimeout(800);
    console.log("after approve:", await text(page, "[data-testid=approval-message]"));
  }
}, { width: 390, height: 844 });
await browser.close();
