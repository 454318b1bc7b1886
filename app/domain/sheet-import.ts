/**
 * Checking an uploaded sheet, whatever it holds (referrals, past stays): the header mapped to
 * fields (names compared without case, spaces or punctuation; unknown, missing and repeated
 * columns), the row limit, then each data row cell by cell into an input with every error of the
 * row at once, and the values that were read as something else (shown in the preview).
 *
 * Rows are numbered as the user sees them in the spreadsheet: the header is row 1. Errors name
 * the column as written in the file. What each kind of upload reads is its own spec
 * (app/domain/placement-import.ts, app/domain/stay-import.ts).
 */
import type * as z from "zod/mini";

export interface SheetColumn<F extends string> {
  field: F;
  /** The name in the template (Bahasa Indonesia, snake_case). */
  header: string;
  /** The English name, also accepted. */
  english: string;
  /** Other names accepted (compared case-, space- and underscore-insensitively). */
  aliases: readonly string[];
  /** The column must be in the file. */
  required: boolean;
  /** The value in the template's example row. */
  example: string;
}

export function sheetColumn<F extends string>(
  field: F,
  header: string,
  english: string,
  example: string,
  options: { aliases?: readonly string[]; required?: boolean } = {},
): SheetColumn<F> {
  return { field, header, english, example, aliases: options.aliases ?? [], required: options.required ?? false };
}

/** A header name compared without case, spaces, underscores, punctuation or a "(...)" note. */
export function headerKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\([^)]*\)/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The field each header name means, for a set of columns (a name meaning two fields is a bug). */
export function headerLookup<F extends string>(columns: readonly SheetColumn<F>[]): (name: string) => F | null {
  const map = new Map<string, F>();
  for (const c of columns) {
    for (const name of [c.header, c.english, c.field, ...c.aliases]) {
      const key = headerKey(name);
      const taken = map.get(key);
      if (taken && taken !== c.field) throw new Error(`import header "${name}" means both ${taken} and ${c.field}`);
      map.set(key, c.field);
    }
  }
  return (name) => map.get(headerKey(name)) ?? null;
}

/** A spreadsheet column letter: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export interface HeaderMapping<F extends string> {
  /** The field of each column (by index), null for unknown or unnamed columns. */
  fields: (F | null)[];
  /** The column name as written in the file, for each mapped field. */
  headerOf: Partial<Record<F, string>>;
  /** Named columns that mean nothing here, as written. */
  unknown: string[];
  /** Fields named by more than one column: the names as written. */
  duplicates: string[][];
}

export function mapHeaderWith<F extends string>(fieldFor: (name: string) => F | null, header: readonly string[]): HeaderMapping<F> {
  const fields: (F | null)[] = [];
  const headerOf: Partial<Record<F, string>> = {};
  const unknown: string[] = [];
  const seen = new Map<F, string[]>();
  for (const raw of header) {
    const name = raw.trim();
    const field = name === "" ? null : fieldFor(name);
    if (name !== "" && field === null) unknown.push(name);
    if (field !== null) {
      const names = seen.get(field) ?? [];
      names.push(name);
      seen.set(field, names);
      if (names.length > 1) {
        fields.push(null);
        continue;
      }
      headerOf[field] = name;
    }
    fields.push(field);
  }
  const duplicates = [...seen.values()].filter((names) => names.length > 1);
  return { fields, headerOf, unknown, duplicates };
}

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

