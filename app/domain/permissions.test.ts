import { describe, expect, it } from "vitest";
import { aggregatePantiFilter, canOnPanti, checkPanti, hasPermission, PermissionDenied, ROLES, scopeFor, type Actor } from "./permissions";

const actor = (role: Actor["role"], pantiId: number | null = null): Actor => ({ id: 1, role, pantiId });

describe("permissions", () => {
  it("lets Dinsos roles see every panti", () => {
    for (const role of ["dinsos_admin", "dinsos_viewer"] as const) {
      expect(canOnPanti(actor(role), "panti:view", 7)).toBe(true);
      expect(scopeFor(actor(role), "panti:list")).toEqual({ kind: "all" });
      expect(aggregatePantiFilter(scopeFor(actor(role), "panti:list"), "panti:list")).toBeNull();
    }
  });

  it("scopes a panti admin to their own panti", () => {
    const a = actor("panti_admin", 3);
    expect(canOnPanti(a, "panti:view", 3)).toBe(true);
    expect(canOnPanti(a, "panti:view", 4)).toBe(false);
    expect(checkPanti(a, "bed:manage", 4)).toBe("not_found");
    expect(checkPanti(a, "bed:manage", 3)).toBe("allowed");
    expect(scopeFor(a, "panti:list")).toEqual({ kind: "panti", pantiId: 3 });
    expect(aggregatePantiFilter(scopeFor(a, "panti:list"), "panti:list")).toBe(3);
  });

  it("gives a panti-scoped role without a panti nothing", () => {
    const a = actor("panti_admin", null);
    expect(hasPermission(a, "panti:list")).toBe(false);
    expect(scopeFor(a, "panti:list")).toEqual({ kind: "none" });
    expect(() => aggregatePantiFilter(scopeFor(a, "panti:list"), "panti:list")).toThrow(PermissionDenied);
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

  it("lets only panti admins (own panti) and dinsos_admin (every panti) approve; requesting stays with who writes", () => {
    expect(ROLES.filter((role) => canOnPanti(actor(role, 1), "approval:decide", 1)).sort()).toEqual(["dinsos_admin", "panti_admin"]);
    expect(ROLES.filter((role) => canOnPanti(actor(role, 1), "approval:decide", 2)).sort()).toEqual(["dinsos_admin"]);
    // Who may ask: who writes a plan, records an exit, prepares a hand-off.
    expect(ROLES.filter((role) => canOnPanti(actor(role, 1), "case:write", 1)).sort()).toEqual(["dinsos_admin", "panti_admin", "psychosocial"]);
    expect(ROLES.filter((role) => canOnPanti(actor(role, 1), "stay:exit", 1)).sort()).toEqual(["dinsos_admin", "panti_admin"]);
    expect(ROLES.filter((role) => canOnPanti(actor(role, 1), "handoff:prepare", 1)).sort()).toEqual(["dinsos_admin", "panti_admin"]);
  });

  it("builds every scope from the grant, never 'all' for an 'own' grant", () => {
    for (const role of ROLES) {
      for (const pantiId of [null, 5]) {
        const a: Actor = { id: 1, role, pantiId, outreachUnit: role === "outreach" ? "sudin_jakbar" : null };
        for (const permission of ["case:read", "placement:read", "report:read", "followup:record", "audit:read"] as const) {
          const scope = scopeFor(a, permission);
          const grant = hasPermission(a, permission) ? (canOnPanti(a, permission, 999) ? "any" : "own") : null;
          if (grant === "any") expect(scope).toEqual({ kind: "all" });
          else expect(scope.kind).not.toBe("all");
          if (grant == null) expect(scope).toEqual({ kind: "none" });
        }
      }
    }
    expect(scopeFor({ id: 1, role: "outreach", pantiId: null, outreachUnit: "sudin_jakut" }, "placement:read")).toEqual({ kind: "unit", unit: "sudin_jakut" });
    expect(scopeFor({ id: 1, role: "outreach", pantiId: null, outreachUnit: null }, "placement:read")).toEqual({ kind: "none" });
  });
});
