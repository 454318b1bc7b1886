/**
 * Live occupancy per panti, aggregated in SQL from beds, open bed assignments and open stays
 * (nothing is stored twice). One grouped query per source, then joined in memory by panti id.
 */
import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { bedAssignments, beds, panti, stays } from "#db/schema";
import { occupancy, type Occupancy } from "~/domain/capacity";
import type { PantiType } from "~/domain/enums";
import { db, perConnection } from "~/utils/db.server";

export interface PantiOccupancyRow {
  id: number;
  code: string;
  name: string;
  type: PantiType;
  kind: "upt" | "lks_mitra";
  kota: string | null;
  declaredCapacity: number | null;
  capacityEstimated: boolean;
  occupancy: Occupancy;
}

/**
 * An aggregate, non-personal read model (capacity and occupancy figures, also shown to outreach
 * officers choosing where to refer): it keeps a plain panti filter, built from the reader's scope
 * by `aggregatePantiFilter`.
 */
export interface OccupancyFilter {
  /** Only this panti (the reader's scope); null for all. */
  pantiId: number | null;
  type?: PantiType;
  kota?: string;
}

/** The SQL that the shelter list needs: panti rows, bed counts and census, grouped per panti. */
export function occupancyQueries(filter: OccupancyFilter) {
  const where: SQL[] = [eq(panti.active, true)];
  if (filter.pantiId != null) where.push(eq(panti.id, filter.pantiId));
  if (filter.type) where.push(eq(panti.type, filter.type));
  if (filter.kota) where.push(eq(panti.kota, filter.kota));

  const pantiRows = db
    .select({
      id: panti.id,
      code: panti.code,
      name: panti.name,
      type: panti.type,
      kind: panti.kind,
      kota: panti.kota,
      declaredCapacity: panti.declaredCapacity,
      capacityEstimated: panti.capacityEstimated,
    })
    .from(panti)
    .where(and(...where))
    .orderBy(asc(panti.name));

  const scope = (column: typeof beds.pantiId | typeof stays.pantiId) =>
    filter.pantiId != null ? eq(column, filter.pantiId) : undefined;

  const bedCounts = db
    .select({
      pantiId: beds.pantiId,
      regularInService: sql<number>`sum(case when ${beds.overflow} = 0 and ${beds.status} = 'available' then 1 else 0 end)`,
      regularOccupied: sql<number>`sum(case when ${beds.overflow} = 0 and ${beds.status} = 'available' and ${bedAssignments.id} is not null then 1 else 0 end)`,
      outOfService: sql<number>`sum(case when ${beds.status} = 'out_of_service' then 1 else 0 end)`,
    })
    .from(beds)
    .leftJoin(bedAssignments, and(eq(bedAssignments.bedId, beds.id), isNull(bedAssignments.toAt)))
    .where(scope(beds.pantiId))
    .groupBy(beds.pantiId);

  const census = db
    .select({ pantiId: stays.pantiId, census: sql<number>`count(*)` })
    .from(stays)
    .where(and(isNull(stays.exitedAt), scope(stays.pantiId)))
    .groupBy(stays.pantiId);

  return { pantiRows, bedCounts, census };
}

export function occupancyByPanti(filter: OccupancyFilter): PantiOccupancyRow[] {
  const q = occupancyQueries(filter);
  const rows = q.pantiRows.all();
  if (rows.length === 0) return [];
  const bedsBy = new Map(q.bedCounts.all().map((b) => [b.pantiId, b]));
  const censusBy = new Map(q.census.all().map((c) => [c.pantiId, c.census]));
  return rows.map((r) => {
    const b = bedsBy.get(r.id);
    return {
      ...r,
      occupancy: occupancy({
        regularInService: Number(b?.regularInService ?? 0),
        regularOccupied: Number(b?.regularOccupied ?? 0),
        outOfService: Number(b?.outOfService ?? 0),
        census: Number(censusBy.get(r.id) ?? 0),
      }),
    };
  });
}

/** Active panti by name, for a filter's choice of panti (names only: no bed or census counts). */
export function activePantiOptions(): { id: number; name: string }[] {
  return activePantiOptionsQuery().all();
}
const activePantiOptionsQuery = perConnection((c) => c.select({ id: panti.id, name: panti.name }).from(panti).where(eq(panti.active, true)).orderBy(asc(panti.name)).prepare());

/** Distinct kota values of active panti, for the filter (no personal data: a plain panti filter). */
export function pantiKotaOptions(pantiId: number | null): string[] {
  return db
    .selectDistinct({ kota: panti.kota })
    .from(panti)
    .where(and(eq(panti.active, true), pantiId != null ? eq(panti.id, pantiId) : undefined))
    .orderBy(asc(panti.kota))
    .all()
    .map((r) => r.kota)
    .filter((k): k is string => k != null);
}

