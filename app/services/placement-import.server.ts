/**
 * Batch upload of referrals: a CSV or XLSX file is read and checked first (`previewBatch`: every
 * row through the referral schema, panti codes, the uploader's units, references repeated in the
 * file or already used), kept as a previewed batch, and imported whole or not at all
 * (`importBatch`: one transaction, every row again through the same checks, then
 * `insertPlacement` with source "batch"). A file with any invalid row cannot be imported: the
 * user fixes the file and uploads it again.
 */
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { panti, placementBatches, placements } from "#db/schema";
import { Conflict, InvalidInput, NotFound } from "~/domain/errors";
import {
  checkSheet,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  pantiCodeKey,
  storedDecision,
  templateRows,
  toStoredRow,
  type ImportedDecision,
  type ImportField,
  type RowError,
  type SheetRow,
  type StoredBatchRow,
  type ValidRow,
  type ValueMapping,
} from "~/domain/placement-import";
import type { HistoryIssue, HistoryStay, PersonRef } from "~/domain/history";
import { birthYearOf, placementInputSchema, type PlacementInput } from "~/domain/placements";
import { canOnPanti, canOnUnit, hasPermission, PermissionDenied, scopeFor, type Actor } from "~/domain/permissions";
import { DISABILITY_SUBTYPES, OUTREACH_UNIT_CODES, OUTREACH_UNITS, PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import { CsvError, detectDelimiter, parseCsv, toCsv, type CsvDelimiter } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { DEFAULT_LANG, formatCalendarDate, formatDateTime, translator, type Lang } from "~/utils/i18n";
import { errorMap } from "~/utils/validation";
import { readXlsx, writeXlsx, XlsxError, isZip } from "~/utils/xlsx.server";
import { appendAudit, writeTransaction, type Tx } from "./audit.server";
import { auditAppender } from "./bulk.server";
import { checkHistory, findBed, loadHistory, writeStays, type NewPerson } from "./history.server";
import { placementInserter, type InsertedDecision } from "./placements.server";

export type BatchFormat = "csv" | "xlsx";

export interface PreviewInput {
  fileName: string;
  bytes: Uint8Array;
  /** The unit of rows whose unit cell is empty; an outreach officer's own unit by default. */
  outreachUnit?: string | null;
  /** The language of the stored messages (the uploader's). */
  lang?: Lang;
}

export interface BatchPreview {
  batchId: number;
  fileName: string;
  format: BatchFormat;
  status: "previewed" | "imported" | "discarded";
  outreachUnit: string | null;
  rowCount: number;
  validCount: number;
  invalidRowCount: number;
  errors: RowError[];
  /** Columns of the file that the upload does not use (known only right after the upload). */
  unknownColumns: string[];
  /** Values read as something else, per column, in the uploader's words (known only right after the upload). */
  mappings: MappingView[];
  /** Rows that carry a decision, and the people of accepted rows found again (known only right after the upload). */
  decisions: DecisionCounts | null;
  createdAt: Date;
  importedAt: Date | null;
  /** Referrals made from this batch. */
  importedCount: number;
}

/** Whether the actor may see and import other people's batches (Dinsos: any unit). */
function managesAllBatches(actor: Actor): boolean {
  return hasPermission(actor, "api_token:manage");
}

function assertMayUpload(actor: Actor) {
  if (!hasPermission(actor, "placement:create")) throw new PermissionDenied("placement:create");
}

// ---------------------------------------------------------------------------
// Reading the file
// ---------------------------------------------------------------------------

/** A problem with the whole file, as a field error on the upload form. */
export function fileError(t: ReturnType<typeof translator>, key: string, params?: Record<string, string | number>): InvalidInput {
  return new InvalidInput({ file: [t.dynamic(key, params)] });
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .xls (and other Office 97 files)

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // "CSV" saved by Excel on Windows is in the ANSI code page.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function csvRows(text: string): SheetRow[] {
  let body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  let delimiter: CsvDelimiter | undefined;
  // Excel's "sep=;" hint line: not shown as a row when Excel opens the file.
  const hint = /^sep=([,;\t|])\r?\n/i.exec(body);
  if (hint) {
    delimiter = hint[1] as CsvDelimiter;
    body = body.slice(hint[0].length);
  }
  delimiter ??= detectDelimiter(body);
  // Blank lines are kept (as empty rows) so that row numbers match what a spreadsheet shows.
  return parseCsv(body, { delimiter, skipEmptyLines: false }).map((cells, index) => ({ row: index + 1, cells }));
}

/** An XLSX that cannot be read or goes past a bound of the reader, as the file's error. */
function xlsxFileError(t: ReturnType<typeof translator>, error: XlsxError): InvalidInput {
  const limit = error.limit;
  if (!limit) return fileError(t, "import.error.xlsx");
  switch (limit.kind) {
    case "unpacked":
      return fileError(t, "import.error.unpacked", { max: Math.round(limit.max / 1_000_000) });
    case "cells":
      return fileError(t, "import.error.tooManyCells", { max: limit.max });
    case "columns":
      return fileError(t, "import.error.tooManyColumns", { max: limit.max });
    case "cell_chars":
      return fileError(t, "import.error.cellTooLong", { cell: limit.cell ?? "", max: limit.max });
  }
}

/** Reads an uploaded CSV or XLSX as rows of text (at most `maxRows` data rows read from an XLSX, plus two to tell there are more). */
export async function readSheet(
  t: ReturnType<typeof translator>,
  fileName: string,
  bytes: Uint8Array,
  maxRows = MAX_IMPORT_ROWS,
): Promise<{ format: BatchFormat; rows: SheetRow[]; truncated: boolean }> {
  if (bytes.length === 0) throw fileError(t, "import.error.noFile");
  if (bytes.length > MAX_IMPORT_BYTES) throw fileError(t, "import.error.tooLarge");
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) throw fileError(t, "import.error.xls");
  if (isZip(bytes)) {
    try {
      // Two rows beyond the limit are enough to tell that there are too many.
      const sheet = await readXlsx(bytes, { maxRows: maxRows + 2 });
      return { format: "xlsx", rows: sheet.rows, truncated: sheet.truncated };
    } catch (error) {
      if (error instanceof XlsxError) throw xlsxFileError(t, error);
      throw error;
    }
  }
  if (/\.xlsx?$/i.test(fileName)) throw fileError(t, "import.error.xlsx");
  const text = decodeText(bytes);
  if (text.includes("\u0000")) throw fileError(t, "import.error.format");
  try {
    return { format: "csv", rows: csvRows(text), truncated: false };
  } catch (error) {
    if (error instanceof CsvError) throw fileError(t, "import.error.csv", { line: error.line });
    throw error;
  }
}

