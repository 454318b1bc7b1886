/**
 * Rehabilitation programmes (bimbingan keterampilan): the catalogue of modules, classes
 * (angkatan), who may see and teach a class, attendance rates, module progress, completion and
 * certificate numbers. Pure: no I/O. The zod schemas are the forms' contracts.
 */
import * as z from "zod/mini";
import {
  ATTENDANCE_CODES,
  CLASS_STATUSES,
  OFF_ROLL_LETTER,
  PROGRESS_STATUSES,
  TRAINING_OUTCOMES,
  UNMARKED_LETTER,
  type AttendanceCode,
  type ProgressStatus,
} from "./enums";
import { idField, repeatedField, transformIssue } from "./fields";
import { grantFor, type Actor, type Permission, type Role } from "./permissions";
import { plainText } from "./text";
import { isCalendarDate, jakartaDate, toJakartaParts } from "./time";

export type ClassStatus = (typeof CLASS_STATUSES)[number];
export type TrainingOutcome = (typeof TRAINING_OUTCOMES)[number];

// ---------------------------------------------------------------------------------------------
// Attendance statuses (db/reference/attendance-statuses.csv) and rates
// ---------------------------------------------------------------------------------------------

/** The four statuses with their points and the letter the attendance grid shows. */
export const ATTENDANCE_STATUSES = [
  { code: "hadir", nameId: "Hadir", nameEn: "Present", points: 2, letter: "H" },
  { code: "terlambat", nameId: "Terlambat", nameEn: "Late", points: 1, letter: "T" },
  { code: "izin", nameId: "Izin", nameEn: "Excused", points: 1, letter: "I" },
  { code: "alpa", nameId: "Tidak hadir", nameEn: "Absent", points: 0, letter: "A" },
] as const satisfies readonly { code: AttendanceCode; nameId: string; nameEn: string; points: number; letter: string }[];

/** Points of a full attendance (hadir): the denominator of the rate is this × sessions held. */
export const MAX_SESSION_POINTS = 2;

/** Grid letters (in ./enums, so the class page's grid needs no zod). */
export { OFF_ROLL_LETTER, UNMARKED_LETTER };

const POINTS: Record<AttendanceCode, number> = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s.code, s.points])) as Record<
  AttendanceCode,
  number
>;
const LETTER: Record<AttendanceCode, string> = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s.code, s.letter])) as Record<
  AttendanceCode,
  string
>;

export function isAttendanceCode(value: unknown): value is AttendanceCode {
  return typeof value === "string" && (ATTENDANCE_CODES as readonly string[]).includes(value);
}

export function attendancePoints(code: AttendanceCode | null | undefined): number {
  return code ? POINTS[code] : 0;
}

export function attendanceLetter(code: AttendanceCode | null | undefined): string {
  return code ? LETTER[code] : UNMARKED_LETTER;
}

export interface AttendanceTally {
  /** Sessions held while the resident was enrolled. */
  held: number;
  /** Sessions among them with a mark (the others count as alpa). */
  marked: number;
  earned: number;
  /** MAX_SESSION_POINTS × held. */
  possible: number;
  /** earned / possible in percent, or null when no session was held yet. */
  rate: number | null;
}

/**
 * The attendance of one resident: one entry per session held since their enrolment (null for a
 * session without a mark, which counts as alpa). Rate = points earned / (2 × sessions held).
 */
export function attendanceTally(marks: readonly (AttendanceCode | null)[]): AttendanceTally {
  let earned = 0;
  let marked = 0;
  for (const mark of marks) {
    if (mark) marked += 1;
    earned += attendancePoints(mark);
  }
  const held = marks.length;
  const possible = held * MAX_SESSION_POINTS;
  return { held, marked, earned, possible, rate: held === 0 ? null : (earned / possible) * 100 };
}

/** Whether the rate reaches the threshold (percent), computed exactly (no rounding surprises). */
export function meetsAttendanceThreshold(tally: AttendanceTally, threshold: number): boolean {
  return tally.held > 0 && tally.earned * 100 >= threshold * tally.possible;
}

/** The rate for display: one decimal, as a number. */
export function roundedRate(rate: number | null): number | null {
  return rate == null ? null : Math.round(rate * 10) / 10;
}

/** The Jakarta calendar days an enrolment covers: from the enrolment to its end (open when active). */
export function enrolmentWindow(enrolment: { enrolledAt: Date; endedAt: Date | null }): { from: string; to: string | null } {
  return { from: jakartaDate(enrolment.enrolledAt), to: enrolment.endedAt ? jakartaDate(enrolment.endedAt) : null };
}

