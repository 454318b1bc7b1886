/**
 * No silent caps, in the browser: the follow-up list says how many there are and pages through
 * them. The batch upload shows the spellings it mapped before anything is imported.
 */
import { expect, parseIdNumber, signIn, test } from "./fixtures";

test("the follow-up list shows its total and pages through every follow-up", async ({ page, sql }) => {
  const open = (sql.prepare("select count(*) as n from follow_ups where done_at is null").get() as { n: number }).n;
  await signIn(page, "admin");
  await page.goto("/follow-ups?upcoming=1");
  const total = page.getByTestId("follow-ups-total");
  await expect(total).toContainText("Menampilkan");
  expect(parseIdNumber((await total.textContent())!.split(" dari ")[1]!)).toBe(open);
  const rows = page.getByTestId("follow-ups").locator("tbody tr");
  await expect(rows).toHaveCount(Math.max(1, Math.min(50, open)));
  expect(open, "the demo has more than one page of follow-ups").toBeGreaterThan(50);
  await page.getByRole("link", { name: /Berikutnya|Next/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("follow-ups").locator("tbody tr")).toHaveCount(Math.min(50, open - 50));
  // The download link keeps the page's filters and holds every row, not one page.
  const csv = await page.request.get("/export/follow-ups/csv?upcoming=1&for=internal");
  const lines = (await csv.text()).trim().split(/\r?\n/);
  expect(lines.length - 1).toBeGreaterThanOrEqual(open);
});

test("the batch upload lists each value it mapped and what it became, before importing", async ({ page }) => {
  await signIn(page, "p3s.jakbar");
  await page.goto("/placements/import");
  const header = "unit_p3s,nama_petugas,waktu_ditemukan,cara_penjangkauan,nama,jenis_kelamin,perkiraan_usia,kategori_ppks,ringkasan_asesmen,panti_tujuan";
  const rows = [
    "sudin_jakbar,Rudi Hartono,2023-01-02,Razia,Budi,L,40,ODGJ,Berbicara sendiri di halte.,PSTW-BM1",
    "sudin_jakbar,Rudi Hartono,02 Januari 2023 21:15,Operasi,Slamet,L,35,Pengamen,Mengamen di perempatan.,PSTW-BM1",
    "sudin_jakbar,Rudi Hartono,2 Jan 2023,patroli,Parto,L,50,Manusia gerobak,Tidur di gerobak.,PSTW-BM1",
  ];
  await page.locator("#import-file").setInputFiles({ name: "rujukan-2023.csv", mimeType: "text/csv", buffer: Buffer.from([header, ...rows].join("\n")) });
  await page.getByRole("button", { name: "Periksa berkas" }).click();
  const mapped = page.getByTestId("import-mappings");
  await expect(mapped).toBeVisible();
  await expect(mapped.getByRole("row", { name: /ODGJ/ })).toContainText("Penyandang disabilitas + Disabilitas mental");
  await expect(mapped.getByRole("row", { name: /Razia/ })).toContainText("Serahan Satpol PP");
  await expect(mapped.getByRole("row", { name: /Pengamen/ })).toContainText("Pengemis");
  await expect(mapped.getByRole("row", { name: /Manusia gerobak/ })).toContainText("Gelandangan");
  await expect(mapped.getByRole("row", { name: /2023-01-02/ })).toContainText("jam tidak diisi");
  // Nothing is imported until the operator says so: discard.
  await page.getByRole("button", { name: "Batalkan" }).click();
  await expect(page.getByText(/dibatalkan; tidak ada yang diimpor/)).toBeVisible();
});
