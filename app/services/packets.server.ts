/**
 * Receiving signed packets from partner provinces (POST /api/v1/handoffs, .../status,
 * /api/v1/tracing-requests, .../answer). In this order: the envelope's shape, a signature, a
 * sender in the registry with a key, the signature against that key, this instance as the
 * recipient, a packet version this instance reads, the packet's fields; then, in one
 * transaction, idempotency by packet id (a replay answers as before, the same id with other
 * content is a conflict) and the change. Each refusal has its own status and code; every receipt
 * and every refusal of a packet that names its sender is in the audit log.
 */
import { and, eq } from "drizzle-orm";
import { familyContacts, handoffEvents, handoffs, partnerProvinces, stays, tracingAttempts, tracingRequests } from "#db/schema";
import { Conflict } from "~/domain/errors";
import {
  envelopeSchema,
  PACKET_SCHEMAS,
  PACKET_VERSIONS,
  packetHeaderSchema,
  reportOutcome,
  type HandoffPacket,
  type PacketKind,
  type StatusPacket,
  type TracingAnswerPacket,
  type TracingRequestPacket,
} from "~/domain/handoffs";
import { displayName } from "~/domain/persons";
import { db } from "~/utils/db.server";
import { canonicalJson, verifyPacket } from "~/utils/signing.server";
import { appendAudit, writeTransaction, type Tx } from "./audit.server";
import { applyReportedStatus, ownProvince, reportToSender } from "./handoffs.server";
import { deliverSoon, packetHash } from "./outbox.server";
import { apiError, apiJson, methodNotAllowed, readJsonBody } from "./placement-api.server";
import { apiLanguage } from "~/domain/api-tokens";
import { translator } from "~/utils/i18n";

export type PacketErrorCode =
  | "validation"
  | "missing_signature"
  | "invalid_signature"
  | "unknown_partner"
  | "wrong_recipient"
  | "unsupported_version"
  | "conflict"
  | "not_found";

export type ReceiveResult =
  | { ok: true; status: 200 | 201; replay: boolean; body: Record<string, unknown>; outboxIds: number[] }
  | { ok: false; status: 400 | 401 | 403 | 404 | 409 | 422; error: PacketErrorCode; messageKey: string; extra?: Record<string, unknown> };

const refusal = (
  status: 400 | 401 | 403 | 404 | 409 | 422,
  error: PacketErrorCode,
  extra?: Record<string, unknown>,
): Extract<ReceiveResult, { ok: false }> => ({ ok: false, status, error, messageKey: `packet.error.${error}`, extra });

function fieldsOf(issues: { path: PropertyKey[]; message: string; code: string; keys?: string[] }[]) {
  const fields: Record<string, string[]> = {};
  for (const issue of issues.slice(0, 50)) {
    const keys = issue.code === "unrecognized_keys" && issue.keys ? issue.keys.map((k) => `packet.${k}`) : [["packet", ...issue.path.map(String)].join(".")];
    for (const key of keys) (fields[key.slice(0, 100)] ??= []).push(issue.code === "unrecognized_keys" ? "unknown field" : issue.message);
  }
  return fields;
}

