/**
 * Identity and family tracing requests between FKD-MPU provinces: ask a partner province to
 * trace a resident's family, and answer a partner's request. Both travel as signed packets
 * through the outbox; an answer received lands in the resident's family-tracing log
 * (packets.server.ts).
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { tracingRequests } from "#db/schema";
import { Conflict, InvalidInput, NotFound } from "~/domain/errors";
import { PACKET_VERSION, type TracingAnswerInput, type TracingAnswerPacket, type TracingRequestInput, type TracingRequestPacket } from "~/domain/handoffs";
import { PermissionDenied, scopeFor, type Actor } from "~/domain/permissions";
import { TRACING_CONSENT_PURPOSE } from "~/domain/safeguarding";
import { consentOfPerson } from "~/queries/safeguarding.server";
import { ageOn, toJakartaParts } from "~/domain/time";
import { appendAudit, writeTransaction } from "./audit.server";
import { activePartner, openStayToHandOff, ownProvince } from "./handoffs.server";
import { enqueuePacket, packetHash } from "./outbox.server";

/** Sends a tracing request for a resident of the panti to a partner province that runs an instance. */
export function requestTracing(actor: Actor, where: { pantiId: number; stayId: number }, input: TracingRequestInput & { photo?: string | null }, now = new Date()) {
  return writeTransaction((tx) => {
    const row = openStayToHandOff(tx, actor, where);
    const partner = activePartner(tx, input.partnerCode);
    if (!partner || !partner.baseUrl) throw new InvalidInput({ partnerCode: ["tracing.error.partner"] });
    const { person } = row;
    // What the request carries leaves the province: only with the person's consent in force,
    // given by them or on their behalf (docs/decisions/021-safeguarding.md).
    if (!consentOfPerson(person.id, TRACING_CONSENT_PURPOSE, now, tx).allowed) throw new Conflict("tracing.error.noConsent");
    const age = person.birthDate ? ageOn(person.birthDate, now) : person.birthYear != null ? toJakartaParts(now).year - person.birthYear : null;
    const packet: TracingRequestPacket = {
      version: PACKET_VERSION,
      kind: "tracing_request",
      packetId: randomUUID(),
      from: ownProvince(),
      to: partner.code,
      sentAt: now.toISOString(),
      person: { sex: person.sex === "female" ? "female" : "male", age },
      description: input.description,
      names: input.names ?? null,
      places: input.places ?? null,
      language: input.language ?? null,
      photo: input.photo ?? null,
    };
    const request = tx
      .insert(tracingRequests)
      .values({ packetId: packet.packetId, direction: "outgoing", partnerCode: partner.code, stayId: row.stay.id, pantiId: row.stay.pantiId, packet, packetHash: packetHash(packet), createdBy: actor.id, createdAt: now })
      .returning({ id: tracingRequests.id })
      .get();
    const outboxId = enqueuePacket(tx, packet, { tracingRequestId: request.id }, now);
    appendAudit(tx, {
      actorId: actor.id,
      action: "tracing.request",
      entity: "tracing_request",
      entityId: request.id,
      pantiId: row.stay.pantiId,
      after: { packetId: packet.packetId, partner: partner.code, stayId: row.stay.id, photo: packet.photo != null, outboxId, consent: TRACING_CONSENT_PURPOSE },
      at: now,
    });
    return { requestId: request.id, outboxId };
  });
}

/** Answers a partner's tracing request (Dinsos): the answer goes back signed, through the outbox. */
export function answerTracing(actor: Actor, requestId: number, input: TracingAnswerInput, now = new Date()) {
  if (scopeFor(actor, "handoff:receive").kind !== "all") throw new PermissionDenied("handoff:receive");
  return writeTransaction((tx) => {
    const row = tx.select().from(tracingRequests).where(and(eq(tracingRequests.id, requestId), eq(tracingRequests.direction, "incoming"))).get();
    if (!row) throw new NotFound("tracing_request");
    if (row.status !== "open") throw new Conflict("tracing.error.answered");
    const packet: TracingAnswerPacket = {
      version: PACKET_VERSION,
      kind: "tracing_answer",
      packetId: randomUUID(),
      from: ownProvince(),
      to: row.partnerCode,
      requestId: row.packetId,
      at: now.toISOString(),
      result: input.result,
      notes: input.notes ?? null,
      contact: input.contactName
        ? { name: input.contactName, relation: input.contactRelation ?? "", phone: input.contactPhone ?? null, address: input.contactAddress ?? null }
        : null,
    };
    tx.update(tracingRequests).set({ status: "answered", answer: packet, answeredAt: now }).where(eq(tracingRequests.id, row.id)).run();
    const outboxId = enqueuePacket(tx, packet, { tracingRequestId: row.id }, now);
    appendAudit(tx, { actorId: actor.id, action: "tracing.answer", entity: "tracing_request", entityId: row.id, after: { result: input.result, outboxId }, at: now });
    return { requestId: row.id, outboxId };
  });
}
