/**
 * The home page's work items: for each section the actor's home shows (`homeSections`), the
 * counts and the first rows, read in the actor's scope by the lists the links lead to.
 */
import { and, eq, isNull, max, or, sql } from "drizzle-orm";
import { persons, psychosocialSessions, sessionParticipants, stays } from "#db/schema";
import { homeSections, sessionDue } from "~/domain/home";
import { scopeFor, type Actor } from "~/domain/permissions";
import { displayName } from "~/domain/persons";
import { db } from "~/utils/db.server";
import { pendingApprovalCount } from "./approvals.server";
import { residentsWithoutBed } from "./bed-board.server";
import { followUpList, staleStays } from "./exits.server";
import { listPlacements, pendingCount } from "./placements.server";
import { listClasses } from "./programmes.server";
import { onePantiWhere } from "./scope.server";

/** How many rows of a list the home shows before "see all". */
export const HOME_LIST_SIZE = 6;

/**
 * Open stays of the panti whose psychosocial sessions the actor gave, due ones first. Open stays
 * of the actor's own panti only: its residents are named to its staff, so nothing to mask.
 */
export function followedResidents(actor: Actor, pantiId: number, now = new Date()) {
  const lastSession = max(psychosocialSessions.sessionAt);
  const rows = db
    .select({
      stayId: stays.id,
      name: persons.name,
      unidentified: persons.unidentified,
      sex: persons.sex,
      lastSessionAt: lastSession,
    })
    .from(sessionParticipants)
    .innerJoin(psychosocialSessions, eq(psychosocialSessions.id, sessionParticipants.sessionId))
    .innerJoin(stays, eq(stays.id, sessionParticipants.stayId))
    .innerJoin(persons, eq(persons.id, stays.personId))
    .where(
      and(
        onePantiWhere(actor, "psychosocial:write", pantiId, stays.pantiId),
        isNull(stays.exitedAt),
        // Sessions they gave, or recorded themselves under a colleague's name.
        or(eq(psychosocialSessions.providerUserId, actor.id), eq(psychosocialSessions.createdBy, actor.id)),
      ),
    )
    .groupBy(stays.id)
    .orderBy(sql`${lastSession} asc`)
    .all();
  return rows.map((r) => {
    const last = r.lastSessionAt != null ? new Date(r.lastSessionAt) : null;
    return { stayId: r.stayId, displayName: displayName(r), lastSessionAt: last, due: sessionDue(last, now) };
  });
}

/** Everything the actor's home shows, section by section (absent sections are undefined). */
export function homeWork(actor: Actor, now = new Date()) {
  const sections = homeSections(actor);
  const has = (s: (typeof sections)[number]) => sections.includes(s);
  const scope = scopeFor(actor, "panti:list");
  const pantiId = scope.kind === "panti" ? scope.pantiId : null;

  const referrals = has("referrals") ? listPlacements(actor, { page: 1 }) : null;
  const withoutBed = has("withoutBed") && pantiId != null ? residentsWithoutBed(actor, pantiId) : null;
  const followUps = has("followUps") || has("review") ? followUpList(actor, now) : null;
  const stale = has("staleStays") || has("review") ? staleStays(actor, now) : null;
  const today = has("todayClasses") ? listClasses(actor, { phase: "active" }, now).rows.filter((c) => c.meetsToday) : null;
  const followed = has("followedResidents") && pantiId != null ? followedResidents(actor, pantiId, now) : null;

  return {
    sections,
    pantiId,
    referrals: referrals ? { total: referrals.total, rows: referrals.rows.slice(0, HOME_LIST_SIZE) } : undefined,
    waiting: has("queue") || has("review") ? pendingCount(actor) : undefined,
    approvals: has("approvals") ? (pendingApprovalCount(actor, now) ?? undefined) : undefined,
    withoutBed: withoutBed ? { total: withoutBed.length, rows: withoutBed.slice(0, HOME_LIST_SIZE) } : undefined,
    followUps: followUps ? { total: followUps.total, rows: followUps.rows.slice(0, HOME_LIST_SIZE) } : undefined,
    staleStays: stale ? { total: stale.total, rows: stale.rows.slice(0, HOME_LIST_SIZE) } : undefined,
    todayClasses: today ?? undefined,
    followed: followed
      ? { total: followed.length, due: followed.filter((r) => r.due).length, rows: followed.slice(0, HOME_LIST_SIZE) }
      : undefined,
  };
}

export type HomeWork = ReturnType<typeof homeWork>;
