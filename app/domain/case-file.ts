/**
 * The resident case file: rehabilitation stages and what moving between them needs, the
 * intake assessment, the intervention plan and its reviews, psychosocial sessions (with their
 * confidential note), family tracing and identity documents. Pure: no I/O. The zod schemas here
 * are shared by the forms (react-hook-form) and the actions.
 *
 * Stage decisions (see also docs in the case file page):
 * - Staff move a stay through the five working stages, pendekatan_awal → asesmen →
 *   rencana_intervensi → intervensi → resosialisasi, forward one stage at a time; each step
 *   forward needs the record the stage it leaves produces (STAGE_REQUIREMENTS).
 * - Moving back is allowed to any earlier working stage, with a reason of at least 3 characters.
 * - terminasi and bimbingan_lanjut are never set by hand: they follow from the exit (an exited
 *   stay is in terminasi, or in bimbingan_lanjut when follow-ups were scheduled for it). A
 *   closed stay cannot change stage.
 * - Admission does not write stage_history: a stay without history is in pendekatan_awal since
 *   its admission (an implicit first entry).
 */
import * as z from "zod/mini";
import {
  IDENTITY_DOCUMENTS,
  IDENTITY_STEP_STATUSES,
  MENTAL_HEALTH_CLUSTERS,
  PLAN_GOAL_STATUSES,
  SESSION_MODES,
  TRACING_CHANNELS,
  TRACING_RESULTS,
  type PantiType,
} from "./enums";
import { calendarDate, idField, jakartaInstant } from "./fields";
import { canOnPanti, type Actor } from "./permissions";
import { REHABILITATION_STAGE_CODES, type RehabilitationStage } from "./reference";
import { personName, plainText } from "./text";
import { isCalendarDate, jakartaDate } from "./time";

// ---------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------

/** db/reference/psychosocial-services.csv as code (a unit test keeps the two equal). */
export const PSYCHOSOCIAL_SERVICES = [
  { code: "konseling_individu", nameId: "Konseling individu", nameEn: "Individual counselling" },
  { code: "konseling_kelompok", nameId: "Konseling kelompok", nameEn: "Group counselling" },
  { code: "terapi_aktivitas_kelompok", nameId: "Terapi aktivitas kelompok (TAK)", nameEn: "Group activity therapy" },
  { code: "pemeriksaan_psikiatri", nameId: "Pemeriksaan dan pengobatan psikiatri", nameEn: "Psychiatric examination and medication" },
  { code: "asesmen_psikologis", nameId: "Asesmen psikologis", nameEn: "Psychological assessment" },
  { code: "bimbingan_mental_spiritual", nameId: "Bimbingan mental dan spiritual", nameEn: "Mental and spiritual guidance" },
  { code: "konseling_trauma", nameId: "Konseling trauma", nameEn: "Trauma counselling" },
  { code: "konseling_keluarga", nameId: "Konseling keluarga (termasuk jarak jauh)", nameEn: "Family counselling (including remote)" },
  { code: "kunjungan_rumah", nameId: "Kunjungan rumah", nameEn: "Home visit" },
  { code: "konferensi_kasus", nameId: "Konferensi kasus", nameEn: "Case conference" },
  { code: "bimbingan_sosial", nameId: "Bimbingan sosial", nameEn: "Social guidance" },
  { code: "bimbingan_hukum", nameId: "Bimbingan hukum", nameEn: "Legal guidance" },
] as const;
export type PsychosocialService = (typeof PSYCHOSOCIAL_SERVICES)[number]["code"];
export const PSYCHOSOCIAL_SERVICE_CODES = PSYCHOSOCIAL_SERVICES.map((s) => s.code) as unknown as readonly [
  PsychosocialService,
  ...PsychosocialService[],
];

export type IdentityDocument = (typeof IDENTITY_DOCUMENTS)[number];
export type IdentityStepStatus = (typeof IDENTITY_STEP_STATUSES)[number];
export type TracingResult = (typeof TRACING_RESULTS)[number];
export type SessionMode = (typeof SESSION_MODES)[number];
export type PlanGoalStatus = (typeof PLAN_GOAL_STATUSES)[number];

