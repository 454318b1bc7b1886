import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { canOnPanti, scopeFor } from "~/domain/permissions";
import { EXIT_OUTCOMES, referenceLabel } from "~/domain/reference";
import { stayLengthDays } from "~/domain/measures";
import { resolveFilter, stayListFilterSchema } from "~/domain/reports";
import { stayList } from "~/queries/reports.server";
import { requirePermission } from "~/utils/auth.server";
import { formatCalendarDate, formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { EmptyRow, TableScroll } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import { PageHeader } from "~/components/ui/page-header";
import { CountedPager, useCountLabel } from "~/components/ui/pager";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("dashboard", "exits", "handoffs", "measures", "placements");

export const meta = pageTitle("title.stays");

/** The list behind a dashboard bar (exits by outcome, length of stay by type, re-entries). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "report:read");
  const input = stayListFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const filter = resolveFilter(input, new Date(), scopeFor(user, "report:read"));
  const list = stayList(user, { ...filter, outcome: input.outcome, reentry: input.reentry === "1", page: input.page });
  return {
    ...list,
    rows: list.rows.map((r) => ({
      ...r,
      canOpen: canOnPanti(user, "stay:exit", r.pantiId),
      days: r.exitedAt ? stayLengthDays(r.admittedAt, r.exitedAt) : null,
    })),
    filter,
    outcome: input.outcome ?? null,
    reentry: input.reentry === "1",
    via: input.via ?? null,
  };
}

export default function StayListPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const countLabel = useCountLabel();
  return (
    <>
      <PageHeader
        title={`${data.reentry ? t("dash.reentry") : data.outcome ? referenceLabel(EXIT_OUTCOMES, data.outcome, lang) : t("dash.exits")}${
          data.filter.type ? ` · ${t(`pantiType.${data.filter.type}`)}` : ""
        }`}
        crumbs={
          data.via === "length-of-stay"
            ? [
                { to: "/reports", label: t("nav.reports") },
                { to: `/reports/length-of-stay?from=${data.filter.from}&to=${data.filter.to}`, label: t("title.length_of_stay") },
              ]
            : [{ to: `/dashboard?from=${data.filter.from}&to=${data.filter.to}`, label: `← ${t("nav.dashboard")}` }]
        }
        intro={`${t("dash.filter.period", {
          from: formatCalendarDate(lang, data.filter.from),
          to: formatCalendarDate(lang, data.filter.to),
        })} · ${countLabel(data.total, data.totalExact)}`}
      />
      <TableScroll label={t("dash.exits")}>
        <table data-testid="stay-list">
          <thead>
            <tr>
              <th scope="col">{t("exit.resident")}</th>
              <th scope="col">{t("panti.col.name")}</th>
              <th scope="col">{t("exit.admittedAt")}</th>
              <th scope="col">{t("followUps.exit")}</th>
              <th scope="col" className="num">{t("los.col.days")}</th>
              <th scope="col">{t("dash.outcome")}</th>
              <th scope="col">{t("exit.handover.receiver")}</th>
            </tr>
          </thead>
          <tbody>
            <EmptyRow when={data.rows.length === 0} colSpan={7}>
              {t("dash.noData")}
            </EmptyRow>
            {data.rows.map((r) => (
              <tr key={r.stayId}>
                <td>
                  {r.canOpen ? <Link to={`/panti/${r.pantiId}/stays/${r.stayId}/exit`}>{r.displayName}</Link> : r.displayName}
                  {r.reentry ? <span className="badge full"> {t("placement.returning")}</span> : null}
                </td>
                <td>{r.pantiName}</td>
                <td>
                  <Instant value={r.admittedAt} />
                </td>
                <td>
                  <Instant value={r.exitedAt} />
                </td>
                <td className="num">{r.days == null ? "–" : formatNumber(lang, r.days)}</td>
                <td>{referenceLabel(EXIT_OUTCOMES, r.outcome, lang)}</td>
                <td className="small">{r.destination ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <CountedPager page={data.page} pageCount={data.pageCount} total={data.total} totalExact={data.totalExact} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
