/** The approval step of tests that exit a child or send a hand-off: a Dinsos admin approves what waits. */
import { and, eq } from "drizzle-orm";
import { approvals } from "#db/schema";
import type { ApprovalKind } from "~/domain/approvals";
import type { Actor } from "~/domain/permissions";
import { decideApproval } from "~/services/approvals.server";
import { db } from "~/utils/db.server";
import { createUser } from "./index";

/** The request waiting for a subject (a plan's, a stay's or a hand-off's id). */
export function pendingApproval(kind: ApprovalKind, subjectId: number) {
  return db
    .select()
    .from(approvals)
    .where(and(eq(approvals.kind, kind), eq(approvals.subjectId, subjectId), eq(approvals.status, "pending")))
    .get();
}

/** Approves the request waiting for a subject, by the given approver or a new Dinsos admin. */
export function approvePending(kind: ApprovalKind, subjectId: number, approver: Actor = createUser("dinsos_admin").actor, now = new Date()) {
  const request = pendingApproval(kind, subjectId);
  if (!request) throw new Error(`nothing waits for approval: ${kind} ${subjectId}`);
  return decideApproval(approver, request.id, { intent: "approve" }, now);
}
