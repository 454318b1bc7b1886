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
import { Readable, Transform } from "node:stream";
import zlib from "node:zlib";
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

export type XlsxLimit = "unpacked" | "cells" | "columns" | "cell_chars";

export class XlsxError extends Error {
  constructor(
    public readonly reason: "unreadable" | "too_large" | "no_sheet" | "limit",
    message: string,
    /** For "limit" (and "too_large"): which bound the file went past, and the bound. */
    public readonly limit?: { kind: XlsxLimit; max: number; cell?: string },
  ) {
    super(message);
    this.name = "XlsxError";
  }
}

/** An XLSX (like any ZIP) file starts with a local file header: "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The bounds of what one uploaded workbook may make the server do. The upload is at most 5 MB, but
 * compressed XML unpacks up to a thousand times larger, and a sheet can hold millions of tiny
 * cells: each bound turns such a file into a refusal, never a heap exhausted for everyone.
 */
/** A ZIP may declare at most this many unpacked bytes, and the parts read may unpack to no more (a "zip bomb" guard). */
export const MAX_UNPACKED_BYTES = 100_000_000;
/** The shared strings, held in memory while the sheet is read, may unpack to no more than this. */
export const MAX_HELD_BYTES = 32_000_000;
/** Nor may each of the other parts read whole (the workbook, its relationships, the styles). */
export const MAX_PART_BYTES = 8_000_000;
/** Cells with a value in the sheet (8,000 rows of 31–32 columns are about 256,000). */
export const MAX_CELLS = 600_000;
/** A value in a column beyond this one is refused (the templates have 31 and 30 columns). */
export const MAX_COLUMNS = 256;
/** Cell elements in one row of the sheet's XML, empty ones included (a spreadsheet has 16,384 columns). */
export const MAX_ROW_ELEMENTS = 16_384;
/** Characters of one cell: a spreadsheet itself keeps at most 32,767. */
export const MAX_CELL_CHARS = 32_767;
/** Entries of the ZIP (an XLSX from a spreadsheet has a few dozen). */
const MAX_ZIP_ENTRIES = 10_000;

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The entries of the ZIP's central directory, or null when it cannot be read (not a ZIP, ZIP64, truncated). */
function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  if (bytes.length < 22) return null;
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
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff || count > MAX_ZIP_ENTRIES) return null;
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(offset + 28, true);
    if (offset + 46 + nameLength > bytes.length) return null;
    const entry: ZipEntry = {
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) return null;
    entries.push(entry);
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/**
 * The total uncompressed size the ZIP's central directory declares, or null when it cannot be
 * read (not a ZIP, ZIP64, truncated). Cheap: reads only the directory, not the data.
 */
export function zipUnpackedSize(bytes: Uint8Array): number | null {
  const entries = zipEntries(bytes);
  return entries ? entries.reduce((sum, e) => sum + e.size, 0) : null;
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

const limitError = (kind: XlsxLimit, max: number, cell?: string) =>
  new XlsxError(kind === "unpacked" ? "too_large" : "limit", `over the limit of ${max} (${kind})`, { kind, max, ...(cell ? { cell } : {}) });

/**
 * One entry of the ZIP as a stream of its unpacked bytes, counted as they come: past `max`
 * bytes the stream fails with a limit error, past what the directory declared for it (a lying
 * "zip bomb") as unreadable, and inflates nothing more. Since the declared sizes add up to at
 * most MAX_UNPACKED_BYTES, so do the bytes inflated from one file.
 */
function entryStream(bytes: Uint8Array, entry: ZipEntry, max: number, watch?: (chunk: Buffer) => void): Readable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new XlsxError("unreadable", `${entry.name}: no local header`);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new XlsxError("unreadable", `${entry.name}: truncated`);
  if (entry.flags & 1) throw new XlsxError("unreadable", `${entry.name}: encrypted`);
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + start, entry.compressedSize);
  let source: Readable;
  if (entry.method === 0) source = Readable.from([data]);
  else if (entry.method === 8) {
    const inflate = zlib.createInflateRaw();
    inflate.end(data);
    source = inflate;
  } else throw new XlsxError("unreadable", `${entry.name}: compression method ${entry.method}`);
  let seen = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > max) return done(limitError("unpacked", max));
      if (seen > entry.size) return done(new XlsxError("unreadable", `${entry.name}: more data than declared`));
      try {
        watch?.(chunk);
      } catch (error) {
        return done(error as Error);
      }
      done(null, chunk);
    },
  });
  source.on("error", (error) => counted.destroy(error instanceof XlsxError ? error : new XlsxError("unreadable", error.message)));
  // The reader of the part listens for errors while it reads; one that comes after it stopped
  // (a part left unread) must not become an uncaught exception of the server.
  counted.on("error", () => {});
  counted.on("close", () => source.destroy());
  return source.pipe(counted);
}

