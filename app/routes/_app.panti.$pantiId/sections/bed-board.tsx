import type { FormEvent, MouseEvent } from "react";
import { useNavigate, useNavigation, useSubmit } from "@remix-run/react";
import { bedState, showsBed } from "~/domain/bed-board";
import type { BedOnBoard } from "~/queries/bed-board.server";
import { formatDate, type Lang, type T } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { FieldError } from "~/components/forms/field";
import type { PantiPageData } from "~/routes/_app.panti.$pantiId/route";
import { BoardFilters, FoundBeds } from "./board-filters";
import { boardHref, type BoardView } from "./board-url";
import { RoomOverview } from "./room-overview";

/**
 * The bed board: the search and filter, every room with its occupancy, and the beds of one room
 * with each bed's status form. The room is chosen in the address (`?room=`, linkable, and the
 * default is decided by `defaultRoomId`), so a large panti's 865 beds are never all in one page.
 *
 * A bed is plain markup: its links are plain anchors and its forms plain forms, and the board
 * handles their clicks and submits once, for all of them (client-side navigation and Remix
 * submissions, as `<Link>` and `<Form>` would; without JavaScript they work as ordinary links and
 * posts). This keeps a room of a hundred extra places cheap to render and hydrate, and Remix does
 * not collect the path of every resident's case file and move page into a discovery request:
 * each route is found when its link is followed.
 */
export function BedBoard({
  pantiId,
  board,
  filter,
  canManage,
  canMove,
  canReadCase,
  failed,
}: {
  pantiId: number;
  board: PantiPageData["board"];
  filter: PantiPageData["filter"];
  canManage: boolean;
  canMove: boolean;
  canReadCase: boolean;
  /** A refused form of the page: a bed's status form shows its own. */
  failed: FormFailure | null;
}) {
  const t = useT();
  const lang = useLang();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const submit = useSubmit();
  const busy = navigation.state !== "idle";
  const followLink = (event: MouseEvent<HTMLElement>) => {
    const link = event.target instanceof Element ? event.target.closest("a") : null;
    const href = link?.getAttribute("href");
    if (!href || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href, { preventScrollReset: link!.hasAttribute("data-keep-scroll") });
  };
  const submitForm = (event: FormEvent<HTMLElement>) => {
    if (!(event.target instanceof HTMLFormElement) || event.defaultPrevented) return;
    event.preventDefault();
    submit(event.target, { method: "post" });
  };
  const { room, found } = board;
  const view: BoardView = { room: room?.id ?? null, show: filter.show, q: filter.q };
  // A bed's forms post to the view they were shown in, so the page after the change shows the same room.
  const action = boardHref(pantiId, view);
  const foundIds = new Set(found?.matches.map((m) => m.bedId));
  const beds = board.beds.filter((bed) => showsBed(filter.show, bedState({ status: bed.status, occupied: bed.occupant != null })));
  return (
    <>
      <h2>{t("panti.bedBoard")}</h2>
      {/* Clicks and submits of the board's links and the beds' forms, handled once for the whole board. */}
      <div className="board" data-testid="bed-board" onClick={followLink} onSubmit={submitForm}>
        <BoardFilters pantiId={pantiId} view={view} />
        {found ? <FoundBeds pantiId={pantiId} view={view} found={found} canReadCase={canReadCase} /> : null}
        <RoomOverview pantiId={pantiId} rooms={board.rooms} view={view} />
        <div className="legend" aria-label={t("panti.legend")}>
          <span className="l-occupied">{t("panti.filterBeds.occupied")}</span>
          <span className="l-free">{t("panti.bed.free")}</span>
          <span className="l-overflow">{t("panti.bed.overflow")}</span>
          <span className="l-out">{t("panti.bed.outOfService")}</span>
        </div>
        {room ? (
          <section className="room" id="board-room" aria-labelledby={`room-${room.id}`} data-testid="room" data-room-id={room.id}>
            <div className="room-header">
              <h3 id={`room-${room.id}`}>{room.name}</h3>
              <span className="muted small">
                {t(`roomSex.${room.sex}`)} · {t("panti.room.beds", { n: room.beds })} · {room.occupied}/{room.beds}
                {room.overflowRoom ? ` · ${t("panti.room.overflowRoom")}` : ""}
              </span>
            </div>
            {beds.length === 0 ? (
              <p className="muted">{t(filter.show === "all" ? "panti.room.empty" : "panti.room.noneShown")}</p>
            ) : (
              <ul className="beds">
                {beds.map((bed) => (
                  <BedCard
                    key={bed.id}
                    t={t}
                    lang={lang}
                    busy={busy}
                    bed={bed}
                    found={foundIds.has(bed.id)}
                    action={action}
                    canManage={canManage}
                    moveUrl={canMove && bed.occupant ? `/panti/${pantiId}/stays/${bed.occupant.stayId}/move` : null}
                    caseUrl={canReadCase && bed.occupant ? `/panti/${pantiId}/stays/${bed.occupant.stayId}` : null}
                    reasonError={
                      failed?.values.intent === "bed-status" && failed.values.bedId === String(bed.id) ? failed.errors.reason : undefined
                    }
                  />
                ))}
              </ul>
            )}
          </section>
        ) : null}
      </div>
    </>
  );
}

