/**
 * Read models for hand-offs between provinces, the outbox and tracing requests. Hand-offs hold
 * personal data: every query takes the actor and puts its scope on `handoffs.panti_id` (a panti's
 * staff see the hand-offs of their panti; an incoming one not yet referred to a panti, or sent
 * to the family, only Dinsos sees).
 */
import { and, asc, count, desc, eq, inArray, min, notInArray, sql } from "drizzle-orm";
import { handoffEvents, handoffs, outbox, panti, partnerProvinces, stays, tracingRequests, users } from "#db/schema";
import {
  ageInDays,
  HANDOFF_DIRECTIONS,
  HANDOFF_STATUSES,
  handoffFormValues,
  type HandoffDirection,
  type HandoffPacket,
  type HandoffStatus,
  type TracingAnswerPacket,
  type TracingRequestPacket,
} from "~/domain/handoffs";
import { canOnPanti, scopeFor, type Actor } from "~/domain/permissions";
import { ownProvinceCode } from "~/domain/provinces";
import { TRACING_CONSENT_PURPOSE, type ConsentPurpose } from "~/domain/safeguarding";
import { db, perConnection } from "~/utils/db.server";
import { approvalStates } from "./approvals.server";
import { caseHeader } from "./case-file.server";
import { consentOfPerson } from "./safeguarding.server";
import { onePantiWhere, pantiWhere, scopeReachesPanti } from "./scope.server";

export const HANDOFFS_PAGE_SIZE = 50;

const own = () => ownProvinceCode(process.env.PANTI_PROVINCE);

/** Partners a packet may go to: active, not this instance's own province. */
function partnerOptions() {
  return db
    .select({ code: partnerProvinces.code, name: partnerProvinces.name, baseUrl: partnerProvinces.baseUrl })
    .from(partnerProvinces)
    .where(eq(partnerProvinces.active, true))
    .orderBy(asc(partnerProvinces.name))
    .all()
    .filter((p) => p.code !== own())
    .map((p) => ({ code: p.code, name: p.name, hasInstance: p.baseUrl != null }));
}

/** The case header and the choices of the hand-off form, or null when the stay is not the actor's to hand off. */
export function handoffFormData(actor: Actor, pantiId: number, stayId: number) {
  const header = caseHeader(actor, pantiId, stayId);
  if (!header || !canOnPanti(actor, "handoff:prepare", pantiId)) return null;
  const partners = partnerOptions();
  const suggested = partners.find((p) => p.name === header.person.originProvince)?.code ?? "";
  return { ...header, partners, suggested, consent: consentShown(header.person.id, "home_province") };
}

/** The person's consent for the purpose today, as the form shows it before the user submits. */
function consentShown(personId: number, purpose: ConsentPurpose) {
  const { state, allowed, record } = consentOfPerson(personId, purpose, new Date());
  return { purpose, state, allowed, expiresOn: record?.expiresOn ?? null };
}

/**
 * A draft hand-off to edit: its case header, the partner choices and the form's values from the
 * draft's packet; null when it is not the actor's (or not an outgoing one of a stay).
 */
export function handoffDraftFormData(actor: Actor, handoffId: number) {
  const row = db
    .select({ id: handoffs.id, status: handoffs.status, stayId: handoffs.stayId, pantiId: handoffs.pantiId, packet: handoffs.packet })
    .from(handoffs)
    .where(and(eq(handoffs.id, handoffId), eq(handoffs.direction, "outgoing"), pantiWhere(scopeFor(actor, "handoff:prepare"), handoffs.pantiId)))
    .get();
  if (!row || row.stayId == null || row.pantiId == null) return null;
  const header = caseHeader(actor, row.pantiId, row.stayId);
  if (!header) return null;
  return { ...header, handoff: { id: row.id, status: row.status }, partners: partnerOptions(), values: handoffFormValues(row.packet as HandoffPacket) };
}

export interface HandoffFilters {
  direction?: HandoffDirection;
  status?: HandoffStatus;
  partner?: string;
  page: number;
}

