/**
 * The referrals behind a figure of the period report: the people reached (by unit, month or PPKS
 * category) or placed (per panti) in a period. It lists persons, so it takes the actor and puts the
 * reader's scope in its `where` clause: a panti admin sees the referrals addressed to their panti.
 */
import { and, asc, count, eq, gte, lt } from "drizzle-orm";
import { panti, placements } from "#db/schema";
import { scopeFor, type Actor } from "~/domain/permissions";
import { displayName } from "~/domain/persons";
import { periodInstants, type Period } from "~/domain/reports";
import { db } from "~/utils/db.server";
import { reachedReferral } from "./reports.server";
import { pageOf } from "./paging.server";
import { pantiWhere } from "./scope.server";

export interface ReportReferralFilter extends Period {
  unit?: string;
  category?: string;
  pantiId?: number;
  /** Accepted referrals (placed in a panti), of any source; otherwise the people reached. */
  placed?: boolean;
  page?: number;
}

const PAGE_SIZE = 50;

export function reportReferralList(actor: Actor, filter: ReportReferralFilter) {
  const { start, end } = periodInstants(filter);
  const page = Math.max(1, filter.page ?? 1);
  const where = and(
    pantiWhere(scopeFor(actor, "report:read"), placements.targetPantiId),
    gte(placements.foundAt, start),
    lt(placements.foundAt, end),
    filter.placed ? eq(placements.status, "accepted") : reachedReferral,
    filter.unit ? eq(placements.outreachUnit, filter.unit) : undefined,
    filter.category ? eq(placements.ppksCategory, filter.category) : undefined,
    filter.pantiId != null ? eq(placements.targetPantiId, filter.pantiId) : undefined,
  );
  const rows = db
    .select({
      id: placements.id,
      foundAt: placements.foundAt,
      unit: placements.outreachUnit,
      category: placements.ppksCategory,
      personName: placements.personName,
      unidentified: placements.unidentified,
      sex: placements.sex,
      status: placements.status,
      pantiId: panti.id,
      pantiName: panti.name,
    })
    .from(placements)
    .innerJoin(panti, eq(panti.id, placements.targetPantiId))
    .where(where)
    .orderBy(asc(placements.foundAt), asc(placements.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all();
  const total = db.select({ n: count() }).from(placements).where(where).get()?.n ?? 0;
  const named = rows.map((r) => ({ ...r, name: displayName({ name: r.personName, unidentified: r.unidentified, sex: r.sex }) }));
  return { rows: named, ...pageOf(total, page, PAGE_SIZE) };
}
