/**
 * The OpenAPI 3.1 description of the placements API, served at /api/v1/openapi.json and rendered
 * at /api/docs. The request body schema is generated from the shared referral schema
 * (placementApiSchema, zod 4 `z.toJSONSchema`), so it cannot drift from what the API accepts;
 * each field's meaning, in English and Bahasa Indonesia, is written here, typed by the field
 * names, and tests compare both sides.
 */
import * as z from "zod/mini";
import { API_BODY_MAX_BYTES, API_NUMBER_FIELDS, TOKEN_SCHEME } from "~/domain/api-tokens";
import { PLACEMENT_STATUSES } from "~/domain/enums";
import { placementApiSchema, type placementFields } from "~/domain/placements";
import { packetPaths, packetSchemas } from "./openapi-packets";

// ---------------------------------------------------------------------------
// Types: the part of OpenAPI 3.1 this document uses
// ---------------------------------------------------------------------------

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: readonly (string | number | null)[];
  const?: unknown;
  format?: string;
  description?: string;
  examples?: unknown[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  [keyword: string]: unknown;
};

export interface Bilingual {
  en: string;
  id: string;
}

export interface ResponseDoc {
  description: string;
  "x-description-id": string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: { "application/json": { schema: JsonSchema; examples?: Record<string, { summary: string; value: unknown }> } };
}

export interface OperationDoc {
  operationId: string;
  summary: string;
  "x-summary-id": string;
  description: string;
  "x-description-id": string;
  tags: string[];
  security: { bearerAuth: [] }[];
  parameters?: {
    name: string;
    in: "path" | "header" | "query";
    required: boolean;
    description: string;
    schema: JsonSchema;
    example?: string;
  }[];
  requestBody?: {
    required: true;
    content: { "application/json": { schema: JsonSchema; examples: Record<string, { summary: string; value: unknown }> } };
  };
  responses: Record<string, ResponseDoc>;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string; "x-description-id": string };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string; "x-description-id": string }[];
  paths: Record<string, Partial<Record<"get" | "post", OperationDoc>>>;
  components: {
    securitySchemes: Record<string, { type: "http"; scheme: "bearer"; bearerFormat: string; description: string }>;
    schemas: Record<string, JsonSchema>;
  };
}

// ---------------------------------------------------------------------------
// The fields of a referral: what each means
// ---------------------------------------------------------------------------

export type PlacementFieldName = keyof typeof placementFields;

export interface FieldDoc extends Bilingual {
  /** Replaces the generated schema where JSON Schema cannot say it (a date-time that is a string over JSON). */
  schema?: JsonSchema;
}

