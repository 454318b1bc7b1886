/**
 * Dinsos review: every figure aggregated in SQL over indexed columns, in the actor's scope.
 * Day and month buckets are on the Jakarta calendar.
 *
 * The panels and the quarterly report are aggregate, non-personal read models: they take the
 * plain panti filter of `ReportFilter` (built by `resolveFilter` from the reader's `Scope`, so a
 * panti admin's figures are always their own panti's). `stayList` lists persons and so takes the
 * actor and puts the scope in its own `where` clause as well.
 */
import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  classes,
  enrolments,
  exitOutcomes,
  jakartaDayNumber,
  jakartaMonthText,
  panti,
  persons,
  placements,
  ppksCategories,
  programmes,
  stays,
  wholeDaysBetween,
} from "#db/schema";
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
import { boundedCount, pageFigures, pageOfIds } from "./paging.server";

const DAY_MS = 86_400_000;

/** A Jakarta day number (`jakartaDayNumber`) as YYYY-MM-DD. */
const dayDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** The number of a Jakarta calendar day (YYYY-MM-DD), the same as `jakartaDayNumber` gives. */
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
/** The Jakarta calendar month (YYYY-MM) of an instant column. */
const jakartaMonth = jakartaMonthText;

/**
 * Instants of one Jakarta day range [from, to] on the calendar buckets of `jakartaDayNumber`: the
 * same rows as `col >= start and col < end` of `periodInstants`, read from the day index. The
 * day numbers are written into the SQL so that the index's expression matches.
 */
function inDays(col: AnySQLiteColumn, period: Period): SQL {
  const day = jakartaDayNumber(col);
  return sql`${day} >= ${sql.raw(String(dayNumber(period.from)))} and ${day} <= ${sql.raw(String(dayNumber(period.to)))}`;
}

/**
 * A period of more than three years holds most of the history: a walk of a whole index (in the
 * order a panel groups by) then costs less than finding the period's rows and sorting them. Both
 * ways count the same rows; only the cost differs.
 */
const isLongPeriod = (period: Period) => dayNumber(period.to) - dayNumber(period.from) > 3 * 366;

/** Conditions on the panti table for the kota / type / panti filters. */
function pantiConditions(filter: Pick<ReportFilter, "kota" | "type" | "pantiId">): SQL[] {
  const out: SQL[] = [];
  if (filter.pantiId != null) out.push(eq(panti.id, filter.pantiId));
  if (filter.type) out.push(eq(panti.type, filter.type));
  if (filter.kota) out.push(eq(panti.kota, filter.kota));
  return out;
}

/**
 * The same filters on a table's own panti column, without joining the panti table: the review
 * scans then stay inside one index (the kota and type filters become a set of panti ids).
 */
function pantiColumnConditions(column: AnySQLiteColumn, filter: Pick<ReportFilter, "kota" | "type" | "pantiId">): SQL[] {
  const out: SQL[] = [];
  if (filter.pantiId != null) out.push(eq(column, filter.pantiId));
  const byPanti = pantiConditions({ type: filter.type, kota: filter.kota });
  if (byPanti.length > 0) out.push(inArray(column, db.select({ id: panti.id }).from(panti).where(and(...byPanti))));
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
 * the census at the start): one walk of each day index over the period, not a query per day.
 */
