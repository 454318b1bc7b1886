import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, loginFailures, panti, sessions, users } from "#db/schema";
import type { Role } from "~/domain/permissions";
import { loader as auditLoader } from "~/routes/_app.admin.audit";
import { loader as passwordLoader, action as passwordAction } from "~/routes/_app.account.password";
import { loader as userLoader, action as userAction } from "~/routes/_app.admin.users.$userId/route";
import { loader as usersLoader } from "~/routes/_app.admin.users._index";
import { loader as newUserLoader, action as newUserAction } from "~/routes/_app.admin.users.new";
import { action as loginAction } from "~/routes/login";
import { accountAddressKey, addressKey } from "~/domain/throttle";
import { signIn } from "~/services/auth.server";
import { db } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { languageCookie, sessionCookie } from "~/utils/session.server";
import { callRoute as call } from "../routes";

// --- test data, inserted directly ------------------------------------------------------

const PASSWORD = "kata-sandi-uji-123";
const passwordHash = hashPassword(PASSWORD);
let n = 0;

function insertPanti() {
  n += 1;
  return db.insert(panti).values({ code: `A-${n}`, name: `Panti Masuk ${n}`, type: "intake" }).returning().get();
}

function insertUser(role: Role, pantiId: number | null = null, extra: Partial<typeof users.$inferInsert> = {}) {
  n += 1;
  return db
    .insert(users)
    .values({ username: `${role.replace("_", "-")}-${n}`, name: `Petugas ${n}`, passwordHash, role, pantiId, ...extra })
    .returning()
    .get();
}

/** A fresh client address per call, so the per-address throttle never mixes tests. */
const addr = () => `10.2.${Math.floor(++n / 250)}.${n % 250}`;

function auditFor(action: string, filter: { entityId?: number | null; at?: Date } = {}) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, action),
        filter.entityId != null ? eq(auditLog.entityId, String(filter.entityId)) : undefined,
        filter.at ? eq(auditLog.at, filter.at) : undefined,
      ),
    )
    .all();
}

// --- calling route modules directly ------------------------------------------------------

const base = "http://127.0.0.1";

async function cookieFor(username: string): Promise<string> {
  const result = signIn({ username, password: PASSWORD, clientAddress: addr() });
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return (await sessionCookie().serialize(result.sessionId)).split(";")[0]!;
}

const get = (path: string, cookie?: string) => new Request(base + path, { headers: cookie ? { Cookie: cookie } : {} });

