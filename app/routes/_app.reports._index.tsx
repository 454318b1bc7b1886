import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { aggregatePantiFilter, scopeFor } from "~/domain/permissions";
import { nameOfPeriod, periodInput, periodSchema, periodSearch, quickChoices, resolvePeriod } from "~/domain/periods";
import { periodReport } from "~/queries/reports.server";
import { getLang, requirePermission } from "~/utils/auth.server";
import { formatCalendarDate } from "~/utils/i18n";
import { parseJson, type FieldErrors } from "~/utils/validation";
import { useLang, useT } from "~/utils/use-i18n";
import { PageHeader } from "~/components/ui/page-header";
import { PeriodChooser, periodName } from "~/components/reports/period-chooser";
import { PeriodReportBody, ReportActions } from "~/components/reports/period-report";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("dashboard", "exports", "period");

export const meta = pageTitle("title.reports");

/** GET /reports?from=YYYY-MM-DD&to=YYYY-MM-DD — the report for any period (the current quarter when none is given). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "report:read");
  const scope = aggregatePantiFilter(scopeFor(user, "report:read"), "report:read");
  const now = new Date();
  const input = periodInput(new URL(request.url).searchParams);
  const parsed = parseJson(periodSchema, input, await getLang(request));
  const common = { choices: quickChoices(now), scopedName: scope != null ? user.pantiName : null, values: input };
  if (!parsed.ok) return data({ ...common, ok: false as const, errors: parsed.errors, report: null }, { status: 400 });
  const report = periodReport(resolvePeriod(parsed.data, now), { pantiId: scope ?? undefined }, now);
  const errors: FieldErrors = {};
  return data({ ...common, ok: true as const, errors, report });
}

const MEASURES = [
  { to: "/reports/returns", label: "reports.link.returns" },
  { to: "/reports/length-of-stay", label: "reports.link.lengthOfStay" },
  { to: "/reports/data-quality", label: "reports.link.dataQuality" },
] as const;

export default function ReportsPage() {
  const { choices, scopedName, values, errors, report } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const period = report?.period ?? null;
  const named = period ? nameOfPeriod(period) : null;
  const heading = period
    ? `${named ? `${periodName(t, lang, named)} · ` : ""}${t("period.heading", { from: formatCalendarDate(lang, period.from), to: formatCalendarDate(lang, period.to) })}`
    : t("period.error.title");
  return (
    <>
      <PageHeader
        title={t("period.title")}
        intro={`${heading}${scopedName ? ` · ${scopedName}` : " · Dinas Sosial Provinsi DKI Jakarta"}`}
        actions={
period ? <ReportActions dataset="period" search={periodSearch(period)} /> : null}
      />
      <nav className="no-print report-links" aria-label={t("period.measures")}>
        <span className="muted small">{t("period.measures")}:</span> <Link to="/reports/quarterly">{t("nav.quarterly")}</Link>
        {MEASURES.map((m) => (
          <Link key={m.to} to={m.to}>
            {t(m.label)}
          </Link>
        ))}
      </nav>
      <PeriodChooser choices={choices} period={period} values={values} errors={errors} />
      {report ? <PeriodReportBody report={report} /> : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
