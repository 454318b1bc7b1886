/** Ending stays (terminasi), undoing a mistaken exit, and follow-up contacts after exit. */
import { and, desc, eq, gt, isNull, ne, or } from "drizzle-orm";
import { bedAssignments, beds, followUps, handoffs, incidents, partnerProvinces, persons, placements, stays } from "#db/schema";
import { exitApproval } from "~/domain/approvals";
import { Conflict, InvalidInput, NotFound } from "~/domain/errors";
import {
  canUndoExit,
  checkExitDate,
  exitDestinationText,
  exitDetails,
  exitRequestPayload,
  followUpsToSchedule,
  isPositiveOutcome,
  type ExitInput,
} from "~/domain/exits";
import { PermissionDenied, type Actor } from "~/domain/permissions";
import { incidentTypeForExit } from "~/domain/safeguarding";
import { jakartaDate } from "~/domain/time";
import { appendAudit, writeTransaction, type Tx } from "./audit.server";
import { authorizePanti } from "./guard.server";
import { pendingExitRequest, requestApproval } from "./approvals.server";
import { closeStay, openStay, transferInTx } from "./residents.server";

export interface ExitResult {
  stayId: number;
  outcome: string;
  followUps: number;
  placementId: number | null;
  /** The request that waits for approval, when the exit needs one (nothing recorded yet). */
  approvalId: number | null;
}

/**
 * An exit as absconded or deceased refers to its incident: the one chosen must be of this stay and
 * of the matching type. Returns the linked incident's id (null when none was chosen or needed).
 */
function linkExitIncident(tx: Tx, stayId: number, input: ExitInput): number | null {
  const type = incidentTypeForExit(input.outcome);
  if (!type || input.incidentId == null) return null;
  const incident = tx
    .select({ type: incidents.type })
    .from(incidents)
    .where(and(eq(incidents.id, input.incidentId), eq(incidents.stayId, stayId)))
    .get();
  if (!incident || incident.type !== type) throw new InvalidInput({ incidentId: ["exit.error.incidentType"] });
  tx.update(stays).set({ exitIncidentId: input.incidentId }).where(eq(stays.id, stayId)).run();
  return input.incidentId;
}

/**
 * Records the end of a stay in one transaction, or asks for its approval: the exit of a child or
 * of a restricted person (`exitApproval`) waits for a second person (app/services/approvals.server.ts)
 * and nothing changes until then, the bed included; the request is checked now against every rule
 * the exit will meet. A second exit while one waits is a conflict.
 */
export function recordExit(actor: Actor & { name?: string }, stayId: number, input: ExitInput, now = new Date()): ExitResult {
  return writeTransaction((tx) => {
    const existing = tx.select().from(stays).where(eq(stays.id, stayId)).get();
    if (!existing) throw new NotFound("stay");
    authorizePanti(actor, "stay:exit", existing.pantiId);
    if (existing.exitedAt) throw new Conflict("exit.error.alreadyClosed");
    if (pendingExitRequest(tx, stayId)) throw new Conflict("approval.error.exitWaiting");
    const person = tx.select().from(persons).where(eq(persons.id, existing.personId)).get()!;
    const approval = exitApproval(person, input.exitedAt);
    if (!approval.needed) return { ...exitInTx(tx, actor, stayId, input, now), approvalId: null };
    rehearse(tx, () => exitInTx(tx, actor, stayId, input, now));
    const approvalId = requestApproval(
      tx,
      actor,
      {
        kind: "exit",
        subjectId: stayId,
        pantiId: existing.pantiId,
        stayId,
        personId: person.id,
        level: approval.level,
        reason: approval.reason,
        version: String(stayId),
        payload: exitRequestPayload(input),
      },
      now,
    );
    return { stayId, outcome: input.outcome, followUps: 0, placementId: null, approvalId };
  });
}

class Rehearsal extends Error {}

/** Runs a write inside a savepoint and rolls it back: its checks, without its changes. */
function rehearse(tx: Tx, write: () => unknown): void {
  try {
    tx.transaction(() => {
      write();
      throw new Rehearsal();
    });
  } catch (error) {
    if (!(error instanceof Rehearsal)) throw error;
  }
}

/**
 * The exit itself, inside a transaction: the stay closes with its outcome and details, the bed
 * frees, follow-ups are scheduled for positive exits, and a transfer creates the receiving
 * panti's referral. An approved request passes its id and who asked, for the audit row.
 */