/** Every field of placementApiSchema, with its meaning. The Record type makes a missing one a type error. */
export const PLACEMENT_FIELD_DOCS: Record<PlacementFieldName, FieldDoc> = {
  externalRef: {
    en: "REQUIRED for the API. Your unit's own reference for this referral (1–100 characters: letters, digits and . _ : / # -), unique within your unit. Resending the same reference with the same content returns the referral already made (200) instead of a duplicate; the same reference with other content is refused (409).",
    id: "WAJIB untuk API. Nomor rujukan milik unit Anda (1–100 karakter: huruf, angka dan . _ : / # -), unik di unit Anda. Mengirim ulang nomor yang sama dengan isi yang sama mengembalikan rujukan yang sudah dibuat (200), bukan rujukan ganda; nomor yang sama dengan isi berbeda ditolak (409).",
  },
  outreachUnit: {
    en: "Code of the referring outreach unit. May be omitted: it defaults to the unit of the token; when given it must be that unit.",
    id: "Kode unit P3S perujuk. Boleh tidak diisi: otomatis unit pemilik token; bila diisi harus sama dengan unit token.",
  },
  officerName: {
    en: "Name of the officer who reached the person (2–100 letters).",
    id: "Nama petugas yang menjangkau (2–100 huruf).",
  },
  foundAt: {
    en: "When the person was found: ISO 8601 with a time zone (2026-11-20T21:15:00+07:00 or …Z), or Jakarta local time without one (2026-11-20T21:15). Not in the future (10 minutes of clock skew tolerated), not before 2000.",
    id: "Waktu ditemukan: ISO 8601 dengan zona waktu (2026-11-20T21:15:00+07:00 atau …Z), atau waktu lokal WIB tanpa zona (2026-11-20T21:15). Tidak boleh di masa depan (toleransi selisih jam 10 menit), tidak sebelum tahun 2000.",
    schema: { type: "string", format: "date-time" },
  },
  foundKota: {
    en: "City where the person was found (one of the five cities of DKI Jakarta or Kepulauan Seribu).",
    id: "Kota tempat ditemukan (salah satu dari lima kota DKI Jakarta atau Kepulauan Seribu).",
  },
  foundKecamatan: { en: "District (kecamatan) where the person was found.", id: "Kecamatan tempat ditemukan." },
  foundKelurahan: { en: "Sub-district (kelurahan) where the person was found.", id: "Kelurahan tempat ditemukan." },
  foundPlace: {
    en: "The place itself: under a toll road, a bus stop, a market…",
    id: "Lokasi persisnya: kolong tol, halte, pasar…",
  },
  reachMethod: {
    en: "How the person was reached: patrol, public_report, jaki_report, satpol_pp_handover, police_handover, walk_in, panti_transfer, other.",
    id: "Cara penjangkauan: patroli (patrol), laporan masyarakat (public_report), laporan JAKI (jaki_report), serahan Satpol PP (satpol_pp_handover), serahan kepolisian (police_handover), datang sendiri (walk_in), pindahan panti (panti_transfer), lainnya (other).",
  },
  personName: {
    en: "The person's name. Required unless `unidentified` is true.",
    id: "Nama orang yang dirujuk. Wajib kecuali `unidentified` bernilai true.",
  },
  unidentified: {
    en: "true when the person could not be identified (Mr. X / Mrs. X); then `description` is required. Default false.",
    id: "true bila orang belum teridentifikasi (Mr. X / Mrs. X); maka `description` wajib. Bawaan false.",
  },
  description: {
    en: "Description for recognising the person: apparent age, appearance, clothes, distinguishing marks (up to 500 characters). Required when unidentified.",
    id: "Ciri-ciri untuk mengenali orang: perkiraan usia, ciri fisik, pakaian, tanda khusus (paling banyak 500 karakter). Wajib bila belum teridentifikasi.",
  },
  sex: { en: "Sex: male or female.", id: "Jenis kelamin: male (laki-laki) atau female (perempuan)." },
  birthDate: {
    en: "Date of birth, YYYY-MM-DD. Give it or `estimatedAge`.",
    id: "Tanggal lahir, TTTT-BB-HH. Isi ini atau `estimatedAge`.",
    schema: { type: "string", format: "date" },
  },
  estimatedAge: {
    en: "Estimated age in whole years (0–120), when the date of birth is not known. A JSON number.",
    id: "Perkiraan usia dalam tahun (0–120), bila tanggal lahir tidak diketahui. Berupa angka JSON.",
  },
  nik: { en: "National identity number (NIK): 16 digits, when known.", id: "NIK: 16 angka, bila diketahui." },
  kk: { en: "Family card number (KK): 16 digits, when known.", id: "Nomor Kartu Keluarga (KK): 16 angka, bila diketahui." },
  originProvince: { en: "Province of origin.", id: "Provinsi asal." },
  originCity: { en: "City or regency of origin.", id: "Kota/kabupaten asal." },
  ppksCategory: {
    en: "PPKS category (social welfare problem) code, e.g. gelandangan, pengemis, lansia_terlantar. See the list of codes.",
    id: "Kode kategori PPKS, mis. gelandangan, pengemis, lansia_terlantar. Lihat daftar kode.",
  },
  disabilitySubtypes: {
    en: "Disabilities, if any: an array of codes (fisik, intelektual, mental, sensorik, ganda). Default none.",
    id: "Ragam disabilitas bila ada: larik kode (fisik, intelektual, mental, sensorik, ganda). Bawaan kosong.",
  },
  assessmentSummary: {
    en: "Summary of the outreach assessment: situation, health, willingness (3–2,000 characters).",
    id: "Ringkasan asesmen penjangkauan: keadaan, kesehatan, kesediaan (3–2.000 karakter).",
  },
  healthNotes: { en: "Health condition worth knowing on arrival.", id: "Kondisi kesehatan yang perlu diketahui saat tiba." },
  urgentNeeds: { en: "Urgent needs (medication, food, clothes…).", id: "Kebutuhan mendesak (obat, makan, pakaian…)." },
  belongings: { en: "Belongings handed over with the person.", id: "Barang bawaan yang diserahkan bersama orang tersebut." },
  targetPantiId: {
    en: "Id of the target panti (an active one). A JSON number.",
    id: "Id panti tujuan (yang aktif). Berupa angka JSON.",
  },
};

