import type { RoomOnBoard } from "~/queries/bed-board.server";
import { useT } from "~/utils/use-i18n";
import { boardHref, type BoardView } from "./board-url";

/**
 * Every room of the panti with its occupancy, each a link to its beds (the view's filter and
 * search kept). Plain anchors: the board handles their clicks.
 */
export function RoomOverview({ pantiId, rooms, view }: { pantiId: number; rooms: readonly RoomOnBoard[]; view: BoardView }) {
  const t = useT();
  if (rooms.length === 0) return <p className="muted">{t("panti.room.none")}</p>;
  return (
    <nav aria-label={t("panti.room.choose")} className="room-overview">
      <ul className="room-chips">
        {rooms.map((room) => (
          <li key={room.id}>
            <a
              href={boardHref(pantiId, { ...view, room: room.id }, "board-room")}
              className={`room-chip${room.free > 0 ? " has-free" : ""}${room.overflowRoom ? " overflow" : ""}`}
              aria-current={room.id === view.room ? "page" : undefined}
              data-testid="room-link"
              data-room-id={room.id}
            >
              <span className="room-chip-name">{room.name}</span>
              <span className="small">
                {t(`roomSex.${room.sex}`)} · {t("panti.room.free", { n: room.free })} · {room.occupied}/{room.beds}
              </span>
              {room.out > 0 ? <span className="small muted">{t("panti.room.out", { n: room.out })}</span> : null}
              {room.exitPending > 0 ? (
                <span className="badge full" data-testid="room-exit-pending">
                  {t("panti.room.exitPending", { n: room.exitPending })}
                </span>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
