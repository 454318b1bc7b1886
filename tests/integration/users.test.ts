import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { auditLog, outreachUnits, panti, sessions, users } from "#db/schema";
import { Conflict, InvalidInput, NotFound, PermissionDenied, Throttled } from "~/domain/errors";
import type { Role } from "~/domain/permissions";
import { auditPage } from "~/queries/audit.server";
import { userList, userPage } from "~/queries/users.server";
import { signIn } from "~/services/auth.server";
import {
  changeOwnPassword,
  createUser,
  resetPassword,
  setUserActive,
  updateUser,
} from "~/services/users.server";
import { db } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";

// --- test data, inserted directly ------------------------------------------------------

const PASSWORD = "kata-sandi-uji-123";
const passwordHash = hashPassword(PASSWORD);
let n = 0;

function insertPanti() {
  n += 1;
  return db.insert(panti).values({ code: `U-${n}`, name: `Panti Pengguna ${n}`, type: "intake" }).returning().get();
}

function insertUser(role: Role, pantiId: number | null = null, extra: Partial<typeof users.$inferInsert> = {}) {
  n += 1;
  const user = db
    .insert(users)
    .values({ username: `${role.replace("_", "-")}-${n}`, name: `Petugas ${n}`, passwordHash, role, pantiId, ...extra })
    .returning()
    .get();
  return { ...user, actor: { id: user.id, role: user.role, pantiId: user.pantiId, outreachUnit: user.outreachUnit } };
}

db.insert(outreachUnits).values({ code: "sudin_jakbar", nameId: "Satgas P3S Jakarta Barat" }).onConflictDoNothing().run();

const addr = () => `10.1.0.${++n % 250}`;

function sessionsOf(userId: number) {
  return db.select().from(sessions).where(eq(sessions.userId, userId)).all();
}

function auditRows(action: string, entityId: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(entityId))))
    .all();
}

/** Every audit row's before/after as text: none may hold a password or its hash. */
function auditText(): string {
  return db
    .all<{ t: string }>(sql`select coalesce(before, '') || ' ' || coalesce(after, '') as t from audit_log`)
    .map((r) => r.t)
    .join("\n");
}

// --- tests ------------------------------------------------------------------------------

