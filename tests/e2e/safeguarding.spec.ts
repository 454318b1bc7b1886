/**
 * Restricted records in the browser: the admin of PSTW-BM1 marks a resident's record restricted;
 * the admin of PSBL-HS2, deciding a referral whose name is a near spelling of that resident's,
 * then sees only "a restricted record may match — ask Dinsos" among the duplicate candidates, and
 * the resident's name, NIK and birth date nowhere on the page. The Dinsos admin sees who opened
 * the file.
 */
import Database from "better-sqlite3";
import { E2E_DB } from "./e2e-env.js";
import { expect, pantiIdByCode, test } from "./fixtures";

/** The resident the seed's near-match referral (external ref SG-NEAR-MATCH) resembles. */
function nearMatch(sql: Database.Database) {
  const resident = sql
    .prepare(
      `select s.id as stayId, per.id as personId, per.name, per.nik, per.birth_date as birthDate from stays s join persons per on per.id = s.person_id
         join panti p on p.id = s.panti_id
        where p.code = 'PSTW-BM1' and s.exited_at is null and per.name is not null and per.restricted = 0 and per.birth_year is not null
           and (select count(*) from persons same where same.name = per.name) = 1
        order by s.id limit 1`,
    )
    .get() as { stayId: number; personId: number; name: string; nik: string | null; birthDate: string | null } | undefined;
  const referral = sql.prepare(`select id, person_name as personName from placements where external_ref = 'SG-NEAR-MATCH'`).get() as
    | { id: number; personName: string }
    | undefined;
  if (!resident || !referral) throw new Error("the e2e database has no near-match referral (db/seed/safeguarding.ts)");
  return { ...resident, referral };
}

