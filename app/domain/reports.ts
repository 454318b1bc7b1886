/** Report periods, filters and the small statistics the dashboard needs (pure). */
import * as z from "zod/mini";
import { PANTI_TYPES } from "./enums";
import { isCalendarDate, jakartaDate } from "./time";
import { aggregatePantiFilter, type Scope } from "./permissions";
import { LOS_BUCKETS, WAIT_BUCKETS } from "./buckets";

const JAKARTA_OFFSET_MS = 7 * 3_600_000;

/** The instant a Jakarta calendar day starts. */
export function startOfJakartaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - JAKARTA_OFFSET_MS);
}

/** The day after, as YYYY-MM-DD. */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every day from `from` to `to` inclusive (YYYY-MM-DD). */
export function daysInRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = nextDay(d)) out.push(d);
  return out;
}

/** Every month (YYYY-MM) touched by the range. */
export function monthsInRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    if (key > end) break;
    out.push(key);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export interface Period {
  from: string;
  to: string;
}

/** A calendar quarter in Jakarta. */
export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): Period {
  const startMonth = (quarter - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return {
    from: `${year}-${String(startMonth).padStart(2, "0")}-01`,
    to: `${year}-${String(endMonth).padStart(2, "0")}-${String(lastDay).padStart(2, "0")}`,
  };
}

/** The half-open instant range [start of `from`, start of the day after `to`). */
export function periodInstants(period: Period): { start: Date; end: Date } {
  return { start: startOfJakartaDay(period.from), end: startOfJakartaDay(nextDay(period.to)) };
}

const date = () => z.string().check(z.refine(isCalendarDate));

/** Dashboard filters from the query string; bad values fall back to defaults (never an error page). */
export const reportFilterSchema = z.object({
  from: z.catch(z.optional(date()), undefined),
  to: z.catch(z.optional(date()), undefined),
  kota: z.catch(z.optional(z.string().check(z.trim(), z.maxLength(100))), undefined),
  type: z.catch(z.optional(z.enum(PANTI_TYPES)), undefined),
  panti: z.catch(z.optional(z.coerce.number().check(z.int(), z.positive())), undefined),
});
export type ReportFilterInput = z.output<typeof reportFilterSchema>;

export interface ReportFilter extends Period {
  kota?: string;
  type?: (typeof PANTI_TYPES)[number];
  /** A single panti (chosen, or forced by the user's scope). */
  pantiId?: number;
}

/**
 * Fills the default period (the last 12 months up to today) and orders the dates; a panti-scoped
 * reader's filter is forced to their own panti.
 */
export function resolveFilter(input: ReportFilterInput, now: Date, scope: Scope): ReportFilter {
  const scopePantiId = aggregatePantiFilter(scope, "report:read");
  const today = jakartaDate(now);
  let to = input.to && input.to <= today ? input.to : today;
  let from = input.from ?? addDays(to, -364);
  if (from > to) [from, to] = [to, from];
  // Keep the daily census readable and cheap: at most ten years.
  if (Date.parse(to) - Date.parse(from) > 3653 * 86_400_000) from = addDays(to, -3653);
  return {
    from,
    to,
    kota: input.kota || undefined,
    type: input.type,
    pantiId: scopePantiId ?? input.panti,
  };
}

export const quarterSchema = z.object({
  year: z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))), undefined),
  quarter: z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(4))), undefined),
});

/** The quarter asked for, or the latest one: the quarter holding today (in Jakarta), whose work is under way. */
export function resolveQuarter(input: z.output<typeof quarterSchema>, now: Date): { year: number; quarter: 1 | 2 | 3 | 4 } {
  if (input.year && input.quarter) return { year: input.year, quarter: input.quarter as 1 | 2 | 3 | 4 };
  return currentQuarter(now);
}

/** The quarter that holds today in Jakarta: the one the quarterly report opens on. */
export function currentQuarter(now: Date): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const today = jakartaDate(now);
  return { year: Number(today.slice(0, 4)), quarter: (Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// The buckets are in a module without zod: the dashboard's components use them in the browser.
export { LOS_BUCKETS, WAIT_BUCKETS };

export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** The list behind a dashboard bar: stays that ended (by outcome / panti type) or re-entries. */
export const stayListFilterSchema = z.extend(reportFilterSchema, {
  outcome: z.catch(z.optional(z.string().check(z.trim(), z.maxLength(40))), undefined),
  reentry: z.catch(z.optional(z.enum(["1"])), undefined),
  /** The report the list was opened from, for the way back (the dashboard when absent). */
  via: z.catch(z.optional(z.enum(["length-of-stay"])), undefined),
  page: z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000))), undefined),
});

/** Length-of-stay summary of one panti type from counts per whole day stayed. */
export function losSummary(days: readonly { days: number; n: number }[]) {
  const sorted = [...days].sort((a, b) => a.days - b.days);
  const total = sorted.reduce((a, r) => a + r.n, 0);
  const buckets: Record<string, number> = Object.fromEntries(LOS_BUCKETS.map((b) => [b.key, 0]));
  for (const r of sorted) {
    const bucket = LOS_BUCKETS.find((b) => r.days <= b.max)!;
    buckets[bucket.key]! += r.n;
  }
  // The median of the expanded list: the middle one (or the mean of the middle two).
  const at = (k: number) => {
    let seen = 0;
    for (const r of sorted) {
      seen += r.n;
      if (seen > k) return r.days;
    }
    return sorted[sorted.length - 1]?.days ?? 0;
  };
  const median = total === 0 ? null : total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
  return { n: total, median, ...buckets };
}

