/**
 * Batch upload of past stays: a CSV or XLSX file is read and checked first (`previewStays`: every
 * row through app/domain/stay-import.ts, then each row's person found again or new, and every
 * overlap with the history of people and beds, in the database and in the file), kept as a
 * previewed batch, and imported whole or not at all (`importStays`: one transaction, the checks
 * again under the write lock, then the people, stays, beds, exits and follow-ups). A file with any
 * invalid row cannot be imported: the user fixes the file and uploads it again.
 */
import { and, eq } from "drizzle-orm";
import { stayBatches } from "#db/schema";
import { Conflict, InvalidInput, NotFound } from "~/domain/errors";
import type { HistoryIssue, HistoryStay } from "~/domain/history";
import { birthYearOf } from "~/domain/placements";
import { canOnPanti, hasPermission, PermissionDenied, type Actor } from "~/domain/permissions";
import { EXIT_OUTCOMES, REHABILITATION_STAGES, referenceLabel } from "~/domain/reference";
import type { RowError } from "~/domain/sheet-import";
import {
  checkStaySheet,
  fromStoredStayRow,
  MAX_STAY_IMPORT_ROWS,
  stayExit,
  stayTemplateRows,
  toStoredStayRow,
  type StayField,
  type StoredStayRow,
  type StayValueMapping,
  type ValidStayRow,
} from "~/domain/stay-import";
import { db } from "~/utils/db.server";
import { DEFAULT_LANG, translator, type Lang } from "~/utils/i18n";
import { errorMap } from "~/utils/validation";
import { appendAudit, writeTransaction, type Tx } from "./audit.server";
import { auditAppender } from "./bulk.server";
import { checkHistory, findBed, loadHistory, writeStays, type HistoryContext, type NewPerson } from "./history.server";
import {
  activePantiByCode,
  assertImportable,
  assertStillPreviewed,
  describeMapping,
  mayActOnBatch,
  readSheet,
  templateFile,
  type BatchFormat,
  type MappingView,
  type TemplateFile,
} from "./placement-import.server";

export interface StayBatchPreview {
  batchId: number;
  fileName: string;
  format: BatchFormat;
  status: "previewed" | "imported" | "discarded";
  rowCount: number;
  validCount: number;
  invalidRowCount: number;
  errors: RowError[];
  unknownColumns: string[];
  mappings: MappingView[];
  /** Rows whose person is already on record (by NIK, by a similar name), known right after the upload. */
  people: { foundByNik: number; foundByName: number; new: number } | null;
  /** Rows with an exit; follow-ups that will be scheduled (exits older than the follow-up window get none). */
  exits: number;
  createdAt: Date;
  importedAt: Date | null;
}

/** Whether the actor may record admissions and exits in a panti. */
function canRecord(actor: Actor, pantiId: number): boolean {
  return canOnPanti(actor, "placement:decide", pantiId) && canOnPanti(actor, "stay:exit", pantiId);
}

function assertMayUpload(actor: Actor) {
  if (!hasPermission(actor, "placement:decide") || !hasPermission(actor, "stay:exit")) throw new PermissionDenied("placement:decide");
}

/** The column a history problem is shown on. */
const ISSUE_COLUMN = { person: "personName", admittedAt: "admittedAt", bed: "bedLabel" } as const satisfies Record<HistoryIssue["on"], StayField>;

/** Each row's beds by label, then its person and every overlap. */
function checkRows(handle: Tx | typeof db, rows: readonly ValidStayRow[]) {
  const context = loadHistory(handle, rows.map((r) => r.input.pantiId));
  const issues: HistoryIssue[] = [];
  const stays: HistoryStay[] = rows.map(({ row, input }) => {
    let bedId: number | null = null;
    if (input.bedLabel) {
      const bed = findBed(context, input.pantiId, input.bedLabel, input.sex);
      if ("bedId" in bed) bedId = bed.bedId;
      else issues.push({ row, on: "bed", key: bed.key, params: bed.params });
    }
    const birthYear = birthYearOf({ birthDate: input.birthDate, estimatedAge: input.estimatedAge, at: input.admittedAt });
    return { row, person: { nik: input.nik ?? null, name: input.personName ?? null, sex: input.sex, birthYear }, pantiId: input.pantiId, admittedAt: input.admittedAt, exitedAt: input.exit?.exitedAt ?? null, bedId };
  });
  const checked = checkHistory(handle, context, stays);
  return { context, stays, ...checked, issues: [...issues, ...checked.issues] };
}

