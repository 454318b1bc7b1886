import { describe, expect, it } from "vitest";
import type * as z from "zod/mini";
import {
  checkSheet,
  DECISION_FIELDS,
  parseDecision,
  columnLetter,
  fieldForHeader,
  IMPORT_COLUMNS,
  importUploadSchema,
  mapHeader,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  normaliseAge,
  pantiCodeKey,
  parseCategory,
  parseDisabilities,
  parseImportDate,
  parseImportDateTime,
  parseKota,
  parseOutreachUnit,
  parseReachMethod,
  parseSex,
  parseYesNo,
  readCategory,
  readFoundAt,
  templateRows,
  toStoredRow,
  type ImportContext,
  type SheetRow,
} from "./placement-import";
import { placementInputSchema } from "./placements";
import { stayUploadSchema } from "./stay-import";

/** Messages as their keys (with parameters), so that tests read what was said. */
const t = (key: string, params?: Record<string, string | number>) => (params ? `${key} ${JSON.stringify(params)}` : key);
const errorMap: z.core.$ZodErrorMap = (issue) => `zod.${issue.code}`;

const context = (overrides: Partial<ImportContext> = {}): ImportContext => ({
  pantiIdByCode: new Map([
    [pantiCodeKey("PSBI-BD1"), 7],
    [pantiCodeKey("PSTW-BM1"), 9],
  ]),
  canUseUnit: () => true,
  t,
  errorMap,
  ...overrides,
});

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
];

function row(values: Partial<Record<string, string>>): string[] {
  const base: Record<string, string> = {
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
    panti_tujuan: "PSTW-BM1",
    ref_eksternal: "",
    ...values,
  };
  return HEADER.map((h) => base[h] ?? "");
}

const sheet = (...rows: (string[] | SheetRow)[]): SheetRow[] => [
  { row: 1, cells: HEADER },
  ...rows.map((r, i) => (Array.isArray(r) ? { row: i + 2, cells: r } : r)),
];

describe("header mapping", () => {
  it("maps Indonesian and English names, whatever the case, spaces, underscores or a note in brackets", () => {
    expect(fieldForHeader("unit_p3s")).toBe("outreachUnit");
    expect(fieldForHeader("Unit P3S")).toBe("outreachUnit");
    expect(fieldForHeader("OUTREACH_UNIT")).toBe("outreachUnit");
    expect(fieldForHeader("outreachUnit")).toBe("outreachUnit");
    expect(fieldForHeader(" Nama Petugas ")).toBe("officerName");
    expect(fieldForHeader("officer name")).toBe("officerName");
    expect(fieldForHeader("Waktu ditemukan (WIB)")).toBe("foundAt");
    expect(fieldForHeader("found-at")).toBe("foundAt");
    expect(fieldForHeader("Ciri-ciri")).toBe("description");
    expect(fieldForHeader("ciri_ciri")).toBe("description");
    expect(fieldForHeader("Tidak Teridentifikasi")).toBe("unidentified");
    expect(fieldForHeader("Jenis Kelamin")).toBe("sex");
    expect(fieldForHeader("sex")).toBe("sex");
    expect(fieldForHeader("NIK")).toBe("nik");
    expect(fieldForHeader("KK")).toBe("kk");
    expect(fieldForHeader("Kategori PPKS")).toBe("ppksCategory");
    expect(fieldForHeader("ppks_category")).toBe("ppksCategory");
    expect(fieldForHeader("Panti Tujuan")).toBe("targetPantiId");
    expect(fieldForHeader("target_panti")).toBe("targetPantiId");
    expect(fieldForHeader("ref_eksternal")).toBe("externalRef");
    expect(fieldForHeader("External Ref")).toBe("externalRef");
    expect(fieldForHeader("kota")).toBe("foundKota");
    expect(fieldForHeader("kota_asal")).toBe("originCity");
    expect(fieldForHeader("nama")).toBe("personName");
    expect(fieldForHeader("name")).toBe("personName");
    expect(fieldForHeader("catatan lain")).toBeNull();
  });

  it("covers every field of the referral schema once", () => {
    const fields = IMPORT_COLUMNS.map((c) => c.field)
      .filter((f) => !(DECISION_FIELDS as readonly string[]).includes(f))
      .sort();
    expect(fields).toEqual(Object.keys(placementInputSchema.shape).sort());
    expect(new Set(IMPORT_COLUMNS.map((c) => c.header)).size).toBe(IMPORT_COLUMNS.length);
  });

  it("reports unknown and duplicated columns", () => {
    const mapping = mapHeader(["nama", "Catatan", "name", "", "sex"]);
    expect(mapping.fields).toEqual(["personName", null, null, null, "sex"]);
    expect(mapping.headerOf).toEqual({ personName: "nama", sex: "sex" });
    expect(mapping.unknown).toEqual(["Catatan"]);
    expect(mapping.duplicates).toEqual([["nama", "name"]]);
  });

  it("names spreadsheet columns by letter", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });
});

