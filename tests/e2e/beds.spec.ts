/**
 * Beds of one's own panti, as its panti admin: taking a free bed out of service with a reason and
 * back, refusing an empty reason, and the language switch (the board opens on its first room with
 * a free bed). Every test leaves the beds as it found them, but the last: on a phone, a room chosen
 * in the overview, a bed of it closed and reopened, and a referral admitted into another of its beds.
 *
 * The panti is the first of these whose seeded data has a free regular bed: PSBI-BD1 (intake) is
 * usually full beyond capacity in the demo data, as it is in reality, so there may be no free bed
 * to take out there.
 */
import type { Locator, Page } from "@playwright/test";
import type Database from "better-sqlite3";
import { type DemoUser, expect, pantiIdByCode, parseIdNumber, referThroughForm, signIn, test } from "./fixtures";

/** A number as the app renders it in Bahasa Indonesia (1.234). */
const id = (n: number) => n.toLocaleString("id-ID");

const REASON_REQUIRED = "Tulis alasan (paling sedikit 3 karakter).";

/** A figure of the panti's stats row, found by its visible label. */
function figure(page: Page, label: string): Locator {
  return page
    .getByTestId("panti-occupancy")
    .locator(".stat")
    .filter({ has: page.locator(".label").getByText(label, { exact: true }) })
    .locator(".value");
}

async function figureValue(page: Page, label: string): Promise<number> {
  return parseIdNumber(await figure(page, label).textContent());
}

/**
 * The first free regular bed on the board, as a locator pinned to its room and label (bed labels
 * are unique within a room only), so that it keeps pointing at the same bed when its state changes.
 */
async function pickFreeRegularBed(page: Page): Promise<{ bed: Locator; bedId: number; label: string }> {
  const candidate = page
    .getByTestId("room")
    .locator('[data-testid="bed"][data-state="free"]:not(.overflow)')
    .first();
  await expect(candidate, "the panti has a free regular bed").toBeVisible();
  const label = (await candidate.getAttribute("data-label")) ?? "";
  const room = await candidate.locator('xpath=ancestor::section[@data-testid="room"]').getAttribute("aria-labelledby");
  const bedId = Number(await candidate.locator('input[name="bedId"]').first().inputValue());
  const bed = page.locator(`section[aria-labelledby="${room}"] [data-testid="bed"][data-label="${label}"]`);
  await expect(bed).toHaveCount(1);
  return { bed, bedId, label };
}

const PANTI_ADMINS: readonly { username: DemoUser; code: string }[] = [
  { username: "admin.bd1", code: "PSBI-BD1" },
  { username: "admin.tj1", code: "PSBR-TJ1" },
  { username: "admin.bm1", code: "PSTW-BM1" },
  { username: "admin.hs2", code: "PSBL-HS2" },
];

/** The first panti admin whose panti has a free regular bed in service. */
function adminWithFreeBed(sql: Database.Database): { username: DemoUser; code: string; pantiId: number } {
  const freeBeds = sql.prepare(
    `select count(*) as n from beds b
      where b.panti_id = ? and b.overflow = 0 and b.status = 'available'
        and not exists (select 1 from bed_assignments ba where ba.bed_id = b.id and ba.to_at is null)`,
  );
  for (const admin of PANTI_ADMINS) {
    const pantiId = pantiIdByCode(sql, admin.code);
    if ((freeBeds.get(pantiId) as { n: number }).n > 0) return { ...admin, pantiId };
  }
  throw new Error(`none of ${PANTI_ADMINS.map((a) => a.code).join(", ")} has a free regular bed in the seed`);
}

function bedRow(sql: Database.Database, bedId: number) {
  return sql.prepare("select status, status_reason as reason from beds where id = ?").get(bedId) as {
    status: string;
    reason: string | null;
  };
}