const post = (path: string, cookie: string | null, fields: Record<string, string>) =>
  new Request(base + path, {
    method: "POST",
    headers: { ...(cookie ? { Cookie: cookie } : {}), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });

const args = (request: Request, params: Record<string, string> = {}, clientAddress = "127.0.0.9") => ({
  request,
  params,
  context: { clientAddress },
});

// --- sign-in ------------------------------------------------------------------------------

describe("signIn", () => {
  it("signs in with the right password: a session, the last sign-in time and an audit row", () => {
    const user = insertUser("dinsos_viewer");
    const now = new Date("2030-02-01T03:00:00Z");
    const result = signIn({ username: `  ${user.username.toUpperCase()} `, password: PASSWORD, clientAddress: addr(), now });
    expect(result).toMatchObject({ ok: true, userId: user.id, mustChangePassword: false });
    if (!result.ok) return;
    const session = db.select().from(sessions).where(eq(sessions.id, result.sessionId)).get();
    expect(session?.userId).toBe(user.id);
    expect(session!.expiresAt.getTime()).toBeGreaterThan(now.getTime());
    expect(db.select().from(users).where(eq(users.id, user.id)).get()!.lastLoginAt).toEqual(now);
    expect(auditFor("auth.sign_in", { entityId: user.id, at: now })).toHaveLength(1);
  });

  it("refuses a wrong password, audits the failure and opens no session", () => {
    const user = insertUser("dinsos_viewer");
    const now = new Date("2030-02-02T03:00:00Z");
    expect(signIn({ username: user.username, password: "bukan-ini", clientAddress: addr(), now })).toEqual({
      ok: false,
      reason: "invalid",
    });
    const [failure] = auditFor("auth.sign_in_failed", { entityId: user.id, at: now });
    expect(failure).toMatchObject({ userId: null, entity: "user" });
    expect(failure!.after).toMatchObject({ username: user.username });
    expect(JSON.stringify(failure)).not.toContain("bukan-ini");
    expect(db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(0);
  });

  it("answers an unknown username exactly like a wrong password, and audits it", () => {
    const now = new Date("2030-02-03T03:00:00Z");
    expect(signIn({ username: "tidak.ada", password: PASSWORD, clientAddress: addr(), now })).toEqual({
      ok: false,
      reason: "invalid",
    });
    const [failure] = auditFor("auth.sign_in_failed", { at: now });
    expect(failure).toMatchObject({ entityId: null });
    expect(failure!.after).toMatchObject({ username: "tidak.ada" });
  });

  it("refuses a deactivated user even with the right password", () => {
    const user = insertUser("dinsos_viewer", null, { active: false });
    expect(signIn({ username: user.username, password: PASSWORD, clientAddress: addr() })).toEqual({ ok: false, reason: "invalid" });
  });
});

// --- sign-in throttling -----------------------------------------------------------------------

const failuresOf = (key: string) => db.select().from(loginFailures).where(eq(loginFailures.key, key)).all();

describe("sign-in throttling", () => {
  const wrong = (username: string, clientAddress: string, now: Date) =>
    signIn({ username, password: "salah-lagi", clientAddress, now });

  it("never locks the real user out: many failures from one address do not delay the same username from another", () => {
    const user = insertUser("dinsos_viewer");
    const attacker = addr();
    const start = new Date("2030-03-01T01:00:00Z");
    for (let i = 0; i < 50; i++) expect(wrong(user.username, attacker, new Date(start.getTime() + i * 1000)).ok).toBe(false);
    expect(wrong(user.username, attacker, new Date(start.getTime() + 50_000))).toMatchObject({ reason: "throttled" });

    const office = addr();
    const result = signIn({ username: user.username, password: PASSWORD, clientAddress: office, now: new Date(start.getTime() + 50_000) });
    expect(result).toMatchObject({ ok: true, userId: user.id });
  });

  it("lets three failures from one address cost nothing, then makes each next attempt wait 2, 4, 8 … seconds", () => {
    const user = insertUser("dinsos_viewer");
    const from = addr();
    let last = new Date("2030-03-02T01:00:00Z");
    for (let i = 0; i < 4; i++) expect(wrong(user.username, from, last)).toEqual({ ok: false, reason: "invalid" });
    // After n failures the next attempt is allowed 2^(n−3) s after the last one, not a moment before.
    for (const seconds of [2, 4, 8, 16, 32, 64, 128, 256, 512]) {
      last = new Date(last.getTime() + seconds * 1000);
      expect(wrong(user.username, from, last)).toEqual({ ok: false, reason: "invalid" });
    }
    // 13 failures: 15 minutes, the cap. A moment early, even the right password is refused.
    const early = new Date(last.getTime() + 15 * 60_000 - 1);
    expect(signIn({ username: user.username, password: PASSWORD, clientAddress: from, now: early })).toMatchObject({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 15 * 60,
    });
  });

  it("tells how long to wait, counting the throttled attempt itself, so the wait doubles with each attempt", () => {
    const now = new Date("2030-03-03T01:00:00Z");
    const waits = [4, 5, 6, 7, 14].map((failures) => {
      const user = insertUser("dinsos_viewer");
      const from = addr();
      for (let i = 0; i < failures; i++) wrong(user.username, from, now);
      const result = signIn({ username: user.username, password: PASSWORD, clientAddress: from, now });
      if (result.ok || result.reason !== "throttled") throw new Error("expected a throttled attempt");
      expect(result.until).toEqual(new Date(now.getTime() + result.retryAfterSeconds * 1000));
      return result.retryAfterSeconds;
    });
    expect(waits).toEqual([4, 8, 16, 32, 900]);
  });

  it("records and audits attempts made while throttled, without letting the right password through", () => {
    const user = insertUser("dinsos_viewer");
    const from = addr();
    const now = new Date("2030-03-04T01:00:00Z");
    for (let i = 0; i < 4; i++) wrong(user.username, from, now);
    const later = new Date(now.getTime() + 1000);
    for (let i = 0; i < 3; i++) {
      expect(signIn({ username: user.username, password: PASSWORD, clientAddress: from, now: later })).toMatchObject({
        ok: false,
        reason: "throttled",
      });
    }
    expect(failuresOf(accountAddressKey(user.username, from))).toHaveLength(7);
    expect(failuresOf(addressKey(from))).toHaveLength(7);
    const throttled = auditFor("auth.sign_in_throttled", { entityId: user.id, at: later });
    expect(throttled).toHaveLength(3);
    expect(throttled[0]).toMatchObject({ userId: null, entity: "user" });
    expect(throttled[0]!.after).toMatchObject({ username: user.username, clientAddress: from, retryAfterSeconds: 4 });
    expect(throttled.map((row) => (row.after as { retryAfterSeconds: number }).retryAfterSeconds)).toEqual([4, 8, 16]);
    expect(db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(0);
  });

  it("throttles an address that tries many usernames, after twenty failures, and only that address", () => {
    const user = insertUser("dinsos_viewer");
    const sprayer = addr();
    const now = new Date("2030-03-05T01:00:00Z");
    for (let i = 0; i < 20; i++) expect(wrong(`tebakan-${i}`, sprayer, now)).toEqual({ ok: false, reason: "invalid" });
    expect(wrong("tebakan-20", sprayer, now)).toEqual({ ok: false, reason: "invalid" });
    // 21 failures from the address: 2 seconds for any username tried from it.
    expect(signIn({ username: user.username, password: PASSWORD, clientAddress: sprayer, now })).toMatchObject({
      reason: "throttled",
    });
    expect(signIn({ username: user.username, password: PASSWORD, clientAddress: addr(), now }).ok).toBe(true);
  });

  it("clears at sign-in only the count of that username from that address", () => {
    const user = insertUser("dinsos_viewer");
    const office = addr();
    const attacker = addr();
    const now = new Date("2030-03-06T01:00:00Z");
    for (let i = 0; i < 4; i++) wrong(user.username, office, now);
    for (let i = 0; i < 5; i++) wrong(user.username, attacker, now);
    const after = new Date(now.getTime() + 2000);
    expect(signIn({ username: user.username, password: PASSWORD, clientAddress: office, now: after }).ok).toBe(true);
    expect(failuresOf(accountAddressKey(user.username, office))).toHaveLength(0);
    expect(failuresOf(addressKey(office))).toHaveLength(4);
    // The office is free again (four more failures cost nothing); the other address still waits.
    for (let i = 0; i < 4; i++) expect(wrong(user.username, office, after)).toEqual({ ok: false, reason: "invalid" });
    expect(wrong(user.username, attacker, after)).toMatchObject({ ok: false, reason: "throttled" });
  });
});

// --- route guards -------------------------------------------------------------------------

describe("user management and audit routes", () => {
  it("send anonymous visitors to sign in", async () => {
    const res = await call(() => usersLoader(args(get("/admin/users"))));
    expect(res.status).toBe(302);
    expect(res.headers?.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fusers");
    expect((await call(() => auditLoader(args(get("/admin/audit"))))).status).toBe(302);
  });

  it("answer 403 to a panti admin, on pages and on posts, and change nothing", async () => {
    const home = insertPanti();
    const admin = insertUser("panti_admin", home.id);
    const colleague = insertUser("instructor", home.id);
    const cookie = await cookieFor(admin.username);

    expect((await call(() => usersLoader(args(get("/admin/users", cookie))))).status).toBe(403);
    expect((await call(() => auditLoader(args(get("/admin/audit", cookie))))).status).toBe(403);
    expect((await call(() => newUserLoader(args(get("/admin/users/new", cookie))))).status).toBe(403);
    const params = { userId: String(colleague.id) };
    expect((await call(() => userLoader(args(get(`/admin/users/${colleague.id}`, cookie), params)))).status).toBe(403);

    const created = await call(() =>
      newUserAction(args(post("/admin/users/new", cookie, { username: "penyusup", name: "Penyusup", role: "dinsos_admin" }))),
    );
    expect(created.status).toBe(403);
    expect(db.select().from(users).where(eq(users.username, "penyusup")).get()).toBeUndefined();
    const deactivated = await call(() =>
      userAction(args(post(`/admin/users/${colleague.id}`, cookie, { intent: "deactivate" }), params)),
    );
    expect(deactivated.status).toBe(403);
    expect(db.select().from(users).where(eq(users.id, colleague.id)).get()!.active).toBe(true);
  });

  it("give a Dinsos viewer 403 too (read-all is not user management)", async () => {
    const cookie = await cookieFor(insertUser("dinsos_viewer").username);
    expect((await call(() => usersLoader(args(get("/admin/users", cookie))))).status).toBe(403);
    expect((await call(() => auditLoader(args(get("/admin/audit", cookie))))).status).toBe(403);
  });

  it("serve a Dinsos administrator the lists", async () => {
    const home = insertPanti();
    const admin = insertUser("dinsos_admin");
    const staff = insertUser("panti_admin", home.id, { name: "Siti Pencarian" });
    const cookie = await cookieFor(admin.username);

    const list = await call(() => usersLoader(args(get(`/admin/users?q=pencarian&panti=${home.id}`, cookie))));
    expect(list.status).toBe(200);
    const body = list.body as Awaited<ReturnType<typeof usersLoader>>;
    expect(body.rows.map((r) => r.username)).toEqual([staff.username]);
    expect(body.rows[0]).toMatchObject({ pantiName: home.name, role: "panti_admin", active: true });
    expect(body.rows[0]).not.toHaveProperty("passwordHash");

    const audit = await call(() => auditLoader(args(get(`/admin/audit?action=auth.&user=${admin.id}`, cookie))));
    expect(audit.status).toBe(200);
    const auditBody = audit.body as Awaited<ReturnType<typeof auditLoader>>;
    expect(auditBody.rows.map((r) => r.action)).toContain("auth.sign_in");
    expect(auditBody.rows.every((r) => r.action.startsWith("auth.") && r.userId === admin.id)).toBe(true);

    const page = await call(() => userLoader(args(get(`/admin/users/${staff.id}`, cookie), { userId: String(staff.id) })));
    expect(page.status).toBe(200);
    expect((page.body as Awaited<ReturnType<typeof userLoader>>).user).not.toHaveProperty("passwordHash");
    expect((await call(() => userLoader(args(get("/admin/users/999999", cookie), { userId: "999999" })))).status).toBe(404);
    expect((await call(() => userLoader(args(get("/admin/users/abc", cookie), { userId: "abc" })))).status).toBe(404);
  });

  it("create a user from the form: field errors with the values kept, then the password shown once", async () => {
    const home = insertPanti();
    const admin = insertUser("dinsos_admin");
    const cookie = await cookieFor(admin.username);
    const taken = insertUser("instructor", home.id);

    const bad = await call(() =>
      newUserAction(
        args(post("/admin/users/new", cookie, { username: taken.username, name: "Orang Baru", role: "panti_admin", pantiId: "", password: "rahasia-sekali-1" })),
      ),
    );
    expect(bad.status).toBe(400);
    const errors = bad.body as { errors: Record<string, string[]>; values: Record<string, string> };
    expect(errors.errors.pantiId).toEqual(["Pilih panti tempat pengguna bertugas: peran ini bekerja di satu panti."]);
    expect(errors.values).toMatchObject({ username: taken.username, name: "Orang Baru" });
    expect(errors.values).not.toHaveProperty("password");

    const duplicate = await call(() =>
      newUserAction(args(post("/admin/users/new", cookie, { username: taken.username, name: "Orang Baru", role: "instructor", pantiId: String(home.id) }))),
    );
    expect(duplicate.status).toBe(400);
    expect((duplicate.body as { errors: Record<string, string[]> }).errors).toEqual({
      username: ["Nama pengguna ini sudah dipakai. Pilih yang lain."],
    });

    const ok = await call(() =>
      newUserAction(args(post("/admin/users/new", cookie, { username: "orang.baru", name: "Orang Baru", role: "instructor", pantiId: String(home.id) }))),
    );
    expect(ok.status).toBe(200);
    expect(ok.headers?.get("Cache-Control")).toBe("no-store");
    const created = ok.body as { created: { id: number; username: string }; generatedPassword: string };
    expect(created.created.username).toBe("orang.baru");
    expect(signIn({ username: "orang.baru", password: created.generatedPassword, clientAddress: addr() })).toMatchObject({
      ok: true,
      mustChangePassword: true,
    });
  });

  it("refuse self-deactivation with a message and reset another user's password", async () => {
    const admin = insertUser("dinsos_admin");
    const other = insertUser("dinsos_viewer");
    const cookie = await cookieFor(admin.username);
    const otherCookie = await cookieFor(other.username);

    const self = await call(() =>
      userAction(args(post(`/admin/users/${admin.id}`, cookie, { intent: "deactivate" }), { userId: String(admin.id) })),
    );
    expect(self.status).toBe(409);
    expect((self.body as { formError: string }).formError).toBe("Anda tidak dapat menonaktifkan akun Anda sendiri.");

    const reset = await call(() =>
      userAction(args(post(`/admin/users/${other.id}`, cookie, { intent: "reset-password" }), { userId: String(other.id) })),
    );
    expect(reset.status).toBe(200);
    expect((reset.body as { password: string }).password).toMatch(/^[a-z2-9-]{19}$/);
    // The other user's session has ended: their next request goes to sign-in.
    expect((await call(() => passwordLoader(args(get("/account/password", otherCookie))))).status).toBe(302);
  });
});

// --- the sign-in page when throttled, and unlocking -------------------------------------------

describe("the sign-in page and unlocking", () => {
  const login = (username: string, password: string, clientAddress: string, cookie: string | null = null) =>
    call(() => loginAction(args(post("/login", cookie, { username, password }), {}, clientAddress)));
  const failTimes = (username: string, clientAddress: string, times: number) => {
    const now = new Date();
    for (let i = 0; i < times; i++) signIn({ username, password: "salah-lagi", clientAddress, now });
  };

  it("answers 429 with Retry-After and a message in the user's language saying when to try again", async () => {
    const user = insertUser("dinsos_viewer");
    const from = addr();
    expect((await login(user.username, "salah-lagi", from)).status).toBe(400);
    failTimes(user.username, from, 3);

    const throttled = await login(user.username, PASSWORD, from);
    expect(throttled.status).toBe(429);
    const retryAfter = Number(throttled.headers?.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(4);
    const body = throttled.body as { formError: string; values: Record<string, string> };
    expect(body.formError).toMatch(/^Terlalu banyak percobaan masuk yang gagal\. Coba lagi dalam \d detik \(pukul \d\d\.\d\d WIB\)\./);
    expect(body.values).toEqual({ username: user.username });
    expect(throttled.headers?.get("Set-Cookie")).toBeNull();

    const english = (await languageCookie.serialize("en")).split(";")[0]!;
    const again = await login(user.username, PASSWORD, from, english);
    expect(again.status).toBe(429);
    expect((again.body as { formError: string }).formError).toMatch(
      /^Too many failed sign-in attempts\. Try again in \d+ seconds \(at \d\d:\d\d WIB\)\./,
    );
    // The same user from another address signs in.
    expect((await login(user.username, PASSWORD, addr())).status).toBe(302);
  });

  it("lets a Dinsos administrator see since when and how often an account failed, and unlock it", async () => {
    const admin = insertUser("dinsos_admin");
    const user = insertUser("panti_admin", insertPanti().id);
    const cookie = await cookieFor(admin.username);
    const from = addr();
    const elsewhere = addr();
    const before = Date.now();
    failTimes(user.username, from, 5);
    failTimes(user.username, elsewhere, 1);
    const params = { userId: String(user.id) };

    const page = await call(() => userLoader(args(get(`/admin/users/${user.id}`, cookie), params)));
    const signInState = (page.body as Awaited<ReturnType<typeof userLoader>>).signIn;
    expect(signInState).toMatchObject({ throttled: true, total: 6, addressCount: 2, free: 3, windowHours: 24 });
    const row = signInState.addresses.find((a) => a.address === from)!;
    expect(row).toMatchObject({ failures: 5 });
    expect(row.delayedSince!.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.throttledUntil!.getTime()).toBe(row.lastAt!.getTime() + 4000);
    expect(signInState.addresses.find((a) => a.address === elsewhere)).toMatchObject({ failures: 1, throttledUntil: null, delayedSince: null });

    const unlocked = await call(() => userAction(args(post(`/admin/users/${user.id}`, cookie, { intent: "unlock-sign-in" }), params)));
    expect(unlocked.status).toBe(200);
    expect((unlocked.body as { message: string }).message).toBe(
      `Penundaan masuk ${user.username} dibuka: 6 percobaan gagal dihapus.`,
    );
    expect(failuresOf(accountAddressKey(user.username, from))).toHaveLength(0);
    const [entry] = auditFor("user.unlock_sign_in", { entityId: user.id });
    expect(entry).toMatchObject({ userId: admin.id, before: { recentFailures: 6, addresses: 2 }, after: { cleared: 6 } });
    expect((await login(user.username, PASSWORD, from)).status).toBe(302);

    const after = await call(() => userLoader(args(get(`/admin/users/${user.id}`, cookie), params)));
    expect((after.body as Awaited<ReturnType<typeof userLoader>>).signIn).toMatchObject({ throttled: false, total: 0 });
    // Nothing left to unlock: a conflict, not a second audit row.
    const twice = await call(() => userAction(args(post(`/admin/users/${user.id}`, cookie, { intent: "unlock-sign-in" }), params)));
    expect(twice.status).toBe(409);
    expect(auditFor("user.unlock_sign_in", { entityId: user.id })).toHaveLength(1);
  });

  it("refuses unlocking to every other role with 403, and unlocks only the user of the URL", async () => {
    const home = insertPanti();
    const victim = insertUser("instructor", home.id);
    const from = addr();
    failTimes(victim.username, from, 5);
    const params = { userId: String(victim.id) };
    const unlock = (cookie: string, userId: number, extra: Record<string, string> = {}) =>
      call(() =>
        userAction(args(post(`/admin/users/${userId}`, cookie, { intent: "unlock-sign-in", ...extra }), { userId: String(userId) })),
      );

    for (const role of ["dinsos_viewer", "panti_admin", "instructor", "psychosocial"] as const) {
      const cookie = await cookieFor(insertUser(role, role === "dinsos_viewer" ? null : home.id).username);
      expect((await unlock(cookie, victim.id)).status).toBe(403);
      expect((await call(() => userLoader(args(get(`/admin/users/${victim.id}`, cookie), params)))).status).toBe(403);
    }
    expect(failuresOf(accountAddressKey(victim.username, from))).toHaveLength(5);

    // An administrator's post names one user in the URL and another in the body: the URL decides.
    const admin = insertUser("dinsos_admin");
    const adminCookie = await cookieFor(admin.username);
    const other = insertUser("dinsos_viewer");
    const otherFrom = addr();
    failTimes(other.username, otherFrom, 5);
    expect((await unlock(adminCookie, other.id, { userId: String(victim.id) })).status).toBe(200);
    expect(failuresOf(accountAddressKey(other.username, otherFrom))).toHaveLength(0);
    expect(failuresOf(accountAddressKey(victim.username, from))).toHaveLength(5);
    expect((await unlock(adminCookie, 999_999)).status).toBe(404);
    expect(auditFor("user.unlock_sign_in", { entityId: victim.id })).toHaveLength(0);
  });
});

// --- must change password -------------------------------------------------------------------

describe("changing one's own password", () => {
  it("sends a user who must change it there after sign-in, explains why, and lets them change it", async () => {
    const user = insertUser("dinsos_viewer", null, { mustChangePassword: true });
    const login = await call(() =>
      loginAction(args(post("/login", null, { username: user.username, password: PASSWORD, redirectTo: "/panti" }))),
    );
    expect(login.status).toBe(302);
    expect(login.headers?.get("Location")).toBe("/account/password");
    const cookie = login.headers!.get("Set-Cookie")!.split(";")[0]!;
    const other = await cookieFor(user.username);

    const page = await call(() => passwordLoader(args(get("/account/password", cookie))));
    expect(page.body).toEqual({ username: user.username, mustChangePassword: true, done: null });

    const mismatch = await call(() =>
      passwordAction(
        args(post("/account/password", cookie, { currentPassword: PASSWORD, newPassword: "kopi tubruk pagi", confirmPassword: "kopi tubruk sore" })),
      ),
    );
    expect(mismatch.status).toBe(400);
    expect((mismatch.body as { errors: Record<string, string[]> }).errors).toEqual({
      confirmPassword: ["Tidak sama dengan kata sandi baru."],
    });

    const wrong = await call(() =>
      passwordAction(
        args(post("/account/password", cookie, { currentPassword: "bukan-ini-ya", newPassword: "kopi tubruk pagi", confirmPassword: "kopi tubruk pagi" })),
      ),
    );
    expect(wrong.status).toBe(400);
    expect((wrong.body as { errors: Record<string, string[]> }).errors).toEqual({ currentPassword: ["Kata sandi sekarang salah."] });

    const done = await call(() =>
      passwordAction(
        args(post("/account/password", cookie, { currentPassword: PASSWORD, newPassword: "kopi tubruk pagi", confirmPassword: "kopi tubruk pagi" })),
      ),
    );
    expect(done.status).toBe(302);
    expect(done.headers?.get("Location")).toBe("/account/password?changed=1");
    // This session goes on under a fresh id in a new cookie; the old id no longer signs in.
    const renewed = done.headers!.get("Set-Cookie")!.split(";")[0]!;
    expect(renewed).not.toBe(cookie);
    expect((await call(() => passwordLoader(args(get("/account/password?changed=1", renewed))))).body).toEqual({
      username: user.username,
      mustChangePassword: false,
      done: { otherSessionsEnded: 1 },
    });
    expect((await call(() => passwordLoader(args(get("/account/password", cookie))))).status).toBe(302);
    // The other session has ended too.
    expect((await call(() => passwordLoader(args(get("/account/password", other))))).status).toBe(302);
    expect(auditFor("user.change_password", { entityId: user.id })).toHaveLength(1);
  });
});
