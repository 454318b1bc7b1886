/**
 * How people arrive: an outreach officer refers a person to a panti; the panti admin sees the
 * referral in their queue and accepts it into a bed; the bed board and occupancy change. And the
 * race for the last free bed, fired in parallel at the running server: one admission wins, the
 * other gets a clear conflict, nothing is corrupted.
 */
import type { Page } from "@playwright/test";
import type Database from "better-sqlite3";
import { expect, pantiIdByCode, parseIdNumber, referThroughForm as refer, signIn, test } from "./fixtures";

// The youth panti has free beds in the demo data (the intake and elderly panti are over capacity).
const PANTI = "PSBR-TJ1";
const ADMIN = "admin.tj1";

/** The sex of a ward of the panti that has a free regular bed (so an admission gets a real bed). */
function sexWithFreeBed(sql: Database.Database, pantiId: number): "male" | "female" {
  const row = sql
    .prepare(
      `select r.sex from beds b join rooms r on r.id = b.room_id
       where b.panti_id = ? and b.overflow = 0 and b.status = 'available'
         and not exists (select 1 from bed_assignments a where a.bed_id = b.id and a.to_at is null)
       order by b.id limit 1`,
    )
    .get(pantiId) as { sex: "male" | "female" | "mixed" } | undefined;
  if (!row) throw new Error(`${PANTI} has no free bed in the e2e data`);
  return row.sex === "female" ? "female" : "male";
}

async function figure(page: Page, testId: string): Promise<number> {
  return parseIdNumber(await page.getByTestId("panti-occupancy").getByTestId(testId).textContent());
}

test("outreach refers a person, the panti admin accepts them into a bed, and the bed board and occupancy change", async ({ page, sql }) => {
  const pantiId = pantiIdByCode(sql, PANTI);
  // Names are letters only: a run-specific suffix made of letters.
  const suffix = [...String(Date.now() % 100000)].map((d) => "abcdefghij"[Number(d)]).join("");
  const name = `Dimas Uji ${suffix}`;
  const sex = sexWithFreeBed(sql, pantiId);

  await signIn(page, "p3s.jakbar");
  // Suggestions follow the category, sex and age as they are typed.
  await page.goto("/placements/new");
  await page.locator("#ppksCategory").selectOption("anak_terlantar");
  await page.locator("#sex").selectOption(sex);
  await expect(page.getByTestId("suggestions")).toContainText("Sasaran panti sesuai kategori");
  const placementId = await refer(page, name, pantiId, sex);
  await expect(page.locator("h1")).toContainText(name);
  await expect(page.locator("h1")).toContainText("Menunggu");

  await page.context().clearCookies();
  await signIn(page, ADMIN);
  await page.goto(`/panti/${pantiId}`);
  const before = { census: await figure(page, "census"), available: await figure(page, "available") };

  await page.goto("/placements");
  const row = page.locator(`[data-testid="placement-row"][data-id="${placementId}"]`);
  await expect(row).toContainText(name);
  await row.getByRole("link", { name }).click();
  const admission = page.getByTestId("admission");
  await expect(admission).toBeVisible();
  const bedOption = await page.getByTestId("bed-select").locator("option:checked").textContent();
  const bedLabel = bedOption!.split("·")[1]!.replace(/\(.*\)/, "").trim();
  await admission.getByRole("button", { name: "Terima" }).click();
  await expect(page.getByTestId("decision-message")).toContainText(`Diterima di tempat tidur ${bedLabel}`);
  await expect(page.locator("h1")).toContainText("Diterima");

  await page.goto(`/panti/${pantiId}`);
  expect(await figure(page, "census")).toBe(before.census + 1);
  expect(await figure(page, "available")).toBe(before.available - 1);
  // The board shows one room: the search finds the resident and opens on the room of their bed.
  await page.getByLabel("Cari penghuni atau tempat tidur").fill(name);
  await page.getByRole("button", { name: "Cari", exact: true }).click();
  await expect(page.getByTestId("found-bed")).toHaveCount(1);
  await expect(page.getByTestId("found-bed")).toContainText(bedLabel);
  const bed = page.getByTestId("room").locator(`[data-testid="bed"][data-label="${bedLabel}"]`, { hasText: name });
  await expect(bed).toHaveAttribute("data-state", "occupied");
  await expect(bed).toHaveClass(/\bfound\b/);

  // The handover record prints the officer, the panti and the person.
  await page.goto(`/placements/${placementId}/handover`);
  await expect(page.getByTestId("handover")).toContainText(name);
  await expect(page.getByTestId("handover")).toContainText("Berita Acara Serah Terima");
});