/** One bed: plain markup without hooks (the board gives it the translator and the busy state). */
function BedCard({
  t,
  lang,
  busy,
  bed,
  found,
  action,
  canManage,
  moveUrl,
  caseUrl,
  reasonError,
}: {
  t: T;
  lang: Lang;
  busy: boolean;
  bed: BedOnBoard;
  /** Found by the board's search. */
  found: boolean;
  /** Where its forms post: the board's view. */
  action: string;
  canManage: boolean;
  moveUrl: string | null;
  caseUrl: string | null;
  reasonError?: string[];
}) {
  const state = bedState({ status: bed.status, occupied: bed.occupant != null });
  return (
    <li
      id={`bed-${bed.id}`}
      className={`bed ${state}${bed.overflow ? " overflow" : ""}${found ? " found" : ""}`}
      data-testid="bed"
      data-label={bed.label}
      data-state={state}
    >
      <div className="bed-label">
        <span>{bed.label}</span>
        {bed.overflow ? <span className="badge over">{t("panti.bed.overflow")}</span> : null}
      </div>
      {bed.occupant ? (
        <div>
          <div>
            {caseUrl ? (
              <a href={caseUrl}>{bed.occupant.name}</a>
            ) : (
              bed.occupant.name
            )}
          </div>
          <div className="muted small">{t("panti.bed.since", { date: formatDate(lang, bed.occupant.since) })}</div>
          {bed.occupant.exitPending ? (
            <span className="badge full" data-testid="bed-exit-pending">
              {t("approval.exit.badge")}
            </span>
          ) : null}
          {moveUrl ? (
            <a className="small no-print" href={moveUrl}>
              {t("resident.actions")}
            </a>
          ) : null}
        </div>
      ) : bed.status === "out_of_service" ? (
        <div>
          <div>{t("panti.bed.outOfService")}</div>
          {bed.statusReason ? <div className="small">{bed.statusReason}</div> : null}
        </div>
      ) : (
        <div className="muted">{t("panti.bed.free")}</div>
      )}
      {canManage && !bed.occupant ? (
        bed.status === "available" ? (
          <details open={reasonError ? true : undefined}>
            <summary>{t("panti.bed.takeOut")}</summary>
            <form method="post" action={action} className="stack" style={{ marginTop: "0.35rem" }}>
              <input type="hidden" name="intent" value="bed-status" />
              <input type="hidden" name="bedId" value={bed.id} />
              <input type="hidden" name="status" value="out_of_service" />
              <input type="hidden" name="expectedStatus" value="available" />
              <label className="small" htmlFor={`reason-${bed.id}`}>
                {t("panti.bed.reason")}
              </label>
              <input
                id={`reason-${bed.id}`}
                name="reason"
                type="text"
                required
                minLength={3}
                maxLength={200}
                aria-invalid={reasonError ? true : undefined}
              />
              <FieldError messages={reasonError} />
              <button type="submit" className="small danger" disabled={busy}>
                {t("panti.bed.takeOut")}
              </button>
            </form>
          </details>
        ) : (
          <form method="post" action={action} style={{ marginTop: "0.35rem" }}>
            <input type="hidden" name="intent" value="bed-status" />
            <input type="hidden" name="bedId" value={bed.id} />
            <input type="hidden" name="status" value="available" />
            <input type="hidden" name="expectedStatus" value="out_of_service" />
            <button type="submit" className="small secondary" disabled={busy}>
              {t("panti.bed.putBack")}
            </button>
          </form>
        )
      ) : null}
    </li>
  );
}

