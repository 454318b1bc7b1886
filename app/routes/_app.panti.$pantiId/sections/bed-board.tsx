import type { FormEvent, MouseEvent } from "react";
import { useNavigate, useNavigation, useSubmit } from "@remix-run/react";
import type { BedOnBoard } from "~/queries/bed-board.server";
import { formatDate, type Lang, type T } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { FieldError } from "~/components/forms/field";
import { FilterBar, FilterSelect } from "~/components/ui/filter-bar";
import type { PantiPageData } from "~/routes/_app.panti.$pantiId/route";

/** Which beds the board shows. */
export const BED_SHOWS = ["all", "free", "occupied", "out"] as const;
export type BedShow = (typeof BED_SHOWS)[number];

/**
 * The bed board: every room with its beds, filtered by state, and each bed's status form.
 *
 * A large panti has 865 beds, so a bed is plain markup: its links are plain anchors and its
 * forms plain forms, and the board handles their clicks and submits once, for all of them
 * (client-side navigation and Remix submissions, as `<Link>` and `<Form>` would; without
 * JavaScript they work as ordinary links and posts). A `<Link>` and a `<Form>` per bed cost a
 * tenth of the page's server time and most of its hydration, and Remix would collect the path
 * of every resident's case file and move page into one discovery request, a task that grows
 * with the square of their number: each route is found when its link is followed.
 */
export function BedBoard({
  pantiId,
  rooms,
  show,
  canManage,
  canMove,
  canReadCase,
  failed,
}: {
  pantiId: number;
  rooms: PantiPageData["board"]["rooms"];
  show: BedShow;
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
    navigate(href);
  };
  const submitForm = (event: FormEvent<HTMLElement>) => {
    if (!(event.target instanceof HTMLFormElement) || event.defaultPrevented) return;
    event.preventDefault();
    submit(event.target, { method: "post" });
  };
  const visible = (bed: BedOnBoard) =>
    show === "all" ||
    (show === "free" && bed.status === "available" && !bed.occupant) ||
    (show === "occupied" && bed.occupant != null) ||
    (show === "out" && bed.status === "out_of_service");
  return (
    <>
    <h2>{t("panti.bedBoard")}</h2>
    <FilterBar className="no-print" submitClassName="secondary">
      <FilterSelect
        id="show"
        name="show"
        label={t("panti.filterBeds")}
        value={show}
        includeAll={false}
        options={BED_SHOWS.map((value) => ({ value, label: t(`panti.filterBeds.${value}`) }))}
      />
    </FilterBar>
    <div className="legend" aria-label={t("panti.legend")}>
      <span className="l-occupied">{t("panti.filterBeds.occupied")}</span>
      <span className="l-free">{t("panti.bed.free")}</span>
      <span className="l-overflow">{t("panti.bed.overflow")}</span>
      <span className="l-out">{t("panti.bed.outOfService")}</span>
    </div>

    {/* Clicks and submits of the beds' links and forms, handled once for the whole board. */}
    <div className="rooms" data-testid="bed-board" onClick={followLink} onSubmit={submitForm}>
      {rooms.map((room) => {
        const beds = room.beds.filter(visible);
        if (beds.length === 0 && show !== "all") return null;
        const taken = room.beds.filter((b) => b.occupant).length;
        return (
          <section className="room" key={room.id} aria-labelledby={`room-${room.id}`} data-testid="room">
            <div className="room-header">
              <h3 id={`room-${room.id}`}>{room.name}</h3>
              <span className="muted small">
                {t(`roomSex.${room.sex}`)} · {t("panti.room.beds", { n: room.beds.length })} · {taken}/
                {room.beds.length}
                {room.beds.length > 0 && room.beds.every((b) => b.overflow) ? ` · ${t("panti.room.overflowRoom")}` : ""}
              </span>
            </div>
            <ul className="beds">
              {beds.map((bed) => (
                <BedCard
                  key={bed.id}
                  t={t}
                  lang={lang}
                  busy={busy}
                  bed={bed}
                  canManage={canManage}
                  moveUrl={canMove && bed.occupant ? `/panti/${pantiId}/stays/${bed.occupant.stayId}/move` : null}
                  caseUrl={canReadCase && bed.occupant ? `/panti/${pantiId}/stays/${bed.occupant.stayId}` : null}
                  reasonError={
                    failed?.values.intent === "bed-status" && failed.values.bedId === String(bed.id) ? failed.errors.reason : undefined
                  }
                />
              ))}
            </ul>
          </section>
        );
      })}
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
  canManage,
  moveUrl,
  caseUrl,
  reasonError,
}: {
  t: T;
  lang: Lang;
  busy: boolean;
  bed: BedOnBoard;
  canManage: boolean;
  moveUrl: string | null;
  caseUrl: string | null;
  reasonError?: string[];
}) {
  const state = bed.status === "out_of_service" ? "out" : bed.occupant ? "occupied" : "free";
  return (
    <li
      className={`bed ${state}${bed.overflow ? " overflow" : ""}`}
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
            <form method="post" className="stack" style={{ marginTop: "0.35rem" }}>
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
          <form method="post" style={{ marginTop: "0.35rem" }}>
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

