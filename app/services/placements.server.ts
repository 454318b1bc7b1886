/**
 * Referrals from outreach: creating them (form, batch, API all come through `insertPlacement`),
 * and the panti's decisions: accept into a bed, decline, redirect; outreach may cancel.
 */
import { createHash } from "node:crypto";
import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { bedAssignments, beds, panti, persons, placements, rooms, stays } from "#db/schema";
import { Conflict, InvalidInput, NotFound } from "~/domain/errors";
import { bedFits } from "~/domain/matching";
import { isReentry } from "~/domain/exits";
import { LINKED_FIELDS, linkedPersonUpdate, type LinkedField } from "~/domain/person-link";
import { birthYearOf, checkTransition, type AcceptInput, type PlacementInput } from "~/domain/placements";
import { canOnPanti, canOnUnit, hasPermission, PermissionDenied, type Actor } from "~/domain/permissions";
import { personCandidates } from "~/queries/placements.server";
import type { PlacementSource, PlacementStatus, Sex } from "~/domain/enums";
import { appendAudit, writeTransaction, type AuditEntry, type Tx } from "./audit.server";
import { preparedInsert } from "./bulk.server";
import { authorizePanti } from "./guard.server";
import { handoffFollowsRedirect, linkHandoffToStay } from "./handoffs.server";
import { perConnection } from "~/utils/db.server";

type PlacementRow = typeof placements.$inferSelect;

/** A stable hash of the referral's content, to tell an API retry from a conflicting reuse of a reference. */
export function placementPayloadHash(input: PlacementInput): string {
  const canonical = JSON.stringify(input, Object.keys(input).sort());
  return createHash("sha256").update(canonical).digest("hex");
}

function assertCanCreateFor(actor: Actor, unit: string) {
  if (!hasPermission(actor, "placement:create")) throw new PermissionDenied("placement:create");
  if (!canOnUnit(actor, "placement:create", unit)) {
    throw new InvalidInput({ outreachUnit: ["placement.error.otherUnit"] });
  }
}

// The statements of every new referral (a form, the API), prepared once per connection; they run
// on the one connection, inside the caller's transaction.
const activePantiById = perConnection((connection) =>
  connection
    .select()
    .from(panti)
    .where(and(eq(panti.id, sql.placeholder("id")), eq(panti.active, true)))
    .prepare(),
);
const placementById = perConnection((connection) => connection.select().from(placements).where(eq(placements.id, sql.placeholder("id"))).prepare());
/** The columns of a new referral: placementValues gives all of them, each time. */
let placementColumns: (keyof PlacementValues)[] = [];
const placementInsert = perConnection((connection) => preparedInsert(connection, placements, placementColumns));

function activePanti(_tx: Tx, pantiId: number) {
  const row = activePantiById().get({ id: pantiId });
  if (!row) throw new InvalidInput({ targetPantiId: ["placement.error.unknownPanti"] });
  return row;
}

export interface InsertOptions {
  source: PlacementSource;
  apiTokenId?: number | null;
  batchId?: number | null;
  previousPlacementId?: number | null;
  fromStayId?: number | null;
  personId?: number | null;
}

/** The decision a referral is inserted with: pending, or (a historical import) already decided. */
export interface InsertedDecision {
  status: PlacementStatus;
  decidedBy: number | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  personId: number | null;
  stayId: number | null;
}

const PENDING: InsertedDecision = { status: "pending", decidedBy: null, decidedAt: null, decisionReason: null, personId: null, stayId: null };

