/**
 * XLSX files written part by part (ZIP entries and their XML), for tests and benches that need
 * workbooks no spreadsheet program writes: hostile sizes, lying ZIP directories, broken sheets.
 */
import zlib from "node:zlib";
import { columnLetter } from "~/domain/sheet-import";

export interface Part {
  name: string;
  data: Buffer;
  /** The size the ZIP's directory declares (the real one unless a test lies). */
  declared?: number;
  /** Stored as is (method 0) rather than deflated. */
  stored?: boolean;
}

/** A ZIP of these parts (local headers, data, central directory). */
export function zip(parts: readonly Part[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const data = part.stored ? part.data : zlib.deflateRawSync(part.data);
    const size = part.declared ?? part.data.length;
    const crc = zlib.crc32(part.data);
    // The fields a local header and the directory's header share, in the same order.
    const fields = Buffer.alloc(26);
    fields.writeUInt16LE(20, 0); // version needed
    fields.writeUInt16LE(part.stored ? 0 : 8, 4);
    fields.writeUInt32LE(crc, 10);
    fields.writeUInt32LE(data.length, 14);
    fields.writeUInt32LE(size, 18);
    fields.writeUInt16LE(name.length, 22);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields.copy(local, 4);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // version made by
    fields.copy(header, 6);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    central.push(header, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}

export const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`);
export const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The XML of a row of inline strings. */
export const rowXml = (r: number, cells: readonly string[]) =>
  `<row r="${r}">${cells.map((v, i) => (v === "" ? "" : `<c r="${columnLetter(i)}${r}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`)).join("")}</row>`;

export const sheetXml = (rows: string, extra = "") => xml(`<worksheet ${MAIN}>${extra}<sheetData>${rows}</sheetData></worksheet>`);

/** A workbook of these sheets (the first is sheet1.xml), with whatever other parts are given. */
export function workbook(sheets: readonly (Buffer | Omit<Part, "name">)[], more: readonly Part[] = []): Uint8Array {
  const book = xml(
    `<workbook ${MAIN} xmlns:r="${REL}"><sheets>${sheets.map((_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
  );
  const rels = xml(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join("")}</Relationships>`,
  );
  return zip([
    { name: "xl/workbook.xml", data: book },
    { name: "xl/_rels/workbook.xml.rels", data: rels },
    ...more,
    ...sheets.map((sheet, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, ...(Buffer.isBuffer(sheet) ? { data: sheet } : sheet) })),
  ]);
}

/** A sheet of `rows` rows of `columns` one-digit numbers: few bytes once compressed, many cells. */
export function numberSheet(rows: number, columns: number, from = 1): Buffer {
  const refs = Array.from({ length: columns }, (_, i) => columnLetter(i));
  const out: string[] = [];
  for (let r = from; r < from + rows; r++) out.push(`<row r="${r}">${refs.map((c) => `<c r="${c}${r}"><v>7</v></c>`).join("")}</row>`);
  return sheetXml(out.join(""));
}

