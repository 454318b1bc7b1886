import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, panti, placementBatches, placements } from "#db/schema";
import { Conflict, InvalidInput, NotFound } from "~/domain/errors";
import { CATEGORY_SPELLINGS, MAX_IMPORT_ROWS } from "~/domain/placement-import";
import { action as importAction, loader as importLoader } from "~/routes/_app.placements.import";
import { loader as csvTemplateLoader } from "~/routes/_app.placements.import.template[.]csv";
import { loader as xlsxTemplateLoader } from "~/routes/_app.placements.import.template[.]xlsx";
import { createPlacement } from "~/services/placements.server";
import { discardBatch, importBatch, previewBatch } from "~/services/placement-import.server";
import { toCsv } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { formatDateTime, translator } from "~/utils/i18n";
import { readXlsx } from "~/utils/xlsx.server";
import { auditCount, cookieFor, createPanti, createUser, referralInput } from "../factories";
import { callRoute as call, routeArgs as args } from "../routes";

const t = translator("id");
const base = "http://127.0.0.1";

const HEADER = [
  "unit_p3s",
  "nama_petugas",
  "waktu_ditemukan",
  "cara_penjangkauan",
  "nama",
  "jenis_kelamin",
  "perkiraan_usia",
  "nik",
  "kategori_ppks",
  "ringkasan_asesmen",
  "panti_tujuan",
  "ref_eksternal",
] as const;
type Column = (typeof HEADER)[number];

let refCounter = 0;

function referralRow(pantiCode: string, values: Partial<Record<Column, string>> = {}): string[] {
  const base: Record<Column, string> = {
    unit_p3s: "sudin_jakbar",
    nama_petugas: "Rudi Hartono",
    waktu_ditemukan: "2026-03-02 21:15",
    cara_penjangkauan: "patroli",
    nama: "Siti Aminah",
    jenis_kelamin: "P",
    perkiraan_usia: "67",
    nik: "",
    kategori_ppks: "lansia_terlantar",
    ringkasan_asesmen: "Lansia tidur di halte, tidak ingat alamat keluarga.",
    panti_tujuan: pantiCode,
    ref_eksternal: `IMP-${++refCounter}`,
    ...values,
  };
  return HEADER.map((h) => base[h]);
}

const csvBytes = (rows: string[][], header: readonly string[] = HEADER) => new TextEncoder().encode(toCsv([[...header], ...rows]));

function setup() {
  const p = createPanti({ type: "elderly" });
  const outreach = createUser("outreach", null, "sudin_jakbar");
  const admin = createUser("dinsos_admin");
  return { p, outreach, admin };
}

function placementsOfBatch(batchId: number) {
  return db.select().from(placements).where(eq(placements.batchId, batchId)).all();
}