/** Whether a session date falls inside an enrolment's window (the resident was on the roll). */
export function onRoll(window: { from: string; to: string | null }, date: string): boolean {
  return date >= window.from && (window.to == null || date <= window.to);
}

/**
 * One resident's row of the attendance grid: a letter per session of the class (sessions in date
 * order), OFF_ROLL_LETTER where they were not enrolled, and the tally of the sessions on roll.
 */
export function attendanceRow(
  sessions: readonly { id: number; date: string }[],
  marks: ReadonlyMap<number, AttendanceCode>,
  window: { from: string; to: string | null },
): { letters: string; tally: AttendanceTally } {
  let letters = "";
  const onRollMarks: (AttendanceCode | null)[] = [];
  for (const session of sessions) {
    if (!onRoll(window, session.date)) {
      letters += OFF_ROLL_LETTER;
      continue;
    }
    const mark = marks.get(session.id) ?? null;
    onRollMarks.push(mark);
    letters += attendanceLetter(mark);
  }
  return { letters, tally: attendanceTally(onRollMarks) };
}

// ---------------------------------------------------------------------------------------------
// Progress and completion
// ---------------------------------------------------------------------------------------------

export interface ProgressSummary {
  competent: number;
  total: number;
  /** 0..100 */
  percent: number;
}

/** Competent modules out of the programme's active modules (inactive ones no longer count). */
export function progressSummary(activeModuleIds: readonly number[], progress: ReadonlyMap<number, ProgressStatus>): ProgressSummary {
  const competent = activeModuleIds.filter((id) => progress.get(id) === "competent").length;
  const total = activeModuleIds.length;
  return { competent, total, percent: total === 0 ? 0 : Math.round((competent / total) * 100) };
}

export type CompletionProblem = "noModules" | "modulesIncomplete" | "noSessions" | "lowAttendance";

export interface CompletionCheck {
  eligible: boolean;
  problems: CompletionProblem[];
  progress: ProgressSummary;
  /** Active modules not yet competent. */
  missingModuleIds: number[];
  tally: AttendanceTally;
  threshold: number;
}

/**
 * The completion rule: every active module of the programme is competent, and the attendance
 * rate since enrolment reaches the class's threshold. A programme without active modules, or a
 * resident with no session held yet, cannot complete.
 */
export function completionCheck(input: {
  activeModuleIds: readonly number[];
  progress: ReadonlyMap<number, ProgressStatus>;
  tally: AttendanceTally;
  threshold: number;
}): CompletionCheck {
  const progress = progressSummary(input.activeModuleIds, input.progress);
  const missingModuleIds = input.activeModuleIds.filter((id) => input.progress.get(id) !== "competent");
  const problems: CompletionProblem[] = [];
  if (progress.total === 0) problems.push("noModules");
  else if (missingModuleIds.length > 0) problems.push("modulesIncomplete");
  if (input.tally.held === 0) problems.push("noSessions");
  else if (!meetsAttendanceThreshold(input.tally, input.threshold)) problems.push("lowAttendance");
  return { eligible: problems.length === 0, problems, progress, missingModuleIds, tally: input.tally, threshold: input.threshold };
}

/** Whether a resident's attendance deserves a warning: sessions held and the rate below the threshold. */
export function lowAttendance(tally: AttendanceTally, threshold: number): boolean {
  return tally.held > 0 && !meetsAttendanceThreshold(tally, threshold);
}

// ---------------------------------------------------------------------------------------------
// Certificates
// ---------------------------------------------------------------------------------------------

export function certificatePrefix(pantiCode: string, year: number): string {
  return `SERT/${pantiCode}/${year}/`;
}

/** SERT/<panti code>/<year>/<sequence, 4 digits>. */
export function certificateNumber(pantiCode: string, year: number, sequence: number): string {
  return `${certificatePrefix(pantiCode, year)}${String(sequence).padStart(4, "0")}`;
}

/** The next sequence number after the certificates already issued with this prefix. */
export function nextCertificateSequence(prefix: string, existing: readonly string[]): number {
  let max = 0;
  for (const number of existing) {
    if (!number.startsWith(prefix)) continue;
    const seq = Number(number.slice(prefix.length));
    if (Number.isInteger(seq) && seq > max) max = seq;
  }
  return max + 1;
}

/** The certificate's year: the completion's year in Jakarta. */
export function certificateYear(completedAt: Date): number {
  return toJakartaParts(completedAt).year;
}