/** Field rules every free-text field shares, for the docs page. */
export const FREE_TEXT_RULE: Bilingual = {
  en: "Free text is trimmed; HTML or script markup and control characters are refused.",
  id: "Teks bebas dipangkas spasinya; kode HTML/skrip dan karakter kontrol ditolak.",
};

// ---------------------------------------------------------------------------
// Examples
// ---------------------------------------------------------------------------

export const EXAMPLE_TOKEN = `${TOKEN_SCHEME}Xq3v9H1nS0a8Yb2Kc7Lm4Pd6Rf5Tg0Wh1Ej2Uk3Oi4Ny`;

export const EXAMPLE_REQUEST = {
  externalRef: "JKB-2026-000123",
  officerName: "Rudi Hartono",
  foundAt: "2026-11-20T21:15:00+07:00",
  foundKota: "Jakarta Barat",
  foundKecamatan: "Grogol Petamburan",
  foundPlace: "Kolong Tol Angke",
  reachMethod: "patrol",
  personName: "Budi Santoso",
  sex: "male",
  estimatedAge: 45,
  ppksCategory: "gelandangan",
  assessmentSummary: "Tidur di kolong tol, sehat, bersedia dibawa ke panti.",
  targetPantiId: 1,
} as const;

export const EXAMPLE_UNIDENTIFIED_REQUEST = {
  externalRef: "JKB-2026-000124",
  officerName: "Rudi Hartono",
  foundAt: "2026-11-21T06:40:00+07:00",
  reachMethod: "public_report",
  unidentified: true,
  description: "Perempuan, sekitar 70 tahun, baju batik cokelat, bingung dan tidak ingat nama.",
  sex: "female",
  estimatedAge: 70,
  ppksCategory: "lansia_terlantar",
  disabilitySubtypes: ["mental"],
  assessmentSummary: "Ditemukan di halte, tidak mengenali keluarga, perlu perawatan.",
  targetPantiId: 2,
} as const;

const EXAMPLE_PLACEMENT = {
  id: 4812,
  status: "pending",
  externalRef: "JKB-2026-000123",
  targetPanti: { id: 1, code: "PSBI-BD1", name: "Panti Sosial Bina Insan Bangun Daya 1" },
  createdAt: "2026-11-20T14:31:07.412Z",
  links: { self: "/api/v1/placements/JKB-2026-000123" },
};

const EXAMPLE_REDIRECTED = {
  ...EXAMPLE_PLACEMENT,
  status: "redirected",
  decidedAt: "2026-11-21T02:05:00.000Z",
  reason: "Membutuhkan perawatan lansia; dialihkan ke panti werdha.",
  redirectedTo: {
    id: 4830,
    status: "accepted",
    targetPanti: { id: 7, code: "PSTW-BM1", name: "Panti Sosial Tresna Werdha Budi Mulia 1" },
    createdAt: "2026-11-21T02:05:00.000Z",
    decidedAt: "2026-11-21T09:12:00.000Z",
    reason: null,
  },
};

// ---------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------

/**
 * The request body schema, generated from placementApiSchema with zod 4. Where JSON Schema cannot
 * express the zod schema (a date-time accepted as a string or a Date), the field's doc supplies
 * the schema; the API's own requirements (externalRef required) are added.
 */