describe("createUser", () => {
  it("creates a panti admin with a generated password that must be changed, audited without secrets", () => {
    const admin = insertUser("dinsos_admin");
    const home = insertPanti();
    const result = createUser(admin.actor, { username: "siti.aminah", name: "Siti Aminah", role: "panti_admin", pantiId: home.id });
    expect(result.generatedPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    const row = db.select().from(users).where(eq(users.id, result.user.id)).get()!;
    expect(row).toMatchObject({ username: "siti.aminah", role: "panti_admin", pantiId: home.id, active: true, mustChangePassword: true });
    expect(verifyPassword(result.generatedPassword!, row.passwordHash)).toBe(true);

    const [audit] = auditRows("user.create", row.id);
    expect(audit).toMatchObject({ userId: admin.id, entity: "user", pantiId: home.id });
    expect(audit!.after).toMatchObject({ username: "siti.aminah", role: "panti_admin", passwordGenerated: true });
    expect(JSON.stringify(audit)).not.toContain(row.passwordHash);
    expect(JSON.stringify(audit)).not.toContain(result.generatedPassword!);

    // The new user can sign in with it, and is told to change it.
    const signedIn = signIn({ username: "siti.aminah", password: result.generatedPassword!, clientAddress: addr() });
    expect(signedIn).toMatchObject({ ok: true, mustChangePassword: true });
  });

  it("keeps a chosen password without returning it", () => {
    const admin = insertUser("dinsos_admin");
    const result = createUser(admin.actor, { username: "analis.satu", name: "Analis Satu", role: "dinsos_viewer", password: "dipilih-admin-1" });
    expect(result.generatedPassword).toBeNull();
    expect(signIn({ username: "analis.satu", password: "dipilih-admin-1", clientAddress: addr() }).ok).toBe(true);
    expect(auditRows("user.create", result.user.id)[0]!.after).toMatchObject({ passwordGenerated: false });
  });

  it("answers a taken username with a field error (also in another case), not a crash", () => {
    const admin = insertUser("dinsos_admin");
    createUser(admin.actor, { username: "rudi", name: "Rudi", role: "dinsos_viewer" });
    const attempt = () => createUser(admin.actor, { username: "RUDI", name: "Rudi Lain", role: "dinsos_viewer" });
    expect(attempt).toThrow(InvalidInput);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidInput).fieldErrors).toEqual({ username: ["users.error.usernameTaken"] });
    }
    expect(db.all(sql`select id from users where username = 'rudi'`)).toHaveLength(1);
  });

  it("requires a panti for a panti admin, an existing one, and none for Dinsos roles", () => {
    const admin = insertUser("dinsos_admin");
    const fields = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        if (error instanceof InvalidInput) return error.fieldErrors;
        throw error;
      }
      throw new Error("expected InvalidInput");
    };
    expect(fields(() => createUser(admin.actor, { username: "tanpa.panti", name: "Tanpa Panti", role: "panti_admin" }))).toEqual({
      pantiId: ["users.error.pantiRequired"],
    });
    expect(
      fields(() => createUser(admin.actor, { username: "panti.hilang", name: "Panti Hilang", role: "instructor", pantiId: 999_999 })),
    ).toEqual({ pantiId: ["error.choose_option"] });
    const home = insertPanti();
    expect(
      fields(() => createUser(admin.actor, { username: "admin.berpanti", name: "Admin", role: "dinsos_admin", pantiId: home.id })),
    ).toEqual({ pantiId: ["users.error.pantiForbidden"] });
    expect(fields(() => createUser(admin.actor, { username: "p3s.tanpa.unit", name: "Petugas", role: "outreach" }))).toEqual({
      outreachUnit: ["users.error.unitRequired"],
    });
    const officer = createUser(admin.actor, { username: "p3s.jakbar", name: "Petugas", role: "outreach", outreachUnit: "sudin_jakbar" });
    expect(db.select().from(users).where(eq(users.id, officer.user.id)).get()!.outreachUnit).toBe("sudin_jakbar");
  });

  it("refuses a short chosen password or one equal to the username", () => {
    const admin = insertUser("dinsos_admin");
    expect(() => createUser(admin.actor, { username: "pendek", name: "Pendek", role: "dinsos_viewer", password: "123" })).toThrow(
      InvalidInput,
    );
    expect(() =>
      createUser(admin.actor, { username: "sama.saja.ya", name: "Sama", role: "dinsos_viewer", password: "sama.saja.ya" }),
    ).toThrow(InvalidInput);
  });

  it("is refused to everyone but Dinsos administrators", () => {
    const home = insertPanti();
    for (const role of ["dinsos_viewer", "panti_admin", "instructor", "psychosocial", "outreach"] as const) {
      const actor = insertUser(role, role === "dinsos_viewer" || role === "outreach" ? null : home.id, {
        outreachUnit: role === "outreach" ? "sudin_jakbar" : null,
      }).actor;
      expect(() => createUser(actor, { username: `oleh.${role}`.replace("_", "-"), name: "X Y", role: "dinsos_admin" }), role).toThrow(
        PermissionDenied,
      );
    }
    const pantiAdmin = insertUser("panti_admin", home.id);
    const target = insertUser("instructor", home.id);
    expect(() => resetPassword(pantiAdmin.actor, target.id)).toThrow(PermissionDenied);
    expect(() => setUserActive(pantiAdmin.actor, target.id, false)).toThrow(PermissionDenied);
    expect(() =>
      updateUser(pantiAdmin.actor, target.id, { name: "X Y", role: "dinsos_admin", version: "00000000" }),
    ).toThrow(PermissionDenied);
    expect(db.select().from(users).where(eq(users.id, target.id)).get()!.active).toBe(true);
  });
});