export function exitInTx(
  tx: Tx,
  actor: Actor & { name?: string },
  stayId: number,
  input: ExitInput,
  now: Date,
  approval?: { approvalId: number; requestedBy: number },
): Omit<ExitResult, "approvalId"> {
  const existing = tx.select().from(stays).where(eq(stays.id, stayId)).get();
  if (!existing) throw new NotFound("stay");
  authorizePanti(actor, "stay:exit", existing.pantiId);
  if (existing.exitedAt) throw new Conflict("exit.error.alreadyClosed");
  const { stay } = openStay(tx, actor, stayId, "stay:exit");

  const dateCheck = checkExitDate(stay.admittedAt, input.exitedAt, now);
  if (!dateCheck.ok) throw new InvalidInput({ exitedAt: [dateCheck.messageKey] });
  const bed = tx
    .select({ fromAt: bedAssignments.fromAt })
    .from(bedAssignments)
    .where(and(eq(bedAssignments.stayId, stay.id), isNull(bedAssignments.toAt)))
    .get();
  if (bed && input.exitedAt.getTime() < bed.fromAt.getTime()) throw new InvalidInput({ exitedAt: ["exit.error.beforeBedMove"] });

  if (input.outcome === "repatriated_home_region" && input.handoffId !== undefined) {
    const handoff = tx
      .select({ id: handoffs.id, partnerName: partnerProvinces.name })
      .from(handoffs)
      .innerJoin(partnerProvinces, eq(partnerProvinces.code, handoffs.partnerCode))
      .where(and(eq(handoffs.id, input.handoffId), eq(handoffs.stayId, stay.id), eq(handoffs.direction, "outgoing"), ne(handoffs.status, "discarded")))
      .get();
    if (!handoff || handoff.partnerName !== input.province) throw new InvalidInput({ handoffId: ["handoff.exit.error.handoff"] });
  }

  let placementId: number | null = null;
  let destination: string | null;
  if (input.outcome === "transferred_panti") {
    const transfer = transferInTx(tx, actor, stay, {
      toPantiId: input.toPantiId!,
      summary: input.notes ?? "",
      at: input.exitedAt,
      details: exitDetails(input),
      notes: input.notes ?? null,
      recordedAt: now,
    });
    placementId = transfer.placementId;
    destination = transfer.toPanti;
  } else {
    destination = exitDestinationText(input);
    closeStay(tx, stay.id, input.exitedAt, input.outcome, destination);
    tx.update(stays)
      .set({ exitDetails: exitDetails(input), exitNotes: input.notes ?? null, exitRecordedAt: now, exitRecordedBy: actor.id })
      .where(eq(stays.id, stay.id))
      .run();
  }

  const exitIncidentId = linkExitIncident(tx, stay.id, input);

  let scheduled = 0;
  if (isPositiveOutcome(input.outcome)) {
    const due = followUpsToSchedule(input.exitedAt, jakartaDate(now));
    if (due.length > 0) {
      tx.insert(followUps)
        .values(due.map((d) => ({ stayId: stay.id, pantiId: stay.pantiId, sequence: d.sequence, dueDate: d.dueDate })))
        .run();
    }
    scheduled = due.length;
  }
  appendAudit(tx, {
    actorId: actor.id,
    action: "stay.exit",
    entity: "stay",
    entityId: stay.id,
    pantiId: stay.pantiId,
    before: { exitedAt: null },
    after: {
      outcome: input.outcome,
      exitedAt: input.exitedAt.toISOString(),
      destination,
      incidentId: exitIncidentId,
      details: exitDetails(input),
      followUps: scheduled,
      placementId,
      ...(approval ?? {}),
    },
    at: now,
  });
  return { stayId: stay.id, outcome: input.outcome, followUps: scheduled, placementId };
}

/**
 * Undoes a mistaken exit: the panti that recorded it may within the grace period, Dinsos at any
 * time. The stay reopens, the resident gets their bed back if it is still free, scheduled
 * follow-ups are removed and a transfer's referral (if still pending) is cancelled.
 */
