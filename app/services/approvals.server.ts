/**
 * Approvals (docs/decisions/022-approvals.md): requests are made inside the write that needs one
 * (a plan written, an exit asked for, a hand-off prepared or edited); a decision is its own use
 * case. Each runs in the caller's or its own transaction, checks permission and scope, refuses a
 * request whose subject changed, and appends to the audit log.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { approvals, handoffs, interventionPlans, persons, stays } from "#db/schema";
import {
  approvalAfterEdit,
  approvalStands,
  checkDecision,
  handoffApproverLevel,
  planVersion,
  type ApprovalDecisionInput,
  type ApprovalKind,
  type ApproverLevel,
} from "~/domain/approvals";
import { Conflict, InvalidInput, NotFound } from "~/domain/errors";
import { exitFromRequest } from "~/domain/exits";
import { PermissionDenied, type Actor } from "~/domain/permissions";
import { appendAudit, writeTransaction, type Tx } from "./audit.server";
import { exitInTx } from "./exits.server";
import { packetHash } from "./outbox.server";

type ApprovalRow = typeof approvals.$inferSelect;

export interface ApprovalRequest {
  kind: ApprovalKind;
  subjectId: number;
  pantiId: number;
  stayId: number;
  personId: number;
  level: ApproverLevel;
  reason?: string | null;
  version: string;
  payload?: Record<string, unknown> | null;
}

/** Asks for approval, inside the transaction of the write that needs it; returns the request's id. */
export function requestApproval(tx: Tx, actor: Actor, request: ApprovalRequest, now: Date): number {
  const row = tx
    .insert(approvals)
    .values({ ...request, reason: request.reason ?? null, payload: request.payload ?? null, status: "pending", requestedBy: actor.id, requestedAt: now })
    .returning({ id: approvals.id })
    .get();
  appendAudit(tx, {
    actorId: actor.id,
    action: "approval.request",
    entity: "approval",
    entityId: row.id,
    pantiId: request.pantiId,
    after: { kind: request.kind, subjectId: request.subjectId, stayId: request.stayId, level: request.level, reason: request.reason ?? null },
    at: now,
  });
  return row.id;
}

/** Marks requests superseded (what they asked about changed or was replaced), each audited. */
export function supersedeApprovals(tx: Tx, actor: Actor, rows: readonly ApprovalRow[], why: string, now: Date): void {
  for (const row of rows) {
    if (approvalAfterEdit(row.status) === "keep") continue;
    tx.update(approvals).set({ status: "superseded" }).where(and(eq(approvals.id, row.id), eq(approvals.status, row.status))).run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "approval.supersede",
      entity: "approval",
      entityId: row.id,
      pantiId: row.pantiId,
      before: { status: row.status },
      after: { status: "superseded", why },
      at: now,
    });
  }
}

/** The latest request for a subject (any status), or undefined. */
export function latestApproval(tx: Tx, kind: ApprovalKind, subjectId: number): ApprovalRow | undefined {
  return tx
    .select()
    .from(approvals)
    .where(and(eq(approvals.kind, kind), eq(approvals.subjectId, subjectId)))
    .orderBy(desc(approvals.requestedAt), desc(approvals.id))
    .get();
}

/** The request waiting for a stay's exit, if any. */
export function pendingExitRequest(tx: Tx, stayId: number): ApprovalRow | undefined {
  return tx
    .select()
    .from(approvals)
    .where(and(eq(approvals.kind, "exit"), eq(approvals.subjectId, stayId), eq(approvals.status, "pending")))
    .get();
}

/** A new plan of a stay replaces the drafts of its earlier plans that were still waiting. */
export function supersedeEarlierPlans(tx: Tx, actor: Actor, stayId: number, now: Date): void {
  const waiting = tx
    .select()
    .from(approvals)
    .where(and(eq(approvals.kind, "plan"), eq(approvals.stayId, stayId), eq(approvals.status, "pending")))
    .all();
  supersedeApprovals(tx, actor, waiting, "newer_plan", now);
}

/** The version of a hand-off draft an approval is for: the hash of its packet. */
export function handoffVersion(packet: unknown): string {
  return packetHash(packet);
}

/**
 * Asks for the approval of a hand-off draft (when it is prepared) or asks again after an edit: an
 * edited draft loses its approval (`approvalAfterEdit`), the earlier request is superseded and a
 * new one waits for the draft as it is now. The edit path calls this in its transaction.
 */
export function requestHandoffApproval(tx: Tx, actor: Actor, handoffId: number, now: Date): number {
  const row = tx.select().from(handoffs).where(eq(handoffs.id, handoffId)).get();
  if (!row || row.direction !== "outgoing" || row.stayId == null || row.personId == null || row.pantiId == null) throw new NotFound("handoff");
  if (row.status !== "draft") throw new Conflict("handoff.error.status", { status: row.status });
  supersedeApprovals(tx, actor, standingHandoffApprovals(tx, row.id), "draft_edited", now);
  return requestApproval(
    tx,
    actor,
    {
      kind: "handoff",
      subjectId: row.id,
      pantiId: row.pantiId,
      stayId: row.stayId,
      personId: row.personId,
      level: handoffApproverLevel(personRestriction(tx, row.personId)),
      version: handoffVersion(row.packet),
    },
    now,
  );
}

