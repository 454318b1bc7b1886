import type { MetaFunction } from "@remix-run/node";
import { useMemo } from "react";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { formatDate, formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { Flash } from "~/components/ui/flash";
import { OccupancyMeter } from "~/components/ui/occupancy";
import { PageHeader } from "~/components/ui/page-header";
import { Stat } from "~/components/ui/stat";
import { BedBoard } from "./sections/bed-board";
import { LazyManageForms } from "./sections/lazy-manage-forms";
import { FormError } from "~/components/forms/field";
import { titleOf } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";
import type { action, loader } from "./bed-board-page.server";

export { action, loader } from "./bed-board-page.server";

export const handle = messagesHandle("approvals", "placements");

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: titleOf(matches, "title.shelters", data?.panti.name) }];

/** What the page and its sections read. */
export type PantiPageData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function PantiPage() {
  const { panti, occupancy, board, filter, canManage, canMove, canReadCase } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const moved = searchParams.get("moved");
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  const failed = actionData && !actionData.ok ? actionData : null;
  /** The refusal of one of the forms below, for that form only. */
  const failedFor = (intent: string) => (failed?.values.intent === intent ? failed : null);
  // The same array until the board changes: the lazily loaded forms render again only for new props.
  const manageRooms = useMemo(() => board.rooms.map((r) => ({ id: r.id, name: r.name })), [board.rooms]);

  return (
    <>
      <PageHeader
        title={panti.name}
        crumbs={[
          { to: "/panti", label: t("nav.panti") },
          { to: `/panti/${panti.id}`, label: panti.name },
        ]}
        intro={`${t(`pantiType.${panti.type}`)} · ${panti.kota ?? t("kota.outside")}${panti.address ? ` · ${panti.address}` : ""}`}
        actions={
          canReadCase ? (
            <>
              <Link className="button secondary no-print" to={`/panti/${panti.id}/residents`}>
                {t("panti.residents")}
              </Link>
              <Link className="button secondary no-print" to={`/panti/${panti.id}/sessions`}>
                {t("panti.sessions")}
              </Link>
            </>
          ) : null
        }
      />

      <Flash message={moved ? t("move.done", { bed: moved }) : null} />
      <Flash message={actionData?.ok ? actionData.message : null} />
      <FormError message={failed?.formError} />

      <div className="stats" data-testid="panti-occupancy">
        <Stat label={t("occ.capacity")} value={n(occupancy.capacity)} testId="capacity" />
        <Stat label={t("occ.census")} value={n(occupancy.census)} testId="census" />
        <Stat label={t("occ.available")} value={n(occupancy.available)} testId="available" />
        <Stat label={t("occ.overflow")} value={n(occupancy.overflow)} testId="overflow" over={occupancy.overflow > 0} />
        <div className="stat">
          <div className="label">{t("occ.occupancy")}</div>
          <OccupancyMeter value={occupancy} />
        </div>
      </div>
      <p className="muted small">
        {t("panti.targetGroup")}: {panti.targetGroup}
        {panti.declaredCapacity != null
          ? ` · ${t("occ.declared", { n: n(panti.declaredCapacity) })}${panti.capacityEstimated ? ` (${t("common.estimated")})` : ""}`
          : ""}
        {occupancy.outOfService > 0 ? ` · ${t("occ.outOfService")}: ${n(occupancy.outOfService)}` : ""}
      </p>

      {board.withoutBed.length > 0 ? (
        <section className="card" aria-labelledby="no-bed">
          <h2 id="no-bed">
            {t("panti.noBed.title")} ({n(board.withoutBed.length)})
          </h2>
          <p className="muted small">{t("panti.noBed.intro")}</p>
          <ul>
            {board.withoutBed.map((r) => (
              <li key={r.stayId}>
                {r.name} — {t("panti.bed.since", { date: formatDate(lang, r.admittedAt) })}
                {canMove ? (
                  <>
                    {" "}
                    ·{" "}
                    <Link to={`/panti/${panti.id}/stays/${r.stayId}/move`} discover="none">
                      {t("resident.actions")}
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <BedBoard
        pantiId={panti.id}
        board={board}
        filter={filter}
        canManage={canManage}
        canMove={canMove}
        canReadCase={canReadCase}
        failed={failed}
      />

      {canManage ? (
        <LazyManageForms
          addRoomFailure={failedFor("add-room")}
          addBedsFailure={failedFor("add-beds")}
          pantiSex={panti.sexServed}
          rooms={manageRooms}
        />
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
