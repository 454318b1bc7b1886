/**
 * User accounts: creating them, editing their role and scope, resetting passwords,
 * deactivating and reactivating; and each user's own password change.
 *
 * Password hashes never reach the audit log. Hashing (scrypt, tens of milliseconds) happens
 * before the write transaction so the write lock is not held while it runs.
 */
import { and, count, countDistinct, eq, gte, lt, ne, or } from "drizzle-orm";
import { loginFailures, outreachUnits, panti, sessions, users } from "#db/schema";
import { Conflict, InvalidInput, NotFound, PermissionDenied, Throttled } from "~/domain/errors";
import { hasPermission, type Actor, type Role } from "~/domain/permissions";
import {
  newPasswordProblems,
  scopeErrors,
  userVersion,
  type ChangePasswordInput,
  type CreateUserInput,
  type UpdateUserInput,
} from "~/domain/users";
import { db } from "~/utils/db.server";
import { generatePassword, hashPassword, verifyPassword } from "~/utils/password.server";
import { appendAudit, writeTransaction, type Tx } from "./audit.server";
import { accountKeyRange, passwordChangeKey, THROTTLE_RULES, throttleWait } from "~/domain/throttle";
import { endAllSessions, recentFailures, recordFailures } from "./auth.server";
import { replaceSessions } from "./sessions.server";

function assertCanManageUsers(actor: Actor) {
  if (!hasPermission(actor, "user:manage")) throw new PermissionDenied("user:manage");
}

type UserRow = typeof users.$inferSelect;

/** What the audit log keeps of a user: never the password hash. */
function auditView(user: Pick<UserRow, "username" | "name" | "role" | "pantiId" | "outreachUnit" | "active">) {
  return {
    username: user.username,
    name: user.name,
    role: user.role,
    pantiId: user.pantiId,
    outreachUnit: user.outreachUnit,
    active: user.active,
  };
}

function loadUser(tx: Tx, userId: number): UserRow {
  const user = tx.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new NotFound("user");
  return user;
}

/** The scope rules of the role, and that the panti and the unit exist (field errors otherwise). */
function checkScope(tx: Tx, input: { role: Role; pantiId?: number | null; outreachUnit?: string | null }) {
  const errors = scopeErrors(input);
  if (input.pantiId != null && !errors.pantiId) {
    const home = tx.select({ id: panti.id }).from(panti).where(eq(panti.id, input.pantiId)).get();
    if (!home) errors.pantiId = ["error.choose_option"];
  }
  if (input.outreachUnit && !errors.outreachUnit) {
    const unit = tx
      .select({ code: outreachUnits.code })
      .from(outreachUnits)
      .where(eq(outreachUnits.code, input.outreachUnit))
      .get();
    if (!unit) errors.outreachUnit = ["error.choose_option"];
  }
  if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
}

function sessionCount(tx: Tx, userId: number, exceptSessionId?: string): number {
  return (
    tx
      .select({ n: count() })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined))
      .get()?.n ?? 0
  );
}

/**
 * Creates a user who must change their password at first sign-in. Without a password given,
 * one is generated and returned (to be shown once, never stored in clear).
 */
export function createUser(actor: Actor, input: CreateUserInput, now = new Date()) {
  assertCanManageUsers(actor);
  const username = input.username.trim().toLowerCase();
  if (input.password !== undefined) {
    const problems = newPasswordProblems({ newPassword: input.password, username });
    if (problems.length > 0) throw new InvalidInput({ password: problems });
  }
  const password = input.password ?? generatePassword();
  const passwordHash = hashPassword(password);
  return writeTransaction((tx) => {
    assertCanManageUsers(actor);
    const taken = tx.select({ id: users.id }).from(users).where(eq(users.username, username)).get();
    if (taken) throw new InvalidInput({ username: ["users.error.usernameTaken"] });
    const scope = { role: input.role, pantiId: input.pantiId ?? null, outreachUnit: input.outreachUnit ?? null };
    checkScope(tx, scope);
    const user = tx
      .insert(users)
      .values({
        username,
        name: input.name,
        passwordHash,
        ...scope,
        active: true,
        mustChangePassword: true,
        createdAt: now,
      })
      .returning()
      .get();
    appendAudit(tx, {
      actorId: actor.id,
      action: "user.create",
      entity: "user",
      entityId: user.id,
      pantiId: user.pantiId,
      after: { ...auditView(user), mustChangePassword: true, passwordGenerated: input.password === undefined },
      at: now,
    });
    return {
      user: { id: user.id, username: user.username, name: user.name },
      /** The generated password, to show once; null when the administrator chose it. */
      generatedPassword: input.password === undefined ? password : null,
    };
  });
}

