import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { aggregatePantiFilter, scopeFor } from "~/domain/permissions";
import { OUTREACH_UNITS, PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import { currentQuarter, quarterSchema, resolveQuarter } from "~/domain/reports";
import { quarterlyReport } from "~/queries/reports.server";
import { requirePermission } from "~/utils/auth.server";
import { formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { DownloadLinks } from "~/components/ui/download-links";
import { FilterBar, FilterSelect } from "~/components/ui/filter-bar";
import { NumbersTable } from "~/components/ui/numbers-table";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";

export const meta = pageTitle("title.quarterly_report");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "report:read");
  const scope = aggregatePantiFilter(scopeFor(user, "report:read"), "report:read");
  const asked = quarterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  // Without a choice the report opens on the quarter that holds today's work.
  const { year, quarter } = asked.year && asked.quarter ? resolveQuarter(asked, new Date()) : currentQuarter(new Date());
  return { report: quarterlyReport(year, quarter, { pantiId: scope ?? undefined }), scopedName: scope != null ? user.pantiName : null };
}

const MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export default function QuarterlyReportPage() {
  const { report, scopedName } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  const monthName = (m: string) => (lang === "en" ? MONTHS_EN : MONTHS_ID)[Number(m.slice(5, 7)) - 1] ?? m;
  const months = report.byMonth.map((m) => m.month);
  const thisYear = new Date().getFullYear();
  const search = `?year=${report.year}&quarter=${report.quarter}`;
  return (
    <>
      <PageHeader
        title={t("quarterly.title")}
        intro={`${t("quarterly.heading", { q: report.quarter, year: report.year })}${scopedName ? ` · ${scopedName}` : " · Dinas Sosial Provinsi DKI Jakarta"}`}
        actions={
          <div className="no-print" style={{ display: "flex", gap: "0.75rem", alignItems: "center" }}>
            <DownloadLinks dataset="quarterly" search={search} />
            <button type="button" className="secondary" onClick={() => window.print()}>
              {t("common.print")}
            </button>
          </div>
        }
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

      <section className="panel" data-testid="quarterly-reached">
        <h2>{t("quarterly.reached")}</h2>
        <p>
          <strong data-testid="quarterly-total">{t("quarterly.reachedTotal", { n: n(report.total) })}</strong>
        </p>
        <div className="grid-2">
          <NumbersTable
            caption={t("quarterly.byUnit")}
            headers={[t("dash.unit"), t("dash.count")]}
            rows={[
              ...report.byUnit.map((r) => [referenceLabel(OUTREACH_UNITS, r.unit, lang), <span key={r.unit} data-unit={r.unit}>{n(r.n)}</span>]),
              [<strong key="t">{t("common.total")}</strong>, <strong key="n">{n(report.total)}</strong>],
            ]}
          />
          <NumbersTable
            caption={t("quarterly.byMonth")}
            headers={[t("dash.month"), t("dash.count")]}
            rows={[
              ...report.byMonth.map((r) => [monthName(r.month), <span key={r.month} data-month={r.month}>{n(r.n)}</span>]),
              [<strong key="t">{t("common.total")}</strong>, <strong key="n">{n(report.total)}</strong>],
            ]}
          />
        </div>
        <NumbersTable
          caption={t("quarterly.byUnitMonth")}
          headers={[t("dash.unit"), ...months.map(monthName), t("common.total")]}
          rows={report.byUnit.map((u) => [
            referenceLabel(OUTREACH_UNITS, u.unit, lang),
            ...months.map((m) => n(report.byUnitMonth.find((r) => (r.unit ?? "-") === u.unit && r.month === m)?.n ?? 0)),
            n(u.n),
          ])}
        />
        <NumbersTable
          caption={t("quarterly.byCategory")}
          headers={[t("dash.category"), t("dash.count")]}
          rows={report.byCategory.map((r) => [referenceLabel(PPKS_CATEGORIES, r.category, lang), n(r.n)])}
        />
      </section>

      <div className="grid-2">
        <section className="panel">
          <h2>{t("quarterly.placed")}</h2>
          <NumbersTable
            headers={[t("panti.col.name"), t("dash.count")]}
            rows={[
              ...report.placedByPanti.map((r) => [r.name, n(r.n)]),
              [<strong key="t">{t("common.total")}</strong>, <strong key="n">{n(report.placedTotal)}</strong>],
            ]}
          />
        </section>
        <section className="panel">
          <h2>{t("quarterly.outcomes")}</h2>
          <NumbersTable
            headers={[t("dash.outcome"), t("dash.count")]}
            rows={[
              [t("quarterly.returnedFamily"), <span key="f" data-testid="returned-family">{n(report.returnedFamily)}</span>],
              [t("quarterly.repatriated"), <span key="r" data-testid="repatriated">{n(report.repatriated)}</span>],
            ]}
          />
        </section>
      </div>
      <p className="muted small">{t("quarterly.source")}</p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
