import { Link } from "@remix-run/react";
import { BED_SHOWS, showsBed } from "~/domain/bed-board";
import type { BedMatch } from "~/queries/bed-board.server";
import { useT } from "~/utils/use-i18n";
import { FilterBar } from "~/components/ui/filter-bar";
import { boardHref, type BoardView } from "./board-url";

/**
 * The board's search (a GET form: a resident or a bed anywhere in the panti; the board then opens
 * on the room of the first bed found) and its filter, one link per kind of bed that keeps the
 * room and the search. Both work without JavaScript.
 */
export function BoardFilters({ pantiId, view }: { pantiId: number; view: BoardView }) {
  const t = useT();
  return (
    <>
      <FilterBar
        className="no-print board-search"
        label={t("common.search")}
        submitLabel={t("common.search")}
        submitClassName="secondary"
        actions={
          view.q ? (
            <Link to={boardHref(pantiId, { ...view, q: "" })} className="small">
              {t("panti.search.clear")}
            </Link>
          ) : null
        }
      >
        <div className="field">
          <label htmlFor="board-q">{t("panti.search.label")}</label>
          <input id="board-q" name="q" type="search" defaultValue={view.q} maxLength={100} placeholder={t("panti.search.placeholder")} />
        </div>
        {view.show !== "all" ? <input type="hidden" name="show" value={view.show} /> : null}
      </FilterBar>
      <nav className="bed-shows no-print" aria-label={t("panti.filterBeds")}>
        {BED_SHOWS.map((show) => (
          <a
            key={show}
            href={boardHref(pantiId, { ...view, show })}
            aria-current={show === view.show ? "page" : undefined}
            data-keep-scroll=""
          >
            {t(`panti.filterBeds.${show}`)}
          </a>
        ))}
      </nav>
    </>
  );
}

/** The beds a search found, each a link to its room (and the resident's case file, when readable). */
export function FoundBeds({
  pantiId,
  view,
  found,
  canReadCase,
}: {
  pantiId: number;
  view: BoardView;
  found: { matches: readonly BedMatch[]; more: boolean };
  canReadCase: boolean;
}) {
  const t = useT();
  return (
    <section className="card found-beds" aria-labelledby="found-beds-title" data-testid="found-beds">
      <h3 id="found-beds-title">{t("panti.search.results", { q: view.q })}</h3>
      {found.matches.length === 0 ? (
        <p className="muted">{t("panti.search.none")}</p>
      ) : (
        <ul>
          {found.matches.map((m) => (
            <li key={m.bedId} data-testid="found-bed" data-label={m.label}>
              {/* A found bed stays visible in its room: the filter is kept when it shows that bed. */}
              <a href={boardHref(pantiId, { ...view, room: m.roomId, show: showsBed(view.show, m.state) ? view.show : "all" }, `bed-${m.bedId}`)}>
                {m.roomName} · {m.label}
              </a>
              {" — "}
              {m.occupant ? (
                canReadCase ? (
                  <a href={`/panti/${pantiId}/stays/${m.occupant.stayId}`}>{m.occupant.name}</a>
                ) : (
                  m.occupant.name
                )
              ) : (
                <span className="muted">{t(m.state === "out" ? "panti.bed.outOfService" : "panti.bed.free")}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {found.more ? <p className="muted small">{t("panti.search.more", { n: found.matches.length })}</p> : null}
    </section>
  );
}
