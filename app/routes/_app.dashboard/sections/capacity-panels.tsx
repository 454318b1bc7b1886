import { Link } from "@remix-run/react";
import { formatDayShort } from "~/utils/calendar-labels";
import { formatCalendarDate, formatNumber, formatPercent } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { BarPanel, LinePanel, type BarDatum } from "~/components/charts/lazy-charts";
import { DownloadLinks } from "~/components/ui/download-links";
import { NumbersTable } from "~/components/ui/numbers-table";
import type { PanelProps } from "~/routes/_app.dashboard/route";

/** Capacity and census per panti (chart), per type and kota, and the over-capacity ranking. */
export function CapacityPanel({ data, period }: PanelProps) {
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  const capacityData: BarDatum[] = data.capacity.perPanti.map((p) => ({
    label: p.name.replace(/^Panti Sosial /, ""),
    href: `/panti/${p.id}`,
    capacity: p.capacity,
    census: p.census,
  }));
  return (
    <section className="panel" aria-labelledby="p-capacity">
      <div className="panel-header">
        <h2 id="p-capacity">{t("dash.capacity")}</h2>
        <DownloadLinks dataset="capacity" search={`?${period}`} />
      </div>
      <BarPanel
        data={capacityData}
        series={[
          { key: "capacity", label: t("occ.capacity") },
          { key: "census", label: t("occ.census") },
        ]}
        layout="vertical"
        height={Math.max(160, capacityData.length * 34)}
        ariaLabel={t("dash.capacity")}
      />
      <div className="grid-2">
        <NumbersTable
          caption={t("dash.capacityType")}
          headers={[t("dash.type"), t("occ.capacity"), t("occ.census"), t("occ.occupancy")]}
          rows={data.capacity.perType.map((g) => [t.dynamic(`pantiType.${g.key}`), n(g.capacity), n(g.census), formatPercent(lang, g.occupancyPct)])}
        />
        <NumbersTable
          caption={t("dash.capacityKota")}
          headers={[t("panti.col.kota"), t("occ.capacity"), t("occ.census"), t("occ.occupancy")]}
          rows={data.capacity.perKota.map((g) => [g.key === "-" ? t("kota.outside") : g.key, n(g.capacity), n(g.census), formatPercent(lang, g.occupancyPct)])}
        />
      </div>
      <NumbersTable
        caption={t("dash.overRanking")}
        headers={[t("panti.col.name"), t("occ.capacity"), t("occ.census"), t("occ.overflow"), t("occ.occupancy")]}
        rows={data.capacity.overCapacity.map((r) => [
          <Link key={r.id} to={`/panti/${r.id}`}>
            {r.name}
          </Link>,
          n(r.capacity),
          n(r.census),
          n(r.overflow),
          formatPercent(lang, r.occupancyPct),
        ])}
      />
    </section>
  );
}

/** The census day by day (by week over a long period), and the last two weeks as figures. */
export function CensusPanel({ data, period }: PanelProps) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="panel" aria-labelledby="p-census">
      <div className="panel-header">
        <h2 id="p-census">{t("dash.census")}</h2>
        <DownloadLinks dataset="census" search={`?${period}`} />
      </div>
      <p className="muted small">{t("dash.census.note")}</p>
      <LinePanel data={data.census.map((r) => ({ ...r, dayLabel: formatDayShort(lang, r.day) }))} xKey="dayLabel" yKey="census" label={t("occ.census")} ariaLabel={t("dash.census")} />
      <NumbersTable headers={[t("dash.day"), t("occ.census")]} rows={data.census.slice(-14).map((r) => [formatCalendarDate(lang, r.day), formatNumber(lang, r.census)])} />
    </section>
  );
}
