import * as z from "zod/mini";
import { PANTI_SORTS, PANTI_TYPES } from "./enums";

/** Shelter list filters, from the query string. Unknown values are ignored, not errors. */
export const pantiListFilterSchema = z.object({
  type: z.catch(z.optional(z.enum(PANTI_TYPES)), undefined),
  kota: z.catch(z.optional(z.string().check(z.trim(), z.maxLength(100))), undefined),
  over: z.pipe(z.catch(z.optional(z.enum(["1"])), undefined), z.transform((v) => v === "1")),
  sort: z.catch(z.optional(z.enum(PANTI_SORTS)), undefined),
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