describe("updateUser", () => {
  it("changes role and panti, audits before and after, and refuses a stale form", () => {
    const admin = insertUser("dinsos_admin");
    const a = insertPanti();
    const b = insertPanti();
    const target = insertUser("panti_admin", a.id);
    const version = userPage(admin.actor, target.id)!.user.version;

    const result = updateUser(admin.actor, target.id, { name: "Nama Baru", role: "psychosocial", pantiId: b.id, version });
    expect(result.changed).toBe(true);
    expect(db.select().from(users).where(eq(users.id, target.id)).get()).toMatchObject({
      name: "Nama Baru",
      role: "psychosocial",
      pantiId: b.id,
    });
    const [audit] = auditRows("user.update", target.id);
    expect(audit!.before).toMatchObject({ role: "panti_admin", pantiId: a.id });
    expect(audit!.after).toMatchObject({ role: "psychosocial", pantiId: b.id, name: "Nama Baru" });
    expect(audit!.pantiId).toBe(b.id);

    // The same form again: its version is now stale.
    expect(() => updateUser(admin.actor, target.id, { name: "Lagi", role: "psychosocial", pantiId: b.id, version })).toThrow(
      Conflict,
    );
  });

  it("does not let an administrator remove their own admin role", () => {
    const admin = insertUser("dinsos_admin");
    const version = userPage(admin.actor, admin.id)!.user.version;
    expect(() => updateUser(admin.actor, admin.id, { name: admin.name, role: "dinsos_viewer", version })).toThrow(InvalidInput);
    expect(db.select().from(users).where(eq(users.id, admin.id)).get()!.role).toBe("dinsos_admin");
    // Renaming oneself is fine.
    expect(updateUser(admin.actor, admin.id, { name: "Admin Baru", role: "dinsos_admin", version }).changed).toBe(true);
  });

  it("answers not found for an unknown user", () => {
    const admin = insertUser("dinsos_admin");
    expect(() => updateUser(admin.actor, 999_999, { name: "X Y", role: "dinsos_viewer", version: "00000000" })).toThrow(NotFound);
  });
});

describe("resetPassword", () => {
  it("sets a new password, forces a change, ends every session, and audits without any hash", async () => {
    const admin = insertUser("dinsos_admin");
    const home = insertPanti();
    const target = insertUser("panti_admin", home.id);
    const first = signIn({ username: target.username, password: PASSWORD, clientAddress: addr() });
    const second = signIn({ username: target.username, password: PASSWORD, clientAddress: addr() });
    expect(first.ok && second.ok).toBe(true);
    expect(sessionsOf(target.id)).toHaveLength(2);

    const result = resetPassword(admin.actor, target.id);
    expect(sessionsOf(target.id)).toHaveLength(0);
    const row = db.select().from(users).where(eq(users.id, target.id)).get()!;
    expect(row.mustChangePassword).toBe(true);
    expect(verifyPassword(result.password, row.passwordHash)).toBe(true);
    expect(verifyPassword(PASSWORD, row.passwordHash)).toBe(false);

    const [audit] = auditRows("user.reset_password", target.id);
    expect(audit).toMatchObject({ userId: admin.id, pantiId: home.id });
    expect(audit!.after).toEqual({ mustChangePassword: true, sessionsEnded: 2 });
    const text = auditText();
    expect(text).not.toContain(row.passwordHash);
    expect(text).not.toContain(passwordHash);
    expect(text).not.toContain(result.password);
    expect(text).not.toMatch(/scrypt\$/);

    expect(signIn({ username: target.username, password: PASSWORD, clientAddress: addr() }).ok).toBe(false);
    expect(signIn({ username: target.username, password: result.password, clientAddress: addr() })).toMatchObject({
      ok: true,
      mustChangePassword: true,
    });
  });

  it("is refused for one's own account (that is the password change page)", () => {
    const admin = insertUser("dinsos_admin");
    expect(() => resetPassword(admin.actor, admin.id)).toThrow(Conflict);
  });
});

