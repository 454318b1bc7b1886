/**
 * Session lifetime: an idle timeout (SESSION_IDLE_MINUTES, default 60) that slides with activity,
 * capped by the absolute lifetime, written at most once a minute; and a fresh session id after
 * the user changes their own password.
 */
import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sessions } from "#db/schema";
import { action as passwordAction, loader as passwordLoader } from "~/routes/_app.account.password";
import { signIn } from "~/services/auth.server";
import { getUser, requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { SESSION_MAX_AGE_MS, sessionCookie } from "~/utils/session.server";
import { createUser, TEST_PASSWORD } from "../factories";

const MINUTE = 60_000;
const base = "http://127.0.0.1";

async function signedIn(minutesAgo: number) {
  const user = createUser("dinsos_viewer");
  const result = signIn({ username: user.username, password: TEST_PASSWORD, clientAddress: "127.0.0.1", now: new Date(Date.now() - minutesAgo * MINUTE) });
  if (!result.ok) throw new Error("sign-in failed");
  const cookie = (await sessionCookie().serialize(result.sessionId)).split(";")[0]!;
  return { user, sessionId: result.sessionId, cookie };
}

const request = (cookie: string, path = "/home") => new Request(base + path, { headers: { Cookie: cookie } });
const expiryOf = (sessionId: string) => db.select().from(sessions).where(eq(sessions.id, sessionId)).get()?.expiresAt.getTime();

async function thrown(fn: () => Promise<unknown>): Promise<Response> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}

afterEach(() => {
  delete process.env.SESSION_IDLE_MINUTES;
});

describe("idle timeout", () => {
  it("signs out a session idle for longer than the limit", async () => {
    const { cookie } = await signedIn(61);
    expect(await getUser(request(cookie))).toBeNull();
    const response = await thrown(() => requireUser(request(cookie, "/panti?kota=1")));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fpanti%3Fkota%3D1");
  });

  it("extends an active session by the idle limit from its last request", async () => {
    const { user, sessionId, cookie } = await signedIn(30);
    expect(expiryOf(sessionId)! - Date.now()).toBeLessThan(31 * MINUTE);
    const before = Date.now();
    expect((await requireUser(request(cookie))).id).toBe(user.id);
    expect(expiryOf(sessionId)!).toBeGreaterThanOrEqual(before + 60 * MINUTE);
    expect(expiryOf(sessionId)!).toBeLessThanOrEqual(Date.now() + 60 * MINUTE);
  });

  it("writes the expiry at most once a minute", async () => {
    const { sessionId, cookie } = await signedIn(0.5);
    const stored = expiryOf(sessionId);
    await requireUser(request(cookie));
    await requireUser(request(cookie));
    expect(expiryOf(sessionId)).toBe(stored);
  });

  it("never extends a session past its absolute lifetime", async () => {
    const { sessionId, cookie } = await signedIn(0);
    // Signed in almost 7 days ago and active all along: ten minutes of lifetime are left.
    const createdAt = new Date(Date.now() - SESSION_MAX_AGE_MS + 10 * MINUTE);
    db.update(sessions).set({ createdAt, expiresAt: new Date(Date.now() + 5 * MINUTE) }).where(eq(sessions.id, sessionId)).run();
    await requireUser(request(cookie));
    expect(expiryOf(sessionId)).toBe(createdAt.getTime() + SESSION_MAX_AGE_MS);
  });

  it("follows SESSION_IDLE_MINUTES", async () => {
    process.env.SESSION_IDLE_MINUTES = "15";
    const idle = await signedIn(16);
    expect(await getUser(request(idle.cookie))).toBeNull();
    const active = await signedIn(10);
    expect(await getUser(request(active.cookie))).not.toBeNull();
    expect(expiryOf(active.sessionId)!).toBeLessThanOrEqual(Date.now() + 15 * MINUTE);
  });
});

describe("password change", () => {
  it("replaces the current session by a fresh id and cookie; the old id no longer works", async () => {
    const { user, sessionId, cookie } = await signedIn(0);
    const response = (await passwordAction({
      request: new Request(`${base}/account/password`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ currentPassword: TEST_PASSWORD, newPassword: "teh manis hangat", confirmPassword: "teh manis hangat" }).toString(),
      }),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(302);
    const renewed = response.headers.get("Set-Cookie")!;
    expect(renewed).toMatch(/HttpOnly/i);
    const newId: unknown = await sessionCookie().parse(renewed.split(";")[0]!);
    expect(typeof newId).toBe("string");
    expect(newId).not.toBe(sessionId);

    expect(db.select().from(sessions).where(eq(sessions.id, sessionId)).get()).toBeUndefined();
    expect(await getUser(request(cookie))).toBeNull();
    const after = await getUser(request(renewed.split(";")[0]!));
    expect(after?.id).toBe(user.id);
    expect(after?.sessionId).toBe(newId);
    const page = await passwordLoader({ request: request(renewed.split(";")[0]!, "/account/password?changed=0"), params: {}, context: {} });
    expect(page).toEqual({ username: user.username, mustChangePassword: false, done: { otherSessionsEnded: 0 } });
  });
});