// ---------------------------------------------------------------------------
// Stages
// ---------------------------------------------------------------------------

/** The stages staff set by hand, in order. */
export const WORKING_STAGES = ["pendekatan_awal", "asesmen", "rencana_intervensi", "intervensi", "resosialisasi"] as const;
/** The stages that follow from the exit. */
export const EXIT_STAGES = ["terminasi", "bimbingan_lanjut"] as const;

export function stagePosition(stage: string): number {
  return (REHABILITATION_STAGE_CODES as readonly string[]).indexOf(stage);
}

export function isWorkingStage(stage: string): stage is (typeof WORKING_STAGES)[number] {
  return (WORKING_STAGES as readonly string[]).includes(stage);
}

export function isExitStage(stage: string): boolean {
  return (EXIT_STAGES as readonly string[]).includes(stage);
}

/** The records of a stay that the stage rules look at. */
export interface StageRecords {
  assessments: number;
  plans: number;
  planReviews: number;
  sessions: number;
}

/**
 * What moving forward INTO a stage needs: the record the previous stage produces.
 * Entering asesmen needs nothing (the assessment is made during it).
 */
export const STAGE_REQUIREMENTS: Partial<Record<RehabilitationStage, { messageKey: string; met: (r: StageRecords) => boolean }>> = {
  rencana_intervensi: { messageKey: "caseFile.stage.needs.assessment", met: (r) => r.assessments > 0 },
  intervensi: { messageKey: "caseFile.stage.needs.plan", met: (r) => r.plans > 0 },
  resosialisasi: { messageKey: "caseFile.stage.needs.reviewOrSession", met: (r) => r.planReviews > 0 || r.sessions > 0 },
};

export const STAGE_REASON_MIN = 3;

export type StageMoveCheck =
  | { ok: true; direction: "forward" | "back" }
  | { ok: false; field: "to" | "reason" | "_form"; messageKey: string };

/** Whether a stay may move from one stage to another, and if not, why (a message key). */
export function checkStageMove(input: {
  from: string;
  to: string;
  reason?: string | null;
  records: StageRecords;
  exited: boolean;
}): StageMoveCheck {
  const { from, to, records } = input;
  if (input.exited) return { ok: false, field: "_form", messageKey: "caseFile.stage.error.closed" };
  if (stagePosition(to) < 0) return { ok: false, field: "to", messageKey: "error.choose_option" };
  if (isExitStage(to)) return { ok: false, field: "to", messageKey: "caseFile.stage.error.byExit" };
  if (to === from) return { ok: false, field: "to", messageKey: "caseFile.stage.error.same" };
  const delta = stagePosition(to) - stagePosition(from);
  if (delta < 0) {
    const reason = (input.reason ?? "").trim();
    if (reason.length < STAGE_REASON_MIN) return { ok: false, field: "reason", messageKey: "caseFile.stage.error.reason" };
    return { ok: true, direction: "back" };
  }
  if (delta > 1) return { ok: false, field: "to", messageKey: "caseFile.stage.error.oneAtATime" };
  const requirement = STAGE_REQUIREMENTS[to as RehabilitationStage];
  if (requirement && !requirement.met(records)) return { ok: false, field: "to", messageKey: requirement.messageKey };
  return { ok: true, direction: "forward" };
}

/** The stages a form may offer from the current one, each with whether it is possible now. */
export function stageOptions(from: string, records: StageRecords) {
  return WORKING_STAGES.filter((s) => s !== from).map((stage) => {
    const back = stagePosition(stage) < stagePosition(from);
    const check = checkStageMove({ from, to: stage, reason: back ? "xxx" : null, records, exited: false });
    return {
      stage,
      direction: back ? ("back" as const) : ("forward" as const),
      allowed: check.ok,
      messageKey: check.ok ? null : check.messageKey,
    };
  });
}

/**
 * The stage a stay is in: its current stage while open; once exited, terminasi or (when
 * follow-ups were scheduled) bimbingan_lanjut, unless an exit stage was already recorded.
 */