/**
 * Counts the cell elements of each row in the sheet's raw XML as it is unpacked, so that a row of
 * millions of cells is refused before exceljs builds it (it hands over a row only when it ends).
 */
function rowElementCounter(): (chunk: Buffer) => void {
  let cells = 0;
  let carry = "";
  return (chunk) => {
    const text = carry + chunk.toString("latin1");
    const last = text.lastIndexOf("<");
    // A tag cut by the chunk's end is looked at with the next chunk.
    const whole = last >= 0 && text.length - last < 8 ? last : text.length;
    carry = text.slice(whole);
    for (let i = text.indexOf("<"); i >= 0 && i < whole; i = text.indexOf("<", i + 1)) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x63 /* c */) {
        const after = text.charCodeAt(i + 2);
        if ((after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d) && ++cells > MAX_ROW_ELEMENTS) {
          throw limitError("columns", MAX_COLUMNS);
        }
      } else if (next === 0x72 /* r */ && text.startsWith("<row", i)) cells = 0;
    }
  };
}

/**
 * Counts a tag (`<si`: the shared strings) in a part's raw XML as it is unpacked, so that
 * millions of tiny strings are refused before exceljs keeps them all.
 */
function tagCounter(tag: string, max: number, refuse: () => Error): (chunk: Buffer) => void {
  let count = 0;
  let carry = "";
  return (chunk) => {
    const text = carry + chunk.toString("latin1");
    for (let i = text.indexOf(tag); i >= 0; i = text.indexOf(tag, i + tag.length)) {
      const after = text.charCodeAt(i + tag.length);
      if ((after === 0x20 || after === 0x3e || after === 0x2f || Number.isNaN(after)) && ++count > max) throw refuse();
    }
    // A tag cut by the chunk's end: its start is looked at again with the next chunk.
    carry = text.slice(Math.max(0, text.length - tag.length));
    if (carry.startsWith(tag)) carry = carry.slice(tag.length);
  };
}

/** A part's path in the ZIP from a relationship target of the workbook ("worksheets/sheet1.xml" or "/xl/worksheets/sheet1.xml"). */
function partPath(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

/** The parts of exceljs's streaming reader that read one part each (exceljs 4.4.0, lib/stream/xlsx/workbook-reader.js). */
interface PartReader {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { id: number; name: string; rId: string; state?: string }[] };
  sharedStrings?: unknown[];
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

/** Whether a number format shows a date (exceljs's own test: y, m, d, h, s or b outside quotes and [...]). */
const isDateFormat = (numFmt: string | undefined) => !!numFmt && /[ymdhMsb]+/.test(numFmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));

/**
 * A formula's cached result in a date-formatted cell as a date, as exceljs's whole-workbook reader
 * gives it (its streaming reader leaves the serial number).
 */
