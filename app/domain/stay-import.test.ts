import { describe, expect, it } from "vitest";
import type * as z from "zod/mini";
import { pantiCodeKey } from "./placement-import";
import { checkStaySheet, parseDocuments, parseOutcome, parseStage, STAY_IMPORT_COLUMNS, stayTemplateRows, toStoredStayRow, fromStoredStayRow, type StayImportContext } from "./stay-import";

const t = (key: string, params?: Record<string, string | number>) => (params ? `${key} ${JSON.stringify(params)}` : key);
const errorMap: z.core.$ZodErrorMap = (issue) => `zod.${issue.code}`;
const NOW = new Date("2026-03-01T03:00:00Z");

const context = (overrides: Partial<StayImportContext> = {}): StayImportContext => ({
  pantiIdByCode: new Map([
    [pantiCodeKey("PSTW-BM1"), 9],
    [pantiCodeKey("PSBI-BD1"), 7],
  ]),
  canRecord: () => true,
  t,
  errorMap,
  now: NOW,
  ...overrides,
});

const HEADER = ["nama", "jenis_kelamin", "perkiraan_usia", "kategori_ppks", "panti", "tanggal_masuk", "tahap", "tanggal_keluar", "hasil_keluar", "nama_keluarga", "hubungan_keluarga", "alamat_keluarga", "dokumen", "panti_penerima", "catatan_keluar"];

function sheet(...rows: Record<string, string>[]) {
  return [
    { row: 1, cells: HEADER },
    ...rows.map((values, i) => ({
      row: i + 2,
      cells: HEADER.map((h) => ({ nama: "Siti Aminah", jenis_kelamin: "P", perkiraan_usia: "67", kategori_ppks: "lansia_terlantar", panti: "PSTW-BM1", tanggal_masuk: "2024-01-15", ...values })[h] ?? ""),
    })),
  ];
}

function check(...rows: Record<string, string>[]) {
  const result = checkStaySheet(sheet(...rows), context());
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

describe("the columns of the stays upload", () => {
  it("has unique template names and a template row that passes the check", () => {
    expect(new Set(STAY_IMPORT_COLUMNS.map((c) => c.header)).size).toBe(STAY_IMPORT_COLUMNS.length);
    const [header, example] = stayTemplateRows("PSTW-BM1");
    const result = checkStaySheet([{ row: 1, cells: header! }, { row: 2, cells: example! }], context());
    expect(result.ok && result.errors).toEqual([]);
  });
});

describe("values of practice", () => {
  it("reads exit outcomes, stages and family documents by code, register name or the names panti use", () => {
    expect(parseOutcome("returned_family")).toBe("returned_family");
    expect(parseOutcome("Dikembalikan ke keluarga")).toBe("returned_family");
    expect(parseOutcome("Kabur")).toBe("absconded");
    expect(parseOutcome("RSJ")).toBe("referred_hospital");
    expect(parseOutcome("APS")).toBe("own_request");
    expect(parseOutcome("hilang")).toBeNull();
    expect(parseStage("Asesmen")).toBe("asesmen");
    expect(parseStage("reintegrasi")).toBe("resosialisasi");
    expect(parseDocuments("KTP; Kartu Keluarga, Surat RT/RW | surat pernyataan")).toEqual({ codes: ["ktp", "kk", "rtRwLetter", "signedStatement"], unknown: [] });
    expect(parseDocuments("KTP; paspor").unknown).toEqual(["paspor"]);
  });
});

describe("checking rows of past stays", () => {
  it("accepts an open stay and a closed one with the details its outcome needs", () => {
    const result = check(
      { tahap: "Asesmen" },
      { tanggal_keluar: "30 Juni 2024", hasil_keluar: "Pulang ke keluarga", nama_keluarga: "Ahmad", hubungan_keluarga: "Anak", alamat_keluarga: "Bekasi", dokumen: "KTP; KK; Surat pernyataan" },
    );
    expect(result.errors).toEqual([]);
    expect(result.valid[0]!.input).toMatchObject({ pantiId: 9, stage: "asesmen", admittedAt: new Date("2024-01-14T17:00:00Z") });
    expect(result.valid[0]!.input.exit).toBeUndefined();
    expect(result.valid[1]!.input.exit).toMatchObject({ outcome: "returned_family", familyName: "Ahmad", docKtp: true, docKk: true, docSignedStatement: true, docRtRwLetter: false });
    expect(result.mappings.map((m) => `${m.column}: ${m.from}`)).toEqual(
      expect.arrayContaining(["tanggal_masuk: 2024-01-15", "tanggal_keluar: 30 Juni 2024", "hasil_keluar: Pulang ke keluarga", "jenis_kelamin: P"]),
    );
  });

  it("reports every error of a row at once, each on its column", () => {
    const result = check({ jenis_kelamin: "X", kategori_ppks: "alien", panti: "NOPE", tanggal_keluar: "2024-06-01", hasil_keluar: "Dikembalikan ke keluarga", dokumen: "KTP" });
    expect(result.valid).toEqual([]);
    expect(result.errors.map((e) => e.field)).toEqual(["jenis_kelamin", "kategori_ppks", "panti", "nama_keluarga", "hubungan_keluarga", "alamat_keluarga", "dokumen", "dokumen"]);
  });

  it("refuses exit details without an exit, an exit before the admission, a future admission, a transfer to the same panti", () => {
    const result = check(
      { nama_keluarga: "Ahmad" },
      { tanggal_keluar: "2023-01-01", hasil_keluar: "kabur" },
      { tanggal_masuk: "2027-01-01" },
      { tanggal_keluar: "2024-02-01", hasil_keluar: "Pindah panti", panti_penerima: "PSTW-BM1", catatan_keluar: "Pindah ke panti lain" },
    );
    const of = (row: number) => result.errors.filter((e) => e.row === row).map((e) => `${e.field} ${e.message}`);
    expect(of(2)).toEqual(["nama_keluarga history.error.exitMissing"]);
    expect(of(3)).toEqual(["tanggal_keluar exit.error.beforeAdmission"]);
    expect(of(4)).toEqual(["tanggal_masuk error.future"]);
    expect(of(5)).toEqual(["panti_penerima placement.error.samePanti"]);
  });

  it("refuses a row for a panti the uploader may not record in, on the panti column", () => {
    const result = checkStaySheet(sheet({}, { panti: "PSBI-BD1" }), context({ canRecord: (id) => id === 9 }));
    expect(result.ok && result.errors).toEqual([{ row: 3, field: "panti", message: "history.error.otherPanti" }]);
  });

  it("keeps a valid row through storage", () => {
    const result = check({ tanggal_keluar: "2024-06-01", hasil_keluar: "Kabur" });
    const stored = JSON.parse(JSON.stringify(toStoredStayRow(result.valid[0]!)));
    expect(fromStoredStayRow(stored)).toEqual(result.valid[0]);
  });
});