export function stageOfStay(stay: { currentStage: string; exitedAt: Date | null; followUps: number }): RehabilitationStage {
  const current = stay.currentStage as RehabilitationStage;
  if (!stay.exitedAt) return current;
  if (isExitStage(current)) return current;
  return stay.followUps > 0 ? "bimbingan_lanjut" : "terminasi";
}

export interface StageHistoryRow {
  stage: string;
  enteredAt: Date;
  reason: string | null;
  recordedByName?: string | null;
}

export interface StageEntry {
  stage: RehabilitationStage;
  /** Null when the date is not known (a stage set before stage history was kept). */
  enteredAt: Date | null;
  reason: string | null;
  recordedByName: string | null;
  /** Not a stage_history row: admission, or derived from the exit. */
  implicit: boolean;
}

/**
 * The stages a stay went through, oldest first: pendekatan_awal from the admission (implicit
 * unless recorded), every recorded move, the current stage when history does not reach it (data
 * from before stage history), and the exit stage derived from the exit.
 */
export function stageTimeline(stay: {
  admittedAt: Date;
  currentStage: string;
  exitedAt: Date | null;
  followUps: number;
  history: readonly StageHistoryRow[];
}): StageEntry[] {
  const rows = [...stay.history].sort((a, b) => a.enteredAt.getTime() - b.enteredAt.getTime());
  const entries: StageEntry[] = [];
  // The admission is the implicit first entry, unless the admission itself was recorded.
  const first = rows[0];
  if (!(first && first.stage === "pendekatan_awal" && first.enteredAt.getTime() <= stay.admittedAt.getTime())) {
    entries.push({ stage: "pendekatan_awal", enteredAt: stay.admittedAt, reason: null, recordedByName: null, implicit: true });
  }
  for (const row of rows) {
    entries.push({
      stage: row.stage as RehabilitationStage,
      enteredAt: row.enteredAt,
      reason: row.reason,
      recordedByName: row.recordedByName ?? null,
      implicit: false,
    });
  }
  const last = entries[entries.length - 1]!;
  if (last.stage !== stay.currentStage && stagePosition(stay.currentStage) >= 0) {
    entries.push({ stage: stay.currentStage as RehabilitationStage, enteredAt: null, reason: null, recordedByName: null, implicit: true });
  }
  const effective = stageOfStay(stay);
  if (stay.exitedAt && entries[entries.length - 1]!.stage !== effective) {
    entries.push({ stage: effective, enteredAt: stay.exitedAt, reason: null, recordedByName: null, implicit: true });
  }
  return entries;
}

/** When each stage was last entered (stages never entered are absent). */
export function stageEnteredOn(timeline: readonly StageEntry[]): Partial<Record<RehabilitationStage, Date | null>> {
  const out: Partial<Record<RehabilitationStage, Date | null>> = {};
  for (const e of timeline) out[e.stage] = e.enteredAt;
  return out;
}

// ---------------------------------------------------------------------------
// Identity documents, family tracing
// ---------------------------------------------------------------------------

export interface IdentityStepRow {
  id: number;
  document: IdentityDocument;
  status: IdentityStepStatus;
  stepOn: string;
  number: string | null;
}

/** The status of each document: its latest step (by date, then by entry), or null without steps. */
export function identityStatus(steps: readonly IdentityStepRow[]): Record<IdentityDocument, IdentityStepRow | null> {
  const out = Object.fromEntries(IDENTITY_DOCUMENTS.map((d) => [d, null])) as Record<IdentityDocument, IdentityStepRow | null>;
  for (const step of steps) {
    const current = out[step.document];
    if (!current || step.stepOn > current.stepOn || (step.stepOn === current.stepOn && step.id > current.id)) {
      out[step.document] = step;
    }
  }
  return out;
}

/** The latest attempt that located the family, if any: what an exit to family or repatriation builds on. */
export function familyLocated<A extends { result: string; attemptedAt: Date }>(attempts: readonly A[]): A | null {
  let found: A | null = null;
  for (const a of attempts) {
    if (a.result === "family_located" && (!found || a.attemptedAt.getTime() > found.attemptedAt.getTime())) found = a;
  }
  return found;
}