/** Changes a user's name, role, panti and outreach unit. Refuses a stale form. */
export function updateUser(actor: Actor, userId: number, input: Omit<UpdateUserInput, "intent">, now = new Date()) {
  return writeTransaction((tx) => {
    assertCanManageUsers(actor);
    const user = loadUser(tx, userId);
    if (userVersion(user) !== input.version) throw new Conflict("error.stale");
    if (user.id === actor.id && input.role !== user.role && user.role === "dinsos_admin") {
      throw new InvalidInput({ role: ["users.error.selfRole"] });
    }
    const next = {
      name: input.name,
      role: input.role,
      pantiId: input.pantiId ?? null,
      outreachUnit: input.outreachUnit ?? null,
    };
    checkScope(tx, next);
    const before = auditView(user);
    const after = { ...before, ...next };
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((key) => next[key] !== user[key]);
    if (!changed) return { changed: false, username: user.username };
    tx.update(users).set(next).where(eq(users.id, user.id)).run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "user.update",
      entity: "user",
      entityId: user.id,
      // Recorded under the new panti (a move shows in the panti filter of where they went).
      pantiId: next.pantiId ?? user.pantiId,
      before,
      after,
      at: now,
    });
    return { changed: true, username: user.username };
  });
}

/**
 * Gives a user a new generated password (returned, to show once), makes them change it at
 * their next sign-in and ends all their sessions.
 */
export function resetPassword(actor: Actor, userId: number, now = new Date()) {
  assertCanManageUsers(actor);
  const password = generatePassword();
  const passwordHash = hashPassword(password);
  return writeTransaction((tx) => {
    assertCanManageUsers(actor);
    const user = loadUser(tx, userId);
    if (user.id === actor.id) throw new Conflict("users.error.selfReset");
    const sessionsEnded = sessionCount(tx, user.id);
    tx.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, user.id)).run();
    endAllSessions(tx, user.id);
    appendAudit(tx, {
      actorId: actor.id,
      action: "user.reset_password",
      entity: "user",
      entityId: user.id,
      pantiId: user.pantiId,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: true, sessionsEnded },
      at: now,
    });
    return { username: user.username, name: user.name, password };
  });
}

/** Deactivates (ending all sessions) or reactivates a user. Administrators cannot deactivate themselves. */
export function setUserActive(actor: Actor, userId: number, active: boolean, now = new Date()) {
  return writeTransaction((tx) => {
    assertCanManageUsers(actor);
    const user = loadUser(tx, userId);
    if (!active && user.id === actor.id) throw new Conflict("users.error.selfDeactivate");
    if (user.active === active) {
      throw new Conflict(active ? "users.error.alreadyActive" : "users.error.alreadyInactive", {
        username: user.username,
      });
    }
    const sessionsEnded = active ? 0 : sessionCount(tx, user.id);
    tx.update(users).set({ active }).where(eq(users.id, user.id)).run();
    if (!active) endAllSessions(tx, user.id);
    appendAudit(tx, {
      actorId: actor.id,
      action: active ? "user.reactivate" : "user.deactivate",
      entity: "user",
      entityId: user.id,
      pantiId: user.pantiId,
      before: { active: user.active },
      after: active ? { active } : { active, sessionsEnded },
      at: now,
    });
    return { username: user.username, active };
  });
}