export function undoExit(actor: Actor, stayId: number, reason: string, now = new Date()) {
  return writeTransaction((tx) => {
    const stay = tx.select().from(stays).where(eq(stays.id, stayId)).get();
    if (!stay) throw new NotFound("stay");
    authorizePanti(actor, "stay:exit", stay.pantiId);
    if (!stay.exitedAt) throw new Conflict("exit.error.notClosed");
    if (!canUndoExit(stay.exitRecordedAt ?? stay.exitedAt, now, actor.role)) throw new PermissionDenied("stay:exit");

    const later = tx
      .select({ id: stays.id })
      .from(stays)
      .where(and(eq(stays.personId, stay.personId), isNull(stays.exitedAt)))
      .get();
    if (later) throw new Conflict("exit.error.personElsewhere");

    if (stay.exitOutcome === "transferred_panti") {
      const referral = tx.select().from(placements).where(eq(placements.fromStayId, stay.id)).get();
      if (referral && referral.status !== "pending") throw new Conflict("exit.error.transferDecided");
      if (referral) {
        tx.update(placements)
          .set({ status: "cancelled", decidedBy: actor.id, decidedAt: now, decisionReason: reason })
          .where(eq(placements.id, referral.id))
          .run();
      }
    }
    const pending = tx
      .select({ id: followUps.id })
      .from(followUps)
      .where(and(eq(followUps.stayId, stay.id), isNull(followUps.doneAt)))
      .all();
    tx.delete(followUps).where(and(eq(followUps.stayId, stay.id), isNull(followUps.doneAt))).run();

    const before = { exitedAt: stay.exitedAt.toISOString(), outcome: stay.exitOutcome, destination: stay.exitDestination, details: stay.exitDetails };
    tx.update(stays)
      .set({ exitedAt: null, exitOutcome: null, exitDestination: null, exitDetails: null, exitNotes: null, exitRecordedAt: null, exitRecordedBy: null, exitIncidentId: null })
      .where(eq(stays.id, stay.id))
      .run();

    // The last bed comes back if it is in service and nobody has held it since the exit: its
    // assignment simply reopens, so the bed history has no gap the resident was never away for.
    const last = tx
      .select({ id: bedAssignments.id, bedId: bedAssignments.bedId, toAt: bedAssignments.toAt, status: beds.status })
      .from(bedAssignments)
      .innerJoin(beds, eq(beds.id, bedAssignments.bedId))
      .where(eq(bedAssignments.stayId, stay.id))
      .orderBy(desc(bedAssignments.fromAt))
      .get();
    let bedRestored = false;
    if (last && last.status === "available" && last.toAt) {
      const since = tx
        .select({ id: bedAssignments.id })
        .from(bedAssignments)
        .where(and(eq(bedAssignments.bedId, last.bedId), ne(bedAssignments.id, last.id), or(isNull(bedAssignments.toAt), gt(bedAssignments.toAt, last.toAt))))
        .get();
      if (!since) {
        tx.update(bedAssignments).set({ toAt: null }).where(eq(bedAssignments.id, last.id)).run();
        bedRestored = true;
      }
    }
    appendAudit(tx, {
      actorId: actor.id,
      action: "stay.undo_exit",
      entity: "stay",
      entityId: stay.id,
      pantiId: stay.pantiId,
      before,
      after: { reason, bedRestored, followUpsRemoved: pending.length },
      at: now,
    });
    return { stayId: stay.id, bedRestored };
  });
}

export function recordFollowUp(
  actor: Actor,
  input: { followUpId: number; contactedAt: Date; channel: string; result: string; notes?: string },
  now = new Date(),
) {
  return writeTransaction((tx: Tx) => {
    const row = tx.select().from(followUps).where(eq(followUps.id, input.followUpId)).get();
    if (!row) throw new NotFound("follow_up");
    authorizePanti(actor, "followup:record", row.pantiId);
    if (row.doneAt) throw new Conflict("followUp.error.done");
    const stay = tx.select({ exitedAt: stays.exitedAt }).from(stays).where(eq(stays.id, row.stayId)).get();
    if (stay?.exitedAt && input.contactedAt.getTime() < stay.exitedAt.getTime()) {
      throw new InvalidInput({ contactedAt: ["followUp.error.beforeExit"] });
    }
    if (input.contactedAt.getTime() > now.getTime() + 10 * 60 * 1000) throw new InvalidInput({ contactedAt: ["error.future"] });
    const after = {
      doneAt: input.contactedAt,
      channel: input.channel as typeof followUps.$inferInsert.channel,
      result: input.result as typeof followUps.$inferInsert.result,
      notes: input.notes ?? null,
      recordedBy: actor.id,
    };
    tx.update(followUps).set(after).where(eq(followUps.id, row.id)).run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "follow_up.record",
      entity: "follow_up",
      entityId: row.id,
      pantiId: row.pantiId,
      after: { ...after, doneAt: input.contactedAt.toISOString() },
      at: now,
    });
    return { followUpId: row.id };
  });
}
