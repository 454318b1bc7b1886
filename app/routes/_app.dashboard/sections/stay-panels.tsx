import { Link } from "@remix-run/react";
import { LOS_BUCKETS, WAIT_BUCKETS } from "~/domain/buckets";
import { formatNumber, formatPercent } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { BarPanel, type BarDatum } from "~/components/charts/lazy-charts";
import { DownloadLinks } from "~/components/ui/download-links";
import { NumbersTable } from "~/components/ui/numbers-table";
import type { PanelProps } from "~/routes/_app.dashboard/route";

/** How many of a type's stays fall in each length-of-stay bucket. */
function bucket(row: object, key: string): number {
  return Number((row as Record<string, unknown>)[key] ?? 0);
}

/** Length of stay by panti type (stacked buckets) and its median. */
export function LengthOfStayPanel({ data, period }: PanelProps) {
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  const losData: BarDatum[] = data.los.map((r) => ({
    label: t.dynamic(`pantiType.${r.type}`),
    href: `/reports/stays?${period}&type=${r.type}`,
    ...Object.fromEntries(LOS_BUCKETS.map((b) => [b.key, bucket(r, b.key)])),
  }));
  return (
    <section className="panel" aria-labelledby="p-los">
      <div className="panel-header">
        <h2 id="p-los">{t("dash.los")}</h2>
        <DownloadLinks dataset="length-of-stay" search={`?${period}`} />
      </div>
      {data.los.length === 0 ? (
        <p className="muted">{t("dash.noData")}</p>
      ) : (
        <>
          {/* Bars lying down: every type's name fits beside its bar. */}
          <BarPanel
            data={losData}
            layout="vertical"
            height={Math.max(220, 36 * losData.length + 80)}
            series={LOS_BUCKETS.map((b) => ({ key: b.key, label: t(`dash.los.${b.key}`), stack: "los" }))}
            ariaLabel={t("dash.los")}
          />
          <NumbersTable
            headers={[t("dash.type"), t("dash.los.n"), t("dash.los.median"), ...LOS_BUCKETS.map((b) => t(`dash.los.${b.key}`))]}
            rows={data.los.map((r) => [
              t.dynamic(`pantiType.${r.type}`),
              n(r.n),
              r.median != null ? formatNumber(lang, r.median, 1) : "–",
              ...LOS_BUCKETS.map((b) => n(bucket(r, b.key))),
            ])}
          />
        </>
      )}
    </section>
  );
}

/** Placements waiting for a panti: by panti (chart and table) and by how long they have waited. */
export function WaitingPanel({ data, period }: PanelProps) {
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  const waitingData: BarDatum[] = data.waiting.byPanti.slice(0, 15).map((r) => ({
    label: r.name.replace(/^Panti Sosial /, ""),
    href: `/placements?status=pending&panti=${r.pantiId}`,
    n: r.n,
  }));
  return (
    <section className="panel" aria-labelledby="p-waiting">
      <div className="panel-header">
        <h2 id="p-waiting">{t("dash.waiting")}</h2>
        <DownloadLinks dataset="waiting" search={`?${period}`} />
      </div>
      {data.waiting.total === 0 ? (
        <p className="muted">{t("dash.noData")}</p>
      ) : (
        <>
          <BarPanel data={waitingData} series={[{ key: "n", label: t("dash.count") }]} layout="vertical" height={Math.max(140, waitingData.length * 30)} ariaLabel={t("dash.waiting")} />
          <NumbersTable headers={WAIT_BUCKETS.map((b) => t(`dash.wait.${b.key}`))} rows={[data.waiting.byAge.map((b) => n(b.n))]} />
          <NumbersTable
            headers={[t("panti.col.name"), t("dash.count"), t("dash.wait.oldest")]}
            rows={data.waiting.byPanti.map((r) => [
              <Link key={r.pantiId} to={`/placements?status=pending&panti=${r.pantiId}`}>
                {r.name}
              </Link>,
              n(r.n),
              n(r.oldestDays),
            ])}
          />
        </>
      )}
    </section>
  );
}

/** Re-entries among the admissions, and the training programmes' figures. */
export function ReentryPanel({ data, period }: PanelProps) {
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  return (
    <section className="panel" aria-labelledby="p-reentry">
      <h2 id="p-reentry">{t("dash.reentry")}</h2>
      <p data-testid="reentry">
        {t("dash.reentry.text", { n: n(data.reentry.reentries), total: n(data.reentry.admissions), pct: formatPercent(lang, data.reentry.ratePct) })}
      </p>
      {data.reentry.reentries > 0 ? <Link to={`/reports/stays?reentry=1&${period}`}>{t("placements.open")} →</Link> : null}
      {data.programmes.length > 0 ? (
        <>
          <h2>{t("dash.programmes")}</h2>
          <NumbersTable
            headers={[t("dash.category"), t("dash.programmes.enrolled"), t("dash.programmes.completed"), t("dash.programmes.left")]}
            rows={data.programmes.map((p) => [lang === "en" ? p.nameEn : p.nameId, n(p.enrolled), n(p.completed), n(p.left)])}
          />
        </>
      ) : null}
    </section>
  );
}