function batchRow(batchId: number) {
  return db.select().from(placementBatches).where(eq(placementBatches.id, batchId)).get()!;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

async function rejected(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("batch upload: CSV", () => {
  it("previews a valid file of 3 rows with no errors and imports 3 referrals with source batch", async () => {
    const { p, outreach } = setup();
    const before = auditCount("placement_batch.import");
    const preview = await previewBatch(outreach.actor, {
      fileName: "rujukan-maret.csv",
      bytes: csvBytes([
        referralRow(p.code),
        referralRow(p.code, { nama: "Budi Santoso", jenis_kelamin: "L", kategori_ppks: "Gelandangan", perkiraan_usia: "45 tahun" }),
        referralRow(p.code.toLowerCase(), { waktu_ditemukan: "03/03/2026 07.30", nik: "3173011505800003" }),
      ]),
    });
    expect(preview).toMatchObject({ rowCount: 3, validCount: 3, invalidRowCount: 0, errors: [], format: "csv", outreachUnit: "sudin_jakbar", status: "previewed" });
    const stored = batchRow(preview.batchId);
    expect(stored).toMatchObject({ status: "previewed", uploadedBy: outreach.id, rowCount: 3, validCount: 3, errors: [] });
    expect((stored.rows[0] as { row: number; input: { foundAt: string } }).input.foundAt).toBe("2026-03-02T14:15:00.000Z");
    expect(placementsOfBatch(preview.batchId)).toHaveLength(0);

    const result = importBatch(outreach.actor, preview.batchId);
    expect(result).toEqual({ batchId: preview.batchId, imported: 3 });
    const made = placementsOfBatch(preview.batchId);
    expect(made).toHaveLength(3);
    for (const row of made) expect(row).toMatchObject({ source: "batch", status: "pending", createdBy: outreach.id, targetPantiId: p.id, outreachUnit: "sudin_jakbar" });
    expect(made.map((r) => r.personName).sort()).toEqual(["Budi Santoso", "Siti Aminah", "Siti Aminah"]);
    expect(made.find((r) => r.nik)?.foundAt.toISOString()).toBe("2026-03-03T00:30:00.000Z");
    expect(made.find((r) => r.personName === "Budi Santoso")).toMatchObject({ sex: "male", ppksCategory: "gelandangan", estimatedAge: 45 });

    expect(batchRow(preview.batchId)).toMatchObject({ status: "imported" });
    expect(batchRow(preview.batchId).importedAt).toBeInstanceOf(Date);
    expect(auditCount("placement_batch.import")).toBe(before + 1);
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "placement_batch.import")).all().at(-1)!;
    expect(audit).toMatchObject({ userId: outreach.id, entity: "placement_batch", entityId: String(preview.batchId) });
    expect(audit.after).toMatchObject({ rows: 3, imported: 3, status: "imported" });
  });

  it("lists every bad value of a bad row by row and column, and imports nothing", async () => {
    const { p, outreach } = setup();
    const preview = await previewBatch(outreach.actor, {
      fileName: "rujukan.csv",
      bytes: csvBytes([
        referralRow(p.code),
        referralRow(p.code, { kategori_ppks: "alien", waktu_ditemukan: "2099-01-01 10:00", nama: "<script>alert(1)</script>", nik: "317301150580000" }),
        referralRow(p.code),
      ]),
    });
    expect(preview).toMatchObject({ rowCount: 3, validCount: 2, invalidRowCount: 1 });
    expect(preview.errors).toEqual([
      { row: 3, field: "waktu_ditemukan", message: t("error.future") },
      { row: 3, field: "nama", message: t("error.name_chars") },
      { row: 3, field: "nik", message: t("error.sixteen_digits") },
      { row: 3, field: "kategori_ppks", message: t("import.error.category", { value: "alien", spellings: CATEGORY_SPELLINGS.map((c) => c.name).join(", ") }) },
    ]);
    expect(batchRow(preview.batchId).errors).toEqual(preview.errors);

    const error = thrown(() => importBatch(outreach.actor, preview.batchId));
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).messageKey).toBe("import.error.hasErrors");
    expect(placementsOfBatch(preview.batchId)).toHaveLength(0);
    expect(batchRow(preview.batchId).status).toBe("previewed");
  });

  it("counts rows as the spreadsheet shows them: header row 1, blank rows skipped but counted", async () => {
    const { p, outreach } = setup();
    const text = toCsv([[...HEADER], referralRow(p.code)]) + "\r\n,,,\r\n" + toCsv([referralRow(p.code, { jenis_kelamin: "X" })]);
    const preview = await previewBatch(outreach.actor, { fileName: "x.csv", bytes: new TextEncoder().encode(text) });
    expect(preview.rowCount).toBe(2);
    expect(preview.errors).toEqual([{ row: 5, field: "jenis_kelamin", message: t("import.error.sex", { value: "X" }) }]);
  });

  it("reads Excel's CSV: semicolons, a sep= line, a byte-order mark or the Windows code page", async () => {
    const { p, outreach } = setup();
    const semicolons = "\uFEFF" + toCsv([[...HEADER], referralRow(p.code, { nama: "José Ramos" })], { delimiter: ";" });
    const a = await previewBatch(outreach.actor, { fileName: "a.csv", bytes: new TextEncoder().encode(semicolons) });
    expect(a).toMatchObject({ validCount: 1, errors: [] });

    const hinted = "sep=;\r\n" + toCsv([[...HEADER], referralRow(p.code)], { delimiter: ";" });
    const b = await previewBatch(outreach.actor, { fileName: "b.csv", bytes: new TextEncoder().encode(hinted) });
    expect(b).toMatchObject({ validCount: 1, errors: [] });

    const latin = toCsv([[...HEADER], referralRow(p.code, { nama: "José Ramos" })]);
    const cp1252 = Uint8Array.from([...latin].map((c) => c.charCodeAt(0)));
    const c = await previewBatch(outreach.actor, { fileName: "c.csv", bytes: cp1252 });
    expect(c).toMatchObject({ validCount: 1, errors: [] });
    importBatch(outreach.actor, c.batchId);
    expect(placementsOfBatch(c.batchId)[0]!.personName).toBe("José Ramos");
  });

  it("reports unknown columns once, without an error per row", async () => {
    const { p, outreach } = setup();
    const preview = await previewBatch(outreach.actor, {
      fileName: "x.csv",
      bytes: csvBytes([[...referralRow(p.code), "bawa KTP"], [...referralRow(p.code), ""]], [...HEADER, "Catatan"]),
    });
    expect(preview).toMatchObject({ validCount: 2, errors: [], unknownColumns: ["Catatan"] });
  });
});

