/**
 * API tokens of outreach units (Dinsos administrators manage them): created with 32 random bytes
 * shown once, stored only as a SHA-256 hash and a short prefix, revocable, and optionally
 * expiring on a date. The placements API finds a token by the hash of what the client sends.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { apiTokens, outreachUnits, users } from "#db/schema";
import {
  formatToken,
  isTokenExpired,
  isTokenFormat,
  TOKEN_BYTES,
  tokenExpiresAt,
  tokenPrefix,
  type CreateApiTokenInput,
} from "~/domain/api-tokens";
import { Conflict, InvalidInput, NotFound } from "~/domain/errors";
import { hasPermission, PermissionDenied, type Actor } from "~/domain/permissions";
import type { OutreachUnit } from "~/domain/reference";
import { db, perConnection } from "~/utils/db.server";
import { appendAudit, writeTransaction } from "./audit.server";

/** The token a request was authenticated with: what the API needs to know about its caller. */
export interface ApiCaller {
  tokenId: number;
  outreachUnit: OutreachUnit;
  name: string;
}

export interface ApiTokenListRow {
  id: number;
  outreachUnit: string;
  outreachUnitName: string;
  name: string;
  tokenPrefix: string;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** SHA-256 (hex) of a token: the only form in which it is stored. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new token: `pnt_` and 32 random bytes in base64url. */
export function generateApiToken(): string {
  return formatToken(randomBytes(TOKEN_BYTES).toString("base64url"));
}

function assertCanManage(actor: Actor) {
  if (!hasPermission(actor, "api_token:manage")) throw new PermissionDenied("api_token:manage");
}

/**
 * Creates a token for an outreach unit. The secret is returned here and never again: only its
 * hash and prefix are stored, and the audit log records neither.
 */
export function createApiToken(actor: Actor, input: Omit<CreateApiTokenInput, "intent">, now = new Date()): { secret: string; token: ApiTokenListRow } {
  assertCanManage(actor);
  const expiresAt = input.expiresOn ? tokenExpiresAt(input.expiresOn) : null;
  if (expiresAt && isTokenExpired(expiresAt, now)) throw new InvalidInput({ expiresOn: ["apiTokens.error.expiryPast"] });
  const secret = generateApiToken();
  const id = writeTransaction((tx) => {
    const unit = tx.select({ code: outreachUnits.code }).from(outreachUnits).where(eq(outreachUnits.code, input.outreachUnit)).get();
    if (!unit) throw new InvalidInput({ outreachUnit: ["apiTokens.error.unknownUnit"] });
    const row = tx
      .insert(apiTokens)
      .values({
        outreachUnit: input.outreachUnit,
        name: input.name,
        tokenHash: hashApiToken(secret),
        tokenPrefix: tokenPrefix(secret),
        createdBy: actor.id,
        createdAt: now,
        expiresAt,
      })
      .returning({ id: apiTokens.id })
      .get();
    appendAudit(tx, {
      actorId: actor.id,
      action: "api_token.create",
      entity: "api_token",
      entityId: row.id,
      after: {
        outreachUnit: input.outreachUnit,
        name: input.name,
        tokenPrefix: tokenPrefix(secret),
        expiresAt: expiresAt?.toISOString() ?? null,
      },
      at: now,
    });
    return row.id;
  });
  return { secret, token: apiTokenById(id)! };
}

/** Revokes a token: from now on it answers 401. Revoking twice is a conflict, not a silent success. */
export function revokeApiToken(actor: Actor, tokenId: number, now = new Date()): ApiTokenListRow {
  assertCanManage(actor);
  writeTransaction((tx) => {
    const row = tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).get();
    if (!row) throw new NotFound("api_token");
    if (row.revokedAt) throw new Conflict("apiTokens.error.alreadyRevoked", { prefix: row.tokenPrefix });
    tx.update(apiTokens)
      .set({ revokedAt: now, revokedBy: actor.id })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "api_token.revoke",
      entity: "api_token",
      entityId: tokenId,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString(), outreachUnit: row.outreachUnit, name: row.name, tokenPrefix: row.tokenPrefix },
      at: now,
    });
  });
  return apiTokenById(tokenId)!;
}

const listColumns = {
  id: apiTokens.id,
  outreachUnit: apiTokens.outreachUnit,
  outreachUnitName: outreachUnits.nameId,
  name: apiTokens.name,
  tokenPrefix: apiTokens.tokenPrefix,
  createdAt: apiTokens.createdAt,
  createdBy: users.name,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
};

function apiTokenById(id: number): ApiTokenListRow | undefined {
  return db
    .select(listColumns)
    .from(apiTokens)
    .innerJoin(outreachUnits, eq(outreachUnits.code, apiTokens.outreachUnit))
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.id, id))
    .get();
}

/** Every token, newest first (a handful per unit: no paging needed). */
export function listApiTokens(actor: Actor): ApiTokenListRow[] {
  assertCanManage(actor);
  return db
    .select(listColumns)
    .from(apiTokens)
    .innerJoin(outreachUnits, eq(outreachUnits.code, apiTokens.outreachUnit))
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .all();
}

const tokenByHash = perConnection((connection) =>
  connection
    .select({ tokenId: apiTokens.id, outreachUnit: apiTokens.outreachUnit, name: apiTokens.name, expiresAt: apiTokens.expiresAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sql.placeholder("tokenHash")), isNull(apiTokens.revokedAt)))
    .prepare(),
);

export type ApiTokenCheck = { ok: true; caller: ApiCaller } | { ok: false; reason: "unknown" | "expired" };

/**
 * The caller behind a bearer token; "unknown" for a missing, malformed, unknown or revoked one,
 * "expired" for one past its expiry (the client holds the secret: it may be told why).
 * The lookup is by hash (an index), so timing tells nothing about the secret.
 */
export function checkApiToken(token: string | null, now = new Date()): ApiTokenCheck {
  if (!token || !isTokenFormat(token)) return { ok: false, reason: "unknown" };
  // Read on every request (prepared once): a revocation counts from the next request on.
  const row = tokenByHash().get({ tokenHash: hashApiToken(token) });
  if (!row) return { ok: false, reason: "unknown" };
  if (isTokenExpired(row.expiresAt, now)) return { ok: false, reason: "expired" };
  // The foreign key keeps the unit one of outreach_units, whose codes are OUTREACH_UNITS'.
  return { ok: true, caller: { tokenId: row.tokenId, outreachUnit: row.outreachUnit as OutreachUnit, name: row.name } };
}

/** The caller behind a bearer token, or null for a missing, unknown, revoked or expired one. */
export function authenticateApiToken(token: string | null, now = new Date()): ApiCaller | null {
  const check = checkApiToken(token, now);
  return check.ok ? check.caller : null;
}

/** How stale `last_used_at` may get before a read-only request writes it again. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Records a read-only use of a token (the write of a referral records its own, exactly).
 * At most one write a minute per token, so that polling does not turn reads into writes.
 */
export function touchApiToken(tokenId: number, now = new Date()): void {
  db.update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - TOUCH_INTERVAL_MS))),
      ),
    )
    .run();
}