test.describe.serial("safeguarding: restricted records", () => {
  let match: ReturnType<typeof nearMatch>;
  let caseUrl = "";

  test("before the mark, the other panti's admin sees the resident as a duplicate candidate", async ({ page, login, sql }) => {
    match = nearMatch(sql);
    caseUrl = `/panti/${pantiIdByCode(sql, "PSTW-BM1")}/stays/${match.stayId}`;
    await login("admin.hs2");
    await page.goto(`/placements/${match.referral.id}`);
    await expect(page.getByTestId("candidates")).toContainText(match.name);
    await expect(page.locator(`input[type="radio"][name="person"][value="${match.personId}"]`)).toHaveCount(1);
  });

  test("the panti admin marks the resident's record restricted, with a reason", async ({ page, login }) => {
    await login("admin.bm1");
    await page.goto(caseUrl);
    await expect(page.getByTestId("case-file")).toContainText(match.name);
    await page.getByTestId("restriction-link").click();
    await expect(page).toHaveURL(new RegExp(`${caseUrl}/restriction$`));
    // The reason is required: the message shows beside the field.
    await page.locator("#category").selectOption("trafficking");
    await page.getByRole("button", { name: "Tandai terbatas" }).click();
    await expect(page.locator("#reason-error")).toBeVisible();
    await page.locator("#reason").fill("Korban perdagangan orang; jaringan pelaku belum tertangkap.");
    await Promise.all([page.waitForURL((url) => url.searchParams.get("saved") === "restricted"), page.getByRole("button", { name: "Tandai terbatas" }).click()]);
    await expect(page.getByTestId("restricted-badge")).toBeVisible();
    // Still named in their own panti.
    await expect(page.getByTestId("case-file")).toContainText(match.name);
  });

  test("the other panti's admin then sees the masked candidate and no name", async ({ page, login }) => {
    await login("admin.hs2");
    await page.goto(`/placements/${match.referral.id}`);
    await expect(page.getByTestId("restricted-match")).toHaveText("Catatan terbatas mungkin cocok — tanyakan ke Dinsos.");
    const text = await page.locator("main").innerText();
    expect(text).not.toContain(match.name);
    if (match.nik) expect(text).not.toContain(match.nik);
    // Nothing to link them by: no choice carries their id.
    await expect(page.locator(`input[type="radio"][name="person"][value="${match.personId}"]`)).toHaveCount(0);
    // And the file itself is not theirs to open.
    const response = await page.goto(caseUrl);
    expect(response?.status()).toBe(404);
    expect(await page.content()).not.toContain(match.name);
  });

  test("the Dinsos admin sees who opened the file", async ({ page, login }) => {
    await login("admin");
    await page.goto(caseUrl);
    await page.getByTestId("read-log-link").click();
    await expect(page).toHaveURL(new RegExp(`${caseUrl}/reads$`));
    const rows = page.getByTestId("read-row");
    await expect(rows.first()).toBeVisible();
    await expect(page.getByTestId("read-log")).toContainText("admin.bm1");
  });

  test("the panti admin records a serious incident: it shows on their home page and the exit form offers it", async ({ page, login }) => {
    await login("admin.bm1");
    await page.goto(`${caseUrl}/incidents/new`);
    await page.getByRole("button", { name: "Simpan insiden" }).click();
    await expect(page.locator("#type-error")).toBeVisible();
    await page.locator("#type").selectOption("absconding");
    await page.locator("#severity").selectOption("critical");
    await page.locator("#description").fill("Tidak ada di kamar saat apel malam (uji e2e).");
    await page.locator("#actionTaken").fill("Pencarian di sekitar panti, lapor polsek.");
    await page.getByLabel("Polisi").check();
    await Promise.all([page.waitForURL((url) => url.searchParams.get("saved") === "incident"), page.getByRole("button", { name: "Simpan insiden" }).click()]);
    await expect(page.getByTestId("incident").filter({ hasText: "uji e2e" })).toHaveCount(1);

    await page.goto("/home");
    await expect(page.getByTestId("serious-incidents")).toContainText(match.name);

    await page.goto(`${caseUrl}/exit`);
    await page.locator("#outcome").selectOption("absconded");
    await expect(page.getByTestId("exit-incident").locator("#incidentId option")).toHaveCount(2);
  });

  test("Dinsos sees the incident counts, the consents and the printable summary", async ({ page, login }) => {
    await login("admin");
    await page.goto("/dashboard");
    await page.getByTestId("incidents-link").click();
    await expect(page).toHaveURL(/\/incidents$/);
    await expect(page.getByTestId("incident-counts")).toBeVisible();
    await expect(page.getByTestId("incident-row").first()).toBeVisible();

    await page.goto(caseUrl);
    await expect(page.getByTestId("consents")).toBeVisible();
    await page.goto(`${caseUrl}/consent`);
    await page.locator("#purpose").selectOption("family");
    await page.locator("#decision").selectOption("given");
    await Promise.all([page.waitForURL((url) => url.searchParams.get("saved") === "consent"), page.getByRole("button", { name: "Simpan persetujuan" }).click()]);
    await expect(page.locator('[data-testid="consent-state"][data-purpose="family"] [data-state="given"]')).toBeVisible();

    await page.getByTestId("summary-link").click();
    await expect(page.getByTestId("person-summary")).toContainText(match.name);
    await expect(page.getByTestId("summary-stay").first()).toBeVisible();

    await page.goto(caseUrl.replace(/\/stays\/\d+$/, "/consents"));
    await expect(page.getByTestId("expired-consents")).toBeVisible();
  });

  test("the tracing form shows the home-province consent before anything is typed, and a consent on the person's behalf puts it in force", async ({ page, login }) => {
    await login("admin.bm1");
    await page.goto(`${caseUrl}/tracing-request`);
    const notice = page.getByTestId("consent-notice");
    await expect(notice).toContainText("Provinsi asal (FKD-MPU)");
    if ((await notice.getAttribute("data-state")) !== "given") {
      await expect(notice).toContainText("permintaan penelusuran tidak dapat dikirim");
      await notice.getByRole("link", { name: "Catat persetujuan" }).click();
      await expect(page).toHaveURL(new RegExp(`${caseUrl}/consent$`));
      await page.locator("#purpose").selectOption("home_province");
      await page.locator("#decision").selectOption("given");
      await page.getByLabel("Diputuskan atas nama orang ini").check();
      await page.locator("#decidedBy").fill("Kepala panti");
      await page.locator("#onBehalfReason").fill("Belum dapat memutuskan sendiri (uji e2e).");
      await Promise.all([page.waitForURL((url) => url.searchParams.get("saved") === "consent"), page.getByRole("button", { name: "Simpan persetujuan" }).click()]);
      await page.goto(`${caseUrl}/tracing-request`);
    }
    await expect(page.getByTestId("consent-notice")).toHaveAttribute("data-state", /given|expiring/);
  });

  test("a download of names states its purpose", async ({ page, login }) => {
    await login("admin.bm1");
    await page.goto("/follow-ups");
    const purpose = page.getByTestId("download-follow-ups-purpose");
    await expect(purpose).toHaveValue("internal");
    await expect(purpose.locator("option")).toHaveCount(6);
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-follow-ups-csv").click()]);
    expect(file.suggestedFilename()).toMatch(/^bimbingan-lanjut-\d{4}-\d{2}-\d{2}\.csv$/);
    // No one who left this panti consented to share with a hospital: the refusal is shown on the
    // page, which stays where it is.
    await purpose.selectOption("hospital");
    await page.getByTestId("download-follow-ups-xlsx").click();
    await expect(page.getByTestId("download-follow-ups-refused")).toContainText("Rumah sakit");
    expect(new URL(page.url()).pathname).toBe("/follow-ups");
  });
});