describe("batch upload: XLSX", () => {
  async function xlsxBytes(pantiCode: string, nik: string | number): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Rujukan");
    ws.addRow([...HEADER.map((h) => h.replace("_", " ").toUpperCase()), "tanggal_lahir", "disabilitas"]);
    const cells: ExcelJS.CellValue[] = referralRow(pantiCode, { nik: "" });
    cells[HEADER.indexOf("waktu_ditemukan")] = new Date(Date.UTC(2026, 2, 2, 21, 15)); // a wall clock in WIB
    cells[HEADER.indexOf("nik")] = nik;
    cells[HEADER.indexOf("nama")] = { richText: [{ text: "Siti " }, { text: "Aminah", font: { bold: true } }] };
    cells[HEADER.indexOf("perkiraan_usia")] = { formula: "60+7", result: 67 };
    ws.addRow([...cells, new Date(Date.UTC(1959, 0, 20)), "fisik; mental"]);
    ws.getCell("C2").numFmt = "dd/mm/yyyy hh:mm";
    ws.getCell("M2").numFmt = "dd/mm/yyyy";
    if (typeof nik === "string") ws.getCell("H2").numFmt = "@";
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it("imports a sheet with a date cell, a formula and a NIK stored as text", async () => {
    const { p, outreach } = setup();
    const preview = await previewBatch(outreach.actor, { fileName: "rujukan.xlsx", bytes: await xlsxBytes(p.code, "3173015505800004") });
    expect(preview).toMatchObject({ format: "xlsx", rowCount: 1, validCount: 1, errors: [] });
    importBatch(outreach.actor, preview.batchId);
    const [row] = placementsOfBatch(preview.batchId);
    expect(row).toMatchObject({
      source: "batch",
      nik: "3173015505800004",
      personName: "Siti Aminah",
      estimatedAge: 67,
      birthDate: "1959-01-20",
      disabilitySubtypes: ["fisik", "mental"],
    });
    expect(row!.foundAt.toISOString()).toBe("2026-03-02T14:15:00.000Z");
  });

  it("refuses a 16-digit NIK stored as a number: store it as text", async () => {
    const { p, outreach } = setup();
    const preview = await previewBatch(outreach.actor, { fileName: "rujukan.xlsx", bytes: await xlsxBytes(p.code, 3173015505800000) });
    expect(preview.errors).toEqual([{ row: 2, field: "NIK", message: t("import.error.nikAsNumber") }]);
  });

  it("is recognised by its content, whatever the file is called", async () => {
    const { p, outreach } = setup();
    const preview = await previewBatch(outreach.actor, { fileName: "rujukan.csv", bytes: await xlsxBytes(p.code, "3173015505800012") });
    expect(preview).toMatchObject({ format: "xlsx", errors: [] });
  });
});

