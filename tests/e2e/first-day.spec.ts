/**
 * The first day of each user, from their home page to the day's main task, following links only
 * (no typed URL after signing in), with axe-core on the pages they pass through:
 * - the outreach officer refers a person from "new referral" on the home page;
 * - the panti admin of PSBR-TJ1 creates a class, opens the waiting referral from the home page,
 *   accepts it, goes on to the case file and enrols the resident there;
 * - the instructor, on a 390×844 phone, opens today's class from the home page, marks attendance
 *   and sees the confirmation without scrolling;
 * - the psychologist of PSBL-HS2 finds a resident from the home page and records a session;
 * - the admin of PSTW-BM1 records an exit to the family, and the case file agrees;
 * - the Dinsos analyst opens the dashboard and the quarterly report of the current quarter.
 */
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { E2E_PASSWORD, expect, expectAccessible, pantiIdByCode, test } from "./fixtures";

const run = randomBytes(3).toString("hex");
// Names are letters only.
const letters = [...run].map((c) => "abcdefghijklmnop"[parseInt(c, 16)]).join("");
const PERSON = `Rafi Pertama ${letters}`;
const CLASS_NAME = `Menjahit Hari Pertama ${run}`;

/** Signs in through the form (on any viewport: waits for the page after /login only). */
async function signIn(page: Page, username: string) {
  await page.goto("/login");
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(E2E_PASSWORD);
  await Promise.all([page.waitForURL(/\/home$/), page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click()]);
}


