/**
 * Streamed CSV and XLSX downloads with Indonesian headers and Jakarta dates. Rows are produced
 * lazily from an iterable, so large lists never sit in memory whole.
 */
import { PassThrough, Readable } from "node:stream";
import { toJakartaParts } from "~/domain/time";
import { csvStream, type CsvValue } from "~/utils/csv";
import { loadExcelJs } from "~/utils/xlsx.server";

export type Cell = string | number | boolean | Date | null | undefined;
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface Dataset {
  /** File name without extension. */
  name: string;
  /** Column headers, in the user's language. */
  headers: string[];
  rows: Iterable<Cell[]>;
  /**
   * A list of people: the person of each row, in the order of `rows` (null: a row with no person
   * record, such as a referral not yet linked). Such a download states its purpose and is
   * audited (app/services/exports.server.ts).
   */
  personIds?: readonly (number | null)[];
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A Jakarta date (and time unless it is midnight) as text: 2026-01-05 10:00. */
export function jakartaText(date: Date): string {
  const p = toJakartaParts(date);
  const day = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  return p.hour === 0 && p.minute === 0 ? day : `${day} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** A cell as CSV text or number: Jakarta dates, "ya"/"tidak" for booleans. */
function csvValue(value: Cell): CsvValue {
  if (value instanceof Date) return jakartaText(value);
  if (typeof value === "boolean") return value ? "ya" : "tidak";
  return value;
}

function* csvRows(dataset: Dataset): Generator<CsvValue[]> {
  yield dataset.headers;
  for (const row of dataset.rows) yield row.map(csvValue);
}

function xlsxStream(dataset: Dataset): ReadableStream<Uint8Array> {
  const pass = new PassThrough();
  void (async () => {
    try {
      const ExcelJS = await loadExcelJs();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pass, useStyles: true, useSharedStrings: false });
      const sheet = workbook.addWorksheet(dataset.name.slice(0, 31));
      sheet.columns = dataset.headers.map((header) => ({ header, width: Math.min(40, Math.max(12, header.length + 2)) }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      for (const row of dataset.rows) {
        const r = sheet.addRow(
          row.map((v) => {
            if (v instanceof Date) {
              // Excel has no time zones: write the Jakarta wall-clock time.
              return new Date(v.getTime() + 7 * 3_600_000);
            }
            return v ?? null;
          }),
        );
        row.forEach((v, i) => {
          if (v instanceof Date) r.getCell(i + 1).numFmt = "dd/mm/yyyy hh:mm";
        });
        r.commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      pass.destroy(error as Error);
    }
  })();
  return Readable.toWeb(pass) as ReadableStream<Uint8Array>;
}

/** The download response for a dataset in the requested format. */
export function exportResponse(dataset: Dataset, format: ExportFormat): Response {
  const stamp = jakartaText(new Date()).slice(0, 10);
  const filename = `${dataset.name}-${stamp}.${format}`;
  // BOM so that Excel opens UTF-8 (names in any script) correctly; text that a spreadsheet would
  // run as a formula is defused (app/utils/csv.ts).
  const body = format === "csv" ? csvStream(csvRows(dataset), { bom: true }) : xlsxStream(dataset);
  return new Response(body, {
    headers: {
      "Content-Type":
        format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