describe("batch upload: units, references and permissions", () => {
  it("gives an outreach officer row errors for rows of another unit", async () => {
    const { p, outreach } = setup();
    const preview = await previewBatch(outreach.actor, {
      fileName: "x.csv",
      bytes: csvBytes([referralRow(p.code), referralRow(p.code, { unit_p3s: "sudin_jaktim" }), referralRow(p.code, { unit_p3s: "Jakarta Utara" })]),
    });
    expect(preview.validCount).toBe(1);
    expect(preview.errors).toEqual([
      { row: 3, field: "unit_p3s", message: t("placement.error.otherUnit") },
      { row: 4, field: "unit_p3s", message: t("placement.error.otherUnit") },
    ]);
    await expect(previewBatch(outreach.actor, { fileName: "x.csv", bytes: csvBytes([referralRow(p.code)]), outreachUnit: "sudin_jaktim" })).rejects.toBeInstanceOf(
      InvalidInput,
    );
  });

  it("lets Dinsos upload for any unit, and fills empty unit cells from the form", async () => {
    const { p, admin } = setup();
    const header = HEADER.filter((h) => h !== "unit_p3s");
    const rows = [referralRow(p.code), referralRow(p.code)].map((r) => r.slice(1));
    await expect(previewBatch(admin.actor, { fileName: "x.csv", bytes: csvBytes(rows, header) })).rejects.toBeInstanceOf(InvalidInput);
    const preview = await previewBatch(admin.actor, { fileName: "x.csv", bytes: csvBytes(rows, header), outreachUnit: "sudin_jaktim" });
    expect(preview).toMatchObject({ validCount: 2, errors: [], outreachUnit: "sudin_jaktim" });
    importBatch(admin.actor, preview.batchId);
    expect(placementsOfBatch(preview.batchId).map((r) => r.outreachUnit)).toEqual(["sudin_jaktim", "sudin_jaktim"]);
  });

  it("refuses references repeated inside the file or already used by the unit", async () => {
    const { p, outreach } = setup();
    createPlacement(outreach.actor, referralInput(p.id, { externalRef: "JB-LAMA" }));
    const preview = await previewBatch(outreach.actor, {
      fileName: "x.csv",
      bytes: csvBytes([
        referralRow(p.code, { ref_eksternal: "JB-BARU" }),
        referralRow(p.code, { ref_eksternal: "JB-BARU" }),
        referralRow(p.code, { ref_eksternal: "JB-LAMA" }),
      ]),
    });
    const existing = db.select().from(placements).where(eq(placements.externalRef, "JB-LAMA")).get()!;
    expect(preview.errors).toEqual([
      { row: 3, field: "ref_eksternal", message: t("import.error.refRepeated", { ref: "JB-BARU", row: 2 }) },
      { row: 4, field: "ref_eksternal", message: t("import.error.refExists", { ref: "JB-LAMA", id: existing.id }) },
    ]);
  });

  it("answers a second import of the same batch with a conflict", async () => {
    const { p, outreach } = setup();
    const preview = await previewBatch(outreach.actor, { fileName: "x.csv", bytes: csvBytes([referralRow(p.code)]) });
    importBatch(outreach.actor, preview.batchId);
    const again = thrown(() => importBatch(outreach.actor, preview.batchId));
    expect(again).toBeInstanceOf(Conflict);
    expect((again as Conflict).messageKey).toBe("import.error.alreadyImported");
    expect(thrown(() => discardBatch(outreach.actor, preview.batchId))).toBeInstanceOf(Conflict);
    expect(placementsOfBatch(preview.batchId)).toHaveLength(1);
  });

  it("discards a preview (dropping its rows) and refuses to import it afterwards", async () => {
    const { p, outreach } = setup();
    const preview = await previewBatch(outreach.actor, { fileName: "x.csv", bytes: csvBytes([referralRow(p.code)]) });
    discardBatch(outreach.actor, preview.batchId);
    expect(batchRow(preview.batchId)).toMatchObject({ status: "discarded", rows: [] });
    expect((thrown(() => importBatch(outreach.actor, preview.batchId)) as Conflict).messageKey).toBe("import.error.discarded");
  });

  it("lets only the uploader or Dinsos import a batch", async () => {
    const { p, outreach, admin } = setup();
    const colleague = createUser("outreach", null, "sudin_jakbar");
    const pantiAdmin = createUser("panti_admin", p.id);
    const preview = await previewBatch(outreach.actor, { fileName: "x.csv", bytes: csvBytes([referralRow(p.code)]) });
    expect(thrown(() => importBatch(colleague.actor, preview.batchId))).toBeInstanceOf(NotFound);
    expect(thrown(() => importBatch(pantiAdmin.actor, preview.batchId))).toMatchObject({ name: "PermissionDenied" });
    expect(importBatch(admin.actor, preview.batchId).imported).toBe(1);
    await expect(previewBatch(pantiAdmin.actor, { fileName: "x.csv", bytes: csvBytes([referralRow(p.code)]) })).rejects.toMatchObject({
      name: "PermissionDenied",
    });
  });

  it("imports nothing when a panti was closed between the check and the import", async () => {
    const { outreach } = setup();
    const open = createPanti();
    const closing = createPanti();
    const preview = await previewBatch(outreach.actor, { fileName: "x.csv", bytes: csvBytes([referralRow(open.code), referralRow(closing.code)]) });
    expect(preview.errors).toEqual([]);
    db.update(panti).set({ active: false }).where(eq(panti.id, closing.id)).run();
    const error = thrown(() => importBatch(outreach.actor, preview.batchId));
    expect(error).toMatchObject({ messageKey: "import.error.changed", params: { row: 3 } });
    expect(placementsOfBatch(preview.batchId)).toHaveLength(0);
    expect(batchRow(preview.batchId).status).toBe("previewed");
  });
});

