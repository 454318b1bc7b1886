/**
 * Repatriation hand-offs between FKD-MPU provinces. Outgoing: prepared from a resident's stay,
 * sent as a signed packet (over the partner's API through the outbox, or as a signed file and a
 * cover letter), closed once the person arrived. Incoming: received from a partner (see
 * packets.server.ts), accepted as a referral to a panti or straight to the family, declined with
 * a reason, the arrival confirmed; each of these is reported back to the sender.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { consents, handoffEvents, handoffs, panti, partnerProvinces, placements, ppksCategories, users } from "#db/schema";
import { Conflict, InvalidInput, NotFound } from "~/domain/errors";
import {
  buildHandoffPacket,
  canMove,
  PACKET_VERSION,
  pathTo,
  referralSummary,
  type AcceptedAs,
  type ArrivalCondition,
  type HandoffInput,
  type HandoffPacket,
  type HandoffStatus,
  type ReportedStatus,
  type StatusPacket,
  UNDER_WAY,
} from "~/domain/handoffs";
import { displayName } from "~/domain/persons";
import { consentOfPerson } from "~/queries/safeguarding.server";
import { jakartaDate } from "~/domain/time";
import { canOnPanti, PermissionDenied, scopeFor, type Actor, type Permission } from "~/domain/permissions";
import { ownProvinceCode } from "~/domain/provinces";
import { requestHandoffApproval, requireHandoffApproved, withdrawHandoffApproval } from "./approvals.server";
import { stayForWrite, type StayRef } from "./case-file.server";
import { appendAudit, writeTransaction, type Tx } from "./audit.server";
import { authorizePanti } from "./guard.server";
import { enqueuePacket, packetHash, signedEnvelope } from "./outbox.server";

type HandoffRow = typeof handoffs.$inferSelect;

export function ownProvince(): string {
  return ownProvinceCode(process.env.PANTI_PROVINCE);
}

/** A partner that may receive packets: in the registry, active, not this instance's own province. */
export function activePartner(tx: Tx, code: string) {
  const row = tx.select().from(partnerProvinces).where(eq(partnerProvinces.code, code)).get();
  return row && row.active && row.code !== ownProvince() ? row : null;
}

/**
 * Throws unless the actor may act on the hand-off: on its panti, or (for a hand-off without a
 * panti yet: an incoming one not yet referred, or one sent to the family) with a grant for every panti.
 */
/**
 * The person's consent to share their information with their home province (FKD-MPU) on a day:
 * a hand-off leaves the panti only with it (docs/decisions/021-safeguarding.md).
 */
function homeProvinceConsent(tx: Tx, personId: number, now: Date) {
  return consentOfPerson(personId, "home_province", now, tx);
}

function requireHomeProvinceConsent(tx: Tx, personId: number | null, now: Date): void {
  if (personId == null) return;
  if (!homeProvinceConsent(tx, personId, now).allowed) throw new Conflict("handoff.error.noConsent");
}

export function authorizeHandoff(actor: Actor, permission: Permission, row: { pantiId: number | null }): void {
  if (row.pantiId != null) return authorizePanti(actor, permission, row.pantiId);
  if (scopeFor(actor, permission).kind === "all") return;
  if (scopeFor(actor, permission).kind === "none") throw new PermissionDenied(permission);
  throw new NotFound("handoff");
}

function loadHandoff(tx: Tx, handoffId: number, direction: "outgoing" | "incoming"): HandoffRow {
  const row = tx.select().from(handoffs).where(and(eq(handoffs.id, handoffId), eq(handoffs.direction, direction))).get();
  if (!row) throw new NotFound("handoff");
  return row;
}

function moveTo(tx: Tx, row: HandoffRow, status: HandoffStatus, set: Partial<typeof handoffs.$inferInsert>, event: { actorId: number | null; note?: string | null; remote?: boolean; packetId?: string | null }, now: Date) {
  if (!canMove(row.status, status)) throw new Conflict("handoff.error.status", { status: row.status });
  tx.update(handoffs)
    .set({ ...set, status, statusChangedAt: now })
    .where(and(eq(handoffs.id, row.id), eq(handoffs.status, row.status)))
    .run();
  tx.insert(handoffEvents)
    .values({ handoffId: row.id, at: now, status, remote: event.remote ?? false, packetId: event.packetId ?? null, note: event.note ?? null, actorId: event.actorId })
    .run();
}

// ---------------------------------------------------------------------------
// Outgoing
// ---------------------------------------------------------------------------

