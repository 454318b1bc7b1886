/**
 * Hand-offs between FKD-MPU provinces (pemulangan ke daerah asal): the form that prepares one,
 * its statuses as a state machine, the signed packets the two instances exchange, and the
 * outbox's retry schedule. Pure: no I/O. The packet format is docs/decisions/020-fkd-mpu-packets.md.
 */
import * as z from "zod/mini";
import { checkbox } from "./fields";
import { TRANSPORT_MODES } from "./exits";
import { PROVINCE_CODE } from "./provinces";
import { TRACING_RESULTS } from "./enums";
import { personName, plainText } from "./text";
import { isCalendarDate } from "./time";

// ---------------------------------------------------------------------------
// Statuses
// ---------------------------------------------------------------------------

/** "discarded": a draft that was never sent and was given up (with a reason); it blocks nothing. */
export const HANDOFF_STATUSES = ["draft", "sent", "received", "accepted", "declined", "arrived", "closed", "discarded"] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

export const HANDOFF_DIRECTIONS = ["outgoing", "incoming"] as const;
export type HandoffDirection = (typeof HANDOFF_DIRECTIONS)[number];

/** How an outgoing hand-off reaches the partner: its instance's API, or a signed file and a cover letter. */
export const HANDOFF_CHANNELS = ["api", "file"] as const;
export type HandoffChannel = (typeof HANDOFF_CHANNELS)[number];

/** Where an accepted person goes in the home province: a panti (as a referral) or straight to the family. */
export const ACCEPTED_AS = ["panti", "family"] as const;
export type AcceptedAs = (typeof ACCEPTED_AS)[number];

export const ARRIVAL_CONDITIONS = ["good", "with_note"] as const;
export type ArrivalCondition = (typeof ARRIVAL_CONDITIONS)[number];

/** The statuses each status may move to. */
const NEXT: Record<HandoffStatus, readonly HandoffStatus[]> = {
  draft: ["sent", "discarded"],
  sent: ["received"],
  received: ["accepted", "declined"],
  accepted: ["arrived"],
  declined: ["closed"],
  arrived: ["closed"],
  closed: [],
  discarded: [],
};

/** Whether a hand-off may go from one status to the next. */
export function canMove(from: HandoffStatus, to: HandoffStatus): boolean {
  return NEXT[from].includes(to);
}

export function nextStatuses(from: HandoffStatus): readonly HandoffStatus[] {
  return NEXT[from];
}

/** The statuses a hand-off passes through on its way to `to` (inclusive), or null when `to` is not ahead. */
export function pathTo(from: HandoffStatus, to: HandoffStatus): HandoffStatus[] | null {
  if (from === to) return [];
  for (const step of NEXT[from]) {
    const rest = pathTo(step, to);
    if (rest) return [step, ...rest];
  }
  return null;
}

/** Statuses the receiving province reports back to the sender. */
export const REPORTED_STATUSES = ["received", "accepted", "declined", "arrived"] as const;
export type ReportedStatus = (typeof REPORTED_STATUSES)[number];

/**
 * What a status report from the receiver does to the sender's copy: "apply" (it is ahead: each
 * status on the way is recorded), "same" (already there: a repeated report), or "refuse" (it is
 * behind or off the path, e.g. "arrived" after "declined").
 */
export function reportOutcome(current: HandoffStatus, reported: HandoffStatus): "apply" | "same" | "refuse" {
  if (current === reported) return "same";
  return pathTo(current, reported) ? "apply" : "refuse";
}

/** Open hand-offs: not yet closed or discarded (declined ones stay open until the sender closes them). */
export function isOpen(status: HandoffStatus): boolean {
  return status !== "closed" && status !== "discarded";
}

/** Statuses of an outgoing hand-off still under way: a stay has at most one, and a new one waits for it. */
export const UNDER_WAY: readonly HandoffStatus[] = ["draft", "sent", "received", "accepted"];

/** Whole days since an instant (the age of a hand-off in the report). */
export function ageInDays(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / 86_400_000));
}

// ---------------------------------------------------------------------------
// The form that prepares a hand-off
// ---------------------------------------------------------------------------

/** Identity documents the person carries, named in the packet. */
export const HANDOFF_DOCUMENTS = ["ktp", "kk", "birthCertificate", "bpjs", "other"] as const;
export type HandoffDocument = (typeof HANDOFF_DOCUMENTS)[number];

const optionalText = (max: number) =>
  z.pipe(z.transform((v) => (typeof v === "string" && v.trim() === "" ? undefined : v)), z.optional(plainText(max)));

