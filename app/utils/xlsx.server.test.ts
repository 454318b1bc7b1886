import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isZip, numberText, readXlsx, writeXlsx, XlsxError, zipUnpackedSize } from "./xlsx.server";

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("readXlsx", () => {
  it("gives every kind of cell as text, with the spreadsheet's row numbers", async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet("Data");
      ws.addRow(["teks", "angka", "desimal", "waktu", "tanggal", "nik_angka", "nik_teks", "rumus", "tautan", "kaya", "benar", "galat"]);
      ws.addRow([
        "  Siti  ",
        45,
        0.1 + 0.2,
        new Date(Date.UTC(2026, 2, 2, 21, 15)),
        new Date(Date.UTC(1980, 4, 15)),
        3173011505800003,
        "3173011505800003",
        { formula: "A2&\"!\"", result: "Siti!" },
        { text: "lihat", hyperlink: "https://example.org" },
        { richText: [{ text: "Bu" }, { text: "di", font: { bold: true } }] },
        true,
        { error: "#N/A" },
      ]);
      ws.getCell("D2").numFmt = "yyyy-mm-dd hh:mm";
      ws.getCell("E2").numFmt = "dd/mm/yyyy";
      ws.addRow([]);
      ws.getCell("A4").value = "setelah baris kosong";
      ws.getCell("C4").value = { formula: "1/3", result: 1 / 3 };
    });
    const sheet = await readXlsx(bytes);
    expect(sheet.name).toBe("Data");
    expect(sheet.truncated).toBe(false);
    expect(sheet.rows.map((r) => r.row)).toEqual([1, 2, 4]);
    expect(sheet.rows[1]!.cells).toEqual([
      "  Siti  ",
      "45",
      "0.3",
      "2026-03-02T21:15:00+07:00",
      "1980-05-15",
      "3173011505800003",
      "3173011505800003",
      "Siti!",
      "lihat",
      "Budi",
      "TRUE",
      "#N/A",
    ]);
    expect(sheet.rows[1]!.longNumbers).toEqual([5]);
    expect(sheet.rows[2]!.cells).toEqual(["setelah baris kosong", "", "0.333333333333333"]);
  });

  it("skips a hidden first sheet, and rows that hold only empty text", async () => {
    const bytes = await workbookBytes((wb) => {
      const hidden = wb.addWorksheet("Daftar");
      hidden.state = "hidden";
      hidden.addRow(["kode"]);
      const ws = wb.addWorksheet("Rujukan");
      ws.addRow(["nama"]);
      ws.addRow(["   "]);
      ws.addRow(["Budi"]);
    });
    const sheet = await readXlsx(bytes);
    expect(sheet.name).toBe("Rujukan");
    expect(sheet.rows.map((r) => [r.row, r.cells[0]])).toEqual([
      [1, "nama"],
      [3, "Budi"],
    ]);
  });

  it("stops at maxRows and says so", async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet("S");
      for (let i = 0; i < 10; i++) ws.addRow([`r${i}`]);
    });
    const sheet = await readXlsx(bytes, { maxRows: 4 });
    expect(sheet.rows).toHaveLength(4);
    expect(sheet.truncated).toBe(true);
  });

  it("refuses what is not a readable XLSX file", async () => {
    await expect(readXlsx(new TextEncoder().encode("nama,sex\nBudi,L\n"))).rejects.toBeInstanceOf(XlsxError);
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]);
    await expect(readXlsx(broken)).rejects.toMatchObject({ reason: "unreadable" });
  });
});

describe("zip guard", () => {
  it("reads the unpacked size from the ZIP directory", async () => {
    const bytes = await workbookBytes((wb) => wb.addWorksheet("S").addRow(["x".repeat(10_000)]));
    expect(isZip(bytes)).toBe(true);
    expect(zipUnpackedSize(bytes)).toBeGreaterThan(10_000);
    expect(zipUnpackedSize(new Uint8Array(30))).toBeNull();
  });
});

describe("numberText", () => {
  it("writes numbers as a spreadsheet shows them and marks 16-digit ones", () => {
    expect(numberText(45)).toEqual({ text: "45", long: false });
    expect(numberText(0.1 + 0.2)).toEqual({ text: "0.3", long: false });
    expect(numberText(999_999_999_999_999)).toEqual({ text: "999999999999999", long: false });
    expect(numberText(3_173_011_505_800_000)).toEqual({ text: "3173011505800000", long: true });
    expect(numberText(Number.NaN)).toEqual({ text: "", long: false });
  });
});

describe("writeXlsx", () => {
  it("writes a sheet that reads back the same, with text columns kept as text", async () => {
    const buffer = await writeXlsx(
      ["nama", "nik", "usia", "waktu"],
      [
        ["Siti Aminah", "3173011505800003", 67, new Date("2026-03-02T14:15:00Z")],
        ["Budi", null, undefined, null],
      ],
      { sheetName: "Rujukan", textColumns: [1] },
    );
    expect(Buffer.isBuffer(buffer)).toBe(true);
    const sheet = await readXlsx(new Uint8Array(buffer));
    expect(sheet.name).toBe("Rujukan");
    expect(sheet.rows.map((r) => r.cells)).toEqual([
      ["nama", "nik", "usia", "waktu"],
      ["Siti Aminah", "3173011505800003", "67", "2026-03-02T21:15:00+07:00"],
      ["Budi"],
    ]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("B2").numFmt).toBe("@");
    expect(ws.getColumn(2).numFmt).toBe("@");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });
});