/** A mapped value as the preview lists it. */
export interface MappingView {
  column: string;
  from: string;
  to: string;
  rows: number;
  /** `from` is one example of a date spelling shared by `rows` rows. */
  example: boolean;
}

/** What a mapped value became, in words: "ODGJ" → "Penyandang disabilitas + Disabilitas mental (termasuk ODGJ)". */
export function describeMapping(mapping: ValueMapping, lang: Lang): MappingView {
  const t = translator(lang);
  const { to } = mapping;
  let text: string;
  switch (to.field) {
    case "outreachUnit":
      text = referenceLabel(OUTREACH_UNITS, to.code, lang);
      break;
    case "reachMethod":
      text = t.dynamic(`reach.${to.code}`);
      break;
    case "sex":
      text = t.dynamic(`sex.${to.code}`);
      break;
    case "decision":
      text = t.dynamic(`status.${to.code}`);
      break;
    case "foundKota":
      text = to.code;
      break;
    case "ppksCategory": {
      const category = referenceLabel(PPKS_CATEGORIES, to.code, lang);
      text = to.disability ? t("import.mapped.plus", { category, disability: referenceLabel(DISABILITY_SUBTYPES, to.disability, lang) }) : category;
      break;
    }
    case "disabilitySubtypes":
      text = to.codes.map((code) => referenceLabel(DISABILITY_SUBTYPES, code, lang)).join(", ");
      break;
    case "foundAt":
    case "decidedAt":
    case "admittedAt":
    case "exitedAt":
      text = to.timeGiven ? formatDateTime(lang, to.at) : `${formatDateTime(lang, to.at)} (${t("import.mapped.noTime")})`;
      break;
    case "birthDate":
      text = formatCalendarDate(lang, to.date);
      break;
  }
  return { column: mapping.column, from: mapping.from, to: text, rows: mapping.rows, example: mapping.example };
}

