/**
 * The measures of docs/decisions/016-anchor-measures.md: returns after a positive exit, length of
 * stay by outcome and panti type, and data quality per panti. Each reads the rows behind its
 * figures once, in the actor's scope (`report:read`), and the rules of app/domain/measures.ts
 * both count them and pick the people of a drill-down, so a list holds exactly the people counted.
 */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { bedAssignments, panti, persons, placements, stageHistory, stays } from "#db/schema";
import { EXIT_OUTCOMES } from "~/domain/reference";
import {
  DEFAULT_STAGE_DAYS,
  RESIDENT_CHECKS,
  calendarDaysBetween,
  firstReturn,
  inReturnsDrill,
  jakartaDayOf,
  lengthStats,
  lengthStatsBy,
  recordedLate,
  residentIssues,
  returnCohort,
  returnDays,
  returnFigures,
  stayLengthDays,
  type DataQualityCheck,
  type DataQualityQuery,
  type ResidentCheck,
  type ReturnRow,
  type ReturnsDrill,
} from "~/domain/measures";
import { canOnPanti, scopeFor, type Actor } from "~/domain/permissions";
import { displayName } from "~/domain/persons";
import { percent, periodInstants, type Period } from "~/domain/reports";
import { jakartaDate } from "~/domain/time";
import type { SelectedFields } from "drizzle-orm/sqlite-core";
import { db } from "~/utils/db.server";
import { pantiWhere } from "./scope.server";
import { maskRestricted } from "./restricted.server";

export const MEASURE_PAGE_SIZE = 50;

const POSITIVE_OUTCOMES = EXIT_OUTCOMES.filter((o) => o.positive === "yes").map((o) => o.code);

/**
 * One page of a list of people (pages past the end show the last one), each with whether the
 * reader may open their case file; `all` is the whole list, for a download.
 */