export function parseHandoffFilters(params: URLSearchParams): HandoffFilters {
  const direction = params.get("direction");
  const status = params.get("status");
  const partner = params.get("partner");
  const page = Number(params.get("page"));
  return {
    direction: (HANDOFF_DIRECTIONS as readonly string[]).includes(direction ?? "") ? (direction as HandoffDirection) : undefined,
    status: (HANDOFF_STATUSES as readonly string[]).includes(status ?? "") ? (status as HandoffStatus) : undefined,
    partner: partner && /^\d{2}$/.test(partner) ? partner : undefined,
    page: Number.isInteger(page) && page > 0 && page < 10_000 ? page : 1,
  };
}

/**
 * The hand-offs the actor may see, newest status change first. The name is the one the packet
 * carried, shown to the panti that prepared or received the hand-off (and Dinsos): its own act,
 * with the person's consent to share it; not masked.
 */
export function handoffList(actor: Actor, filters: HandoffFilters, now = new Date()) {
  const where = and(
    pantiWhere(scopeFor(actor, "handoff:read"), handoffs.pantiId),
    filters.direction ? eq(handoffs.direction, filters.direction) : undefined,
    filters.status ? eq(handoffs.status, filters.status) : undefined,
    filters.partner ? eq(handoffs.partnerCode, filters.partner) : undefined,
  );
  const total = db.select({ n: count() }).from(handoffs).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: handoffs.id,
      direction: handoffs.direction,
      status: handoffs.status,
      channel: handoffs.channel,
      personName: handoffs.personName,
      partnerName: partnerProvinces.name,
      pantiName: panti.name,
      plannedDate: handoffs.plannedDate,
      createdAt: handoffs.createdAt,
      statusChangedAt: handoffs.statusChangedAt,
    })
    .from(handoffs)
    .innerJoin(partnerProvinces, eq(partnerProvinces.code, handoffs.partnerCode))
    .leftJoin(panti, eq(panti.id, handoffs.pantiId))
    .where(where)
    .orderBy(desc(handoffs.statusChangedAt), desc(handoffs.id))
    .limit(HANDOFFS_PAGE_SIZE)
    .offset((filters.page - 1) * HANDOFFS_PAGE_SIZE)
    .all()
    .map((r) => ({ ...r, ageDays: ageInDays(r.createdAt, now) }));
  return {
    rows,
    page: filters.page,
    pages: Math.max(1, Math.ceil(total / HANDOFFS_PAGE_SIZE)),
    total,
    partners: partnerOptions(),
    canSeeOutbox: scopeFor(actor, "handoff:read").kind === "all",
  };
}

/** What became of a hand-off so far, as the packet summary shows it. */
function outcomeOf(h: typeof handoffs.$inferSelect) {
  return { sentAt: h.sentAt, acceptedAs: h.acceptedAs, declineReason: h.declineReason, arrivalCondition: h.arrivalCondition, arrivalNote: h.arrivalNote };
}

/** The packet of a hand-off and the partner province it came from or went to. */
function packetOf(h: typeof handoffs.$inferSelect, partner: { partnerName: string; partnerOffice: string }) {
  return { packet: h.packet as HandoffPacket, partner: { code: h.partnerCode, name: partner.partnerName, office: partner.partnerOffice } };
}