// ---------------------------------------------------------------------------
// Checks that need the database
// ---------------------------------------------------------------------------

export function activePantiByCode(tx: Tx | typeof db): Map<string, number> {
  const rows = tx.select({ id: panti.id, code: panti.code }).from(panti).where(eq(panti.active, true)).all();
  return new Map(rows.map((r) => [pantiCodeKey(r.code), r.id]));
}

const CHUNK = 500;

/** References already used by each unit, among those given: "unit\0ref" → placement id. */
function existingRefs(tx: Tx | typeof db, inputs: readonly { outreachUnit: string; externalRef?: string | undefined }[]): Map<string, number> {
  const byUnit = new Map<string, string[]>();
  for (const input of inputs) {
    if (!input.externalRef) continue;
    const refs = byUnit.get(input.outreachUnit) ?? [];
    refs.push(input.externalRef);
    byUnit.set(input.outreachUnit, refs);
  }
  const found = new Map<string, number>();
  for (const [unit, refs] of byUnit) {
    for (let i = 0; i < refs.length; i += CHUNK) {
      const rows = tx
        .select({ id: placements.id, ref: placements.externalRef })
        .from(placements)
        .where(and(eq(placements.outreachUnit, unit), inArray(placements.externalRef, refs.slice(i, i + CHUNK))))
        .all();
      for (const r of rows) found.set(`${unit}\u0000${r.ref}`, r.id);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------
// Historical decisions
// ---------------------------------------------------------------------------

/** The column an admission problem is shown on. */
const ADMISSION_COLUMN = { person: "personName", admittedAt: "decidedAt", bed: "bedLabel" } as const satisfies Record<HistoryIssue["on"], ImportField>;

export interface DecisionCounts {
  accepted: number;
  declined: number;
  redirected: number;
  /** People of accepted rows found again by NIK or by name. */
  foundByNik: number;
  foundByName: number;
}

function decisionCounts(valid: readonly ValidRow[], people: readonly PersonRef[]): DecisionCounts | null {
  const counts: DecisionCounts = { accepted: 0, declined: 0, redirected: 0, foundByNik: 0, foundByName: 0 };
  for (const v of valid) if (v.decision) counts[v.decision.status]++;
  for (const p of people) if (p.kind === "existing") counts[p.reason === "nik" ? "foundByNik" : "foundByName"]++;
  return counts.accepted + counts.declined + counts.redirected > 0 ? counts : null;
}

const acceptedRows = (valid: readonly ValidRow[]) => valid.filter((v) => v.decision?.status === "accepted");

/**
 * The admissions of accepted rows checked against the history: the bed by its label, the person
 * found again, no overlap with the person's other stays or anyone's time on the bed.
 */
function checkAdmissions(handle: Tx | typeof db, valid: readonly ValidRow[]) {
  const accepted = acceptedRows(valid);
  if (accepted.length === 0) return { accepted, stays: [], people: [] as PersonRef[], personStays: new Map(), issues: [] as HistoryIssue[] };
  const context = loadHistory(handle, accepted.map((v) => v.input.targetPantiId));
  const issues: HistoryIssue[] = [];
  const stays: HistoryStay[] = accepted.map((v) => {
    const { input } = v;
    const decision = v.decision as Extract<ImportedDecision, { status: "accepted" }>;
    let bedId: number | null = null;
    if (decision.bed) {
      const bed = findBed(context, input.targetPantiId, decision.bed, input.sex);
      if ("bedId" in bed) bedId = bed.bedId;
      else issues.push({ row: v.row, on: "bed", key: bed.key, params: bed.params });
    }
    const birthYear = birthYearOf({ birthDate: input.birthDate, estimatedAge: input.estimatedAge, at: input.foundAt });
    return { row: v.row, person: { nik: input.nik ?? null, name: input.personName ?? null, sex: input.sex, birthYear }, pantiId: input.targetPantiId, admittedAt: decision.at, exitedAt: null, bedId };
  });
  const checked = checkHistory(handle, context, stays);
  return { accepted, stays, people: checked.people, personStays: checked.personStays, issues: [...issues, ...checked.issues] };
}

/** The person of a referral, as the admission creates them (as when a panti accepts it). */
function personOfReferral(input: PlacementInput): NewPerson {
  return {
    nik: input.nik ?? null,
    kk: input.kk ?? null,
    name: input.personName ?? null,
    unidentified: input.unidentified || !input.personName,
    description: input.description ?? null,
    sex: input.sex,
    birthDate: input.birthDate ?? null,
    estimatedBirthYear: input.birthDate ? null : birthYearOf({ estimatedAge: input.estimatedAge, at: input.foundAt }),
    birthYear: birthYearOf({ birthDate: input.birthDate, estimatedAge: input.estimatedAge, at: input.foundAt }),
    originProvince: input.originProvince ?? null,
    originCity: input.originCity ?? null,
    ppksCategory: input.ppksCategory,
    disabilitySubtypes: input.disabilitySubtypes,
  };
}

/** The columns of a referral inserted with its historical decision. */
function decidedValues(actor: Actor, decision: ImportedDecision | undefined): InsertedDecision | undefined {
  if (!decision) return undefined;
  return {
    status: decision.status,
    decidedBy: actor.id,
    decidedAt: decision.at,
    decisionReason: decision.status === "accepted" ? null : decision.reason,
    personId: null,
    stayId: null,
  };
}

// ---------------------------------------------------------------------------
// Use cases
// ---------------------------------------------------------------------------

/**
 * Reads and checks an uploaded file and keeps it as a previewed batch (valid rows and every row
 * error). Problems with the whole file (too large, unreadable, too many rows, missing columns)
 * throw InvalidInput on the field "file" and keep nothing.
 */
export async function previewBatch(actor: Actor, upload: PreviewInput): Promise<BatchPreview> {
  assertMayUpload(actor);
  const lang = upload.lang ?? DEFAULT_LANG;
  const t = translator(lang);
  const referrerScope = scopeFor(actor, "placement:create");
  const defaultUnit = upload.outreachUnit || (referrerScope.kind === "unit" ? referrerScope.unit : null);
  if (defaultUnit && (!(OUTREACH_UNIT_CODES as readonly string[]).includes(defaultUnit) || !canOnUnit(actor, "placement:create", defaultUnit))) {
    throw new InvalidInput({ outreachUnit: [t("placement.error.otherUnit")] });
  }

  const { format, rows, truncated } = await readSheet(t, upload.fileName, upload.bytes);
  const check = checkSheet(
    rows,
    {
      pantiIdByCode: activePantiByCode(db),
      defaultUnit,
      canUseUnit: (unit) => canOnUnit(actor, "placement:create", unit),
      canDecide: (pantiId) => canOnPanti(actor, "placement:decide", pantiId),
      strictWidth: format === "csv",
      t: t.dynamic,
      errorMap: errorMap(lang),
    },
    { truncated },
  );
  if (!check.ok) throw new InvalidInput({ file: check.problems.map((p) => t.dynamic(p.key, p.params)) });

  // References the unit already used (by the form, the API or an earlier file).
  const taken = existingRefs(db, check.valid.map((v) => v.input));
  let valid: ValidRow[] = [];
  const errors = [...check.errors];
  for (const v of check.valid) {
    const id = v.input.externalRef ? taken.get(`${v.input.outreachUnit}\u0000${v.input.externalRef}`) : undefined;
    if (id === undefined) {
      valid.push(v);
      continue;
    }
    errors.push({ row: v.row, field: check.columnOf("externalRef"), message: t("import.error.refExists", { ref: v.input.externalRef!, id }) });
  }
  // Accepted rows: their people, beds and dates against the history already recorded.
  const admissions = checkAdmissions(db, valid);
  if (admissions.issues.length > 0) {
    const refused = new Set(admissions.issues.map((i) => i.row));
    for (const issue of admissions.issues) {
      errors.push({ row: issue.row, field: check.columnOf(ADMISSION_COLUMN[issue.on]), message: t.dynamic(issue.key, issue.params) });
    }
    valid = valid.filter((v) => !refused.has(v.row));
  }
  errors.sort((a, b) => a.row - b.row);
  const invalidRowCount = new Set(errors.map((e) => e.row)).size;
  const units = new Set(valid.map((v) => v.input.outreachUnit));
  // The unit the batch is for: the one its rows name, else (no valid row) the form's.
  const batchUnit = units.size === 1 ? [...units][0]! : units.size === 0 ? defaultUnit : null;

  const batch = writeTransaction((tx) => {
    const row = tx
      .insert(placementBatches)
      .values({
        uploadedBy: actor.id,
        outreachUnit: batchUnit,
        fileName: upload.fileName.slice(0, 255),
        format,
        rowCount: check.rowCount,
        validCount: valid.length,
        status: "previewed",
        rows: valid.map(toStoredRow),
        errors,
      })
      .returning()
      .get();
    appendAudit(tx, {
      actorId: actor.id,
      action: "placement_batch.preview",
      entity: "placement_batch",
      entityId: row.id,
      after: { fileName: row.fileName, format, outreachUnit: batchUnit, rows: check.rowCount, valid: valid.length, errors: errors.length },
    });
    return row;
  });

  return {
    batchId: batch.id,
    fileName: batch.fileName,
    format,
    status: "previewed",
    outreachUnit: batchUnit,
    rowCount: check.rowCount,
    validCount: valid.length,
    invalidRowCount,
    errors,
    unknownColumns: check.unknownColumns,
    mappings: check.mappings.map((m) => describeMapping(m, lang)),
    decisions: decisionCounts(valid, admissions.people),
    createdAt: batch.createdAt,
    importedAt: null,
    importedCount: 0,
  };
}

type BatchRow = typeof placementBatches.$inferSelect;

/** The batch if the actor may act on it (their own upload, or Dinsos); otherwise not found. */
function loadBatch(tx: Tx | typeof db, actor: Actor, batchId: number): BatchRow {
  const batch = tx.select().from(placementBatches).where(eq(placementBatches.id, batchId)).get();
  if (!batch || !mayActOnBatch(actor, batch)) throw new NotFound("placement_batch");
  return batch;
}

/** Whether the actor may see and act on an uploaded batch (of referrals or stays): their own, or Dinsos. */
export function mayActOnBatch(actor: Actor, batch: { uploadedBy: number }): boolean {
  return batch.uploadedBy === actor.id || managesAllBatches(actor);
}

/** A batch may be discarded while it is a preview. */
export function assertStillPreviewed(batch: { status: string }) {
  if (batch.status === "imported") throw new Conflict("import.error.alreadyImported");
  if (batch.status === "discarded") throw new Conflict("import.error.discarded");
}

/** A batch may be imported while it is a preview without any row error. */
export function assertImportable(batch: { status: string; errors: readonly unknown[]; validCount: number; rowCount: number }) {
  assertStillPreviewed(batch);
  if (batch.errors.length > 0 || batch.validCount !== batch.rowCount) {
    throw new Conflict("import.error.hasErrors", { n: batch.errors.length });
  }
}

/**
 * Imports a previewed batch without errors, whole, in one transaction: every row is checked
 * again (schema, unit, active panti, references not used meanwhile) and inserted as a referral
 * with source "batch"; the batch is marked imported. Anything off and nothing is written.
 */
export function importBatch(actor: Actor, batchId: number, now = new Date()): { batchId: number; imported: number } {
  assertMayUpload(actor);
  // The schema check needs no lock: done before the write transaction, which stays short.
  const before = loadBatch(db, actor, batchId);
  assertImportable(before);
  const stored = before.rows as StoredBatchRow[];
  const rows: ValidRow[] = stored.map((row) => {
    const parsed = placementInputSchema.safeParse(row.input);
    const decision = storedDecision(row.decision);
    if (!parsed.success || decision === null) throw new Conflict("import.error.changed", { row: row.row });
    if (decision && !canOnPanti(actor, "placement:decide", parsed.data.targetPantiId)) throw new Conflict("import.error.changed", { row: row.row });
    return decision ? { row: row.row, input: parsed.data, decision } : { row: row.row, input: parsed.data };
  });
  const inputs = rows.map((r) => r.input);

  return writeTransaction((tx) => {
    // Checked again under the lock: imported or discarded meanwhile?
    const batch = loadBatch(tx, actor, batchId);
    assertImportable(batch);
    const activePanti = new Set(activePantiByCode(tx).values());
    inputs.forEach((input, i) => {
      if (!canOnUnit(actor, "placement:create", input.outreachUnit) || !activePanti.has(input.targetPantiId)) {
        throw new Conflict("import.error.changed", { row: stored[i]!.row });
      }
    });
    const taken = existingRefs(tx, inputs);
    if (taken.size > 0) {
      const i = inputs.findIndex((input) => taken.has(`${input.outreachUnit}\u0000${input.externalRef}`));
      throw new Conflict("import.error.changed", { row: stored[i]!.row });
    }

    // The status in the where clause: a second import of the same batch changes nothing.
    const claimed = tx
      .update(placementBatches)
      .set({ status: "imported", importedAt: now })
      .where(and(eq(placementBatches.id, batch.id), eq(placementBatches.status, "previewed")))
      .run();
    if (claimed.changes !== 1) throw new Conflict("import.error.alreadyImported");

    // Accepted rows: checked again under the lock (someone may have taken a bed meanwhile).
    const admissions = checkAdmissions(tx, rows);
    if (admissions.issues.length > 0) throw new Conflict("import.error.changed", { row: admissions.issues[0]!.row });

    const audit = auditAppender(tx);
    const insert = placementInserter(tx, actor, audit);
    const ids = rows.map((r) => insert(r.input, { source: "batch", batchId: batch.id }, decidedValues(actor, r.decision)));
    if (admissions.accepted.length > 0) {
      const idOfRow = new Map(rows.map((r, i) => [r.row, ids[i]!]));
      const made = writeStays(
        tx,
        actor,
        admissions.accepted.map((v, i) => ({
          row: v.row,
          person: admissions.people[i]!,
          newPerson: personOfReferral(v.input),
          pantiId: v.input.targetPantiId,
          placementId: idOfRow.get(v.row)!,
          admittedAt: v.decision!.at,
          bedId: admissions.stays[i]!.bedId,
          stage: null,
          exit: null,
        })),
        admissions.personStays,
        audit,
        now,
      );
      const link = tx
        .update(placements)
        .set({ personId: sql`${sql.placeholder("personId")}`, stayId: sql`${sql.placeholder("stayId")}` })
        .where(eq(placements.id, sql.placeholder("id")))
        .prepare();
      admissions.accepted.forEach((v, i) => link.run({ id: idOfRow.get(v.row)!, personId: made[i]!.personId, stayId: made[i]!.stayId }));
    }
    appendAudit(tx, {
      actorId: actor.id,
      action: "placement_batch.import",
      entity: "placement_batch",
      entityId: batch.id,
      before: { status: batch.status },
      after: {
        status: "imported",
        fileName: batch.fileName,
        outreachUnit: batch.outreachUnit,
        rows: batch.rowCount,
        imported: inputs.length,
        decisions: decisionCounts(rows, admissions.people),
        redirected: rows.flatMap((r) => (r.decision?.status === "redirected" ? [{ row: r.row, toPantiId: r.decision.toPantiId }] : [])),
      },
      at: now,
    });
    return { batchId: batch.id, imported: inputs.length };
  });
}

/** Drops a previewed batch; the personal data of its rows is not kept. */
export function discardBatch(actor: Actor, batchId: number): { batchId: number } {
  assertMayUpload(actor);
  return writeTransaction((tx) => {
    const batch = loadBatch(tx, actor, batchId);
    assertStillPreviewed(batch);
    tx.update(placementBatches).set({ status: "discarded", rows: [] }).where(eq(placementBatches.id, batch.id)).run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "placement_batch.discard",
      entity: "placement_batch",
      entityId: batch.id,
      before: { status: batch.status },
      after: { status: "discarded", rows: batch.rowCount },
    });
    return { batchId: batch.id };
  });
}

/** A batch as the import page shows it; null when it does not exist or is not the actor's. */
export function batchSummary(actor: Actor, batchId: number): BatchPreview | null {
  if (!hasPermission(actor, "placement:create")) return null;
  const batch = db.select().from(placementBatches).where(eq(placementBatches.id, batchId)).get();
  if (!batch || !mayActOnBatch(actor, batch)) return null;
  const made = db.select({ n: count() }).from(placements).where(eq(placements.batchId, batch.id)).get();
  return {
    batchId: batch.id,
    fileName: batch.fileName,
    format: batch.format,
    status: batch.status,
    outreachUnit: batch.outreachUnit,
    rowCount: batch.rowCount,
    validCount: batch.validCount,
    invalidRowCount: new Set(batch.errors.map((e) => e.row)).size,
    errors: batch.errors,
    unknownColumns: [],
    mappings: [],
    decisions: null,
    createdAt: batch.createdAt,
    importedAt: batch.importedAt,
    importedCount: made?.n ?? 0,
  };
}

// ---------------------------------------------------------------------------
// Template
// ---------------------------------------------------------------------------

const TEMPLATE_PANTI = "PSTW-BM1";

export type TemplateFile = { body: Uint8Array<ArrayBuffer>; contentType: string; fileName: string };

/** A template to fill in: the expected headers and one example row (with a real panti code), as CSV or XLSX. */
export async function templateFile(
  format: BatchFormat,
  rowsFor: (pantiCode: string) => string[][],
  name: { file: string; sheet: string },
): Promise<TemplateFile> {
  const codes = db.select({ code: panti.code }).from(panti).where(eq(panti.active, true)).orderBy(panti.code).all();
  const code = codes.some((c) => c.code === TEMPLATE_PANTI) ? TEMPLATE_PANTI : (codes[0]?.code ?? TEMPLATE_PANTI);
  const [headers, example] = rowsFor(code) as [string[], string[]];
  if (format === "csv") {
    return {
      body: new TextEncoder().encode(toCsv([headers, example], { bom: true })),
      contentType: "text/csv; charset=utf-8",
      fileName: `${name.file}.csv`,
    };
  }
  const body = await writeXlsx(headers, [example], { sheetName: name.sheet, textColumns: headers.map((_, i) => i) });
  return {
    body: new Uint8Array(body),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    fileName: `${name.file}.xlsx`,
  };
}

/** The referral upload's template. */
export function importTemplate(format: BatchFormat): Promise<TemplateFile> {
  return templateFile(format, templateRows, { file: "template-rujukan", sheet: "Rujukan" });
}