/** An open stay of the panti in the URL, with its person, that the actor may hand off (or ask a partner about). */
export function openStayToHandOff(tx: Tx, actor: Actor, where: StayRef) {
  return stayForWrite(tx, actor, where, "handoff:prepare", "handoff.error.stayClosed");
}

type StayToHandOff = ReturnType<typeof openStayToHandOff>;

/** The name of the staff member the partner may contact about a hand-off. */
function contactName(tx: Tx, actor: Actor): string | null {
  return tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id)).get()?.name ?? null;
}

/**
 * The draft's packet of a form's input: only what the agreement needs, signed when it is sent.
 * The person's part is read from their record as it is now.
 */
function draftPacket(tx: Tx, row: StayToHandOff, input: HandoffInput, draft: { packetId: string; contact: string | null }, now: Date): HandoffPacket {
  const own = tx.select().from(partnerProvinces).where(eq(partnerProvinces.code, ownProvince())).get();
  const { packetId, contact } = draft;
  const { person } = row;
  return buildHandoffPacket({
    packetId,
    from: ownProvince(),
    sentAt: now,
    sender: { office: own?.office ?? ownProvince(), panti: row.pantiName, contact },
    person: {
      name: person.name,
      unidentified: person.unidentified,
      description: person.description,
      sex: person.sex === "female" ? "female" : "male",
      birthDate: person.birthDate,
      birthYear: person.birthYear,
      nik: person.nik,
      kk: person.kk,
      originCity: person.originCity,
      ppksCategory: person.ppksCategory,
      disabilitySubtypes: person.disabilitySubtypes,
    },
    stage: row.stay.currentStage,
    input,
  });
}

/**
 * The consent ticked on the form is the person's consent to share with their home province,
 * recorded where every consent is, so that a later withdrawal stops the sending.
 */
function recordTickedConsent(tx: Tx, actor: Actor, row: StayToHandOff, now: Date): void {
  if (homeProvinceConsent(tx, row.person.id, now).allowed) return;
  const consent = tx
    .insert(consents)
    .values({ personId: row.person.id, pantiId: row.stay.pantiId, purpose: "home_province", decision: "given", decidedOn: jakartaDate(now), recordedBy: actor.id, createdAt: now })
    .returning({ id: consents.id })
    .get();
  appendAudit(tx, { actorId: actor.id, action: "consent.record", entity: "consent", entityId: consent.id, pantiId: row.stay.pantiId, after: { personId: row.person.id, purpose: "home_province", decision: "given", via: "handoff" }, at: now });
}

function partnerFor(tx: Tx, input: HandoffInput) {
  const partner = activePartner(tx, input.partnerCode);
  if (!partner) throw new InvalidInput({ partnerCode: ["handoff.error.partner"] });
  return partner;
}

/**
 * Prepares a draft hand-off for an open stay of the panti: the packet is built now (only what
 * the agreement needs) and signed when it is sent. One hand-off under way per stay.
 */
export function prepareHandoff(actor: Actor & { name?: string }, where: { pantiId: number; stayId: number }, input: HandoffInput, now = new Date()) {
  return writeTransaction((tx) => {
    const row = openStayToHandOff(tx, actor, where);
    const partner = partnerFor(tx, input);
    const open = tx
      .select({ id: handoffs.id })
      .from(handoffs)
      .where(and(eq(handoffs.stayId, row.stay.id), eq(handoffs.direction, "outgoing"), inArray(handoffs.status, [...UNDER_WAY])))
      .get();
    if (open) throw new Conflict("handoff.error.openExists");
    const { person } = row;
    const packet = draftPacket(tx, row, input, { packetId: randomUUID(), contact: contactName(tx, actor) }, now);
    const handoff = tx
      .insert(handoffs)
      .values({
        packetId: packet.packetId,
        direction: "outgoing",
        partnerCode: partner.code,
        status: "draft",
        channel: partner.baseUrl ? "api" : "file",
        stayId: row.stay.id,
        personId: person.id,
        pantiId: row.stay.pantiId,
        personName: displayName(person),
        plannedDate: input.plannedDate,
        packet,
        createdBy: actor.id,
        createdAt: now,
        statusChangedAt: now,
      })
      .returning({ id: handoffs.id })
      .get();
    tx.insert(handoffEvents).values({ handoffId: handoff.id, at: now, status: "draft", actorId: actor.id }).run();
    recordTickedConsent(tx, actor, row, now);
    // A draft is sent only once a second person approved it (docs/decisions/022-approvals.md).
    const approvalId = requestHandoffApproval(tx, actor, handoff.id, now);
    appendAudit(tx, {
      actorId: actor.id,
      action: "handoff.prepare",
      entity: "handoff",
      entityId: handoff.id,
      pantiId: row.stay.pantiId,
      after: { packetId: packet.packetId, partner: partner.code, stayId: row.stay.id, plannedDate: input.plannedDate },
      at: now,
    });
    return { handoffId: handoff.id, approvalId };
  });
}

