/**
 * The placements API (/api/v1): an outreach unit's app sends referrals with its own reference.
 * A retry with the same reference and the same content answers with the referral already made;
 * the same reference with other content is a conflict. The app can then follow the outcome.
 *
 * Also here, for the /api/v1 routes: the guard (bearer token → 401), reading a bounded JSON
 * body (415, 413, 400) and the JSON error shape `{ error, message, ... }`.
 */
import { and, eq, gt, isNull, or, sql, type SQL } from "drizzle-orm";
import { apiTokens, panti, placements } from "#db/schema";
import {
  API_BODY_MAX_BYTES,
  apiBodyIssues,
  bearerToken,
  isJsonContentType,
  isPlainObject,
  type ApiLanguage,
} from "~/domain/api-tokens";
import type { PlacementStatus } from "~/domain/enums";
import { InvalidInput, NotFound } from "~/domain/errors";
import { placementApiSchema, type PlacementInput } from "~/domain/placements";
import { db, perConnection, type Db } from "~/utils/db.server";
import { translator } from "~/utils/i18n";
import { errorMap, type FieldErrors } from "~/utils/validation";
import { checkApiToken, touchApiToken, type ApiCaller } from "./api-tokens.server";
import { writeTransaction, type Tx } from "./audit.server";
import { insertPlacement, placementPayloadHash } from "./placements.server";
import { readBytes } from "~/utils/body.server";
import type { PacketErrorCode } from "./packets.server";

export const API_BASE = "/api/v1";

/** A referral as the API shows it. Instants are ISO 8601 (UTC). */
export interface ApiPlacement {
  id: number;
  status: PlacementStatus;
  externalRef: string;
  targetPanti: { id: number; code: string; name: string };
  createdAt: string;
  links: { self: string };
}

/** A referral with its outcome. A redirect is followed to the referral that now stands for it. */
export interface ApiPlacementStatus extends ApiPlacement {
  decidedAt: string | null;
  reason: string | null;
  redirectedTo: {
    id: number;
    status: PlacementStatus;
    targetPanti: { id: number; code: string; name: string };
    createdAt: string;
    decidedAt: string | null;
    reason: string | null;
  } | null;
}

export type SubmitOutcome =
  | { outcome: "created"; placement: ApiPlacement }
  | { outcome: "replayed"; placement: ApiPlacement }
  | { outcome: "conflict"; placement: { id: number; status: PlacementStatus } };

export function placementLink(externalRef: string): string {
  return `${API_BASE}/placements/${encodeURIComponent(externalRef)}`;
}

const viewColumns = {
  id: placements.id,
  status: placements.status,
  externalRef: placements.externalRef,
  createdAt: placements.createdAt,
  decidedAt: placements.decidedAt,
  reason: placements.decisionReason,
  redirectedToId: placements.redirectedToId,
  pantiId: panti.id,
  pantiCode: panti.code,
  pantiName: panti.name,
};

function placementRow(tx: Tx | Db, where: SQL | undefined) {
  return tx.select(viewColumns).from(placements).innerJoin(panti, eq(panti.id, placements.targetPantiId)).where(where).get();
}

type ViewRow = NonNullable<ReturnType<typeof placementRow>>;

// The statements of every POST, prepared once (db/connection.ts keeps the SQLite statements;
// this saves drizzle building them). Their placeholders take the driver's values: a
// timestamp_ms column's are milliseconds.
const placementRowById = perConnection((connection) =>
  connection
    .select(viewColumns)
    .from(placements)
    .innerJoin(panti, eq(panti.id, placements.targetPantiId))
    .where(eq(placements.id, sql.placeholder("id")))
    .prepare(),
);
const touchTokenInForce = perConnection((connection) =>
  connection
    .update(apiTokens)
    .set({ lastUsedAt: sql`${sql.placeholder("nowMs")}` })
    .where(
      and(
        eq(apiTokens.id, sql.placeholder("tokenId")),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql.placeholder("nowMs"))),
      ),
    )
    .prepare(),
);
const referralByRef = perConnection((connection) =>
  connection
    .select({ id: placements.id, status: placements.status, payloadHash: placements.payloadHash })
    .from(placements)
    .where(and(eq(placements.outreachUnit, sql.placeholder("unit")), eq(placements.externalRef, sql.placeholder("ref"))))
    .prepare(),
);

