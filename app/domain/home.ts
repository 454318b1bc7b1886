/**
 * What a user's home page offers: the work of their day, decided from their permissions and
 * scope (never from the role's name), and when a resident followed by a psychologist is due.
 */
import { scopeFor, type Actor } from "./permissions";

export const HOME_SECTIONS = [
  /** "New referral" and the officer's own recent referrals with their status. */
  "referrals",
  /** The panti's referrals waiting for a decision. */
  "queue",
  /** What waits for the actor's approval (plans, exits, hand-offs): a count and the queue. */
  "approvals",
  /** Open stays of the panti that hold no bed. */
  "withoutBed",
  /** Follow-ups after exits due within a week. */
  "followUps",
  /** Stays to review (past the intake norm, idle or without a bed). */
  "staleStays",
  /** The classes the instructor teaches that meet today, with their attendance sheets. */
  "todayClasses",
  /** The residents a psychologist has seen, and those whose next session is due. */
  "followedResidents",
  /** The dashboard, reports and the network's items to review. */
  "review",
] as const;
export type HomeSection = (typeof HOME_SECTIONS)[number];

/** The sections of the actor's home, in the order the page shows them. */
export function homeSections(actor: Actor): HomeSection[] {
  const own = (permission: Parameters<typeof scopeFor>[1]) => scopeFor(actor, permission).kind === "panti";
  const sections: HomeSection[] = [];
  if (scopeFor(actor, "placement:create").kind === "unit") sections.push("referrals");
  if (own("placement:decide")) sections.push("queue");
  if (scopeFor(actor, "approval:decide").kind !== "none") sections.push("approvals");
  if (own("resident:move")) sections.push("withoutBed");
  if (own("class:teach")) sections.push("todayClasses");
  if (own("psychosocial:write")) sections.push("followedResidents");
  if (own("followup:record")) sections.push("followUps");
  if (own("stay:exit")) sections.push("staleStays");
  if (scopeFor(actor, "report:read").kind === "all") sections.push("review");
  return sections;
}

/** Days after a psychosocial session by which the next one is due. */
export const SESSION_DUE_DAYS = 14;

/** Whether a followed resident's next session is due: no session yet, or the last one too long ago. */
export function sessionDue(lastSessionAt: Date | null, now: Date): boolean {
  if (!lastSessionAt) return true;
  return now.getTime() - lastSessionAt.getTime() >= SESSION_DUE_DAYS * 86_400_000;
}