/** One hand-off with its history and deliveries, and what the actor may do with it; null when out of scope. */
export function handoffDetail(actor: Actor, handoffId: number) {
  const row = db
    .select({ handoff: handoffs, partnerName: partnerProvinces.name, partnerOffice: partnerProvinces.office, pantiName: panti.name })
    .from(handoffs)
    .innerJoin(partnerProvinces, eq(partnerProvinces.code, handoffs.partnerCode))
    .leftJoin(panti, eq(panti.id, handoffs.pantiId))
    .where(and(eq(handoffs.id, handoffId), pantiWhere(scopeFor(actor, "handoff:read"), handoffs.pantiId)))
    .get();
  if (!row) return null;
  const h = row.handoff;
  const events = db
    .select({ id: handoffEvents.id, at: handoffEvents.at, status: handoffEvents.status, remote: handoffEvents.remote, note: handoffEvents.note, actorName: users.name })
    .from(handoffEvents)
    .leftJoin(users, eq(users.id, handoffEvents.actorId))
    .where(eq(handoffEvents.handoffId, h.id))
    .orderBy(asc(handoffEvents.at), asc(handoffEvents.id))
    .all();
  const deliveries = db
    .select({ id: outbox.id, kind: outbox.kind, status: outbox.status, attempts: outbox.attempts, lastError: outbox.lastError, nextAttemptAt: outbox.nextAttemptAt, deliveredAt: outbox.deliveredAt })
    .from(outbox)
    .where(eq(outbox.handoffId, h.id))
    .orderBy(asc(outbox.id))
    .all();
  const scopeOk = (permission: "handoff:prepare" | "handoff:receive") =>
    h.pantiId != null ? canOnPanti(actor, permission, h.pantiId) : scopeFor(actor, permission).kind === "all";
  const outgoing = h.direction === "outgoing";
  const canPrepare = outgoing && scopeOk("handoff:prepare");
  const canReceive = !outgoing && scopeOk("handoff:receive");
  // An outgoing draft is sent only once approved (docs/decisions/022-approvals.md).
  const approval = outgoing ? (approvalStates(actor, "handoff", [h.id]).get(h.id) ?? null) : null;
  return {
    approval,
    handoff: {
      id: h.id,
      packetId: h.packetId,
      direction: h.direction,
      status: h.status,
      channel: h.channel,
      personName: h.personName,
      stayId: h.stayId,
      pantiId: h.pantiId,
      placementId: h.placementId,
      createdAt: h.createdAt,
      ...outcomeOf(h),
    },
    ...packetOf(h, row),
    pantiName: row.pantiName,
    events,
    deliveries,
    can: {
      send: canPrepare && h.status === "draft" && approval?.status === "approved",
      edit: canPrepare && h.status === "draft",
      file: canPrepare && h.channel === "file" && h.signature != null,
      recordAnswer: canPrepare && h.channel === "file" && ["sent", "received", "accepted"].includes(h.status),
      close: (canPrepare || canReceive) && (h.status === "arrived" || h.status === "declined"),
      decide: canReceive && h.status === "received",
      arrival: canReceive && h.status === "accepted",
      chooseAnyPanti: scopeFor(actor, "handoff:receive").kind === "all",
    },
    pantiOptions:
      !outgoing && h.status === "received"
        ? db.select({ id: panti.id, name: panti.name }).from(panti).where(eq(panti.active, true)).orderBy(asc(panti.name)).all()
        : [],
  };
}

// The stay's hand-offs, prepared once per connection; the scope of onePantiWhere is checked
// before they run (they take the panti as a value).
const handoffsOfStayQuery = perConnection((c) =>
  c
    .select({ id: handoffs.id, status: handoffs.status, partnerName: partnerProvinces.name, plannedDate: handoffs.plannedDate, arrivalCondition: handoffs.arrivalCondition, statusChangedAt: handoffs.statusChangedAt })
    .from(handoffs)
    .innerJoin(partnerProvinces, eq(partnerProvinces.code, handoffs.partnerCode))
    .where(and(eq(handoffs.stayId, sql.placeholder("stayId")), eq(handoffs.direction, "outgoing"), eq(handoffs.pantiId, sql.placeholder("pantiId"))))
    .orderBy(desc(handoffs.id))
    .prepare(),
);
const incomingHandoffQuery = perConnection((c) =>
  c
    .select({ handoff: handoffs, partnerName: partnerProvinces.name, partnerOffice: partnerProvinces.office })
    .from(handoffs)
    .innerJoin(partnerProvinces, eq(partnerProvinces.code, handoffs.partnerCode))
    .where(and(eq(handoffs.stayId, sql.placeholder("stayId")), eq(handoffs.direction, "incoming"), eq(handoffs.pantiId, sql.placeholder("pantiId"))))
    .prepare(),
);

/** The hand-offs of one stay (case file, exit form), newest first. */
export function handoffsOfStay(actor: Actor, pantiId: number, stayId: number) {
  if (!scopeReachesPanti(actor, "handoff:read", pantiId)) return [];
  return handoffsOfStayQuery().all({ stayId, pantiId });
}