describe("values", () => {
  it("reads sex as L/P, words in both languages and M/F", () => {
    for (const v of ["L", "l", "Laki-laki", "LAKI LAKI", "pria", "male", "M", "Lk"]) expect(parseSex(v)).toBe("male");
    for (const v of ["P", "p", "Perempuan", "wanita", "female", "F"]) expect(parseSex(v)).toBe("female");
    for (const v of ["X", "", "laki-perempuan"]) expect(parseSex(v)).toBeNull();
  });

  it("reads yes/no in Indonesian and English, and 1/0", () => {
    for (const v of ["ya", "Ya", "YES", "y", "1", "TRUE", "iya"]) expect(parseYesNo(v)).toBe(true);
    for (const v of ["tidak", "Tidak", "no", "N", "0", "FALSE", "tdk"]) expect(parseYesNo(v)).toBe(false);
    for (const v of ["mungkin", "2", "t"]) expect(parseYesNo(v)).toBeNull();
  });

  it("reads a PPKS category by code, Indonesian name, short name or English name", () => {
    expect(parseCategory("gelandangan")).toBe("gelandangan");
    expect(parseCategory("Gelandangan")).toBe("gelandangan");
    expect(parseCategory("Lanjut usia terlantar")).toBe("lansia_terlantar");
    expect(parseCategory("lanjut  usia  TERLANTAR")).toBe("lansia_terlantar");
    expect(parseCategory("Anak berhadapan dengan hukum (ABH)")).toBe("anak_berhadapan_hukum");
    expect(parseCategory("Anak berhadapan dengan hukum")).toBe("anak_berhadapan_hukum");
    expect(parseCategory("ABH")).toBe("anak_berhadapan_hukum");
    expect(parseCategory("ODHA")).toBe("odha");
    expect(parseCategory("Homeless person")).toBe("gelandangan");
    expect(parseCategory("alien")).toBeNull();
  });

  it("maps the category names of practice: ODGJ (with disabilitas mental), Pengamen, Manusia gerobak, Gepeng", () => {
    expect(readCategory("ODGJ")).toEqual({ category: "penyandang_disabilitas", disability: "mental", mapped: true });
    expect(readCategory("odgj")).toEqual({ category: "penyandang_disabilitas", disability: "mental", mapped: true });
    expect(readCategory("Orang dengan gangguan jiwa")).toMatchObject({ category: "penyandang_disabilitas", disability: "mental" });
    expect(readCategory("Pengamen")).toEqual({ category: "pengemis", mapped: true });
    expect(readCategory("Manusia gerobak")).toEqual({ category: "gelandangan", mapped: true });
    expect(readCategory("manusia  GEROBAK")).toEqual({ category: "gelandangan", mapped: true });
    expect(readCategory("Gepeng")).toEqual({ category: "gelandangan", mapped: true });
    expect(readCategory("Gelandangan dan pengemis")).toEqual({ category: "gelandangan", mapped: true });
    expect(readCategory("Anjal")).toEqual({ category: "anak_jalanan", mapped: true });
    expect(readCategory("Gelandangan")).toEqual({ category: "gelandangan", mapped: false });
    expect(readCategory("Pengamen jalanan")).toBeNull();
  });

  it("reads disabilities separated by ; or , by code or name, and names the unknown ones", () => {
    expect(parseDisabilities("fisik; mental")).toEqual({ codes: ["fisik", "mental"], unknown: [] });
    expect(parseDisabilities("Disabilitas fisik, ODGJ, fisik")).toEqual({ codes: ["fisik", "mental"], unknown: [] });
    expect(parseDisabilities("sensorik;alien")).toEqual({ codes: ["sensorik"], unknown: ["alien"] });
    expect(parseDisabilities(" ; ")).toEqual({ codes: [], unknown: [] });
  });

  it("reads reach methods, cities and units by code or name", () => {
    expect(parseReachMethod("patrol")).toBe("patrol");
    expect(parseReachMethod("Patroli")).toBe("patrol");
    expect(parseReachMethod("Laporan masyarakat")).toBe("public_report");
    expect(parseReachMethod("Serahan Satpol PP")).toBe("satpol_pp_handover");
    expect(parseReachMethod("Razia")).toBe("satpol_pp_handover");
    expect(parseReachMethod("RAZIA GABUNGAN")).toBe("satpol_pp_handover");
    expect(parseReachMethod("Operasi")).toBe("satpol_pp_handover");
    expect(parseReachMethod("Operasi penertiban")).toBe("satpol_pp_handover");
    expect(parseReachMethod("Penjangkauan")).toBe("patrol");
    expect(parseReachMethod("teleportasi")).toBeNull();
    expect(parseKota("jakarta barat")).toBe("Jakarta Barat");
    expect(parseKota("Jakbar")).toBe("Jakarta Barat");
    expect(parseKota("Kota Administrasi Jakarta Timur")).toBe("Jakarta Timur");
    expect(parseKota("Kab. Adm. Kepulauan Seribu")).toBe("Kepulauan Seribu");
    expect(parseKota("Bandung")).toBeNull();
    expect(parseOutreachUnit("sudin_jakbar")).toBe("sudin_jakbar");
    expect(parseOutreachUnit("SUDIN JAKBAR")).toBe("sudin_jakbar");
    expect(parseOutreachUnit("jaktim")).toBe("sudin_jaktim");
    expect(parseOutreachUnit("Satgas P3S Dinas Sosial Provinsi DKI Jakarta")).toBe("satgas_dinsos");
    expect(parseOutreachUnit("sudin_bogor")).toBeNull();
  });

  it("reads found-at times in WIB: ISO, 'YYYY-MM-DD HH:MM', day-first dates, dotted times and Excel serials", () => {
    const expected = "2026-03-02T14:15:00.000Z";
    for (const v of [
      "2026-03-02 21:15",
      "2026-03-02T21:15",
      "2026-03-02 21:15:00",
      "2026-03-02 21.15",
      "2026-03-02 21:15 WIB",
      "02/03/2026 21:15",
      "2/3/2026 21.15",
      "02-03-2026 21:15",
      "2026-03-02T21:15:00+07:00",
      "2026-03-02T14:15:00Z",
      "2026-03-02T14:15:00.000Z",
      String(Date.UTC(2026, 2, 2, 21, 15) / 86_400_000 + 25_569),
    ]) {
      expect(parseImportDateTime(v)?.toISOString(), v).toBe(expected);
    }
    for (const v of ["2026-02-31 10:00", "kemarin", "2026-03-02 25:00", "46083", "2 Maretan 2026", "31 Februari 2026", "2 Maret 26"]) {
      expect(parseImportDateTime(v), v).toBeNull();
    }
  });

  it("reads a found-at date without a time as 00:00 WIB of that day, and says the time was not given", () => {
    for (const v of ["2023-01-02", "02/01/2023", "2/1/2023", "02-01-2023", "02 Januari 2023", "2 Jan 2023", "Senin, 2 Januari 2023"]) {
      expect(readFoundAt(v), v).toEqual({ at: new Date("2023-01-01T17:00:00.000Z"), timeGiven: false, monthName: !/^[\d/-]+$/.test(v) });
    }
    expect(readFoundAt("2023-01-02 21:15")).toMatchObject({ timeGiven: true, monthName: false });
  });

  it("reads Indonesian (and English) month names, whole or short, with or without a time", () => {
    const wib = (iso: string) => new Date(`${iso}+07:00`).toISOString();
    const cases: [string, string][] = [
      ["02 Januari 2023 21:15", wib("2023-01-02T21:15:00")],
      ["2 Jan 2023 21.15", wib("2023-01-02T21:15:00")],
      ["2 Februari 2023", wib("2023-02-02T00:00:00")],
      ["28 Pebruari 2023 pukul 06.30", wib("2023-02-28T06:30:00")],
      ["1 Maret 2023", wib("2023-03-01T00:00:00")],
      ["17 Mei 2023 jam 10:00", wib("2023-05-17T10:00:00")],
      ["17 Agustus 2023", wib("2023-08-17T00:00:00")],
      ["17-Agt-2023 08:00 WIB", wib("2023-08-17T08:00:00")],
      ["5 Okt 2023", wib("2023-10-05T00:00:00")],
      ["10 Nopember 2023", wib("2023-11-10T00:00:00")],
      ["25 Desember 2023 23:59", wib("2023-12-25T23:59:00")],
      ["25 DES. 2023", wib("2023-12-25T00:00:00")],
      ["Jumat, 29 Desember 2023 13.30", wib("2023-12-29T13:30:00")],
    ];
    for (const [v, expected] of cases) expect(parseImportDateTime(v)?.toISOString(), v).toBe(expected);
    expect(readFoundAt("17 Mei 2023 jam 10:00")).toMatchObject({ timeGiven: true, monthName: true });
  });

  it("reads birth dates as YYYY-MM-DD from ISO, day-first text, XLSX date cells and Excel serials", () => {
    const serial = String(Date.UTC(1980, 4, 15) / 86_400_000 + 25_569);
    for (const v of ["1980-05-15", "15/05/1980", "15-05-1980", "15.05.1980", "1980-05-15T00:00:00+07:00", "1980-05-14T17:00:00.000Z", serial]) {
      expect(parseImportDate(v), v).toBe("1980-05-15");
    }
    expect(parseImportDate("5/6/1980")).toBe("1980-06-05");
    expect(parseImportDate("15 Mei 1980")).toBe("1980-05-15");
    expect(parseImportDate("1 Agustus 1975")).toBe("1975-08-01");
    for (const v of ["31/02/1980", "1980", "Mei 1980", "1980-13-01", "15 Meii 1980"]) expect(parseImportDate(v), v).toBeNull();
  });

  it("reads ages with units and float noise", () => {
    expect(normaliseAge("45")).toBe("45");
    expect(normaliseAge("45 tahun")).toBe("45");
    expect(normaliseAge("± 45 th")).toBe("45");
    expect(normaliseAge("45.0")).toBe("45");
    expect(normaliseAge("empat puluh")).toBe("empat puluh");
  });
});

