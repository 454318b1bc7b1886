/**
 * The measures of docs/decisions/016-anchor-measures.md (pure): the report period, returns after a
 * positive exit (HUD system performance measure 2), length of stay by outcome and panti type, and
 * the data-quality checks. Every day count is on the Jakarta calendar.
 */
import * as z from "zod/mini";
import { PANTI_TYPES } from "./enums";
import { isPositiveOutcome } from "./exits";
import { EXIT_OUTCOME_CODES } from "./reference";
import { addDays, median, percent, type Period } from "./reports";
import { isCalendarDate, jakartaDate } from "./time";

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------
// Calendar days
// ---------------------------------------------------------------------------

/** The Jakarta calendar day (YYYY-MM-DD) of an instant. */
export function jakartaDayOf(at: Date | number): string {
  return jakartaDate(at instanceof Date ? at : new Date(at));
}

/** Calendar days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Calendar days between two instants, counted on the Jakarta calendar. */
export function jakartaDaysBetween(from: Date | number, to: Date | number): number {
  return calendarDaysBetween(jakartaDayOf(from), jakartaDayOf(to));
}

// ---------------------------------------------------------------------------
// The period of a measure page: ?from=YYYY-MM-DD&to=YYYY-MM-DD
// ---------------------------------------------------------------------------

/** The longest period a measure page takes (ten years). */
export const MAX_PERIOD_DAYS = 3653;

const optionalDay = z.pipe(z.optional(z.string().check(z.trim())), z.transform((v) => (v ? v : undefined))).check(
  z.refine((v) => v === undefined || isCalendarDate(v), { message: "measures.error.date" }),
);

export const measurePeriodSchema = z.object({ from: optionalDay, to: optionalDay }).check(z.superRefine((v, ctx) => {
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "measures.error.order" });
  else if (v.from && v.to && calendarDaysBetween(v.from, v.to) > MAX_PERIOD_DAYS) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "measures.error.span" });
  }
}));

export type PeriodError = "measures.error.date" | "measures.error.order" | "measures.error.span";

/**
 * The period asked for in the query string: the last twelve months up to today by default, or
 * an error (a message key) that the page shows instead of its figures.
 */
export function parseMeasurePeriod(
  params: Record<string, string>,
  now: Date,
): { ok: true; period: Period } | { ok: false; error: PeriodError; from: string; to: string } {
  const parsed = measurePeriodSchema.safeParse({ from: params.from, to: params.to });
  if (!parsed.success) {
    return { ok: false, error: (parsed.error.issues[0]?.message ?? "measures.error.date") as PeriodError, from: params.from ?? "", to: params.to ?? "" };
  }
  const today = jakartaDate(now);
  const to = parsed.data.to ?? (parsed.data.from && addDays(parsed.data.from, 364) < today ? addDays(parsed.data.from, 364) : today);
  const from = parsed.data.from ?? addDays(to, -364);
  if (from > to) return { ok: false, error: "measures.error.order", from, to };
  return { ok: true, period: { from, to } };
}