// ---------------------------------------------------------------------------------------------
// Classes: scope, dates, schedule
// ---------------------------------------------------------------------------------------------

/** Roles whose "own" class scope is the classes they teach (checked against class_instructors). */
export const TEACHING_SCOPED_ROLES: readonly Role[] = ["instructor"];

export type ClassPermission = Extract<Permission, "class:read" | "class:teach" | "class:manage">;

/**
 * Whether the actor may use a class permission on a class: "forbidden" when the role lacks it
 * (403), "not_found" when the class is outside their scope (404: another panti, or a class an
 * instructor does not teach).
 */
export function classAccess(
  actor: Actor,
  permission: ClassPermission,
  cls: { pantiId: number; instructorIds: readonly number[] },
): "allowed" | "forbidden" | "not_found" {
  const grant = grantFor(actor.role, permission);
  if (grant === null) return "forbidden";
  if (grant === "any") return "allowed";
  if (actor.pantiId == null) return "forbidden";
  if (actor.pantiId !== cls.pantiId) return "not_found";
  if (TEACHING_SCOPED_ROLES.includes(actor.role) && !cls.instructorIds.includes(actor.id)) return "not_found";
  return "allowed";
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The schedule dates of a class between two dates (both included). */
export function scheduleDates(scheduleDays: readonly number[], from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (scheduleDays.includes(isoWeekday(d))) out.push(d);
  return out;
}

export type SessionDateCheck =
  | { ok: true; offSchedule: boolean }
  | { ok: false; messageKey: "attendance.error.outsideClass" | "attendance.error.future" };

/**
 * A session date must fall within the class's dates and not in the future. A date that is not one
 * of the schedule days is accepted with a warning: make-up sessions and holidays move meetings
 * (a class moved from Monday to Saturday after a public holiday is still that class).
 */
export function checkSessionDate(
  cls: { startDate: string; endDate: string; scheduleDays: readonly number[] },
  date: string,
  today: string,
): SessionDateCheck {
  if (date < cls.startDate || date > cls.endDate) return { ok: false, messageKey: "attendance.error.outsideClass" };
  if (date > today) return { ok: false, messageKey: "attendance.error.future" };
  return { ok: true, offSchedule: !cls.scheduleDays.includes(isoWeekday(date)) };
}

/** The default date of the attendance sheet: today when it is in the class's dates, else the nearest end. */
export function defaultSessionDate(cls: { startDate: string; endDate: string }, today: string): string {
  if (today < cls.startDate) return cls.startDate;
  if (today > cls.endDate) return cls.endDate;
  return today;
}

/**
 * What a class is now: finished once closed or past its end date, planned before its start date,
 * otherwise active.
 */
export function classPhase(cls: { status: ClassStatus; startDate: string; endDate: string }, today: string): ClassStatus {
  if (cls.status === "finished" || today > cls.endDate) return "finished";
  return today < cls.startDate ? "planned" : "active";
}

/** The status stored when a class is created. */
export function initialClassStatus(startDate: string, today: string): ClassStatus {
  return today < startDate ? "planned" : "active";
}

/** Seats taken: active and completed enrolments (those who left or withdrew free their seat). */
export function seatsTaken(statuses: readonly string[]): number {
  return statuses.filter((s) => s === "active" || s === "completed").length;
}

/**
 * Whether the class page lists every resident who can be enrolled, a checkbox each: when asked
 * (`?enrol`), when searched (`?q`), or while the class has no trainee, when enrolling is what
 * comes next. Otherwise the page says how many there are, with the search and a link to the list:
 * enrolling is rare next to following attendance, and the list is a panti's whole census.
 */
export function enrolListShown(view: { asked: boolean; searched: boolean; trainees: number }): boolean {
  return view.asked || view.searched || view.trainees === 0;
}

// ---------------------------------------------------------------------------------------------
// Form schemas
// ---------------------------------------------------------------------------------------------

const calendarDate = () => z.string().check(z.trim(), z.refine(isCalendarDate, "error.date"));

const timeOfDay = () => z.string().check(z.trim(), z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "error.format"));

const list = repeatedField;

const label = (max: number) => plainText(max).check(z.refine((v) => v.length >= 2, "programme.error.nameShort"));

export const MODULE_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

export const addModuleSchema = z.object({
  programmeCode: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  code: z.string().check(z.trim(), z.toLowerCase(), z.regex(MODULE_CODE_PATTERN, "programme.error.moduleCode")),
  nameId: label(120),
  nameEn: label(120),
});
export type AddModuleInput = z.output<typeof addModuleSchema>;

