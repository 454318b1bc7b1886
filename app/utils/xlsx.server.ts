/**
 * XLSX reading and writing with exceljs (see docs/decisions/004-xlsx-with-exceljs.md).
 *
 * Reading gives the first worksheet as rows of text, numbered as in the spreadsheet, so that
 * the same checks serve CSV and XLSX uploads: rich text is joined, formulas give their cached
 * result, hyperlinks their text, dates become ISO text in WIB (a spreadsheet stores the wall
 * clock, which in Jakarta is WIB), and numbers are written without float noise ("0.3", not
 * "0.30000000000000004"). Numbers of 16 digits or more are marked: a spreadsheet keeps only 15
 * significant digits, so a NIK typed as a number may already have lost its last digits.
 *
 * Writing makes a small one-sheet workbook (templates, small downloads). Large exports should
 * use exceljs's streaming writer (`ExcelJS.stream.xlsx.WorkbookWriter`) instead.
 *
 * exceljs is loaded on first use (`loadExcelJs`), not when the server starts: with its ZIP, XML
 * and CSV dependencies it is about 15 MB of the server's memory, for pages that never need it
 * until someone uploads or downloads a workbook (docs/decisions/025-server-memory.md).
 */
import type ExcelJS from "exceljs";

/** exceljs, imported the first time a workbook is read or written. */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}

/** One row: cells as text; `row` is the spreadsheet row number (1 = the first row). */
export interface XlsxRow {
  row: number;
  cells: string[];
  /** Columns (0-based) whose cell held a number of 16 digits or more. */
  longNumbers: number[];
}

export interface XlsxSheet {
  name: string;
  /** Non-empty rows, in order. */
  rows: XlsxRow[];
  /** True when reading stopped at `maxRows`. */
  truncated: boolean;
}

export class XlsxError extends Error {
  constructor(
    public readonly reason: "unreadable" | "too_large" | "no_sheet",
    message: string,
  ) {
    super(message);
    this.name = "XlsxError";
  }
}

/** An XLSX (like any ZIP) file starts with a local file header: "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** A compressed upload may not unpack to more than this (a "zip bomb" guard). */
export const MAX_UNPACKED_BYTES = 200_000_000;

/**
 * The total uncompressed size the ZIP's central directory declares, or null when it cannot be
 * read (not a ZIP, ZIP64, truncated). Cheap: reads only the directory, not the data.
 */
export function zipUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory record: 22 bytes plus a comment of up to 65,535 bytes.
  const lowest = Math.max(0, bytes.length - 22 - 65_535);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || offset === 0xffffffff) return null;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return null;
    total += size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Whether a number format shows a time of day (h or s outside quoted text and [$...] codes). */
function formatHasTime(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"/g, "").replace(/\[\$[^\]]*\]/g, "").replace(/\\./g, "");
  return /[hs]/i.test(bare);
}

/**
 * A date cell as ISO text in WIB. exceljs gives the stored wall clock as if it were UTC; in
 * Jakarta that wall clock is WIB (+07:00). A date without a time of day is a plain YYYY-MM-DD.
 */
function dateText(date: Date, numFmt: string | undefined): string {
  if (Number.isNaN(date.getTime())) return "";
  const ymd = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const midnight = date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0;
  if (midnight && !formatHasTime(numFmt)) return ymd;
  return `${ymd}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}+07:00`;
}

/** A number as a spreadsheet shows it: integers in full, others to 15 significant digits. */
export function numberText(value: number): { text: string; long: boolean } {
  if (!Number.isFinite(value)) return { text: "", long: false };
  if (Number.isInteger(value)) {
    return { text: Math.abs(value) < 1e21 ? value.toFixed(0) : String(value), long: Math.abs(value) >= 1e15 };
  }
  return { text: String(Number(value.toPrecision(15))), long: false };
}

type Scalar = ExcelJS.CellValue;

