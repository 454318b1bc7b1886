import { randomBytes } from "node:crypto";
import { and, count, eq, gte, lt } from "drizzle-orm";
import { loginFailures, sessions, users } from "#db/schema";
import { db } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { appendAudit, writeTransaction } from "./audit.server";
import { newSessionExpiry } from "./sessions.server";

/** Failed attempts allowed per username and per client address inside the window. */
export const THROTTLE = { window: 15 * 60 * 1000, perUser: 5, perAddress: 30 } as const;

export type SignInResult =
  | { ok: true; sessionId: string; userId: number; mustChangePassword: boolean }
  | { ok: false; reason: "invalid" | "throttled" };

let dummy: string | undefined;
/** A hash of a random password, checked against when the username is unknown. */
function dummyHash(): string {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  return dummy;
}

const userKey = (username: string) => `user:${username.toLowerCase()}`;
const addressKey = (address: string) => `addr:${address}`;

function recentFailures(key: string, since: Date): number {
  const row = db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gte(loginFailures.at, since)))
    .get();
  return row?.n ?? 0;
}

/**
 * Checks a username and password. Repeated failures for one username (or from one address)
 * lock further attempts for the throttle window, whether or not the password is right.
 */
export function signIn(input: {
  username: string;
  password: string;
  clientAddress: string;
  now?: Date;
}): SignInResult {
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - THROTTLE.window);
  const username = input.username.trim().toLowerCase();
  if (
    recentFailures(userKey(username), since) >= THROTTLE.perUser ||
    recentFailures(addressKey(input.clientAddress), since) >= THROTTLE.perAddress
  ) {
    return { ok: false, reason: "throttled" };
  }

  const user = db.select().from(users).where(eq(users.username, username)).get();
  // Verify even for unknown users so that timing does not reveal which usernames exist.
  const valid = verifyPassword(
    input.password,
    user?.passwordHash ?? dummyHash(),
  );

  if (!user || !user.active || !valid) {
    writeTransaction((tx) => {
      tx.insert(loginFailures)
        .values([
          { key: userKey(username), at: now },
          { key: addressKey(input.clientAddress), at: now },
        ])
        .run();
      // Old failures are of no further use.
      tx.delete(loginFailures).where(lt(loginFailures.at, since)).run();
      appendAudit(tx, {
        actorId: null,
        action: "auth.sign_in_failed",
        entity: "user",
        entityId: user?.id ?? null,
        after: { username: username.slice(0, 64), clientAddress: input.clientAddress },
        at: now,
      });
    });
    return { ok: false, reason: "invalid" };
  }

  const sessionId = randomBytes(32).toString("base64url");
  writeTransaction((tx) => {
    tx.delete(loginFailures).where(eq(loginFailures.key, userKey(username))).run();
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