/**
 * A restricted trainee who has left the panti of their class: the class's instructor there sees
 * the masked label on the class page and the attendance sheet, never the name or NIK; Dinsos sees
 * the name. The move is written to the e2e database directly (a transfer through the pages is
 * tested elsewhere).
 */
test.describe.serial("safeguarding: a restricted trainee in another panti's class", () => {
  let trainee: { classId: number; personId: number; name: string; nik: string | null };

  test.beforeAll(() => {
    const write = new Database(E2E_DB);
    write.pragma("busy_timeout = 5000");
    try {
      const row = write
        .prepare(
          `select e.class_id as classId, per.id as personId, per.name, per.nik, s.id as stayId from enrolments e
             join class_instructors ci on ci.class_id = e.class_id join users u on u.id = ci.user_id and u.username = 'instruktur.tj1'
             join persons per on per.id = e.person_id join stays s on s.person_id = per.id and s.exited_at is null
             join panti p on p.id = s.panti_id and p.code = 'PSBR-TJ1'
            where e.status = 'active' and per.name is not null and per.restricted = 0
              and (select count(*) from persons same where same.name = per.name) = 1
            order by e.id limit 1`,
        )
        .get() as { classId: number; personId: number; name: string; nik: string | null; stayId: number } | undefined;
      if (!row) throw new Error("the e2e database has no active trainee in a class of instruktur.tj1");
      const now = Date.now();
      const other = write.prepare(`select id from panti where code <> 'PSBR-TJ1' and active = 1 order by id limit 1`).get() as { id: number };
      write.transaction(() => {
        write.prepare(`update persons set restricted = 1, restriction_category = 'child_at_risk', restriction_reason = 'uji e2e', restricted_at = ? where id = ?`).run(now, row.personId);
        write.prepare(`update bed_assignments set to_at = ? where stay_id = ? and to_at is null`).run(now - 60_000, row.stayId);
        write.prepare(`update stays set exited_at = ?, exit_outcome = 'transferred_panti', exit_recorded_at = ? where id = ?`).run(now - 60_000, now - 60_000, row.stayId);
        write.prepare(`insert into stays (person_id, panti_id, admitted_at, created_at) values (?, ?, ?, ?)`).run(row.personId, other.id, now - 30_000, now - 30_000);
      })();
      trainee = row;
    } finally {
      write.close();
    }
  });

  test("the class's instructor sees the masked label, never the name or NIK", async ({ page, login }) => {
    await login("instruktur.tj1");
    for (const path of [`/classes/${trainee.classId}`, `/classes/${trainee.classId}/attendance`]) {
      await page.goto(path);
      const main = page.locator("main");
      await expect(main).toContainText("Catatan terbatas");
      const text = await main.innerText();
      expect(text).not.toContain(trainee.name);
      if (trainee.nik) expect(text).not.toContain(trainee.nik);
    }
  });

  test("Dinsos sees the trainee named", async ({ page, login }) => {
    await login("admin");
    await page.goto(`/classes/${trainee.classId}`);
    await expect(page.locator("main")).toContainText(trainee.name);
  });
});