function peopleList<T extends { pantiId: number; personId: number; displayName: string }>(actor: Actor, people: T[], page = 1) {
  // A person who has left for another panti since is masked there when restricted.
  const all = maskRestricted(actor, people);
  const pageCount = Math.max(1, Math.ceil(all.length / MEASURE_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = all.slice((current - 1) * MEASURE_PAGE_SIZE, current * MEASURE_PAGE_SIZE).map((r) => ({ ...r, canOpen: canOnPanti(actor, "case:read", r.pantiId) }));
  return { all, list: { rows, total: all.length, page: current, pageCount } };
}

/** Stays with their panti and the person's name columns, for the rows of a list of people. */
function staysOfPeople<T extends SelectedFields>(columns: T) {
  return db
    .select({ ...columns, personId: stays.personId, name: persons.name, unidentified: persons.unidentified, sex: persons.sex })
    .from(stays)
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .innerJoin(persons, eq(persons.id, stays.personId));
}

const personName = (r: { name: string | null; unidentified: boolean; sex: "male" | "female" }) =>
  displayName({ name: r.name, unidentified: r.unidentified, sex: r.sex });

// ---------------------------------------------------------------------------
// Returns after a positive exit
// ---------------------------------------------------------------------------

/** Positive exits in the period, in scope, each with the person's next stay and next referral. */
function positiveExits(actor: Actor, period: Period) {
  const { start, end } = periodInstants(period);
  const later = sql.raw("later");
  return staysOfPeople({
    personId: stays.personId,
    stayId: stays.id,
    pantiId: stays.pantiId,
    pantiName: panti.name,
    pantiType: panti.type,
    outcome: sql<string>`${stays.exitOutcome}`,
    exitedAt: sql<number>`${stays.exitedAt}`,
    nextStayAt: sql<number | null>`(select min(${later}.admitted_at) from stays ${later} where ${later}.person_id = ${stays.personId} and ${later}.admitted_at > ${stays.exitedAt})`,
    // A referral of the same person by outreach (a transfer between panti is not a return).
    nextReferralAt: sql<number | null>`(select min(${placements.foundAt}) from ${placements} where ${placements.personId} = ${stays.personId} and ${placements.foundAt} > ${stays.exitedAt} and ${placements.source} <> 'transfer')`,
  })
    .where(and(pantiWhere(scopeFor(actor, "report:read"), stays.pantiId), gte(stays.exitedAt, start), lt(stays.exitedAt, end), inArray(stays.exitOutcome, POSITIVE_OUTCOMES)))
    .all();
}

type CohortRow = ReturnType<typeof positiveExits>[number] & ReturnRow;

/** Returns within 6, 12 and 24 months of each person's first positive exit in the period. */
export function returnsReport(actor: Actor, period: Period, now = new Date()) {
  const today = jakartaDate(now);
  const cohort: CohortRow[] = returnCohort(positiveExits(actor, period));
  const group = (key: (r: CohortRow) => string) => {
    const groups = new Map<string, CohortRow[]>();
    for (const r of cohort) {
      const list = groups.get(key(r));
      if (list) list.push(r);
      else groups.set(key(r), [r]);
    }
    return [...groups.entries()].map(([k, rows]) => ({ key: k, ...returnFigures(rows, today) })).sort((a, b) => b.exits - a.exits || a.key.localeCompare(b.key));
  };
  return { today, byOutcome: group((r) => r.outcome), byType: group((r) => r.pantiType), total: returnFigures(cohort, today) };
}

/** The people behind a returns figure, earliest exit first, one page. */
export function returnsPeople(actor: Actor, period: Period, drill: ReturnsDrill, now = new Date()) {
  const today = jakartaDate(now);
  const rows = returnCohort(positiveExits(actor, period))
    .filter((r) => inReturnsDrill(r, drill, today))
    .map((r) => {
      const first = firstReturn(r);
      return {
        personId: r.personId,
        stayId: r.stayId,
        pantiId: r.pantiId,
        pantiName: r.pantiName,
        pantiType: r.pantiType,
        outcome: r.outcome,
        exitedAt: new Date(r.exitedAt),
        returnedAt: first ? new Date(first.at) : null,
        returnKind: first?.kind ?? null,
        returnDays: returnDays(r),
        displayName: personName(r),
      };
    });
  return peopleList(actor, rows, drill.page);
}

// ---------------------------------------------------------------------------
// Length of stay by outcome and panti type
// ---------------------------------------------------------------------------

/** Stays that ended in the period: count, median, mean and p90 of days, by outcome and by panti type. */
export function lengthOfStayReport(actor: Actor, period: Period) {
  const { start, end } = periodInstants(period);
  const rows = db
    .select({ outcome: stays.exitOutcome, type: panti.type, admittedAt: stays.admittedAt, exitedAt: sql<number>`${stays.exitedAt}` })
    .from(stays)
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .where(and(pantiWhere(scopeFor(actor, "report:read"), stays.pantiId), gte(stays.exitedAt, start), lt(stays.exitedAt, end)))
    .all()
    .map((r) => ({ outcome: r.outcome ?? "", type: r.type, days: stayLengthDays(r.admittedAt, r.exitedAt) }));
  return {
    byOutcome: lengthStatsBy(rows, (r) => r.outcome),
    byType: lengthStatsBy(rows, (r) => r.type),
    total: lengthStats(rows.map((r) => r.days)),
  };
}

// ---------------------------------------------------------------------------
// Data quality per panti
// ---------------------------------------------------------------------------

/** Today's residents (open stays) in scope, with what the resident checks look at. */
function residentFacts(actor: Actor, pantiId?: number) {
  return staysOfPeople({
    stayId: stays.id,
    pantiId: stays.pantiId,
    pantiName: panti.name,
    admittedAt: stays.admittedAt,
    nik: persons.nik,
    birthYear: persons.birthYear,
    birthDate: persons.birthDate,
    estimatedBirthYear: persons.estimatedBirthYear,
    originProvince: persons.originProvince,
    originCity: persons.originCity,
    unidentified: persons.unidentified,
    hasBed: sql<number>`exists (select 1 from ${bedAssignments} where ${bedAssignments.stayId} = ${stays.id} and ${bedAssignments.toAt} is null)`.mapWith(Boolean),
    lastStageAt: sql<number | null>`(select max(${stageHistory.enteredAt}) from ${stageHistory} where ${stageHistory.stayId} = ${stays.id})`,
  })
    .where(and(pantiWhere(scopeFor(actor, "report:read"), stays.pantiId), isNull(stays.exitedAt), pantiId != null ? eq(stays.pantiId, pantiId) : undefined))
    .orderBy(asc(stays.admittedAt), asc(stays.id))
    .all();
}

/** Admissions and exits of the period in scope, with when each was entered. */
function periodRecords(actor: Actor, period: Period, pantiId?: number) {
  const { start, end } = periodInstants(period);
  const admitted = and(gte(stays.admittedAt, start), lt(stays.admittedAt, end));
  const exited = and(gte(stays.exitedAt, start), lt(stays.exitedAt, end));
  return staysOfPeople({
    stayId: stays.id,
    pantiId: stays.pantiId,
    pantiName: panti.name,
    admittedAt: stays.admittedAt,
    createdAt: stays.createdAt,
    exitedAt: stays.exitedAt,
    exitRecordedAt: stays.exitRecordedAt,
    inAdmissions: sql<number>`${admitted}`.mapWith(Boolean),
    inExits: sql<number>`coalesce(${exited}, 0)`.mapWith(Boolean),
  })
    .where(and(pantiWhere(scopeFor(actor, "report:read"), stays.pantiId), or(admitted, and(isNotNull(stays.exitedAt), exited)), pantiId != null ? eq(stays.pantiId, pantiId) : undefined))
    .orderBy(asc(stays.admittedAt), asc(stays.id))
    .all();
}

type Counts = Record<DataQualityCheck, number>;
const zero = (): Counts => ({ missing_nik: 0, missing_birth_year: 0, missing_origin: 0, unidentified: 0, no_bed: 0, no_stage_change: 0, late_admission: 0, late_exit: 0 });

/** The counts per panti (every active panti in scope) with the share of residents, admissions or exits. */
export function dataQualityReport(actor: Actor, period: Period, query: Pick<DataQualityQuery, "days">, now = new Date()) {
  const today = jakartaDate(now);
  const stageDays = query.days ?? DEFAULT_STAGE_DAYS;
  const pantiRows = db
    .select({ id: panti.id, name: panti.name, type: panti.type })
    .from(panti)
    .where(and(pantiWhere(scopeFor(actor, "report:read"), panti.id), eq(panti.active, true)))
    .orderBy(asc(panti.name))
    .all();
  const byPanti = new Map(pantiRows.map((p) => [p.id, { ...p, residents: 0, admissions: 0, exits: 0, counts: zero() }]));
  for (const r of residentFacts(actor)) {
    const row = byPanti.get(r.pantiId);
    if (!row) continue;
    row.residents++;
    for (const check of residentIssues(r, today, stageDays)) row.counts[check]++;
  }
  for (const r of periodRecords(actor, period)) {
    const row = byPanti.get(r.pantiId);
    if (!row) continue;
    if (r.inAdmissions) {
      row.admissions++;
      if (recordedLate(r.admittedAt, r.createdAt)) row.counts.late_admission++;
    }
    if (r.inExits && r.exitedAt) {
      row.exits++;
      if (recordedLate(r.exitedAt, r.exitRecordedAt)) row.counts.late_exit++;
    }
  }
  const total = { residents: 0, admissions: 0, exits: 0, counts: zero() };
  for (const row of byPanti.values()) {
    total.residents += row.residents;
    total.admissions += row.admissions;
    total.exits += row.exits;
    for (const check of Object.keys(total.counts) as DataQualityCheck[]) total.counts[check] += row.counts[check];
  }
  const withShares = <R extends { residents: number; admissions: number; exits: number; counts: Counts }>(row: R) => ({
    ...row,
    pct: Object.fromEntries(
      (Object.keys(row.counts) as DataQualityCheck[]).map((c) => [
        c,
        percent(row.counts[c], c === "late_admission" ? row.admissions : c === "late_exit" ? row.exits : row.residents),
      ]),
    ) as Record<DataQualityCheck, number | null>,
  });
  return { today, stageDays, rows: [...byPanti.values()].map(withShares), total: withShares(total) };
}

/** The people behind one data-quality count (a panti's, or all in scope), one page. */
export function dataQualityPeople(actor: Actor, period: Period, query: DataQualityQuery & { check: DataQualityCheck }, now = new Date()) {
  const today = jakartaDate(now);
  const stageDays = query.days ?? DEFAULT_STAGE_DAYS;
  const check = query.check;
  type Person = { personId: number; stayId: number; pantiId: number; pantiName: string; admittedAt: Date; eventAt: Date; recordedAt: Date | null; days: number | null; displayName: string };
  let rows: Person[];
  if ((RESIDENT_CHECKS as readonly string[]).includes(check)) {
    rows = residentFacts(actor, query.panti)
      .filter((r) => residentIssues(r, today, stageDays).includes(check as ResidentCheck))
      .map((r) => ({
        personId: r.personId,
        stayId: r.stayId,
        pantiId: r.pantiId,
        pantiName: r.pantiName,
        admittedAt: r.admittedAt,
        eventAt: r.lastStageAt != null && check === "no_stage_change" ? new Date(r.lastStageAt) : r.admittedAt,
        recordedAt: null,
        days: check === "no_stage_change" || check === "unidentified" ? daysSince(r.lastStageAt != null && check === "no_stage_change" ? r.lastStageAt : r.admittedAt, today) : null,
        displayName: personName(r),
      }));
  } else {
    const late = check === "late_admission";
    rows = periodRecords(actor, period, query.panti)
      .filter((r) => (late ? r.inAdmissions && recordedLate(r.admittedAt, r.createdAt) : r.inExits && r.exitedAt != null && recordedLate(r.exitedAt, r.exitRecordedAt)))
      .map((r) => {
        const eventAt = late ? r.admittedAt : r.exitedAt!;
        const recordedAt = late ? r.createdAt : r.exitRecordedAt;
        return { personId: r.personId, stayId: r.stayId, pantiId: r.pantiId, pantiName: r.pantiName, admittedAt: r.admittedAt, eventAt, recordedAt, days: recordedAt ? daysSince(eventAt, jakartaDayOf(recordedAt)) : null, displayName: personName(r) };
      });
  }
  return peopleList(actor, rows, query.page);
}

const daysSince = (at: Date | number, day: string) => calendarDaysBetween(jakartaDayOf(at), day);
