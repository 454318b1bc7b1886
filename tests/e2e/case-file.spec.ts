/**
 * The resident case file in the browser: a psychologist of PSBL-HS2 records a session with a
 * confidential note for a resident and reads it back; the panti admin of the same panti sees that
 * the session took place but never the note; an admin of another panti gets 404 for the file.
 */
import { randomBytes } from "node:crypto";
import type Database from "better-sqlite3";
import { expect, pantiIdByCode, test } from "./fixtures";

const run = randomBytes(3).toString("hex");
const SUMMARY = `Konseling awal e2e ${run}: kooperatif, mau bercerita`;
const NOTE = `Catatan rahasia e2e ${run}: riwayat kekerasan dalam keluarga`;

/** A current, named resident of the panti (the first such open stay). */
function residentOf(sql: Database.Database, pantiId: number): { stayId: number; name: string } {
  const row = sql
    .prepare(
      `select s.id, p.name from stays s join persons p on p.id = s.person_id
        where s.panti_id = ? and s.exited_at is null and p.name is not null and p.unidentified = 0
        order by s.id limit 1`,
    )
    .get(pantiId) as { id: number; name: string } | undefined;
  if (!row) throw new Error(`no named open stay at panti ${pantiId} in the e2e database`);
  return { stayId: row.id, name: row.name };
}

test.describe.serial("case file: confidential session notes", () => {
  let caseUrl = "";

  test("a psychologist records a session with a note and reads the note back", async ({ page, login, sql }) => {
    const hs2 = pantiIdByCode(sql, "PSBL-HS2");
    const { stayId, name } = residentOf(sql, hs2);
    caseUrl = `/panti/${hs2}/stays/${stayId}`;

    await login("psikolog.hs2");
    await page.goto(`/panti/${hs2}/residents`);
    await page.locator("#q").fill(name);
    await Promise.all([page.waitForURL(/q=/), page.getByRole("button", { name: "Terapkan" }).click()]);
    await page.locator(`[data-testid="resident-row"][data-stay="${stayId}"] a`).first().click();
    await expect(page).toHaveURL(new RegExp(`${caseUrl}$`));
    await expect(page.getByTestId("case-file")).toBeVisible();

    await page.getByRole("link", { name: "Catat sesi" }).first().click();
    await expect(page).toHaveURL(new RegExp(`${caseUrl}/sessions/new$`));
    // Bad input first: the summary is required, and the message shows beside the field.
    await page.getByRole("button", { name: "Simpan sesi" }).click();
    await expect(page.locator("#summary-error")).toHaveText("Wajib diisi.");

    await page.locator("#serviceCode").selectOption("konseling_individu");
    await page.locator("#durationMinutes").fill("45");
    await page.locator("#summary").fill(SUMMARY);
    await page.locator("#followUp").fill("Sesi lanjutan minggu depan");
    await page.locator("#note").fill(NOTE);
    await Promise.all([page.waitForURL((url) => url.searchParams.get("saved") === "session"), page.getByRole("button", { name: "Simpan sesi" }).click()]);
    await expect(page.getByTestId("saved-message")).toBeVisible();

    const row = page.getByTestId("session-row").filter({ hasText: SUMMARY });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Anindya Puspitasari");
    // The case file itself never carries the note, not even for the psychologist.
    expect(await page.content()).not.toContain(NOTE);

    await row.getByRole("link", { name: "Buka catatan" }).click();
    await expect(page.getByTestId("note-text")).toHaveText(NOTE);
    const sessionId = Number(new URL(page.url()).pathname.split("/").pop());
    const reads = sql
      .prepare("select count(*) as n from audit_log where action = 'psychosocial.note_read' and entity = 'psychosocial_session' and entity_id = ?")
      .get(String(sessionId)) as { n: number };
    expect(reads.n).toBeGreaterThanOrEqual(1);
  });

  test("the panti admin of the same panti sees the session but not the note", async ({ page, login }) => {
    expect(caseUrl, "the first test recorded the session").not.toBe("");
    await login("admin.hs2");
    const response = await page.goto(caseUrl);
    expect(response?.status()).toBe(200);
    const row = page.getByTestId("session-row").filter({ hasText: SUMMARY });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("link", { name: "Buka catatan" })).toHaveCount(0);
    expect(await page.content()).not.toContain(NOTE);

    await row.getByRole("link", { name: "Rincian" }).click();
    await expect(page.getByTestId("session")).toContainText(SUMMARY);
    await expect(page.getByTestId("note-hidden")).toBeVisible();
    expect(await page.content()).not.toContain(NOTE);

    // Nor through a direct request (the loader's data as the client router would fetch it).
    const direct = await page.request.get(page.url());
    expect(await direct.text()).not.toContain(NOTE);
  });

  test("an admin of another panti gets 404 for the case file", async ({ page, login }) => {
    expect(caseUrl, "the first test recorded the session").not.toBe("");
    await login("admin.bd1");
    const response = await page.goto(caseUrl);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
    const html = await page.content();
    expect(html).not.toContain(SUMMARY);
    expect(html).not.toContain(NOTE);
    const sessionPage = await page.request.get(`${caseUrl}/sessions/new`);
    expect(sessionPage.status()).toBe(403);
  });
});