describe("batch upload: limits and unreadable files", () => {
  const fileError = async (promise: Promise<unknown>) => {
    const error = await rejected(promise);
    expect(error).toBeInstanceOf(InvalidInput);
    return (error as InvalidInput).fieldErrors.file;
  };

  it("refuses files over 5,000 rows or 5 MB, without columns, empty, or in another format", async () => {
    const { p, outreach } = setup();
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => referralRow(p.code, { ref_eksternal: "" }));
    expect(await fileError(previewBatch(outreach.actor, { fileName: "x.csv", bytes: csvBytes(many) }))).toEqual([
      t("import.error.tooManyRows", { max: MAX_IMPORT_ROWS }),
    ]);
    expect(await fileError(previewBatch(outreach.actor, { fileName: "x.csv", bytes: new Uint8Array(5_000_001).fill(65) }))).toEqual([t("import.error.tooLarge")]);
    expect(await fileError(previewBatch(outreach.actor, { fileName: "x.csv", bytes: csvBytes([["Budi", "L"]], ["nama", "sex"]) }))).toEqual([
      t("import.error.missingColumns", { columns: "nama_petugas, waktu_ditemukan, cara_penjangkauan, kategori_ppks, ringkasan_asesmen, panti_tujuan" }),
    ]);
    expect(await fileError(previewBatch(outreach.actor, { fileName: "x.csv", bytes: csvBytes([]) }))).toEqual([t("import.error.empty")]);
    expect(await fileError(previewBatch(outreach.actor, { fileName: "x.xls", bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]) }))).toEqual([
      t("import.error.xls"),
    ]);
    expect(await fileError(previewBatch(outreach.actor, { fileName: "x.xlsx", bytes: new TextEncoder().encode("bukan xlsx") }))).toEqual([t("import.error.xlsx")]);
    expect(await fileError(previewBatch(outreach.actor, { fileName: "x.csv", bytes: new TextEncoder().encode('nama,"sex\nBudi,L') }))).toEqual([
      t("import.error.csv", { line: 1 }),
    ]);
    expect(db.select().from(placementBatches).where(eq(placementBatches.fileName, "x.xls")).all()).toHaveLength(0);
  });
});

