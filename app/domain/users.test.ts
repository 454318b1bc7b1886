import { describe, expect, it } from "vitest";
import {
  auditChanges,
  auditFilterSchema,
  changePasswordSchema,
  createUserSchema,
  newPasswordProblems,
  parseAuditCursor,
  REDACTED,
  scopeErrors,
  setActiveSchema,
  updateUserSchema,
  userListFilterSchema,
  userVersion,
} from "./users";

/** The message keys per field of a failed parse. */
function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const out: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

const valid = { username: "budi.santoso", name: "Budi Santoso", role: "panti_admin", pantiId: "3" };

describe("createUserSchema", () => {
  it("parses a panti admin, lowercasing the username and coercing the panti id", () => {
    const r = createUserSchema.safeParse({ ...valid, username: "  Budi.Santoso " });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ username: "budi.santoso", name: "Budi Santoso", role: "panti_admin", pantiId: 3 });
  });

  it("accepts lowercase letters, digits, dots and dashes, 3 to 32 characters", () => {
    for (const username of ["abc", "budi-2", "a.b.c", "x".repeat(32), "007"]) {
      expect(createUserSchema.safeParse({ ...valid, username }).success, username).toBe(true);
    }
    for (const username of ["ab", "x".repeat(33), "budi santoso", "budi_s", "budi@dinsos", "büdi", "<b>"]) {
      expect(createUserSchema.safeParse({ ...valid, username }).success, username).toBe(false);
    }
  });

  it("requires a panti for panti-scoped roles and refuses one for the others", () => {
    for (const role of ["panti_admin", "instructor", "psychosocial"]) {
      expect(issues(createUserSchema.safeParse({ ...valid, role, pantiId: undefined }))).toEqual({
        pantiId: ["users.error.pantiRequired"],
      });
    }
    expect(issues(createUserSchema.safeParse({ ...valid, role: "dinsos_admin" }))).toEqual({
      pantiId: ["users.error.pantiForbidden"],
    });
    expect(createUserSchema.safeParse({ ...valid, role: "dinsos_viewer", pantiId: undefined }).success).toBe(true);
  });

  it("requires an outreach unit for outreach officers only", () => {
    const outreach = { ...valid, role: "outreach", pantiId: undefined };
    expect(issues(createUserSchema.safeParse(outreach))).toEqual({ outreachUnit: ["users.error.unitRequired"] });
    expect(createUserSchema.safeParse({ ...outreach, outreachUnit: "sudin_jakbar" }).success).toBe(true);
    expect(createUserSchema.safeParse({ ...outreach, outreachUnit: "nowhere" }).success).toBe(false);
    expect(issues(createUserSchema.safeParse({ ...valid, outreachUnit: "sudin_jakbar" }))).toEqual({
      outreachUnit: ["users.error.unitForbidden"],
    });
  });

  it("makes the initial password optional, at least 10 characters and not the username", () => {
    expect(createUserSchema.safeParse({ ...valid, password: undefined }).success).toBe(true);
    expect(issues(createUserSchema.safeParse({ ...valid, password: "short" }))).toEqual({
      password: ["users.error.passwordShort"],
    });
    expect(createUserSchema.safeParse({ ...valid, password: "sepuluh-kar" }).success).toBe(true);
    expect(issues(createUserSchema.safeParse({ ...valid, username: "budi.santoso", password: "Budi.Santoso" }))).toEqual({
      password: ["users.error.passwordIsUsername"],
    });
  });

  it("refuses unknown roles and markup in names", () => {
    expect(issues(createUserSchema.safeParse({ ...valid, role: "root" })).role).toBeDefined();
    expect(issues(createUserSchema.safeParse({ ...valid, name: "<script>x</script>" })).name).toEqual(["error.no_markup"]);
    expect(createUserSchema.safeParse({ ...valid, name: "B" }).success).toBe(false);
  });
});

describe("updateUserSchema and the action schemas", () => {
  const base = { intent: "update", name: "Siti  Aminah", role: "instructor", pantiId: "2", version: "0a1b2c3d" };

  it("parses an edit with its version and collapses spaces in the name", () => {
    const r = updateUserSchema.safeParse(base);
    expect(r.data).toEqual({ intent: "update", name: "Siti Aminah", role: "instructor", pantiId: 2, version: "0a1b2c3d" });
  });

  it("needs a well-formed version and applies the same scope rules", () => {
    expect(updateUserSchema.safeParse({ ...base, version: undefined }).success).toBe(false);
    expect(updateUserSchema.safeParse({ ...base, version: "zzz" }).success).toBe(false);
    expect(issues(updateUserSchema.safeParse({ ...base, pantiId: undefined }))).toEqual({
      pantiId: ["users.error.pantiRequired"],
    });
  });

  it("knows the two activation intents", () => {
    expect(setActiveSchema.safeParse({ intent: "deactivate" }).success).toBe(true);
    expect(setActiveSchema.safeParse({ intent: "reactivate" }).success).toBe(true);
    expect(setActiveSchema.safeParse({ intent: "delete" }).success).toBe(false);
  });
});

