/** Read models for exits: a stay for the exit form, follow-ups due, and stale stays. */
import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { auditLog, bedAssignments, beds, followUps, panti, persons, stays, users } from "#db/schema";
import type { Actor } from "~/domain/permissions";
import { scopeFor } from "~/domain/permissions";
import { followUpState, INTAKE_NORM_DAYS, STALE_IDLE_DAYS } from "~/domain/exits";
import { displayName } from "~/domain/persons";
import { jakartaDate } from "~/domain/time";
import { db } from "~/utils/db.server";
import { onePantiWhere, pantiWhere } from "./scope.server";

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
  return {
    ...row,
    name: displayName({ name: row.person.name, unidentified: row.person.unidentified, sex: row.person.sex }),
    bedLabel: bed?.label ?? null,
  };
}

/** Follow-ups not yet done, due first, in the actor's scope for recording them. */
export function followUpList(actor: Actor, now = new Date(), includeUpcoming = false) {
  const today = jakartaDate(now);
  const horizon = jakartaDate(new Date(now.getTime() + 7 * 86_400_000));
  const rows = db
    .select({
      id: followUps.id,
      stayId: followUps.stayId,
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
    })
    .from(followUps)
    .innerJoin(stays, eq(stays.id, followUps.stayId))
    .innerJoin(persons, eq(persons.id, stays.personId))
    .innerJoin(panti, eq(panti.id, followUps.pantiId))
    .where(
      and(
        pantiWhere(scopeFor(actor, "followup:record"), followUps.pantiId),
        isNull(followUps.doneAt),
        includeUpcoming ? undefined : sql`${followUps.dueDate} <= ${horizon}`,
      ),
    )
    .orderBy(asc(followUps.dueDate), asc(followUps.id))
    .limit(500)
    .all();
  return rows.map((r) => ({
    ...r,
    displayName: displayName({ name: r.name, unidentified: r.unidentified, sex: r.sex }),
    state: followUpState({ dueDate: r.dueDate, doneAt: r.doneAt }, today),
  }));
}

/**
 * Stays that look abandoned: open in an intake panti past its 30-day norm, and either without a
 * bed or without any recorded activity for STALE_IDLE_DAYS.
 */
export function staleStays(actor: Actor, now = new Date()) {
  const normCutoff = new Date(now.getTime() - INTAKE_NORM_DAYS * 86_400_000);
  const idleCutoff = new Date(now.getTime() - STALE_IDLE_DAYS * 86_400_000);
  const lastActivity = db
    .select({ entityId: auditLog.entityId, at: sql<number>`max(${auditLog.at})`.as("last_at") })
    .from(auditLog)
    .where(eq(auditLog.entity, "stay"))
    .groupBy(auditLog.entityId)
    .as("last_activity");
  const rows = db
    .select({
      stayId: stays.id,
      pantiId: stays.pantiId,
      pantiName: panti.name,
      admittedAt: stays.admittedAt,
      name: persons.name,
      unidentified: persons.unidentified,
      sex: persons.sex,
      bedId: bedAssignments.bedId,
      lastActivity: lastActivity.at,
    })
    .from(stays)
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .innerJoin(persons, eq(persons.id, stays.personId))
    .leftJoin(bedAssignments, and(eq(bedAssignments.stayId, stays.id), isNull(bedAssignments.toAt)))
    .leftJoin(lastActivity, eq(lastActivity.entityId, sql`cast(${stays.id} as text)`))
    .where(
      and(
        isNull(stays.exitedAt),
        eq(panti.type, "intake"),
        lt(stays.admittedAt, normCutoff),
        pantiWhere(scopeFor(actor, "stay:exit"), stays.pantiId),
        or(isNull(bedAssignments.id), isNull(lastActivity.at), lt(lastActivity.at, idleCutoff.getTime())),
      ),
    )
    .orderBy(asc(stays.admittedAt))
    .limit(500)
    .all();
  return rows.map((r) => ({
    ...r,
    displayName: displayName({ name: r.name, unidentified: r.unidentified, sex: r.sex }),
    days: Math.floor((now.getTime() - r.admittedAt.getTime()) / 86_400_000),
    lastActivity: r.lastActivity != null ? new Date(Number(r.lastActivity)) : null,
  }));
}
