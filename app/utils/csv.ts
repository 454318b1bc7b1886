/**
 * CSV reading and writing: the project's rules over csv-parse and csv-stringify
 * (docs/decisions/009-csv-library.md). Call sites import this module, never the libraries.
 *
 * Reading accepts what real files contain: a UTF-8 byte-order mark, CRLF, LF or lone CR line
 * ends (mixed in one file), quoted fields with embedded delimiters, line breaks and doubled
 * quotes, a missing final line end, and blank lines (skipped). A stray quote inside an unquoted
 * field is kept as text (`5" layar`); malformed quoting (text after a closing quote, a quote
 * never closed) throws a `CsvError` that names the line, so that an upload can tell the user
 * where to look. Header rules (`parseCsvRecords`) and the delimiter guess are ours.
 *
 * Writing quotes only the fields that need it, ends every line with CRLF, and by default
 * defuses text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` ...).
 */
import { parse, CsvError as ParseError } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

export type CsvDelimiter = "," | ";" | "\t" | "|";

const DELIMITERS: readonly CsvDelimiter[] = [",", ";", "\t", "|"];

export interface CsvParseOptions {
  /** Field separator; default ",". Spreadsheets in the Indonesian locale often write ";". */
  delimiter?: CsvDelimiter;
  /**
   * Skip lines that are empty or hold only spaces (default true). For `parseCsvRecords` this
   * also skips rows whose fields are all empty (",,,", as spreadsheets write below the data).
   */
  skipEmptyLines?: boolean;
}

export class CsvError extends Error {
  constructor(
    message: string,
    /** 1-based line of the input where the problem is. */
    public readonly line: number,
  ) {
    super(`CSV line ${line}: ${message}`);
    this.name = "CsvError";
  }
}

const BOM = "\uFEFF";
const QUOTE = 0x22;

/** Parses CSV text into rows of fields. */
export function parseCsv(text: string, options: CsvParseOptions = {}): string[][] {
  return parseCsvRows(text, options).map((row) => row.fields);
}

export interface CsvRow {
  /** 1-based line of the input where the row starts (for error messages: "baris 12"). */
  line: number;
  fields: string[];
}

/** Like `parseCsv`, with the line each row starts on. */
export function parseCsvRows(text: string, options: CsvParseOptions = {}): CsvRow[] {
  const skipEmptyLines = options.skipEmptyLines ?? true;
  const input = Buffer.from(text.startsWith(BOM) ? text.slice(1) : text, "utf8");
  const rows: CsvRow[] = [];
  let line = 1;
  // Blank lines are records too (see readOptions): every line break of the input either ends a
  // record or lies inside one of its fields, so the next record starts after all of them.
  for (const fields of readRecords(input, options.delimiter ?? ",")) {
    const blank = fields.length === 1 && fields[0]!.trim() === "";
    if (!(blank && skipEmptyLines)) rows.push({ line, fields });
    line += 1;
    for (const field of fields) if (field.includes("\n") || field.includes("\r")) line += lineBreaks(field);
  }
  return rows;
}

/** CRLF, LF and lone CR each end a line. */
function lineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a || (ch === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) count++;
  }
  return count;
}

function readOptions(delimiter: CsvDelimiter) {
  return {
    delimiter,
    record_delimiter: ["\r\n", "\n", "\r"],
    // Keeps a stray quote inside an unquoted field as text. It also lets `"ab"c` through, as
    // the text `"ab"c`: checkQuoting catches that.
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
  };
}

function readRecords(input: Buffer, delimiter: CsvDelimiter): string[][] {
  let records: string[][];
  try {
    records = parse(input, readOptions(delimiter));
  } catch (error) {
    if (error instanceof ParseError && error.code === "CSV_QUOTE_NOT_CLOSED") checkQuoting(input, delimiter);
    throw error;
  }
  // Only a field that starts with a quote can hide malformed quoting: check those files again.
  if (records.some((fields) => fields.some((field) => field.charCodeAt(0) === QUOTE))) {
    checkQuoting(input, delimiter);
  }
  return records;
}

/**
 * Reads the input again, slowly, following the byte offset of every field, and throws a
 * `CsvError` naming the line of the first malformed quoting: text after a closing quote, or a
 * quote never closed (the line where it opens).
 */
function checkQuoting(input: Buffer, delimiter: CsvDelimiter): void {
  const lineAt = lineCounter(input);
  /** Byte offset where the next field starts: a quote opens a quoted field only there. */
  let fieldStart = 0;
  try {
    parse(input, {
      ...readOptions(delimiter),
      cast: (value, context) => {
        // A field that really was quoted takes exactly its value, its doubled quotes and the
        // two quotes around it. A relaxed `"ab"c` takes fewer bytes than its value suggests.
        if (context.quoting && value.charCodeAt(0) === QUOTE) {
          const quotes = value.split('"').length - 1;
          if (context.bytes - fieldStart !== Buffer.byteLength(value) + quotes + 2) {
            throw new CsvError("unexpected text after a closing quote", lineAt(context.bytes));
          }
        }
        fieldStart = context.bytes + 1;
        return value;
      },
      on_record: (_fields, context) => {
        fieldStart = context.bytes;
        return null;
      },
    });
  } catch (error) {
    if (error instanceof ParseError && error.code === "CSV_QUOTE_NOT_CLOSED") {
      throw new CsvError("a quoted field is never closed", lineAt(fieldStart));
    }
    throw error;
  }
}

/**
 * Counts the lines before a byte offset of the input (CRLF, LF and lone CR each end a line,
 * inside quotes too). Offsets must come in increasing order.
 */
