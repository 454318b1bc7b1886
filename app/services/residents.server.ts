/** Moving residents: to another bed in the same panti, or to another panti (a transfer). */
import { and, eq, isNull } from "drizzle-orm";
import { bedAssignments, enrolments, panti, persons, placements, stays } from "#db/schema";
import { Conflict, InvalidInput, NotFound } from "~/domain/errors";
import type { Actor } from "~/domain/permissions";
import { toJakartaParts } from "~/domain/time";
import { appendAudit, writeTransaction, type Tx } from "./audit.server";
import { authorizePanti } from "./guard.server";
import { chosenBed, overflowPlace } from "./placements.server";

/** An open stay the actor may act on (resident:move by default), with the person's sex. */
export function openStay(tx: Tx, actor: Actor, stayId: number, permission: "resident:move" | "stay:exit" = "resident:move") {
  const row = tx
    .select({ stay: stays, sex: persons.sex })
    .from(stays)
    .innerJoin(persons, eq(persons.id, stays.personId))
    .where(eq(stays.id, stayId))
    .get();
  if (!row) throw new NotFound("stay");
  authorizePanti(actor, permission, row.stay.pantiId);
  if (row.stay.exitedAt) throw new Conflict("stay.error.closed");
  return row;
}

function currentAssignment(tx: Tx, stayId: number) {
  return tx
    .select()
    .from(bedAssignments)
    .where(and(eq(bedAssignments.stayId, stayId), isNull(bedAssignments.toAt)))
    .get();
}

/** Moves a resident to another bed (or an overflow place) of the same panti. */
export function moveBed(actor: Actor, stayId: number, to: number | "overflow", now = new Date()) {
  return writeTransaction((tx) => {
    const { stay, sex } = openStay(tx, actor, stayId);
    const current = currentAssignment(tx, stay.id);
    if (current && current.bedId === to) throw new InvalidInput({ bed: ["move.error.sameBed"] });
    // A move happens after the stay began and after the move before it: bed history is one line.
    if (now.getTime() < stay.admittedAt.getTime() || (current && now.getTime() < current.fromAt.getTime())) {
      throw new Conflict("move.error.beforeCurrentBed");
    }
    if (current) tx.update(bedAssignments).set({ toAt: now }).where(eq(bedAssignments.id, current.id)).run();
    const bed = to === "overflow" ? overflowPlace(tx, actor, stay.pantiId, sex, now) : chosenBed(tx, stay.pantiId, to, sex, now);
    tx.insert(bedAssignments).values({ stayId: stay.id, bedId: bed.id, fromAt: now }).run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "stay.move_bed",
      entity: "stay",
      entityId: stay.id,
      pantiId: stay.pantiId,
      before: { bedId: current?.bedId ?? null },
      after: { bedId: bed.id, bedLabel: bed.label, overflow: bed.overflow },
      at: now,
    });
    return { stayId: stay.id, bedLabel: bed.label, roomId: bed.roomId, overflow: bed.overflow };
  });
}

/**
 * Closes an open stay in the caller's transaction (exits and transfers): the bed frees and open
 * training enrolments close as "left before completion".
 */
export function closeStay(tx: Tx, stayId: number, at: Date, outcome: string, destination: string | null) {
  tx.update(bedAssignments).set({ toAt: at }).where(and(eq(bedAssignments.stayId, stayId), isNull(bedAssignments.toAt))).run();
  tx.update(enrolments)
    .set({ status: "left_before_completion", endedAt: at })
    .where(and(eq(enrolments.stayId, stayId), eq(enrolments.status, "active")))
    .run();
  tx.update(stays).set({ exitedAt: at, exitOutcome: outcome, exitDestination: destination }).where(eq(stays.id, stayId)).run();
}

/**
 * Transfers a resident to another panti: the stay here ends with the outcome "transferred",
 * and a referral to the receiving panti waits in its queue, for the same person (the history
 * stays one person).
 */
export function transferResident(actor: Actor & { name?: string }, stayId: number, input: { toPantiId: number; reason: string }, now = new Date()) {
  return writeTransaction((tx) => {
    const { stay } = openStay(tx, actor, stayId);
    const result = transferInTx(tx, actor, stay, { toPantiId: input.toPantiId, summary: input.reason, at: now, recordedAt: now });
    appendAudit(tx, {
      actorId: actor.id,
      action: "stay.transfer",
      entity: "stay",
      entityId: stay.id,
      pantiId: stay.pantiId,
      before: { exitedAt: null },
      after: { exitOutcome: "transferred_panti", toPantiId: input.toPantiId, placementId: result.placementId, exitedAt: now.toISOString() },
      at: now,
    });
    return result;
  });
}

/**
 * The transfer itself, inside the caller's transaction: closes the stay as transferred and
 * creates the referral to the receiving panti for the same person.
 */
export function transferInTx(
  tx: Tx,
  actor: Actor & { name?: string },
  stay: typeof stays.$inferSelect,
  input: { toPantiId: number; summary: string; at: Date; details?: Record<string, unknown>; notes?: string | null; recordedAt?: Date },
) {
  if (input.toPantiId === stay.pantiId) throw new InvalidInput({ toPantiId: ["placement.error.samePanti"] });
  const target = tx.select().from(panti).where(and(eq(panti.id, input.toPantiId), eq(panti.active, true))).get();
  if (!target) throw new InvalidInput({ toPantiId: ["placement.error.unknownPanti"] });
  const person = tx.select().from(persons).where(eq(persons.id, stay.personId)).get()!;
  const origin = stay.placementId ? tx.select().from(placements).where(eq(placements.id, stay.placementId)).get() : undefined;
  const category = person.ppksCategory ?? origin?.ppksCategory;
  if (!category) throw new InvalidInput({ toPantiId: ["transfer.error.noCategory"] });

  closeStay(tx, stay.id, input.at, "transferred_panti", target.name);
  tx.update(stays)
    .set({ exitDetails: input.details ?? { toPantiId: target.id }, exitNotes: input.notes ?? input.summary, exitRecordedAt: input.recordedAt ?? new Date(), exitRecordedBy: actor.id })
    .where(eq(stays.id, stay.id))
    .run();
  const referral = tx
    .insert(placements)
    .values({
      outreachUnit: null,
      fromPantiId: stay.pantiId,
      officerName: actor.name ?? "Petugas panti",
      source: "transfer",
      createdBy: actor.id,
      foundAt: input.at,
      reachMethod: "panti_transfer",
      personName: person.name,
      unidentified: person.unidentified,
      description: person.description,
      sex: person.sex,
      birthDate: person.birthDate,
      estimatedAge: person.birthDate || person.birthYear == null ? null : toJakartaParts(input.at).year - person.birthYear,
      nik: person.nik,
      kk: person.kk,
      originProvince: person.originProvince,
      originCity: person.originCity,
      ppksCategory: category,
      disabilitySubtypes: person.disabilitySubtypes,
      assessmentSummary: input.summary,
      healthNotes: origin?.healthNotes ?? null,
      targetPantiId: target.id,
      previousPlacementId: stay.placementId,
      fromStayId: stay.id,
      personId: person.id,
    })
    .returning()
    .get();
  appendAudit(tx, {
    actorId: actor.id,
    action: "placement.create",
    entity: "placement",
    entityId: referral.id,
    pantiId: target.id,
    after: { source: "transfer", fromPantiId: stay.pantiId, fromStayId: stay.id, personId: person.id },
    at: input.at,
  });
  return { placementId: referral.id, toPanti: target.name };
}
