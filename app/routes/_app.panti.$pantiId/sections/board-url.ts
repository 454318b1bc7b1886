import type { BedShow } from "~/domain/bed-board";

/** What the board's address chooses: a room, the filter and a search. */
export interface BoardView {
  room: number | null;
  show: BedShow;
  q: string;
}

/** The address of a view of the board (defaults left out), optionally at an element of the page. */
export function boardHref(pantiId: number, view: BoardView, hash?: string): string {
  const search = new URLSearchParams();
  if (view.room != null) search.set("room", String(view.room));
  if (view.show !== "all") search.set("show", view.show);
  if (view.q) search.set("q", view.q);
  const query = search.toString();
  return `/panti/${pantiId}${query ? `?${query}` : ""}${hash ? `#${hash}` : ""}`;
}