function valueText(value: Scalar, numFmt: string | undefined): { text: string; long: boolean } {
  if (value === null || value === undefined) return { text: "", long: false };
  if (typeof value === "string") return { text: value, long: false };
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", long: false };
  if (value instanceof Date) return { text: dateText(value, numFmt), long: false };
  if ("richText" in value) return { text: value.richText.map((r) => r.text).join(""), long: false };
  if ("hyperlink" in value) {
    // The text of a hyperlink may itself be rich text.
    const text: unknown = value.text;
    return valueText(text as Scalar, numFmt);
  }
  if ("formula" in value || "sharedFormula" in value) {
    return valueText((value as ExcelJS.CellFormulaValue).result ?? null, numFmt);
  }
  if ("error" in value) return { text: value.error, long: false };
  return { text: "", long: false };
}

export interface ReadXlsxOptions {
  /** Stop after this many non-empty rows (the header included); `truncated` tells. */
  maxRows?: number;
}

/** Reads the first worksheet of an XLSX file. Throws XlsxError for files it cannot read. */
export async function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): Promise<XlsxSheet> {
  if (!isZip(bytes)) throw new XlsxError("unreadable", "not an XLSX (ZIP) file");
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === null) throw new XlsxError("unreadable", "the ZIP directory cannot be read");
  if (unpacked > MAX_UNPACKED_BYTES) throw new XlsxError("too_large", `unpacks to ${unpacked} bytes`);

  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer, {
      ignoreNodes: ["dataValidations", "conditionalFormatting", "extLst"],
    });
  } catch (error) {
    throw new XlsxError("unreadable", (error as Error).message);
  }
  // The first sheet the user sees (a hidden first sheet, e.g. a lookup list, is skipped).
  const sheet = workbook.worksheets.find((ws) => ws.state === "visible") ?? workbook.worksheets[0];
  if (!sheet) throw new XlsxError("no_sheet", "the workbook has no worksheet");

  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const rows: XlsxRow[] = [];
  let truncated = false;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (truncated) return;
    const cells: string[] = [];
    const longNumbers: number[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const { text, long } = valueText(cell.value, cell.numFmt);
      while (cells.length < col - 1) cells.push("");
      cells[col - 1] = text;
      if (long) longNumbers.push(col - 1);
    });
    if (cells.every((c) => c.trim() === "")) return;
    if (rows.length >= maxRows) {
      truncated = true;
      return;
    }
    rows.push({ row: row.number, cells, longNumbers });
  });
  return { name: sheet.name, rows, truncated };
}

export type XlsxValue = string | number | boolean | Date | null | undefined;

export interface WriteXlsxOptions {
  sheetName?: string;
  /** Columns (0-based) formatted as text, so that what people type stays as typed (NIK!). */
  textColumns?: readonly number[];
}

/**
 * A one-sheet workbook: a bold, frozen header row, then the rows. Dates are written as their
 * wall clock in WIB with a date-time format (the counterpart of `readXlsx`).
 */
export async function writeXlsx(headers: readonly string[], rows: readonly (readonly XlsxValue[])[], options: WriteXlsxOptions = {}): Promise<Buffer> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  workbook.creator = "Panti — Dinas Sosial DKI Jakarta";
  const sheet = workbook.addWorksheet(options.sheetName ?? "Sheet1", { views: [{ state: "frozen", ySplit: 1 }] });
  const text = new Set(options.textColumns ?? []);
  sheet.columns = headers.map((header, index) => {
    const widest = Math.max(header.length, ...rows.map((r) => String(r[index] ?? "").length));
    return { width: Math.min(Math.max(widest + 2, 10), 50), style: text.has(index) ? { numFmt: "@" } : {} };
  });
  const head = sheet.addRow([...headers]);
  head.font = { bold: true };
  for (const values of rows) {
    const row = sheet.addRow(values.map((v) => (v instanceof Date ? new Date(v.getTime() + 7 * 3_600_000) : (v ?? null))));
    values.forEach((v, index) => {
      if (v instanceof Date) row.getCell(index + 1).numFmt = "yyyy-mm-dd hh:mm";
      else if (text.has(index)) row.getCell(index + 1).numFmt = "@";
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}