/** A discarded draft leaves the queue: its waiting or granted approval is superseded. */
export function withdrawHandoffApproval(tx: Tx, actor: Actor, handoffId: number, now: Date): void {
  supersedeApprovals(tx, actor, standingHandoffApprovals(tx, handoffId), "draft_discarded", now);
}

function standingHandoffApprovals(tx: Tx, handoffId: number): ApprovalRow[] {
  return tx
    .select()
    .from(approvals)
    .where(and(eq(approvals.kind, "handoff"), eq(approvals.subjectId, handoffId), inArray(approvals.status, ["pending", "approved"])))
    .all();
}

function personRestriction(tx: Tx, personId: number): { restricted: boolean } | null {
  return tx.select({ restricted: persons.restricted }).from(persons).where(eq(persons.id, personId)).get() ?? null;
}

/** Throws unless the hand-off draft, as it is now, is approved (before it is sent). */
export function requireHandoffApproved(tx: Tx, handoff: { id: number; packet: unknown }): void {
  const approval = latestApproval(tx, "handoff", handoff.id);
  if (!approvalStands(approval, handoffVersion(handoff.packet))) {
    throw new Conflict(approval?.status === "pending" ? "approval.error.handoffWaiting" : "approval.error.handoffNotApproved");
  }
}

/** Why a request can no longer be approved as asked, or null when it still can. */
function staleReason(tx: Tx, row: ApprovalRow): string | null {
  const stay = tx.select({ exitedAt: stays.exitedAt }).from(stays).where(eq(stays.id, row.stayId)).get();
  if (!stay || stay.exitedAt) return "approval.error.staleStay";
  if (row.kind === "plan") {
    const plan = tx.select().from(interventionPlans).where(eq(interventionPlans.id, row.subjectId)).get();
    if (!plan || planVersion(plan) !== row.version) return "approval.error.stalePlan";
    const newest = tx
      .select({ id: interventionPlans.id })
      .from(interventionPlans)
      .where(eq(interventionPlans.stayId, row.stayId))
      .orderBy(desc(interventionPlans.createdOn), desc(interventionPlans.id))
      .get();
    if (newest?.id !== plan.id) return "approval.error.stalePlan";
  }
  if (row.kind === "handoff") {
    const handoff = tx.select({ status: handoffs.status, packet: handoffs.packet }).from(handoffs).where(eq(handoffs.id, row.subjectId)).get();
    if (!handoff || handoff.status !== "draft" || handoffVersion(handoff.packet) !== row.version) return "approval.error.staleHandoff";
  }
  return null;
}

/**
 * Approves or rejects a request. The approver is in scope of the panti, is not who asked, and is
 * Dinsos where only Dinsos decides. Approving an exit records the exit in the same transaction,
 * with every rule of an exit (a bed taken since, a date no longer possible: refused). A request
 * whose subject changed (the stay already ended, a newer plan, an edited draft) cannot be
 * approved; it can still be rejected, which takes it off the queue.
 */
export function decideApproval(actor: Actor & { name?: string }, approvalId: number, input: ApprovalDecisionInput, now = new Date()) {
  return writeTransaction((tx) => {
    const row = tx.select().from(approvals).where(eq(approvals.id, approvalId)).get();
    if (!row) throw new NotFound("approval");
    const check = checkDecision(actor, row);
    if (!check.ok) {
      if (check.refusal === "conflict") throw new Conflict(check.messageKey);
      if (check.refusal === "forbidden") throw new PermissionDenied("approval:decide");
      throw new NotFound("approval");
    }
    if (input.intent === "approve") {
      const stale = staleReason(tx, row);
      if (stale) throw new Conflict(stale);
    }
    const status = input.intent === "approve" ? "approved" : "rejected";
    const decision = { status, decidedBy: actor.id, decidedAt: now, decisionReason: input.intent === "reject" ? (input.reason ?? null) : null } as const;
    tx.update(approvals).set(decision).where(and(eq(approvals.id, row.id), eq(approvals.status, "pending"))).run();
    let exit: ReturnType<typeof exitInTx> | null = null;
    if (status === "approved" && row.kind === "exit") {
      try {
        exit = exitInTx(tx, actor, row.stayId, exitFromRequest(row.payload ?? {}), now, { approvalId: row.id, requestedBy: row.requestedBy });
      } catch (error) {
        if (error instanceof InvalidInput) throw new Conflict("approval.error.exitInvalid");
        throw error;
      }
    }
    appendAudit(tx, {
      actorId: actor.id,
      action: status === "approved" ? "approval.approve" : "approval.reject",
      entity: "approval",
      entityId: row.id,
      pantiId: row.pantiId,
      before: { status: row.status },
      after: { status, kind: row.kind, subjectId: row.subjectId, requestedBy: row.requestedBy, reason: decision.decisionReason },
      at: now,
    });
    return { approvalId: row.id, kind: row.kind, status, stayId: row.stayId, pantiId: row.pantiId, subjectId: row.subjectId, exit };
  });
}
