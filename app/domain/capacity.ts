/**
 * Occupancy figures of a panti, derived from counts (never stored).
 *
 * - capacity: regular (non-overflow) beds in service;
 * - occupied: residents on regular beds;
 * - available: regular beds in service with nobody on them;
 * - overflow: residents beyond the regular beds (on extra mattresses, or with no bed yet);
 * - census: residents with an open stay (occupied + overflow);
 * - occupancy: census / capacity, as a percentage (null when there is no capacity).
 */

export interface BedCounts {
  /** Regular beds in service. */
  regularInService: number;
  /** Regular beds in service that hold a resident. */
  regularOccupied: number;
  /** Residents with an open stay in the panti. */
  census: number;
  /** Beds (regular or overflow) out of service. */
  outOfService: number;
}

export interface Occupancy {
  capacity: number;
  occupied: number;
  available: number;
  overflow: number;
  census: number;
  outOfService: number;
  occupancyPct: number | null;
  overCapacity: boolean;
}

export function occupancy(counts: BedCounts): Occupancy {
  const capacity = counts.regularInService;
  const occupied = Math.min(counts.regularOccupied, capacity);
  const census = Math.max(counts.census, occupied);
  const overflow = census - occupied;
  return {
    capacity,
    occupied,
    available: capacity - occupied,
    overflow,
    census,
    outOfService: counts.outOfService,
    occupancyPct: capacity > 0 ? Math.round((census / capacity) * 1000) / 10 : null,
    overCapacity: census > capacity,
  };
}

/** Sum the occupancy of several panti (for network and group totals). */
export function totalOccupancy(items: readonly Occupancy[]): Occupancy {
  const counts = items.reduce<BedCounts>(
    (acc, o) => ({
      regularInService: acc.regularInService + o.capacity,
      regularOccupied: acc.regularOccupied + o.occupied,
      census: acc.census + o.census,
      outOfService: acc.outOfService + o.outOfService,
    }),
    { regularInService: 0, regularOccupied: 0, census: 0, outOfService: 0 },
  );
  return occupancy(counts);
}

export type OccupancyLevel = "low" | "normal" | "full" | "over";

/** A coarse level for colouring: over capacity, full (>= 95%), normal, or low (< 50%). */
export function occupancyLevel(o: Occupancy): OccupancyLevel {
  if (o.overCapacity) return "over";
  if (o.occupancyPct == null) return "low";
  if (o.occupancyPct >= 95) return "full";
  if (o.occupancyPct < 50) return "low";
  return "normal";
}
