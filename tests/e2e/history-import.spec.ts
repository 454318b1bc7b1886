/**
 * Bringing in the past, in the browser: a panti admin uploads a small CSV of past stays, sees the
 * preview (the people, the spellings it mapped), imports it, and finds the stays on the case file.
 */
import { expect, pantiIdByCode, signIn, test } from "./fixtures";

test("past stays uploaded from a CSV appear on the person's case file", async ({ page, sql }) => {
  const nik = `31739${String(Date.now()).slice(-11)}`;
  const header = "nama,nik,jenis_kelamin,perkiraan_usia,kategori_ppks,panti,tanggal_masuk,tahap,tanggal_keluar,hasil_keluar,provinsi_tujuan,kota_tujuan,transportasi";
  const rows = [
    `Mbah Karto Riwayat,${nik},L,70,Lansia,PSTW-BM1,2023-02-01,terminasi,2023-06-30,Dipulangkan,Jateng,Brebes,bis`,
    `Mbah Karto Riwayat,${nik},L,71,Lansia,PSTW-BM1,02 Januari 2024,asesmen,,,,,`,
  ];
  await signIn(page, "admin.bm1");
  await page.goto("/stays/import");
  await page.locator("#import-file").setInputFiles({ name: "riwayat-2023.csv", mimeType: "text/csv", buffer: Buffer.from([header, ...rows].join("\n")) });
  await page.getByRole("button", { name: "Periksa berkas" }).click();

  const preview = page.getByTestId("import-preview");
  await expect(preview).toBeVisible();
  await expect(page.getByTestId("import-valid")).toContainText("2");
  await expect(page.getByTestId("import-people")).toContainText("1 orang baru");
  const mapped = page.getByTestId("import-mappings");
  await expect(mapped.getByRole("row", { name: /Dipulangkan/ })).toContainText("Dipulangkan ke daerah asal");
  await expect(mapped.getByRole("row", { name: /Jateng/ })).toContainText("Jawa Tengah");

  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-done")).toContainText("riwayat-2023.csv");

  const stay = sql
    .prepare("select s.id from stays s join persons p on p.id = s.person_id where p.nik = ? and s.exited_at is null")
    .get(nik) as { id: number } | undefined;
  expect(stay, "the open stay was imported").toBeDefined();
  await page.goto(`/panti/${pantiIdByCode(sql, "PSTW-BM1")}/stays/${stay!.id}`);
  const history = page.getByTestId("stay-history");
  await expect(history.locator("tbody tr")).toHaveCount(2);
  await expect(history).toContainText("Dipulangkan ke daerah asal");
  await expect(history).toContainText("Brebes, Jawa Tengah");
});