test("two admissions racing for the last free bed: one wins, the other gets a conflict, nothing is corrupted", async ({ page, sql }) => {
  const pantiId = pantiIdByCode(sql, PANTI);
  const sex = sexWithFreeBed(sql, pantiId);
  await signIn(page, "p3s.jakbar");
  const first = await refer(page, "Rangga Balapan", pantiId, sex);
  const second = await refer(page, "Rendi Balapan", pantiId, sex);

  // A free regular bed in a ward for that sex (or mixed).
  const bed = sql
    .prepare(
      `select b.id, b.label from beds b join rooms r on r.id = b.room_id
       where b.panti_id = ? and b.overflow = 0 and b.status = 'available' and r.sex in (?, 'mixed')
         and not exists (select 1 from bed_assignments a where a.bed_id = b.id and a.to_at is null)
       order by b.id limit 1`,
    )
    .get(pantiId, sex) as { id: number; label: string };
  expect(bed, "a free bed to race for").toBeTruthy();

  await page.context().clearCookies();
  await signIn(page, ADMIN);
  const accept = (placementId: number) =>
    page.request.post(`/placements/${placementId}`, {
      form: { intent: "accept", bed: String(bed.id), person: "new" },
      maxRedirects: 0,
    });
  const responses = await Promise.all([accept(first), accept(second)]);
  const statuses = responses.map((r) => r.status()).sort();
  expect(statuses).toEqual([200, 409]);
  const loser = responses.find((r) => r.status() === 409)!;
  expect(await loser.text()).toContain(`Tempat tidur ${bed.label} baru saja terisi`);

  const open = sql.prepare("select count(*) as n from bed_assignments where bed_id = ? and to_at is null").get(bed.id) as { n: number };
  expect(open.n).toBe(1);
  const statusesInDb = sql
    .prepare("select status from placements where id in (?, ?) order by status")
    .all(first, second)
    .map((r) => (r as { status: string }).status);
  expect(statusesInDb).toEqual(["accepted", "pending"]);
  const orphans = sql
    .prepare(
      `select count(*) as n from stays s where s.placement_id in (?, ?)
       and not exists (select 1 from placements p where p.stay_id = s.id)`,
    )
    .get(first, second) as { n: number };
  expect(orphans.n).toBe(0);
});

test("bad referral input gets field errors in Indonesian, keeps what was typed, and never a 500", async ({ page }) => {
  await signIn(page, "p3s.jakbar");
  await page.goto("/placements/new");
  // Required fields are marked before anything is submitted, from the same schema the server uses.
  await expect(page.locator('label[for="ppksCategory"] .required-mark')).toBeVisible();
  await expect(page.locator("#ppksCategory")).toHaveAttribute("aria-required", "true");
  await expect(page.locator('label[for="nik"] .required-mark')).toHaveCount(0);
  await expect(page.getByLabel("Kategori PPKS")).toBeVisible();
  const name = "<script>alert(1)</script>";
  await page.locator("#personName").fill(name);
  await page.locator("#nik").fill("12345");
  await page.getByRole("button", { name: "Kirim rujukan" }).click();
  await expect(page.locator("#personName ~ .error")).toContainText("Hanya huruf");
  await expect(page.locator("#nik ~ .error")).toContainText("Harus 16 angka");
  await expect(page.locator("#ppksCategory ~ .error")).toBeVisible();
  await expect(page.locator("#personName")).toHaveValue(name);

  // The same without JavaScript's help: the server answers 400 with the same messages.
  const response = await page.request.post("/placements/new", {
    form: { outreachUnit: "sudin_jakbar", officerName: "Rudi", personName: name, nik: "12345", foundAt: "2099-01-01T10:00", targetPantiId: "abc" },
  });
  expect(response.status()).toBe(400);
  const html = await response.text();
  expect(html).toContain("Harus 16 angka.");
  expect(html).toContain("Tidak boleh di masa depan.");
  expect(html).not.toContain("<script>alert(1)</script>");
});