/** Exit outcomes that hand the person back to their family (or home region, or a new family). */
export const FAMILY_EXIT_OUTCOMES: readonly string[] = ["returned_family", "repatriated_home_region", "adopted"];

/**
 * What the family section says: returned to the family by the exit (whatever tracing recorded),
 * located by tracing, or not located yet.
 */
export function familyState(
  located: { attemptedAt: Date } | null,
  stay: { exitOutcome: string | null; exitedAt: Date | null },
): { kind: "returned"; outcome: string; at: Date } | { kind: "located"; at: Date } | { kind: "notLocated" } {
  if (stay.exitedAt && stay.exitOutcome && FAMILY_EXIT_OUTCOMES.includes(stay.exitOutcome)) {
    return { kind: "returned", outcome: stay.exitOutcome, at: stay.exitedAt };
  }
  if (located) return { kind: "located", at: located.attemptedAt };
  return { kind: "notLocated" };
}

/** Whether the actor may read confidential session notes in the panti. */
export function canReadNotes(actor: Actor, pantiId: number): boolean {
  return canOnPanti(actor, "psychosocial:note", pantiId);
}

/** Assessments of residents of mental-health panti must give the cluster. */
export function clusterRequired(pantiType: PantiType | string): boolean {
  return pantiType === "mental";
}

/** A calendar date or instant may not lie in the future (10 minutes of clock slack). */
export function isFutureDate(value: string, now: Date): boolean {
  return value > jakartaDate(now);
}

export function isFutureInstant(value: Date, now: Date): boolean {
  return value.getTime() > now.getTime() + 10 * 60 * 1000;
}

// ---------------------------------------------------------------------------
// Form schemas
// ---------------------------------------------------------------------------


/** Text that must say something (at least `min` characters after trimming). */
const requiredText = (max: number, min = 3) => z.pipe(plainText(max), z.string().check(z.minLength(min)));

const optionalText = (max: number) => z.optional(plainText(max));

/**
 * Rows of a repeated group from either shape a form sends: react-hook-form's nested array
 * (`{ goals: [{ goal }] }`) or posted fields named `goals.0.goal`. Blank strings read as absent.
 */
