/**
 * API tokens of outreach units, and the small rules of the placements API that need no I/O:
 * the token format, reading `Authorization` and `Accept-Language`, the body limits, and what the
 * API asks of a referral on top of the shared schema (a reference is required, numbers are JSON
 * numbers, the unit is the token's). Messages are translation keys (app/utils/messages.api.ts).
 */
import * as z from "zod/mini";
import { idField } from "./fields";
import { OUTREACH_UNIT_CODES } from "./reference";
import { plainText } from "./text";
import { isCalendarDate, JAKARTA_OFFSET_MINUTES } from "./time";

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

/** Every token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_SCHEME = "pnt_";
/** Random bytes in a token: 32, written as 43 base64url characters. */
export const TOKEN_BYTES = 32;
/** How much of a token is kept in clear to recognise it in lists: `pnt_` and four characters. */
export const TOKEN_PREFIX_LENGTH = 8;

const TOKEN_FORMAT = /^pnt_[A-Za-z0-9_-]{43}$/;

/** The token shown once to the administrator, from its random part (base64url, no padding). */
export function formatToken(randomBase64Url: string): string {
  return `${TOKEN_SCHEME}${randomBase64Url}`;
}

export function isTokenFormat(value: string): boolean {
  return TOKEN_FORMAT.test(value);
}

/** The part of a token kept in clear. */
export function tokenPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX_LENGTH);
}

/** The token of `Authorization: Bearer <token>`, or null when the header is missing or another scheme. */
export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer +(\S+) *$/i.exec(header.trim());
  return match?.[1] ?? null;
}

/** The token management form (dinsos_admin). Without `expiresOn` a token works until revoked. */
export const createApiTokenSchema = z.object({
  intent: z.literal("create"),
  outreachUnit: z.enum(OUTREACH_UNIT_CODES),
  name: z.pipe(plainText(100), z.string().check(z.minLength(3))),
  expiresOn: z.optional(z.string().check(z.trim(), z.refine(isCalendarDate, "error.date"))),
});
export type CreateApiTokenInput = z.output<typeof createApiTokenSchema>;

/**
 * When a token chosen to expire on a date stops working: it works through that whole day in
 * Jakarta (WIB) and is refused from midnight WIB at the start of the next day.
 */
export function tokenExpiresAt(expiresOn: string): Date {
  const [y, m, d] = expiresOn.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1) - JAKARTA_OFFSET_MINUTES * 60_000);
}

/** The last day a token works, as an instant inside that day (for showing the chosen date). */
export function tokenValidThrough(expiresAt: Date): Date {
  return new Date(expiresAt.getTime() - 1);
}

/** Whether a token with this expiry is expired at `now` (a token without one never is). */
export function isTokenExpired(expiresAt: Date | null, now: Date): boolean {
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}

export const revokeApiTokenSchema = z.object({
  intent: z.literal("revoke"),
  tokenId: idField(),
});

// ---------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------

/** The largest JSON body the API reads. A referral is a few kilobytes at most. */
export const API_BODY_MAX_BYTES = 64 * 1024;

export type ApiLanguage = "id" | "en";

/**
 * The language of API messages: English unless the client prefers Indonesian in
 * `Accept-Language` ("id", "id-ID", "in"; quality values respected).
 */
export function apiLanguage(header: string | null | undefined): ApiLanguage {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { primary: tag.trim().toLowerCase().split("-")[0] ?? "", q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.primary !== "" && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranked) {
    if (r.primary === "id" || r.primary === "in") return "id";
    if (r.primary === "en" || r.primary === "*") return "en";
  }
  return "en";
}

/** Whether a Content-Type is JSON (`application/json`, any parameters such as charset). */
export function isJsonContentType(header: string | null | undefined): boolean {
  if (!header) return false;
  const type = header.split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The placement fields the shared schema coerces to numbers (forms post text). Over JSON they
 * must be numbers: coercion would read `null`, `true` or `[5]` as 0, 1 and 5.
 */
export const API_NUMBER_FIELDS = ["estimatedAge", "targetPantiId"] as const;

/**
 * What the API checks on a referral body beyond placementApiSchema, as field → message keys:
 * numbers are JSON numbers, `externalRef` is required (it makes retries safe), and the outreach
 * unit, when given, is the token's.
 */
export function apiBodyIssues(body: Record<string, unknown>, tokenUnit: string): Record<string, string[]> {
  const issues: Record<string, string[]> = {};
  for (const field of API_NUMBER_FIELDS) {
    const value = body[field];
    if (value !== undefined && typeof value !== "number") issues[field] = ["error.number"];
  }
  if (body.externalRef === undefined) issues.externalRef = ["api.error.externalRefRequired"];
  // An unknown unit code is the schema's error; a known one must be the token's.
  const unit = body.outreachUnit;
  if (typeof unit === "string" && (OUTREACH_UNIT_CODES as readonly string[]).includes(unit) && unit !== tokenUnit) {
    issues.outreachUnit = ["api.error.otherUnit"];
  }
  return issues;
}
