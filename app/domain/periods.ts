/**
 * Report periods on the Jakarta calendar: the `?from=YYYY-MM-DD&to=YYYY-MM-DD` of the reports
 * page, its quick choices (a month, a quarter, a half-year, a year) and the name of a period
 * that is one of them (pure).
 */
import * as z from "zod/mini";
import { addDays, quarterPeriod, type Period } from "./reports";
import { isCalendarDate, jakartaDate } from "./time";

/** The longest period a report covers: ten years (its monthly table has a column per month). */
export const MAX_PERIOD_DAYS = 3653;

export const PERIOD_KINDS = ["month", "quarter", "half", "year"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A named calendar period: month 1–12, quarter 1–4, half 1–2, or the year itself (index 1). */
export interface NamedPeriod extends Period {
  kind: PeriodKind;
  year: number;
  index: number;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The months first–last of a year as a period. */
function monthsPeriod(year: number, first: number, last: number): Period {
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDayOf(year, last))}` };
}

/** The named period of a kind that holds the given calendar date. */
export function namedPeriodOf(kind: PeriodKind, date: string): NamedPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (kind) {
    case "month":
      return { kind, year, index: month, ...monthsPeriod(year, month, month) };
    case "quarter": {
      const quarter = Math.floor((month - 1) / 3) + 1;
      return { kind, year, index: quarter, ...quarterPeriod(year, quarter as 1 | 2 | 3 | 4) };
    }
    case "half": {
      const half = month <= 6 ? 1 : 2;
      return { kind, year, index: half, ...monthsPeriod(year, half === 1 ? 1 : 7, half === 1 ? 6 : 12) };
    }
    case "year":
      return { kind, year, index: 1, ...monthsPeriod(year, 1, 12) };
  }
}

export interface QuickChoice {
  /** "this" period (holding today) or the "last" one before it. */
  which: "this" | "last";
  period: NamedPeriod;
}

/** This and the last month, quarter, half-year and year, as seen on `now` in Jakarta. */
export function quickChoices(now: Date): QuickChoice[] {
  const today = jakartaDate(now);
  return PERIOD_KINDS.flatMap((kind) => {
    const current = namedPeriodOf(kind, today);
    return [
      { which: "this" as const, period: current },
      { which: "last" as const, period: namedPeriodOf(kind, addDays(current.from, -1)) },
    ];
  });
}

/** The named period a period is exactly (the 1st of a month to the last day of a month ...), or null. */
export function nameOfPeriod(period: Period): NamedPeriod | null {
  if (!isCalendarDate(period.from)) return null;
  for (const kind of PERIOD_KINDS) {
    const named = namedPeriodOf(kind, period.from);
    if (named.from === period.from && named.to === period.to) return named;
  }
  return null;
}

/** The query string of a period (for links and downloads). */
export function periodSearch(period: Period): string {
  return `?from=${period.from}&to=${period.to}`;
}

/** Whole days from the first to the last day of a period, both counted. */
export function periodDays(period: Period): number {
  return Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The part of a period that falls within a month (YYYY-MM): the range a month's cell stands for. */
export function monthWithin(period: Period, month: string): Period {
  const m = monthsPeriod(Number(month.slice(0, 4)), Number(month.slice(5, 7)), Number(month.slice(5, 7)));
  return { from: m.from > period.from ? m.from : period.from, to: m.to < period.to ? m.to : period.to };
}

const inRange = (d: string) => d >= "2000-01-01" && d <= "2100-12-31";
const validDate = (d: string | undefined) => d !== undefined && isCalendarDate(d) && inRange(d);
const calendarDate = () =>
  z.string().check(
    z.trim(),
    z.refine(isCalendarDate, "period.error.date"),
    z.refine((d) => !isCalendarDate(d) || inRange(d), "period.error.range"),
  );

/**
 * The period of the reports page. Both dates, or neither (the default period); a real calendar
 * date each; `from` not after `to`; at most ten years. Messages are keys.
 */
export const periodSchema = z.object({
  from: z.optional(calendarDate()),
  to: z.optional(calendarDate()),
}).check(z.superRefine((v, ctx) => {
  if ((v.from === undefined) !== (v.to === undefined)) {
    ctx.addIssue({ code: "custom", path: [v.from === undefined ? "from" : "to"], message: "period.error.both" });
    return;
  }
  // The order and the length are checked once both dates are real (each has its own message otherwise).
  if (!validDate(v.from) || !validDate(v.to) || v.from === undefined || v.to === undefined) return;
  if (v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "period.error.order" });
  else if (periodDays({ from: v.from, to: v.to }) > MAX_PERIOD_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "period.error.tooLong" });
}));

/** The period asked for, or — when none is — the quarter holding today. */
export function resolvePeriod(input: z.output<typeof periodSchema>, now: Date): Period {
  if (input.from && input.to) return { from: input.from, to: input.to };
  const quarter = namedPeriodOf("quarter", jakartaDate(now));
  return { from: quarter.from, to: quarter.to };
}

/** The query values of a period form (empty ones left out), for zod. */
export function periodInput(params: URLSearchParams): { from?: string; to?: string } {
  const value = (key: string) => {
    const v = params.get(key);
    return v === null || v.trim() === "" ? undefined : v;
  };
  return { from: value("from"), to: value("to") };
}