function rowsFrom(input: unknown, key: string): Record<string, unknown>[] {
  if (!input || typeof input !== "object") return [];
  const record = input as Record<string, unknown>;
  const rows: Record<string, unknown>[] = [];
  const clean = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
  // Posted fields first; react-hook-form's nested values (what the user last typed) win.
  const pattern = new RegExp(`^${key}\\.(\\d+)\\.(\\w+)$`);
  for (const [name, value] of Object.entries(record)) {
    const m = pattern.exec(name);
    if (!m) continue;
    const index = Number(m[1]);
    if (index > 50) continue;
    (rows[index] ??= {})[m[2]!] = clean(value);
  }
  const direct = record[key];
  if (Array.isArray(direct)) {
    direct.slice(0, 51).forEach((row, i) => {
      for (const [k, v] of Object.entries((row ?? {}) as Record<string, unknown>)) (rows[i] ??= {})[k] = clean(v);
    });
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= {};
  return rows;
}

function withRows(key: string) {
  return (input: unknown) => {
    if (!input || typeof input !== "object") return input;
    const rest = Object.fromEntries(Object.entries(input as Record<string, unknown>).filter(([k]) => !k.startsWith(`${key}.`)));
    return { ...rest, [key]: rowsFrom(input, key) };
  };
}

// --- stage ------------------------------------------------------------------

export const stageMoveSchema = z.object({
  /** The stage the form was shown for: a different current stage means someone moved it meanwhile. */
  from: z.enum(REHABILITATION_STAGE_CODES),
  to: z.enum(REHABILITATION_STAGE_CODES),
  reason: optionalText(500),
}).check(z.superRefine((v, ctx) => {
  if (stagePosition(v.to) < stagePosition(v.from) && (v.reason ?? "").length < STAGE_REASON_MIN) {
    ctx.addIssue({ code: "custom", path: ["reason"], message: "caseFile.stage.error.reason" });
  }
}));
export type StageMoveInput = z.output<typeof stageMoveSchema>;

// --- assessment -------------------------------------------------------------

const assessmentFields = {
  assessedOn: calendarDate(),
  problems: requiredText(4000),
  strengths: optionalText(4000),
  familySituation: optionalText(4000),
  health: optionalText(4000),
  cluster: z.optional(z.enum(MENTAL_HEALTH_CLUSTERS)),
  summary: optionalText(4000),
};

/** The assessment form; the cluster is checked against the panti type by `assessmentSchemaFor`. */
export const assessmentSchema = z.object(assessmentFields);
export type AssessmentInput = z.output<typeof assessmentSchema>;

/** The assessment form for a panti of this type: mental-health panti must give the cluster. */
export function assessmentSchemaFor(pantiType: PantiType | string) {
  return clusterRequired(pantiType) ? z.object({ ...assessmentFields, cluster: z.enum(MENTAL_HEALTH_CLUSTERS) }) : assessmentSchema;
}

// --- plan -------------------------------------------------------------------

export const PLAN_ROWS = 5;

const goalRow = z.object({
  goal: z.optional(plainText(500)),
  intervention: z.optional(plainText(500)),
  targetDate: z.optional(z.string().check(z.trim())),
  status: z.optional(z.enum(PLAN_GOAL_STATUSES)),
});

const filled = (row: z.output<typeof goalRow>) => Boolean(row.goal || row.intervention || row.targetDate);

export const planSchema = z.pipe(z.transform(withRows("goals")), z.pipe(z.object({
    createdOn: calendarDate(),
    goals: z.array(goalRow).check(z.maxLength(20)),
  }).check(z.superRefine((v, ctx) => {
    v.goals.forEach((row, i) => {
      if (!filled(row)) return;
      if (!row.goal || row.goal.length < 3) ctx.addIssue({ code: "custom", path: ["goals", i, "goal"], message: "caseFile.plan.error.goal" });
      if (!row.intervention || row.intervention.length < 3) {
        ctx.addIssue({ code: "custom", path: ["goals", i, "intervention"], message: "caseFile.plan.error.intervention" });
      }
      if (!row.targetDate || !isCalendarDate(row.targetDate)) {
        ctx.addIssue({ code: "custom", path: ["goals", i, "targetDate"], message: "error.date" });
      } else if (row.targetDate < v.createdOn) {
        ctx.addIssue({ code: "custom", path: ["goals", i, "targetDate"], message: "caseFile.plan.error.targetBeforePlan" });
      }
    });
    if (!v.goals.some(filled)) ctx.addIssue({ code: "custom", path: ["goals", 0, "goal"], message: "caseFile.plan.error.oneGoal" });
  })), z.transform((v) => ({
    createdOn: v.createdOn,
    goals: v.goals.filter(filled).map((g) => ({
      goal: g.goal!,
      intervention: g.intervention!,
      targetDate: g.targetDate!,
      status: g.status ?? ("open" as const),
    })),
  }))));
export type PlanInput = z.output<typeof planSchema>;

export const planReviewSchema = z.pipe(z.transform(withRows("goals")), z.object({
    planId: idField(),
    reviewedOn: calendarDate(),
    notes: requiredText(4000),
    /** The status of each goal after the review, in the plan's order. */
    goals: z.array(z.object({ status: z.optional(z.enum(PLAN_GOAL_STATUSES)) })).check(z.maxLength(20)),
  }));
export type PlanReviewInput = z.output<typeof planReviewSchema>;

// --- psychosocial session ---------------------------------------------------

const stayIdList = z.pipe(z.transform((v) => (v === undefined || v === null || v === false || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "" && x !== false) : [v])), z.array(idField()).check(z.maxLength(60)));

