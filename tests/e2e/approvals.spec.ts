/**
 * A second person approves a case plan: the psychologist writes the plan, which shows as a draft;
 * the panti admin finds it in the approval queue and approves it; the case file then shows it
 * approved, with the approver.
 */
import { expect, pantiIdByCode, signIn, test } from "./fixtures";

test("a plan written by the psychologist is a draft until the panti admin approves it from the queue", async ({ page, sql }) => {
  const pantiId = pantiIdByCode(sql, "PSBL-HS2");
  const stay = sql
    .prepare(
      `select s.id, p.name from stays s join persons p on p.id = s.person_id
       where s.panti_id = ? and s.exited_at is null and p.name is not null and p.unidentified = 0 and p.restricted = 0
         and not exists (select 1 from intervention_plans ip where ip.stay_id = s.id)
       order by s.id limit 1`,
    )
    .get(pantiId) as { id: number; name: string };
  const approver = sql.prepare("select name from users where username = 'admin.hs2'").get() as { name: string };
  const caseUrl = `/panti/${pantiId}/stays/${stay.id}`;

  await signIn(page, "psikolog.hs2");
  await page.goto(`${caseUrl}/plan`);
  await page.locator("#goal-0").fill("Mengikuti terapi kelompok tiap minggu");
  await page.locator("#intervention-0").fill("Terapi kelompok dan pendampingan peksos");
  await page.locator("#target-0").fill("2027-03-01");
  await Promise.all([page.waitForURL((url) => url.searchParams.get("saved") === "plan"), page.getByRole("button", { name: "Simpan rencana" }).click()]);
  await expect(page.getByTestId("plan").getByTestId("approval-status")).toHaveText("Menunggu persetujuan");
  // The psychologist does not decide: no queue for them.
  expect((await page.request.get("/approvals")).status()).toBe(403);

  await page.context().clearCookies();
  await signIn(page, "admin.hs2");
  await page.goto("/home");
  await expect(page.getByTestId("home-approvals")).toBeVisible();
  await page.goto("/approvals");
  const row = page.getByTestId("approval-row").filter({ hasText: stay.name });
  await expect(row).toContainText("Rencana intervensi");
  await row.getByTestId("approval-open").click();
  await expect(page.getByTestId("approval-subject")).toContainText("Mengikuti terapi kelompok tiap minggu");
  await page.getByTestId("approval-approve").click();
  await expect(page.getByTestId("approval-message")).toHaveText("Disetujui.");

  await page.goto(caseUrl);
  await expect(page.getByTestId("plan").getByTestId("approval-status")).toHaveText("Disetujui");
  await expect(page.getByTestId("plan").getByTestId("approval-decided")).toContainText(`Disetujui oleh ${approver.name}`);
  await page.goto("/approvals");
  await expect(page.getByTestId("approval-row").filter({ hasText: stay.name })).toHaveCount(0);
});

test("a child's exit waits with the bed held until Dinsos approves it from the queue", async ({ page, sql }) => {
  const request = sql
    .prepare(
      `select a.id, a.stay_id as stayId, a.panti_id as pantiId, p.name from approvals a join persons p on p.id = a.person_id
       where a.kind = 'exit' and a.status = 'pending' order by a.id limit 1`,
    )
    .get() as { id: number; stayId: number; pantiId: number; name: string };

  await signIn(page, "admin.tj1");
  await page.goto(`/panti/${request.pantiId}`);
  // The overview counts the waiting exits of each room; its room shows the bed's badge.
  await page.getByTestId("room-link").filter({ has: page.getByTestId("room-exit-pending") }).first().click();
  await expect(page.getByTestId("bed-exit-pending").first()).toBeVisible();
  await page.goto(`/panti/${request.pantiId}/stays/${request.stayId}/exit`);
  await expect(page.getByTestId("pending-exit")).toContainText("tempat tidur tetap terisi");
  await expect(page.getByRole("button", { name: "Simpan terminasi" })).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, "admin");
  await page.goto("/approvals?kind=exit");
  await page.getByTestId("approval-row").filter({ hasText: request.name }).getByTestId("approval-open").click();
  await page.getByTestId("approval-approve").click();
  await expect(page.getByTestId("approval-message")).toHaveText("Disetujui: terminasi dicatat.");
  await page.goto(`/panti/${request.pantiId}/stays/${request.stayId}`);
  await expect(page.getByTestId("exit-summary")).toContainText("Dikembalikan ke keluarga");
});

test("in English the queue and the dashboard hydrate with the English texts of their run-time keys", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await signIn(page, "admin");
  await page.goto("/approvals");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Approvals");
  await page.goto("/approvals?kind=exit");
  await expect(page.locator("main")).not.toContainText("approval.reason.");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
});
