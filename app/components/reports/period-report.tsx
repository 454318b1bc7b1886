/**
 * The blocks of a period report in the shape Dinsos publishes (people reached by unit and month
 * with row and column totals, by PPKS category; placed per panti; returned to family and
 * repatriated; capacity and census at the end of the period), shared by the reports page and the
 * quarterly report. Each count links to the people behind it where a list exists.
 */
import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { monthWithin, periodSearch } from "~/domain/periods";
import { OUTREACH_UNITS, PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import type { Period } from "~/domain/reports";
import type { PeriodReport } from "~/queries/reports.server";
import { formatDateTime, formatMonth, formatNumber, formatPercent } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { DownloadLinks } from "~/components/ui/download-links";
import { NumbersTable } from "~/components/ui/numbers-table";

type Report = Pick<
  PeriodReport,
  | "period"
  | "months"
  | "byUnitMonth"
  | "byUnit"
  | "byMonth"
  | "total"
  | "byCategory"
  | "placedByPanti"
  | "placedTotal"
  | "returnedFamily"
  | "returnedFamilyByMonth"
  | "repatriated"
  | "repatriatedByMonth"
  | "repatriatedByProvince"
  | "capacity"
>;

/** The list of referrals behind a figure. */
const referralsLink = (period: Period, extra: Record<string, string | number> = {}) => {
  const params = new URLSearchParams({ from: period.from, to: period.to });
  for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
  return `/reports/referrals?${params.toString()}`;
};
/** The list of stays that ended with an outcome. */
const staysLink = (period: Period, outcome: string) => `/reports/stays${periodSearch(period)}&outcome=${outcome}`;

function Count({ n, to, ...attrs }: { n: number; to?: string } & Record<`data-${string}`, string>) {
  const lang = useLang();
  const text = formatNumber(lang, n);
  return to && n > 0 ? (
    <Link to={to} {...attrs}>
      {text}
    </Link>
  ) : (
    <span {...attrs}>{text}</span>
  );
}

const totalRow = (label: string, ...cells: ReactNode[]): ReactNode[] => [
  <strong key="label">{label}</strong>,
  ...cells.map((c, i) => <strong key={i}>{c}</strong>),
];

export function ReachedSection({ report }: { report: Report }) {
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  const { period, months } = report;
  const cell = (unit: string, month: string) => report.byUnitMonth.find((r) => (r.unit ?? "-") === unit && r.month === month)?.n ?? 0;
  return (
    <section className="panel" data-testid="report-reached">
      <h2>{t("quarterly.reached")}</h2>
      <p>
        <strong data-testid="report-total">{t("quarterly.reachedTotal", { n: n(report.total) })}</strong>
      </p>
      <div className="grid-2">
        <NumbersTable
          caption={t("quarterly.byUnit")}
          headers={[t("dash.unit"), t("dash.count")]}
          rows={[
            ...report.byUnit.map((r) => [referenceLabel(OUTREACH_UNITS, r.unit, lang), <Count key={r.unit} n={r.n} to={referralsLink(period, { unit: r.unit })} data-unit={r.unit} />]),
            totalRow(t("common.total"), n(report.total)),
          ]}
        />
        <NumbersTable
          caption={t("quarterly.byMonth")}
          headers={[t("dash.month"), t("dash.count")]}
          rows={[
            ...report.byMonth.map((r) => [formatMonth(lang, r.month, months.length > 12 || months[0]!.slice(0, 4) !== months.at(-1)!.slice(0, 4)), <Count key={r.month} n={r.n} to={referralsLink(monthWithin(period, r.month))} data-month={r.month} />]),
            totalRow(t("common.total"), n(report.total)),
          ]}
        />
      </div>
      <NumbersTable
        caption={t("quarterly.byUnitMonth")}
        headers={[t("dash.unit"), ...months.map((m) => formatMonth(lang, m, true)), t("common.total")]}
        rows={[
          ...report.byUnit.map((u) => [
            referenceLabel(OUTREACH_UNITS, u.unit, lang),
            ...months.map((m) => <Count key={m} n={cell(u.unit, m)} to={referralsLink(monthWithin(period, m), { unit: u.unit })} />),
            <strong key="total">{n(u.n)}</strong>,
          ]),
          totalRow(t("common.total"), ...report.byMonth.map((m) => n(m.n)), <span key="all" data-testid="report-grand-total">{n(report.total)}</span>),
        ]}
      />
      <NumbersTable
        caption={t("quarterly.byCategory")}
        headers={[t("dash.category"), t("dash.count")]}
        rows={[
          ...report.byCategory.map((r) => [referenceLabel(PPKS_CATEGORIES, r.category, lang), <Count key={r.category} n={r.n} to={referralsLink(period, { category: r.category })} data-category={r.category} />]),
          totalRow(t("common.total"), n(report.total)),
        ]}
      />
    </section>
  );
}

export function PlacedSection({ report }: { report: Report }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="panel" data-testid="report-placed">
      <h2>{t("quarterly.placed")}</h2>
      <NumbersTable
        headers={[t("panti.col.name"), t("dash.count")]}
        rows={[
          ...report.placedByPanti.map((r) => [r.name, <Count key={r.pantiId} n={r.n} to={referralsLink(report.period, { placed: 1, panti: r.pantiId })} data-panti={String(r.pantiId)} />]),
          totalRow(t("common.total"), formatNumber(lang, report.placedTotal)),
        ]}
      />
    </section>
  );
}

