import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PANTI_TYPES } from "~/domain/enums";
import { pantiScope } from "~/domain/permissions";
import { EXIT_OUTCOMES, OUTREACH_UNITS, PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import { LOS_BUCKETS, reportFilterSchema, resolveFilter, WAIT_BUCKETS } from "~/domain/reports";
import { occupancyByPanti, pantiKotaOptions } from "~/queries/occupancy.server";
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
import { formatDate, formatNumber, formatPercent } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { BarPanel, LinePanel, type BarDatum } from "~/components/charts/charts";
import { DownloadLinks } from "~/components/ui/download-links";
import { NumbersTable } from "~/components/ui/numbers-table";
import { Stat } from "~/components/ui/stat";

export const meta: MetaFunction = () => [{ title: "Dasbor — Panti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "report:read");
  const scope = pantiScope(user, "report:read");
  const url = new URL(request.url);
  const filter = resolveFilter(reportFilterSchema.parse(Object.fromEntries(url.searchParams)), new Date(), scope);
  const census = censusHistory(filter);
  // A long period is drawn by week (the table keeps every day's figure in the download).
  const step = census.length > 400 ? 7 : 1;
  return {
    filter,
    scoped: scope != null,
    pantiOptions: scope == null ? occupancyByPanti({ pantiId: null }).map((p) => ({ id: p.id, name: p.name })) : [],
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

export default function DashboardPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  const { filter } = data;
  const period = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.kota) period.set("kota", filter.kota);
  if (filter.type) period.set("type", filter.type);
  if (filter.pantiId && !data.scoped) period.set("panti", String(filter.pantiId));
  const search = `?${period}`;

  const capacityData: BarDatum[] = data.capacity.perPanti.map((p) => ({
    label: p.name.replace(/^Panti Sosial /, ""),
    href: `/panti/${p.id}`,
    capacity: p.capacity,
    census: p.census,
  }));
  const months = [...new Set(data.intake.byUnit.map((r) => r.month))].sort();
  const units = [...new Set(data.intake.byUnit.map((r) => r.unit ?? "-"))];
  const intakeData: BarDatum[] = months.map((m) => ({
    label: m,
    ...Object.fromEntries(units.map((u) => [u, data.intake.byUnit.find((r) => r.month === m && (r.unit ?? "-") === u)?.n ?? 0])),
  }));
  const exitData: BarDatum[] = data.exits.byOutcome.map((r) => ({
    label: referenceLabel(EXIT_OUTCOMES, r.outcome, lang),
    href: `/reports/stays?outcome=${r.outcome}&${period}`,
    n: r.n,
  }));
  const losData: BarDatum[] = data.los.map((r) => ({
    label: t(`pantiType.${r.type}`),
    href: `/reports/stays?${period}&type=${r.type}`,
    ...Object.fromEntries(LOS_BUCKETS.map((b) => [b.key, Number((r as Record<string, unknown>)[b.key] ?? 0)])),
  }));
  const waitingData: BarDatum[] = data.waiting.byPanti.slice(0, 15).map((r) => ({
    label: r.name.replace(/^Panti Sosial /, ""),
    href: `/placements?status=pending&panti=${r.pantiId}`,
    n: r.n,
  }));

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{data.scoped ? t("dash.title.panti") : t("dash.title")}</h1>
          <p>{data.scoped ? t("dash.intro.panti") : t("dash.intro")}</p>
        </div>
        <Link className="button secondary" to="/reports/quarterly">
          {t("nav.quarterly")}
        </Link>
      </div>

      <Form method="get" className="filters card no-print" data-testid="dashboard-filters">
        <div className="field">
          <label htmlFor="from">{t("dash.filter.from")}</label>
          <input id="from" name="from" type="date" defaultValue={filter.from} />
        </div>
        <div className="field">
          <label htmlFor="to">{t("dash.filter.to")}</label>
          <input id="to" name="to" type="date" defaultValue={filter.to} />
        </div>
        {!data.scoped ? (
          <>
            <div className="field">
              <label htmlFor="kota">{t("panti.filter.kota")}</label>
              <select id="kota" name="kota" defaultValue={filter.kota ?? ""}>
                <option value="">{t("common.all")}</option>
                {data.kotaOptions.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="type">{t("panti.filter.type")}</label>
              <select id="type" name="type" defaultValue={filter.type ?? ""}>
                <option value="">{t("common.all")}</option>
                {PANTI_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`pantiType.${type}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="panti">{t("placements.filter.panti")}</label>
              <select id="panti" name="panti" defaultValue={filter.pantiId ?? ""}>
                <option value="">{t("common.all")}</option>
                {data.pantiOptions.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : null}
        <button type="submit">{t("common.apply")}</button>
      </Form>
      <p className="muted small" data-testid="dashboard-period">
        {t("dash.filter.period", { from: formatDate(lang, `${filter.from}T00:00:00+07:00`), to: formatDate(lang, `${filter.to}T00:00:00+07:00`) })}
      </p>

      <div className="stats">
        <Stat label={t("occ.capacity")} value={n(data.capacity.total.capacity)} />
        <Stat label={t("occ.census")} value={n(data.capacity.total.census)} testId="dash-census" />
        <Stat label={t("occ.occupancy")} value={formatPercent(lang, data.capacity.total.occupancyPct)} over={data.capacity.total.overCapacity} />
        <Stat label={t("dash.stat.intake")} value={n(data.intake.total)} testId="dash-intake" />
        <Stat label={t("dash.stat.exits")} value={n(data.exits.total)} testId="dash-exits" />
        <Stat label={t("dash.stat.waiting")} value={n(data.waiting.total)} over={data.waiting.total > 0} />
      </div>

      <section className="panel" aria-labelledby="p-capacity">
        <div className="panel-header">
          <h2 id="p-capacity">{t("dash.capacity")}</h2>
          <DownloadLinks dataset="capacity" search={search} />
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
            rows={data.capacity.perType.map((g) => [t(`pantiType.${g.key}`), n(g.capacity), n(g.census), formatPercent(lang, g.occupancyPct)])}
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

      <section className="panel" aria-labelledby="p-census">
        <div className="panel-header">
          <h2 id="p-census">{t("dash.census")}</h2>
          <DownloadLinks dataset="census" search={search} />
        </div>
        <p className="muted small">{t("dash.census.note")}</p>
        <LinePanel data={data.census} xKey="day" yKey="census" label={t("occ.census")} ariaLabel={t("dash.census")} />
        <NumbersTable
          headers={[t("dash.day"), t("occ.census")]}
          rows={data.census.slice(-14).map((r) => [formatDate(lang, `${r.day}T00:00:00+07:00`), n(r.census)])}
        />
      </section>

      <div className="grid-2">
        <section className="panel" aria-labelledby="p-intake">
          <div className="panel-header">
            <h2 id="p-intake">{t("dash.intake")}</h2>
            <DownloadLinks dataset="intake" search={search} />
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
                headers={[t("dash.unit"), ...months]}
                rows={units.map((u) => [
                  <Link key={u} to={`/placements?unit=${u}`}>
                    {referenceLabel(OUTREACH_UNITS, u, lang)}
                  </Link>,
                  ...months.map((m) => n(data.intake.byUnit.find((r) => r.month === m && (r.unit ?? "-") === u)?.n ?? 0)),
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

        <section className="panel" aria-labelledby="p-exits">
          <div className="panel-header">
            <h2 id="p-exits">{t("dash.exits")}</h2>
            <DownloadLinks dataset="exits" search={search} />
          </div>
          {data.exits.total === 0 ? (
            <p className="muted">{t("dash.noData")}</p>
          ) : (
            <>
              <p>
                <strong data-testid="positive-pct">
                  {t("dash.exits.positive", { pct: formatPercent(lang, data.exits.positivePct), n: n(data.exits.total) })}
                </strong>
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
      </div>

      <section className="panel" aria-labelledby="p-los">
        <div className="panel-header">
          <h2 id="p-los">{t("dash.los")}</h2>
          <DownloadLinks dataset="length-of-stay" search={search} />
        </div>
        {data.los.length === 0 ? (
          <p className="muted">{t("dash.noData")}</p>
        ) : (
          <>
            <BarPanel
              data={losData}
              series={LOS_BUCKETS.map((b) => ({ key: b.key, label: t(`dash.los.${b.key}`), stack: "los" }))}
              ariaLabel={t("dash.los")}
            />
            <NumbersTable
              headers={[t("dash.type"), t("dash.los.n"), t("dash.los.median"), ...LOS_BUCKETS.map((b) => t(`dash.los.${b.key}`))]}
              rows={data.los.map((r) => [
                t(`pantiType.${r.type}`),
                n(r.n),
                r.median != null ? formatNumber(lang, r.median, 1) : "–",
                ...LOS_BUCKETS.map((b) => n(Number((r as Record<string, unknown>)[b.key] ?? 0))),
              ])}
            />
          </>
        )}
      </section>

      <div className="grid-2">
        <section className="panel" aria-labelledby="p-waiting">
          <div className="panel-header">
            <h2 id="p-waiting">{t("dash.waiting")}</h2>
            <DownloadLinks dataset="waiting" search={search} />
          </div>
          {data.waiting.total === 0 ? (
            <p className="muted">{t("dash.noData")}</p>
          ) : (
            <>
              <BarPanel data={waitingData} series={[{ key: "n", label: t("dash.count") }]} layout="vertical" height={Math.max(140, waitingData.length * 30)} ariaLabel={t("dash.waiting")} />
              <NumbersTable
                headers={WAIT_BUCKETS.map((b) => t(`dash.wait.${b.key}`))}
                rows={[data.waiting.byAge.map((b) => n(b.n))]}
              />
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

        <section className="panel" aria-labelledby="p-reentry">
          <h2 id="p-reentry">{t("dash.reentry")}</h2>
          <p data-testid="reentry">
            {t("dash.reentry.text", {
              n: n(data.reentry.reentries),
              total: n(data.reentry.admissions),
              pct: formatPercent(lang, data.reentry.ratePct),
            })}
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
      </div>
    </>
  );
}