/** Receives a signed packet of the expected kind; `pathId` is the id in the URL, when there is one. */
export function receivePacket(body: unknown, expected: { kind: PacketKind; pathId?: string }, now = new Date()): ReceiveResult {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return refusal(400, "validation", { fields: fieldsOf(envelope.error.issues) });
  const head = packetHeaderSchema.safeParse(envelope.data.packet);
  if (!head.success) return refusal(400, "validation", { fields: fieldsOf(head.error.issues) });
  const header = head.data;
  const refuse = (result: Extract<ReceiveResult, { ok: false }>) => {
    writeTransaction((tx) =>
      appendAudit(tx, {
        actorId: null,
        action: "packet.refuse",
        entity: "packet",
        entityId: header.packetId,
        after: { error: result.error, from: header.from, kind: header.kind, version: header.version },
        at: now,
      }),
    );
    return result;
  };
  if (header.kind !== expected.kind) return refuse(refusal(400, "validation", { fields: { "packet.kind": [`expected "${expected.kind}"`] } }));
  const signature = envelope.data.signature;
  if (!signature) return refuse(refusal(401, "missing_signature"));
  const partner = db.select().from(partnerProvinces).where(eq(partnerProvinces.code, header.from)).get();
  if (!partner || !partner.active || !partner.publicKey || partner.code === ownProvince()) return refuse(refusal(403, "unknown_partner"));
  if (!verifyPacket(canonicalJson(envelope.data.packet), signature, partner.publicKey)) return refuse(refusal(401, "invalid_signature"));
  if (header.to !== ownProvince()) return refuse(refusal(422, "wrong_recipient", { recipient: ownProvince() }));
  if (!(PACKET_VERSIONS as readonly number[]).includes(header.version)) {
    return refuse(refusal(422, "unsupported_version", { supported: [...PACKET_VERSIONS] }));
  }
  const parsed = PACKET_SCHEMAS[expected.kind].safeParse(envelope.data.packet);
  if (!parsed.success) return refuse(refusal(400, "validation", { fields: fieldsOf(parsed.error.issues) }));
  const packet = parsed.data;
  const hash = packetHash(envelope.data.packet);
  const pathId = "handoffId" in packet ? packet.handoffId : "requestId" in packet ? packet.requestId : undefined;
  if (expected.pathId !== undefined && expected.pathId !== pathId) {
    return refuse(refusal(400, "validation", { fields: { "packet.id": ["does not match the URL"] } }));
  }
  try {
    const result = writeTransaction((tx) => {
      switch (packet.kind) {
        case "handoff":
          return receiveHandoff(tx, packet, signature, hash, now);
        case "status":
          return receiveStatus(tx, packet, now);
        case "tracing_request":
          return receiveTracingRequest(tx, packet, hash, now);
        case "tracing_answer":
          return receiveTracingAnswer(tx, packet, partner.name, now);
      }
    });
    if (!result.ok) return refuse(result);
    return result;
  } catch (error) {
    if (error instanceof Conflict) return refuse(refusal(409, "conflict", error.params));
    throw error;
  }
}

function receiveHandoff(tx: Tx, packet: HandoffPacket, signature: string, hash: string, now: Date): ReceiveResult {
  const existing = tx.select().from(handoffs).where(and(eq(handoffs.direction, "incoming"), eq(handoffs.packetId, packet.packetId))).get();
  if (existing) {
    if (existing.packetHash !== hash || existing.partnerCode !== packet.from) return refusal(409, "conflict", { handoffId: packet.packetId });
    return { ok: true, status: 200, replay: true, body: { handoffId: packet.packetId, status: existing.status }, outboxIds: [] };
  }
  const row = tx
    .insert(handoffs)
    .values({
      packetId: packet.packetId,
      direction: "incoming",
      partnerCode: packet.from,
      status: "received",
      personName: displayName({ name: packet.person.name, unidentified: packet.person.unidentified, sex: packet.person.sex }),
      plannedDate: packet.travel.plannedDate,
      packet,
      signature,
      packetHash: hash,
      sentAt: new Date(packet.sentAt),
      createdAt: now,
      statusChangedAt: now,
    })
    .returning()
    .get();
  tx.insert(handoffEvents).values({ handoffId: row.id, at: now, status: "received", remote: true, packetId: null }).run();
  const outboxId = reportToSender(tx, row, { status: "received" }, now);
  appendAudit(tx, {
    actorId: null,
    action: "handoff.receive",
    entity: "handoff",
    entityId: row.id,
    after: { packetId: packet.packetId, from: packet.from, plannedDate: packet.travel.plannedDate, outboxId },
    at: now,
  });
  return { ok: true, status: 201, replay: false, body: { handoffId: packet.packetId, status: "received" }, outboxIds: outboxId ? [outboxId] : [] };
}

function receiveStatus(tx: Tx, packet: StatusPacket, now: Date): ReceiveResult {
  const row = tx
    .select()
    .from(handoffs)
    .where(and(eq(handoffs.direction, "outgoing"), eq(handoffs.packetId, packet.handoffId), eq(handoffs.partnerCode, packet.from)))
    .get();
  if (!row || row.status === "draft") return refusal(404, "not_found");
  const seen = tx.select({ id: handoffEvents.id }).from(handoffEvents).where(eq(handoffEvents.packetId, packet.packetId)).get();
  if (seen) return { ok: true, status: 200, replay: true, body: { handoffId: row.packetId, status: row.status }, outboxIds: [] };
  const outcome = reportOutcome(row.status, packet.status);
  if (outcome === "refuse") return refusal(409, "conflict", { handoffId: row.packetId, status: row.status });
  if (outcome === "apply") {
    applyReportedStatus(tx, row, packet, { actorId: null, remote: true, packetId: packet.packetId }, now);
    appendAudit(tx, {
      actorId: null,
      action: "handoff.status_received",
      entity: "handoff",
      entityId: row.id,
      pantiId: row.pantiId,
      before: { status: row.status },
      after: { status: packet.status, packetId: packet.packetId, note: packet.note, condition: packet.condition },
      at: now,
    });
  }
  return { ok: true, status: 200, replay: outcome === "same", body: { handoffId: row.packetId, status: packet.status }, outboxIds: [] };
}

