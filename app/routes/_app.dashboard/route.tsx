import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { aggregatePantiFilter, scopeFor } from "~/domain/permissions";
import { reportFilterSchema, resolveFilter } from "~/utils/loader-schemas.server";
import { activePantiOptions, pantiKotaOptions } from "~/queries/occupancy.server";
import {
  capacityPanel,
  censusHistory,
  exitsPanel,
  intakePanel,
  lengthOfStayPanel,
  programmesPanel,
  reentryPanel,
  waitingPanel,
} from "~/queries/reports.server";
import { requirePermission } from "~/utils/auth.server";
import { formatNumber, formatPercent } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { PageHeader } from "~/components/ui/page-header";
import { Stat } from "~/components/ui/stat";
import { CapacityPanel, CensusPanel } from "./sections/capacity-panels";
import { DashboardFilters } from "./sections/dashboard-filters";
import { ExitsPanel, IntakePanel } from "./sections/flow-panels";
import { LengthOfStayPanel, ReentryPanel, WaitingPanel } from "./sections/stay-panels";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("dashboard", "exports");

export const meta = pageTitle("title.dashboard");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "report:read");
  const readScope = scopeFor(user, "report:read");
  const scope = aggregatePantiFilter(readScope, "report:read");
  const url = new URL(request.url);
  const filter = resolveFilter(reportFilterSchema.parse(Object.fromEntries(url.searchParams)), new Date(), readScope);
  const census = censusHistory(filter);
  // A long period is drawn by week (the table keeps every day's figure in the download).
  const step = census.length > 400 ? 7 : 1;
  return {
    filter,
    scoped: scope != null,
    pantiOptions: scope == null ? activePantiOptions() : [],
    kotaOptions: pantiKotaOptions(scope),
    capacity: capacityPanel(filter),
    census: census.filter((_, i) => i % step === step - 1 || i === census.length - 1),
    censusStep: step,
    intake: intakePanel(filter),
    exits: exitsPanel(filter),
    los: lengthOfStayPanel(filter),
    programmes: programmesPanel(filter),
    reentry: reentryPanel(filter),
    waiting: waitingPanel(filter),
  };
}

export type DashboardData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The panels' links keep the period and the filters: `period` is their query string. */
export interface PanelProps {
  data: DashboardData;
  period: string;
}

export default function DashboardPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  const { filter } = data;
  const params = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.kota) params.set("kota", filter.kota);
  if (filter.type) params.set("type", filter.type);
  if (filter.pantiId && !data.scoped) params.set("panti", String(filter.pantiId));
  const panel = { data, period: params.toString() };

  return (
    <>
      <PageHeader
        title={data.scoped ? t("dash.title.panti") : t("dash.title")}
        intro={data.scoped ? t("dash.intro.panti") : t("dash.intro")}
        actions={
          <>
            <Link className="button secondary" to="/reports/quarterly">
              {t("nav.quarterly")}
            </Link>{" "}
            <Link className="button secondary" to="/incidents" data-testid="incidents-link">
              {t("incident.counts.title")}
            </Link>
          </>
        }
      />
      <DashboardFilters data={data} />

      <div className="stats">
        <Stat label={t("occ.capacity")} value={n(data.capacity.total.capacity)} />
        <Stat label={t("occ.census")} value={n(data.capacity.total.census)} testId="dash-census" />
        <Stat label={t("occ.occupancy")} value={formatPercent(lang, data.capacity.total.occupancyPct)} over={data.capacity.total.overCapacity} />
        <Stat label={t("dash.stat.intake")} value={n(data.intake.total)} testId="dash-intake" />
        <Stat label={t("dash.stat.exits")} value={n(data.exits.total)} testId="dash-exits" />
        <Stat label={t("dash.stat.waiting")} value={n(data.waiting.total)} over={data.waiting.total > 0} />
      </div>

      <CapacityPanel {...panel} />
      <CensusPanel {...panel} />
      <div className="grid-2">
        <IntakePanel {...panel} />
        <ExitsPanel {...panel} />
      </div>
      <LengthOfStayPanel {...panel} />
      <div className="grid-2">
        <WaitingPanel {...panel} />
        <ReentryPanel {...panel} />
      </div>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
