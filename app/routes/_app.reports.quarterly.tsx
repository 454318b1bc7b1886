import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { aggregatePantiFilter, scopeFor } from "~/domain/permissions";
import { quarterSchema, resolveQuarter } from "~/domain/reports";
import { quarterlyReport } from "~/queries/reports.server";
import { requirePermission } from "~/utils/auth.server";
import { useT } from "~/utils/use-i18n";
import { FilterBar, FilterSelect } from "~/components/ui/filter-bar";
import { PageHeader } from "~/components/ui/page-header";
import { PeriodReportBody, ReportActions } from "~/components/reports/period-report";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("dashboard", "exports", "period");

export const meta = pageTitle("title.quarterly_report");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "report:read");
  const scope = aggregatePantiFilter(scopeFor(user, "report:read"), "report:read");
  const asked = quarterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  // Without a choice the report opens on the quarter that holds today's work.
  const { year, quarter } = resolveQuarter(asked, new Date());
  return { report: quarterlyReport(year, quarter, { pantiId: scope ?? undefined }), scopedName: scope != null ? user.pantiName : null };
}

export default function QuarterlyReportPage() {
  const { report, scopedName } = useLoaderData<typeof loader>();
  const t = useT();
  const thisYear = new Date().getFullYear();
  const search = `?year=${report.year}&quarter=${report.quarter}`;
  return (
    <>
      <PageHeader
        title={t("quarterly.title")}
        crumbs={[{ to: "/reports", label: `← ${t("nav.reports")}` }]}
        intro={`${t("quarterly.heading", { q: report.quarter, year: report.year })}${scopedName ? ` · ${scopedName}` : " · Dinas Sosial Provinsi DKI Jakarta"}`}
        actions={<ReportActions dataset="quarterly" search={search} />}
      />
      <FilterBar className="no-print" label={t("quarterly.choose")}>
        <FilterSelect
          id="year"
          name="year"
          label={t("quarterly.year")}
          value={report.year}
          includeAll={false}
          options={Array.from({ length: 12 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: y }))}
        />
        <FilterSelect id="quarter" name="quarter" label={t("quarterly.quarter")} value={report.quarter} includeAll={false} options={[1, 2, 3, 4].map((q) => ({ value: q, label: q }))} />
      </FilterBar>

      <PeriodReportBody report={report} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
