import { describe, expect, it } from "vitest";
import {
  approvalAfterEdit,
  approvalDecisionSchema,
  approvalStands,
  checkDecision,
  exitApproval,
  handoffApproverLevel,
  mayBeChildOn,
  planVersion,
  waitingFor,
} from "./approvals";
import { grantFor, ROLES } from "./permissions";

const on = new Date("2026-06-15T05:00:00Z"); // 15 June 2026, Jakarta

describe("mayBeChildOn", () => {
  it("counts whole years from a birth date on the Jakarta day", () => {
    expect(mayBeChildOn({ birthDate: "2008-06-16", birthYear: 2008 }, on)).toBe(true); // 17 until tomorrow
    expect(mayBeChildOn({ birthDate: "2008-06-15", birthYear: 2008 }, on)).toBe(false); // 18 today
    expect(mayBeChildOn({ birthDate: "1990-01-01", birthYear: 1990 }, on)).toBe(false);
  });
  it("takes the Jakarta date, not UTC: 18 at 00:30 WIB on the birthday", () => {
    expect(mayBeChildOn({ birthDate: "2008-06-15", birthYear: 2008 }, new Date("2026-06-14T17:30:00Z"))).toBe(false);
  });
  it("treats a birth year alone as a child until the end of the year they turn 18", () => {
    expect(mayBeChildOn({ birthDate: null, birthYear: 2008 }, on)).toBe(true);
    expect(mayBeChildOn({ birthDate: null, birthYear: 2007 }, on)).toBe(false);
  });
  it("does not guess without a birth date or year", () => {
    expect(mayBeChildOn({ birthDate: null, birthYear: null }, on)).toBe(false);
  });
});

describe("exitApproval", () => {
  const adult = { birthDate: "1980-01-01", birthYear: 1980, restricted: false };
  it("lets an adult's exit take effect at once", () => expect(exitApproval(adult, on)).toEqual({ needed: false }));
  it("makes a child's exit wait for the panti admin", () => {
    expect(exitApproval({ ...adult, birthDate: "2012-03-01", birthYear: 2012 }, on)).toEqual({ needed: true, reason: "child", level: "panti" });
  });
  it("makes a restricted person's exit wait for Dinsos, child or not", () => {
    expect(exitApproval({ ...adult, restricted: true }, on)).toEqual({ needed: true, reason: "restricted", level: "dinsos" });
    expect(exitApproval({ birthDate: "2012-03-01", birthYear: 2012, restricted: true }, on)).toMatchObject({ reason: "restricted", level: "dinsos" });
  });
  it("decides by the exit's date: a child turning 18 before it needs none", () => {
    expect(exitApproval({ ...adult, birthDate: "2008-06-20", birthYear: 2008 }, new Date("2026-06-21T05:00:00Z"))).toEqual({ needed: false });
  });
});

describe("checkDecision", () => {
  const request = { pantiId: 3, requestedBy: 10, level: "panti" as const, status: "pending" as const };
  const admin = { id: 11, role: "panti_admin" as const, pantiId: 3 };
  const dinsos = { id: 12, role: "dinsos_admin" as const, pantiId: null };
  it("lets another panti admin of the panti and Dinsos decide", () => {
    expect(checkDecision(admin, request)).toEqual({ ok: true });
    expect(checkDecision(dinsos, request)).toEqual({ ok: true });
  });
  it("never lets anyone decide their own request, Dinsos included", () => {
    expect(checkDecision({ ...admin, id: 10 }, request)).toMatchObject({ ok: false, messageKey: "approval.error.ownRequest" });
    expect(checkDecision(dinsos, { ...request, requestedBy: dinsos.id })).toMatchObject({ ok: false, messageKey: "approval.error.ownRequest" });
  });
  it("answers not found for another panti's admin and forbidden for roles that do not approve", () => {
    expect(checkDecision({ ...admin, pantiId: 4 }, request)).toEqual({ ok: false, refusal: "not_found" });
    for (const role of ["dinsos_viewer", "psychosocial", "instructor", "outreach"] as const) {
      expect(checkDecision({ id: 13, role, pantiId: 3, outreachUnit: "sudin_jakbar" }, request)).toEqual({ ok: false, refusal: "forbidden" });
    }
  });
  it("keeps a Dinsos-level request for Dinsos", () => {
    expect(checkDecision(admin, { ...request, level: "dinsos" })).toMatchObject({ ok: false, messageKey: "approval.error.dinsosOnly" });
    expect(checkDecision(dinsos, { ...request, level: "dinsos" })).toEqual({ ok: true });
  });
  it("refuses a decided or superseded request", () => {
    for (const status of ["approved", "rejected", "superseded"] as const) {
      expect(checkDecision(dinsos, { ...request, status })).toMatchObject({ ok: false, messageKey: "approval.error.notPending" });
    }
  });
  it("follows the permission map: only panti admins (own) and Dinsos admins (any) approve", () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, grantFor(r, "approval:decide")]))).toEqual({
      dinsos_admin: "any",
      dinsos_viewer: null,
      panti_admin: "own",
      instructor: null,
      psychosocial: null,
      outreach: null,
    });
  });
});

describe("versions and edits", () => {
  const plan = { createdOn: "2026-06-01", goals: [{ goal: "Kembali ke keluarga", intervention: "Penelusuran", targetDate: "2026-08-01", status: "open" }] };
  it("ignores a goal's status (a review) but not its content", () => {
    const reviewed = { ...plan, goals: [{ ...plan.goals[0]!, status: "achieved" }] };
    expect(planVersion(reviewed)).toBe(planVersion(plan));
    expect(planVersion({ ...plan, goals: [{ ...plan.goals[0]!, targetDate: "2026-09-01" }] })).not.toBe(planVersion(plan));
  });
  it("lets an approval stand only for the version approved", () => {
    expect(approvalStands({ status: "approved", version: "a" }, "a")).toBe(true);
    expect(approvalStands({ status: "approved", version: "a" }, "b")).toBe(false);
    expect(approvalStands({ status: "pending", version: "a" }, "a")).toBe(false);
    expect(approvalStands(undefined, "a")).toBe(false);
  });
  it("makes an edited draft lose its approval, or its waiting request", () => {
    expect(approvalAfterEdit("approved")).toBe("supersede");
    expect(approvalAfterEdit("pending")).toBe("supersede");
    expect(approvalAfterEdit("rejected")).toBe("keep");
    expect(approvalAfterEdit("superseded")).toBe("keep");
  });
  it("sends a restricted person's hand-off to Dinsos", () => {
    expect(handoffApproverLevel({ restricted: true })).toBe("dinsos");
    expect(handoffApproverLevel({ restricted: false })).toBe("panti");
  });
});

describe("the decision form and the queue", () => {
  it("needs a reason to reject, none to approve", () => {
    expect(approvalDecisionSchema.safeParse({ intent: "approve" }).success).toBe(true);
    const refused = approvalDecisionSchema.safeParse({ intent: "reject", reason: " " });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.message)).toEqual(["approval.error.reason"]);
    expect(approvalDecisionSchema.safeParse({ intent: "reject", reason: "Tujuan belum jelas" }).success).toBe(true);
    expect(approvalDecisionSchema.safeParse({ intent: "delete" }).success).toBe(false);
  });
  it("says how long a request has waited, in hours then days", () => {
    const at = new Date("2026-06-15T00:00:00Z");
    expect(waitingFor(at, new Date("2026-06-15T05:30:00Z"))).toEqual({ unit: "hours", n: 5 });
    expect(waitingFor(at, new Date("2026-06-18T01:00:00Z"))).toEqual({ unit: "days", n: 3 });
  });
});
