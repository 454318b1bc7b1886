/**
 * CSV reading and writing (RFC 4180), pure: no I/O.
 *
 * Reading accepts what real files contain: a UTF-8 byte-order mark, CRLF, LF or lone CR line
 * ends, quoted fields with embedded delimiters, line breaks and doubled quotes, a missing final
 * line end, and blank lines (skipped). A stray quote inside an unquoted field is kept as text
 * (`5" layar`); malformed quoting (text after a closing quote, a quote never closed) throws a
 * `CsvError` that names the line, so that an upload can tell the user where to look.
 *
 * Writing quotes only the fields that need it, ends every line with CRLF, and by default
 * defuses text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` ...).
 */

export type CsvDelimiter = "," | ";" | "\t" | "|";

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
  const delimiter = options.delimiter ?? ",";
  const skipEmptyLines = options.skipEmptyLines ?? true;
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const length = input.length;

  const rows: CsvRow[] = [];
  let row: string[] = [];
  let rowLine = 1;
  let field = "";
  /** At the first character of a field: only there does a quote open a quoted field. */
  let atFieldStart = true;
  let line = 1;
  let i = 0;

  const endRow = () => {
    row.push(field);
    const blank = row.length === 1 && row[0]!.trim() === "";
    if (!(blank && skipEmptyLines)) rows.push({ line: rowLine, fields: row });
    row = [];
    field = "";
    atFieldStart = true;
  };

  while (i < length) {
    const ch = input[i]!;

    if (ch === '"' && atFieldStart) {
      const startLine = line;
      i++;
      let closed = false;
      while (i < length) {
        const c = input[i]!;
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        // Line breaks inside quotes are data; keep them as written but count lines.
        if (c === "\n" || (c === "\r" && input[i + 1] !== "\n")) line++;
        field += c;
        i++;
      }
      if (!closed) throw new CsvError("a quoted field is never closed", startLine);
      const next = input[i];
      if (next !== undefined && next !== delimiter && next !== "\r" && next !== "\n") {
        throw new CsvError(`unexpected ${JSON.stringify(next)} after a closing quote`, line);
      }
      atFieldStart = false;
      continue;
    }

    if (ch === delimiter) {
      row.push(field);
      field = "";
      atFieldStart = true;
      i++;
      continue;
    }

    if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && input[i + 1] === "\n" ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }

    field += ch;
    atFieldStart = false;
    i++;
  }

  // The last line may lack a line end.
  if (row.length > 0 || field !== "" || !atFieldStart) endRow();
  return rows;
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
  const candidates: CsvDelimiter[] = [",", ";", "\t", "|"];
  const counts = new Map<CsvDelimiter, number>(candidates.map((d) => [d, 0]));
  let inQuotes = false;
  for (const ch of text.startsWith(BOM) ? text.slice(1) : text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && counts.has(ch as CsvDelimiter)) {
      counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
    }
  }
  let best: CsvDelimiter = ",";
  for (const d of candidates) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

export type CsvValue = string | number | null | undefined;

export interface CsvWriteOptions {
  delimiter?: CsvDelimiter;
  /** Start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8. Default false. */
  bom?: boolean;
  /**
   * Prefix text starting with `=`, `+`, `-`, `@`, tab or CR with an apostrophe so that a
   * spreadsheet shows it instead of running it (CSV injection). Numbers, and text that is
   * just a number ("-5", "+6281234"), are left alone. Default true.
   */
  guardFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

/** Writes rows as CSV text: CRLF line ends, a final CRLF, quotes only where needed. */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ",";
  const guard = options.guardFormulas ?? true;
  const out = rows
    .map((row) => row.map((value) => formatField(value, delimiter, guard)).join(delimiter) + "\r\n")
    .join("");
  return options.bom ? BOM + out : out;
}

function formatField(value: CsvValue, delimiter: string, guard: boolean): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value;
  if (guard && typeof value === "string" && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) {
    text = "'" + text;
  }
  const needsQuotes =
    text.includes(delimiter) ||
    text.includes('"') ||
    text.includes("\n") ||
    text.includes("\r") ||
    text !== text.trim();
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}