/** Cross-field rules run even when a field failed, so that every error of a form comes back at once. */
const ALWAYS = { when: () => true } as const;

const requiredText = (max: number) => z.pipe(plainText(max), z.string().check(z.minLength(3, "error.required")));

/** A calendar date (YYYY-MM-DD). */
const dateField = () => z.string().check(z.trim(), z.refine(isCalendarDate, "error.date"));

export const handoffSchema = z.object({
  partnerCode: z.string().check(z.trim(), z.regex(PROVINCE_CODE, "handoff.error.partner")),
  destinationCity: requiredText(80),
  reason: requiredText(1000),
  docKtp: checkbox(),
  docKk: checkbox(),
  docBirthCertificate: checkbox(),
  docBpjs: checkbox(),
  docOther: checkbox(),
  documentsNote: optionalText(300),
  health: requiredText(1000),
  medication: optionalText(500),
  disability: optionalText(500),
  psychosocial: requiredText(1000),
  continueRehabilitation: optionalText(1000),
  continueTreatment: optionalText(1000),
  continueTraining: optionalText(1000),
  familyFound: checkbox(),
  familyName: z.pipe(z.transform((v) => (typeof v === "string" && v.trim() === "" ? undefined : v)), z.optional(personName())),
  familyRelation: optionalText(60),
  familyAddress: optionalText(300),
  familyPhone: z.pipe(z.transform((v) => (typeof v === "string" && v.trim() === "" ? undefined : v)), z.optional(z.string().check(z.trim(), z.regex(/^\+?[0-9 -]{6,20}$/, "error.phone")))),
  escort: requiredText(120),
  transport: z.enum(TRANSPORT_MODES),
  plannedDate: dateField(),
  consent: checkbox(),
  consentNote: optionalText(500),
}).check(z.superRefine((v, ctx) => {
  if (!v.consent) ctx.addIssue({ code: "custom", path: ["consent"], message: "handoff.error.consent" });
  if (v.familyFound) {
    for (const field of ["familyName", "familyRelation", "familyAddress"] as const) {
      if (!v[field]) ctx.addIssue({ code: "custom", path: [field], message: "error.required" });
    }
  }
}, ALWAYS));
export type HandoffInput = z.output<typeof handoffSchema>;

/** The form's fields of a document, for the checkboxes and for filling the form from a packet. */
export const DOCUMENT_FIELDS = {
  ktp: "docKtp",
  kk: "docKk",
  birthCertificate: "docBirthCertificate",
  bpjs: "docBpjs",
  other: "docOther",
} as const satisfies Record<HandoffDocument, keyof HandoffInput>;

/** The form's values of a draft's packet, as the browser posts them, to edit the draft with the same form. */
export function handoffFormValues(packet: HandoffPacket): Record<string, string> {
  const values: Record<string, string | null> = {
    partnerCode: packet.to,
    destinationCity: packet.travel.destinationCity,
    reason: packet.reason,
    documentsNote: packet.documentsNote,
    health: packet.condition.health,
    medication: packet.condition.medication,
    disability: packet.condition.disability,
    psychosocial: packet.condition.psychosocial,
    continueRehabilitation: packet.continuation.rehabilitation,
    continueTreatment: packet.continuation.treatment,
    continueTraining: packet.continuation.training,
    familyFound: packet.family.found ? "on" : null,
    familyName: packet.family.name,
    familyRelation: packet.family.relation,
    familyAddress: packet.family.address,
    familyPhone: packet.family.phone,
    escort: packet.travel.escort,
    transport: packet.travel.transport,
    plannedDate: packet.travel.plannedDate,
    consent: packet.consent.given ? "on" : null,
    consentNote: packet.consent.note,
  };
  for (const doc of packet.documents) values[DOCUMENT_FIELDS[doc]] = "on";
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] != null));
}

export function documentsOf(input: HandoffInput): HandoffDocument[] {
  const ticked: Record<HandoffDocument, boolean> = {
    ktp: input.docKtp,
    kk: input.docKk,
    birthCertificate: input.docBirthCertificate,
    bpjs: input.docBpjs,
    other: input.docOther,
  };
  return HANDOFF_DOCUMENTS.filter((d) => ticked[d]);
}

export const declineSchema = z.object({
  intent: z.literal("decline"),
  reason: requiredText(500),
});

export const acceptSchema = z.object({
  intent: z.literal("accept"),
  acceptedAs: z.enum(ACCEPTED_AS),
  targetPantiId: z.pipe(z.transform((v) => (v === "" ? undefined : v)), z.optional(z.coerce.number().check(z.int(), z.positive()))),
  note: optionalText(500),
}).check(z.superRefine((v, ctx) => {
  if (v.acceptedAs === "panti" && v.targetPantiId === undefined) {
    ctx.addIssue({ code: "custom", path: ["targetPantiId"], message: "error.required" });
  }
}, ALWAYS));

