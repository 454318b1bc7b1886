import { describe, expect, it } from "vitest";
import { canOnPanti, checkPanti, hasPermission, pantiScope, PermissionDenied, ROLES, type Actor } from "./permissions";

const actor = (role: Actor["role"], pantiId: number | null = null): Actor => ({ id: 1, role, pantiId });

describe("permissions", () => {
  it("lets Dinsos roles see every panti", () => {
    for (const role of ["dinsos_admin", "dinsos_viewer"] as const) {
      expect(canOnPanti(actor(role), "panti:view", 7)).toBe(true);
      expect(pantiScope(actor(role), "panti:list")).toBeNull();
    }
  });

  it("scopes a panti admin to their own panti", () => {
    const a = actor("panti_admin", 3);
    expect(canOnPanti(a, "panti:view", 3)).toBe(true);
    expect(canOnPanti(a, "panti:view", 4)).toBe(false);
    expect(checkPanti(a, "bed:manage", 4)).toBe("not_found");
    expect(checkPanti(a, "bed:manage", 3)).toBe("allowed");
    expect(pantiScope(a, "panti:list")).toBe(3);
  });

  it("gives a panti-scoped role without a panti nothing", () => {
    const a = actor("panti_admin", null);
    expect(hasPermission(a, "panti:list")).toBe(false);
    expect(() => pantiScope(a, "panti:list")).toThrow(PermissionDenied);
  });

  it("answers forbidden, not not-found, for a role that lacks the permission", () => {
    expect(checkPanti(actor("outreach"), "panti:view", 3)).toBe("forbidden");
    expect(checkPanti(actor("dinsos_viewer"), "bed:manage", 3)).toBe("forbidden");
    expect(checkPanti(actor("instructor", 3), "panti:view", 3)).toBe("forbidden");
  });

  it("keeps user management and the audit log to dinsos_admin", () => {
    for (const role of ROLES) {
      expect(hasPermission(actor(role, 1), "user:manage")).toBe(role === "dinsos_admin");
      expect(hasPermission(actor(role, 1), "audit:read")).toBe(role === "dinsos_admin");
    }
  });

  it("lets only panti admins (own) and dinsos_admin manage beds", () => {
    const allowed = ROLES.filter((role) => canOnPanti(actor(role, 1), "bed:manage", 1));
    expect(allowed.sort()).toEqual(["dinsos_admin", "panti_admin"]);
  });
});