function personOfRow(input: ValidStayRow["input"]): NewPerson {
  return {
    nik: input.nik ?? null,
    kk: null,
    name: input.personName ?? null,
    unidentified: input.unidentified || !input.personName,
    description: input.description ?? null,
    sex: input.sex,
    birthDate: input.birthDate ?? null,
    estimatedBirthYear: input.birthDate ? null : birthYearOf({ estimatedAge: input.estimatedAge, at: input.admittedAt }),
    birthYear: birthYearOf({ birthDate: input.birthDate, estimatedAge: input.estimatedAge, at: input.admittedAt }),
    originProvince: input.originProvince ?? null,
    originCity: input.originCity ?? null,
    ppksCategory: input.ppksCategory,
    disabilitySubtypes: input.disabilitySubtypes,
  };
}

function describeStayMapping(mapping: StayValueMapping, lang: Lang): MappingView {
  const { to } = mapping;
  const view = (text: string) => ({ column: mapping.column, from: mapping.from, to: text, rows: mapping.rows, example: mapping.example });
  const t = translator(lang);
  switch (to.field) {
    case "outcome":
      return view(referenceLabel(EXIT_OUTCOMES, to.code, lang));
    case "stage":
      return view(referenceLabel(REHABILITATION_STAGES, to.code, lang));
    case "province":
      return view(to.code);
    case "transport":
      return view(t.dynamic(`transport.${to.code}`));
    case "documents":
      return view(to.codes.map((c) => t.dynamic(`exit.doc.${c}`)).join(", "));
    default:
      return describeMapping({ ...mapping, to }, lang);
  }
}

/**
 * Reads and checks an uploaded file of past stays and keeps it as a previewed batch (valid rows
 * and every row error). Problems with the whole file throw InvalidInput on the field "file".
 */
export async function previewStays(actor: Actor, upload: { fileName: string; bytes: Uint8Array; lang?: Lang }, now = new Date()): Promise<StayBatchPreview> {
  assertMayUpload(actor);
  const lang = upload.lang ?? DEFAULT_LANG;
  const t = translator(lang);
  const { format, rows, truncated } = await readSheet(t, upload.fileName, upload.bytes, MAX_STAY_IMPORT_ROWS);
  const check = checkStaySheet(
    rows,
    { pantiIdByCode: activePantiByCode(db), canRecord: (pantiId) => canRecord(actor, pantiId), strictWidth: format === "csv", t: t.dynamic, errorMap: errorMap(lang), now },
    { truncated },
  );
  if (!check.ok) throw new InvalidInput({ file: check.problems.map((p) => t.dynamic(p.key, p.params)) });

  const history = checkRows(db, check.valid);
  const refused = new Set(history.issues.map((i) => i.row));
  const errors = [...check.errors, ...history.issues.map((i) => ({ row: i.row, field: check.columnOf(ISSUE_COLUMN[i.on]), message: t.dynamic(i.key, i.params) }))];
  errors.sort((a, b) => a.row - b.row);
  const valid = check.valid.filter((v) => !refused.has(v.row));
  const people = { foundByNik: 0, foundByName: 0, new: 0 };
  history.people.forEach((p, i) => {
    if (refused.has(history.stays[i]!.row)) return;
    if (p.kind === "new") people.new += p.firstRow === history.stays[i]!.row ? 1 : 0;
    else people[p.reason === "nik" ? "foundByNik" : "foundByName"]++;
  });

  const batch = writeTransaction((tx) => {
    const row = tx
      .insert(stayBatches)
      .values({ uploadedBy: actor.id, fileName: upload.fileName.slice(0, 255), format, rowCount: check.rowCount, validCount: valid.length, status: "previewed", rows: valid.map(toStoredStayRow), errors })
      .returning()
      .get();
    appendAudit(tx, {
      actorId: actor.id,
      action: "stay_batch.preview",
      entity: "stay_batch",
      entityId: row.id,
      after: { fileName: row.fileName, format, rows: check.rowCount, valid: valid.length, errors: errors.length },
    });
    return row;
  });
  return {
    ...summaryOf(batch),
    unknownColumns: check.unknownColumns,
    mappings: check.mappings.map((m) => describeStayMapping(m, lang)),
    people,
    exits: valid.filter((v) => v.input.exit).length,
  };
}

type StayBatchRow = typeof stayBatches.$inferSelect;

function summaryOf(batch: StayBatchRow): StayBatchPreview {
  return {
    batchId: batch.id,
    fileName: batch.fileName,
    format: batch.format,
    status: batch.status,
    rowCount: batch.rowCount,
    validCount: batch.validCount,
    invalidRowCount: new Set(batch.errors.map((e) => e.row)).size,
    errors: batch.errors,
    unknownColumns: [],
    mappings: [],
    people: null,
    exits: 0,
    createdAt: batch.createdAt,
    importedAt: batch.importedAt,
  };
}

