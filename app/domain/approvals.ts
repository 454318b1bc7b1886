/**
 * Approvals: where one person's decision needs a second (issue 16). A case plan, the exit of a
 * child or of a restricted person, and a repatriation hand-off wait for a panti admin (or Dinsos)
 * who is not the person who asked. Pure rules and the decision form; no I/O. The choices are
 * explained in docs/decisions/022-approvals.md.
 */
import * as z from "zod/mini";
import { checkPanti, grantFor, type Actor } from "./permissions";
import { plainText } from "./text";
import { ageOn, toJakartaParts } from "./time";

export const APPROVAL_KINDS = ["plan", "exit", "handoff"] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

/**
 * pending → approved or rejected; superseded when what waited changed before a decision (a new
 * plan, an edited hand-off draft) or lost its approval by such a change.
 */
export const APPROVAL_STATUSES = ["pending", "approved", "rejected", "superseded"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/**
 * Who may decide: "panti" — a panti admin of the panti or Dinsos; "dinsos" — only Dinsos (a
 * grant of `approval:decide` for every panti).
 */
export const APPROVER_LEVELS = ["panti", "dinsos"] as const;
export type ApproverLevel = (typeof APPROVER_LEVELS)[number];

/** Why an exit waits for approval. */
export const EXIT_APPROVAL_REASONS = ["child", "restricted"] as const;
export type ExitApprovalReason = (typeof EXIT_APPROVAL_REASONS)[number];

export const ADULT_AGE = 18;

/**
 * Whether the person may be under 18 on a day. From the birth date: their age on that Jakarta
 * day. From a birth year alone (often an estimate): a child until the end of the year they turn
 * 18, since they may still be 17 on any day of it. Without either, the data does not say so.
 */
export function mayBeChildOn(person: { birthDate: string | null; birthYear: number | null }, on: Date): boolean {
  if (person.birthDate) return ageOn(person.birthDate, on) < ADULT_AGE;
  if (person.birthYear != null) return toJakartaParts(on).year - person.birthYear <= ADULT_AGE;
  return false;
}

export type ExitApproval = { needed: false } | { needed: true; reason: ExitApprovalReason; level: ApproverLevel };

/**
 * Whether an exit waits for approval before it takes effect: a restricted person's exit (Dinsos
 * decides: who the person goes to is the risk the mark is about), or a child's (the panti admin).
 */
export function exitApproval(
  person: { birthDate: string | null; birthYear: number | null; restricted: boolean },
  exitedAt: Date,
): ExitApproval {
  if (person.restricted) return { needed: true, reason: "restricted", level: "dinsos" };
  if (mayBeChildOn(person, exitedAt)) return { needed: true, reason: "child", level: "panti" };
  return { needed: false };
}

/** Who decides on a hand-off: Dinsos for a restricted person, otherwise the panti admin (or Dinsos). */
export function handoffApproverLevel(person: { restricted: boolean } | null): ApproverLevel {
  return person?.restricted ? "dinsos" : "panti";
}

/** Every plan waits for a second person, whoever wrote it: the panti admin (or Dinsos). */
export const PLAN_APPROVER_LEVEL: ApproverLevel = "panti";

export type DecisionCheck =
  | { ok: true }
  | { ok: false; refusal: "forbidden" | "not_found" }
  | { ok: false; refusal: "conflict"; messageKey: string };

/**
 * Whether the actor may decide on a request: `approval:decide` on its panti (403 without the
 * permission, 404 for another panti), never on their own request, only Dinsos on a Dinsos-level
 * one, and only while it is pending.
 */
export function checkDecision(
  actor: Actor,
  request: { pantiId: number; requestedBy: number; level: ApproverLevel; status: ApprovalStatus },
): DecisionCheck {
  const scope = checkPanti(actor, "approval:decide", request.pantiId);
  if (scope !== "allowed") return { ok: false, refusal: scope };
  if (request.status !== "pending") return { ok: false, refusal: "conflict", messageKey: "approval.error.notPending" };
  if (request.requestedBy === actor.id) return { ok: false, refusal: "conflict", messageKey: "approval.error.ownRequest" };
  if (request.level === "dinsos" && !decidesForEveryPanti(actor)) {
    return { ok: false, refusal: "conflict", messageKey: "approval.error.dinsosOnly" };
  }
  return { ok: true };
}

/** Dinsos: a grant of `approval:decide` for every panti. */
export function decidesForEveryPanti(actor: Actor): boolean {
  return grantFor(actor.role, "approval:decide") === "any";
}

/** Whether the actor could decide on a pending request (for the queue and the subject pages). */
export function mayDecide(actor: Actor, request: { pantiId: number; requestedBy: number; level: ApproverLevel; status: ApprovalStatus }): boolean {
  return checkDecision(actor, request).ok;
}

/**
 * The version of a plan an approval is for: its date and its goals, interventions and target
 * dates. A review moves a goal's status (open, achieved, dropped): that is the plan being carried
 * out, not changed, so it is not part of the version.
 */
export function planVersion(plan: { createdOn: string; goals: readonly { goal: string; intervention: string; targetDate: string }[] }): string {
  return JSON.stringify([plan.createdOn, plan.goals.map((g) => [g.goal, g.intervention, g.targetDate])]);
}

/** Whether an approval still covers the subject as it is now: approved, and for this version. */
export function approvalStands(approval: { status: ApprovalStatus; version: string } | null | undefined, currentVersion: string): boolean {
  return approval != null && approval.status === "approved" && approval.version === currentVersion;
}

/**
 * What an edit of a waiting or approved subject (a hand-off draft) does to its request: the
 * request is superseded and a new one waits for the edited version. Rejected and superseded
 * requests stay as they are (history).
 */
export function approvalAfterEdit(status: ApprovalStatus): "supersede" | "keep" {
  return status === "pending" || status === "approved" ? "supersede" : "keep";
}

/** How long a request has waited: hours under two days, then days. */
export function waitingFor(requestedAt: Date, now: Date): { unit: "hours" | "days"; n: number } {
  const hours = Math.max(0, Math.floor((now.getTime() - requestedAt.getTime()) / 3_600_000));
  return hours < 48 ? { unit: "hours", n: hours } : { unit: "days", n: Math.floor(hours / 24) };
}

/** The page where a request is seen in full (and, from the queue, decided). */
export function approvalHref(request: { id: number }): string {
  return `/approvals/${request.id}`;
}

/** The decision form: approve, or reject with a reason. */
export const approvalDecisionSchema = z.object({
  intent: z.enum(["approve", "reject"]),
  reason: z.pipe(z.transform((v) => (typeof v === "string" && v.trim() === "" ? undefined : v)), z.optional(plainText(500))),
}).check(z.superRefine((v, ctx) => {
  if (v.intent === "reject" && (!v.reason || v.reason.length < 3)) {
    ctx.addIssue({ code: "custom", path: ["reason"], message: "approval.error.reason" });
  }
}));
export type ApprovalDecisionInput = z.output<typeof approvalDecisionSchema>;

/** The queue's query string. */
export const approvalQueueFilterSchema = z.object({
  kind: z.catch(z.optional(z.enum(APPROVAL_KINDS)), undefined),
  page: z.catch(z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 1), 1),
});
