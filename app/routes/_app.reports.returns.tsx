import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RETURN_WINDOWS, measurePeriodState, returnsQuerySchema, type ReturnFigures, type ReturnWindow } from "~/domain/measures";
import { scopeFor } from "~/domain/permissions";
import { EXIT_OUTCOMES, referenceLabel } from "~/domain/reference";
import { returnsPeople, returnsReport } from "~/queries/measures.server";
import { requirePermission } from "~/utils/auth.server";
import { formatCalendarDate, formatNumber, formatPercent } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-i18n";
import { CountLink, EmptyRow, MeasureHeader, PeopleTable, PeriodFilter } from "~/components/measures/measure-page";
import { TableScroll } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("dashboard", "exits", "exports", "handoffs", "measures");

export const meta = pageTitle("title.returns");

/** Returns after a positive exit (SPM 2), or (with `show`) the people behind one figure. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "report:read");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const state = measurePeriodState(params, new Date());
  const drill = returnsQuerySchema.parse(params);
  const base = { state, drill, scoped: scopeFor(user, "report:read").kind !== "all" };
  if (!state.period) return data({ ...base, report: null, people: null }, { status: 400 });
  if (!drill.show) return data({ ...base, report: returnsReport(user, state.period), people: null });
  return data({ ...base, report: null, people: returnsPeople(user, state.period, drill).list });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ReturnsPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const reportHref = `/reports/returns?${new URLSearchParams(d.state.period ?? {}).toString()}`;
  const drillTitle = d.drill.show ? drillLabel(d, t, lang) : null;
  return (
    <>
      <MeasureHeader
        title={drillTitle ?? t("title.returns")}
        intro={d.drill.show ? undefined : t("returns.intro")}
        dataset={d.state.period ? "returns" : undefined}
        crumbs={drillTitle ? [{ to: reportHref, label: t("title.returns") }] : [{ label: t("title.returns") }]}
      />
      <PeriodFilter state={d.state} keep={{ show: d.drill.show, window: d.drill.window, outcome: d.drill.outcome, type: d.drill.type }}>
        {(["show", "window", "outcome", "type"] as const).map((k) => (d.drill[k] ? <input key={k} type="hidden" name={k} value={d.drill[k]} /> : null))}
      </PeriodFilter>
      {d.report ? (
        <>
          <p className="muted small">{t("returns.asOf", { date: formatCalendarDate(lang, d.report.today) })}</p>
          <ReturnsTable
            d={d}
            caption={t("measures.byOutcome")}
            first={t("dash.outcome")}
            testId="returns-by-outcome"
            rows={d.report.byOutcome.map((r) => ({ label: referenceLabel(EXIT_OUTCOMES, r.key, lang), filter: { outcome: r.key }, figures: r }))}
            total={d.report.total}
          />
          <ReturnsTable
            d={d}
            caption={t("measures.byType")}
            first={t("dash.type")}
            testId="returns-by-type"
            rows={d.report.byType.map((r) => ({ label: t.dynamic(`pantiType.${r.key}`), filter: { type: r.key }, figures: r }))}
            total={d.report.total}
          />
        </>
      ) : null}
      {d.people ? <ReturnsPeople d={d} people={d.people} /> : null}
    </>
  );
}

function drillLabel(d: LoaderData, t: ReturnType<typeof useT>, lang: "id" | "en") {
  const parts = [d.drill.show === "returned" && d.drill.window ? t(`returns.window.${d.drill.window}`) : t(`returns.list.${d.drill.show === "eligible" ? "eligible" : "exits"}`)];
  if (d.drill.outcome) parts.push(referenceLabel(EXIT_OUTCOMES, d.drill.outcome, lang));
  if (d.drill.type) parts.push(t.dynamic(`pantiType.${d.drill.type}`));
  return parts.join(" · ");
}

function ReturnsTable({
  d,
  caption,
  first,
  rows,
  total,
  testId,
}: {
  d: LoaderData;
  caption: string;
  first: string;
  rows: { label: string; filter: { outcome?: string; type?: string }; figures: ReturnFigures }[];
  total: ReturnFigures;
  testId: string;
}) {
  const t = useT();
  const href = (filter: Record<string, string | undefined>) => {
    const params = new URLSearchParams(d.state.period!);
    for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
    return `/reports/returns?${params.toString()}`;
  };
  const line = (key: string, label: string, filter: { outcome?: string; type?: string }, f: ReturnFigures) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      <td className="num">
        <CountLink n={f.exits} to={href({ ...filter, show: "exits" })} testId={`${testId}-${key}-exits`} />
      </td>
      {RETURN_WINDOWS.map((w) => (
        <td key={w.key} className="num">
          <WindowCell figures={f} window={w.key} returnedHref={href({ ...filter, show: "returned", window: w.key })} eligibleHref={href({ ...filter, show: "eligible", window: w.key })} testId={`${testId}-${key}-${w.key}`} />
        </td>
      ))}
    </tr>
  );
  return (
    <section className="card">
      <h2>{caption}</h2>
      <TableScroll label={caption}>
        <table data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{first}</th>
              <th scope="col" className="num">{t("returns.exits")}</th>
              {RETURN_WINDOWS.map((w) => (
                <th key={w.key} scope="col" className="num">{t(`returns.window.${w.key}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? <EmptyRow text={t("dash.noData")} colSpan={6} /> : null}
            {rows.map((r) => line(r.filter.outcome ?? r.filter.type ?? "", r.label, r.filter, r.figures))}
          </tbody>
          <tfoot>{line("total", t("measures.total"), {}, total)}</tfoot>
        </table>
      </TableScroll>
    </section>
  );
}

/** "3 of 40 (7.5%)", the number of exits whose window is still open, or "window not yet complete". */
function WindowCell({ figures, window, returnedHref, eligibleHref, testId }: { figures: ReturnFigures; window: ReturnWindow; returnedHref: string; eligibleHref: string; testId: string }) {
  const t = useT();
  const lang = useLang();
  const f = figures[window];
  if (f.eligible === 0) return <span className="muted small" data-testid={testId}>{figures.exits === 0 ? "–" : t("returns.notComplete")}</span>;
  return (
    <span data-testid={testId}>
      <CountLink n={f.returned} to={returnedHref} testId={`${testId}-returned`} /> / <CountLink n={f.eligible} to={eligibleHref} /> <span className="muted small">({formatPercent(lang, f.pct)})</span>
      {f.pending > 0 ? <span className="muted small"> · {t("returns.pending", { n: formatNumber(lang, f.pending) })}</span> : null}
    </span>
  );
}

function ReturnsPeople({ d, people }: { d: LoaderData; people: NonNullable<LoaderData["people"]> }) {
  const t = useT();
  const lang = useLang();
  return (
    <PeopleTable
      testId="returns-people"
      list={people}
      scoped={d.scoped}
      headers={
        <>
          <th scope="col">{t("dash.outcome")}</th>
          <th scope="col">{t("returns.col.exitedAt")}</th>
          <th scope="col">{t("returns.col.returnedAt")}</th>
          <th scope="col">{t("returns.col.kind")}</th>
          <th scope="col" className="num">{t("returns.col.days")}</th>
        </>
      }
      cells={(r) => (
        <>
          <td>{referenceLabel(EXIT_OUTCOMES, r.outcome, lang)}</td>
          <td>
            <Instant value={r.exitedAt} />
          </td>
          <td>
            <Instant value={r.returnedAt} />
          </td>
          <td>{r.returnKind ? t(`returns.kind.${r.returnKind}`) : "–"}</td>
          <td className="num">{r.returnDays == null ? "–" : formatNumber(lang, r.returnDays)}</td>
        </>
      )}
    />
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