/**
 * The incoming hand-off a stay came from (its referral was made from a partner's packet), with
 * the packet (the person's history as the sender wrote it); null when the stay came from none.
 */
export function incomingHandoffOfStay(actor: Actor, pantiId: number, stayId: number) {
  if (!scopeReachesPanti(actor, "handoff:read", pantiId)) return null;
  const row = incomingHandoffQuery().get({ stayId, pantiId });
  if (!row) return null;
  const h = row.handoff;
  return {
    handoff: { id: h.id, packetId: h.packetId, status: h.status, ...outcomeOf(h) },
    ...packetOf(h, row),
    canConfirmArrival: h.status === "accepted" && canOnPanti(actor, "handoff:receive", pantiId),
  };
}

/** The outbox for Dinsos: pending and rejected packets first, then the latest delivered. */
export function outboxList(actor: Actor) {
  if (scopeFor(actor, "handoff:read").kind !== "all") return null;
  const columns = {
    id: outbox.id,
    kind: outbox.kind,
    partnerName: partnerProvinces.name,
    path: outbox.path,
    status: outbox.status,
    attempts: outbox.attempts,
    lastError: outbox.lastError,
    lastAttemptAt: outbox.lastAttemptAt,
    nextAttemptAt: outbox.nextAttemptAt,
    deliveredAt: outbox.deliveredAt,
    createdAt: outbox.createdAt,
    handoffId: outbox.handoffId,
  };
  const base = () => db.select(columns).from(outbox).innerJoin(partnerProvinces, eq(partnerProvinces.code, outbox.partnerCode));
  return {
    open: base().where(inArray(outbox.status, ["pending", "rejected"])).orderBy(asc(outbox.id)).limit(200).all(),
    delivered: base().where(eq(outbox.status, "delivered")).orderBy(desc(outbox.id)).limit(50).all(),
  };
}

/** Report: hand-offs by partner and status with the age of the oldest, arrivals, people received, open tracing requests. */
export function handoffReport(actor: Actor, now = new Date()) {
  const scope = pantiWhere(scopeFor(actor, "handoff:read"), handoffs.pantiId);
  const byPartner = db
    .select({ direction: handoffs.direction, partnerCode: handoffs.partnerCode, partnerName: partnerProvinces.name, status: handoffs.status, n: count(), oldest: min(handoffs.statusChangedAt) })
    .from(handoffs)
    .innerJoin(partnerProvinces, eq(partnerProvinces.code, handoffs.partnerCode))
    .where(and(scope, notInArray(handoffs.status, ["draft", "discarded"])))
    .groupBy(handoffs.direction, handoffs.partnerCode, partnerProvinces.name, handoffs.status)
    .orderBy(asc(handoffs.direction), asc(partnerProvinces.name), asc(handoffs.status))
    .all()
    .map((r) => ({ ...r, oldestDays: r.oldest ? ageInDays(r.oldest, now) : null }));
  const arrivalsWhere = (direction: HandoffDirection) => and(scope, eq(handoffs.direction, direction), inArray(handoffs.status, ["arrived", "closed"]));
  const arrivals = (direction: HandoffDirection) => {
    const rows = db
      .select({ condition: handoffs.arrivalCondition, n: count() })
      .from(handoffs)
      .where(arrivalsWhere(direction))
      .groupBy(handoffs.arrivalCondition)
      .all();
    const total = rows.reduce((s, r) => s + r.n, 0);
    const good = rows.find((r) => r.condition === "good")?.n ?? 0;
    return { total, good };
  };
  const tracingScope = pantiWhere(scopeFor(actor, "handoff:read"), tracingRequests.pantiId);
  const openTracing = db
    .select({ direction: tracingRequests.direction, partnerName: partnerProvinces.name, n: count(), oldest: min(tracingRequests.createdAt) })
    .from(tracingRequests)
    .innerJoin(partnerProvinces, eq(partnerProvinces.code, tracingRequests.partnerCode))
    .where(and(tracingScope, eq(tracingRequests.status, "open")))
    .groupBy(tracingRequests.direction, partnerProvinces.name)
    .orderBy(asc(tracingRequests.direction), asc(partnerProvinces.name))
    .all()
    .map((r) => ({ ...r, oldestDays: r.oldest ? ageInDays(r.oldest, now) : null }));
  const receivedFrom = db
    .select({ partnerName: partnerProvinces.name, n: count() })
    .from(handoffs)
    .innerJoin(partnerProvinces, eq(partnerProvinces.code, handoffs.partnerCode))
    .where(and(scope, eq(handoffs.direction, "incoming")))
    .groupBy(partnerProvinces.name)
    .orderBy(asc(partnerProvinces.name))
    .all();
  return { byPartner, outgoingArrivals: arrivals("outgoing"), incomingArrivals: arrivals("incoming"), receivedFrom, openTracing };
}

