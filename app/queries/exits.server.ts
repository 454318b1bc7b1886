/** Read models for exits: a stay for the exit form, follow-ups due, and stale stays. */
import { and, asc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { auditLog, bedAssignments, beds, classes, enrolments, followUps, panti, persons, stays, users } from "#db/schema";
import { scopeFor, type Actor } from "~/domain/permissions";
import { followUpState, INTAKE_NORM_DAYS, STALE_IDLE_DAYS } from "~/domain/exits";
import { displayName } from "~/domain/persons";
import { jakartaDate } from "~/domain/time";
import { db } from "~/utils/db.server";
import { shownIdentity } from "~/domain/safeguarding";
import { recordCaseRead } from "./case-file.server";
import { homePantiOf, restrictionColumns } from "./restricted.server";
import { exitIncidentChoices } from "./safeguarding.server";
import { onePantiWhere, pantiWhere } from "./scope.server";
import { boundedCount, pageFigures, pageOfIds } from "./paging.server";

/** A stay of the panti (open or closed) with what the exit pages show. */
export function stayForExit(actor: Actor, pantiId: number, stayId: number) {
  const row = db
    .select({
      stay: stays,
      person: persons,
      pantiName: panti.name,
      pantiCode: panti.code,
      pantiAddress: panti.address,
      pantiKota: panti.kota,
      recordedByName: users.name,
      homePantiId: homePantiOf(),
    })
    .from(stays)
    .innerJoin(persons, eq(persons.id, stays.personId))
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .leftJoin(users, eq(users.id, stays.exitRecordedBy))
    .where(and(eq(stays.id, stayId), onePantiWhere(actor, "stay:exit", pantiId, stays.pantiId)))
    .get();
  if (!row) return null;
  const bed = db
    .select({ label: beds.label })
    .from(bedAssignments)
    .innerJoin(beds, eq(beds.id, bedAssignments.bedId))
    .where(eq(bedAssignments.stayId, stayId))
    .orderBy(sql`${bedAssignments.fromAt} desc`)
    .get();
  // Training that the exit will close as "left before completion".
  const openEnrolments = db
    .select({ id: enrolments.id, className: classes.name })
    .from(enrolments)
    .innerJoin(classes, eq(classes.id, enrolments.classId))
    .where(and(eq(enrolments.stayId, stayId), eq(enrolments.status, "active")))
    .orderBy(asc(classes.name))
    .all();
  return {
    ...row,
    name: shownIdentity(actor, { ...row.person, homePantiId: row.homePantiId }).displayName,
    bedLabel: bed?.label ?? null,
    openEnrolments,
  };
}

/** The exit page: the stay, the incidents an exit may refer to; the opening is logged. */
export function exitPage(actor: Actor, pantiId: number, stayId: number) {
  const row = stayForExit(actor, pantiId, stayId);
  if (!row) return null;
  recordCaseRead(actor, { person: row.person, stay: row.stay, restriction: row.person }, "exit");
  return { ...row, incidents: exitIncidentChoices(actor, pantiId, stayId) };
}

/** Rows per page of the follow-up and stale-stay lists; downloads read in batches of EXPORT_BATCH. */
export const FOLLOW_UPS_PAGE_SIZE = 50;
export const STALE_STAYS_PAGE_SIZE = 50;
const EXPORT_BATCH = 2000;

/** Which follow-ups a list shows: not yet done, due within a week (or any time with `includeUpcoming`). */
function followUpWhere(actor: Actor, now: Date, includeUpcoming: boolean) {
  const horizon = jakartaDate(new Date(now.getTime() + 7 * 86_400_000));
  return and(
    pantiWhere(scopeFor(actor, "followup:record"), followUps.pantiId),
    isNull(followUps.doneAt),
    includeUpcoming ? undefined : sql`${followUps.dueDate} <= ${horizon}`,
  );
}

function followUpRows(actor: Actor, where: SQL | undefined, now: Date, limit: number) {
  const today = jakartaDate(now);
  const rows = db
    .select({
      id: followUps.id,
      stayId: followUps.stayId,
      personId: stays.personId,
      pantiId: followUps.pantiId,
      pantiName: panti.name,
      sequence: followUps.sequence,
      dueDate: followUps.dueDate,
      doneAt: followUps.doneAt,
      exitedAt: stays.exitedAt,
      exitOutcome: stays.exitOutcome,
      exitDestination: stays.exitDestination,
      name: persons.name,
      unidentified: persons.unidentified,
      sex: persons.sex,
      ...restrictionColumns(),
    })
    .from(followUps)
    .innerJoin(stays, eq(stays.id, followUps.stayId))
    .innerJoin(persons, eq(persons.id, stays.personId))
    .innerJoin(panti, eq(panti.id, followUps.pantiId))
    .where(where)
    .orderBy(asc(followUps.dueDate), asc(followUps.id))
    .limit(limit)
    .all();
  return rows.map(({ restricted, homePantiId, ...r }) => {
    // A restricted person followed up by a panti they have left is not named there.
    const shown = shownIdentity(actor, { ...r, restricted, homePantiId });
    return {
      ...r,
      ...(shown.masked ? { name: null, exitDestination: null } : {}),
      displayName: shown.displayName,
      state: followUpState({ dueDate: r.dueDate, doneAt: r.doneAt }, today),
    };
  });
}

/**
 * One page of the follow-ups not yet done, due first, in the actor's scope, with the total: the
 * page's ids from the due-date index (the open ones of every panti, or of the actor's), then
 * their rows.
 */
export function followUpList(actor: Actor, now = new Date(), includeUpcoming = false, page = 1) {
  const where = followUpWhere(actor, now, includeUpcoming);
  const { ids, hasNext } = pageOfIds(
    db.select({ id: followUps.id }).from(followUps).where(where).orderBy(asc(followUps.dueDate), asc(followUps.id)),
    page,
    FOLLOW_UPS_PAGE_SIZE,
  );
  const rows = ids.length === 0 ? [] : followUpRows(actor, inArray(followUps.id, ids), now, FOLLOW_UPS_PAGE_SIZE);
  return { rows, ...pageFigures(page, FOLLOW_UPS_PAGE_SIZE, boundedCount(followUps, where), hasNext) };
}

/**
 * Every follow-up of the list, for a download: read in batches after the last row read (due date,
 * id), so that the file is never held whole and a contact recorded meanwhile shifts no row out.
 */
export function* allFollowUps(actor: Actor, now = new Date(), includeUpcoming = false) {
  const where = followUpWhere(actor, now, includeUpcoming);
  let last: { dueDate: string; id: number } | null = null;
  for (;;) {
    const after: SQL | undefined = last
      ? or(gt(followUps.dueDate, last.dueDate), and(eq(followUps.dueDate, last.dueDate), gt(followUps.id, last.id)))
      : undefined;
    const rows = followUpRows(actor, and(where, after), now, EXPORT_BATCH);
    yield* rows;
    if (rows.length < EXPORT_BATCH) return;
    last = rows[rows.length - 1]!;
  }
}

/**
 * Stays that look abandoned: open in an intake panti past its 30-day norm, and either without a
 * bed or without any recorded activity for STALE_IDLE_DAYS. `after` continues a download from the
 * last row read (admission, id).
 */
// Open stays of the actor's panti (or of every panti, for Dinsos): the person's own panti, so
// restricted residents are named to these readers and nothing is masked.
function staleStayRows(actor: Actor, now: Date, page: { limit: number; offset: number; after?: { admittedAt: Date; stayId: number } }) {
  const normCutoff = new Date(now.getTime() - INTAKE_NORM_DAYS * 86_400_000);
  const idleCutoff = new Date(now.getTime() - STALE_IDLE_DAYS * 86_400_000);
  const lastActivity = db
    .select({ entityId: auditLog.entityId, at: sql<number>`max(${auditLog.at})`.as("last_at") })
    .from(auditLog)
    .where(eq(auditLog.entity, "stay"))
    .groupBy(auditLog.entityId)
    .as("last_activity");
  const { after } = page;
  const rows = db
    .select({
      stayId: stays.id,
      personId: stays.personId,
      pantiId: stays.pantiId,
      pantiName: panti.name,
      admittedAt: stays.admittedAt,
      name: persons.name,
      unidentified: persons.unidentified,
      sex: persons.sex,
      bedId: bedAssignments.bedId,
      lastActivity: lastActivity.at,
      total: sql<number>`count(*) over ()`,
    })
    .from(stays)
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .innerJoin(persons, eq(persons.id, stays.personId))
    .leftJoin(bedAssignments, and(eq(bedAssignments.stayId, stays.id), isNull(bedAssignments.toAt)))
    .leftJoin(lastActivity, eq(lastActivity.entityId, sql`cast(${stays.id} as text)`))
    .where(
      and(
        isNull(stays.exitedAt),
        // Through the panti's open stays (panti, exit index): only intake panti's are read.
        inArray(stays.pantiId, db.select({ id: panti.id }).from(panti).where(eq(panti.type, "intake"))),
        lt(stays.admittedAt, normCutoff),
        pantiWhere(scopeFor(actor, "stay:exit"), stays.pantiId),
        or(isNull(bedAssignments.id), isNull(lastActivity.at), lt(lastActivity.at, idleCutoff.getTime())),
        after
          ? or(gt(stays.admittedAt, after.admittedAt), and(eq(stays.admittedAt, after.admittedAt), gt(stays.id, after.stayId)))
          : undefined,
      ),
    )
    .orderBy(asc(stays.admittedAt), asc(stays.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  return rows.map(({ total, ...r }) => ({
    ...r,
    total: Number(total),
    displayName: displayName({ name: r.name, unidentified: r.unidentified, sex: r.sex }),
    days: Math.floor((now.getTime() - r.admittedAt.getTime()) / 86_400_000),
    lastActivity: r.lastActivity != null ? new Date(Number(r.lastActivity)) : null,
  }));
}

/** One page of the stays to review, oldest admission first, in the actor's scope, with the total. */
export function staleStays(actor: Actor, now = new Date(), page = 1) {
  const offset = (page - 1) * STALE_STAYS_PAGE_SIZE;
  const found = staleStayRows(actor, now, { limit: STALE_STAYS_PAGE_SIZE, offset });
  // The total rides on each row (a window count); a page past the end asks for the count alone.
  const total = found[0]?.total ?? (offset > 0 ? (staleStayRows(actor, now, { limit: 1, offset: 0 })[0]?.total ?? 0) : 0);
  const rows = found.map(({ total: _total, ...r }) => r);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / STALE_STAYS_PAGE_SIZE)) };
}

/** Every stay to review, for a download: read in batches after the last row read. */
export function* allStaleStays(actor: Actor, now = new Date()) {
  let after: { admittedAt: Date; stayId: number } | undefined;
  for (;;) {
    const rows = staleStayRows(actor, now, { limit: EXPORT_BATCH, offset: 0, after });
    yield* rows.map(({ total: _total, ...r }) => r);
    if (rows.length < EXPORT_BATCH) return;
    const last = rows[rows.length - 1]!;
    after = { admittedAt: last.admittedAt, stayId: last.stayId };
  }
}
