import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { handoffReport } from "~/queries/handoffs.server";
import { requirePermission } from "~/utils/auth.server";
import { formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { ColumnHeads, TableScroll } from "~/components/ui/data-table";
import { PageHeader } from "~/components/ui/page-header";
import { Stat } from "~/components/ui/stat";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("handoffs");

export const meta = pageTitle("title.handoff_report");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "handoff:read");
  return handoffReport(user);
}

export default function HandoffReportPage() {
  const report = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const n = (value: number) => formatNumber(lang, value);
  return (
    <>
      <PageHeader title={t("handoff.report.title")} intro={t("handoff.report.intro")} crumbs={[{ to: "/handoffs", label: t("handoff.list.title") }]} />
      <div className="stats" data-testid="handoff-report-stats">
        <Stat label={t("handoff.report.arrivedGood")} value={`${n(report.outgoingArrivals.good)} / ${n(report.outgoingArrivals.total)}`} testId="report-arrived-good" />
        <Stat label={t("handoff.report.receivedGood")} value={`${n(report.incomingArrivals.good)} / ${n(report.incomingArrivals.total)}`} />
        <Stat label={t("handoff.report.received")} value={n(report.receivedFrom.reduce((s, r) => s + r.n, 0))} />
        <Stat label={t("handoff.report.openTracing")} value={n(report.openTracing.reduce((s, r) => s + r.n, 0))} />
      </div>
      <section className="card">
        <h2>{t("handoff.report.byPartner")}</h2>
        <TableScroll label={t("handoff.report.byPartner")} testId="report-by-partner">
          <table>
            <ColumnHeads labels={[t("handoff.filter.direction"), t("handoff.partner"), t("handoff.filter.status"), t("handoff.report.count"), t("handoff.report.oldest")]} />
            <tbody>
              {report.byPartner.map((r) => (
                <tr key={`${r.direction}-${r.partnerCode}-${r.status}`} data-partner={r.partnerCode} data-status={r.status}>
                  <td>{t(`handoff.direction.${r.direction}`)}</td>
                  <td>{r.partnerName}</td>
                  <td>{t(`handoff.status.${r.status}`)}</td>
                  <td>{n(r.n)}</td>
                  <td>{r.oldestDays != null ? t("common.days", { n: r.oldestDays }) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <div className="grid-2">
        <section className="card">
          <h2>{t("handoff.report.received")}</h2>
          <ul className="plain-list">
            {report.receivedFrom.map((r) => (
              <li key={r.partnerName}>
                {r.partnerName}: {n(r.n)}
              </li>
            ))}
          </ul>
        </section>
        <section className="card">
          <h2>{t("handoff.report.openTracing")}</h2>
          <ul className="plain-list">
            {report.openTracing.map((r) => (
              <li key={`${r.direction}-${r.partnerName}`}>
                {t(`tracing.direction.${r.direction}`)} · {r.partnerName}: {n(r.n)}
                {r.oldestDays != null ? ` (${t("handoff.report.oldest")}: ${t("common.days", { n: r.oldestDays })})` : ""}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