/** The row of a new referral: every column given (null when unknown), so that batches can prepare one statement. */
function placementValues(actor: Actor | null, input: PlacementInput, options: InsertOptions, decision: InsertedDecision = PENDING) {
  return {
    outreachUnit: input.outreachUnit,
    officerName: input.officerName,
    source: options.source,
    createdBy: actor?.id ?? null,
    apiTokenId: options.apiTokenId ?? null,
    batchId: options.batchId ?? null,
    externalRef: input.externalRef ?? null,
    payloadHash: placementPayloadHash(input),
    foundAt: input.foundAt,
    foundKota: input.foundKota ?? null,
    foundKecamatan: input.foundKecamatan ?? null,
    foundKelurahan: input.foundKelurahan ?? null,
    foundPlace: input.foundPlace ?? null,
    reachMethod: input.reachMethod,
    personName: input.personName ?? null,
    unidentified: input.unidentified,
    description: input.description ?? null,
    sex: input.sex,
    birthDate: input.birthDate ?? null,
    estimatedAge: input.estimatedAge ?? null,
    nik: input.nik ?? null,
    kk: input.kk ?? null,
    originProvince: input.originProvince ?? null,
    originCity: input.originCity ?? null,
    ppksCategory: input.ppksCategory,
    disabilitySubtypes: input.disabilitySubtypes,
    assessmentSummary: input.assessmentSummary,
    healthNotes: input.healthNotes ?? null,
    urgentNeeds: input.urgentNeeds ?? null,
    belongings: input.belongings ?? null,
    targetPantiId: input.targetPantiId,
    previousPlacementId: options.previousPlacementId ?? null,
    fromStayId: options.fromStayId ?? null,
    status: decision.status,
    decidedBy: decision.decidedBy,
    decidedAt: decision.decidedAt,
    decisionReason: decision.decisionReason,
    personId: decision.personId ?? options.personId ?? null,
    stayId: decision.stayId,
  } satisfies typeof placements.$inferInsert;
}

type PlacementValues = ReturnType<typeof placementValues>;

function creationAudit(actor: Actor | null, id: number, values: PlacementValues): AuditEntry {
  return {
    actorId: actor?.id ?? null,
    action: "placement.create",
    entity: "placement",
    entityId: id,
    pantiId: values.targetPantiId,
    after: { source: values.source, outreachUnit: values.outreachUnit, targetPantiId: values.targetPantiId, externalRef: values.externalRef, apiTokenId: values.apiTokenId, batchId: values.batchId },
  };
}

/** Inserts one referral inside the caller's transaction (no permission check: callers do it). */
export function insertPlacement(tx: Tx, actor: Actor | null, input: PlacementInput, options: InsertOptions): PlacementRow {
  activePanti(tx, input.targetPantiId);
  const values = placementValues(actor, input, options);
  if (placementColumns.length === 0) placementColumns = Object.keys(values) as (keyof PlacementValues)[];
  const id = placementInsert()(values);
  appendAudit(tx, creationAudit(actor, id, values));
  return placementById().get({ id })!;
}

/**
 * `insertPlacement` for a batch: the statements are prepared once and each referral is one run
 * of each (the caller has checked the target panti of every row). Returns the new referral's id.
 */
export function placementInserter(tx: Tx, actor: Actor | null, audit: (entry: AuditEntry) => void) {
  let insert: ((values: PlacementValues) => number) | null = null;
  return (input: PlacementInput, options: InsertOptions, decision?: InsertedDecision): number => {
    const values = placementValues(actor, input, options, decision);
    insert ??= preparedInsert(tx, placements, Object.keys(values) as (keyof PlacementValues)[]);
    const id = insert(values);
    audit(creationAudit(actor, id, values));
    return id;
  };
}

/** A referral typed into the form by an outreach officer (own unit) or Dinsos. */
export function createPlacement(actor: Actor, input: PlacementInput): PlacementRow {
  assertCanCreateFor(actor, input.outreachUnit);
  return writeTransaction((tx) => {
    if (input.externalRef) {
      const existing = tx
        .select({ id: placements.id })
        .from(placements)
        .where(and(eq(placements.outreachUnit, input.outreachUnit), eq(placements.externalRef, input.externalRef)))
        .get();
      if (existing) throw new InvalidInput({ externalRef: ["placement.error.externalRefTaken"] });
    }
    return insertPlacement(tx, actor, input, { source: "form" });
  });
}

// ---------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------

