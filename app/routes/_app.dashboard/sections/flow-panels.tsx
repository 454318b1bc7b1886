import { Link } from "@remix-run/react";
import { EXIT_OUTCOMES, OUTREACH_UNITS, PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import { formatMonthShort } from "~/utils/calendar-labels";
import { formatNumber, formatPercent } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { BarPanel, type BarDatum } from "~/components/charts/lazy-charts";
import { DownloadLinks } from "~/components/ui/download-links";
import { NumbersTable } from "~/components/ui/numbers-table";
import type { PanelProps } from "~/routes/_app.dashboard/route";

/** Intake by month and outreach unit (stacked), and by PPKS category. */
export function IntakePanel({ data, period }: PanelProps) {
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  const months = [...new Set(data.intake.byUnit.map((r) => r.month))].sort();
  const units = [...new Set(data.intake.byUnit.map((r) => r.unit ?? "-"))];
  const count = (month: string, unit: string) => data.intake.byUnit.find((r) => r.month === month && (r.unit ?? "-") === unit)?.n ?? 0;
  const intakeData: BarDatum[] = months.map((m) => ({ label: formatMonthShort(lang, m), ...Object.fromEntries(units.map((u) => [u, count(m, u)])) }));
  return (
    <section className="panel" aria-labelledby="p-intake">
      <div className="panel-header">
        <h2 id="p-intake">{t("dash.intake")}</h2>
        <DownloadLinks dataset="intake" search={`?${period}`} />
      </div>
      {data.intake.total === 0 ? (
        <p className="muted">{t("dash.noData")}</p>
      ) : (
        <>
          <BarPanel
            data={intakeData}
            series={units.map((u) => ({ key: u, label: referenceLabel(OUTREACH_UNITS, u, lang), stack: "units" }))}
            ariaLabel={t("dash.intake")}
          />
          <NumbersTable
            headers={[t("dash.unit"), ...months.map((m) => formatMonthShort(lang, m))]}
            rows={units.map((u) => [
              <Link key={u} to={`/placements?unit=${u}`}>
                {referenceLabel(OUTREACH_UNITS, u, lang)}
              </Link>,
              ...months.map((m) => n(count(m, u))),
            ])}
          />
          <NumbersTable
            caption={t("dash.intakeCategory")}
            headers={[t("dash.category"), t("dash.count")]}
            rows={data.intake.byCategory.map((r) => [referenceLabel(PPKS_CATEGORIES, r.category, lang), n(r.n)])}
          />
        </>
      )}
    </section>
  );
}

/** Exits by outcome, with the share of positive ones; each outcome opens its list of stays. */
export function ExitsPanel({ data, period }: PanelProps) {
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  const exitData: BarDatum[] = data.exits.byOutcome.map((r) => ({
    label: referenceLabel(EXIT_OUTCOMES, r.outcome, lang),
    href: `/reports/stays?outcome=${r.outcome}&${period}`,
    n: r.n,
  }));
  return (
    <section className="panel" aria-labelledby="p-exits">
      <div className="panel-header">
        <h2 id="p-exits">{t("dash.exits")}</h2>
        <DownloadLinks dataset="exits" search={`?${period}`} />
      </div>
      {data.exits.total === 0 ? (
        <p className="muted">{t("dash.noData")}</p>
      ) : (
        <>
          <p>
            <strong data-testid="positive-pct">{t("dash.exits.positive", { pct: formatPercent(lang, data.exits.positivePct), n: n(data.exits.total) })}</strong>
          </p>
          <BarPanel data={exitData} series={[{ key: "n", label: t("dash.count") }]} layout="vertical" height={Math.max(160, exitData.length * 30)} ariaLabel={t("dash.exits")} />
          <NumbersTable
            headers={[t("dash.outcome"), t("dash.count"), t("dash.positive")]}
            rows={data.exits.byOutcome.map((r) => [
              <Link key={r.outcome} to={`/reports/stays?outcome=${r.outcome}&${period}`}>
                {referenceLabel(EXIT_OUTCOMES, r.outcome, lang)}
              </Link>,
              n(r.n),
              r.positive ? t("common.yes") : "",
            ])}
          />
        </>
      )}
    </section>
  );
}
