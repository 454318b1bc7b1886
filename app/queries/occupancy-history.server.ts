/**
 * Capacity and census per panti as they were at an instant in the past, derived from history
 * (docs/decisions/015-reports-for-any-period.md): the beds that existed then and were in service
 * then, the bed assignments open then, the stays open then. At the present instant the figures
 * are the live ones of `occupancyByPanti`.
 *
 * An aggregate, non-personal read model: a plain panti filter built from the reader's scope.
 */
import { and, count, eq, gte, isNull, lt, sql, type SQL } from "drizzle-orm";
import { auditLog, bedAssignments, beds, stays } from "#db/schema";
import { occupancy, totalOccupancy, type Occupancy } from "~/domain/capacity";
import type { PantiType } from "~/domain/enums";
import { db } from "~/utils/db.server";
import { occupancyQueries } from "./occupancy.server";

export interface OccupancyAt {
  /** The instant the figures hold for. */
  at: Date;
  perPanti: { id: number; name: string; type: PantiType; occupancy: Occupancy }[];
  total: Occupancy;
}

/**
 * A bed's status at an instant. `status_changed_at` is its last change: a bed not changed since
 * had its present status. Otherwise the first status change after the instant says what it was
 * before (the audit log keeps every change with its before and after); a bed whose change left
 * no audit row changed once, from the other status.
 */
function bedStatusAt(at: number): SQL<string> {
  return sql<string>`case when ${beds.statusChangedAt} is null or ${beds.statusChangedAt} <= ${at} then ${beds.status} else coalesce(
    (select json_extract(${auditLog.before}, '$.status') from ${auditLog}
      where ${auditLog.entity} = 'bed' and ${auditLog.entityId} = cast(${beds.id} as text)
        and ${auditLog.action} in ('bed.take_out_of_service', 'bed.return_to_service') and ${auditLog.at} > ${at}
      order by ${auditLog.at}, ${auditLog.id} limit 1),
    case ${beds.status} when 'available' then 'out_of_service' else 'available' end) end`;
}

/** Capacity, beds held and census of each active panti in the filter at `at`. */
export function occupancyAt(at: Date, filter: { pantiId?: number }): OccupancyAt {
  const t = at.getTime();
  const pantiFilter = filter.pantiId ?? null;
  const rows = occupancyQueries({ pantiId: pantiFilter }).pantiRows.all();
  const inPanti = (column: typeof beds.pantiId | typeof stays.pantiId) => (pantiFilter != null ? eq(column, pantiFilter) : undefined);
  const status = bedStatusAt(t);

  // A bed held at `at`: its open assignment began before it, or the first assignment ending after
  // it began before it (one seek of the bed index per bed, whatever the history after `at`).
  const held = sql`(exists (select 1 from ${bedAssignments} where ${bedAssignments.bedId} = ${beds.id} and ${bedAssignments.toAt} is null and ${bedAssignments.fromAt} < ${t})
    or (select ${bedAssignments.fromAt} from ${bedAssignments} where ${bedAssignments.bedId} = ${beds.id} and ${bedAssignments.toAt} >= ${t} order by ${bedAssignments.toAt} limit 1) < ${t})`;
  const bedCounts = db
    .select({
      pantiId: beds.pantiId,
      regularInService: sql<number>`sum(case when ${beds.overflow} = 0 and ${status} = 'available' then 1 else 0 end)`,
      regularOccupied: sql<number>`sum(case when ${beds.overflow} = 0 and ${status} = 'available' and ${held} then 1 else 0 end)`,
      outOfService: sql<number>`sum(case when ${status} = 'out_of_service' then 1 else 0 end)`,
    })
    .from(beds)
    .where(and(sql`${beds.createdAt} <= ${t}`, inPanti(beds.pantiId)))
    .groupBy(beds.pantiId)
    .all();
  // Open at `at`: admitted before it and not yet left (two index ranges rather than one `or`).
  const census = new Map<number, number>();
  for (const open of [isNull(stays.exitedAt), gte(stays.exitedAt, at)]) {
    // Grouped by `+panti_id` so that the planner reads the exit-date range, not the whole panti index.
    const byPanti = sql<number>`+${stays.pantiId}`.mapWith(Number);
    const part = db
      .select({ pantiId: byPanti, n: count() })
      .from(stays)
      .where(and(open, lt(stays.admittedAt, at), inPanti(stays.pantiId)))
      .groupBy(byPanti)
      .all();
    for (const r of part) census.set(r.pantiId, (census.get(r.pantiId) ?? 0) + r.n);
  }

  const bedsBy = new Map(bedCounts.map((b) => [b.pantiId, b]));
  const perPanti = rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    occupancy: occupancy({
      regularInService: Number(bedsBy.get(r.id)?.regularInService ?? 0),
      regularOccupied: Number(bedsBy.get(r.id)?.regularOccupied ?? 0),
      outOfService: Number(bedsBy.get(r.id)?.outOfService ?? 0),
      census: census.get(r.id) ?? 0,
    }),
  }));
  return { at, perPanti, total: totalOccupancy(perPanti.map((p) => p.occupancy)) };
}