function loadForDecision(tx: Tx, actor: Actor, placementId: number): PlacementRow {
  const row = tx.select().from(placements).where(eq(placements.id, placementId)).get();
  if (!row) throw new NotFound("placement");
  authorizePanti(actor, "placement:decide", row.targetPantiId);
  return row;
}

function assertTransition(row: PlacementRow, to: PlacementStatus, reason?: string | null) {
  const check = checkTransition(row.status, to, reason);
  if (!check.ok) {
    if (check.messageKey === "placement.error.transition") {
      throw new Conflict("placement.error.alreadyDecided", { status: row.status });
    }
    throw new InvalidInput({ reason: [check.messageKey] });
  }
}

function decide(tx: Tx, actor: Actor, row: PlacementRow, to: PlacementStatus, reason: string | null, now: Date, extra: Partial<typeof placements.$inferInsert> = {}) {
  const changes = { status: to, decidedBy: actor.id, decidedAt: now, decisionReason: reason, ...extra };
  const result = tx
    .update(placements)
    .set(changes)
    // The status in the where clause makes a concurrent second decision a no-op we can detect.
    .where(and(eq(placements.id, row.id), eq(placements.status, row.status)))
    .run();
  if (result.changes !== 1) throw new Conflict("placement.error.alreadyDecided", { status: "?" });
  appendAudit(tx, {
    actorId: actor.id,
    action: `placement.${to === "accepted" ? "accept" : to === "declined" ? "decline" : to === "redirected" ? "redirect" : "cancel"}`,
    entity: "placement",
    entityId: row.id,
    pantiId: row.targetPantiId,
    before: { status: row.status },
    after: { ...changes, decidedAt: now.toISOString() },
    at: now,
  });
}

export function declinePlacement(actor: Actor, placementId: number, reason: string, now = new Date()) {
  return writeTransaction((tx) => {
    const row = loadForDecision(tx, actor, placementId);
    assertTransition(row, "declined", reason);
    decide(tx, actor, row, "declined", reason, now);
    return { placementId: row.id };
  });
}

/** Redirects to a better-suited panti: this referral closes as redirected, a new one waits there. */
export function redirectPlacement(actor: Actor, placementId: number, toPantiId: number, reason: string, now = new Date()) {
  return writeTransaction((tx) => {
    const row = loadForDecision(tx, actor, placementId);
    assertTransition(row, "redirected", reason);
    if (toPantiId === row.targetPantiId) throw new InvalidInput({ toPantiId: ["placement.error.samePanti"] });
    activePanti(tx, toPantiId);
    const { id: _id, createdAt: _c, status: _s, decidedAt: _da, decidedBy: _db, decisionReason: _dr, redirectedToId: _r, stayId: _st, ...copy } = row;
    const next = tx
      .insert(placements)
      .values({ ...copy, targetPantiId: toPantiId, externalRef: null, previousPlacementId: row.id, createdBy: actor.id })
      .returning()
      .get();
    decide(tx, actor, row, "redirected", reason, now, { redirectedToId: next.id });
    if (row.source === "handoff") handoffFollowsRedirect(tx, row.id, { placementId: next.id, pantiId: toPantiId });
    appendAudit(tx, {
      actorId: actor.id,
      action: "placement.create",
      entity: "placement",
      entityId: next.id,
      pantiId: toPantiId,
      after: { source: next.source, previousPlacementId: row.id, targetPantiId: toPantiId },
      at: now,
    });
    return { placementId: row.id, newPlacementId: next.id };
  });
}

/** Outreach (own unit) or Dinsos withdraw a referral that is still pending. */
export function cancelPlacement(actor: Actor, placementId: number, reason: string, now = new Date()) {
  return writeTransaction((tx) => {
    const row = tx.select().from(placements).where(eq(placements.id, placementId)).get();
    if (!row) throw new NotFound("placement");
    if (!hasPermission(actor, "placement:create")) throw new PermissionDenied("placement:create");
    if (!canOnUnit(actor, "placement:create", row.outreachUnit)) throw new NotFound("placement");
    assertTransition(row, "cancelled", reason);
    decide(tx, actor, row, "cancelled", reason, now);
    return { placementId: row.id };
  });
}