/** YYYY-MM-DD in Jakarta, `days` from today. */
function jakartaDay(days = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

test.describe.serial("the first day", () => {
  test("the outreach officer refers a person from the home page", async ({ page, sql }) => {
    const target = pantiIdByCode(sql, "PSBR-TJ1");
    await signIn(page, "p3s.jakbar");
    const card = page.getByTestId("home-referrals");
    await expect(card).toBeVisible();
    await expectAccessible(page, "the outreach home");
    await card.getByRole("link", { name: "Buat rujukan baru" }).click();
    await expect(page).toHaveURL(/\/placements\/new$/);
    await page.locator("#personName").fill(PERSON);
    await page.locator("#sex").selectOption("male");
    await page.locator("#estimatedAge").fill("17");
    await page.locator("#ppksCategory").selectOption("anak_terlantar");
    await page.locator("#foundPlace").fill("Stasiun Tanah Abang");
    await page.locator("#assessmentSummary").fill("Remaja tidur di stasiun, sehat, mau ikut pelatihan menjahit.");
    await page.locator("#targetPantiId").selectOption(String(target));
    await expectAccessible(page, "the referral form");
    await Promise.all([page.waitForURL(/\/placements\/\d+\?created=1/), page.getByRole("button", { name: "Kirim rujukan" }).click()]);
    await expect(page.locator("h1")).toContainText(PERSON);

    // Home again: the referral is listed with its status.
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Beranda" }).click();
    await expect(page.getByTestId("home-referrals").getByRole("listitem").filter({ hasText: PERSON })).toContainText("Menunggu");
  });

  test("the panti admin creates a class, accepts the referral from the home page and enrols the resident from the case file", async ({ page }) => {
    await signIn(page, "admin.tj1");
    await expectAccessible(page, "the panti admin's home");

    // A class for today's work, taught by instruktur.tj1 every day.
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Kelas pelatihan" }).click();
    await page.getByRole("link", { name: "Buat kelas" }).click();
    await page.locator("#programmeCode").selectOption("menjahit");
    await page.locator("#name").fill(CLASS_NAME);
    await page.getByLabel(/instruktur\.tj1/).check();
    for (const day of ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]) await page.getByLabel(day, { exact: true }).check();
    await page.locator("#startDate").fill(jakartaDay(-7));
    await page.locator("#endDate").fill(jakartaDay(90));
    await page.locator("#capacity").fill("10");
    await Promise.all([page.waitForURL(/\/classes\/\d+\?created=1$/), page.getByRole("button", { name: "Buat kelas" }).click()]);
    // The class's enrol list can be searched.
    const search = page.getByRole("search", { name: "Cari penghuni" });
    await expect(search).toBeVisible();
    // As one types, the list narrows to the matching residents (here the unidentified women).
    const shown = page.getByRole("form", { name: "Daftarkan penghuni" }).locator(".candidate-list > li:visible");
    const all = await shown.count();
    await search.getByRole("searchbox").fill("Mrs. X");
    await expect.poll(() => shown.count()).toBeLessThan(all);
    await expect(shown.first()).toContainText("Mrs. X");
    await search.getByRole("searchbox").fill("");
    await expectAccessible(page, "the class page");

    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Beranda" }).click();
    const queue = page.getByTestId("home-queue");
    await expect(queue).toContainText("rujukan menunggu");
    await queue.getByRole("link", { name: "Buka antrean rujukan" }).click();
    await page.getByRole("link", { name: PERSON }).first().click();
    await page.getByTestId("admission").getByRole("button", { name: "Terima" }).click();
    await expect(page.getByTestId("decision-message")).toContainText("Diterima");

    // No dead end: the case file, the bed and enrolment are one click away.
    const next = page.getByTestId("admission-next-steps");
    await expect(next.getByRole("link", { name: "Buka berkas kasus" })).toBeVisible();
    await expect(next.getByRole("link", { name: /Tempat tidur .*: pindahkan|Beri tempat tidur/ })).toBeVisible();
    await expectAccessible(page, "an accepted referral");
    await next.getByRole("link", { name: "Daftarkan ke kelas" }).click();
    await expect(page.getByTestId("case-file")).toBeVisible();
    await expect(page.locator("h1")).toContainText(PERSON);
    // The link leads to the classes of the file (#enrol), in sections the page renders once their code is there.
    await expect(page.locator("section#enrol")).toBeInViewport();
    const classSelect = page.locator("#classId");
    const option = classSelect.locator("option", { hasText: CLASS_NAME });
    await classSelect.selectOption({ label: (await option.textContent())!.trim() });
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get("saved") === "enrolment"),
      page.getByRole("form", { name: "Daftarkan ke kelas" }).getByRole("button", { name: "Daftarkan ke kelas" }).click(),
    ]);
    await expect(page.getByTestId("saved-message")).toContainText("Terdaftar di kelas");
    await expect(page.locator("#training")).toBeVisible();
    await expect(page.locator("section#enrol")).toContainText(CLASS_NAME);
    await expectAccessible(page, "the case file");
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

    test("the instructor opens today's class from the home page, marks attendance and sees the confirmation where they are", async ({ page }) => {
      await signIn(page, "instruktur.tj1");
      const header = await page.locator(".app-header").boundingBox();
      expect(header!.height, "the header's height on a phone").toBeLessThan(140);
      const classes = page.getByTestId("home-classes");
      const item = classes.getByRole("listitem").filter({ hasText: CLASS_NAME });
      await expect(item).toBeVisible();
      await expectAccessible(page, "the instructor's home");
      await item.getByRole("link", { name: "Isi absensi" }).click();
      await expect(page).toHaveURL(/\/attendance/);
      const row = page.getByTestId("sheet-row").filter({ hasText: PERSON });
      await row.locator(`label[for$="-hadir"]`).tap();
      await expectAccessible(page, "the attendance sheet");
      await page.getByRole("button", { name: "Simpan absensi" }).click();
      const message = page.getByTestId("attendance-message");
      await expect(message).toContainText("tersimpan");
      await expect(message).toBeInViewport();
    });
  });

  test("the psychologist finds a resident from the home page and records a session", async ({ page }) => {
    await signIn(page, "psikolog.hs2");
    const card = page.getByTestId("home-followed");
    await expect(card).toBeVisible();
    await expectAccessible(page, "the psychologist's home");
    await card.getByRole("link", { name: "Cari penghuni" }).click();
    const first = page.getByTestId("resident-row").first();
    const name = ((await first.locator("a").first().textContent()) ?? "").trim();
    await expectAccessible(page, "the residents list");
    await first.locator("a").first().click();
    await page.getByRole("link", { name: "Catat sesi" }).first().click();
    await page.locator("#serviceCode").selectOption("konseling_individu");
    await page.locator("#durationMinutes").fill("30");
    await page.locator("#summary").fill(`Sesi hari pertama ${run}`);
    await Promise.all([page.waitForURL((url) => url.searchParams.get("saved") === "session"), page.getByRole("button", { name: "Simpan sesi" }).click()]);
    await expect(page.getByTestId("saved-message")).toBeVisible();

    // The resident is now among those the psychologist follows.
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Beranda" }).click();
    await expect(page.getByTestId("home-followed")).toContainText(name);
  });

  test("the panti admin records an exit to the family and the case file agrees", async ({ page }) => {
    await signIn(page, "admin.bm1");
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Daftar penghuni" }).click();
    await page.getByTestId("resident-row").first().locator("a").first().click();
    await expect(page.getByTestId("case-file")).toBeVisible();
    await page.getByRole("link", { name: "Catat terminasi" }).click();
    await page.locator("#outcome").selectOption("returned_family");
    await page.locator("#familyName").fill("Sri Wahyuni");
    await page.locator("#familyRelation").fill("anak");
    await page.locator("#familyAddress").fill("Jl. Melati 3, Bekasi");
    for (const doc of ["Fotokopi KTP penjemput", "Fotokopi Kartu Keluarga", "Surat pernyataan bermeterai"]) await page.getByLabel(doc).check();
    await expectAccessible(page, "the exit form");
    await page.getByRole("button", { name: "Simpan terminasi" }).click();
    await expect(page.getByTestId("exit-message")).toContainText("Dikembalikan ke keluarga");

    // Back to the case file through the breadcrumb: it no longer says the family is not found.
    await page.getByRole("navigation", { name: /breadcrumb|Remah|Jejak/i }).getByRole("link").last().click();
    await expect(page.getByTestId("case-file")).toBeVisible();
    await expect(page.getByTestId("family-returned")).toContainText("Dikembalikan ke keluarga");
    await expect(page.getByText("Keluarga belum ditemukan.")).toHaveCount(0);
    await expect(page.getByTestId("stages")).not.toContainText("tanggal tidak tercatat");
  });

  test("Dinsos opens the dashboard and the quarterly report of the current quarter from the home page", async ({ page }) => {
    await signIn(page, "analis");
    const review = page.getByTestId("home-review");
    await expectAccessible(page, "the Dinsos home");
    await review.getByRole("link", { name: "Dasbor" }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await expectAccessible(page, "the dashboard");
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Beranda" }).click();
    await page.getByTestId("home-review").getByRole("link", { name: "Laporan triwulan" }).click();
    const today = jakartaDay();
    const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
    await expect(page.getByText(`Triwulan ${quarter} tahun ${today.slice(0, 4)}`).first()).toBeVisible();
    await expectAccessible(page, "the quarterly report");
  });
});
