/**
 * Dinsos review: every figure aggregated in SQL over indexed columns, in the actor's scope.
 * Day and month buckets are on the Jakarta calendar.
 *
 * The panels and the quarterly report are aggregate, non-personal read models: they take the
 * plain panti filter of `ReportFilter` (built by `resolveFilter` from the reader's `Scope`, so a
 * panti admin's figures are always their own panti's). `stayList` lists persons and so takes the
 * actor and puts the scope in its own `where` clause as well.
 */
import { and, count, eq, gte, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import { classes, enrolments, panti, persons, placements, programmes, stays } from "#db/schema";
import { shownIdentity } from "~/domain/safeguarding";
import { totalOccupancy } from "~/domain/capacity";
import { isPositiveOutcome } from "~/domain/exits";
import { losSummary, monthsInRange, percent, periodInstants, quarterPeriod, WAIT_BUCKETS, type Period, type ReportFilter } from "~/domain/reports";
import { OUTREACH_UNITS } from "~/domain/reference";
import { scopeFor, type Actor } from "~/domain/permissions";
import { db } from "~/utils/db.server";
import { pantiWhere } from "./scope.server";
import { occupancyByPanti } from "./occupancy.server";
import { occupancyAt } from "./occupancy-history.server";
import { restrictionColumns } from "./restricted.server";

type Column = typeof stays.admittedAt | typeof stays.exitedAt | typeof placements.foundAt | typeof placements.createdAt;

const JAKARTA_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The Jakarta calendar day of an instant column. SQL groups by the day's number (integer
 * arithmetic, twice as fast as strftime on every row of a ten-year scan) and each group's number
 * becomes its YYYY-MM-DD in JavaScript.
 */
const jakartaDay = (col: Column) =>
  // The constants are written into the SQL: bound parameters would be REAL and divide as REAL.
  sql<number>`(${col} + ${sql.raw(String(JAKARTA_OFFSET_MS))}) / ${sql.raw(String(DAY_MS))}`.mapWith((day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10));
/** The Jakarta calendar month (YYYY-MM) of an instant column. */
const jakartaMonth = (col: Column) => sql<string>`strftime('%Y-%m', ${col} / 1000, 'unixepoch', '+7 hours')`;

/** Conditions on the panti table for the kota / type / panti filters. */
function pantiConditions(filter: Pick<ReportFilter, "kota" | "type" | "pantiId">): SQL[] {
  const out: SQL[] = [];
  if (filter.pantiId != null) out.push(eq(panti.id, filter.pantiId));
  if (filter.type) out.push(eq(panti.type, filter.type));
  if (filter.kota) out.push(eq(panti.kota, filter.kota));
  return out;
}

// ---------------------------------------------------------------------------
// Capacity and census
// ---------------------------------------------------------------------------

export function capacityPanel(filter: ReportFilter) {
  const rows = occupancyByPanti({ pantiId: filter.pantiId ?? null, type: filter.type, kota: filter.kota });
  const group = (key: (r: (typeof rows)[number]) => string) => {
    const groups = new Map<string, typeof rows>();
    for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    return [...groups.entries()]
      .map(([k, list]) => ({ key: k, ...totalOccupancy(list.map((r) => r.occupancy)) }))
      .sort((a, b) => b.census - a.census);
  };
  return {
    perPanti: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, type: r.type, kota: r.kota, ...r.occupancy })),
    perType: group((r) => r.type),
    perKota: group((r) => r.kota ?? "-"),
    overCapacity: rows
      .filter((r) => r.occupancy.overCapacity)
      .sort((a, b) => (b.occupancy.occupancyPct ?? 0) - (a.occupancy.occupancyPct ?? 0))
      .map((r) => ({ id: r.id, name: r.name, ...r.occupancy })),
    total: totalOccupancy(rows.map((r) => r.occupancy)),
  };
}

/**
 * The census on each day of the period, derived from stays (admissions +1, exits −1 on top of
 * the census at the start): one scan of the stays in range, not a query per day.
 */