export interface AdmissionResult {
  placementId: number;
  stayId: number;
  personId: number;
  bedId: number;
  bedLabel: string;
  overflow: boolean;
  returning: boolean;
  reentry: boolean;
}

/**
 * Accepts a referral: links or creates the person, opens the stay and puts them on a bed — the
 * chosen one, or an overflow place when the panti is full — in one transaction. A bed taken in the
 * meantime is a clear conflict and nothing is written.
 */
export function acceptPlacement(actor: Actor, placementId: number, input: Omit<AcceptInput, "intent">, now = new Date()): AdmissionResult {
  return writeTransaction((tx) => {
    const row = loadForDecision(tx, actor, placementId);
    assertTransition(row, "accepted");
    const admittedAt = input.admittedAt ?? now;
    if (admittedAt.getTime() < row.foundAt.getTime()) {
      throw new InvalidInput({ admittedAt: ["admission.error.beforeFound"] });
    }

    // A transfer already names its person; an outreach referral links or creates one.
    const { personId, returning } = resolvePerson(tx, actor, row, row.personId ?? input.person, input.take);
    const bed =
      input.bed === "overflow"
        ? overflowPlace(tx, actor, row.targetPantiId, row.sex, admittedAt)
        : chosenBed(tx, row.targetPantiId, input.bed, row.sex, admittedAt);

    const previous = tx
      .select({ id: stays.id, exitOutcome: stays.exitOutcome, exitedAt: stays.exitedAt })
      .from(stays)
      .where(eq(stays.personId, personId))
      .orderBy(desc(stays.admittedAt))
      .get();
    // One person is in one place at a time: a back-dated admission must begin after the last exit.
    const overlapping = tx
      .select({ id: stays.id })
      .from(stays)
      .where(and(eq(stays.personId, personId), gt(stays.exitedAt, admittedAt)))
      .get();
    if (overlapping) throw new InvalidInput({ admittedAt: ["admission.error.overlapsEarlierStay"] });
    const stay = tx
      .insert(stays)
      .values({
        personId,
        pantiId: row.targetPantiId,
        placementId: row.id,
        admittedAt,
        previousStayId: previous?.id ?? null,
        reentry: isReentry(previous ?? null, row.source === "transfer"),
      })
      .returning()
      .get();
    try {
      tx.insert(bedAssignments).values({ stayId: stay.id, bedId: bed.id, fromAt: admittedAt }).run();
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict("admission.error.bedTaken", { label: bed.label });
      throw error;
    }
    decide(tx, actor, row, "accepted", null, now, { personId, stayId: stay.id });
    // A referral made from a partner province's hand-off: the hand-off records the stay it became.
    const handoffId = row.source === "handoff" ? linkHandoffToStay(tx, actor, { id: stay.id, placementId: row.id, personId, pantiId: row.targetPantiId }, now) : null;
    appendAudit(tx, {
      actorId: actor.id,
      action: "stay.admit",
      entity: "stay",
      entityId: stay.id,
      pantiId: row.targetPantiId,
      after: { personId, placementId: row.id, bedId: bed.id, bedLabel: bed.label, overflow: bed.overflow, admittedAt: admittedAt.toISOString(), returning, reentry: stay.reentry, handoffId },
      at: now,
    });
    return { placementId: row.id, stayId: stay.id, personId, bedId: bed.id, bedLabel: bed.label, overflow: bed.overflow, returning, reentry: stay.reentry };
  });
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && "code" in error && String((error as { code: unknown }).code).startsWith("SQLITE_CONSTRAINT");
}

/** The fields chosen for one person out of the form's "<personId>.<field>" values. */
function chosenFields(take: readonly string[], personId: number): LinkedField[] {
  return take
    .filter((v) => v.startsWith(`${personId}.`))
    .map((v) => v.slice(String(personId).length + 1))
    .filter((f): f is LinkedField => (LINKED_FIELDS as readonly string[]).includes(f));
}