describe("batch upload: the sample files in tests/fixtures", () => {
  const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.resolve("tests/fixtures/placement-import", name)));

  it("previews and imports the valid CSV and XLSX, and refuses the invalid CSV row by row", async () => {
    const bm1 = createPanti({ code: "PSTW-BM1", type: "elderly" });
    const bd1 = createPanti({ code: "PSBI-BD1" });
    const outreach = createUser("outreach", null, "sudin_jakbar");

    const invalid = await previewBatch(outreach.actor, { fileName: "rujukan-invalid.csv", bytes: fixture("rujukan-invalid.csv") });
    expect(invalid).toMatchObject({ rowCount: 3, validCount: 2, invalidRowCount: 1 });
    expect(invalid.errors.map((e) => [e.row, e.field])).toEqual([
      [3, "waktu_ditemukan"],
      [3, "nama"],
      [3, "nik"],
      [3, "kategori_ppks"],
    ]);

    const xlsx = await previewBatch(outreach.actor, { fileName: "rujukan-valid.xlsx", bytes: fixture("rujukan-valid.xlsx") });
    expect(xlsx).toMatchObject({ format: "xlsx", rowCount: 3, validCount: 3, errors: [] });
    const csv = await previewBatch(outreach.actor, { fileName: "rujukan-valid.csv", bytes: fixture("rujukan-valid.csv") });
    expect(csv).toMatchObject({ format: "csv", rowCount: 3, validCount: 3, errors: [] });
    // Both files hold the same referrals: the stored rows are the same.
    expect(batchRow(xlsx.batchId).rows).toEqual(batchRow(csv.batchId).rows);

    importBatch(outreach.actor, xlsx.batchId);
    const made = placementsOfBatch(xlsx.batchId).sort((a, b) => a.id - b.id);
    expect(made.map((r) => [r.externalRef, r.targetPantiId, r.personName, r.unidentified])).toEqual([
      ["JB-2026-0101", bm1.id, "Siti Aminah", false],
      ["JB-2026-0102", bd1.id, null, true],
      ["JB-2026-0103", bd1.id, "Budi Santoso", false],
    ]);
    expect(made[2]).toMatchObject({ nik: "3173011505800003", birthDate: "1980-05-15", ppksCategory: "pengemis", reachMethod: "patrol" });
    expect(made[1]).toMatchObject({ disabilitySubtypes: ["mental"], reachMethod: "public_report", sex: "male" });

    // The CSV holds the same references: now they are taken.
    expect((thrown(() => importBatch(outreach.actor, csv.batchId)) as Conflict).messageKey).toBe("import.error.changed");
  });
});

// ---------------------------------------------------------------------------
// The route: multipart upload, import, template downloads
// ---------------------------------------------------------------------------



function upload(cookie: string, file: File, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append("intent", "upload");
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", file);
  return new Request(`${base}/placements/import`, { method: "POST", headers: { Cookie: cookie }, body: form });
}