export const renameModuleSchema = z.object({ moduleId: idField(), nameId: label(120), nameEn: label(120) });
export type RenameModuleInput = z.output<typeof renameModuleSchema>;

export const moduleActiveSchema = z.object({
  moduleId: idField(),
  active: z.pipe(z.enum(["true", "false"]), z.transform((v) => v === "true")),
});

export const MAX_CLASS_CAPACITY = 500;

export const classSchema = z.object({
  /** Only Dinsos chooses the panti; a panti admin's class is at their own panti. */
  pantiId: z.optional(idField()),
  programmeCode: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  name: plainText(120).check(z.refine((v) => v.length >= 3, "class.error.name")),
  instructorIds: z.pipe(list(idField()), z.array(z.number()).check(z.minLength(1, "class.error.instructorRequired"))),
  scheduleDays: z.pipe(z.pipe(list(z.coerce.number().check(z.int(), z.gte(1), z.lte(7))), z.array(z.number()).check(z.minLength(1, "class.error.dayRequired"))), z.transform((days) => [...new Set(days)].sort((a, b) => a - b))),
  startTime: timeOfDay(),
  endTime: timeOfDay(),
  startDate: calendarDate(),
  endDate: calendarDate(),
  capacity: z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_CLASS_CAPACITY)),
  attendanceThreshold: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(100)), 75),
}).check(z.superRefine((v, ctx) => {
  if (v.endTime <= v.startTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: "class.error.endTime" });
  if (v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "class.error.endDate" });
}));
export type ClassInput = z.output<typeof classSchema>;

/** The forms that post only their intent: finishing a class, completing a trainee's enrolment. */
export const finishClassSchema = z.object({ intent: z.literal("finish") });
export const completeEnrolmentSchema = z.object({ intent: z.literal("complete") });

export const enrolSchema = z.object({
  stayIds: z.pipe(list(idField()), z.array(z.number()).check(z.minLength(1, "enrolment.error.chooseResident"))),
});

/** Enrolment of one resident from their case file: the class of the panti chosen. */
export const caseEnrolSchema = z.object({ classId: idField() });

/**
 * The attendance sheet: the session date and one `mark.<enrolmentId>` field per resident marked
 * (radio buttons: a resident left unmarked is simply not posted).
 */
export const attendanceSheetSchema = z.pipe(z.looseObject({ date: calendarDate() }), z.transform((raw, ctx) => {
  const marks: { enrolmentId: number; status: AttendanceCode }[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith("mark.")) continue;
    const enrolmentId = Number(key.slice("mark.".length));
    if (!Number.isInteger(enrolmentId) || enrolmentId <= 0 || !isAttendanceCode(value)) {
      transformIssue(ctx, "error.choose_option", [key]);
      continue;
    }
    marks.push({ enrolmentId, status: value });
  }
  return { date: raw.date, marks };
}));
export type AttendanceSheetInput = z.output<typeof attendanceSheetSchema>;

/**
 * The sheet of a session not held yet: the service refuses it without a single mark
 * (attendance.error.noMarks), which the server's schema cannot know before it looks the session
 * up. The page knows, and checks it in the browser with this schema.
 */
export const firstSessionSheetSchema = attendanceSheetSchema.check(z.refine((sheet) => sheet.marks.length > 0, {
  path: ["marks"],
  error: "attendance.error.noMarks",
}));

export const progressSchema = z.object({
  moduleId: idField(),
  status: z.enum(PROGRESS_STATUSES),
  score: z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(100))),
  note: z.optional(plainText(500)),
  assessedOn: calendarDate(),
}).check(z.superRefine((v, ctx) => {
  if (v.status === "competent" && v.score == null && !v.note) {
    ctx.addIssue({ code: "custom", path: ["score"], message: "progress.error.evidence" });
  }
}));
export type ProgressInput = z.output<typeof progressSchema>;

export const outcomeSchema = z.object({
  outcome: z.enum(TRAINING_OUTCOMES),
  outcomeNotes: z.optional(plainText(300)),
});
export type OutcomeInput = z.output<typeof outcomeSchema>;

export const withdrawSchema = z.object({
  reason: plainText(300).check(z.refine((v) => v.length >= 3, "enrolment.error.reason")),
});

export const classListFilterSchema = z.object({
  panti: z.catch(z.optional(z.coerce.number().check(z.int(), z.positive())), undefined),
  phase: z.catch(z.optional(z.enum(CLASS_STATUSES)), undefined),
});

export const sessionDateQuerySchema = z.object({ date: z.catch(z.optional(calendarDate()), undefined) });