function resolvePerson(tx: Tx, actor: Actor, row: PlacementRow, choice: "new" | number, take: readonly string[] = []): { personId: number; returning: boolean } {
  if (choice === "new") {
    if (row.nik) {
      const same = tx.select({ id: persons.id }).from(persons).where(eq(persons.nik, row.nik)).get();
      if (same) throw new InvalidInput({ person: ["admission.error.nikExists"] });
    }
    const person = tx
      .insert(persons)
      .values({
        nik: row.nik,
        kk: row.kk,
        name: row.personName,
        unidentified: row.unidentified || !row.personName,
        description: row.description,
        sex: row.sex,
        birthDate: row.birthDate,
        estimatedBirthYear: row.birthDate ? null : birthYearOf({ estimatedAge: row.estimatedAge, at: row.foundAt }),
        birthYear: birthYearOf({ birthDate: row.birthDate, estimatedAge: row.estimatedAge, at: row.foundAt }),
        originProvince: row.originProvince,
        originCity: row.originCity,
        ppksCategory: row.ppksCategory,
        disabilitySubtypes: row.disabilitySubtypes,
      })
      .returning()
      .get();
    appendAudit(tx, { actorId: actor.id, action: "person.create", entity: "person", entityId: person.id, pantiId: row.targetPantiId, after: { placementId: row.id } });
    return { personId: person.id, returning: false };
  }

  // A transfer names its person itself. Otherwise only a person the server finds as a candidate
  // for this referral may be linked (the rules of the list on the referral page): any other id
  // is simply not found.
  if (choice !== row.personId && !personCandidates(actor, row, tx).candidates.some((c) => c.personId === choice)) {
    throw new InvalidInput({ person: ["admission.error.unknownPerson"] });
  }
  const person = tx.select().from(persons).where(eq(persons.id, choice)).get();
  if (!person) throw new InvalidInput({ person: ["admission.error.unknownPerson"] });
  const open = tx
    .select({ stayId: stays.id, pantiId: stays.pantiId, pantiName: panti.name })
    .from(stays)
    .innerJoin(panti, eq(panti.id, stays.pantiId))
    .where(and(eq(stays.personId, person.id), isNull(stays.exitedAt)))
    .get();
  if (open) {
    // Name the other panti only to someone who may see it.
    if (canOnPanti(actor, "panti:view", open.pantiId)) throw new Conflict("admission.error.openStay", { panti: open.pantiName });
    throw new Conflict("admission.error.openStayElsewhere");
  }
  if (row.nik && person.nik && row.nik !== person.nik) throw new InvalidInput({ person: ["admission.error.nikDiffers"] });

  // Fill in what was unknown before; where both know and disagree, only what the admin chose.
  const fill: Partial<typeof persons.$inferInsert> = linkedPersonUpdate(row, person, chosenFields(take, person.id));
  if (!person.nik && row.nik) fill.nik = row.nik;
  if (!person.kk && row.kk) fill.kk = row.kk;
  if (Object.keys(fill).length > 0) {
    if (fill.nik) {
      const taken = tx.select({ id: persons.id }).from(persons).where(eq(persons.nik, fill.nik)).get();
      if (taken) throw new InvalidInput({ person: ["admission.error.nikExists"] });
    }
    tx.update(persons).set(fill).where(eq(persons.id, person.id)).run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "person.update",
      entity: "person",
      entityId: person.id,
      pantiId: row.targetPantiId,
      before: Object.fromEntries(Object.keys(fill).map((k) => [k, person[k as keyof typeof person]])),
      after: { ...fill, placementId: row.id, chosenFromReferral: chosenFields(take, person.id) },
    });
  }
  const earlier = tx.select({ id: stays.id }).from(stays).where(eq(stays.personId, person.id)).get();
  return { personId: person.id, returning: earlier != null };
}

