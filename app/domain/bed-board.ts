/**
 * The bed board's rules: what state a bed is in, which beds a filter shows, and which room the
 * board opens on. The board shows one room at a time (a large panti has hundreds of beds); the
 * overview of every room carries the counts these rules need.
 */

/** Which beds the board shows. */
export const BED_SHOWS = ["all", "free", "occupied", "out"] as const;
export type BedShow = (typeof BED_SHOWS)[number];

export type BedState = "free" | "occupied" | "out";

/** A bed is out of service, held by a resident, or free. */
export function bedState(bed: { status: "available" | "out_of_service"; occupied: boolean }): BedState {
  if (bed.status === "out_of_service") return "out";
  return bed.occupied ? "occupied" : "free";
}

/** Whether the filter shows a bed in this state. */
export function showsBed(show: BedShow, state: BedState): boolean {
  return show === "all" || show === state;
}

/** A room's beds counted by state (the overview of the board). */
export interface RoomCounts {
  id: number;
  beds: number;
  free: number;
  occupied: number;
  out: number;
}

/** How many beds of the room the filter shows. */
export function shownInRoom(room: RoomCounts, show: BedShow): number {
  return show === "all" ? room.beds : room[show];
}

/**
 * The room the board opens on when the address names none: the room of the first bed found by a
 * search, else the first room (in the board's order) with a bed the filter shows — for all beds,
 * the first with a free bed, where an admission or a move can go — else the first room.
 */
export function defaultRoomId(rooms: readonly RoomCounts[], show: BedShow, foundRoomIds: readonly number[] = []): number | null {
  const found = foundRoomIds.find((id) => rooms.some((room) => room.id === id));
  if (found != null) return found;
  const wanted: Exclude<BedShow, "all"> = show === "all" ? "free" : show;
  return (rooms.find((room) => shownInRoom(room, wanted) > 0) ?? rooms[0])?.id ?? null;
}