/** An outgoing hand-off still in draft that the actor may change, with its open stay. */
function draftToChange(tx: Tx, actor: Actor, handoffId: number) {
  const row = loadHandoff(tx, handoffId, "outgoing");
  authorizeHandoff(actor, "handoff:prepare", row);
  if (row.status !== "draft") throw new Conflict("handoff.error.notDraft", { status: row.status });
  return row;
}

/**
 * Edits a draft hand-off: every field of the form, checked with the same schema as preparing it.
 * The packet is built again from the form and the person's record as they are now (the packet id
 * stays: nothing was sent under it). A sent hand-off is never edited.
 *
 * Every edit of a draft goes through here, so that a rule on drafts (an approval that an edit
 * clears) has one place to live.
 */
export function updateHandoffDraft(actor: Actor, handoffId: number, input: HandoffInput, now = new Date()) {
  return writeTransaction((tx) => {
    const row = draftToChange(tx, actor, handoffId);
    if (row.stayId == null || row.pantiId == null) throw new NotFound("handoff");
    const stay = openStayToHandOff(tx, actor, { pantiId: row.pantiId, stayId: row.stayId });
    const partner = partnerFor(tx, input);
    const before = row.packet as HandoffPacket;
    // The contact stays the one who prepared it.
    const packet = draftPacket(tx, stay, input, { packetId: row.packetId, contact: before.sender.contact }, now);
    tx.update(handoffs)
      .set({ partnerCode: partner.code, channel: partner.baseUrl ? "api" : "file", plannedDate: input.plannedDate, personName: displayName(stay.person), packet })
      .where(and(eq(handoffs.id, row.id), eq(handoffs.status, "draft")))
      .run();
    recordTickedConsent(tx, actor, stay, now);
    // The edited draft loses its approval: a new request waits for it as it is now.
    requestHandoffApproval(tx, actor, row.id, now);
    appendAudit(tx, {
      actorId: actor.id,
      action: "handoff.update",
      entity: "handoff",
      entityId: row.id,
      pantiId: row.pantiId,
      before: changedParts(before, packet, before),
      after: changedParts(before, packet, packet),
      at: now,
    });
    return { handoffId: row.id };
  });
}