describe("checking a sheet", () => {
  it("turns valid rows into referral inputs, skipping blank rows and keeping the sheet's row numbers", () => {
    const check = checkSheet(
      sheet(row({}), { row: 3, cells: HEADER.map(() => " ") }, { row: 4, cells: row({ nama: "Budi", jenis_kelamin: "laki-laki", perkiraan_usia: "40 tahun", kategori_ppks: "Gelandangan", panti_tujuan: "psbi-bd1" }) }),
      context(),
    );
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.rowCount).toBe(2);
    expect(check.errors).toEqual([]);
    expect(check.valid.map((v) => v.row)).toEqual([2, 4]);
    expect(check.valid[0]!.input).toMatchObject({ outreachUnit: "sudin_jakbar", sex: "female", estimatedAge: 67, reachMethod: "patrol", targetPantiId: 9 });
    expect(check.valid[0]!.input.foundAt.toISOString()).toBe("2026-03-02T14:15:00.000Z");
    expect(check.valid[1]!.input).toMatchObject({ personName: "Budi", sex: "male", estimatedAge: 40, ppksCategory: "gelandangan", targetPantiId: 7 });
  });

  it("maps the spellings of practice and lists, per column, each distinct value mapped and what it became", () => {
    const header = [...HEADER, "disabilitas"];
    const rows = [
      [...row({ kategori_ppks: "ODGJ", waktu_ditemukan: "2023-01-02", cara_penjangkauan: "Razia" }), ""],
      [...row({ kategori_ppks: "ODGJ", waktu_ditemukan: "02/01/2023", cara_penjangkauan: "Razia", jenis_kelamin: "L" }), "fisik"],
      [...row({ kategori_ppks: "Pengamen", waktu_ditemukan: "02 Januari 2023 21:15", cara_penjangkauan: "Operasi" }), ""],
      [...row({ kategori_ppks: "Manusia gerobak", waktu_ditemukan: "2 Jan 2023" }), ""],
      [...row({ kategori_ppks: "Gepeng", waktu_ditemukan: "2023-01-02 21:15" }), ""],
      [...row({ kategori_ppks: "gelandangan" }), ""],
      [...row({ kategori_ppks: "ODGJ" }), "ODGJ"],
    ];
    const check = checkSheet([{ row: 1, cells: header }, ...rows.map((cells, i) => ({ row: i + 2, cells }))], context());
    if (!check.ok) throw new Error("expected a checked sheet");
    expect(check.errors).toEqual([]);
    const input = (row: number) => check.valid.find((v) => v.row === row)!.input;
    expect(input(2)).toMatchObject({ ppksCategory: "penyandang_disabilitas", disabilitySubtypes: ["mental"], reachMethod: "satpol_pp_handover" });
    expect(input(3).disabilitySubtypes).toEqual(["fisik", "mental"]);
    expect(input(8).disabilitySubtypes).toEqual(["mental"]);
    expect(input(4)).toMatchObject({ ppksCategory: "pengemis", reachMethod: "satpol_pp_handover" });
    expect(input(5).ppksCategory).toBe("gelandangan");
    expect(input(6).ppksCategory).toBe("gelandangan");
    // A date without a time: 00:00 WIB of that day.
    for (const r of [2, 3, 5]) expect(input(r).foundAt.toISOString()).toBe("2023-01-01T17:00:00.000Z");
    expect(input(4).foundAt.toISOString()).toBe("2023-01-02T14:15:00.000Z");

    const listed = check.mappings.map((m) => [m.column, m.from, m.rows, m.example]);
    expect(listed).toEqual([
      ["waktu_ditemukan", "2023-01-02", 2, true],
      ["waktu_ditemukan", "02 Januari 2023 21:15", 1, true],
      ["waktu_ditemukan", "2 Jan 2023", 1, true],
      ["cara_penjangkauan", "Razia", 2, false],
      ["cara_penjangkauan", "Operasi", 1, false],
      ["jenis_kelamin", "P", 6, false],
      ["jenis_kelamin", "L", 1, false],
      ["kategori_ppks", "ODGJ", 3, false],
      ["kategori_ppks", "Pengamen", 1, false],
      ["kategori_ppks", "Manusia gerobak", 1, false],
      ["kategori_ppks", "Gepeng", 1, false],
      ["disabilitas", "ODGJ", 1, false],
    ]);
    expect(check.mappings.find((m) => m.from === "ODGJ" && m.column === "kategori_ppks")!.to).toEqual({ field: "ppksCategory", code: "penyandang_disabilitas", disability: "mental" });
    expect(check.mappings[0]!.to).toEqual({ field: "foundAt", at: new Date("2023-01-01T17:00:00.000Z"), timeGiven: false });
    expect(check.mappings[1]!.to).toMatchObject({ field: "foundAt", timeGiven: true });
  });

  it("still refuses a spelling it does not know, naming the value and the names it does know", () => {
    const check = checkSheet(sheet(row({ kategori_ppks: "Pengamen jalanan", cara_penjangkauan: "Sweeping" })), context());
    if (!check.ok) throw new Error("expected a checked sheet");
    expect(check.valid).toEqual([]);
    expect(check.mappings).toEqual([{ column: "jenis_kelamin", from: "P", to: { field: "sex", code: "female" }, rows: 1, example: false }]);
    const messages = Object.fromEntries(check.errors.map((e) => [e.field, e.message]));
    expect(Object.keys(messages)).toEqual(["cara_penjangkauan", "kategori_ppks"]);
    expect(messages.kategori_ppks).toContain('"value":"Pengamen jalanan"');
    for (const name of ["ODGJ", "Pengamen", "Manusia gerobak", "Gepeng"]) expect(messages.kategori_ppks).toContain(name);
    expect(messages.cara_penjangkauan).toContain('"value":"Sweeping"');
    expect(messages.cara_penjangkauan).toContain("satpol_pp_handover");
  });

  it("lists each bad value with its row and the column as named in the file", () => {
    const header = HEADER.map((h) => (h === "nama" ? "Nama" : h === "kategori_ppks" ? "Kategori PPKS" : h));
    const check = checkSheet(
      [
        { row: 1, cells: header },
        { row: 2, cells: row({}) },
        { row: 3, cells: row({ kategori_ppks: "alien", waktu_ditemukan: "2099-01-01 10:00", nama: "<script>alert(1)</script>", nik: "317301150580000" }) },
      ],
      context(),
    );
    if (!check.ok) throw new Error("expected a checked sheet");
    expect(check.valid.map((v) => v.row)).toEqual([2]);
    expect(check.invalidRowCount).toBe(1);
    expect(check.errors.map((e) => [e.row, e.field, e.message.split(" ")[0]])).toEqual([
      [3, "waktu_ditemukan", "error.future"],
      [3, "Nama", "error.name_chars"],
      [3, "nik", "error.sixteen_digits"],
      [3, "Kategori PPKS", "import.error.category"],
    ]);
  });

  it("refuses NIKs that went through a number (16 digits in a number cell, 3.17E+15 in a CSV)", () => {
    const nikColumn = HEADER.indexOf("nik");
    const check = checkSheet(
      sheet({ row: 2, cells: row({ nik: "3173011505800000" }), longNumbers: [nikColumn] }, row({ nik: "3.17301E+15" }), row({ nik: "'3173 0115 0580 0003" })),
      context(),
    );
    if (!check.ok) throw new Error("expected a checked sheet");
    expect(check.errors).toEqual([
      { row: 2, field: "nik", message: "import.error.nikAsNumber" },
      { row: 3, field: "nik", message: "import.error.nikAsNumber" },
    ]);
    expect(check.valid[0]!.input.nik).toBe("3173011505800003");
  });

  it("explains unreadable values in the upload's words, once per field", () => {
    const check = checkSheet(sheet(row({ jenis_kelamin: "X", waktu_ditemukan: "kemarin sore", panti_tujuan: "PSXX", cara_penjangkauan: "" })), context());
    if (!check.ok) throw new Error("expected a checked sheet");
    expect(check.errors.map((e) => [e.field, e.message.split(" ")[0]])).toEqual([
      ["waktu_ditemukan", "import.error.datetime"],
      ["cara_penjangkauan", "zod.invalid_value"],
      ["jenis_kelamin", "import.error.sex"],
      ["panti_tujuan", "import.error.pantiCode"],
    ]);
  });

  it("reports unknown columns once, not per row", () => {
    const check = checkSheet(
      [
        { row: 1, cells: [...HEADER, "Catatan petugas"] },
        { row: 2, cells: [...row({}), "bawa KTP"] },
        { row: 3, cells: [...row({}), "", "", "lupa judul"] },
      ],
      context(),
    );
    if (!check.ok) throw new Error("expected a checked sheet");
    expect(check.errors).toEqual([]);
    expect(check.unknownColumns).toEqual(["Catatan petugas", 'import.column.unnamed {"column":"O"}']);
  });

  it("treats cells beyond the header of a CSV as a row error (a delimiter inside a value)", () => {
    const check = checkSheet(sheet([...row({}), "", "Cipayung"]), context({ strictWidth: true }));
    if (!check.ok) throw new Error("expected a checked sheet");
    expect(check.errors).toEqual([{ row: 2, field: "(N)", message: 'import.error.extraCells {"column":"N"}' }]);
  });

  it("fills the unit from the form and refuses other units than the uploader's", () => {
    const header = HEADER.filter((h) => h !== "unit_p3s");
    const cells = row({}).filter((_, i) => HEADER[i] !== "unit_p3s");
    const filled = checkSheet([{ row: 1, cells: header }, { row: 2, cells }], context({ defaultUnit: "sudin_jaktim" }));
    if (!filled.ok) throw new Error("expected a checked sheet");
    expect(filled.valid[0]!.input.outreachUnit).toBe("sudin_jaktim");

    const mine = (unit: string) => unit === "sudin_jakbar";
    const check = checkSheet(sheet(row({}), row({ unit_p3s: "sudin_jaktim" })), context({ canUseUnit: mine }));
    if (!check.ok) throw new Error("expected a checked sheet");
    expect(check.valid.map((v) => v.row)).toEqual([2]);
    expect(check.errors).toEqual([{ row: 3, field: "unit_p3s", message: "placement.error.otherUnit" }]);
  });

  it("refuses a unit reference repeated inside the file, on the later rows", () => {
    const check = checkSheet(
      sheet(row({ ref_eksternal: "JB-1" }), row({ ref_eksternal: "JB-2" }), row({ ref_eksternal: "JB-1" }), row({ ref_eksternal: "JB-1", unit_p3s: "sudin_jaktim" })),
      context(),
    );
    if (!check.ok) throw new Error("expected a checked sheet");
    expect(check.valid.map((v) => v.row)).toEqual([2, 3, 5]);
    expect(check.errors).toEqual([{ row: 4, field: "ref_eksternal", message: 'import.error.refRepeated {"ref":"JB-1","row":2}' }]);
  });

  it("accepts an unidentified person with a description and yes/no in any form", () => {
    const header = [...HEADER, "tidak_teridentifikasi", "ciri_ciri", "disabilitas"];
    const check = checkSheet(
      [
        { row: 1, cells: header },
        { row: 2, cells: [...row({ nama: "" }), "Ya", "Laki-laki kurus, bekas luka di dahi", "mental; fisik"] },
        { row: 3, cells: [...row({ nama: "" }), "tidak", "", ""] },
        { row: 4, cells: [...row({}), "mungkin", "", "alien"] },
      ],
      context(),
    );
    if (!check.ok) throw new Error("expected a checked sheet");
    expect(check.valid[0]!.input).toMatchObject({ unidentified: true, disabilitySubtypes: ["mental", "fisik"] });
    expect(check.errors.map((e) => [e.row, e.field, e.message.split(" ")[0]])).toEqual([
      [3, "nama", "placement.error.nameOrUnidentified"],
      [4, "tidak_teridentifikasi", "import.error.yesNo"],
      [4, "disabilitas", "import.error.disability"],
    ]);
  });

  it("stops at the file level: no header, missing or duplicated columns, no data, too many rows", () => {
    const problems = (rows: SheetRow[], extra: Partial<ImportContext> = {}, truncated = false) => {
      const check = checkSheet(rows, context(extra), { truncated });
      return check.ok ? [] : check.problems.map((p) => p.key);
    };
    expect(problems([])).toEqual(["import.error.noHeader"]);
    expect(problems([{ row: 2, cells: HEADER }])).toEqual(["import.error.noHeader"]);
    expect(problems([{ row: 1, cells: ["nama", "sex"] }, { row: 2, cells: ["Budi", "L"] }])).toEqual(["import.error.missingColumns"]);
    expect(problems([{ row: 1, cells: [...HEADER, "officer_name"] }, { row: 2, cells: row({}) }])).toEqual(["import.error.duplicateColumns"]);
    expect(problems([{ row: 1, cells: HEADER }, { row: 2, cells: ["", ""] }])).toEqual(["import.error.empty"]);
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => ({ row: i + 2, cells: row({}) }));
    expect(problems([{ row: 1, cells: HEADER }, ...many])).toEqual(["import.error.tooManyRows"]);
    expect(problems([{ row: 1, cells: HEADER }, ...many.slice(0, MAX_IMPORT_ROWS)])).toEqual([]);
    expect(problems([{ row: 1, cells: HEADER }, { row: 2, cells: row({}) }], {}, true)).toEqual(["import.error.tooManyRows"]);

    const check = checkSheet([{ row: 1, cells: ["nama", "sex"] }, { row: 2, cells: ["Budi", "L"] }], context());
    expect(check.ok ? null : check.problems[0]!.params?.columns).toBe(
      "unit_p3s, nama_petugas, waktu_ditemukan, cara_penjangkauan, kategori_ppks, ringkasan_asesmen, panti_tujuan",
    );
  });

  it("stores rows as JSON that the schema parses back to the same referral", () => {
    const check = checkSheet(sheet(row({ nik: "3173011505800003", ref_eksternal: "JB-9" })), context());
    if (!check.ok) throw new Error("expected a checked sheet");
    const stored = JSON.parse(JSON.stringify(toStoredRow(check.valid[0]!)));
    expect(stored.row).toBe(2);
    expect(stored.input.foundAt).toBe("2026-03-02T14:15:00.000Z");
    expect(placementInputSchema.parse(stored.input)).toEqual(check.valid[0]!.input);
  });

  it("has a template whose example row passes the check", () => {
    const [header, example] = templateRows("PSTW-BM1") as [string[], string[]];
    const check = checkSheet([{ row: 1, cells: header }, { row: 2, cells: example }], context());
    expect(check.ok && check.errors).toEqual([]);
  });
});