export function censusHistory(filter: ReportFilter): { day: string; census: number }[] {
  const { start, end } = periodInstants(filter);
  const where = pantiConditions(filter);
  const baseline =
    db
      .select({ n: count() })
      .from(stays)
      .innerJoin(panti, eq(panti.id, stays.pantiId))
      .where(and(lt(stays.admittedAt, start), sql`(${stays.exitedAt} is null or ${stays.exitedAt} >= ${start.getTime()})`, ...where))
      .get()?.n ?? 0;
  const admissions = db
    .select({ day: jakartaDay(stays.admittedAt), n: count() })
    .from(stays)
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .where(and(gte(stays.admittedAt, start), lt(stays.admittedAt, end), ...where))
    .groupBy(sql`1`)
    .all();
  const exits = db
    .select({ day: jakartaDay(stays.exitedAt), n: count() })
    .from(stays)
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .where(and(gte(stays.exitedAt, start), lt(stays.exitedAt, end), ...where))
    .groupBy(sql`1`)
    .all();
  const delta = new Map<string, number>();
  for (const a of admissions) delta.set(a.day, (delta.get(a.day) ?? 0) + a.n);
  // Someone who leaves on a day is no longer counted at the end of that day.
  for (const e of exits) delta.set(e.day, (delta.get(e.day) ?? 0) - e.n);
  const out: { day: string; census: number }[] = [];
  let census = baseline;
  for (let d = filter.from; d <= filter.to; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
    census += delta.get(d) ?? 0;
    out.push({ day: d, census });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Intake (referrals reached), exits, length of stay, re-entry, waiting referrals
// ---------------------------------------------------------------------------

/** Referrals by the month the person was found, per outreach unit and per PPKS category. */
export function intakePanel(filter: ReportFilter) {
  const { start, end } = periodInstants(filter);
  const where = and(gte(placements.foundAt, start), lt(placements.foundAt, end), ...pantiConditions(filter));
  const byUnit = db
    .select({ month: jakartaMonth(placements.foundAt), unit: placements.outreachUnit, n: count() })
    .from(placements)
    .innerJoin(panti, eq(panti.id, placements.targetPantiId))
    .where(where)
    .groupBy(sql`1`, placements.outreachUnit)
    .all();
  const byCategory = db
    .select({ category: placements.ppksCategory, n: count() })
    .from(placements)
    .innerJoin(panti, eq(panti.id, placements.targetPantiId))
    .where(where)
    .groupBy(placements.ppksCategory)
    .orderBy(sql`2 desc`)
    .all();
  return { byUnit, byCategory, total: byCategory.reduce((a, r) => a + r.n, 0) };
}

export function exitsPanel(filter: ReportFilter) {
  const { start, end } = periodInstants(filter);
  const rows = db
    .select({ outcome: stays.exitOutcome, n: count() })
    .from(stays)
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .where(and(gte(stays.exitedAt, start), lt(stays.exitedAt, end), isNotNull(stays.exitOutcome), ...pantiConditions(filter)))
    .groupBy(stays.exitOutcome)
    .orderBy(sql`2 desc`)
    .all()
    .map((r) => ({ outcome: r.outcome!, n: r.n, positive: isPositiveOutcome(r.outcome!) }));
  const total = rows.reduce((a, r) => a + r.n, 0);
  const positive = rows.filter((r) => r.positive).reduce((a, r) => a + r.n, 0);
  return { byOutcome: rows, total, positive, positivePct: percent(positive, total) };
}

/**
 * Length of stay of the stays that ended in the period, per panti type: one grouped scan gives
 * the count per whole day stayed, from which the median and the distribution follow.
 */
export function lengthOfStayPanel(filter: ReportFilter) {
  const { start, end } = periodInstants(filter);
  const days = sql<number>`cast((${stays.exitedAt} - ${stays.admittedAt}) / 86400000 as integer)`;
  const rows = db
    .select({ type: panti.type, days, n: count() })
    .from(stays)
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .where(and(gte(stays.exitedAt, start), lt(stays.exitedAt, end), ...pantiConditions(filter)))
    .groupBy(panti.type, sql`2`)
    .all();
  const byType = new Map<string, { days: number; n: number }[]>();
  for (const r of rows) byType.set(r.type, [...(byType.get(r.type) ?? []), { days: r.days, n: r.n }]);
  return [...byType.entries()]
    .map(([type, list]) => ({ type, ...losSummary(list) }))
    .sort((a, b) => b.n - a.n);
}

export function reentryPanel(filter: ReportFilter) {
  const { start, end } = periodInstants(filter);
  const row = db
    .select({ admissions: count(), reentries: sql<number>`coalesce(sum(case when ${stays.reentry} then 1 else 0 end), 0)` })
    .from(stays)
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .where(and(gte(stays.admittedAt, start), lt(stays.admittedAt, end), ...pantiConditions(filter)))
    .get() ?? { admissions: 0, reentries: 0 };
  return { ...row, ratePct: percent(row.reentries, row.admissions) };
}

/** Referrals waiting now, by how long they have waited and by panti (not limited to the period). */
export function waitingPanel(filter: ReportFilter, now = new Date()) {
  const ageHours = sql<number>`((${now.getTime()} - ${placements.createdAt}) / 3600000.0)`;
  const where = and(eq(placements.status, "pending"), ...pantiConditions(filter));
  const byAge = WAIT_BUCKETS.map((b, i) => {
    const lower = i === 0 ? 0 : WAIT_BUCKETS[i - 1]!.max;
    return { key: b.key, lower, upper: b.max };
  });
  const row = db
    .select(
      Object.fromEntries(
        byAge.map((b) => [
          b.key,
          sql<number>`coalesce(sum(case when ${ageHours} >= ${b.lower} ${b.upper === Infinity ? sql`` : sql`and ${ageHours} < ${b.upper}`} then 1 else 0 end), 0)`,
        ]),
      ) as Record<string, SQL<number>>,
    )
    .from(placements)
    .innerJoin(panti, eq(panti.id, placements.targetPantiId))
    .where(where)
    .get() as Record<string, number> | undefined;
  const byPanti = db
    .select({ pantiId: panti.id, name: panti.name, n: count(), oldest: sql<number>`min(${placements.createdAt})` })
    .from(placements)
    .innerJoin(panti, eq(panti.id, placements.targetPantiId))
    .where(where)
    .groupBy(panti.id)
    .orderBy(sql`3 desc`)
    .all()
    .map((r) => ({ ...r, oldestDays: Math.floor((now.getTime() - Number(r.oldest)) / 86_400_000) }));
  return { byAge: byAge.map((b) => ({ key: b.key, n: Number(row?.[b.key] ?? 0) })), byPanti, total: byPanti.reduce((a, r) => a + r.n, 0) };
}

/** Programme enrolment and completion in the period (appears once classes exist). */
export function programmesPanel(filter: ReportFilter) {
  const { start, end } = periodInstants(filter);
  return db
    .select({
      programme: programmes.code,
      nameId: programmes.nameId,
      nameEn: programmes.nameEn,
      enrolled: sql<number>`sum(case when ${enrolments.enrolledAt} >= ${start.getTime()} and ${enrolments.enrolledAt} < ${end.getTime()} then 1 else 0 end)`,
      completed: sql<number>`sum(case when ${enrolments.status} = 'completed' and ${enrolments.endedAt} >= ${start.getTime()} and ${enrolments.endedAt} < ${end.getTime()} then 1 else 0 end)`,
      left: sql<number>`sum(case when ${enrolments.status} = 'left_before_completion' and ${enrolments.endedAt} >= ${start.getTime()} and ${enrolments.endedAt} < ${end.getTime()} then 1 else 0 end)`,
    })
    .from(enrolments)
    .innerJoin(classes, eq(classes.id, enrolments.classId))
    .innerJoin(programmes, eq(programmes.code, classes.programmeCode))
    .innerJoin(panti, eq(panti.id, classes.pantiId))
    .where(and(...pantiConditions(filter)))
    .groupBy(programmes.code)
    .all()
    .filter((r) => r.enrolled > 0 || r.completed > 0 || r.left > 0);
}

// ---------------------------------------------------------------------------
// The report for any period (and the quarterly one), in the shape Dinsos publishes
// ---------------------------------------------------------------------------

/**
 * People reached: first referrals only (a redirect or a transfer is the same person again).
 * Shared with the list behind the report's figures, so the list holds exactly the people counted.
 */
export const reachedReferral = sql`${placements.previousPlacementId} is null and ${placements.source} <> 'transfer'`;

const unitOrder = (unit: string) => {
  const i = OUTREACH_UNITS.findIndex((u) => u.code === unit);
  return i < 0 ? OUTREACH_UNITS.length : i;
};

/**
 * Aggregate counts only (no person): `scope.pantiId` is a plain filter, absent for every panti.
 * Referrals count by the Jakarta day the person was found, exits by the Jakarta day they left;
 * capacity and census are those at the end of the period (or now, for a period not yet over).
 */
export function periodReport(period: Period, scope: { pantiId?: number } = {}, now = new Date()) {
  const { start, end } = periodInstants(period);
  const scoped = scope.pantiId != null ? [eq(placements.targetPantiId, scope.pantiId)] : [];
  const window = and(gte(placements.foundAt, start), lt(placements.foundAt, end), ...scoped);
  // Counted as sums over the found-at range rather than filtered in `where`: the planner then
  // reads the period's range of the found-at index instead of every referral of one status.
  const reachedCount = sql<number>`sum(case when ${reachedReferral} then 1 else 0 end)`.mapWith(Number);
  const byUnitMonth = db
    .select({ unit: placements.outreachUnit, month: jakartaMonth(placements.foundAt), n: reachedCount })
    .from(placements)
    .where(window)
    .groupBy(placements.outreachUnit, sql`2`)
    .having(sql`sum(case when ${reachedReferral} then 1 else 0 end) > 0`)
    .all();
  const byCategory = db
    .select({ category: placements.ppksCategory, n: reachedCount })
    .from(placements)
    .where(window)
    .groupBy(placements.ppksCategory)
    .having(sql`sum(case when ${reachedReferral} then 1 else 0 end) > 0`)
    .orderBy(sql`2 desc`, placements.ppksCategory)
    .all();
  const accepted = sql`${placements.status} = 'accepted'`;
  const placedByPanti = db
    .select({ pantiId: panti.id, name: panti.name, n: sql<number>`sum(case when ${accepted} then 1 else 0 end)`.mapWith(Number) })
    .from(placements)
    .innerJoin(panti, eq(panti.id, placements.targetPantiId))
    .where(window)
    .groupBy(panti.id)
    .having(sql`sum(case when ${accepted} then 1 else 0 end) > 0`)
    .orderBy(sql`3 desc`, panti.name)
    .all();
  const exitWindow = and(gte(stays.exitedAt, start), lt(stays.exitedAt, end), ...(scope.pantiId != null ? [eq(stays.pantiId, scope.pantiId)] : []));
  const exitsByOutcome = db
    .select({ outcome: stays.exitOutcome, month: jakartaMonth(stays.exitedAt), n: count() })
    .from(stays)
    .where(exitWindow)
    .groupBy(stays.exitOutcome, sql`2`)
    .all();
  // Where they went home to: the province of the repatriation, or else the person's province of origin.
  const repatriatedByProvince = db
    .select({ province: sql<string | null>`coalesce(json_extract(${stays.exitDetails}, '$.province'), ${persons.originProvince})`, n: count() })
    .from(stays)
    .innerJoin(persons, eq(persons.id, stays.personId))
    // `|| ''` keeps the planner on the exit-date range (the outcome index would read every year's repatriations).
    .where(and(exitWindow, sql`${stays.exitOutcome} || '' = 'repatriated_home_region'`))
    .groupBy(sql`1`)
    .orderBy(sql`2 desc`, sql`1`)
    .all();
  const months = monthsInRange(period.from, period.to);
  const outcomeByMonth = (code: string) =>
    months.map((m) => ({ month: m, n: exitsByOutcome.filter((r) => r.outcome === code && r.month === m).reduce((a, r) => a + r.n, 0) }));
  const sum = (rows: { n: number }[]) => rows.reduce((a, r) => a + r.n, 0);
  const units = [...new Set(byUnitMonth.map((r) => r.unit ?? "-"))].sort((a, b) => unitOrder(a) - unitOrder(b) || a.localeCompare(b));
  const returnedFamilyByMonth = outcomeByMonth("returned_family");
  const repatriatedByMonth = outcomeByMonth("repatriated_home_region");
  return {
    period,
    months,
    byUnitMonth,
    byUnit: units.map((u) => ({ unit: u, n: sum(byUnitMonth.filter((r) => (r.unit ?? "-") === u)) })),
    byMonth: months.map((m) => ({ month: m, n: sum(byUnitMonth.filter((r) => r.month === m)) })),
    total: sum(byUnitMonth),
    byCategory,
    placedByPanti,
    placedTotal: sum(placedByPanti),
    returnedFamily: sum(returnedFamilyByMonth),
    returnedFamilyByMonth,
    repatriated: sum(repatriatedByMonth),
    repatriatedByMonth,
    repatriatedByProvince,
    exitsByOutcome,
    /** At the end of the period; `current` when it has not ended yet (the figures are today's). */
    capacity: { ...occupancyAt(end.getTime() < now.getTime() ? end : now, scope), current: end.getTime() >= now.getTime() },
  };
}
export type PeriodReport = ReturnType<typeof periodReport>;

/** The quarterly report: the period report of a calendar quarter. */
export function quarterlyReport(year: number, quarter: 1 | 2 | 3 | 4, scope: { pantiId?: number } = {}, now = new Date()) {
  return { ...periodReport(quarterPeriod(year, quarter), scope, now), year, quarter };
}
export type QuarterlyReport = ReturnType<typeof quarterlyReport>;


/**
 * The stays behind a dashboard figure: ended in the period (optionally with one outcome), or —
 * for re-entries — admitted in the period as a re-entry. Paginated, newest first.
 */
export function stayList(actor: Actor, filter: ReportFilter & { outcome?: string; reentry?: boolean; page?: number }) {
  const { start, end } = periodInstants(filter);
  const pageSize = 50;
  const page = Math.max(1, filter.page ?? 1);
  const scope = pantiWhere(scopeFor(actor, "report:read"), stays.pantiId);
  const where = filter.reentry
    ? and(scope, gte(stays.admittedAt, start), lt(stays.admittedAt, end), eq(stays.reentry, true), ...pantiConditions(filter))
    : and(
        scope,
        gte(stays.exitedAt, start),
        lt(stays.exitedAt, end),
        filter.outcome ? eq(stays.exitOutcome, filter.outcome) : undefined,
        ...pantiConditions(filter),
      );
  const rows = db
    .select({
      stayId: stays.id,
      pantiId: panti.id,
      pantiName: panti.name,
      type: panti.type,
      admittedAt: stays.admittedAt,
      exitedAt: stays.exitedAt,
      outcome: stays.exitOutcome,
      destination: stays.exitDestination,
      reentry: stays.reentry,
      name: persons.name,
      unidentified: persons.unidentified,
      sex: persons.sex,
      ...restrictionColumns(),
    })
    .from(stays)
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .innerJoin(persons, eq(persons.id, stays.personId))
    .where(where)
    .orderBy(sql`${filter.reentry ? stays.admittedAt : stays.exitedAt} desc`, stays.id)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total = db.select({ n: count() }).from(stays).innerJoin(panti, eq(panti.id, stays.pantiId)).where(where).get()?.n ?? 0;
  return {
    rows: rows.map(({ restricted, homePantiId, ...r }) => {
      // A restricted person is not named (nor where they went) in another panti's figures.
      const shown = shownIdentity(actor, { ...r, restricted, homePantiId });
      return { ...r, ...(shown.masked ? { name: null, destination: null } : {}), displayName: shown.displayName };
    }),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}