export const arrivalSchema = z.object({
  intent: z.literal("arrival"),
  condition: z.enum(ARRIVAL_CONDITIONS),
  note: optionalText(1000),
}).check(z.superRefine((v, ctx) => {
  if (v.condition === "with_note" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "handoff.error.arrivalNote" });
}, ALWAYS));

export const closeSchema = z.object({ intent: z.literal("close"), note: optionalText(500) });

/** Giving up a draft that was never sent: the reason is kept in its history and the audit log. */
export const discardSchema = z.object({ intent: z.literal("discard"), reason: requiredText(500) });

export const sendSchema = z.object({ intent: z.literal("send") });

/** For a hand-off sent as a file: the partner's answer (by letter or phone), recorded by hand. */
export const partnerAnswerSchema = z.object({
  intent: z.literal("answer"),
  status: z.enum(REPORTED_STATUSES),
  condition: z.pipe(z.transform((v) => (v === "" ? undefined : v)), z.optional(z.enum(ARRIVAL_CONDITIONS))),
  note: optionalText(1000),
}).check(z.superRefine((v, ctx) => {
  if (v.status === "declined" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "error.required" });
  if (v.status === "arrived" && !v.condition) ctx.addIssue({ code: "custom", path: ["condition"], message: "error.required" });
}, ALWAYS));

// ---------------------------------------------------------------------------
// Packets (version 1)
// ---------------------------------------------------------------------------

/** The packet versions this instance reads. A sender writes the newest; a receiver refuses others (422). */
export const PACKET_VERSIONS = [1] as const;
export const PACKET_VERSION = 1;

