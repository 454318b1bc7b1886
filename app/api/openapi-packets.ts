/**
 * The FKD-MPU part of /api/v1/openapi.json: the endpoints where partner provinces' instances post
 * signed packets (docs/decisions/020-fkd-mpu-packets.md). The packet schemas are generated from the
 * zod schemas the receiver parses with (app/domain/handoffs.ts), so the document cannot drift.
 * They need no token: the signature over the canonical packet, checked against the sender's key in
 * the registry, is the authentication.
 */
import * as z from "zod/mini";
import {
  handoffPacketSchema,
  PACKET_VERSIONS,
  statusPacketSchema,
  tracingAnswerPacketSchema,
  tracingRequestPacketSchema,
} from "~/domain/handoffs";
import type { JsonSchema, OperationDoc, ResponseDoc } from "./openapi";

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

const envelope = (packet: string): JsonSchema => ({
  type: "object",
  properties: {
    packet: ref(packet),
    signature: { type: "string", description: "Ed25519 signature (base64) of the packet's canonical JSON: keys sorted at every level, no insignificant space." },
  },
  required: ["packet", "signature"],
  additionalProperties: false,
});

const error = (description: string, id: string): ResponseDoc => ({
  description,
  "x-description-id": id,
  content: { "application/json": { schema: ref("PacketError") } },
});

const ERRORS: Record<string, ResponseDoc> = {
  "400": error("`validation` (envelope or packet fields; `fields` names them) or `invalid_json`.", "`validation` (amplop atau isian paket; `fields` menyebutnya) atau `invalid_json`."),
  "401": error("`missing_signature` or `invalid_signature`: the signature does not match the sender's key in the registry.", "`missing_signature` atau `invalid_signature`: tanda tangan tidak cocok dengan kunci pengirim di daftar mitra."),
  "403": error("`unknown_partner`: the sending province is not an active partner with a registered key.", "`unknown_partner`: provinsi pengirim bukan mitra aktif dengan kunci terdaftar."),
  "409": error("`conflict`: the packet id was used for other content, or the status does not fit the hand-off's.", "`conflict`: nomor paket sudah dipakai untuk isi lain, atau status tidak sesuai."),
  "413": error("`payload_too_large`: over 64 KB.", "`payload_too_large`: lebih dari 64 KB."),
  "415": error("`unsupported_media_type`: not application/json.", "`unsupported_media_type`: bukan application/json."),
  "422": error(
    `\`unsupported_version\` (with \`supported\`: ${PACKET_VERSIONS.join(", ")}) or \`wrong_recipient\`: the packet is addressed to another province.`,
    `\`unsupported_version\` (dengan \`supported\`: ${PACKET_VERSIONS.join(", ")}) atau \`wrong_recipient\`: paket ditujukan ke provinsi lain.`,
  ),
};

const ok = (description: string, id: string): ResponseDoc => ({
  description,
  "x-description-id": id,
  headers: { "Idempotent-Replay": { description: "true when the same packet was received before and nothing was written.", schema: { type: "string" } } },
  content: { "application/json": { schema: ref("PacketReceipt") } },
});

function operation(operationId: string, summary: [string, string], packet: string, withId: boolean): OperationDoc {
  return {
    operationId,
    summary: summary[0],
    "x-summary-id": summary[1],
    description: "A signed packet from a partner province's instance. Idempotent by `packet.packetId`.",
    "x-description-id": "Paket bertanda tangan dari aplikasi provinsi mitra. Idempoten menurut `packet.packetId`.",
    tags: ["fkd-mpu"],
    security: [],
    ...(withId
      ? { parameters: [{ name: "id", in: "path" as const, required: true, description: "The packetId of the hand-off or tracing request.", schema: { type: "string", format: "uuid" } }] }
      : {}),
    requestBody: { required: true, content: { "application/json": { schema: envelope(packet), examples: {} } } },
    responses: {
      ...(withId ? {} : { "201": ok("Received and recorded.", "Diterima dan dicatat.") }),
      "200": ok("Recorded, or a replay of a packet received before.", "Dicatat, atau pengiriman ulang paket yang sudah diterima."),
      ...ERRORS,
      ...(withId ? { "404": error("`not_found`: no such hand-off or request sent to this province.", "`not_found`: serah terima atau permintaan itu tidak dikenal.") } : {}),
    },
  };
}

const generated = (schema: z.ZodMiniType): JsonSchema => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;

export function packetPaths(): Record<string, { post: OperationDoc }> {
  return {
    "/api/v1/handoffs": { post: operation("receiveHandoff", ["Receive a repatriation hand-off", "Terima serah terima pemulangan"], "HandoffPacket", false) },
    "/api/v1/handoffs/{id}/status": { post: operation("receiveHandoffStatus", ["Receive a hand-off's status from its receiver", "Terima status serah terima dari penerima"], "StatusPacket", true) },
    "/api/v1/tracing-requests": { post: operation("receiveTracingRequest", ["Receive a family tracing request", "Terima permintaan penelusuran keluarga"], "TracingRequestPacket", false) },
    "/api/v1/tracing-requests/{id}/answer": { post: operation("receiveTracingAnswer", ["Receive the answer to a tracing request", "Terima jawaban permintaan penelusuran"], "TracingAnswerPacket", true) },
  };
}

export function packetSchemas(): Record<string, JsonSchema> {
  return {
    HandoffPacket: generated(handoffPacketSchema),
    StatusPacket: generated(statusPacketSchema),
    TracingRequestPacket: generated(tracingRequestPacketSchema),
    TracingAnswerPacket: generated(tracingAnswerPacketSchema),
    PacketReceipt: {
      type: "object",
      properties: { handoffId: { type: "string", format: "uuid" }, requestId: { type: "string", format: "uuid" }, status: { type: "string" } },
      required: ["status"],
    },
    PacketError: {
      type: "object",
      properties: {
        error: { type: "string", enum: ["validation", "invalid_json", "missing_signature", "invalid_signature", "unknown_partner", "wrong_recipient", "unsupported_version", "conflict", "not_found", "payload_too_large", "unsupported_media_type", "method_not_allowed"] },
        message: { type: "string" },
        fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
        supported: { type: "array", items: { type: "integer" } },
      },
      required: ["error", "message"],
    },
  };
}
