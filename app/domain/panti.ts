import * as z from "zod";
import { PANTI_SORTS, PANTI_TYPES } from "./enums";

/** Shelter list filters, from the query string. Unknown values are ignored, not errors. */
export const pantiListFilterSchema = z.object({
  type: z.enum(PANTI_TYPES).optional().catch(undefined),
  kota: z.string().trim().max(100).optional().catch(undefined),
  over: z
    .enum(["1"])
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  sort: z.enum(PANTI_SORTS).optional().catch(undefined),
});
export type PantiListFilter = z.output<typeof pantiListFilterSchema>;

/** Sorts shelter rows: by name, or by occupancy / overflow / free beds, highest first. */
export function sortPantiRows<
  R extends { name: string; occupancy: { occupancyPct: number | null; overflow: number; available: number } },
>(rows: readonly R[], sort: PantiListFilter["sort"]): R[] {
  const copy = [...rows];
  switch (sort) {
    case "occupancy":
      return copy.sort((a, b) => (b.occupancy.occupancyPct ?? -1) - (a.occupancy.occupancyPct ?? -1));
    case "overflow":
      return copy.sort((a, b) => b.occupancy.overflow - a.occupancy.overflow);
    case "available":
      return copy.sort((a, b) => b.occupancy.available - a.occupancy.available);
    default:
      return copy.sort((a, b) => a.name.localeCompare(b.name, "id"));
  }
}