export function placementRequestSchema(): JsonSchema {
  const generated = z.toJSONSchema(placementApiSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const { $schema: _schema, ...schema } = generated;
  const properties: Record<string, JsonSchema> = {};
  for (const [name, generatedProperty] of Object.entries(schema.properties ?? {})) {
    const doc = PLACEMENT_FIELD_DOCS[name as PlacementFieldName] as FieldDoc | undefined;
    const base = doc?.schema ?? generatedProperty;
    properties[name] = { ...base, description: doc ? `${doc.en}\n\n${doc.id}` : undefined, "x-description-id": doc?.id };
  }
  for (const name of API_NUMBER_FIELDS) {
    if (properties[name]) properties[name] = { ...properties[name], type: "integer" };
  }
  return {
    ...schema,
    description: "A referral. Unknown fields are refused.",
    properties,
    required: [...new Set([...(schema.required ?? []), "externalRef"])],
    examples: [EXAMPLE_REQUEST],
  };
}

const pantiRef: JsonSchema = {
  type: "object",
  properties: { id: { type: "integer" }, code: { type: "string" }, name: { type: "string" } },
  required: ["id", "code", "name"],
};

const statusSchema: JsonSchema = { type: "string", enum: PLACEMENT_STATUSES };

const errorSchema = (codes: readonly string[], extra: Record<string, JsonSchema> = {}): JsonSchema => ({
  type: "object",
  properties: {
    error: codes.length === 1 ? { type: "string", const: codes[0] } : { type: "string", enum: codes },
    message: { type: "string", description: "For people: English, or Bahasa Indonesia with `Accept-Language: id`." },
    ...extra,
  },
  required: ["error", "message", ...Object.keys(extra)],
});

const json = (schema: JsonSchema, examples?: Record<string, { summary: string; value: unknown }>) => ({
  "application/json": examples ? { schema, examples } : { schema },
});

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

const unauthorizedResponse: ResponseDoc = {
  description: "No token, an unknown or revoked one (`unauthorized`), or one past its expiry date (`token_expired`: ask for a new token).",
  "x-description-id": "Token tidak ada, tidak dikenal atau sudah dicabut (`unauthorized`), atau sudah melewati tanggal berakhirnya (`token_expired`: minta token baru).",
  headers: { "WWW-Authenticate": { description: 'Bearer realm="panti"', schema: { type: "string" } } },
  content: json(ref("Error"), {
    unauthorized: { summary: "Missing or revoked token", value: { error: "unauthorized", message: "Missing, unknown or revoked API token. Send Authorization: Bearer <token>." } },
    token_expired: { summary: "Expired token", value: { error: "token_expired", message: "The API token has expired. Ask the Dinsos administrator for a new token." } },
  }),
};

const acceptLanguage = {
  name: "Accept-Language",
  in: "header" as const,
  required: false,
  description: "`id` for messages in Bahasa Indonesia; English otherwise.",
  schema: { type: "string" },
  example: "id",
};

let cached: OpenApiDocument | undefined;

export function openApiDocument(): OpenApiDocument {
  cached ??= buildDocument();
  return cached;
}

export interface DocumentedOperation {
  path: string;
  method: "get" | "post";
  operation: OperationDoc;
}

/**
 * Every operation of the document, grouped by its first tag in the order of the document's tags:
 * what /api/docs renders, so that the page lists exactly what /api/v1/openapi.json describes.
 */
export function operationsByTag(document: OpenApiDocument): { tag: OpenApiDocument["tags"][number]; operations: DocumentedOperation[] }[] {
  const all = Object.entries(document.paths).flatMap(([path, methods]) =>
    (Object.entries(methods) as ["get" | "post", OperationDoc][]).map(([method, operation]) => ({ path, method, operation })),
  );
  return document.tags.map((tag) => ({ tag, operations: all.filter((o) => o.operation.tags[0] === tag.name) }));
}

function buildDocument(): OpenApiDocument {
  const maxKb = API_BODY_MAX_BYTES / 1024;
  return {
    openapi: "3.1.0",
    info: {
      title: "Panti — placements API (Dinas Sosial DKI Jakarta)",
      version: "1.0.0",
      description:
        "Outreach units (P3S) refer people found in the street to a social shelter (panti) from their own apps. " +
        "Each unit gets tokens from the Dinsos administrator. Every referral carries the unit's own reference, " +
        "so that a retry never creates a duplicate. Errors are JSON: `{ error, message }`, plus `fields` for validation errors.",
      "x-description-id":
        "Unit penjangkauan (P3S) merujuk orang yang dijangkau ke panti sosial dari aplikasinya sendiri. " +
        "Setiap unit menerima token dari admin Dinsos. Setiap rujukan membawa nomor rujukan milik unit, " +
        "sehingga pengiriman ulang tidak pernah membuat rujukan ganda. Kesalahan berupa JSON: `{ error, message }`, ditambah `fields` untuk kesalahan isian.",
    },
    servers: [{ url: "/", description: "This server" }],
    tags: [
      { name: "placements", description: "Referrals to panti, from outreach units' apps, with a token.", "x-description-id": "Rujukan ke panti dari aplikasi unit penjangkauan, dengan token." },
      {
        name: "fkd-mpu",
        description:
          "Hand-offs, their statuses and family tracing requests between the instances of FKD-MPU partner provinces: signed packets, no token.",
        "x-description-id":
          "Serah terima, statusnya dan permintaan penelusuran keluarga antara aplikasi provinsi mitra FKD-MPU: paket bertanda tangan, tanpa token.",
      },
    ],
    paths: {
      ...packetPaths(),
      "/api/v1/placements": {
        post: {
          operationId: "createPlacement",
          summary: "Refer a person to a panti",
          "x-summary-id": "Merujuk orang ke panti",
          description:
            `Creates a referral for the token's unit, idempotently by \`externalRef\`: the same reference with the same content returns the existing referral (200, \`Idempotent-Replay: true\`); with other content, 409. Body: JSON, at most ${maxKb} KB.`,
          "x-description-id":
            `Membuat rujukan atas nama unit pemilik token, idempoten menurut \`externalRef\`: nomor yang sama dengan isi yang sama mengembalikan rujukan yang ada (200, \`Idempotent-Replay: true\`); dengan isi berbeda, 409. Isi: JSON, paling besar ${maxKb} KB.`,
          tags: ["placements"],
          security: [{ bearerAuth: [] }],
          parameters: [acceptLanguage],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: ref("PlacementRequest"),
                examples: {
                  identified: { summary: "A person with a name", value: EXAMPLE_REQUEST },
                  unidentified: { summary: "An unidentified person (Mrs. X)", value: EXAMPLE_UNIDENTIFIED_REQUEST },
                },
              },
            },
          },
          responses: {
            "201": {
              description: "Created: the referral waits for the panti's decision.",
              "x-description-id": "Dibuat: rujukan menunggu keputusan panti.",
              headers: { Location: { description: "The referral's status URL.", schema: { type: "string" } } },
              content: json(ref("Placement"), { created: { summary: "Created", value: EXAMPLE_PLACEMENT } }),
            },
            "200": {
              description: "A retry: a referral with this reference and the same content exists; it is returned and nothing is created.",
              "x-description-id": "Pengiriman ulang: rujukan dengan nomor dan isi yang sama sudah ada; rujukan itu dikembalikan, tidak ada yang dibuat.",
              headers: { "Idempotent-Replay": { description: "Always `true` on this response.", schema: { type: "string", const: "true" } } },
              content: json(ref("Placement"), { replay: { summary: "Replayed", value: EXAMPLE_PLACEMENT } }),
            },
            "400": {
              description: "The body is not JSON (`invalid_json`), or fields are invalid (`validation`, with `fields`: field → messages). An unknown target panti or another unit is a field error too.",
              "x-description-id": "Isi bukan JSON (`invalid_json`), atau ada isian yang salah (`validation`, dengan `fields`: isian → pesan). Panti tujuan tidak dikenal atau unit lain juga kesalahan isian.",
              content: json(
                { anyOf: [ref("ValidationError"), ref("Error")] },
                {
                  validation: {
                    summary: "Invalid fields",
                    value: {
                      error: "validation",
                      message: "Some fields are invalid; see fields.",
                      fields: {
                        externalRef: ["Required: your unit's unique reference for this referral (it makes retries safe)."],
                        foundAt: ["Cannot be in the future."],
                        ppksCategory: ["Choose one of the options."],
                        assessmentSummary: ["Must not contain HTML or script code."],
                        colour: ["Unknown field."],
                      },
                    },
                  },
                  notAnObject: {
                    summary: "An array or null instead of an object",
                    value: { error: "validation", message: "Some fields are invalid; see fields.", fields: { _body: ["The body must be a JSON object."] } },
                  },
                  invalidJson: { summary: "Not JSON", value: { error: "invalid_json", message: "The body is not valid JSON." } },
                },
              ),
            },
            "401": unauthorizedResponse,
            "409": {
              description: "This reference was used for a referral with other content. Use a new reference for a new referral.",
              "x-description-id": "Nomor rujukan ini sudah dipakai untuk rujukan dengan isi berbeda. Pakai nomor baru untuk rujukan baru.",
              content: json(ref("ConflictError"), {
                conflict: {
                  summary: "Reference reused",
                  value: {
                    error: "conflict",
                    message: "This externalRef was already used for a referral with different content.",
                    placement: { id: 4812, status: "pending" },
                  },
                },
              }),
            },
            "413": {
              description: `The body is larger than ${maxKb} KB.`,
              "x-description-id": `Isi lebih besar dari ${maxKb} KB.`,
              content: json(ref("Error"), {
                tooLarge: { summary: "Too large", value: { error: "payload_too_large", message: `The body is larger than ${maxKb} KB.` } },
              }),
            },
            "415": {
              description: "The Content-Type is not application/json.",
              "x-description-id": "Content-Type bukan application/json.",
              content: json(ref("Error"), {
                mediaType: { summary: "Not JSON", value: { error: "unsupported_media_type", message: "Send the body as JSON with Content-Type: application/json." } },
              }),
            },
          },
        },
      },
      "/api/v1/placements/{ref}": {
        get: {
          operationId: "getPlacement",
          summary: "A referral's outcome, by your reference",
          "x-summary-id": "Hasil rujukan, menurut nomor rujukan Anda",
          description:
            "The status of a referral your unit sent: pending, accepted, declined, redirected or cancelled, with the decision's time and reason. A redirect is followed to the referral that now stands for it (`redirectedTo`). Only your unit's referrals are found.",
          "x-description-id":
            "Status rujukan yang dikirim unit Anda: pending (menunggu), accepted (diterima), declined (ditolak), redirected (dialihkan) atau cancelled (dibatalkan), dengan waktu dan alasan keputusan. Pengalihan diikuti sampai rujukan yang berlaku sekarang (`redirectedTo`). Hanya rujukan unit Anda yang ditemukan.",
          tags: ["placements"],
          security: [{ bearerAuth: [] }],
          parameters: [
            {
              name: "ref",
              in: "path",
              required: true,
              description: "Your `externalRef`, URL-encoded (`/` as %2F, `#` as %23).",
              schema: { type: "string" },
              example: "JKB-2026-000123",
            },
            acceptLanguage,
          ],
          responses: {
            "200": {
              description: "The referral and its outcome.",
              "x-description-id": "Rujukan dan hasilnya.",
              content: json(ref("PlacementStatus"), {
                pending: { summary: "Waiting for the panti", value: { ...EXAMPLE_PLACEMENT, decidedAt: null, reason: null, redirectedTo: null } },
                redirected: { summary: "Redirected, then accepted elsewhere", value: EXAMPLE_REDIRECTED },
              }),
            },
            "401": unauthorizedResponse,
            "404": {
              description: "No referral of your unit has this reference.",
              "x-description-id": "Tidak ada rujukan unit Anda dengan nomor ini.",
              content: json(ref("Error"), {
                notFound: { summary: "Unknown reference", value: { error: "not_found", message: "No referral of your unit has this reference." } },
              }),
            },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: `${TOKEN_SCHEME} followed by 43 base64url characters`,
          description:
            "A token of your outreach unit, from the Dinsos administrator (shown once). Keep it secret; ask for a new one and have the old one revoked if it leaks. " +
            "A token may have an expiry date: it works through that day (WIB) and then answers 401 `token_expired`.",
        },
      },
      schemas: {
        ...packetSchemas(),
        PlacementRequest: placementRequestSchema(),
        Placement: {
          type: "object",
          properties: {
            id: { type: "integer", description: "Panti's id of the referral." },
            status: statusSchema,
            externalRef: { type: "string" },
            targetPanti: pantiRef,
            createdAt: { type: "string", format: "date-time" },
            links: { type: "object", properties: { self: { type: "string" } }, required: ["self"] },
          },
          required: ["id", "status", "externalRef", "targetPanti", "createdAt", "links"],
        },
        PlacementStatus: {
          allOf: [
            ref("Placement"),
            {
              type: "object",
              properties: {
                decidedAt: { type: ["string", "null"], format: "date-time" },
                reason: { type: ["string", "null"], description: "The panti's reason (declined, redirected, cancelled)." },
                redirectedTo: {
                  type: ["object", "null"],
                  description: "For a redirected referral: the referral that now stands for it (redirects followed to the last).",
                  properties: {
                    id: { type: "integer" },
                    status: statusSchema,
                    targetPanti: pantiRef,
                    createdAt: { type: "string", format: "date-time" },
                    decidedAt: { type: ["string", "null"], format: "date-time" },
                    reason: { type: ["string", "null"] },
                  },
                  required: ["id", "status", "targetPanti", "createdAt", "decidedAt", "reason"],
                },
              },
              required: ["decidedAt", "reason", "redirectedTo"],
            },
          ],
        },
        Error: errorSchema(["unauthorized", "token_expired", "unsupported_media_type", "payload_too_large", "invalid_json", "not_found", "method_not_allowed"]),
        ValidationError: errorSchema(["validation"], {
          fields: {
            type: "object",
            description: "Field name → messages. `_body` when the body is not a JSON object.",
            additionalProperties: { type: "array", items: { type: "string" } },
          },
        }),
        ConflictError: errorSchema(["conflict"], {
          placement: { type: "object", properties: { id: { type: "integer" }, status: statusSchema }, required: ["id", "status"] },
        }),
      },
    },
  };
}