/** A value compared without case, spaces or punctuation. */
export function valueKey(value: string): string {
  return value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** A reader of names into codes, compared with `valueKey`. */
export function lookup<T extends string>(entries: Iterable<readonly [string, T]>): (value: string) => T | null {
  const map = new Map<string, T>();
  for (const [name, code] of entries) {
    const key = valueKey(name);
    if (key) map.set(key, code);
  }
  return (value) => map.get(valueKey(value)) ?? null;
}

/** Whether a value is written as one of the names of what it became (then it is not listed as mapped). */
export function writtenAs(text: string, names: readonly string[]): boolean {
  const key = valueKey(text);
  return names.some((name) => valueKey(name) === key);
}

// ---------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------

/** One row of a sheet: cells as text, numbered as in the spreadsheet (header = 1). */
export interface SheetRow {
  row: number;
  cells: readonly string[];
  /**
   * Columns (by index) whose cell held a number of 16 digits or more: a spreadsheet keeps only
   * 15 significant digits, so such a NIK may already have lost its last digits.
   */
  longNumbers?: readonly number[];
}

export interface RowError {
  row: number;
  /** The column, as named in the file (or the template name when the file lacks it). */
  field: string;
  message: string;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface FileProblem {
  key: string;
  params?: Record<string, string | number>;
}

/** A value the upload read as something else, shown in the preview before anything is imported. */
export interface ValueMapping<M> {
  /** The column as named in the file. */
  column: string;
  /** The value as written; for dates, the first of the rows that share its spelling. */
  from: string;
  to: M;
  /** Rows with this value (for dates: with this spelling). */
  rows: number;
  /** For dates: `from` is one example of a spelling (each date is not listed on its own). */
  example: boolean;
}

export type Fail<F extends string> = (field: F, column: number, key: string, params?: Record<string, string | number>) => void;
/** Records a mapped value: `key` groups the rows (the value itself, or a date spelling). */
export type Note<M> = (column: number, key: string, from: string, to: M) => void;

/** What a row's check may say once all its cells are read. */
export interface RowScope<F extends string> {
  row: SheetRow;
  /** Fields whose cell was already refused in the words of the upload. */
  failed: ReadonlySet<F>;
  /** An error on a field (or the row, with null), already in the user's words. */
  issue: (field: F | null, message: string) => void;
  /** Every issue of a zod parse, except on fields already refused. */
  zodIssues: (issues: readonly z.core.$ZodIssue[]) => void;
}

export interface SheetSpec<F extends string, T, M extends { field: string }> {
  columns: readonly SheetColumn<F>[];
  fieldFor: (name: string) => F | null;
  maxRows: number;
  /** Whether a required column may be missing (the referral unit chosen on the form). */
  mayLack?: (field: F) => boolean;
  /** More cells than header names in a row is an error (CSV: a delimiter inside a value). */
  strictWidth?: boolean;
  t: Translate;
  /** The message key for a number of 16+ digits in a cell of this field. */
  longNumberKey: (field: F) => string;
  /** Puts one cell's value into the input, normalised; an unreadable value is a `fail`. */
  cell: (field: F, text: string, column: number, input: Record<string, unknown>, fail: Fail<F>, note: Note<M>) => void;
  /** The row's value once every cell is read; null when it has issues (reported through the scope). */
  finish: (input: Record<string, unknown>, scope: RowScope<F>) => T | null;
}

export type SheetCheck<F extends string, T, M> =
  | { ok: false; problems: FileProblem[] }
  | {
      ok: true;
      /** Data rows (blank rows skipped). */
      rowCount: number;
      /** The value of each row without errors (the spec's `finish`). */
      valid: T[];
      errors: RowError[];
      /** Rows with at least one error. */
      invalidRowCount: number;
      /** Columns the upload does not use, as written (or "(kolom C)" for unnamed ones with data). */
      unknownColumns: string[];
      /** Per column, each distinct value that was mapped and what it became, in column order. */
      mappings: ValueMapping<M>[];
      /** The column of a field as named in the file, else its template name (for more errors). */
      columnOf: (field: F) => string;
    };

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === "");

interface Issue<F> {
  field: F | null;
  column: number;
  message: string;
}

/**
 * Checks a whole sheet: the header (unknown columns reported once; missing required and
 * duplicated columns stop the check), the limits, then every data row: its cells through the
 * spec's `cell`, the row through its `finish`. The database checks are the caller's.
 */
export function checkSheetWith<F extends string, T, M extends { field: string }>(
  spec: SheetSpec<F, T, M>,
  rows: readonly SheetRow[],
  options: { truncated?: boolean } = {},
): SheetCheck<F, T, M> {
  const { t } = spec;
  const header = rows[0];
  if (!header || header.row !== 1 || isBlank(header.cells)) return { ok: false, problems: [{ key: "import.error.noHeader" }] };

  const mapping = mapHeaderWith(spec.fieldFor, header.cells);
  const problems: FileProblem[] = [];
  if (mapping.duplicates.length > 0) {
    problems.push({ key: "import.error.duplicateColumns", params: { columns: mapping.duplicates.map((names) => names.join(" = ")).join("; ") } });
  }
  const missing = spec.columns.filter((c) => c.required && mapping.headerOf[c.field] === undefined && !spec.mayLack?.(c.field));
  if (missing.length > 0) problems.push({ key: "import.error.missingColumns", params: { columns: missing.map((c) => c.header).join(", ") } });

  const data = rows.slice(1).filter((r) => !isBlank(r.cells));
  if (data.length === 0) problems.push({ key: "import.error.empty" });
  if (data.length > spec.maxRows || options.truncated) problems.push({ key: "import.error.tooManyRows", params: { max: spec.maxRows } });
  if (problems.length > 0) return { ok: false, problems };

  const width = mapping.fields.length;
  const unnamed = new Set<number>();
  const valid: T[] = [];
  const errors: RowError[] = [];
  const templateName = new Map(spec.columns.map((c) => [c.field, c.header]));
  const columnOf = (field: F) => mapping.headerOf[field] ?? templateName.get(field)!;
  const columnName = (issue: Issue<F>) => (issue.field ? columnOf(issue.field) : `(${columnLetter(issue.column)})`);
  const columnIndex = (field: F | null) => {
    const index = field ? mapping.fields.indexOf(field) : -1;
    return index < 0 ? width : index;
  };
  const mapped = new Map<string, ValueMapping<M> & { index: number }>();
  const note: Note<M> = (index, key, from, to) => {
    const id = `${index}\u0000${key}`;
    const seen = mapped.get(id);
    if (seen) seen.rows++;
    else mapped.set(id, { index, column: columnOf(to.field as F), from, to, rows: 1, example: key !== from });
  };

  for (const sheetRow of data) {
    const issues: Issue<F>[] = [];
    const input: Record<string, unknown> = {};
    const failed = new Set<F>();
    const fail: Fail<F> = (field, column, key, params) => {
      failed.add(field);
      issues.push({ field, column, message: t(key, params) });
    };
    const longNumbers = new Set(sheetRow.longNumbers ?? []);

    sheetRow.cells.forEach((cell, index) => {
      const text = cell.trim();
      if (text === "") return;
      const field = index < width ? mapping.fields[index] : null;
      if (field == null) {
        if (index >= width && spec.strictWidth) {
          issues.push({ field: null, column: index, message: t("import.error.extraCells", { column: columnLetter(index) }) });
        } else if (index >= width || (header.cells[index] ?? "").trim() === "") {
          unnamed.add(index);
        }
        return;
      }
      if (longNumbers.has(index)) {
        fail(field, index, spec.longNumberKey(field));
        input[field] = text;
        return;
      }
      spec.cell(field, text, index, input, fail, note);
    });

    const issue = (field: F | null, message: string) => issues.push({ field, column: columnIndex(field), message });
    const value = spec.finish(input, {
      row: sheetRow,
      failed,
      issue,
      zodIssues: (zodIssues) => {
        for (const z of zodIssues) {
          const field = (typeof z.path[0] === "string" ? z.path[0] : null) as F | null;
          if (field && failed.has(field)) continue; // already explained in the words of the upload
          issue(field, t(z.message));
        }
      },
    });

    if (issues.length === 0 && value !== null) {
      valid.push(value);
    } else {
      issues.sort((a, b) => a.column - b.column);
      for (const i of issues) errors.push({ row: sheetRow.row, field: columnName(i), message: i.message });
    }
  }

  const unknownColumns = [
    ...mapping.unknown,
    ...[...unnamed].sort((a, b) => a - b).map((index) => t("import.column.unnamed", { column: columnLetter(index) })),
  ];
  const invalidRowCount = new Set(errors.map((e) => e.row)).size;
  const mappings = [...mapped.values()].sort((a, b) => a.index - b.index).map(({ index: _index, ...m }) => m);
  return { ok: true, rowCount: data.length, valid, errors, invalidRowCount, unknownColumns, mappings, columnOf };
}