/** Quick choices of a measure page: the current and previous year, the last 12 and 24 months. */
export function quickPeriods(now: Date): { key: "last12" | "last24" | "thisYear" | "lastYear"; period: Period }[] {
  const today = jakartaDate(now);
  const year = Number(today.slice(0, 4));
  return [
    { key: "last12", period: { from: addDays(today, -364), to: today } },
    { key: "last24", period: { from: addDays(today, -729), to: today } },
    { key: "thisYear", period: { from: `${year}-01-01`, to: today } },
    { key: "lastYear", period: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` } },
  ];
}

// ---------------------------------------------------------------------------
// Percentiles and length of stay
// ---------------------------------------------------------------------------

/** The p-th percentile by nearest rank: the smallest value with at least p% of values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Days a stay lasted: Jakarta calendar days from the day of admission to the day of exit. */
export function stayLengthDays(admittedAt: Date | number, exitedAt: Date | number): number {
  return jakartaDaysBetween(admittedAt, exitedAt);
}

export interface LengthStats {
  n: number;
  median: number | null;
  /** To one decimal. */
  mean: number | null;
  p90: number | null;
}

export function lengthStats(days: readonly number[]): LengthStats {
  const n = days.length;
  const mean = n === 0 ? null : Math.round((days.reduce((a, d) => a + d, 0) / n) * 10) / 10;
  return { n, median: median(days), mean, p90: percentile(days, 90) };
}

/** Groups ended stays by a key (outcome, panti type) into length statistics, largest group first. */
export function lengthStatsBy<T extends { days: number }>(rows: readonly T[], key: (row: T) => string): ({ key: string } & LengthStats)[] {
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const k = key(r);
    const list = groups.get(k);
    if (list) list.push(r.days);
    else groups.set(k, [r.days]);
  }
  return [...groups.entries()].map(([k, days]) => ({ key: k, ...lengthStats(days) })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
}

// ---------------------------------------------------------------------------
// Returns after a positive exit (HUD SPM 2)
// ---------------------------------------------------------------------------

/** The return windows, in calendar days after the day of exit (HUD's 0–180, 181–365, 366–730). */
export const RETURN_WINDOWS = [
  { key: "m6", first: 0, last: 180 },
  { key: "m12", first: 181, last: 365 },
  { key: "m24", first: 366, last: 730 },
  { key: "total", first: 0, last: 730 },
] as const;
export type ReturnWindow = (typeof RETURN_WINDOWS)[number]["key"];
export const RETURN_WINDOW_KEYS = RETURN_WINDOWS.map((w) => w.key) as unknown as readonly [ReturnWindow, ...ReturnWindow[]];

/** One positive exit with the person's first return after it, if any. */
export interface ReturnRow {
  personId: number;
  stayId: number;
  pantiId: number;
  pantiType: string;
  outcome: string;
  exitedAt: Date | number;
  /** The first later stay's admission, and the first later referral by outreach (found at). */
  nextStayAt: Date | number | null;
  nextReferralAt: Date | number | null;
}

/** The first return after an exit: a new stay or a new referral, whichever came first. */
export function firstReturn(row: Pick<ReturnRow, "nextStayAt" | "nextReferralAt">): { at: number; kind: "stay" | "referral" } | null {
  const stay = row.nextStayAt == null ? null : Number(row.nextStayAt);
  const referral = row.nextReferralAt == null ? null : Number(row.nextReferralAt);
  if (stay == null && referral == null) return null;
  if (referral == null || (stay != null && stay <= referral)) return { at: stay!, kind: "stay" };
  return { at: referral, kind: "referral" };
}

/**
 * The cohort: each person's first exit to a positive outcome in the period (a person counts
 * once, as in SPM 2). Exits with other outcomes are left out.
 */
export function returnCohort<T extends Pick<ReturnRow, "personId" | "stayId" | "outcome" | "exitedAt">>(rows: readonly T[]): T[] {
  const sorted = rows.filter((r) => isPositiveOutcome(r.outcome)).sort((a, b) => Number(a.exitedAt) - Number(b.exitedAt) || a.stayId - b.stayId);
  const seen = new Set<number>();
  return sorted.filter((r) => (seen.has(r.personId) ? false : (seen.add(r.personId), true)));
}

/** Whether the whole of a window after the exit is in the past: its last day ended before today. */
export function windowComplete(exitDay: string, window: ReturnWindow, today: string): boolean {
  return calendarDaysBetween(exitDay, today) > windowOf(window).last;
}

const windowOf = (key: ReturnWindow) => RETURN_WINDOWS.find((x) => x.key === key)!;

/** Days from the exit to the first return (null when the person has not come back). */
export function returnDays(row: Pick<ReturnRow, "exitedAt" | "nextStayAt" | "nextReferralAt">): number | null {
  const first = firstReturn(row);
  return first ? jakartaDaysBetween(row.exitedAt, first.at) : null;
}

/** Calendar days from the exit to today, and to the first return. */
function returnTimes(row: Pick<ReturnRow, "exitedAt" | "nextStayAt" | "nextReferralAt">, today: string) {
  return { elapsed: calendarDaysBetween(jakartaDayOf(row.exitedAt), today), days: returnDays(row) };
}

function returnedIn(times: { elapsed: number; days: number | null }, window: ReturnWindow): boolean {
  const w = windowOf(window);
  return times.elapsed > w.last && times.days != null && times.days >= w.first && times.days <= w.last;
}

/** Whether the person returned inside the window (counted only when the window is complete). */
export function returnedInWindow(row: Pick<ReturnRow, "exitedAt" | "nextStayAt" | "nextReferralAt">, window: ReturnWindow, today: string): boolean {
  return returnedIn(returnTimes(row, today), window);
}

export interface WindowFigures {
  /** Exits whose window has fully elapsed: the denominator. */
  eligible: number;
  /** Exits whose window is not complete yet (left out of the figures). */
  pending: number;
  returned: number;
  pct: number | null;
}

export type ReturnFigures = { exits: number } & Record<ReturnWindow, WindowFigures>;

/** The figures of a group of cohort exits, per window. */
export function returnFigures(rows: readonly Pick<ReturnRow, "exitedAt" | "nextStayAt" | "nextReferralAt">[], today: string): ReturnFigures {
  const times = rows.map((r) => returnTimes(r, today));
  const out = { exits: rows.length } as ReturnFigures;
  for (const w of RETURN_WINDOWS) {
    const eligible = times.filter((x) => x.elapsed > w.last).length;
    const returned = times.filter((x) => returnedIn(x, w.key)).length;
    out[w.key] = { eligible, pending: rows.length - eligible, returned, pct: percent(returned, eligible) };
  }
  return out;
}

/** The list behind a returns figure: `show=exits` the cohort exits, else those who returned in `window`. */
export const returnsQuerySchema = z.object({
  window: z.catch(z.optional(z.enum(RETURN_WINDOW_KEYS)), undefined),
  show: z.catch(z.optional(z.enum(["exits", "eligible", "returned"])), undefined),
  outcome: z.catch(z.optional(z.enum(EXIT_OUTCOME_CODES)), undefined),
  type: z.catch(z.optional(z.enum(PANTI_TYPES)), undefined),
  page: z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000))), undefined),
});
export type ReturnsDrill = z.output<typeof returnsQuerySchema>;

/** Whether a cohort exit is one of the people behind the figure a drill-down names. */
export function inReturnsDrill(row: ReturnRow, drill: ReturnsDrill, today: string): boolean {
  if (drill.outcome && row.outcome !== drill.outcome) return false;
  if (drill.type && row.pantiType !== drill.type) return false;
  if (drill.show === "exits" || !drill.window) return true;
  if (drill.show === "eligible") return windowComplete(jakartaDayOf(row.exitedAt), drill.window, today);
  return returnedInWindow(row, drill.window, today);
}

// ---------------------------------------------------------------------------
// Data quality (HMIS data-quality reports)
// ---------------------------------------------------------------------------

/** Checks on today's residents (open stays). */
export const RESIDENT_CHECKS = ["missing_nik", "missing_birth_year", "missing_origin", "unidentified", "no_bed", "no_stage_change"] as const;
/** Checks on the records of the period (admissions and exits entered late). */
export const RECORD_CHECKS = ["late_admission", "late_exit"] as const;
export const DATA_QUALITY_CHECKS = [...RESIDENT_CHECKS, ...RECORD_CHECKS] as const;
export type DataQualityCheck = (typeof DATA_QUALITY_CHECKS)[number];
export type ResidentCheck = (typeof RESIDENT_CHECKS)[number];

/** Unidentified for more than this many days since admission is a data-quality issue. */
export const UNIDENTIFIED_DAYS = 30;
/** A record entered more than this many days after the day of its event is late. */
export const LATE_RECORD_DAYS = 7;
export const DEFAULT_STAGE_DAYS = 90;

export interface ResidentFacts {
  nik: string | null;
  birthYear: number | null;
  birthDate: string | null;
  estimatedBirthYear: number | null;
  originProvince: string | null;
  originCity: string | null;
  unidentified: boolean;
  admittedAt: Date | number;
  hasBed: boolean;
  /** The last change of rehabilitation stage (null: none since admission). */
  lastStageAt: Date | number | null;
}

const blank = (v: string | null) => v == null || v.trim() === "";

/** Days since the stay's stage last changed (since admission when it never did), on the calendar. */
export function daysSinceStageChange(r: Pick<ResidentFacts, "admittedAt" | "lastStageAt">, today: string): number {
  return calendarDaysBetween(jakartaDayOf(r.lastStageAt ?? r.admittedAt), today);
}

/** The resident checks a resident fails today; `stageDays` is N of "no stage change for N days". */
export function residentIssues(r: ResidentFacts, today: string, stageDays: number): ResidentCheck[] {
  const out: ResidentCheck[] = [];
  if (blank(r.nik)) out.push("missing_nik");
  if (r.birthYear == null && r.birthDate == null && r.estimatedBirthYear == null) out.push("missing_birth_year");
  if (blank(r.originProvince) || blank(r.originCity)) out.push("missing_origin");
  if (r.unidentified && calendarDaysBetween(jakartaDayOf(r.admittedAt), today) > UNIDENTIFIED_DAYS) out.push("unidentified");
  if (!r.hasBed) out.push("no_bed");
  if (daysSinceStageChange(r, today) >= stageDays) out.push("no_stage_change");
  return out;
}

/** Whether a record was entered more than LATE_RECORD_DAYS calendar days after its event. */
export function recordedLate(eventAt: Date | number, recordedAt: Date | number | null): boolean {
  return recordedAt != null && jakartaDaysBetween(eventAt, recordedAt) > LATE_RECORD_DAYS;
}

export const dataQualityQuerySchema = z.object({
  days: z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(3650))), undefined),
  check: z.catch(z.optional(z.enum(DATA_QUALITY_CHECKS)), undefined),
  panti: z.catch(z.optional(z.coerce.number().check(z.int(), z.positive())), undefined),
  page: z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000))), undefined),
});
export type DataQualityQuery = z.output<typeof dataQualityQuerySchema>;

/** What a measure page shows about its period: the period or the refusal, the typed values, quick choices. */
export function measurePeriodState(params: Record<string, string>, now: Date) {
  const parsed = parseMeasurePeriod(params, now);
  return {
    period: parsed.ok ? parsed.period : null,
    error: parsed.ok ? null : parsed.error,
    input: parsed.ok ? parsed.period : { from: parsed.from, to: parsed.to },
    quick: quickPeriods(now),
  };
}