/** The top-level parts of a packet that an edit changed, taken from one side of it (for the audit log). */
function changedParts(a: HandoffPacket, b: HandoffPacket, side: HandoffPacket): Record<string, unknown> {
  const keys = (Object.keys(side) as (keyof HandoffPacket)[]).filter((k) => k !== "sentAt" && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  return Object.fromEntries(keys.map((k) => [k, side[k]]));
}

/**
 * Discards a draft that will not be sent, with a reason (kept in its history and the audit log).
 * The draft stays on record as "discarded" and no longer blocks preparing a new hand-off.
 */
export function discardHandoffDraft(actor: Actor, handoffId: number, reason: string, now = new Date()) {
  return writeTransaction((tx) => {
    const row = draftToChange(tx, actor, handoffId);
    moveTo(tx, row, "discarded", {}, { actorId: actor.id, note: reason }, now);
    withdrawHandoffApproval(tx, actor, row.id, now);
    appendAudit(tx, { actorId: actor.id, action: "handoff.discard", entity: "handoff", entityId: row.id, pantiId: row.pantiId, before: { status: "draft" }, after: { status: "discarded", reason }, at: now });
    return { handoffId: row.id, outboxId: null };
  });
}

/**
 * Sends a draft: the packet gets its time of sending and this instance's signature. To a partner
 * with an instance it is queued for its API (delivered by the outbox); otherwise it is kept for
 * the signed file and the cover letter.
 */
export function sendHandoff(actor: Actor, handoffId: number, now = new Date()) {
  return writeTransaction((tx) => {
    const row = loadHandoff(tx, handoffId, "outgoing");
    authorizeHandoff(actor, "handoff:prepare", row);
    requireHandoffApproved(tx, row);
    requireHomeProvinceConsent(tx, row.personId, now);
    const partner = activePartner(tx, row.partnerCode);
    if (!partner) throw new Conflict("handoff.error.partnerInactive");
    const channel = partner.baseUrl ? "api" : "file";
    const packet = { ...(row.packet as HandoffPacket), sentAt: now.toISOString() };
    const { signature } = signedEnvelope(packet);
    moveTo(tx, row, "sent", { packet, signature, packetHash: packetHash(packet), sentAt: now, channel }, { actorId: actor.id }, now);
    const outboxId = channel === "api" ? enqueuePacket(tx, packet, { handoffId: row.id }, now) : null;
    appendAudit(tx, {
      actorId: actor.id,
      action: "handoff.send",
      entity: "handoff",
      entityId: row.id,
      pantiId: row.pantiId,
      after: { packetId: row.packetId, partner: row.partnerCode, channel, outboxId },
      at: now,
    });
    return { handoffId: row.id, channel, outboxId };
  });
}

/** The signed file of a sent hand-off (for a partner without an instance), audited as a sending. */
export function handoffFile(actor: Actor, handoffId: number, now = new Date()) {
  return writeTransaction((tx) => {
    const row = loadHandoff(tx, handoffId, "outgoing");
    authorizeHandoff(actor, "handoff:prepare", row);
    if (!row.signature || row.status === "draft") throw new Conflict("handoff.error.status", { status: row.status });
    requireHomeProvinceConsent(tx, row.personId, now);
    appendAudit(tx, { actorId: actor.id, action: "handoff.file", entity: "handoff", entityId: row.id, pantiId: row.pantiId, after: { packetId: row.packetId }, at: now });
    return { packetId: row.packetId, json: `{"packet":${JSON.stringify(row.packet)},"signature":${JSON.stringify(row.signature)}}` };
  });
}

/**
 * For a hand-off sent as a file: the partner's answer (by letter or phone) recorded by hand, on
 * the same path the partner's instance would report.
 */
export function recordPartnerAnswer(
  actor: Actor,
  handoffId: number,
  input: { status: ReportedStatus; note?: string; condition?: ArrivalCondition },
  now = new Date(),
) {
  return writeTransaction((tx) => {
    let row = loadHandoff(tx, handoffId, "outgoing");
    authorizeHandoff(actor, "handoff:prepare", row);
    if (row.channel !== "file") throw new Conflict("handoff.error.viaApi");
    applyReportedStatus(tx, row, { status: input.status, note: input.note ?? null, condition: input.condition ?? null, acceptedAs: null }, { actorId: actor.id, remote: false, packetId: null }, now);
    row = loadHandoff(tx, handoffId, "outgoing");
    appendAudit(tx, { actorId: actor.id, action: "handoff.partner_answer", entity: "handoff", entityId: row.id, pantiId: row.pantiId, after: input, at: now });
    return { handoffId: row.id, status: row.status, outboxId: null };
  });
}

/** Moves the sender's copy along to the status the partner reported (each status on the way recorded). */
export function applyReportedStatus(
  tx: Tx,
  row: HandoffRow,
  report: { status: ReportedStatus; note: string | null; condition: ArrivalCondition | null; acceptedAs: AcceptedAs | null },
  event: { actorId: number | null; remote: boolean; packetId: string | null },
  now: Date,
): "applied" | "same" {
  if (row.status === report.status) return "same";
  let current = row;
  const steps = pathTo(row.status, report.status);
  if (!steps) throw new Conflict("handoff.error.status", { status: row.status });
  for (const step of steps) {
    const last = step === report.status;
    const set: Partial<typeof handoffs.$inferInsert> = {};
    if (last && step === "declined") set.declineReason = report.note;
    if (last && step === "arrived") Object.assign(set, { arrivalCondition: report.condition ?? "good", arrivalNote: report.note });
    if (last && step === "accepted") set.acceptedAs = report.acceptedAs;
    moveTo(tx, current, step, set, { actorId: event.actorId, remote: event.remote, packetId: last ? event.packetId : null, note: last ? report.note : null }, now);
    current = { ...current, status: step };
  }
  return "applied";
}

/** Closes a hand-off whose person arrived (or that was declined): nothing more is expected of it. */
export function closeHandoff(actor: Actor, handoffId: number, note: string | undefined, now = new Date()) {
  return writeTransaction((tx) => {
    const row = tx.select().from(handoffs).where(eq(handoffs.id, handoffId)).get();
    if (!row) throw new NotFound("handoff");
    authorizeHandoff(actor, row.direction === "outgoing" ? "handoff:prepare" : "handoff:receive", row);
    moveTo(tx, row, "closed", {}, { actorId: actor.id, note }, now);
    appendAudit(tx, { actorId: actor.id, action: "handoff.close", entity: "handoff", entityId: row.id, pantiId: row.pantiId, before: { status: row.status }, after: { status: "closed", note: note ?? null }, at: now });
    return { handoffId: row.id, outboxId: null };
  });
}

// ---------------------------------------------------------------------------
// Incoming: decisions, reported back to the sender
// ---------------------------------------------------------------------------

/** Queues the status report of an incoming hand-off for its sender (when the sender runs an instance). */
export function reportToSender(
  tx: Tx,
  row: HandoffRow,
  report: { status: ReportedStatus; acceptedAs?: AcceptedAs | null; condition?: ArrivalCondition | null; note?: string | null },
  now: Date,
): number | null {
  const sender = tx.select({ baseUrl: partnerProvinces.baseUrl }).from(partnerProvinces).where(eq(partnerProvinces.code, row.partnerCode)).get();
  if (!sender?.baseUrl) return null;
  const packet: StatusPacket = {
    version: PACKET_VERSION,
    kind: "status",
    packetId: randomUUID(),
    from: ownProvince(),
    to: row.partnerCode,
    handoffId: row.packetId,
    status: report.status,
    at: now.toISOString(),
    acceptedAs: report.acceptedAs ?? null,
    condition: report.condition ?? null,
    note: report.note ?? null,
  };
  return enqueuePacket(tx, packet, { handoffId: row.id }, now);
}

/**
 * When the referral made from a hand-off counts as found: when the sender sent it, to the minute
 * (admissions are entered to the minute, so an admission in the same minute is not "before it was
 * found"), and never later than now (the sender's clock may run ahead).
 */
function referralFoundAt(sentAt: string, now: Date): Date {
  const minute = 60_000;
  return new Date(Math.floor(Math.min(Date.parse(sentAt), now.getTime()) / minute) * minute);
}

/**
 * Accepts an incoming hand-off: as a referral to a panti (a placement made from the packet, so
 * the person's history comes with them) or straight to the family. Only Dinsos decides where.
 */
export function acceptHandoff(actor: Actor, handoffId: number, input: { acceptedAs: AcceptedAs; targetPantiId?: number; note?: string }, now = new Date()) {
  return writeTransaction((tx) => {
    const row = loadHandoff(tx, handoffId, "incoming");
    authorizeHandoff(actor, "handoff:receive", row);
    if (!canMove(row.status, "accepted")) throw new Conflict("handoff.error.status", { status: row.status });
    const packet = row.packet as HandoffPacket;
    let placementId: number | null = null;
    let pantiId: number | null = row.pantiId;
    if (input.acceptedAs === "panti") {
      const target = tx.select().from(panti).where(eq(panti.id, input.targetPantiId ?? 0)).get();
      if (!target || !target.active) throw new InvalidInput({ targetPantiId: ["placements.error.targetPanti"] });
      if (!canOnPanti(actor, "handoff:receive", target.id)) throw new InvalidInput({ targetPantiId: ["placements.error.targetPanti"] });
      const category = packet.person.ppksCategory
        ? tx.select({ code: ppksCategories.code }).from(ppksCategories).where(eq(ppksCategories.code, packet.person.ppksCategory)).get()
        : undefined;
      if (!category) throw new InvalidInput({ acceptedAs: ["handoff.error.category"] });
      const sender = tx.select({ name: partnerProvinces.name }).from(partnerProvinces).where(eq(partnerProvinces.code, row.partnerCode)).get();
      const senderName = `Dinas Sosial ${sender?.name ?? row.partnerCode}`;
      const own = tx.select({ name: partnerProvinces.name }).from(partnerProvinces).where(eq(partnerProvinces.code, ownProvince())).get();
      const placement = tx
        .insert(placements)
        .values({
          officerName: packet.travel.escort.slice(0, 120),
          source: "handoff",
          createdBy: actor.id,
          foundAt: referralFoundAt(packet.sentAt, now),
          foundPlace: senderName,
          reachMethod: "other",
          personName: packet.person.name,
          unidentified: packet.person.unidentified,
          description: packet.person.description,
          sex: packet.person.sex,
          birthDate: packet.person.birthDate,
          nik: packet.person.nik,
          kk: packet.person.kk,
          originProvince: own?.name ?? null,
          originCity: packet.travel.destinationCity,
          ppksCategory: category.code,
          disabilitySubtypes: packet.person.disabilitySubtypes,
          assessmentSummary: referralSummary(packet, senderName),
          healthNotes: [packet.condition.health, packet.condition.medication].filter(Boolean).join("\n"),
          urgentNeeds: packet.condition.medication,
          targetPantiId: target.id,
        })
        .returning({ id: placements.id })
        .get();
      placementId = placement.id;
      pantiId = target.id;
      appendAudit(tx, {
        actorId: actor.id,
        action: "placement.create",
        entity: "placement",
        entityId: placement.id,
        pantiId: target.id,
        after: { source: "handoff", handoffId: row.id, packetId: row.packetId, targetPantiId: target.id },
        at: now,
      });
    }
    moveTo(tx, row, "accepted", { acceptedAs: input.acceptedAs, placementId, pantiId }, { actorId: actor.id, note: input.note }, now);
    const outboxId = reportToSender(tx, row, { status: "accepted", acceptedAs: input.acceptedAs, note: input.note }, now);
    appendAudit(tx, {
      actorId: actor.id,
      action: "handoff.accept",
      entity: "handoff",
      entityId: row.id,
      pantiId,
      after: { acceptedAs: input.acceptedAs, placementId, outboxId },
      at: now,
    });
    return { handoffId: row.id, placementId, outboxId };
  });
}

/**
 * The referral made from an incoming hand-off was redirected to another panti: the hand-off
 * follows the new referral, and its staff (not the first panti's) see it.
 */
export function handoffFollowsRedirect(tx: Tx, fromPlacementId: number, to: { placementId: number; pantiId: number }): void {
  tx.update(handoffs)
    .set({ placementId: to.placementId, pantiId: to.pantiId })
    .where(and(eq(handoffs.placementId, fromPlacementId), eq(handoffs.direction, "incoming")))
    .run();
}

/**
 * The referral made from an incoming hand-off was admitted: the hand-off records the stay it
 * became (and the person), so that the case file shows where the person came from and the
 * hand-off page the stay. Returns the hand-off's id, or null when the referral came from none.
 */
export function linkHandoffToStay(tx: Tx, actor: Actor, stay: { id: number; placementId: number; personId: number; pantiId: number }, now: Date): number | null {
  const row = tx
    .select({ id: handoffs.id, packetId: handoffs.packetId })
    .from(handoffs)
    .where(and(eq(handoffs.placementId, stay.placementId), eq(handoffs.direction, "incoming")))
    .get();
  if (!row) return null;
  tx.update(handoffs).set({ stayId: stay.id, personId: stay.personId, pantiId: stay.pantiId }).where(eq(handoffs.id, row.id)).run();
  appendAudit(tx, { actorId: actor.id, action: "handoff.link_stay", entity: "handoff", entityId: row.id, pantiId: stay.pantiId, after: { packetId: row.packetId, stayId: stay.id, personId: stay.personId, placementId: stay.placementId }, at: now });
  return row.id;
}

export function declineHandoff(actor: Actor, handoffId: number, reason: string, now = new Date()) {
  return writeTransaction((tx) => {
    const row = loadHandoff(tx, handoffId, "incoming");
    authorizeHandoff(actor, "handoff:receive", row);
    moveTo(tx, row, "declined", { declineReason: reason }, { actorId: actor.id, note: reason }, now);
    const outboxId = reportToSender(tx, row, { status: "declined", note: reason }, now);
    appendAudit(tx, { actorId: actor.id, action: "handoff.decline", entity: "handoff", entityId: row.id, pantiId: row.pantiId, after: { reason, outboxId }, at: now });
    return { handoffId: row.id, outboxId };
  });
}

/** Confirms that the person arrived, in good condition or with a note on their condition. */
export function confirmArrival(actor: Actor, handoffId: number, input: { condition: ArrivalCondition; note?: string }, now = new Date()) {
  return writeTransaction((tx) => {
    const row = loadHandoff(tx, handoffId, "incoming");
    authorizeHandoff(actor, "handoff:receive", row);
    moveTo(tx, row, "arrived", { arrivalCondition: input.condition, arrivalNote: input.note ?? null }, { actorId: actor.id, note: input.note }, now);
    const outboxId = reportToSender(tx, row, { status: "arrived", condition: input.condition, note: input.note }, now);
    appendAudit(tx, { actorId: actor.id, action: "handoff.arrival", entity: "handoff", entityId: row.id, pantiId: row.pantiId, after: { ...input, outboxId }, at: now });
    return { handoffId: row.id, outboxId };
  });
}