describe("changePasswordSchema", () => {
  const schema = changePasswordSchema("budi.santoso");
  const ok = { currentPassword: "lama-sekali-123", newPassword: "kopi tubruk pagi", confirmPassword: "kopi tubruk pagi" };

  it("accepts a good change", () => {
    expect(schema.safeParse(ok).success).toBe(true);
  });

  it("wants 10 characters, not the username, not the current password, and a matching confirmation", () => {
    expect(issues(schema.safeParse({ ...ok, newPassword: "pendek", confirmPassword: "pendek" }))).toEqual({
      newPassword: ["users.error.passwordShort"],
    });
    expect(issues(schema.safeParse({ ...ok, newPassword: "Budi.Santoso", confirmPassword: "Budi.Santoso" }))).toEqual({
      newPassword: ["users.error.passwordIsUsername"],
    });
    expect(issues(schema.safeParse({ ...ok, newPassword: ok.currentPassword, confirmPassword: ok.currentPassword }))).toEqual({
      newPassword: ["users.error.passwordUnchanged"],
    });
    expect(issues(schema.safeParse({ ...ok, confirmPassword: "kopi tubruk sore" }))).toEqual({
      confirmPassword: ["users.error.confirmMismatch"],
    });
  });

  it("requires every field", () => {
    expect(Object.keys(issues(schema.safeParse({}))).sort()).toEqual(["confirmPassword", "currentPassword", "newPassword"]);
  });

  it("has the same rules as a plain function for services", () => {
    expect(newPasswordProblems({ newPassword: "budi.santoso", username: "Budi.Santoso " })).toEqual([
      "users.error.passwordIsUsername",
    ]);
    expect(newPasswordProblems({ newPassword: "abc", username: "x", currentPassword: "abc" })).toEqual([
      "users.error.passwordShort",
      "users.error.passwordUnchanged",
    ]);
  });
});

describe("scope and versions", () => {
  it("lists scope errors by field", () => {
    expect(scopeErrors({ role: "dinsos_admin" })).toEqual({});
    expect(scopeErrors({ role: "outreach", pantiId: 1 })).toEqual({
      pantiId: ["users.error.pantiForbidden"],
      outreachUnit: ["users.error.unitRequired"],
    });
  });

  it("changes the version when an editable field changes, only then", () => {
    const user = { name: "A", role: "panti_admin" as const, pantiId: 1, outreachUnit: null, active: true };
    expect(userVersion(user)).toMatch(/^[0-9a-f]{8}$/);
    expect(userVersion({ ...user })).toBe(userVersion(user));
    expect(userVersion({ ...user, pantiId: 2 })).not.toBe(userVersion(user));
    expect(userVersion({ ...user, active: false })).not.toBe(userVersion(user));
  });
});

describe("list filters", () => {
  it("ignores unknown values instead of failing", () => {
    expect(userListFilterSchema.parse({ q: " budi ", role: "king", panti: "x", page: "2" })).toEqual({
      q: "budi",
      role: undefined,
      panti: undefined,
      page: 2,
    });
    expect(userListFilterSchema.parse({ q: "" }).q).toBeUndefined();
  });

  it("parses the audit filters and cursors", () => {
    const f = auditFilterSchema.parse({
      action: "user.",
      entity: "user",
      user: "4",
      panti: "abc",
      from: "2026-02-30",
      to: "2026-03-01",
      before: "1767225600000.42",
      after: "drop table",
    });
    expect(f).toMatchObject({ action: "user.", entity: "user", user: 4, to: "2026-03-01", before: "1767225600000.42" });
    expect(f.panti).toBeUndefined();
    expect(f.from).toBeUndefined();
    expect(f.after).toBeUndefined();
    expect(auditFilterSchema.parse({ action: "x' or 1=1 --" }).action).toBeUndefined();
    expect(parseAuditCursor("1767225600000.42")).toEqual({ at: 1767225600000, id: 42 });
    expect(parseAuditCursor("nope")).toBeNull();
  });
});

describe("auditChanges", () => {
  it("lists only the keys that changed", () => {
    expect(
      auditChanges({ name: "A", role: "panti_admin", pantiId: 1 }, { name: "A", role: "dinsos_admin", pantiId: null }),
    ).toEqual([
      { key: "role", before: "panti_admin", after: "dinsos_admin" },
      { key: "pantiId", before: "1", after: null },
    ]);
  });

  it("shows every key of a creation, and plain values", () => {
    expect(auditChanges(null, { status: "available", beds: ["A-01", "A-02"] })).toEqual([
      { key: "status", before: null, after: "available" },
      { key: "beds", before: null, after: '["A-01","A-02"]' },
    ]);
    expect(auditChanges(null, { pantiId: null, role: "instructor" })).toEqual([
      { key: "role", before: null, after: "instructor" },
    ]);
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges("a", "b")).toEqual([{ key: "", before: "a", after: "b" }]);
  });

  it("masks anything that looks like a secret, at any depth, but not mustChangePassword", () => {
    const changes = auditChanges(
      { passwordHash: "scrypt$1", mustChangePassword: false },
      { passwordHash: "scrypt$2", mustChangePassword: true, nested: { tokenHash: "abc", label: "x" } },
    );
    expect(changes).toEqual([
      { key: "passwordHash", before: REDACTED, after: REDACTED },
      { key: "mustChangePassword", before: "false", after: "true" },
      { key: "nested", before: null, after: `{"tokenHash":"${REDACTED}","label":"x"}` },
    ]);
  });

  it("shortens long values", () => {
    const [change] = auditChanges({}, { note: "x".repeat(200) }, 20);
    expect(change!.after).toHaveLength(20);
    expect(change!.after!.endsWith("…")).toBe(true);
  });
});
