import { randomBytes } from "node:crypto";
import { and, count, eq, gte, lt, max } from "drizzle-orm";
import { loginFailures, sessions, users } from "#db/schema";
import {
  accountAddressKey,
  addressKey,
  THROTTLE_RETENTION_MS,
  THROTTLE_RULES,
  throttleWait,
  type FailureStats,
  type ThrottleRule,
  type ThrottleWait,
} from "~/domain/throttle";
import { db } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { appendAudit, writeTransaction, type Tx } from "./audit.server";
import { newSessionExpiry } from "./sessions.server";

export type SignInResult =
  | { ok: true; sessionId: string; userId: number; mustChangePassword: boolean }
  | { ok: false; reason: "invalid" }
  | ({ ok: false; reason: "throttled" } & ThrottleWait);

let dummy: string | undefined;
/** A hash of a random password, checked against when the username is unknown. */
function dummyHash(): string {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  return dummy;
}

/** How many failures of one key the rule's window holds, and when the last one was. */
export function recentFailures(key: string, rule: ThrottleRule, now: Date): FailureStats {
  const since = new Date(now.getTime() - rule.windowMs);
  const row = db
    .select({ n: count(), last: max(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gte(loginFailures.at, since)))
    .get();
  return { count: row?.n ?? 0, lastAt: row?.last ?? null };
}

/** Records one failure under each key, and forgets failures that no rule looks at any more. */
export function recordFailures(tx: Tx, keys: string[], now: Date): void {
  tx.insert(loginFailures)
    .values(keys.map((key) => ({ key, at: now })))
    .run();
  tx.delete(loginFailures)
    .where(lt(loginFailures.at, new Date(now.getTime() - THROTTLE_RETENTION_MS)))
    .run();
}

/**
 * Checks a username and password. Failures are throttled with growing delays (see
 * app/domain/throttle.ts) per username and client address, and per address; never a lock-out:
 * failures from one address do not slow down the same username from another address.
 *
 * An attempt made while throttled is answered without checking the password, and is recorded
 * and audited like a failure: it counts, so the wait it returns already includes it.
 */
export function signIn(input: {
  username: string;
  password: string;
  clientAddress: string;
  now?: Date;
}): SignInResult {
  const now = input.now ?? new Date();
  const username = input.username.trim().toLowerCase();
  const keys = [
    { key: accountAddressKey(username, input.clientAddress), rule: THROTTLE_RULES.account },
    { key: addressKey(input.clientAddress), rule: THROTTLE_RULES.address },
  ];
  const keyNames = keys.map((k) => k.key);
  const stats = keys.map(({ key, rule }) => ({ rule, stats: recentFailures(key, rule, now) }));
  const user = db.select().from(users).where(eq(users.username, username)).get();
  const audited = { username: username.slice(0, 64), clientAddress: input.clientAddress };

  if (throttleWait(now, stats)) {
    // This attempt is one more failure for every key: the wait it imposes from now on.
    const wait = throttleWait(
      now,
      stats.map(({ rule, stats: s }) => ({ rule, stats: { count: s.count + 1, lastAt: now } })),
    )!;
    writeTransaction((tx) => {
      recordFailures(tx, keyNames, now);
      appendAudit(tx, {
        actorId: null,
        action: "auth.sign_in_throttled",
        entity: "user",
        entityId: user?.id ?? null,
        after: { ...audited, retryAfterSeconds: wait.retryAfterSeconds },
        at: now,
      });
    });
    return { ok: false, reason: "throttled", ...wait };
  }

  // Verify even for unknown users so that timing does not reveal which usernames exist.
  const valid = verifyPassword(input.password, user?.passwordHash ?? dummyHash());

  if (!user || !user.active || !valid) {
    writeTransaction((tx) => {
      recordFailures(tx, keyNames, now);
      appendAudit(tx, {
        actorId: null,
        action: "auth.sign_in_failed",
        entity: "user",
        entityId: user?.id ?? null,
        after: audited,
        at: now,
      });
    });
    return { ok: false, reason: "invalid" };
  }

  const sessionId = randomBytes(32).toString("base64url");
  writeTransaction((tx) => {
    // The address's own count stays: one good account must not clear a sprayer's record.
    tx.delete(loginFailures).where(eq(loginFailures.key, keyNames[0]!)).run();
    tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id)).run();
    tx.insert(sessions)
      .values({ id: sessionId, userId: user.id, createdAt: now, expiresAt: newSessionExpiry(now) })
      .run();
    // Expired sessions of this user are cleaned up on each sign-in.
    tx.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, now))).run();
    appendAudit(tx, {
      actorId: user.id,
      action: "auth.sign_in",
      entity: "user",
      entityId: user.id,
      pantiId: user.pantiId,
      after: { clientAddress: input.clientAddress },
      at: now,
    });
  });
  return { ok: true, sessionId, userId: user.id, mustChangePassword: user.mustChangePassword };
}

export function signOut(sessionId: string): void {
  writeTransaction((tx) => {
    const session = tx.select().from(sessions).where(eq(sessions.id, sessionId)).get();
    if (!session) return;
    tx.delete(sessions).where(eq(sessions.id, sessionId)).run();
    appendAudit(tx, { actorId: session.userId, action: "auth.sign_out", entity: "user", entityId: session.userId });
  });
}

/** Ends every session of a user (after a password reset or deactivation). */
export function endAllSessions(tx: Parameters<typeof appendAudit>[0], userId: number): void {
  tx.delete(sessions).where(eq(sessions.userId, userId)).run();
}