export function OutcomesSection({ report }: { report: Report }) {
  const t = useT();
  const lang = useLang();
  const { period } = report;
  return (
    <section className="panel" data-testid="report-outcomes">
      <h2>{t("period.outcomes")}</h2>
      <NumbersTable
        headers={[t("dash.outcome"), t("dash.count")]}
        rows={[
          [t("quarterly.returnedFamily"), <Count key="f" n={report.returnedFamily} to={staysLink(period, "returned_family")} data-testid="returned-family" />],
          [t("quarterly.repatriated"), <Count key="r" n={report.repatriated} to={staysLink(period, "repatriated_home_region")} data-testid="repatriated" />],
        ]}
      />
      <NumbersTable
        caption={`${t("period.returnedByMonth")} · ${t("period.repatriatedByMonth")}`}
        headers={[t("dash.month"), t("quarterly.returnedFamily"), t("quarterly.repatriated")]}
        rows={[
          ...report.months.map((m, i) => {
            const part = monthWithin(period, m);
            return [
              formatMonth(lang, m, true),
              <Count key="f" n={report.returnedFamilyByMonth[i]!.n} to={staysLink(part, "returned_family")} />,
              <Count key="r" n={report.repatriatedByMonth[i]!.n} to={staysLink(part, "repatriated_home_region")} data-repatriated-month={m} />,
            ];
          }),
          totalRow(t("common.total"), formatNumber(lang, report.returnedFamily), formatNumber(lang, report.repatriated)),
        ]}
      />
      <NumbersTable
        caption={t("period.repatriatedByProvince")}
        headers={[t("period.province"), t("dash.count")]}
        rows={[
          ...report.repatriatedByProvince.map((r) => [r.province ?? t("period.unknown"), <span key="n" data-province={r.province ?? ""}>{formatNumber(lang, r.n)}</span>]),
          totalRow(t("common.total"), formatNumber(lang, report.repatriated)),
        ]}
      />
    </section>
  );
}

export function CapacitySection({ report }: { report: Report }) {
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  const { perPanti, total, at, current } = report.capacity;
  return (
    <section className="panel" data-testid="report-capacity">
      <h2>{t("period.capacity")}</h2>
      <p className="muted small">{current ? t("period.capacity.now") : t("period.capacity.at", { date: formatDateTime(lang, at) })}</p>
      <NumbersTable
        headers={[t("panti.col.name"), t("occ.capacity"), t("occ.census"), t("occ.overflow"), t("occ.occupancy")]}
        rows={[
          ...perPanti.map((p) => [p.name, n(p.occupancy.capacity), <span key="c" data-census-panti={String(p.id)}>{n(p.occupancy.census)}</span>, n(p.occupancy.overflow), formatPercent(lang, p.occupancy.occupancyPct)]),
          totalRow(
            t("common.total"),
            <span key="cap" data-testid="capacity-total">{n(total.capacity)}</span>,
            <span key="census" data-testid="census-total">{n(total.census)}</span>,
            n(total.overflow),
            formatPercent(lang, total.occupancyPct),
          ),
        ]}
      />
    </section>
  );
}

/** Every block of the report, in the order Dinsos publishes them. */
export function PeriodReportBody({ report }: { report: Report }) {
  const t = useT();
  return (
    <div className="report-body">
      <ReachedSection report={report} />
      <div className="grid-2">
        <PlacedSection report={report} />
        <OutcomesSection report={report} />
      </div>
      <CapacitySection report={report} />
      <p className="muted small">{t("quarterly.source")}</p>
    </div>
  );
}

/** The report's downloads (CSV, XLSX) and its print button. */
export function ReportActions({ dataset, search }: { dataset: string; search: string }) {
  const t = useT();
  return (
    <div className="no-print report-actions">
      <DownloadLinks dataset={dataset} search={search} />
      <button type="button" className="secondary" onClick={() => window.print()}>
        {t("common.print")}
      </button>
    </div>
  );
}
