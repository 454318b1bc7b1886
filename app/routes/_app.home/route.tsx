import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { totalOccupancy } from "~/domain/capacity";
import { sortPantiRows } from "~/domain/panti";
import { canOnPanti, grantFor } from "~/domain/permissions";
import { homeWork } from "~/queries/home.server";
import { occupancyByPanti } from "~/queries/occupancy.server";
import { requireUser } from "~/utils/auth.server";
import { formatNumber, formatPercent } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { OccupancyMeter } from "~/components/ui/occupancy";
import { PageHeader } from "~/components/ui/page-header";
import { Stat } from "~/components/ui/stat";
import { SeriousIncidents } from "~/components/safeguarding/serious-incidents";
import { pageTitle } from "~/utils/meta";
import { PantiTableCard } from "./sections/panti-table";
import { HomeWorkCards } from "./sections/work";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("approvals", "home", "safeguarding");

export const meta = pageTitle("title.home");

/**
 * The home page is the day's work of the user (`homeWork`: referrals, the queue, beds, classes,
 * residents followed, the review), then the figures: the network for Dinsos, one panti for its
 * staff, free beds for outreach.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const listGrant = grantFor(user.role, "panti:list");
  const greeting = { name: user.name, role: user.role, work: homeWork(user) };

  if (listGrant === "own") {
    if (user.pantiId == null) return { kind: "unassigned" as const, greeting };
    const [row] = occupancyByPanti({ pantiId: user.pantiId });
    if (!row) return { kind: "unassigned" as const, greeting };
    return { kind: "panti" as const, greeting, panti: row, canOpen: canOnPanti(user, "panti:view", row.id) };
  }
  if (listGrant === "any") {
    const rows = occupancyByPanti({ pantiId: null });
    const total = totalOccupancy(rows.map((r) => r.occupancy));
    // An officer who refers for their own unit sees where the free places are.
    if (grantFor(user.role, "placement:create") === "own") {
      const free = sortPantiRows(rows, "available").filter((r) => r.occupancy.available > 0).slice(0, 10);
      return { kind: "outreach" as const, greeting, free, total };
    }
    return {
      kind: "network" as const,
      greeting,
      total,
      pantiCount: rows.length,
      overCount: rows.filter((r) => r.occupancy.overCapacity).length,
      crowded: sortPantiRows(rows, "occupancy").slice(0, 6),
    };
  }
  return { kind: "unassigned" as const, greeting };
}

export default function HomePage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);

  return (
    <>
      <PageHeader title={t("home.greeting", { name: data.greeting.name })} intro={t(`role.${data.greeting.role}`)} />

      {data.kind === "unassigned" ? <div className="alert info">{t("home.noPanti")}</div> : null}
      <SeriousIncidents />

      <HomeWorkCards work={data.greeting.work} />

      {data.kind === "network" ? (
        <>
          <h2>{t("home.network")}</h2>
          <div className="stats">
            <Stat label={t("home.pantiCount")} value={n(data.pantiCount)} />
            <Stat label={t("occ.capacity")} value={n(data.total.capacity)} />
            <Stat label={t("occ.census")} value={n(data.total.census)} />
            <Stat label={t("occ.occupancy")} value={formatPercent(lang, data.total.occupancyPct)} />
            <Stat label={t("occ.overflow")} value={n(data.total.overflow)} over={data.total.overflow > 0} />
            <Stat label={t("home.overCapacityCount")} value={n(data.overCount)} over={data.overCount > 0} />
          </div>
          <PantiTableCard
            title={t("home.mostCrowded")}
            heads={[t("panti.col.name"), { label: t("occ.capacity"), className: "num" }, { label: t("occ.census"), className: "num" }]}
            rows={data.crowded}
            rowClass={(row) => (row.occupancy.overCapacity ? "over-capacity" : undefined)}
            cells={(row) => (
              <>
                <td>
                  <Link to={`/panti/${row.id}`}>{row.name}</Link>
                </td>
                <td className="num">{n(row.occupancy.capacity)}</td>
                <td className="num">{n(row.occupancy.census)}</td>
              </>
            )}
          />
        </>
      ) : null}

      {data.kind === "panti" ? (
        <section className="card">
          <h2>
            {t("home.yourPanti")}: {data.panti.name}
          </h2>
          <div className="stats">
            <Stat label={t("occ.capacity")} value={n(data.panti.occupancy.capacity)} />
            <Stat label={t("occ.census")} value={n(data.panti.occupancy.census)} />
            <Stat label={t("occ.available")} value={n(data.panti.occupancy.available)} />
            <Stat
              label={t("occ.overflow")}
              value={n(data.panti.occupancy.overflow)}
              over={data.panti.occupancy.overflow > 0}
            />
          </div>
          <OccupancyMeter value={data.panti.occupancy} />
          {data.canOpen ? (
            <p style={{ marginTop: "0.75rem" }}>
              <Link className="button" to={`/panti/${data.panti.id}`}>
                {t("home.openBedBoard")}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {data.kind === "outreach" ? (
        <PantiTableCard
          title={t("home.freeBeds")}
          heads={[t("panti.col.name"), { label: t("panti.col.type"), className: "hide-sm" }, { label: t("occ.available"), className: "num" }]}
          rows={data.free}
          cells={(row) => (
            <>
              <td>{row.name}</td>
              <td className="hide-sm">{t(`pantiType.${row.type}`)}</td>
              <td className="num">{n(row.occupancy.available)}</td>
            </>
          )}
        />
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