/**
 * The signed-in user changes their own password: the current one must be right; the new one
 * clears `must_change_password`, and every session of the user ends: the current one is replaced
 * by a fresh session id (returned, for the new cookie), so the old id is worth nothing.
 */
export function changeOwnPassword(
  actor: Actor & { sessionId: string },
  input: ChangePasswordInput,
  now = new Date(),
) {
  const user = db.select().from(users).where(eq(users.id, actor.id)).get();
  if (!user || !user.active) throw new NotFound("user");

  // Wrong current passwords are throttled with growing delays, like sign-ins.
  const rule = THROTTLE_RULES.password;
  const wait = throttleWait(now, [{ rule, stats: recentFailures(passwordChangeKey(user.id), rule, now) }]);
  if (wait) throw new Throttled("users.error.passwordThrottled", wait.until, wait.retryAfterSeconds);

  if (!verifyPassword(input.currentPassword, user.passwordHash)) {
    writeTransaction((tx) => {
      recordFailures(tx, [passwordChangeKey(user.id)], now);
      appendAudit(tx, {
        actorId: user.id,
        action: "user.change_password_failed",
        entity: "user",
        entityId: user.id,
        pantiId: user.pantiId,
        at: now,
      });
    });
    throw new InvalidInput({ currentPassword: ["users.error.currentPasswordWrong"] });
  }
  const problems = newPasswordProblems({
    newPassword: input.newPassword,
    username: user.username,
    currentPassword: input.currentPassword,
  });
  if (problems.length > 0) throw new InvalidInput({ newPassword: problems });
  if (input.confirmPassword !== input.newPassword) {
    throw new InvalidInput({ confirmPassword: ["users.error.confirmMismatch"] });
  }

  const passwordHash = hashPassword(input.newPassword);
  return writeTransaction((tx) => {
    const current = loadUser(tx, user.id);
    // Changed in between (a reset by an administrator): the current password checked is stale.
    if (current.passwordHash !== user.passwordHash || !current.active) throw new Conflict("error.stale");
    const otherSessionsEnded = sessionCount(tx, user.id, actor.sessionId);
    tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, user.id)).run();
    const sessionId = replaceSessions(tx, user.id, now);
    tx.delete(loginFailures).where(eq(loginFailures.key, passwordChangeKey(user.id))).run();
    appendAudit(tx, {
      actorId: user.id,
      action: "user.change_password",
      entity: "user",
      entityId: user.id,
      pantiId: user.pantiId,
      before: { mustChangePassword: current.mustChangePassword },
      after: { mustChangePassword: false, otherSessionsEnded, sessionRenewed: true },
      at: now,
    });
    return { otherSessionsEnded, sessionId };
  });
}

/**
 * Clears the recorded failed sign-ins of a user (from every address) and of their own password
 * change, so that their next attempt is not delayed. Failures recorded per address stay: they
 * belong to every username tried from there.
 */
export function unlockSignIn(actor: Actor, userId: number, now = new Date()) {
  return writeTransaction((tx) => {
    assertCanManageUsers(actor);
    const user = loadUser(tx, userId);
    const { from, to } = accountKeyRange(user.username);
    const signInKeys = and(gte(loginFailures.key, from), lt(loginFailures.key, to));
    const recent = tx
      .select({ n: count(), addresses: countDistinct(loginFailures.key) })
      .from(loginFailures)
      .where(and(signInKeys, gte(loginFailures.at, new Date(now.getTime() - THROTTLE_RULES.account.windowMs))))
      .get();
    const cleared = tx
      .delete(loginFailures)
      .where(or(signInKeys, eq(loginFailures.key, passwordChangeKey(user.id))))
      .run().changes;
    if (cleared === 0) throw new Conflict("users.error.notThrottled", { username: user.username });
    appendAudit(tx, {
      actorId: actor.id,
      action: "user.unlock_sign_in",
      entity: "user",
      entityId: user.id,
      pantiId: user.pantiId,
      before: { recentFailures: recent?.n ?? 0, addresses: recent?.addresses ?? 0 },
      after: { cleared },
      at: now,
    });
    return { username: user.username, cleared };
  });
}