// ---------------------------------------------------------------------------
// Tracing requests
// ---------------------------------------------------------------------------

/** The case header and partner choices of the tracing-request form, or null. */
export function tracingFormData(actor: Actor, pantiId: number, stayId: number) {
  const header = caseHeader(actor, pantiId, stayId);
  if (!header || !canOnPanti(actor, "handoff:prepare", pantiId)) return null;
  const partners = partnerOptions().filter((p) => p.hasInstance);
  const suggested = partners.find((p) => p.name === header.person.originProvince)?.code ?? "";
  return { ...header, partners, suggested, consent: consentShown(header.person.id, TRACING_CONSENT_PURPOSE) };
}

/** Tracing requests the actor may see: outgoing of their panti, incoming (Dinsos only). */
export function tracingRequestList(actor: Actor, filters: { status?: "open" | "answered" }) {
  return db
    .select({
      id: tracingRequests.id,
      direction: tracingRequests.direction,
      status: tracingRequests.status,
      partnerName: partnerProvinces.name,
      stayId: tracingRequests.stayId,
      pantiId: tracingRequests.pantiId,
      packet: tracingRequests.packet,
      createdAt: tracingRequests.createdAt,
      answeredAt: tracingRequests.answeredAt,
    })
    .from(tracingRequests)
    .innerJoin(partnerProvinces, eq(partnerProvinces.code, tracingRequests.partnerCode))
    .where(and(pantiWhere(scopeFor(actor, "handoff:read"), tracingRequests.pantiId), filters.status ? eq(tracingRequests.status, filters.status) : undefined))
    .orderBy(desc(tracingRequests.id))
    .limit(200)
    .all()
    .map((r) => ({ ...r, packet: r.packet as TracingRequestPacket }));
}

/** One tracing request, or null when out of scope. */
export function tracingRequestDetail(actor: Actor, requestId: number) {
  const row = db
    .select({ request: tracingRequests, partnerName: partnerProvinces.name })
    .from(tracingRequests)
    .innerJoin(partnerProvinces, eq(partnerProvinces.code, tracingRequests.partnerCode))
    .where(and(eq(tracingRequests.id, requestId), pantiWhere(scopeFor(actor, "handoff:read"), tracingRequests.pantiId)))
    .get();
  if (!row) return null;
  const r = row.request;
  return {
    id: r.id,
    direction: r.direction,
    status: r.status,
    partnerName: row.partnerName,
    stayId: r.stayId,
    pantiId: r.pantiId,
    packet: r.packet as TracingRequestPacket,
    answer: r.answer as TracingAnswerPacket | null,
    createdAt: r.createdAt,
    answeredAt: r.answeredAt,
    canAnswer: r.direction === "incoming" && r.status === "open" && scopeFor(actor, "handoff:receive").kind === "all",
  };
}

/** The tracing requests of one stay, for its family page, newest first. */
export function tracingOfStay(actor: Actor, pantiId: number, stayId: number) {
  return db
    .select({ id: tracingRequests.id, status: tracingRequests.status, partnerName: partnerProvinces.name, createdAt: tracingRequests.createdAt })
    .from(tracingRequests)
    .innerJoin(partnerProvinces, eq(partnerProvinces.code, tracingRequests.partnerCode))
    .innerJoin(stays, eq(stays.id, tracingRequests.stayId))
    .where(and(eq(tracingRequests.stayId, stayId), onePantiWhere(actor, "handoff:read", pantiId, stays.pantiId)))
    .orderBy(desc(tracingRequests.id))
    .all();
}