function apiPlacement(row: ViewRow, externalRef: string): ApiPlacement {
  return {
    id: row.id,
    status: row.status,
    externalRef,
    targetPanti: { id: row.pantiId, code: row.pantiCode, name: row.pantiName },
    createdAt: row.createdAt.toISOString(),
    links: { self: placementLink(externalRef) },
  };
}

/**
 * Creates a referral from the API, idempotently, in one transaction: the reference is looked up
 * for the token's unit; the same content (payload hash) replays the referral made before, other
 * content is a conflict; otherwise the referral is inserted (source "api", the token recorded,
 * no user: the audit entry names the token). The token's last use is recorded in the same write.
 * Throws InvalidInput (unknown panti, another unit) and NotFound when the token was revoked.
 */
export function submitPlacementViaApi(caller: ApiCaller, input: PlacementInput, now = new Date()): SubmitOutcome {
  if (input.outreachUnit !== caller.outreachUnit) throw new InvalidInput({ outreachUnit: ["api.error.otherUnit"] });
  const externalRef = input.externalRef;
  if (!externalRef) throw new InvalidInput({ externalRef: ["api.error.externalRefRequired"] });
  const hash = placementPayloadHash(input);
  // The prepared statements run on the one connection, inside the transaction open on it.
  return writeTransaction((tx): SubmitOutcome => {
    // Revoked (or expired) while the body was on its way: the token no longer counts.
    const touched = touchTokenInForce().run({ tokenId: caller.tokenId, nowMs: now.getTime() });
    if (touched.changes !== 1) throw new NotFound("api_token");

    const existing = referralByRef().get({ unit: caller.outreachUnit, ref: externalRef });
    if (existing) {
      if (existing.payloadHash !== hash) {
        return { outcome: "conflict", placement: { id: existing.id, status: existing.status } };
      }
      return { outcome: "replayed", placement: apiPlacement(placementRowById().get({ id: existing.id })!, externalRef) };
    }
    const row = insertPlacement(tx, null, input, { source: "api", apiTokenId: caller.tokenId });
    return { outcome: "created", placement: apiPlacement(placementRowById().get({ id: row.id })!, externalRef) };
  });
}

/** Redirects are chains at most this long in practice; the bound only guards against a cycle. */
const MAX_REDIRECT_HOPS = 20;

/** A referral of the caller's unit by its reference, with the outcome; null when there is none. */
export function placementStatusByRef(caller: ApiCaller, externalRef: string): ApiPlacementStatus | null {
  const row = placementRow(db, and(eq(placements.outreachUnit, caller.outreachUnit), eq(placements.externalRef, externalRef)));
  if (!row) return null;
  touchApiToken(caller.tokenId);
  let redirectedTo: ApiPlacementStatus["redirectedTo"] = null;
  let next = row.redirectedToId;
  for (let hop = 0; next != null && hop < MAX_REDIRECT_HOPS; hop++) {
    const target = placementRow(db, eq(placements.id, next));
    if (!target) break;
    redirectedTo = {
      id: target.id,
      status: target.status,
      targetPanti: { id: target.pantiId, code: target.pantiCode, name: target.pantiName },
      createdAt: target.createdAt.toISOString(),
      decidedAt: target.decidedAt?.toISOString() ?? null,
      reason: target.reason,
    };
    next = target.redirectedToId;
  }
  return {
    ...apiPlacement(row, externalRef),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    reason: row.reason,
    redirectedTo,
  };
}

// ---------------------------------------------------------------------------
// HTTP: the JSON responses, the guard and the body of the /api/v1 routes
// ---------------------------------------------------------------------------

export type ApiErrorCode =
  | "unauthorized"
  | "token_expired"
  | "unsupported_media_type"
  | "payload_too_large"
  | "invalid_json"
  | "validation"
  | "conflict"
  | "not_found"
  | "method_not_allowed"
  | PacketErrorCode;

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** `{ error, message, ...extra }`: the one error shape of the API. */
export function apiError(
  status: number,
  error: ApiErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return apiJson({ error, message, ...extra }, status, headers);
}