export const PACKET_KINDS = ["handoff", "status", "tracing_request", "tracing_answer"] as const;
export type PacketKind = (typeof PACKET_KINDS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const uuid = () => z.string().check(z.regex(UUID));
const instant = () => z.iso.datetime({ offset: true });
const text = (max: number) => z.string().check(z.maxLength(max));
const nullableText = (max: number) => z.nullable(text(max));
const province = () => z.string().check(z.regex(PROVINCE_CODE));

/** The fields every packet carries, whatever its kind and version: read before anything else. */
export const packetHeaderSchema = z.object({
  version: z.number().check(z.int()),
  kind: z.enum(PACKET_KINDS),
  packetId: uuid(),
  from: province(),
  to: province(),
});
export type PacketHeader = z.output<typeof packetHeaderSchema>;

/** What is signed travels as `{ packet, signature }`: the signature is over canonicalJson(packet). */
export const envelopeSchema = z.object({
  packet: z.record(z.string(), z.unknown()),
  signature: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});

const header = {
  version: z.literal(PACKET_VERSION),
  packetId: uuid(),
  from: province(),
  to: province(),
};

export const handoffPacketSchema = z.strictObject({
  ...header,
  kind: z.literal("handoff"),
  sentAt: instant(),
  sender: z.strictObject({ office: text(200), panti: nullableText(200), contact: nullableText(200) }),
  person: z.strictObject({
    name: nullableText(100),
    unidentified: z.boolean(),
    description: nullableText(1000),
    sex: z.enum(["male", "female"]),
    birthDate: nullableText(10),
    birthYear: z.nullable(z.number().check(z.int(), z.gte(1900), z.lte(2100))),
    nik: nullableText(16),
    kk: nullableText(16),
    originCity: nullableText(80),
    ppksCategory: nullableText(60),
    disabilitySubtypes: z.array(text(60)).check(z.maxLength(20)),
  }),
  documents: z.array(z.enum(HANDOFF_DOCUMENTS)).check(z.maxLength(HANDOFF_DOCUMENTS.length)),
  documentsNote: nullableText(300),
  reason: text(1000),
  condition: z.strictObject({
    health: text(1000),
    medication: nullableText(500),
    disability: nullableText(500),
    psychosocial: text(1000),
  }),
  continuation: z.strictObject({
    rehabilitationStage: nullableText(60),
    rehabilitation: nullableText(1000),
    treatment: nullableText(1000),
    training: nullableText(1000),
  }),
  family: z.strictObject({
    found: z.boolean(),
    name: nullableText(100),
    relation: nullableText(60),
    address: nullableText(300),
    phone: nullableText(20),
  }),
  travel: z.strictObject({
    destinationCity: text(80),
    escort: text(120),
    transport: z.enum(TRANSPORT_MODES),
    plannedDate: text(10),
  }),
  consent: z.strictObject({ given: z.literal(true), note: nullableText(500) }),
});
export type HandoffPacket = z.output<typeof handoffPacketSchema>;

export const statusPacketSchema = z.strictObject({
  ...header,
  kind: z.literal("status"),
  handoffId: uuid(),
  status: z.enum(REPORTED_STATUSES),
  at: instant(),
  acceptedAs: z.nullable(z.enum(ACCEPTED_AS)),
  condition: z.nullable(z.enum(ARRIVAL_CONDITIONS)),
  note: nullableText(1000),
});
export type StatusPacket = z.output<typeof statusPacketSchema>;

export const tracingRequestPacketSchema = z.strictObject({
  ...header,
  kind: z.literal("tracing_request"),
  sentAt: instant(),
  person: z.strictObject({ sex: z.enum(["male", "female"]), age: z.nullable(z.number().check(z.int(), z.gte(0), z.lte(130))) }),
  description: text(1000),
  names: nullableText(500),
  places: nullableText(500),
  language: nullableText(100),
  /** A small photo as a data URL (JPEG or PNG), optional. */
  photo: z.nullable(z.string().check(z.maxLength(48_000), z.regex(/^data:image\/(jpeg|png);base64,[A-Za-z0-9+/]+=*$/))),
});
export type TracingRequestPacket = z.output<typeof tracingRequestPacketSchema>;

export const tracingAnswerPacketSchema = z.strictObject({
  ...header,
  kind: z.literal("tracing_answer"),
  requestId: uuid(),
  at: instant(),
  result: z.enum(TRACING_RESULTS),
  notes: nullableText(1000),
  contact: z.nullable(z.strictObject({ name: text(100), relation: text(60), phone: nullableText(20), address: nullableText(300) })),
});
export type TracingAnswerPacket = z.output<typeof tracingAnswerPacketSchema>;

export const PACKET_SCHEMAS = {
  handoff: handoffPacketSchema,
  status: statusPacketSchema,
  tracing_request: tracingRequestPacketSchema,
  tracing_answer: tracingAnswerPacketSchema,
} as const;

/** Where each kind of packet is posted on the partner's instance. */
export function packetPath(packet: { kind: PacketKind; handoffId?: string; requestId?: string }): string {
  switch (packet.kind) {
    case "handoff":
      return "/api/v1/handoffs";
    case "status":
      return `/api/v1/handoffs/${packet.handoffId}/status`;
    case "tracing_request":
      return "/api/v1/tracing-requests";
    case "tracing_answer":
      return `/api/v1/tracing-requests/${packet.requestId}/answer`;
  }
}

export interface HandoffPerson {
  name: string | null;
  unidentified: boolean;
  description: string | null;
  sex: "male" | "female";
  birthDate: string | null;
  birthYear: number | null;
  nik: string | null;
  kk: string | null;
  originCity: string | null;
  ppksCategory: string | null;
  disabilitySubtypes: string[];
}

/** The hand-off packet of a form's input: only what the agreement needs (no notes, no session records). */
export function buildHandoffPacket(args: {
  packetId: string;
  from: string;
  sentAt: Date;
  sender: HandoffPacket["sender"];
  person: HandoffPerson;
  stage: string | null;
  input: HandoffInput;
}): HandoffPacket {
  const { input } = args;
  return {
    version: PACKET_VERSION,
    kind: "handoff",
    packetId: args.packetId,
    from: args.from,
    to: input.partnerCode,
    sentAt: args.sentAt.toISOString(),
    sender: args.sender,
    person: args.person,
    documents: documentsOf(input),
    documentsNote: input.documentsNote ?? null,
    reason: input.reason,
    condition: {
      health: input.health,
      medication: input.medication ?? null,
      disability: input.disability ?? null,
      psychosocial: input.psychosocial,
    },
    continuation: {
      rehabilitationStage: args.stage,
      rehabilitation: input.continueRehabilitation ?? null,
      treatment: input.continueTreatment ?? null,
      training: input.continueTraining ?? null,
    },
    family: input.familyFound
      ? {
          found: true,
          name: input.familyName ?? null,
          relation: input.familyRelation ?? null,
          address: input.familyAddress ?? null,
          phone: input.familyPhone ?? null,
        }
      : { found: false, name: null, relation: null, address: null, phone: null },
    travel: { destinationCity: input.destinationCity, escort: input.escort, transport: input.transport, plannedDate: input.plannedDate },
    consent: { given: true, note: input.consentNote ?? null },
  };
}

/** The referral summary that the receiving panti reads: the person's history as the sender wrote it. */
export function referralSummary(packet: HandoffPacket, senderName: string): string {
  const lines = [
    `Serah terima FKD-MPU dari ${senderName}: ${packet.reason}`,
    `Kesehatan: ${packet.condition.health}`,
    packet.condition.medication ? `Obat: ${packet.condition.medication}` : null,
    packet.condition.disability ? `Disabilitas: ${packet.condition.disability}` : null,
    `Psikososial: ${packet.condition.psychosocial}`,
    packet.continuation.rehabilitationStage ? `Tahap rehabilitasi: ${packet.continuation.rehabilitationStage}` : null,
    packet.continuation.rehabilitation ? `Lanjutkan rehabilitasi: ${packet.continuation.rehabilitation}` : null,
    packet.continuation.treatment ? `Lanjutkan pengobatan: ${packet.continuation.treatment}` : null,
    packet.continuation.training ? `Lanjutkan pelatihan: ${packet.continuation.training}` : null,
  ];
  return lines.filter(Boolean).join("\n").slice(0, 2000);
}

// ---------------------------------------------------------------------------
// Outbox: retry with backoff
// ---------------------------------------------------------------------------

export const OUTBOX_STATUSES = ["pending", "delivered", "rejected"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** The first retry after 30 seconds, doubling each time, at most 6 hours apart. */
export function nextAttemptDelayMs(attempts: number): number {
  const base = 30_000 * 2 ** Math.max(0, attempts - 1);
  return Math.min(base, 6 * 3_600_000);
}

/**
 * What an answer from the partner means for a queued packet: delivered (2xx), retry later
 * (no answer, 5xx, 401/403/404/408/429: the partner may be down, or not yet have our key), or
 * rejected for good (any other 4xx: the same bytes will never be accepted; a person looks at it).
 */
export function deliveryOutcome(status: number | null): "delivered" | "retry" | "rejected" {
  if (status === null) return "retry";
  if (status >= 200 && status < 300) return "delivered";
  if (status >= 500 || [401, 403, 404, 408, 429].includes(status)) return "retry";
  return "rejected";
}

// ---------------------------------------------------------------------------
// Tracing requests
// ---------------------------------------------------------------------------

export const TRACING_REQUEST_STATUSES = ["open", "answered"] as const;
export type TracingRequestStatus = (typeof TRACING_REQUEST_STATUSES)[number];

export const tracingRequestSchema = z.object({
  partnerCode: z.string().check(z.trim(), z.regex(PROVINCE_CODE, "handoff.error.partner")),
  description: requiredText(1000),
  names: optionalText(500),
  places: optionalText(500),
  language: optionalText(100),
});
export type TracingRequestInput = z.output<typeof tracingRequestSchema>;

/** The largest photo a tracing request carries: the packet must stay under the partner's 64 KB. */
export const TRACING_PHOTO_MAX_BYTES = 32 * 1024;

/** A photo for a tracing request as the data URL the packet carries, or the field's error. */
export function tracingPhoto(photo: { type: string; bytes: Uint8Array } | null): { ok: true; dataUrl: string | null } | { ok: false; messageKey: string } {
  if (!photo || photo.bytes.byteLength === 0) return { ok: true, dataUrl: null };
  if (photo.type !== "image/jpeg" && photo.type !== "image/png") return { ok: false, messageKey: "tracing.error.photoType" };
  if (photo.bytes.byteLength > TRACING_PHOTO_MAX_BYTES) return { ok: false, messageKey: "tracing.error.photoSize" };
  return { ok: true, dataUrl: `data:${photo.type};base64,${Buffer.from(photo.bytes).toString("base64")}` };
}

export const tracingAnswerSchema = z.object({
  result: z.enum(TRACING_RESULTS),
  notes: optionalText(1000),
  contactName: z.pipe(z.transform((v) => (typeof v === "string" && v.trim() === "" ? undefined : v)), z.optional(personName())),
  contactRelation: optionalText(60),
  contactPhone: z.pipe(z.transform((v) => (typeof v === "string" && v.trim() === "" ? undefined : v)), z.optional(z.string().check(z.trim(), z.regex(/^\+?[0-9 -]{6,20}$/, "error.phone")))),
  contactAddress: optionalText(300),
}).check(z.superRefine((v, ctx) => {
  if (v.contactName && !v.contactRelation) ctx.addIssue({ code: "custom", path: ["contactRelation"], message: "error.required" });
}, ALWAYS));
export type TracingAnswerInput = z.output<typeof tracingAnswerSchema>;