export const sessionSchema = z.pipe(z.object({
  serviceCode: z.enum(PSYCHOSOCIAL_SERVICE_CODES),
  mode: z.enum(SESSION_MODES),
  providerName: personName(),
  sessionAt: jakartaInstant(),
  durationMinutes: z.coerce.number().check(z.int(), z.gte(5), z.lte(480)),
  summary: requiredText(2000),
  followUp: optionalText(2000),
  /** Confidential: only psychosocial staff of the panti and dinsos_admin read it. */
  note: optionalText(4000),
  stayIds: stayIdList,
}).check(z.superRefine((v, ctx) => {
  const unique = new Set(v.stayIds);
  if (v.mode === "individual" && unique.size !== 1) {
    ctx.addIssue({ code: "custom", path: ["stayIds"], message: "psychosocial.error.individualOne" });
  }
  if (v.mode === "group" && unique.size < 2) {
    ctx.addIssue({ code: "custom", path: ["stayIds"], message: "psychosocial.error.groupTwo" });
  }
})), z.transform((v) => ({ ...v, stayIds: [...new Set(v.stayIds)] })));
export type SessionInput = z.output<typeof sessionSchema>;

// --- family tracing ---------------------------------------------------------

const phone = () => z.string().check(z.trim(), z.regex(/^\+?[0-9 -]{6,20}$/, "error.phone"));

export const familyContactSchema = z.object({
  name: personName(),
  relation: requiredText(60, 2),
  phone: z.optional(phone()),
  address: optionalText(300),
  notes: optionalText(1000),
});
export type FamilyContactInput = z.output<typeof familyContactSchema>;

export const tracingAttemptSchema = z.object({
  attemptedAt: jakartaInstant(),
  channel: z.enum(TRACING_CHANNELS),
  result: z.enum(TRACING_RESULTS),
  contactId: z.optional(idField()),
  notes: optionalText(2000),
});
export type TracingAttemptInput = z.output<typeof tracingAttemptSchema>;

// --- identity documents -----------------------------------------------------

/** What a document's number looks like: NIK, KK and e-KTP carry the 16-digit NIK/KK; BPJS 13 digits. */
const NUMBER_FORMAT: Record<IdentityDocument, { pattern: RegExp; messageKey: string }> = {
  nik: { pattern: /^\d{16}$/, messageKey: "error.sixteen_digits" },
  kk: { pattern: /^\d{16}$/, messageKey: "error.sixteen_digits" },
  ektp: { pattern: /^\d{16}$/, messageKey: "error.sixteen_digits" },
  bpjs: { pattern: /^\d{13}$/, messageKey: "caseFile.identity.error.bpjsNumber" },
};

export const identityStepSchema = z.pipe(z.object({
  document: z.enum(IDENTITY_DOCUMENTS),
  status: z.enum(IDENTITY_STEP_STATUSES),
  stepOn: calendarDate(),
  number: z.optional(z.pipe(z.string().check(z.trim()), z.transform((v) => v.replace(/[\s.-]/g, "")))),
  /** The person's name, needed when an issued NIK identifies a person recorded as unidentified. */
  name: z.optional(personName()),
  notes: optionalText(1000),
}).check(z.superRefine((v, ctx) => {
  const format = NUMBER_FORMAT[v.document];
  if (v.number) {
    if (!format.pattern.test(v.number)) ctx.addIssue({ code: "custom", path: ["number"], message: format.messageKey });
  } else if (v.status === "issued" && (v.document === "nik" || v.document === "kk")) {
    ctx.addIssue({ code: "custom", path: ["number"], message: "caseFile.identity.error.numberRequired" });
  }
})), z.transform((v) => ({ ...v, number: v.number || undefined })));
export type IdentityStepInput = z.output<typeof identityStepSchema>;

// --- lists ------------------------------------------------------------------

/** The residents list's query string; anything unusable falls back to the default. */
export const residentFiltersSchema = z.object({
  q: z.catch(z.optional(z.string().check(z.trim(), z.maxLength(100))), undefined),
  stage: z.catch(z.optional(z.enum(WORKING_STAGES)), undefined),
  status: z.catch(z._default(z.enum(["open", "exited"]), "open"), "open"),
  page: z.catch(z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(10_000)), 1), 1),
});
export type ResidentFilters = z.output<typeof residentFiltersSchema>;

/** The sessions list's query string. */
export const sessionFiltersSchema = z.object({
  service: z.catch(z.optional(z.enum(PSYCHOSOCIAL_SERVICE_CODES)), undefined),
  page: z.catch(z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(10_000)), 1), 1),
});
