/**
 * The instructor's day on a phone. What it needs is created through the UI first, so the spec
 * depends only on the demo seed's users (admin, admin.tj1, instruktur.tj1), the programme list,
 * and at least two current residents at PSBR-TJ1:
 * 1. Dinsos admin adds a module to the computer programme (the catalogue may be empty);
 * 2. the panti admin of PSBR-TJ1 creates a class meeting every day, with instruktur.tj1 as its
 *    instructor, and enrols two residents;
 * 3. the instructor signs in on a 390×844 viewport, opens the class, marks today's session with
 *    one tap per trainee, records the module as competent for one of them, and that trainee's
 *    progress bar on the class page moves.
 */
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { E2E_PASSWORD, expect, test } from "./fixtures";

const run = randomBytes(3).toString("hex");
const MODULE_CODE = `e2e_${run}`;
const MODULE_NAME = `Modul uji ${run}`;
const CLASS_NAME = `Komputer E2E ${run}`;

/** YYYY-MM-DD in Jakarta, `days` from today. */
function jakartaDay(days = 0): string {
  const at = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  return at.toISOString().slice(0, 10);
}

/**
 * Signs in through the form on a phone. (The fixture's `login` waits for the user's name in the
 * header, which the layout hides below 640px.)
 */
async function signInOnPhone(page: Page, username: string) {
  await page.goto("/login");
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(E2E_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click()]);
}