test.describe("beds of one's own panti", () => {
  let pantiId = 0;

  test.beforeEach(async ({ page, login, sql }, testInfo) => {
    const admin = adminWithFreeBed(sql);
    pantiId = admin.pantiId;
    testInfo.annotations.push({ type: "panti", description: `${admin.code} as ${admin.username}` });
    await login(admin.username);
    await page.goto(`/panti/${pantiId}`);
    await expect(page.getByTestId("bed-board")).toBeVisible();
  });

  test("takes a free bed out of service with a reason, then puts it back", async ({ page, sql }) => {
    const { bed, bedId, label } = await pickFreeRegularBed(page);
    const freeBefore = await figureValue(page, "Tempat tidur kosong");
    const capacityBefore = await figureValue(page, "Kapasitas");
    const reason = "Kasur rusak, menunggu pengganti (uji e2e)";

    try {
      await bed.locator("summary", { hasText: "Nonaktifkan" }).click();
      await bed.getByLabel("Alasan").fill(reason);
      await bed.getByRole("button", { name: "Nonaktifkan" }).click();

      await expect(bed).toHaveAttribute("data-state", "out");
      await expect(bed).toContainText(reason);
      await expect(page.getByRole("status")).toContainText(label);
      await expect(figure(page, "Tempat tidur kosong")).toHaveText(id(freeBefore - 1));
      await expect(figure(page, "Kapasitas")).toHaveText(id(capacityBefore - 1));
      expect(bedRow(sql, bedId)).toEqual({ status: "out_of_service", reason });

      await bed.getByRole("button", { name: "Aktifkan kembali" }).click();
      await expect(bed).toHaveAttribute("data-state", "free");
      await expect(figure(page, "Tempat tidur kosong")).toHaveText(id(freeBefore));
      await expect(figure(page, "Kapasitas")).toHaveText(id(capacityBefore));
      expect(bedRow(sql, bedId).status).toBe("available");
    } finally {
      // Leave the bed as it was even when an expectation above failed.
      if (bedRow(sql, bedId).status === "out_of_service") {
        await page.request.post(`/panti/${pantiId}`, {
          form: { intent: "bed-status", bedId: String(bedId), status: "available", expectedStatus: "out_of_service" },
        });
      }
    }
  });

  test("a resident's name on the board opens their case file in the page, without loading a new document", async ({ page }) => {
    const name = page.getByTestId("bed-board").locator('[data-testid="bed"][data-state="occupied"] a').first();
    await expect(name, "the panti has a resident in a bed").toBeVisible();
    const href = (await name.getAttribute("href")) ?? "";
    await page.evaluate(() => Object.assign(window, { boardDocument: true }));
    await name.click();
    await page.waitForURL((url) => url.pathname === href);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => (window as { boardDocument?: boolean }).boardDocument)).toBe(true);
  });

  test("an empty reason is stopped in the browser and changes nothing", async ({ page, sql }) => {
    const { bed, bedId } = await pickFreeRegularBed(page);
    const freeBefore = await figureValue(page, "Tempat tidur kosong");
    let posted = false;
    page.on("request", (r) => {
      if (r.method() === "POST") posted = true;
    });

    await bed.locator("summary", { hasText: "Nonaktifkan" }).click();
    const reason = bed.getByLabel("Alasan");
    await expect(reason).toHaveValue("");
    await bed.getByRole("button", { name: "Nonaktifkan" }).click();

    // The field is marked invalid and says why (the browser's own message); nothing is sent.
    expect(await reason.evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true);
    expect(await reason.evaluate((el: HTMLInputElement) => el.validationMessage)).not.toBe("");
    await expect(reason).toBeFocused();
    expect(posted).toBe(false);
    await expect(bed).toHaveAttribute("data-state", "free");
    await expect(figure(page, "Tempat tidur kosong")).toHaveText(id(freeBefore));
    expect(bedRow(sql, bedId).status).toBe("available");
  });

  test("a blank reason is refused by the server with the field's error and changes nothing", async ({ page, sql }) => {
    const { bed, bedId } = await pickFreeRegularBed(page);
    const freeBefore = await figureValue(page, "Tempat tidur kosong");

    // Three spaces pass the browser's required/minLength checks; the server trims them away.
    await bed.locator("summary", { hasText: "Nonaktifkan" }).click();
    await bed.getByLabel("Alasan").fill("   ");
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith(`/panti/${pantiId}`),
      ),
      bed.getByRole("button", { name: "Nonaktifkan" }).click(),
    ]);
    expect(response.status()).toBe(400);
    await expect(bed).toHaveAttribute("data-state", "free");
    await expect(figure(page, "Tempat tidur kosong")).toHaveText(id(freeBefore));
    expect(bedRow(sql, bedId).status).toBe("available");
    // The message belongs beside the field, in the bed's own form.
    await expect(bed.getByText(REASON_REQUIRED)).toBeVisible({ timeout: 2_000 });
  });

  test("the forms to add a room and beds load as they come into view and check their input in the browser", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    let posted = false;
    page.on("request", (r) => {
      if (r.method() === "POST") posted = true;
    });
    const loadedForms = () =>
      page.evaluate(() => performance.getEntriesByType("resource").some((entry) => /\/manage-forms-[^/]*\.js$/.test(entry.name)));
    const form = page.getByRole("form", { name: "Tambah ruang" });
    // Far below the first screen, the forms are the server's markup until they are about to be seen.
    const below = await form.evaluate((el) => el.getBoundingClientRect().top - window.innerHeight > 600);
    if (below) expect(await loadedForms()).toBe(false);
    await form.scrollIntoViewIfNeeded();
    await expect.poll(loadedForms).toBe(true);
    // Hydrated: an empty name is refused in the browser, beside its field, without posting.
    await form.locator("#room-name").fill("");
    await form.getByRole("button", { name: "Tambah ruang" }).click();
    await expect(form.locator("#room-name")).toHaveAttribute("aria-invalid", "true");
    expect(posted).toBe(false);
    expect(errors).toEqual([]);
  });

  test("switches the interface to English", async ({ page }) => {
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page).toHaveTitle(/ — Panti$/);
    await expect(page.getByRole("button", { name: "Keluar" })).toBeVisible();
    await page.getByRole("banner").getByRole("button", { name: "English" }).click();

    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL(new RegExp(`/panti/${pantiId}$`));
    const nav = page.getByRole("navigation", { name: "Menu" });
    await expect(nav.getByRole("link", { name: "Shelters" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(figure(page, "Beds free")).toBeVisible();

    await nav.getByRole("link", { name: "Shelters" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Shelters" })).toBeVisible();
    // The document title follows the language too.
    await expect(page).toHaveTitle("Shelters — Panti");
  });
});

/** The last room (by id) of the panti with at least two free regular beds, and its sex. */
function roomWithFreeBeds(sql: Database.Database, pantiId: number): { id: number; name: string; sex: "male" | "female" } {
  const room = sql
    .prepare(
      `select r.id, r.name, r.sex from rooms r join beds b on b.room_id = r.id
        where r.panti_id = ? and b.overflow = 0 and b.status = 'available'
          and not exists (select 1 from bed_assignments ba where ba.bed_id = b.id and ba.to_at is null)
        group by r.id having count(*) >= 2 order by r.id desc limit 1`,
    )
    .get(pantiId) as { id: number; name: string; sex: "male" | "female" | "mixed" } | undefined;
  if (!room) throw new Error("no room with two free regular beds in the e2e data");
  return { ...room, sex: room.sex === "female" ? "female" : "male" };
}

test.describe("the board by room, on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("chooses a room in the overview, closes and reopens a bed in it, and admits a referral into one of its beds", async ({ page, sql }) => {
    test.setTimeout(60_000);
    const pantiId = pantiIdByCode(sql, "PSBR-TJ1");
    const room = roomWithFreeBeds(sql, pantiId);
    const suffix = [...String(Date.now() % 100000)].map((d) => "abcdefghij"[Number(d)]).join("");
    const name = `Bayu Kamar ${suffix}`;
    await signIn(page, "p3s.jakbar");
    const placementId = await referThroughForm(page, name, pantiId, room.sex);
    await page.context().clearCookies();
    await signIn(page, "admin.tj1");

    // The overview lists every room; choosing one opens its beds, linkably.
    await page.goto(`/panti/${pantiId}`);
    const roomCount = (sql.prepare("select count(*) as n from rooms where panti_id = ?").get(pantiId) as { n: number }).n;
    await expect(page.getByTestId("room-link")).toHaveCount(roomCount);
    await page.getByTestId("room-link").and(page.locator(`[data-room-id="${room.id}"]`)).click();
    await expect(page).toHaveURL(new RegExp(`[?&]room=${room.id}\\b`));
    const board = page.getByTestId("room");
    await expect(board).toHaveAttribute("data-room-id", String(room.id));
    await expect(board.getByRole("heading", { level: 3 })).toHaveText(room.name);
    await expect(page.getByTestId("room-link").and(page.locator('[aria-current="page"]'))).toHaveAttribute("data-room-id", String(room.id));
    // Only that room's beds are in the page, and nothing is wider than the phone.
    const bedsOfRoom = (sql.prepare("select count(*) as n from beds where room_id = ?").get(room.id) as { n: number }).n;
    await expect(page.getByTestId("bed")).toHaveCount(bedsOfRoom);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Close a free bed with a reason and reopen it: the page stays on the room.
    const free = board.locator('[data-testid="bed"][data-state="free"]:not(.overflow)');
    const closing = free.first();
    const label = (await closing.getAttribute("data-label")) ?? "";
    const bedId = Number(await closing.locator('input[name="bedId"]').first().inputValue());
    const bed = board.locator(`[data-testid="bed"][data-label="${label}"]`);
    try {
      await bed.locator("summary", { hasText: "Nonaktifkan" }).click();
      await bed.getByLabel("Alasan").fill("Lemari roboh (uji e2e)");
      await bed.getByRole("button", { name: "Nonaktifkan" }).click();
      await expect(bed).toHaveAttribute("data-state", "out");
      await expect(page).toHaveURL(new RegExp(`[?&]room=${room.id}\\b`));
      await expect(board).toHaveAttribute("data-room-id", String(room.id));
      expect(bedRow(sql, bedId).status).toBe("out_of_service");
      await bed.getByRole("button", { name: "Aktifkan kembali" }).click();
      await expect(bed).toHaveAttribute("data-state", "free");
      expect(bedRow(sql, bedId).status).toBe("available");
    } finally {
      if (bedRow(sql, bedId).status === "out_of_service") {
        await page.request.post(`/panti/${pantiId}`, {
          form: { intent: "bed-status", bedId: String(bedId), status: "available", expectedStatus: "out_of_service" },
        });
      }
    }

    // Admit the referral into the other free bed of the room, then find them there on the board.
    const target = free.nth(1);
    const targetLabel = (await target.getAttribute("data-label")) ?? "";
    const targetId = await target.locator('input[name="bedId"]').first().inputValue();
    const roomUrl = page.url();
    await page.goto(`/placements/${placementId}`);
    await page.getByTestId("bed-select").selectOption(targetId);
    await page.getByTestId("admission").getByRole("button", { name: "Terima" }).click();
    await expect(page.getByTestId("decision-message")).toContainText(`Diterima di tempat tidur ${targetLabel}`);
    await page.goto(roomUrl);
    const admitted = page.getByTestId("room").locator(`[data-testid="bed"][data-label="${targetLabel}"]`);
    await expect(admitted).toHaveAttribute("data-state", "occupied");
    await expect(admitted).toContainText(name);
  });
});

