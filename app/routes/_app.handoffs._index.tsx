import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { HANDOFF_DIRECTIONS, HANDOFF_STATUSES } from "~/domain/handoffs";
import { handoffList, parseHandoffFilters } from "~/queries/handoffs.server";
import { requirePermission } from "~/utils/auth.server";
import { useT } from "~/utils/use-i18n";
import { ColumnHeads, TableScroll } from "~/components/ui/data-table";
import { CalendarDate, Instant } from "~/components/ui/dates";
import { FilterBar, FilterSelect } from "~/components/ui/filter-bar";
import { PageHeader } from "~/components/ui/page-header";
import { Pager } from "~/components/ui/pager";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("exits", "handoffs", "provinces");

export const meta = pageTitle("title.handoffs");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "handoff:read");
  const filters = parseHandoffFilters(new URL(request.url).searchParams);
  return { ...handoffList(user, filters), filters };
}

export default function HandoffsPage() {
  const { rows, page, pages, partners, filters, canSeeOutbox } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader
        title={t("handoff.list.title")}
        intro={t("handoff.list.intro")}
        actions={
          <>
            <Link to="/handoffs/report">{t("handoff.report.title")}</Link>
            <Link to="/tracing-requests">{t("tracing.list.title")}</Link>
            {canSeeOutbox ? <Link to="/handoffs/outbox">{t("outbox.title")}</Link> : null}
          </>
        }
      />
      <FilterBar>
        <FilterSelect name="direction" label={t("handoff.filter.direction")} value={filters.direction} options={HANDOFF_DIRECTIONS.map((d) => ({ value: d, label: t(`handoff.direction.${d}`) }))} />
        <FilterSelect name="status" label={t("handoff.filter.status")} value={filters.status} options={HANDOFF_STATUSES.map((s) => ({ value: s, label: t(`handoff.status.${s}`) }))} />
        <FilterSelect name="partner" label={t("handoff.partner")} value={filters.partner} options={partners.map((p) => ({ value: p.code, label: p.name }))} />
      </FilterBar>
      {rows.length === 0 ? (
        <p className="muted">{t("handoff.list.empty")}</p>
      ) : (
        <TableScroll label={t("handoff.list.title")} testId="handoff-list">
          <table>
            <ColumnHeads labels={[t("handoff.person"), t("handoff.filter.direction"), t("handoff.partner"), t("handoff.panti"), t("handoff.filter.status"), t("handoff.field.plannedDate"), t("handoff.age")]} />
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/handoffs/${r.id}`}>{r.personName}</Link>
                  </td>
                  <td>{t(`handoff.direction.${r.direction}`)}</td>
                  <td>{r.partnerName}</td>
                  <td>{r.pantiName ?? "–"}</td>
                  <td>
                    <span className={`badge handoff-${r.status}`}>{t(`handoff.status.${r.status}`)}</span>
                    <div className="muted small">
                      <Instant value={r.statusChangedAt} withTime />
                    </div>
                  </td>
                  <td>
                    <CalendarDate value={r.plannedDate} />
                  </td>
                  <td>{t("common.days", { n: r.ageDays })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager page={page} pages={pages} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