describe("deactivation", () => {
  it("ends the sessions and blocks sign-in until reactivated", () => {
    const admin = insertUser("dinsos_admin");
    const target = insertUser("dinsos_viewer");
    expect(signIn({ username: target.username, password: PASSWORD, clientAddress: addr() }).ok).toBe(true);

    setUserActive(admin.actor, target.id, false);
    expect(sessionsOf(target.id)).toHaveLength(0);
    expect(signIn({ username: target.username, password: PASSWORD, clientAddress: addr() })).toEqual({ ok: false, reason: "invalid" });
    expect(auditRows("user.deactivate", target.id)[0]!.after).toEqual({ active: false, sessionsEnded: 1 });

    // Twice is a stale form.
    expect(() => setUserActive(admin.actor, target.id, false)).toThrow(Conflict);

    setUserActive(admin.actor, target.id, true);
    expect(signIn({ username: target.username, password: PASSWORD, clientAddress: addr() }).ok).toBe(true);
    expect(auditRows("user.reactivate", target.id)).toHaveLength(1);
  });

  it("refuses self-deactivation with a clear message", () => {
    const admin = insertUser("dinsos_admin");
    try {
      setUserActive(admin.actor, admin.id, false);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Conflict);
      expect((error as Conflict).messageKey).toBe("users.error.selfDeactivate");
    }
    expect(db.select().from(users).where(eq(users.id, admin.id)).get()!.active).toBe(true);
  });
});

describe("changeOwnPassword", () => {
  it("checks the current password, clears must-change, ends the other sessions, renews this one, audits without hashes", () => {
    const user = insertUser("dinsos_viewer", null, { mustChangePassword: true });
    const here = signIn({ username: user.username, password: PASSWORD, clientAddress: addr() });
    const elsewhere = signIn({ username: user.username, password: PASSWORD, clientAddress: addr() });
    if (!here.ok || !elsewhere.ok) throw new Error("sign-in failed");
    const actor = { ...user.actor, sessionId: here.sessionId };

    expect(() =>
      changeOwnPassword(actor, { currentPassword: "salah-sekali", newPassword: "baru-dan-panjang", confirmPassword: "baru-dan-panjang" }),
    ).toThrow(InvalidInput);
    expect(auditRows("user.change_password_failed", user.id)).toHaveLength(1);

    const result = changeOwnPassword(actor, {
      currentPassword: PASSWORD,
      newPassword: "baru-dan-panjang",
      confirmPassword: "baru-dan-panjang",
    });
    expect(result.otherSessionsEnded).toBe(1);
    // This session goes on under a fresh id; the old id and the other session are gone.
    expect(result.sessionId).not.toBe(here.sessionId);
    expect(sessionsOf(user.id).map((s) => s.id)).toEqual([result.sessionId]);
    const row = db.select().from(users).where(eq(users.id, user.id)).get()!;
    expect(row.mustChangePassword).toBe(false);
    expect(verifyPassword("baru-dan-panjang", row.passwordHash)).toBe(true);
    const [audit] = auditRows("user.change_password", user.id);
    expect(audit).toMatchObject({ userId: user.id, before: { mustChangePassword: true }, after: { mustChangePassword: false } });
    expect(auditText()).not.toContain(row.passwordHash);
    expect(auditText()).not.toContain("baru-dan-panjang");
  });

  it("refuses the username or the current password as the new one", () => {
    const user = insertUser("dinsos_viewer");
    const actor = { ...user.actor, sessionId: "none" };
    expect(() =>
      changeOwnPassword(actor, { currentPassword: PASSWORD, newPassword: user.username, confirmPassword: user.username }),
    ).toThrow(InvalidInput);
    expect(() => changeOwnPassword(actor, { currentPassword: PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD })).toThrow(
      InvalidInput,
    );
  });

  it("throttles repeated wrong current passwords", () => {
    const user = insertUser("dinsos_viewer");
    const actor = { ...user.actor, sessionId: "none" };
    const now = new Date("2030-01-01T00:00:00Z");
    const attempt = (currentPassword: string, at = now) =>
      changeOwnPassword(actor, { currentPassword, newPassword: "baru-dan-panjang", confirmPassword: "baru-dan-panjang" }, at);
    // Three wrong passwords cost nothing; the fourth makes the next attempt wait 2 s, the fifth 4 s.
    for (let i = 0; i < 4; i++) expect(() => attempt("salah-lagi")).toThrow(InvalidInput);
    const soon = new Date(now.getTime() + 1500);
    expect(() => attempt(PASSWORD, soon)).toThrow(Throttled);
    const later = new Date(now.getTime() + 2000);
    expect(() => attempt("salah-lagi", later)).toThrow(InvalidInput);
    let wait: unknown;
    try {
      attempt(PASSWORD, later);
    } catch (error) {
      wait = error;
    }
    expect(wait).toBeInstanceOf(Throttled);
    expect(wait).toMatchObject({ retryAfterSeconds: 4, until: new Date(later.getTime() + 4000) });
    expect(attempt(PASSWORD, new Date(later.getTime() + 4000)).otherSessionsEnded).toBe(0);
  });
});

