import { chromium } from "playwright-core";
const base = "http://127.0.0.1:3300";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
async function as(user, fn, viewport = { width: 390, height: 844 }) {
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
await as("admin.tj1", async (page) => {
  await page.goto(base + "/approvals");
  const row = page.getByTestId("approval-row").first();
  console.log("tj1 queue:", (await page.locator("main").innerText()).replace(/\s+/g, " ").slice(0, 300));
  await row.getByTestId("approval-open").click();
  await page.waitForURL(/\/approvals\/\d+/);
  await page.screenshot({ path: "/tmp/walk/exit-approval.png", fullPage: true });
  const link = page.locator("a[href*='/stays/']").first();
  const href = await link.getAttribute("href");
  console.log("subject link:", href);
  const caseUrl = href.replace(/\/exit$/, "");
  await page.goto(base + caseUrl);
  console.log("case file:", (await page.locator("main").innerText()).replace(/\s+/g, " ").slice(0, 400));
  const pantiPath = caseUrl.split("/stays/")[0];
  await page.goto(base + pantiPath);
  console.log("pending badge on bed board:", await page.getByText(/Menunggu persetujuan|terminasi menunggu/i).count());
});
await as("psikolog.hs2", async (page) => {
  await page.goto(base + "/home");
  console.log("psikolog home:", (await page.locator("main").innerText()).replace(/\s+/g, " ").slice(0, 300));
});
await browser.close();