describe("historical decisions", () => {
  const DECIDED = [...HEADER, "keputusan", "tanggal_keputusan", "tempat_tidur", "alasan_keputusan", "dialihkan_ke"];
  const decided = (values: Partial<Record<string, string>>) => {
    const cells = row(values);
    return [...cells, ...["keputusan", "tanggal_keputusan", "tempat_tidur", "alasan_keputusan", "dialihkan_ke"].map((h) => values[h] ?? "")];
  };
  const checkDecided = (...rows: string[][]) => {
    const result = checkSheet([{ row: 1, cells: DECIDED }, ...rows.map((cells, i) => ({ row: i + 2, cells }))], context({ canDecide: () => true, now: new Date("2026-06-01T00:00:00Z") }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result;
  };

  it("reads decisions by code, Indonesian word or spelling of practice, and lists the spellings it mapped", () => {
    expect(parseDecision("accepted")).toBe("accepted");
    expect(parseDecision("Diterima")).toBe("accepted");
    expect(parseDecision("Masuk")).toBe("accepted");
    expect(parseDecision("tidak diterima")).toBe("declined");
    expect(parseDecision("Dirujuk ke panti lain")).toBe("redirected");
    expect(parseDecision("entah")).toBeNull();
    const result = checkDecided(
      decided({ keputusan: "Masuk", tanggal_keputusan: "2026-03-03", tempat_tidur: "A-01" }),
      decided({ keputusan: "ditolak", alasan_keputusan: "Bukan sasaran" }),
      decided({ keputusan: "dialihkan", alasan_keputusan: "Perlu asesmen", dialihkan_ke: "PSBI-BD1" }),
      decided({}),
    );
    expect(result.errors).toEqual([]);
    expect(result.valid.map((v) => v.decision?.status ?? "pending")).toEqual(["accepted", "declined", "redirected", "pending"]);
    expect(result.valid[0]!.decision).toEqual({ status: "accepted", at: new Date("2026-03-02T17:00:00Z"), bed: "A-01" });
    expect(result.valid[2]!.decision).toMatchObject({ toPantiId: 7 });
    expect(result.mappings.filter((m) => m.column === "keputusan").map((m) => m.from)).toEqual(["Masuk"]);
  });

  it("says every problem of a decision at once", () => {
    const result = checkDecided(
      decided({ keputusan: "diterima" }),
      decided({ keputusan: "dialihkan", dialihkan_ke: "PSTW-BM1", tempat_tidur: "A-01" }),
      decided({ keputusan: "ditolak", alasan_keputusan: "Sudah pulang", tanggal_keputusan: "2026-03-01" }),
      decided({ alasan_keputusan: "tanpa keputusan" }),
    );
    const of = (r: number) => result.errors.filter((e) => e.row === r).map((e) => `${e.field} ${e.message}`);
    expect(of(2)).toEqual(["tanggal_keputusan import.error.admittedAtRequired"]);
    expect(of(3)).toEqual(["tempat_tidur import.error.bedOnlyAccepted", "alasan_keputusan import.error.reasonRequired", "dialihkan_ke placement.error.samePanti"]);
    expect(of(4)).toEqual(["tanggal_keputusan import.error.decidedBeforeFound"]);
    expect(of(5)).toEqual(["alasan_keputusan import.error.decisionMissing"]);
  });
});

describe("the upload form", () => {
  const csv = (name = "rujukan.csv", type = "text/csv", size = 10) => new File([new Uint8Array(size).fill(65)], name, { type });
  const messages = (schema: z.ZodMiniType, input: unknown) => schema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);

  it("takes a CSV or XLSX file of at most 5 MB, and the unit when one is chosen", () => {
    expect(importUploadSchema.parse({ intent: "upload", file: csv(), outreachUnit: "sudin_jakbar" })).toMatchObject({ outreachUnit: "sudin_jakbar" });
    const xlsx = csv("rujukan.XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MAX_IMPORT_BYTES);
    expect(importUploadSchema.parse({ file: xlsx }).file).toBe(xlsx);
    // CSV files often come without a type, or with Excel's: the server reads the content.
    expect(importUploadSchema.safeParse({ file: csv("rujukan.csv", "") }).success).toBe(true);
    expect(importUploadSchema.safeParse({ file: csv("rujukan.csv", "application/vnd.ms-excel") }).success).toBe(true);
  });

  it("refuses, in one round, a missing or empty file, one over 5 MB, an old .xls, a picture or a PDF, and an unknown unit", () => {
    expect(messages(importUploadSchema, {})).toEqual([["file", "import.error.noFile"]]);
    // What a browser sends for a file input left empty.
    expect(messages(importUploadSchema, { file: new File([], "", { type: "application/octet-stream" }) })).toEqual([["file", "import.error.noFile"]]);
    expect(messages(importUploadSchema, { file: "rujukan.csv" })).toEqual([["file", "import.error.noFile"]]);
    expect(messages(importUploadSchema, { file: csv("besar.csv", "text/csv", MAX_IMPORT_BYTES + 1) })).toEqual([["file", "import.error.tooLarge"]]);
    expect(messages(importUploadSchema, { file: csv("lama.xls", "application/vnd.ms-excel") })).toEqual([["file", "import.error.xls"]]);
    expect(messages(importUploadSchema, { file: csv("foto.jpg", "image/jpeg"), outreachUnit: "sudin_x" })).toEqual([
      ["file", "import.error.format"],
      ["outreachUnit", expect.any(String)],
    ]);
    expect(messages(importUploadSchema, { file: csv("surat.pdf", "application/pdf") })).toEqual([["file", "import.error.format"]]);
  });

  it("checks the past stays' upload file the same way, and nothing else", () => {
    expect(messages(stayUploadSchema, { file: csv("riwayat.xls") })).toEqual([["file", "import.error.xls"]]);
    expect(stayUploadSchema.parse({ intent: "upload", file: csv("riwayat.csv"), outreachUnit: "x" })).toEqual({ file: expect.any(File) });
  });
});