/** The batch if the actor may act on it (their own upload, or Dinsos); otherwise not found. */
function loadBatch(tx: Tx | typeof db, actor: Actor, batchId: number): StayBatchRow {
  const batch = tx.select().from(stayBatches).where(eq(stayBatches.id, batchId)).get();
  if (!batch || !mayActOnBatch(actor, batch)) throw new NotFound("stay_batch");
  return batch;
}

/**
 * Imports a previewed batch without errors, whole, in one transaction: the rows are checked
 * again against the history (under the write lock) and written; anything off and nothing is.
 */
export function importStays(actor: Actor, batchId: number, now = new Date()): { batchId: number; imported: number; people: number; followUps: number } {
  assertMayUpload(actor);
  const before = loadBatch(db, actor, batchId);
  assertImportable(before);
  const rows = (before.rows as StoredStayRow[]).map((stored) => {
    const row = fromStoredStayRow(stored);
    if (!row || !canRecord(actor, row.input.pantiId)) throw new Conflict("history.error.changed", { row: stored.row });
    return row;
  });

  return writeTransaction((tx) => {
    const batch = loadBatch(tx, actor, batchId);
    assertImportable(batch);
    const active = new Set(activePantiByCode(tx).values());
    const gone = rows.find((r) => !active.has(r.input.pantiId) || (r.input.exit?.toPantiId !== undefined && !active.has(r.input.exit.toPantiId)));
    if (gone) throw new Conflict("history.error.changed", { row: gone.row });
    const history = checkRows(tx, rows);
    if (history.issues.length > 0) throw new Conflict("history.error.changed", { row: history.issues[0]!.row });

    const claimed = tx
      .update(stayBatches)
      .set({ status: "imported", importedAt: now })
      .where(and(eq(stayBatches.id, batch.id), eq(stayBatches.status, "previewed")))
      .run();
    if (claimed.changes !== 1) throw new Conflict("import.error.alreadyImported");

    const audit = auditAppender(tx);
    const made = writeStays(
      tx,
      actor,
      rows.map((r, i) => ({
        row: r.row,
        person: history.people[i]!,
        newPerson: personOfRow(r.input),
        pantiId: r.input.pantiId,
        placementId: null,
        admittedAt: r.input.admittedAt,
        bedId: history.stays[i]!.bedId,
        stage: r.input.stage ?? null,
        exit: r.input.exit ? stayExit(r.input.exit, transferName(history.context, r.input.exit.toPantiId)) : null,
      })),
      history.personStays,
      audit,
      now,
    );
    const people = new Set(made.map((m) => m.personId)).size;
    const followUps = made.reduce((n, m) => n + m.followUps, 0);
    appendAudit(tx, {
      actorId: actor.id,
      action: "stay_batch.import",
      entity: "stay_batch",
      entityId: batch.id,
      before: { status: batch.status },
      after: { status: "imported", fileName: batch.fileName, rows: batch.rowCount, imported: rows.length, people, followUps },
      at: now,
    });
    return { batchId: batch.id, imported: rows.length, people, followUps };
  });
}

function transferName(context: HistoryContext, pantiId: number | undefined): string | undefined {
  return pantiId === undefined ? undefined : context.pantiNames.get(pantiId);
}

/** Drops a previewed batch; the personal data of its rows is not kept. */
export function discardStays(actor: Actor, batchId: number): { batchId: number } {
  assertMayUpload(actor);
  return writeTransaction((tx) => {
    const batch = loadBatch(tx, actor, batchId);
    assertStillPreviewed(batch);
    tx.update(stayBatches).set({ status: "discarded", rows: [] }).where(eq(stayBatches.id, batch.id)).run();
    appendAudit(tx, { actorId: actor.id, action: "stay_batch.discard", entity: "stay_batch", entityId: batch.id, before: { status: batch.status }, after: { status: "discarded", rows: batch.rowCount } });
    return { batchId: batch.id };
  });
}

/** A batch as the page shows it; null when it does not exist or is not the actor's. */
export function stayBatchSummary(actor: Actor, batchId: number): StayBatchPreview | null {
  if (!hasPermission(actor, "placement:decide")) return null;
  const batch = db.select().from(stayBatches).where(eq(stayBatches.id, batchId)).get();
  if (!batch || !mayActOnBatch(actor, batch)) return null;
  return summaryOf(batch);
}

/** The stays upload's template. */
export function stayTemplate(format: BatchFormat): Promise<TemplateFile> {
  return templateFile(format, stayTemplateRows, { file: "template-riwayat-tinggal", sheet: "Riwayat tinggal" });
}