export function methodNotAllowed(lang: ApiLanguage, allow: string): Response {
  return apiError(405, "method_not_allowed", translator(lang)("api.error.method", { allow }), {}, { Allow: allow });
}

export function unauthorized(lang: ApiLanguage): Response {
  return apiError(401, "unauthorized", translator(lang)("api.error.unauthorized"), {}, { "WWW-Authenticate": 'Bearer realm="panti"' });
}

/** 401 for a token past its expiry date: the unit needs a new token from the administrator. */
export function tokenExpired(lang: ApiLanguage): Response {
  return apiError(401, "token_expired", translator(lang)("api.error.tokenExpired"), {}, {
    "WWW-Authenticate": 'Bearer realm="panti", error="invalid_token", error_description="token expired"',
  });
}

/** The caller of an API request, or a thrown 401 for a missing, unknown, revoked or expired token. */
export function requireApiCaller(request: Request, lang: ApiLanguage): ApiCaller {
  const check = checkApiToken(bearerToken(request.headers.get("Authorization")));
  if (!check.ok) throw check.reason === "expired" ? tokenExpired(lang) : unauthorized(lang);
  return check.caller;
}

/**
 * The parsed JSON body, or a thrown response: 415 unless the Content-Type is application/json,
 * 413 over 64 KB (declared or read), 400 `invalid_json` for anything JSON.parse refuses.
 */
export async function readJsonBody(request: Request, lang: ApiLanguage): Promise<unknown> {
  const t = translator(lang);
  if (!isJsonContentType(request.headers.get("Content-Type"))) {
    throw apiError(415, "unsupported_media_type", t("api.error.mediaType"));
  }
  const tooLarge = () => apiError(413, "payload_too_large", t("api.error.tooLarge", { max: API_BODY_MAX_BYTES / 1024 }));
  const declared = Number(request.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > API_BODY_MAX_BYTES) throw tooLarge();
  const bytes = await readBytes(request, API_BODY_MAX_BYTES);
  if (bytes === null) throw tooLarge();
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return JSON.parse(text) as unknown;
  } catch {
    throw apiError(400, "invalid_json", t("api.error.invalidJson"));
  }
}

const MAX_KEY_LENGTH = 100;

/**
 * A referral body checked with the shared schema (placementApiSchema) and the API's own rules
 * (apiBodyIssues): every problem at once, as `{ field: [message] }` in the caller's language.
 * The outreach unit defaults to the token's.
 */
export function parsePlacementApiBody(
  body: unknown,
  caller: ApiCaller,
  lang: ApiLanguage,
): { ok: true; data: PlacementInput } | { ok: false; fields: FieldErrors } {
  const t = translator(lang);
  if (!isPlainObject(body)) return { ok: false, fields: { _body: [t("api.error.notObject")] } };
  // A Map, not an object: a client's key may be "__proto__".
  const fields = new Map<string, string[]>();
  const add = (field: string, message: string) => {
    const key = field.length > MAX_KEY_LENGTH ? `${field.slice(0, MAX_KEY_LENGTH)}…` : field;
    const list = fields.get(key) ?? [];
    if (!list.includes(message)) list.push(message);
    fields.set(key, list);
  };
  for (const [field, keys] of Object.entries(apiBodyIssues(body, caller.outreachUnit))) {
    for (const key of keys) add(field, t.dynamic(key));
  }
  const result = placementApiSchema.safeParse(body, { error: errorMap(lang) });
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) add(key, t("api.error.unknownField"));
      } else {
        add(issue.path.length ? issue.path.join(".") : "_body", t.keyOrText(issue.message));
      }
    }
  }
  if (!result.success || fields.size > 0) return { ok: false, fields: Object.fromEntries(fields) };
  return { ok: true, data: { ...result.data, outreachUnit: caller.outreachUnit } };
}

/** A 400 `validation` response. */
export function validationError(lang: ApiLanguage, fields: FieldErrors): Response {
  return apiError(400, "validation", translator(lang)("api.error.validation"), { fields });
}