function lineCounter(bytes: Uint8Array): (offset: number) => number {
  let position = 0;
  let line = 1;
  return (offset) => {
    for (; position < offset; position++) {
      const byte = bytes[position];
      if (byte === 0x0a || (byte === 0x0d && bytes[position + 1] !== 0x0a)) line++;
    }
    return line;
  };
}

export interface CsvRecordOptions extends CsvParseOptions {
  /**
   * Allow rows with more fields than the header when the extra fields are empty
   * (trailing delimiters, as some spreadsheets write). Default true.
   */
  allowTrailingEmptyFields?: boolean;
}

/**
 * Parses CSV text whose first row names the columns into one record per row.
 * Header names are trimmed; duplicate or empty header names throw. A row with fewer fields
 * than the header gets "" for the missing ones; a row with extra non-empty fields throws
 * (their data would otherwise be lost silently).
 */
export function parseCsvRecords(
  text: string,
  options: CsvRecordOptions = {},
): Record<string, string>[] {
  const rows = parseCsvRows(text, options);
  const header = rows[0];
  if (!header) return [];
  const names = header.fields.map((name) => name.trim());
  const seen = new Set<string>();
  names.forEach((name, index) => {
    if (name === "") {
      // Trailing empty header cells are tolerated when all data there is empty too.
      if (names.slice(index).every((n) => n === "")) return;
      throw new CsvError(`column ${index + 1} has no name in the header`, header.line);
    }
    if (seen.has(name)) {
      throw new CsvError(`column "${name}" appears twice in the header`, header.line);
    }
    seen.add(name);
  });
  let width = names.length;
  while (width > 0 && names[width - 1] === "") width--;
  if (width === 0) throw new CsvError("the header row names no columns", header.line);
  const allowTrailing = options.allowTrailingEmptyFields ?? true;

  const skipEmpty = options.skipEmptyLines ?? true;
  const data = rows
    .slice(1)
    .filter((row) => !skipEmpty || row.fields.some((field) => field.trim() !== ""));
  return data.map(({ line, fields }) => {
    if (fields.length > width) {
      const extra = fields.slice(width);
      if (!allowTrailing || extra.some((f) => f.trim() !== "")) {
        throw new CsvError(`row has ${fields.length} fields but the header has ${width}`, line);
      }
    }
    // fromEntries defines own properties: a column named "__proto__" stays a plain field.
    return Object.fromEntries(names.slice(0, width).map((name, c) => [name, fields[c] ?? ""]));
  });
}

/**
 * Guesses the delimiter of a CSV text from its first line (outside quotes):
 * the most frequent of `,` `;` tab `|`, "," when none appears.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (const ch of text.startsWith(BOM) ? text.slice(1) : text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && counts.has(ch as CsvDelimiter)) {
      counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
    }
  }
  let best: CsvDelimiter = ",";
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

export type CsvValue = string | number | null | undefined;

export interface CsvWriteOptions {
  delimiter?: CsvDelimiter;
  /** Start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8. Default false. */
  bom?: boolean;
  /**
   * Prefix text starting with `=`, `+`, `-`, `@`, tab or CR (or the full-width `＝＋－＠` that
   * some spreadsheets read alike) with an apostrophe so that a spreadsheet shows it instead of
   * running it (CSV injection). Numbers, and text that is just a number ("-5", "+6281234"),
   * are left alone. Default true.
   */
  guardFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;
/**
 * Quoted besides what RFC 4180 asks: surrounding spaces (they would be trimmed by readers),
 * and any of the delimiters we guess between, so that a file written with one of them is
 * never read back as using another (`detectDelimiter` counts them outside quotes).
 */
const QUOTE_ALSO = /^\s|\s$|[,;\t|]/;

/** Defuses a text cell that a spreadsheet would run as a formula (see `guardFormulas`). */
function defuseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function stringifyOptions(options: CsvWriteOptions) {
  const guard = options.guardFormulas ?? true;
  return {
    delimiter: options.delimiter ?? ",",
    record_delimiter: "\r\n",
    // Any CR or LF inside a field is quoted, not only a whole CRLF.
    quote_record_delimiter: true,
    quoted_match: QUOTE_ALSO,
    cast: {
      string: guard ? defuseFormula : (text: string) => text,
      number: (value: number) => (Number.isFinite(value) ? String(value) : ""),
    },
  };
}

/** Writes rows as CSV text: CRLF line ends, a final CRLF, quotes only where needed. */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvWriteOptions = {}): string {
  const out = stringify(rows as CsvValue[][], stringifyOptions(options));
  return options.bom ? BOM + out : out;
}

/** Rows written per chunk of a streamed file. */
const STREAM_CHUNK_ROWS = 500;

/**
 * The same CSV as `toCsv`, produced lazily as UTF-8 bytes: rows are pulled from the iterable
 * one chunk at a time, when the reader (a download) asks for more, so that a long list never
 * sits in memory whole.
 */
export function csvStream(rows: Iterable<readonly CsvValue[]>, options: CsvWriteOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const settings = stringifyOptions(options);
  let iterator: Iterator<readonly CsvValue[]> | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (options.bom) controller.enqueue(encoder.encode(BOM));
    },
    pull(controller) {
      iterator ??= rows[Symbol.iterator]();
      const chunk: CsvValue[][] = [];
      for (let i = 0; i < STREAM_CHUNK_ROWS; i++) {
        const next = iterator.next();
        if (next.done) break;
        chunk.push(next.value as CsvValue[]);
      }
      if (chunk.length > 0) controller.enqueue(encoder.encode(stringify(chunk, settings)));
      if (chunk.length < STREAM_CHUNK_ROWS) controller.close();
    },
    cancel() {
      iterator?.return?.();
    },
  });
}