test.describe.serial("instructor's day", () => {
  let classUrl = "";
  /** The two trainees: enrolment id and name, read from the class page. */
  const trainees: { id: string; name: string }[] = [];

  test("Dinsos adds a module to the computer programme", async ({ page, login }) => {
    await login("admin");
    await page.goto("/programmes");
    const komputer = page.locator('[data-testid="programme"][data-code="komputer"]');
    await komputer.locator("summary").click();
    await komputer.locator('input[name="code"]').fill(MODULE_CODE);
    await komputer.locator('input[name="nameId"]').last().fill(MODULE_NAME);
    await komputer.locator('input[name="nameEn"]').last().fill(`Test module ${run}`);
    await komputer.getByRole("button", { name: "Tambah modul" }).click();
    await expect(page.getByRole("status")).toContainText(`Modul ${MODULE_NAME} ditambahkan.`);
    await expect(komputer.locator(`[data-testid="module"][data-code="${MODULE_CODE}"]`)).toHaveCount(1);
  });

  test("the panti admin creates a class with instruktur.tj1 and enrols two residents", async ({ page, login }) => {
    await login("admin.tj1");
    await page.goto("/classes");
    await page.getByRole("link", { name: "Buat kelas" }).click();
    await expect(page).toHaveURL(/\/classes\/new$/);

    // Bad input first: field errors beside the fields, what was typed kept.
    await page.locator("#name").fill("K");
    await page.getByRole("button", { name: "Buat kelas" }).click();
    await expect(page.locator("#name-error")).toHaveText("Paling sedikit 3 karakter.");

    await page.locator("#programmeCode").selectOption("komputer");
    await page.locator("#name").fill(CLASS_NAME);
    await page.getByLabel(/instruktur\.tj1/).check();
    for (const day of ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]) await page.getByLabel(day, { exact: true }).check();
    await page.locator("#startDate").fill(jakartaDay(-7));
    await page.locator("#endDate").fill(jakartaDay(120));
    await page.locator("#capacity").fill("12");
    await Promise.all([page.waitForURL(/\/classes\/\d+\?created=1$/), page.getByRole("button", { name: "Buat kelas" }).click()]);
    classUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(CLASS_NAME);

    const enrol = page.getByRole("form", { name: "Daftarkan penghuni" });
    const boxes = enrol.getByRole("checkbox");
    // Reached by a client-side navigation, the form's code loads as the page is shown.
    await expect(boxes.nth(1)).toBeVisible();
    expect(await boxes.count()).toBeGreaterThanOrEqual(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await enrol.getByRole("button", { name: "Daftarkan yang dipilih" }).click();
    await expect(page.getByTestId("class-message")).toHaveText("2 penghuni didaftarkan.");
    const rows = page.getByTestId("resident-row");
    await expect(rows).toHaveCount(2);
    for (const i of [0, 1]) {
      const row = rows.nth(i);
      trainees.push({ id: (await row.getAttribute("data-enrolment"))!, name: ((await row.locator("th a").textContent()) ?? "").trim() });
    }
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

    test("the instructor marks today's session and records a module as competent; the progress bar moves", async ({ page }) => {
      await signInOnPhone(page, "instruktur.tj1");
      await page.goto("/classes");
      const card = page.getByTestId("class-card").filter({ hasText: CLASS_NAME });
      await expect(card).toHaveCount(1);
      await card.getByRole("link", { name: CLASS_NAME }).click();
      await expect(page).toHaveURL(new RegExp(`${classUrl}$`));

      const [a, b] = trainees as [{ id: string; name: string }, { id: string; name: string }];
      const first = page.locator(`[data-testid="resident-row"][data-enrolment="${a.id}"]`);
      const second = page.locator(`[data-testid="resident-row"][data-enrolment="${b.id}"]`);
      await expect(first.getByTestId("progress")).toHaveAttribute("data-competent", "0");
      const total = Number(await first.getByTestId("progress").getAttribute("data-total"));
      expect(total).toBeGreaterThanOrEqual(1);

      // The attendance sheet: one tap per trainee on big segmented buttons.
      await page.getByTestId("take-attendance").click();
      await expect(page).toHaveURL(new RegExp(`${classUrl}/attendance\\?date=${jakartaDay()}$`));
      const rows = page.getByTestId("sheet-row");
      await expect(rows).toHaveCount(2);
      const rowA = page.locator(`[data-testid="sheet-row"][data-enrolment="${a.id}"]`);
      const rowB = page.locator(`[data-testid="sheet-row"][data-enrolment="${b.id}"]`);
      await expect(rowA.locator("legend")).toHaveText(a.name);
      const present = rowA.locator(`label[for="m-${a.id}-hadir"]`);
      const late = rowB.locator(`label[for="m-${b.id}-terlambat"]`);
      await expect(present).toHaveText("HHadir");
      const box = await present.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
      const sheet = await page.getByTestId("attendance-sheet").boundingBox();
      expect(sheet!.x + sheet!.width).toBeLessThanOrEqual(390);
      await present.tap();
      await late.tap();
      await expect(rowA.locator(`#m-${a.id}-hadir`)).toBeChecked();
      await expect(rowB.locator(`#m-${b.id}-terlambat`)).toBeChecked();
      await page.getByRole("button", { name: "Simpan absensi" }).click();
      await expect(page.getByTestId("attendance-message")).toContainText("tersimpan (2 perubahan)");

      // Back on the class page: the letters in the grid, and a low-attendance warning for the late one.
      await page.getByRole("link", { name: `← ${CLASS_NAME}` }).click();
      await expect(first.locator("td").last()).toHaveText("H");
      await expect(first.getByTestId("rate")).toContainText("100%");
      await expect(second.locator("td").last()).toHaveText("T");
      await expect(second.getByTestId("rate")).toContainText("50%");
      await expect(page.getByTestId("low-attendance-alert")).toBeVisible();

      // The module, competent with a score.
      await first.getByRole("link", { name: a.name }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.name);
      const module = page.getByTestId("module-progress").filter({ hasText: MODULE_NAME });
      await module.locator("label", { hasText: /^Kompeten$/ }).tap();
      await module.getByLabel("Nilai (0–100)").fill("88");
      await module.getByRole("button", { name: "Simpan" }).click();
      await expect(page.getByTestId("enrolment-message")).toHaveText(`Kemajuan modul ${MODULE_NAME} tersimpan.`);
      await expect(page.getByTestId("module-progress").filter({ hasText: MODULE_NAME })).toHaveAttribute("data-status", "competent");

      await page.getByRole("link", { name: CLASS_NAME }).click();
      await expect(page).toHaveURL(new RegExp(`${classUrl}$`));
      const bar = first.getByTestId("progress");
      await expect(bar).toHaveAttribute("data-competent", "1");
      await expect(bar.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "1");
      const width = await bar.locator(".meter > span").evaluate((el) => (el as HTMLElement).style.width);
      expect(parseFloat(width)).toBeGreaterThan(0);
      // The other trainee's bar has not moved.
      await expect(second.getByTestId("progress")).toHaveAttribute("data-competent", "0");
    });
  });
});