export function censusHistory(filter: ReportFilter): { day: string; census: number }[] {
  const { start } = periodInstants(filter);
  const inScope = pantiColumnConditions(stays.pantiId, filter);
  const countStays = (...where: SQL[]) => db.select({ n: count() }).from(stays).where(and(...where, ...inScope)).get()?.n ?? 0;
  // Open at the start: admitted before it and not gone before it. Over a long period few stays
  // are that old, so count those admitted before it less those also gone before it.
  const baseline = isLongPeriod(filter)
    ? countStays(lt(stays.admittedAt, start)) - countStays(lt(stays.admittedAt, start), lt(stays.exitedAt, start))
    : countStays(lt(stays.admittedAt, start), sql`(${stays.exitedAt} is null or ${stays.exitedAt} >= ${start.getTime()})`);
  const perDay = (col: typeof stays.admittedAt | typeof stays.exitedAt) =>
    db
      .select({ day: jakartaDayNumber(col), n: count() })
      .from(stays)
      .where(and(inDays(col, filter), ...inScope))
      .groupBy(jakartaDayNumber(col))
      .all();
  const first = dayNumber(filter.from);
  const delta = new Int32Array(dayNumber(filter.to) - first + 1);
  for (const a of perDay(stays.admittedAt)) delta[a.day - first]! += a.n;
  // Someone who leaves on a day is no longer counted at the end of that day.
  for (const e of perDay(stays.exitedAt)) delta[e.day - first]! -= e.n;
  const out: { day: string; census: number }[] = [];
  let census = baseline;
  for (let i = 0; i < delta.length; i++) {
    census += delta[i]!;
    out.push({ day: dayDate(first + i), census });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Intake (referrals reached), exits, length of stay, re-entry, waiting referrals
// ---------------------------------------------------------------------------

/**
 * Rows of a reference list (categories, outcomes) with the count of each in an index range, one
 * range per code: the counts come in the index's order instead of a sort of every row.
 */
function countPerCode(codes: AnySQLiteColumn, counted: AnySQLiteColumn, where: SQL | undefined) {
  const n = sql<number>`(select count(*) from ${counted.table} where ${counted} = ${codes} and ${where ?? sql`1 = 1`})`;
  return db
    .select({ code: sql<string>`${codes}`, n })
    .from(codes.table)
    .all()
    .filter((r) => r.n > 0)
    .sort((x, y) => y.n - x.n || (x.code < y.code ? -1 : 1));
}

/** Referrals by the month the person was found, per outreach unit and per PPKS category. */
export function intakePanel(filter: ReportFilter) {
  const { start, end } = periodInstants(filter);
  const window = and(gte(placements.foundAt, start), lt(placements.foundAt, end), ...pantiColumnConditions(placements.targetPantiId, filter));
  const month = jakartaMonth(placements.foundAt);
  const byUnit = db
    .select({ month, unit: placements.outreachUnit, n: count() })
    .from(placements)
    // The month bounds let the walk start and stop in the month index; the instants are exact.
    .where(and(sql`${month} >= ${filter.from.slice(0, 7)}`, sql`${month} <= ${filter.to.slice(0, 7)}`, window))
    .groupBy(month, placements.outreachUnit)
    .all();
  const byCategory = countPerCode(ppksCategories.code, placements.ppksCategory, window).map((r) => ({ category: r.code, n: r.n }));
  return { byUnit, byCategory, total: byCategory.reduce((a, r) => a + r.n, 0) };
}

export function exitsPanel(filter: ReportFilter) {
  const { start, end } = periodInstants(filter);
  const rows = countPerCode(
    exitOutcomes.code,
    stays.exitOutcome,
    and(gte(stays.exitedAt, start), lt(stays.exitedAt, end), ...pantiColumnConditions(stays.pantiId, filter)),
  ).map((r) => ({ outcome: r.code, n: r.n, positive: isPositiveOutcome(r.code) }));
  const total = rows.reduce((a, r) => a + r.n, 0);
  const positive = rows.filter((r) => r.positive).reduce((a, r) => a + r.n, 0);
  return { byOutcome: rows, total, positive, positivePct: percent(positive, total) };
}

/**
 * Length of stay of the stays that ended in the period, per panti type: the count per panti and
 * whole day stayed, from which the median and the distribution of each type follow. Over a long
 * period the whole length index is walked in its order and the period counted, not searched (a
 * range on the exit instant would sort every stay of the period); over a short one the exit
 * index finds the period's stays and they are sorted.
 */
export function lengthOfStayPanel(filter: ReportFilter) {
  const { start, end } = periodInstants(filter);
  const days = wholeDaysBetween(stays.admittedAt, stays.exitedAt);
  const inPeriod = and(gte(stays.exitedAt, start), lt(stays.exitedAt, end))!;
  const long = isLongPeriod(filter);
  const n = long ? sql<number>`sum(case when ${inPeriod} then 1 else 0 end)` : count();
  const typeOf = new Map(db.select({ id: panti.id, type: panti.type }).from(panti).all().map((p) => [p.id, p.type]));
  const rows = db
    .select({ pantiId: stays.pantiId, days, n })
    .from(stays)
    .where(and(long ? undefined : inPeriod, ...pantiColumnConditions(stays.pantiId, filter)))
    .groupBy(stays.pantiId, days)
    .having(long ? sql`${n} > 0` : undefined)
    .all();
  const byType = new Map<string, { days: number; n: number }[]>();
  for (const r of rows) {
    const type = typeOf.get(r.pantiId)!;
    const list = byType.get(type) ?? [];
    if (list.length === 0) byType.set(type, list);
    list.push({ days: r.days, n: r.n });
  }
  return [...byType.entries()]
    .map(([type, list]) => ({ type, ...losSummary(list) }))
    .sort((a, b) => b.n - a.n);
}

export function reentryPanel(filter: ReportFilter) {
  const { start, end } = periodInstants(filter);
  const admitted = and(gte(stays.admittedAt, start), lt(stays.admittedAt, end), ...pantiColumnConditions(stays.pantiId, filter));
  // Two index ranges: the period's admissions, and its re-entries (the re-entry index).
  const countStays = (where: SQL | undefined) => db.select({ n: count() }).from(stays).where(where).get()?.n ?? 0;
  const row = { admissions: countStays(admitted), reentries: countStays(and(eq(stays.reentry, true), admitted)) };
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
 * for re-entries — admitted in the period as a re-entry. Paginated, newest first: one page of ids
 * from the exit (or outcome, or admission) index read backwards, then those stays' rows.
 */
export function stayList(actor: Actor, filter: ReportFilter & { outcome?: string; reentry?: boolean; page?: number }) {
  const { start, end } = periodInstants(filter);
  const pageSize = 50;
  const page = Math.max(1, filter.page ?? 1);
  const scope = pantiWhere(scopeFor(actor, "report:read"), stays.pantiId);
  const where = filter.reentry
    ? and(scope, gte(stays.admittedAt, start), lt(stays.admittedAt, end), eq(stays.reentry, true), ...pantiColumnConditions(stays.pantiId, filter))
    : and(
        scope,
        gte(stays.exitedAt, start),
        lt(stays.exitedAt, end),
        filter.outcome ? eq(stays.exitOutcome, filter.outcome) : undefined,
        ...pantiColumnConditions(stays.pantiId, filter),
      );
  const order = [desc(filter.reentry ? stays.admittedAt : stays.exitedAt), desc(stays.id)];
  const { ids, hasNext } = pageOfIds(db.select({ id: stays.id }).from(stays).where(where).orderBy(...order), page, pageSize);
  const rows =
    ids.length === 0
      ? []
      : db
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
          .where(inArray(stays.id, ids))
          .orderBy(...order)
          .all();
  return {
    rows: rows.map(({ restricted, homePantiId, ...r }) => {
      // A restricted person is not named (nor where they went) in another panti's figures.
      const shown = shownIdentity(actor, { ...r, restricted, homePantiId });
      return { ...r, ...(shown.masked ? { name: null, destination: null } : {}), displayName: shown.displayName };
    }),
    ...pageFigures(page, pageSize, boundedCount(stays, where), hasNext),
  };
}
