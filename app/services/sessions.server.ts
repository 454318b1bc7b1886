/**
 * Session rows: their sliding expiry (app/domain/sessions.ts) and their replacement by a fresh id.
 * Signing in and out lives in auth.server.ts; the lookup of the signed-in user in
 * app/utils/auth.server.ts, which calls `extendSession` on each request.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { sessions } from "#db/schema";
import { refreshedExpiry, sessionExpiry } from "~/domain/sessions";
import { db } from "~/utils/db.server";
import { sessionLimits } from "~/utils/session.server";
import type { Tx } from "./audit.server";

/** A new random session id (32 bytes, base64url). */
export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

/** The expiry of a session opened at `now`. */
export function newSessionExpiry(now: Date): Date {
  return sessionExpiry(now, now, sessionLimits());
}

/**
 * Moves a live session's expiry forward after a request (now + idle timeout, capped at the
 * absolute lifetime). Writes only when the expiry moves by a minute or more: bookkeeping of the
 * session itself, not a change of records, so it has no audit row.
 */
export function extendSession(session: { id: string; createdAt: Date; expiresAt: Date }, now = new Date()): void {
  const expiresAt = refreshedExpiry(session, now, sessionLimits());
  if (!expiresAt) return;
  db.update(sessions).set({ expiresAt }).where(eq(sessions.id, session.id)).run();
}

/**
 * Ends every session of a user and opens a fresh one in their place (inside the caller's
 * transaction): after a password change the old session id, whoever holds it, no longer works.
 */
export function replaceSessions(tx: Tx, userId: number, now: Date): string {
  const id = newSessionId();
  tx.delete(sessions).where(eq(sessions.userId, userId)).run();
  tx.insert(sessions).values({ id, userId, createdAt: now, expiresAt: newSessionExpiry(now) }).run();
  return id;
}
