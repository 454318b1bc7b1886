/**
 * Approvals on a real database: a plan, a child's or restricted person's exit, a hand-off draft —
 * requested, approved or rejected by a second person, with scope, self-approval and staleness
 * refused and every step in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { approvals, auditLog, bedAssignments, handoffs, interventionPlans, persons, stays } from "#db/schema";
import { planSchema } from "~/domain/case-file";
import { type Conflict, InvalidInput, NotFound, PermissionDenied } from "~/domain/errors";
import { handoffSchema } from "~/domain/handoffs";
import { bedBoard } from "~/queries/bed-board.server";
import { caseFile } from "~/queries/case-file.server";
import { decideApproval, requestHandoffApproval } from "~/services/approvals.server";
import { writeTransaction } from "~/services/audit.server";
import { recordPlan } from "~/services/case-file.server";
import { recordExit } from "~/services/exits.server";
import { prepareHandoff, sendHandoff } from "~/services/handoffs.server";
import { db } from "~/utils/db.server";
import { createPanti, createResident, createRoom, createUser, familyExitInput } from "../factories";
import { pendingApproval } from "../factories/approvals";
import { handoffFormFields } from "../factories/handoff-form";
import { fakePartner, type FakePartner } from "../factories/handoffs";

const plan = (createdOn = "2026-01-20") =>
  planSchema.parse({ createdOn, "goals.0.goal": "Mandiri merawat diri", "goals.0.intervention": "Bimbingan ADL harian", "goals.0.targetDate": "2026-04-01" });

function world(person: Partial<typeof persons.$inferInsert> = {}) {
  const home = createPanti();
  const { beds } = createRoom(home.id, 2);
  const { stay, person: p } = createResident(home.id, beds[0]!.id);
  db.update(persons).set({ ppksCategory: "anak_jalanan", ...person }).where(eq(persons.id, p.id)).run();
  return {
    home,
    stay,
    bedId: beds[0]!.id,
    ref: { pantiId: home.id, stayId: stay.id },
    admin: createUser("panti_admin", home.id),
    secondAdmin: createUser("panti_admin", home.id),
    psych: createUser("psychosocial", home.id),
    dinsos: createUser("dinsos_admin"),
  };
}

const approvalRow = (id: number) => db.select().from(approvals).where(eq(approvals.id, id)).get()!;
const auditOf = (action: string, id: number) =>
  db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entity, "approval"), eq(auditLog.entityId, String(id)))).all();
const openBed = (stayId: number) => db.select().from(bedAssignments).where(and(eq(bedAssignments.stayId, stayId), isNull(bedAssignments.toAt))).get();
const stayRow = (id: number) => db.select().from(stays).where(eq(stays.id, id)).get()!;

function refusal(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("not refused");
}

describe("a case plan", () => {
  it("is a draft until a panti admin approves it; the approver and the time are recorded", () => {
    const w = world();
    const { planId, approvalId } = recordPlan(w.psych.actor, w.ref, plan());
    expect(approvalRow(approvalId)).toMatchObject({ kind: "plan", subjectId: planId, status: "pending", level: "panti", requestedBy: w.psych.id });
    expect(auditOf("approval.request", approvalId)).toHaveLength(1);
    // The psychosocial worker who wrote it may not approve (nor any psychosocial worker).
    expect(refusal(() => decideApproval(w.psych.actor, approvalId, { intent: "approve" }))).toBeInstanceOf(PermissionDenied);
    const at = new Date("2026-01-21T03:00:00Z");
    expect(decideApproval(w.admin.actor, approvalId, { intent: "approve" }, at)).toMatchObject({ status: "approved", kind: "plan" });
    expect(approvalRow(approvalId)).toMatchObject({ status: "approved", decidedBy: w.admin.id, decidedAt: at });
    expect(auditOf("approval.approve", approvalId)[0]).toMatchObject({ userId: w.admin.id, pantiId: w.home.id });
    // Decided once: a second decision is refused.
    expect((refusal(() => decideApproval(w.dinsos.actor, approvalId, { intent: "reject", reason: "Terlambat" })) as Conflict).messageKey).toBe("approval.error.notPending");
  });

  it("written by the panti admin needs a second person: not its author, but another panti admin or Dinsos", () => {
    const w = world();
    const { approvalId } = recordPlan(w.admin.actor, w.ref, plan());
    expect((refusal(() => decideApproval(w.admin.actor, approvalId, { intent: "approve" })) as Conflict).messageKey).toBe("approval.error.ownRequest");
    expect(approvalRow(approvalId).status).toBe("pending");
    expect(decideApproval(w.secondAdmin.actor, approvalId, { intent: "approve" }).status).toBe("approved");
  });

  it("is out of reach of another panti's admin (not found) and of roles that do not approve (forbidden), with nothing changed", () => {
    const w = world();
    const { approvalId } = recordPlan(w.psych.actor, w.ref, plan());
    const other = createUser("panti_admin", createPanti().id);
    expect(refusal(() => decideApproval(other.actor, approvalId, { intent: "approve" }))).toBeInstanceOf(NotFound);
    expect(refusal(() => decideApproval(createUser("dinsos_viewer").actor, approvalId, { intent: "approve" }))).toBeInstanceOf(PermissionDenied);
    expect(refusal(() => decideApproval(other.actor, 999_999, { intent: "approve" }))).toBeInstanceOf(NotFound);
    expect(approvalRow(approvalId).status).toBe("pending");
    expect(auditOf("approval.approve", approvalId)).toHaveLength(0);
  });

  it("replaced by a newer plan is superseded: the old draft can no longer be approved", () => {
    const w = world();
    const first = recordPlan(w.psych.actor, w.ref, plan("2026-01-20"));
    const second = recordPlan(w.psych.actor, w.ref, plan("2026-01-25"));
    expect(approvalRow(first.approvalId).status).toBe("superseded");
    expect(auditOf("approval.supersede", first.approvalId)).toHaveLength(1);
    expect((refusal(() => decideApproval(w.admin.actor, first.approvalId, { intent: "approve" })) as Conflict).messageKey).toBe("approval.error.notPending");
    expect(decideApproval(w.admin.actor, second.approvalId, { intent: "approve" }).status).toBe("approved");
  });

  it("whose content changed since it was asked about is refused as stale", () => {
    const w = world();
    const { planId, approvalId } = recordPlan(w.psych.actor, w.ref, plan());
    db.update(interventionPlans).set({ goals: [{ goal: "Lain", intervention: "Lain", targetDate: "2026-05-01", status: "open" }] }).where(eq(interventionPlans.id, planId)).run();
    expect((refusal(() => decideApproval(w.admin.actor, approvalId, { intent: "approve" })) as Conflict).messageKey).toBe("approval.error.stalePlan");
    expect(approvalRow(approvalId).status).toBe("pending");
  });
});

describe("the exit of a child or of a restricted person", () => {
  it("waits for approval with the bed still held, then the approval records the exit in the same transaction", () => {
    const w = world({ birthDate: "2012-05-01", birthYear: 2012 });
    const requested = recordExit(w.admin.actor, w.stay.id, familyExitInput("2026-02-01T10:00"));
    expect(requested.approvalId).not.toBeNull();
    expect(stayRow(w.stay.id).exitedAt).toBeNull();
    expect(openBed(w.stay.id)?.bedId).toBe(w.bedId);
    expect(approvalRow(requested.approvalId!)).toMatchObject({ kind: "exit", subjectId: w.stay.id, reason: "child", level: "panti", status: "pending" });
    // The bed board (the room's count and the bed) and the case file show the exit waiting.
    const board = bedBoard(w.admin.actor, w.home.id, { roomId: null, show: "occupied", q: "" })!;
    expect(board.room).toMatchObject({ occupied: 1, exitPending: 1 });
    expect(board.beds.find((b) => b.id === w.bedId)!.occupant).toMatchObject({ stayId: w.stay.id, exitPending: true });
    expect(caseFile(w.admin.actor, w.home.id, w.stay.id)!.pendingExit).toMatchObject({ status: "pending", reason: "child", canDecide: false });
    expect(caseFile(w.secondAdmin.actor, w.home.id, w.stay.id)!.pendingExit).toMatchObject({ canDecide: true });
    // One request at a time; the requester does not approve it.
    expect((refusal(() => recordExit(w.admin.actor, w.stay.id, familyExitInput("2026-02-01T10:00"))) as Conflict).messageKey).toBe("approval.error.exitWaiting");
    expect((refusal(() => decideApproval(w.admin.actor, requested.approvalId!, { intent: "approve" })) as Conflict).messageKey).toBe("approval.error.ownRequest");

    const decided = decideApproval(w.secondAdmin.actor, requested.approvalId!, { intent: "approve" });
    expect(decided.exit).toMatchObject({ stayId: w.stay.id, outcome: "returned_family" });
    expect(stayRow(w.stay.id)).toMatchObject({ exitOutcome: "returned_family", exitedAt: new Date("2026-02-01T03:00:00Z") });
    expect(openBed(w.stay.id)).toBeUndefined();
    expect(caseFile(w.admin.actor, w.home.id, w.stay.id)!.pendingExit).toBeNull();
    const exitAudit = db.select().from(auditLog).where(and(eq(auditLog.action, "stay.exit"), eq(auditLog.entityId, String(w.stay.id)))).get()!;
    expect(exitAudit.after).toMatchObject({ approvalId: requested.approvalId, requestedBy: w.admin.id });
  });

  it("is checked when asked for, as the exit will be: an impossible date is refused and nothing waits", () => {
    const w = world({ birthDate: "2012-05-01", birthYear: 2012 });
    expect(refusal(() => recordExit(w.admin.actor, w.stay.id, familyExitInput("2025-01-01T10:00")))).toBeInstanceOf(InvalidInput);
    expect(pendingApproval("exit", w.stay.id)).toBeUndefined();
    expect(stayRow(w.stay.id).exitedAt).toBeNull();
  });

  it("rejected with a reason leaves the stay as it was, and may be asked for again", () => {
    const w = world({ birthDate: null, birthYear: 2009 });
    const { approvalId } = recordExit(w.admin.actor, w.stay.id, familyExitInput("2026-02-01T10:00"));
    decideApproval(w.dinsos.actor, approvalId!, { intent: "reject", reason: "Keluarga belum diverifikasi" });
    expect(approvalRow(approvalId!)).toMatchObject({ status: "rejected", decisionReason: "Keluarga belum diverifikasi", decidedBy: w.dinsos.id });
    expect(auditOf("approval.reject", approvalId!)).toHaveLength(1);
    expect(stayRow(w.stay.id).exitedAt).toBeNull();
    expect(openBed(w.stay.id)).toBeDefined();
    expect(recordExit(w.admin.actor, w.stay.id, familyExitInput("2026-02-02T10:00")).approvalId).not.toBeNull();
  });

  it("of a restricted adult is for Dinsos to approve, not the panti admin", () => {
    const w = world({ birthDate: "1990-01-01", birthYear: 1990, restricted: true });
    const { approvalId } = recordExit(w.admin.actor, w.stay.id, familyExitInput("2026-02-01T10:00"));
    expect(approvalRow(approvalId!)).toMatchObject({ reason: "restricted", level: "dinsos" });
    expect((refusal(() => decideApproval(w.secondAdmin.actor, approvalId!, { intent: "approve" })) as Conflict).messageKey).toBe("approval.error.dinsosOnly");
    decideApproval(w.dinsos.actor, approvalId!, { intent: "approve" });
    expect(stayRow(w.stay.id).exitOutcome).toBe("returned_family");
  });

  it("of an adult who is not restricted takes effect at once, as before", () => {
    const w = world({ birthDate: "1980-01-01", birthYear: 1980 });
    expect(recordExit(w.admin.actor, w.stay.id, familyExitInput("2026-02-01T10:00")).approvalId).toBeNull();
    expect(stayRow(w.stay.id).exitOutcome).toBe("returned_family");
  });

  it("whose stay ended meanwhile is stale: it cannot be approved, only rejected", () => {
    const w = world({ birthDate: "2012-05-01", birthYear: 2012 });
    const { approvalId } = recordExit(w.admin.actor, w.stay.id, familyExitInput("2026-02-01T10:00"));
    db.update(stays).set({ exitedAt: new Date("2026-02-03T03:00:00Z"), exitOutcome: "absconded" }).where(eq(stays.id, w.stay.id)).run();
    expect((refusal(() => decideApproval(w.dinsos.actor, approvalId!, { intent: "approve" })) as Conflict).messageKey).toBe("approval.error.staleStay");
    expect(approvalRow(approvalId!).status).toBe("pending");
    expect(decideApproval(w.dinsos.actor, approvalId!, { intent: "reject", reason: "Sudah kabur" }).status).toBe("rejected");
  });
});

describe("a hand-off draft", () => {
  let jabar: FakePartner;
  beforeAll(async () => {
    jabar = await fakePartner("32");
  });
  afterAll(() => jabar.close());

  it("is sent only once approved, by someone other than who prepared it; an edited draft loses its approval", () => {
    const w = world({ birthDate: "1985-01-01", birthYear: 1985 });
    const { handoffId, approvalId } = prepareHandoff(w.admin.actor, w.ref, handoffSchema.parse(handoffFormFields()));
    expect((refusal(() => sendHandoff(w.admin.actor, handoffId)) as Conflict).messageKey).toBe("approval.error.handoffWaiting");
    expect((refusal(() => decideApproval(w.admin.actor, approvalId, { intent: "approve" })) as Conflict).messageKey).toBe("approval.error.ownRequest");
    decideApproval(w.dinsos.actor, approvalId, { intent: "approve" });

    // An edit of the draft (the packet changes) asks again: the approval no longer covers it.
    writeTransaction((tx) => {
      const row = tx.select().from(handoffs).where(eq(handoffs.id, handoffId)).get()!;
      tx.update(handoffs).set({ packet: { ...row.packet, reason: "Alasan yang diubah" } }).where(eq(handoffs.id, handoffId)).run();
      requestHandoffApproval(tx, w.admin.actor, handoffId, new Date());
    });
    expect(approvalRow(approvalId).status).toBe("superseded");
    expect((refusal(() => sendHandoff(w.admin.actor, handoffId)) as Conflict).messageKey).toBe("approval.error.handoffWaiting");
    const again = pendingApproval("handoff", handoffId)!;
    decideApproval(w.secondAdmin.actor, again.id, { intent: "approve" });
    expect(sendHandoff(w.admin.actor, handoffId).channel).toBe("file");
    // Sent: what was approved cannot be approved again.
    expect(db.select().from(handoffs).where(eq(handoffs.id, handoffId)).get()!.status).toBe("sent");
  });

  it("changed behind its approval (without asking again) is not sent", () => {
    const w = world({ birthDate: "1985-01-01", birthYear: 1985 });
    const { handoffId, approvalId } = prepareHandoff(w.admin.actor, w.ref, handoffSchema.parse(handoffFormFields()));
    decideApproval(w.dinsos.actor, approvalId, { intent: "approve" });
    const row = db.select().from(handoffs).where(eq(handoffs.id, handoffId)).get()!;
    db.update(handoffs).set({ packet: { ...row.packet, reason: "Diubah diam-diam" } }).where(eq(handoffs.id, handoffId)).run();
    expect((refusal(() => sendHandoff(w.admin.actor, handoffId)) as Conflict).messageKey).toBe("approval.error.handoffNotApproved");
  });

  it("of a restricted person is for Dinsos to approve", () => {
    const w = world({ birthDate: "1985-01-01", birthYear: 1985, restricted: true });
    const { approvalId } = prepareHandoff(w.admin.actor, w.ref, handoffSchema.parse(handoffFormFields()));
    expect(approvalRow(approvalId).level).toBe("dinsos");
    expect((refusal(() => decideApproval(w.secondAdmin.actor, approvalId, { intent: "approve" })) as Conflict).messageKey).toBe("approval.error.dinsosOnly");
  });
});