function post(cookie: string, fields: Record<string, string>, search = "") {
  return new Request(`${base}/placements/import${search}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

type Body = { ok: boolean; errors?: Record<string, string[]>; formError?: string; preview?: { batchId: number; errors: unknown[]; validCount: number } };

describe("the import page", () => {
  it("answers a bad file with 400, its row errors, and imports nothing", async () => {
    const { p, outreach } = setup();
    const cookie = await cookieFor(outreach.username);
    const text = toCsv([[...HEADER], referralRow(p.code), referralRow(p.code, { kategori_ppks: "alien" })]);
    const res = await call(() => importAction(args(upload(cookie, new File([text], "rujukan.csv", { type: "text/csv" })))));
    expect(res.status).toBe(400);
    const body = res.body as Body;
    expect(body.ok).toBe(false);
    expect(body.errors?.file?.[0]).toBe(t("import.rejected", { rows: 1 }));
    expect(body.preview?.errors).toEqual([{ row: 3, field: "kategori_ppks", message: t("import.error.category", { value: "alien", spellings: CATEGORY_SPELLINGS.map((c) => c.name).join(", ") }) }]);
    expect(placementsOfBatch(body.preview!.batchId)).toHaveLength(0);

    const refused = await call(() => importAction(args(post(cookie, { intent: "import", batchId: String(body.preview!.batchId) }))));
    expect(refused.status).toBe(409);
    expect((refused.body as Body).formError).toBe(t("import.error.hasErrors", { n: 1 }));
  });

  it("shows in the preview each spelling it mapped and what it became, then imports what it showed", async () => {
    const { p, outreach } = setup();
    const cookie = await cookieFor(outreach.username);
    const text = toCsv([
      [...HEADER],
      referralRow(p.code, { kategori_ppks: "ODGJ", waktu_ditemukan: "2023-01-02", cara_penjangkauan: "Razia" }),
      referralRow(p.code, { kategori_ppks: "ODGJ", waktu_ditemukan: "02/01/2023", cara_penjangkauan: "Razia" }),
      referralRow(p.code, { kategori_ppks: "Pengamen", waktu_ditemukan: "02 Januari 2023 21:15" }),
      referralRow(p.code, { kategori_ppks: "Manusia gerobak", waktu_ditemukan: "17 Agustus 2023" }),
      referralRow(p.code, { kategori_ppks: "Gepeng", cara_penjangkauan: "Operasi" }),
    ]);
    const res = await call(() => importAction(args(upload(cookie, new File([text], "rujukan-2023.csv", { type: "text/csv" })))));
    expect(res.status).toBe(200);
    const preview = (res.body as { preview: { batchId: number; mappings: { column: string; from: string; to: string; rows: number; example: boolean }[] } }).preview;
    const shown = preview.mappings.map((m) => `${m.column}: ${m.from} → ${m.to} (${m.rows})`);
    expect(shown).toEqual([
      `waktu_ditemukan: 2023-01-02 → ${formatDateTime("id", new Date("2023-01-01T17:00:00Z"))} (${t("import.mapped.noTime")}) (2)`,
      `waktu_ditemukan: 02 Januari 2023 21:15 → ${formatDateTime("id", new Date("2023-01-02T14:15:00Z"))} (1)`,
      `waktu_ditemukan: 17 Agustus 2023 → ${formatDateTime("id", new Date("2023-08-16T17:00:00Z"))} (${t("import.mapped.noTime")}) (1)`,
      `cara_penjangkauan: Razia → Serahan Satpol PP (2)`,
      `cara_penjangkauan: Operasi → Serahan Satpol PP (1)`,
      `jenis_kelamin: P → Perempuan (5)`,
      `kategori_ppks: ODGJ → Penyandang disabilitas + Disabilitas mental (termasuk ODGJ) (2)`,
      `kategori_ppks: Pengamen → Pengemis (1)`,
      `kategori_ppks: Manusia gerobak → Gelandangan (1)`,
      `kategori_ppks: Gepeng → Gelandangan (1)`,
    ]);
    // Dates are listed by spelling (one example each), not one line per date.
    expect(preview.mappings[0]!.example).toBe(true);
    expect(preview.mappings.find((m) => m.from === "02/01/2023")).toBeUndefined();

    const imported = await call(() => importAction(args(post(cookie, { intent: "import", batchId: String(preview.batchId) }))));
    expect(imported.status).toBe(302);
    const made = placementsOfBatch(preview.batchId).sort((a, b) => a.id - b.id);
    expect(made.map((m) => [m.ppksCategory, m.disabilitySubtypes, m.reachMethod])).toEqual([
      ["penyandang_disabilitas", ["mental"], "satpol_pp_handover"],
      ["penyandang_disabilitas", ["mental"], "satpol_pp_handover"],
      ["pengemis", [], "patrol"],
      ["gelandangan", [], "patrol"],
      ["gelandangan", [], "satpol_pp_handover"],
    ]);
    expect(made[0]!.foundAt.toISOString()).toBe("2023-01-01T17:00:00.000Z");
    expect(made[3]!.foundAt.toISOString()).toBe("2023-08-16T17:00:00.000Z");
  });

  it("answers a file-level problem with 400 on the file field, and a missing file too", async () => {
    const { outreach } = setup();
    const cookie = await cookieFor(outreach.username);
    const noHeader = await call(() => importAction(args(upload(cookie, new File(["\n\nBudi,L\n"], "x.csv")))));
    expect(noHeader.status).toBe(400);
    expect((noHeader.body as Body).errors).toEqual({ file: [t("import.error.noHeader")] });

    const empty = await call(() => importAction(args(upload(cookie, new File([], "")))));
    expect(empty.status).toBe(400);
    expect((empty.body as Body).errors).toEqual({ file: [t("import.error.noFile")] });
  });

  it("refuses an old .xls, a picture or a PDF by the same schema the browser checks, before reading it", async () => {
    const { outreach } = setup();
    const cookie = await cookieFor(outreach.username);
    const xls = await call(() => importAction(args(upload(cookie, new File(["nama\nBudi\n"], "rujukan.xls", { type: "application/vnd.ms-excel" })))));
    expect(xls.status).toBe(400);
    expect((xls.body as Body).errors).toEqual({ file: [t("import.error.xls")] });
    const photo = await call(() => importAction(args(upload(cookie, new File(["x"], "foto.jpg", { type: "image/jpeg" })))));
    expect(photo.status).toBe(400);
    expect((photo.body as Body).errors).toEqual({ file: [t("import.error.format")] });
    const pdf = await call(() => importAction(args(upload(cookie, new File(["%PDF-1.4"], "surat.pdf", { type: "application/pdf" })))));
    expect((pdf.body as Body).errors).toEqual({ file: [t("import.error.format")] });
  });

  it("answers a file over 5 MB with a clear 413, not a 500", async () => {
    const { outreach } = setup();
    const cookie = await cookieFor(outreach.username);
    const res = await call(() => importAction(args(upload(cookie, new File([new Uint8Array(5_000_001).fill(65)], "besar.csv")))));
    expect(res.status).toBe(413);
    expect((res.body as Body).errors).toEqual({ file: [t("import.error.tooLarge")] });
  });

  it("previews a good file, imports it on the button and shows the result", async () => {
    const { p, admin } = setup();
    const cookie = await cookieFor(admin.username);
    const text = toCsv([[...HEADER], referralRow(p.code), referralRow(p.code)]);
    const res = await call(() => importAction(args(upload(cookie, new File([text], "rujukan.csv"), { outreachUnit: "sudin_jakbar" }))));
    expect(res.status).toBe(200);
    const { preview } = res.body as Body;
    expect(preview).toMatchObject({ validCount: 2, errors: [] });

    const done = await call(() => importAction(args(post(cookie, { intent: "import", batchId: String(preview!.batchId) }))));
    expect(done.status).toBe(302);
    expect(done.headers?.get("Location")).toBe(`/placements/import?batch=${preview!.batchId}`);
    expect(placementsOfBatch(preview!.batchId)).toHaveLength(2);

    const page = await importLoader(args(new Request(`${base}/placements/import?batch=${preview!.batchId}`, { headers: { Cookie: cookie } })));
    expect(page.batch).toMatchObject({ status: "imported", importedCount: 2 });

    const twice = await call(() => importAction(args(post(cookie, { intent: "import", batchId: String(preview!.batchId) }))));
    expect(twice.status).toBe(409);
    expect((twice.body as Body).formError).toBe(t("import.error.alreadyImported"));
  });

  it("hides other people's batches (404) and keeps roles without the permission out (403)", async () => {
    const { p, outreach } = setup();
    const preview = await previewBatch(outreach.actor, { fileName: "x.csv", bytes: csvBytes([referralRow(p.code)]) });
    const colleague = await cookieFor(createUser("outreach", null, "sudin_jakbar").username);
    const viewer = await cookieFor(createUser("dinsos_viewer").username);
    const get = (cookie: string) => new Request(`${base}/placements/import?batch=${preview.batchId}`, { headers: { Cookie: cookie } });
    expect((await call(() => importLoader(args(get(colleague))))).status).toBe(404);
    expect((await call(() => importLoader(args(get(viewer))))).status).toBe(403);
    expect((await call(() => importAction(args(post(colleague, { intent: "import", batchId: String(preview.batchId) }))))).status).toBe(404);
    expect(placementsOfBatch(preview.batchId)).toHaveLength(0);
  });

  it("offers CSV and XLSX templates whose example row passes the check", async () => {
    const { outreach } = setup();
    const cookie = await cookieFor(outreach.username);
    const request = (path: string) => new Request(`${base}${path}`, { headers: { Cookie: cookie } });
    const csv = (await csvTemplateLoader(args(request("/placements/import/template.csv")))) as Response;
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    expect(csv.headers.get("Content-Disposition")).toContain("template-rujukan.csv");
    const csvBytesOut = new Uint8Array(await csv.arrayBuffer());
    expect([...csvBytesOut.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a byte-order mark, for Excel
    expect(new TextDecoder().decode(csvBytesOut).startsWith("unit_p3s,nama_petugas,waktu_ditemukan")).toBe(true);
    const fromCsv = await previewBatch(outreach.actor, { fileName: "template-rujukan.csv", bytes: csvBytesOut });
    expect(fromCsv.errors).toEqual([]);

    const xlsx = (await xlsxTemplateLoader(args(request("/placements/import/template.xlsx")))) as Response;
    expect(xlsx.headers.get("Content-Type")).toContain("spreadsheetml");
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    const sheet = await readXlsx(bytes);
    expect(sheet.rows[0]!.cells.slice(0, 3)).toEqual(["unit_p3s", "nama_petugas", "waktu_ditemukan"]);
    const fromXlsx = await previewBatch(outreach.actor, { fileName: "template-rujukan.xlsx", bytes });
    expect(fromXlsx.errors).toEqual([]);
  });
});
