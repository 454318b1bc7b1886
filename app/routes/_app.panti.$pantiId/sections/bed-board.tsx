import { Form, Link, useNavigation } from "@remix-run/react";
import type { BedOnBoard } from "~/queries/bed-board.server";
import { formatDate } from "~/utils/i18n";
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
 * A bed's links are not discovered ahead (`discover="none"`): Remix would otherwise collect the
 * path of every resident's case file and move page of a large panti into one request, a task
 * that grows with the square of their number (half a second for 865 beds) only to drop the
 * request for being too long; each route is found when its link is followed, as it was then.
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

    <div className="rooms" data-testid="bed-board">
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

function BedCard({
  bed,
  canManage,
  moveUrl,
  caseUrl,
  reasonError,
}: {
  bed: BedOnBoard;
  canManage: boolean;
  moveUrl: string | null;
  caseUrl: string | null;
  reasonError?: string[];
}) {
  const t = useT();
  const lang = useLang();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
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
              <Link to={caseUrl} discover="none">
                {bed.occupant.name}
              </Link>
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
            <Link className="small no-print" to={moveUrl} discover="none">
              {t("resident.actions")}
            </Link>
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
            <Form method="post" className="stack" style={{ marginTop: "0.35rem" }}>
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
            </Form>
          </details>
        ) : (
          <Form method="post" style={{ marginTop: "0.35rem" }}>
            <input type="hidden" name="intent" value="bed-status" />
            <input type="hidden" name="bedId" value={bed.id} />
            <input type="hidden" name="status" value="available" />
            <input type="hidden" name="expectedStatus" value="out_of_service" />
            <button type="submit" className="small secondary" disabled={busy}>
              {t("panti.bed.putBack")}
            </button>
          </Form>
        )
      ) : null}
    </li>
  );
}

