/**
 * Safeguarding writes: marking a person's record restricted and lifting the mark, recording and
 * acknowledging incidents, recording consent. Each runs in one transaction, checks permission
 * and scope again, and appends to the audit log.
 */
import { and, eq, isNull } from "drizzle-orm";
import { consents, incidents, persons, stays } from "#db/schema";
import { Conflict, InvalidInput, NotFound } from "~/domain/errors";
import { PermissionDenied, type Actor } from "~/domain/permissions";
import {
  canRestrict,
  incidentDateError,
  notifiedOf,
  type ConsentInput,
  type IncidentInput,
  type LiftRestrictionInput,
  type RestrictInput,
} from "~/domain/safeguarding";
import { jakartaDate } from "~/domain/time";
import { appendAudit, writeTransaction, type Tx } from "./audit.server";
import { authorizePanti } from "./guard.server";
import { stayForWrite, type StayRef } from "./case-file.server";

/** The person of a stay the actor may read, with the panti of their open stay (if any). */
function personOfStay(tx: Tx, actor: Actor, ref: StayRef) {
  authorizePanti(actor, "case:read", ref.pantiId);
  const row = tx
    .select({ person: persons })
    .from(stays)
    .innerJoin(persons, eq(persons.id, stays.personId))
    .where(and(eq(stays.id, ref.stayId), eq(stays.pantiId, ref.pantiId)))
    .get();
  if (!row) throw new NotFound("stay");
  const open = tx
    .select({ pantiId: stays.pantiId })
    .from(stays)
    .where(and(eq(stays.personId, row.person.id), isNull(stays.exitedAt)))
    .get();
  if (!canRestrict(actor, open?.pantiId ?? null)) throw new PermissionDenied("person:restrict");
  return row.person;
}

/** Marks the person of the stay restricted, with a reason category and the reason in words. */
export function restrictPerson(actor: Actor, ref: StayRef, input: RestrictInput, now = new Date()) {
  return writeTransaction((tx) => {
    const person = personOfStay(tx, actor, ref);
    if (person.restricted) throw new Conflict("safeguarding.restriction.error.already");
    tx.update(persons)
      .set({ restricted: true, restrictionCategory: input.category, restrictionReason: input.reason, restrictedAt: now, restrictedBy: actor.id })
      .where(eq(persons.id, person.id))
      .run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "person.restrict",
      entity: "person",
      entityId: person.id,
      pantiId: ref.pantiId,
      before: { restricted: false },
      after: { restricted: true, category: input.category, reason: input.reason, stayId: ref.stayId },
      at: now,
    });
    return { personId: person.id };
  });
}

/** Lifts the mark, with a reason (the category and reason it had stay in the audit log). */
export function liftRestriction(actor: Actor, ref: StayRef, input: LiftRestrictionInput, now = new Date()) {
  return writeTransaction((tx) => {
    const person = personOfStay(tx, actor, ref);
    if (!person.restricted) throw new Conflict("safeguarding.restriction.error.notRestricted");
    tx.update(persons)
      .set({ restricted: false, restrictionCategory: null, restrictionReason: null, restrictedAt: null, restrictedBy: null })
      .where(eq(persons.id, person.id))
      .run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "person.restriction_lift",
      entity: "person",
      entityId: person.id,
      pantiId: ref.pantiId,
      before: { restricted: true, category: person.restrictionCategory, reason: person.restrictionReason },
      after: { restricted: false, reason: input.reason, stayId: ref.stayId },
      at: now,
    });
    return { personId: person.id };
  });
}

// ---------------------------------------------------------------------------
// Incidents
// ---------------------------------------------------------------------------

/** Records an incident on an open stay of the panti. */
export function recordIncident(actor: Actor, ref: StayRef, input: IncidentInput, now = new Date()) {
  return writeTransaction((tx) => {
    const { stay } = stayForWrite(tx, actor, ref, "incident:record");
    const dateError = incidentDateError(input.occurredAt, now);
    if (dateError) throw new InvalidInput({ occurredAt: [dateError] });
    if (input.occurredAt < stay.admittedAt) throw new InvalidInput({ occurredAt: ["caseFile.error.beforeAdmission"] });
    const row = tx
      .insert(incidents)
      .values({
        stayId: stay.id,
        pantiId: stay.pantiId,
        type: input.type,
        severity: input.severity,
        occurredAt: input.occurredAt,
        description: input.description,
        actionTaken: input.actionTaken,
        notified: notifiedOf(input),
        notifiedOther: input.toldOther || null,
        recordedBy: actor.id,
        createdAt: now,
      })
      .returning({ id: incidents.id })
      .get();
    appendAudit(tx, {
      actorId: actor.id,
      action: "incident.record",
      entity: "incident",
      entityId: row.id,
      pantiId: stay.pantiId,
      after: { stayId: stay.id, type: input.type, severity: input.severity, occurredAt: input.occurredAt.toISOString() },
      at: now,
    });
    return { incidentId: row.id };
  });
}

/** Marks a serious incident as seen and followed up: it leaves the home pages. */
export function acknowledgeIncident(actor: Actor, incidentId: number, now = new Date()) {
  return writeTransaction((tx) => {
    const row = tx.select().from(incidents).where(eq(incidents.id, incidentId)).get();
    if (!row) throw new NotFound("incident");
    authorizePanti(actor, "incident:acknowledge", row.pantiId);
    if (row.acknowledgedAt) throw new Conflict("incident.error.alreadyAcknowledged");
    tx.update(incidents).set({ acknowledgedAt: now, acknowledgedBy: actor.id }).where(eq(incidents.id, incidentId)).run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "incident.acknowledge",
      entity: "incident",
      entityId: incidentId,
      pantiId: row.pantiId,
      at: now,
    });
    return { incidentId };
  });
}

// ---------------------------------------------------------------------------
// Consent
// ---------------------------------------------------------------------------

/** Records a consent decision for the person of a stay of the panti. */
export function recordConsent(actor: Actor, ref: StayRef, input: ConsentInput, now = new Date()) {
  return writeTransaction((tx) => {
    authorizePanti(actor, "consent:record", ref.pantiId);
    if (input.decidedOn > jakartaDate(now)) throw new InvalidInput({ decidedOn: ["consent.error.future"] });
    const stay = tx.select({ id: stays.id, personId: stays.personId }).from(stays).where(and(eq(stays.id, ref.stayId), eq(stays.pantiId, ref.pantiId))).get();
    if (!stay) throw new NotFound("stay");
    const row = tx
      .insert(consents)
      .values({
        personId: stay.personId,
        pantiId: ref.pantiId,
        purpose: input.purpose,
        decision: input.decision,
        decidedOn: input.decidedOn,
        expiresOn: input.expiresOn || null,
        onBehalfBy: input.onBehalf ? (input.decidedBy ?? null) : null,
        onBehalfReason: input.onBehalf ? (input.onBehalfReason ?? null) : null,
        recordedBy: actor.id,
        createdAt: now,
      })
      .returning({ id: consents.id })
      .get();
    appendAudit(tx, {
      actorId: actor.id,
      action: "consent.record",
      entity: "consent",
      entityId: row.id,
      pantiId: ref.pantiId,
      after: { personId: stay.personId, purpose: input.purpose, decision: input.decision, decidedOn: input.decidedOn, expiresOn: input.expiresOn ?? null, onBehalf: input.onBehalf },
      at: now,
    });
    return { consentId: row.id };
  });
}
