import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { measurePeriodState, type LengthStats } from "~/domain/measures";
import { EXIT_OUTCOMES, referenceLabel } from "~/domain/reference";
import { lengthOfStayReport } from "~/queries/measures.server";
import { requirePermission } from "~/utils/auth.server";
import { formatNumber } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-i18n";
import { CountLink, MeasureHeader, PeriodFilter } from "~/components/measures/measure-page";
import { NumbersTable } from "~/components/ui/numbers-table";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("dashboard", "exits", "exports", "handoffs", "measures");

export const meta = pageTitle("title.length_of_stay");

/** Length of stay of the stays that ended in the period, by outcome and by panti type. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "report:read");
  const state = measurePeriodState(Object.fromEntries(new URL(request.url).searchParams), new Date());
  if (!state.period) return data({ state, report: null }, { status: 400 });
  return data({ state, report: lengthOfStayReport(user, state.period) });
}

export default function LengthOfStayPage() {
  const { state, report } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const days = (v: number | null) => (v == null ? "–" : formatNumber(lang, v, 1));
  // The stays behind a count: the list of /reports/stays, filtered the same way.
  const staysHref = (filter: { outcome?: string; type?: string }) => {
    const params = new URLSearchParams({ ...state.period!, ...filter, via: "length-of-stay" });
    return `/reports/stays?${params.toString()}`;
  };
  const headers = (first: string) => [first, t("los.col.n"), t("los.col.median"), t("los.col.mean"), t("los.col.p90")];
  const cells = (row: LengthStats, to: string | null, testId: string) => [
    to ? <CountLink n={row.n} to={to} testId={testId} /> : formatNumber(lang, row.n),
    days(row.median),
    days(row.mean),
    days(row.p90),
  ];
  return (
    <>
      <MeasureHeader title={t("title.length_of_stay")} intro={t("los.intro")} dataset={state.period ? "length-of-stay-measures" : undefined} crumbs={[{ label: t("title.length_of_stay") }]} />
      <PeriodFilter state={state} />
      {report ? (
        <div data-testid="los-report">
          <section className="card">
            <h2>{t("measures.byOutcome")}</h2>
            <NumbersTable
              headers={headers(t("dash.outcome"))}
              rows={[
                ...report.byOutcome.map((r) => [
                  r.key ? referenceLabel(EXIT_OUTCOMES, r.key, lang) : t("measures.noOutcome"),
                  ...cells(r, r.key ? staysHref({ outcome: r.key }) : null, `los-outcome-${r.key}`),
                ]),
                [<strong key="total">{t("measures.total")}</strong>, ...cells(report.total, staysHref({}), "los-total")],
              ]}
            />
          </section>
          <section className="card">
            <h2>{t("measures.byType")}</h2>
            <NumbersTable
              headers={headers(t("dash.type"))}
              rows={[
                ...report.byType.map((r) => [t.dynamic(`pantiType.${r.key}`), ...cells(r, staysHref({ type: r.key }), `los-type-${r.key}`)]),
                [<strong key="total">{t("measures.total")}</strong>, ...cells(report.total, staysHref({}), "los-type-total")],
              ]}
            />
          </section>
        </div>
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