describe("user and audit queries", () => {
  it("filters users by role, panti and a search that takes wildcards literally", () => {
    const reader = insertUser("dinsos_admin").actor;
    const home = insertPanti();
    const a = insertUser("instructor", home.id, { name: "Dewi 100% Lestari" });
    insertUser("psychosocial", home.id, { name: "Dewi Kartika" });
    expect(userList(reader, { panti: home.id }).rows).toHaveLength(2);
    expect(userList(reader, { panti: home.id, role: "instructor" }).rows.map((r) => r.id)).toEqual([a.id]);
    expect(userList(reader, { q: "100%" }).rows.map((r) => r.id)).toEqual([a.id]);
    expect(userList(reader, { q: "DEWI", panti: home.id }).total).toBe(2);
    expect(userList(reader, { q: "_" }).rows.every((r) => r.username.includes("_") || r.name.includes("_"))).toBe(true);
  });

  it("pages the audit log newest first and filters it in SQL", () => {
    const admin = insertUser("dinsos_admin");
    const home = insertPanti();
    const base = new Date("2031-05-01T01:00:00Z").getTime();
    for (let i = 0; i < 120; i++) {
      db.insert(auditLog)
        .values({ at: new Date(base + i * 60_000), userId: admin.id, action: `paging.test_${i % 2 ? "odd" : "even"}`, entity: "paging", entityId: String(i), pantiId: home.id })
        .run();
    }
    const first = auditPage(admin.actor, { action: "paging.", panti: home.id });
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]!.entityId).toBe("119");
    expect(first.newerCursor).toBeNull();
    const second = auditPage(admin.actor, { action: "paging.", panti: home.id, before: first.olderCursor! });
    expect(second.rows[0]!.entityId).toBe("69");
    const third = auditPage(admin.actor, { action: "paging.", panti: home.id, before: second.olderCursor! });
    expect(third.rows).toHaveLength(20);
    expect(third.olderCursor).toBeNull();
    const back = auditPage(admin.actor, { action: "paging.", panti: home.id, after: third.newerCursor! });
    expect(back.rows.map((r) => r.entityId)).toEqual(second.rows.map((r) => r.entityId));

    expect(auditPage(admin.actor, { action: "paging.test_odd", user: admin.id }).rows.every((r) => r.action === "paging.test_odd")).toBe(true);
    // Dates are Jakarta days: 17:30 UTC on 1 May is 00:30 WIB on 2 May.
    db.insert(auditLog)
      .values({ at: new Date("2031-05-01T17:30:00Z"), action: "paging.late", entity: "paging", entityId: "late" })
      .run();
    expect(auditPage(admin.actor, { entity: "paging", from: "2031-05-02" }).rows.map((r) => r.entityId)).toEqual(["late"]);
    expect(auditPage(admin.actor, { entity: "paging", to: "2031-05-01", action: "paging.late" }).rows).toHaveLength(0);
    expect(auditPage(admin.actor, { entity: "paging", from: "2031-05-01", to: "2031-05-01" }).rows[0]!.entityId).toBe("119");
    expect(auditPage(admin.actor, { entity: "paging", entityId: "7" }).rows).toHaveLength(1);
    expect(first.entityOptions).toContain("paging");
  });
});
