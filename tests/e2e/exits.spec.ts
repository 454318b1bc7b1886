/**
 * An exit to the family: the panti admin records it with the family's details and documents; the
 * bed frees, follow-ups are scheduled, the handover record prints, and a second exit of the same
 * stay is refused.
 */
import { expect, pantiIdByCode, parseIdNumber, signIn, test } from "./fixtures";

test("a resident returns to their family: the bed frees and follow-ups are scheduled", async ({ page, sql }) => {
  const pantiId = pantiIdByCode(sql, "PSTW-BM1");
  const stay = sql
    .prepare(
      `select s.id, p.name from stays s join persons p on p.id = s.person_id
       join bed_assignments a on a.stay_id = s.id and a.to_at is null
       where s.panti_id = ? and s.exited_at is null and p.name is not null and p.unidentified = 0
       order by s.id desc limit 1`,
    )
    .get(pantiId) as { id: number; name: string };

  await signIn(page, "admin.bm1");
  await page.goto(`/panti/${pantiId}`);
  const available = parseIdNumber(await page.getByTestId("panti-occupancy").getByTestId("available").textContent());

  await page.goto(`/panti/${pantiId}/stays/${stay.id}/exit`);
  await expect(page.locator("h1")).toHaveText(stay.name);
  await page.locator("#outcome").selectOption("returned_family");
  // Only the family section shows once JavaScript runs.
  await expect(page.locator('[data-section="family"]')).toBeVisible();
  await expect(page.locator('[data-section="repatriation"]')).toHaveCount(0);
  // Missing documents are field errors; nothing is saved.
  await page.locator("#familyName").fill("Sri Wahyuni");
  await page.locator("#familyRelation").fill("anak");
  await page.locator("#familyAddress").fill("Jl. Melati 3, Bekasi");
  await page.getByRole("button", { name: "Simpan terminasi" }).click();
  await expect(page.getByText("Dokumen ini wajib diperiksa.").first()).toBeVisible();
  expect((sql.prepare("select exited_at from stays where id = ?").get(stay.id) as { exited_at: number | null }).exited_at).toBeNull();

  for (const doc of ["Fotokopi KTP penjemput", "Fotokopi Kartu Keluarga", "Surat pernyataan bermeterai"]) {
    await page.getByLabel(doc).check();
  }
  await page.getByRole("button", { name: "Simpan terminasi" }).click();
  await expect(page.getByTestId("exit-message")).toContainText("Dikembalikan ke keluarga");
  await expect(page.getByTestId("closed-stay")).toContainText("Sri Wahyuni (anak)");

  const row = sql.prepare("select exit_outcome, exited_at from stays where id = ?").get(stay.id) as { exit_outcome: string; exited_at: number };
  expect(row.exit_outcome).toBe("returned_family");
  const followUps = sql.prepare("select count(*) as n from follow_ups where stay_id = ?").get(stay.id) as { n: number };
  expect(followUps.n).toBe(3);

  await page.goto(`/panti/${pantiId}`);
  expect(parseIdNumber(await page.getByTestId("panti-occupancy").getByTestId("available").textContent())).toBe(available + 1);

  await page.goto(`/panti/${pantiId}/stays/${stay.id}/exit-handover`);
  await expect(page.getByTestId("exit-handover")).toContainText("Sri Wahyuni");

  // Recording the exit again (a stale form) is a clear conflict.
  const again = await page.request.post(`/panti/${pantiId}/stays/${stay.id}/exit`, {
    form: { intent: "exit", outcome: "absconded", exitedAt: "2026-01-01T10:00" },
  });
  expect(again.status()).toBe(409);
  expect(await again.text()).toContain("sudah diakhiri sebelumnya");
});