function formulaDate(value: Scalar, numFmt: string | undefined, date1904: boolean): Scalar {
  if (value === null || typeof value !== "object" || !("formula" in value || "sharedFormula" in value)) return value;
  const result = (value as ExcelJS.CellFormulaValue).result;
  // The streaming reader parses every cached result but text as a number: an error result
  // ("#DIV/0!") comes as NaN, without its name.
  if (typeof result === "number" && Number.isNaN(result)) return { error: "#ERROR!" } as unknown as ExcelJS.CellErrorValue;
  if (typeof result !== "number" || !isDateFormat(numFmt)) return value;
  return { ...(value as ExcelJS.CellFormulaValue), result: new Date(Math.round((result - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)) };
}

/**
 * Reads the first visible worksheet of an XLSX file row by row. Throws XlsxError for files it
 * cannot read or that go past a bound (`MAX_*` above).
 *
 * The ZIP is opened here (its directory, then each part inflated as a counted stream) and only
 * the parts the sheet needs are unpacked: the workbook and its relationships, the styles (for
 * dates), the shared strings, and that one sheet, which goes through exceljs's streaming
 * worksheet reader so that only the row being read is held. Other sheets are never inflated.
 */
export async function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): Promise<XlsxSheet> {
  if (!isZip(bytes)) throw new XlsxError("unreadable", "not an XLSX (ZIP) file");
  const entries = zipEntries(bytes);
  if (entries === null) throw new XlsxError("unreadable", "the ZIP directory cannot be read");
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  if (unpacked > MAX_UNPACKED_BYTES) throw limitError("unpacked", MAX_UNPACKED_BYTES);
  const byName = new Map(entries.map((e) => [e.name.replace(/\\/g, "/").replace(/^\//, ""), e]));

  const ExcelJs = await loadExcelJs();
  const reader = new ExcelJs.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  }) as unknown as PartReader;
  const held = (name: string, max = MAX_PART_BYTES, watch?: (chunk: Buffer) => void) => {
    const entry = byName.get(name);
    return entry ? entryStream(bytes, entry, max, watch) : null;
  };
  const unreadable = (error: unknown) => (error instanceof XlsxError ? error : new XlsxError("unreadable", (error as Error).message));

  let sheetPath: string | undefined;
  let sheetName = "";
  try {
    // Each part is opened only when it is read, so that no stream is left unread.
    const rels = held("xl/_rels/workbook.xml.rels");
    if (!rels) throw new XlsxError("unreadable", "no workbook relationships");
    await reader._parseRels(rels);
    const book = held("xl/workbook.xml");
    if (!book) throw new XlsxError("unreadable", "no workbook");
    await reader._parseWorkbook(book);
    const styles = held("xl/styles.xml");
    if (styles) await reader._parseStyles(styles);
    const shared = held("xl/sharedStrings.xml", MAX_HELD_BYTES, tagCounter("<si", MAX_CELLS, () => limitError("cells", MAX_CELLS)));
    if (shared) {
      for await (const _ of reader._parseSharedStrings(shared)) void _;
      const strings = reader.sharedStrings ?? [];
      if (strings.length > MAX_CELLS) throw limitError("cells", MAX_CELLS);
      // An empty shared string (`<si><t/></si>`) comes as null; the whole-workbook reader gives "".
      for (let i = 0; i < strings.length; i++) if (strings[i] === null) strings[i] = "";
    }
    // The first sheet the user sees (a hidden first sheet, e.g. a lookup list, is skipped).
    const sheets = reader.model?.sheets ?? [];
    const sheet = sheets.find((ws) => (ws.state ?? "visible") === "visible") ?? sheets[0];
    const target = sheet && reader.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target;
    if (!sheet || !target) throw new XlsxError("no_sheet", "the workbook has no worksheet");
    sheetPath = partPath(target);
    sheetName = sheet.name;
  } catch (error) {
    throw unreadable(error);
  }
  const date1904 = Boolean(reader.properties?.model?.date1904);
  const sheetEntry = byName.get(sheetPath);
  if (!sheetEntry) throw new XlsxError("no_sheet", "the workbook has no worksheet");

  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const rows: XlsxRow[] = [];
  let truncated = false;
  let cellCount = 0;
  let previous = 0;
  const sheetStream = entryStream(bytes, sheetEntry, MAX_UNPACKED_BYTES, rowElementCounter());
  try {
    const [emitted] = [...reader._parseWorksheet(sheetStream, "0")];
    if (!emitted) throw new XlsxError("no_sheet", "the workbook has no worksheet");
    for await (const row of emitted.value) {
      const number = Number.isInteger(row.number) && row.number > previous ? row.number : previous + 1;
      previous = number;
      const cells: string[] = [];
      const longNumbers: number[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const { text, long } = valueText(formulaDate(cell.value, cell.numFmt, date1904), cell.numFmt);
        if (text !== "") {
          if (col > MAX_COLUMNS) throw limitError("columns", MAX_COLUMNS, cell.address);
          if (text.length > MAX_CELL_CHARS) throw limitError("cell_chars", MAX_CELL_CHARS, cell.address);
          if (++cellCount > MAX_CELLS) throw limitError("cells", MAX_CELLS);
        } else if (col > MAX_COLUMNS) return;
        while (cells.length < col - 1) cells.push("");
        cells[col - 1] = text;
        if (long) longNumbers.push(col - 1);
      });
      if (cells.every((c) => c.trim() === "")) continue;
      if (rows.length >= maxRows) {
        truncated = true;
        break;
      }
      rows.push({ row: number, cells, longNumbers });
    }
  } catch (error) {
    throw unreadable(error);
  } finally {
    sheetStream.destroy();
  }
  return { name: sheetName, rows, truncated };
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
