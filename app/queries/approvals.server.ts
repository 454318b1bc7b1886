/**
 * Read models for approvals: the queue of what waits in the actor's scope, one request in full,
 * the count on the home page, and the state of approval that plans, exits and hand-offs show.
 */
import { and, asc, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { approvals, handoffs, interventionPlans, panti, persons, users } from "#db/schema";
import { decidesForEveryPanti, mayDecide, waitingFor, type ApprovalKind } from "~/domain/approvals";
import { exitFromRequest } from "~/domain/exits";
import { scopeFor, type Actor } from "~/domain/permissions";
import { shownIdentity } from "~/domain/safeguarding";
import { db } from "~/utils/db.server";
import { pageOf } from "./paging.server";
import { restrictionColumns } from "./restricted.server";
import { pantiWhere } from "./scope.server";

export const APPROVALS_PAGE_SIZE = 50;

const requester = alias(users, "requester");
const decider = alias(users, "decider");

/** The columns of a request's state, with who asked and who decided (joins `requester` and `decider`). */
const stateColumns = () => ({
  id: approvals.id,
  subjectId: approvals.subjectId,
  pantiId: approvals.pantiId,
  status: approvals.status,
  level: approvals.level,
  reason: approvals.reason,
  requestedBy: approvals.requestedBy,
  requestedByName: requester.name,
  requestedAt: approvals.requestedAt,
  decidedByName: decider.name,
  decidedAt: approvals.decidedAt,
  decisionReason: approvals.decisionReason,
});

/** Pending requests in the actor's scope (`approval:decide`), optionally of one kind. */
function pendingWhere(actor: Actor, kind?: ApprovalKind): SQL | undefined {
  return and(pantiWhere(scopeFor(actor, "approval:decide"), approvals.pantiId), eq(approvals.status, "pending"), kind ? eq(approvals.kind, kind) : undefined);
}

function approvalRows(actor: Actor, where: SQL | undefined, options: { limit: number; offset?: number }, now: Date) {
  const rows = db
    .select({
      ...stateColumns(),
      kind: approvals.kind,
      pantiName: panti.name,
      stayId: approvals.stayId,
      payload: approvals.payload,
      name: persons.name,
      unidentified: persons.unidentified,
      sex: persons.sex,
      ...restrictionColumns(),
    })
    .from(approvals)
    .innerJoin(persons, eq(persons.id, approvals.personId))
    .innerJoin(panti, eq(panti.id, approvals.pantiId))
    .innerJoin(requester, eq(requester.id, approvals.requestedBy))
    .leftJoin(decider, eq(decider.id, approvals.decidedBy))
    .where(where)
    .orderBy(asc(approvals.requestedAt), asc(approvals.id))
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .all();
  type Row = (typeof rows)[number];
  return rows.map((row: Row) => {
    const { name, unidentified, sex, restricted, homePantiId, ...r } = row;
    return {
    ...r,
    displayName: shownIdentity(actor, { name, unidentified, sex, restricted, homePantiId }).displayName,
    waiting: waitingFor(r.requestedAt, now),
    canDecide: mayDecide(actor, r),
  };
  });
}

/**
 * The queue: what waits for approval in the actor's scope, oldest first — a panti admin's own
 * panti, every panti for Dinsos (with what only Dinsos may decide marked).
 */
export function approvalQueue(actor: Actor, filter: { kind?: ApprovalKind; page: number }, now = new Date()) {
  const where = pendingWhere(actor, filter.kind);
  const total = db.select({ n: count() }).from(approvals).where(where).get()?.n ?? 0;
  const paging = pageOf(total, filter.page, APPROVALS_PAGE_SIZE);
  const rows = approvalRows(actor, where, { limit: APPROVALS_PAGE_SIZE, offset: (paging.page - 1) * APPROVALS_PAGE_SIZE }, now);
  return { rows, ...paging, everyPanti: decidesForEveryPanti(actor) };
}

/** How many requests wait in the actor's scope, and how many of them the actor may decide. */
export function pendingApprovalCount(actor: Actor, now = new Date()): { total: number; mine: number } | null {
  if (scopeFor(actor, "approval:decide").kind === "none") return null;
  const rows = approvalRows(actor, pendingWhere(actor), { limit: 1000 }, now);
  return { total: rows.length, mine: rows.filter((r) => r.canDecide).length };
}

/** One request in the actor's scope, with what it asks about; null (404) outside it. */
export function approvalPage(actor: Actor, approvalId: number, now = new Date()) {
  const [row] = approvalRows(actor, and(eq(approvals.id, approvalId), pantiWhere(scopeFor(actor, "approval:decide"), approvals.pantiId)), { limit: 1 }, now);
  if (!row) return null;
  const { payload, ...rest } = row;
  const plan =
    row.kind === "plan"
      ? (db.select({ createdOn: interventionPlans.createdOn, goals: interventionPlans.goals }).from(interventionPlans).where(eq(interventionPlans.id, row.subjectId)).get() ?? null)
      : null;
  const exit = row.kind === "exit" && payload ? exitFromRequest(payload) : null;
  const handoff =
    row.kind === "handoff"
      ? (db.select({ id: handoffs.id, status: handoffs.status, partnerCode: handoffs.partnerCode, plannedDate: handoffs.plannedDate }).from(handoffs).where(eq(handoffs.id, row.subjectId)).get() ?? null)
      : null;
  return { approval: rest, plan, exit, handoff, subjectHref: subjectHref(row) };
}

/** The page of what a request is about. */
export function subjectHref(row: { kind: ApprovalKind; pantiId: number; stayId: number; subjectId: number }): string {
  const stay = `/panti/${row.pantiId}/stays/${row.stayId}`;
  if (row.kind === "plan") return `${stay}/plan`;
  if (row.kind === "exit") return `${stay}/exit`;
  return `/handoffs/${row.subjectId}`;
}

export type ApprovalState = {
  id: number;
  status: (typeof approvals.$inferSelect)["status"];
  level: (typeof approvals.$inferSelect)["level"];
  reason: string | null;
  requestedByName: string;
  requestedAt: Date;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  canDecide: boolean;
};

/** The latest request of each subject (plans, exits by stay, hand-offs), for their pages. */
export function approvalStates(actor: Actor, kind: ApprovalKind, subjectIds: readonly number[]): Map<number, ApprovalState> {
  const states = new Map<number, ApprovalState>();
  if (subjectIds.length === 0) return states;
  const rows = db
    .select(stateColumns())
    .from(approvals)
    .innerJoin(requester, eq(requester.id, approvals.requestedBy))
    .leftJoin(decider, eq(decider.id, approvals.decidedBy))
    .where(and(eq(approvals.kind, kind), inArray(approvals.subjectId, [...subjectIds])))
    .orderBy(desc(approvals.requestedAt), desc(approvals.id))
    .all();
  for (const { subjectId, pantiId, requestedBy, ...r } of rows) {
    if (!states.has(subjectId)) states.set(subjectId, { ...r, canDecide: mayDecide(actor, { ...r, pantiId, requestedBy }) });
  }
  return states;
}

/** The exit waiting for approval of a stay, or null. */
export function pendingExitOf(actor: Actor, stayId: number): ApprovalState | null {
  const state = approvalStates(actor, "exit", [stayId]).get(stayId);
  return state && state.status === "pending" ? state : null;
}