interface BedPick {
  id: number;
  label: string;
  roomId: number;
  overflow: boolean;
}

/**
 * A later stay on the bed than `from`: the current holder, or one whose time on it ended after
 * `from`. A bed holds one person at a time over its whole history, so an admission or a move
 * dated in the past must not overlap anyone who held the bed since.
 */
function heldSince(tx: Tx, bedId: number, from: Date) {
  return tx
    .select({ id: bedAssignments.id, toAt: bedAssignments.toAt })
    .from(bedAssignments)
    .where(and(eq(bedAssignments.bedId, bedId), or(isNull(bedAssignments.toAt), gt(bedAssignments.toAt, from))))
    .orderBy(sql`${bedAssignments.toAt} is null desc`)
    .get();
}

export function chosenBed(tx: Tx, pantiId: number, bedId: number, sex: Sex, from: Date): BedPick {
  const bed = tx
    .select({ id: beds.id, label: beds.label, roomId: beds.roomId, status: beds.status, overflow: beds.overflow, roomSex: rooms.sex, roomName: rooms.name })
    .from(beds)
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .where(and(eq(beds.id, bedId), eq(beds.pantiId, pantiId)))
    .get();
  if (!bed) throw new InvalidInput({ bed: ["admission.error.unknownBed"] });
  const holder = heldSince(tx, bed.id, from);
  if (holder) throw new Conflict(holder.toAt == null ? "admission.error.bedTaken" : "admission.error.bedHeldThen", { label: bed.label });
  const fits = bedFits(
    { id: bed.id, label: bed.label, roomName: bed.roomName, roomSex: bed.roomSex, overflow: bed.overflow, inService: bed.status === "available", occupied: false },
    sex,
  );
  if (bed.status !== "available") throw new Conflict("admission.error.bedOutOfService", { label: bed.label });
  if (!fits) throw new InvalidInput({ bed: ["admission.error.bedWrongWard"] });
  return { id: bed.id, label: bed.label, roomId: bed.roomId, overflow: bed.overflow };
}

const OVERFLOW_ROOM = { male: "Tempat tambahan (L)", female: "Tempat tambahan (P)" } as const;

/**
 * An overflow place: a free extra mattress in the panti for the person's sex, or a new one in the
 * panti's room of extra places (created on first use). Over-capacity is recorded, never refused.
 */
export function overflowPlace(tx: Tx, actor: Actor, pantiId: number, sex: Sex, from: Date): BedPick {
  // A free extra mattress: nobody on it since `from` (an admission may be dated in the past).
  const free = tx
    .select({ id: beds.id, label: beds.label, roomId: beds.roomId })
    .from(beds)
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .leftJoin(bedAssignments, and(eq(bedAssignments.bedId, beds.id), or(isNull(bedAssignments.toAt), gt(bedAssignments.toAt, from))))
    .where(and(eq(beds.pantiId, pantiId), eq(beds.overflow, true), eq(beds.status, "available"), isNull(bedAssignments.id), eq(rooms.sex, sex)))
    .orderBy(beds.id)
    .get();
  if (free) return { ...free, overflow: true };

  let room = tx
    .select()
    .from(rooms)
    .where(and(eq(rooms.pantiId, pantiId), eq(rooms.name, OVERFLOW_ROOM[sex])))
    .get();
  room ??= tx.insert(rooms).values({ pantiId, name: OVERFLOW_ROOM[sex], sex }).returning().get();
  const count = tx.select({ id: beds.id }).from(beds).where(eq(beds.roomId, room.id)).all().length;
  const label = `${sex === "male" ? "XL" : "XP"}-${String(count + 1).padStart(3, "0")}`;
  const bed = tx.insert(beds).values({ pantiId, roomId: room.id, label, overflow: true }).returning().get();
  appendAudit(tx, { actorId: actor.id, action: "bed.create_overflow", entity: "bed", entityId: bed.id, pantiId, after: { roomId: room.id, label } });
  return { id: bed.id, label: bed.label, roomId: room.id, overflow: true };
}