function receiveTracingRequest(tx: Tx, packet: TracingRequestPacket, hash: string, now: Date): ReceiveResult {
  const existing = tx
    .select()
    .from(tracingRequests)
    .where(and(eq(tracingRequests.direction, "incoming"), eq(tracingRequests.packetId, packet.packetId)))
    .get();
  if (existing) {
    if (existing.packetHash !== hash || existing.partnerCode !== packet.from) return refusal(409, "conflict", { requestId: packet.packetId });
    return { ok: true, status: 200, replay: true, body: { requestId: packet.packetId, status: existing.status }, outboxIds: [] };
  }
  const row = tx
    .insert(tracingRequests)
    .values({ packetId: packet.packetId, direction: "incoming", partnerCode: packet.from, status: "open", packet, packetHash: hash, createdAt: now })
    .returning({ id: tracingRequests.id })
    .get();
  appendAudit(tx, { actorId: null, action: "tracing.receive", entity: "tracing_request", entityId: row.id, after: { packetId: packet.packetId, from: packet.from }, at: now });
  return { ok: true, status: 201, replay: false, body: { requestId: packet.packetId, status: "open" }, outboxIds: [] };
}

function receiveTracingAnswer(tx: Tx, packet: TracingAnswerPacket, partnerName: string, now: Date): ReceiveResult {
  const row = tx
    .select()
    .from(tracingRequests)
    .where(and(eq(tracingRequests.direction, "outgoing"), eq(tracingRequests.packetId, packet.requestId), eq(tracingRequests.partnerCode, packet.from)))
    .get();
  if (!row) return refusal(404, "not_found");
  if (row.answer) {
    if ((row.answer as { packetId?: string }).packetId === packet.packetId) {
      return { ok: true, status: 200, replay: true, body: { requestId: row.packetId, status: row.status }, outboxIds: [] };
    }
    return refusal(409, "conflict", { requestId: row.packetId, status: row.status });
  }
  tx.update(tracingRequests).set({ status: "answered", answer: packet, answeredAt: now }).where(eq(tracingRequests.id, row.id)).run();
  if (row.stayId != null) {
    const stay = tx.select({ personId: stays.personId }).from(stays).where(eq(stays.id, row.stayId)).get();
    let contactId: number | null = null;
    if (stay && packet.contact) {
      contactId = tx
        .insert(familyContacts)
        .values({ personId: stay.personId, name: packet.contact.name, relation: packet.contact.relation, phone: packet.contact.phone, address: packet.contact.address, notes: `Dinas Sosial ${partnerName}` })
        .returning({ id: familyContacts.id })
        .get().id;
    }
    tx.insert(tracingAttempts)
      .values({
        stayId: row.stayId,
        contactId,
        attemptedAt: new Date(packet.at),
        channel: "partner_province",
        result: packet.result,
        notes: [`Dinas Sosial ${partnerName}`, packet.notes].filter(Boolean).join(": "),
      })
      .run();
  }
  appendAudit(tx, {
    actorId: null,
    action: "tracing.answer_received",
    entity: "tracing_request",
    entityId: row.id,
    pantiId: row.pantiId,
    after: { packetId: packet.packetId, result: packet.result },
    at: now,
  });
  return { ok: true, status: 200, replay: false, body: { requestId: row.packetId, status: "answered" }, outboxIds: [] };
}

// ---------------------------------------------------------------------------
// HTTP: the answer of the receiving routes
// ---------------------------------------------------------------------------

/**
 * The whole of a receiving route: method, bounded JSON body (415, 413, 400 as for the placements
 * API), `receivePacket`, and the JSON answer; status reports it queued are delivered shortly after.
 */
export async function answerPacket(request: Request, expected: { kind: PacketKind; pathId?: string }): Promise<Response> {
  const lang = apiLanguage(request.headers.get("Accept-Language"));
  if (request.method !== "POST") return methodNotAllowed(lang, "POST");
  const body = await readJsonBody(request, lang);
  const result = receivePacket(body, expected);
  const t = translator(lang);
  if (!result.ok) return apiError(result.status, result.error, t.dynamic(result.messageKey), result.extra ?? {});
  if (result.outboxIds.length > 0) deliverSoon(result.outboxIds);
  return apiJson(result.body, result.status, result.replay ? { "Idempotent-Replay": "true" } : {});
}