test.describe("the board by room, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("chooses a room by its link, searches with the form and closes and reopens a bed with plain posts", async ({ page, login, sql }) => {
    const admin = adminWithFreeBed(sql);
    await login(admin.username);
    await page.goto(`/panti/${admin.pantiId}`);
    const last = page.getByTestId("room-link").last();
    const roomId = (await last.getAttribute("data-room-id")) ?? "";
    await last.click();
    await expect(page).toHaveURL(new RegExp(`[?&]room=${roomId}\\b`));
    await expect(page.getByTestId("room")).toHaveAttribute("data-room-id", roomId);

    // The search form finds a bed by its label; its link opens the bed's room with the bed marked.
    await page.goto(`/panti/${admin.pantiId}`);
    const { bed, bedId, label } = await pickFreeRegularBed(page);
    await page.getByLabel("Cari penghuni atau tempat tidur").fill(label);
    await page.getByRole("button", { name: "Cari", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(label)}`));
    await page.locator(`[data-testid="found-bed"][data-label="${label}"] a`).first().click();
    await expect(bed).toHaveClass(/\bfound\b/);

    const roomUrl = page.url().replace(/#.*$/, "");
    try {
      await bed.locator("summary", { hasText: "Nonaktifkan" }).click();
      await bed.getByLabel("Alasan").fill("Kaki ranjang patah (uji e2e)");
      await bed.getByRole("button", { name: "Nonaktifkan" }).click();
      await expect(bed).toHaveAttribute("data-state", "out");
      expect(page.url()).toBe(roomUrl);
      await bed.getByRole("button", { name: "Aktifkan kembali" }).click();
      await expect(bed).toHaveAttribute("data-state", "free");
      expect(bedRow(sql, bedId).status).toBe("available");
    } finally {
      if (bedRow(sql, bedId).status === "out_of_service") {
        await page.request.post(`/panti/${admin.pantiId}`, {
          form: { intent: "bed-status", bedId: String(bedId), status: "available", expectedStatus: "out_of_service" },
        });
      }
    }
  });
});
