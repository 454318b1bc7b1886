import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TRACING_REQUEST_STATUSES, type TracingRequestStatus } from "~/domain/handoffs";
import { tracingRequestList } from "~/queries/handoffs.server";
import { requirePermission } from "~/utils/auth.server";
import { useT } from "~/utils/use-i18n";
import { ColumnHeads, TableScroll } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import { FilterBar, FilterSelect } from "~/components/ui/filter-bar";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("exits", "handoffs", "provinces");

export const meta = pageTitle("title.tracing_requests");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "handoff:read");
  const raw = new URL(request.url).searchParams.get("status") ?? "";
  const status = (TRACING_REQUEST_STATUSES as readonly string[]).includes(raw) ? (raw as TracingRequestStatus) : undefined;
  return { rows: tracingRequestList(user, { status }), status };
}

export default function TracingRequestsPage() {
  const { rows, status } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("tracing.list.title")} intro={t("tracing.list.intro")} crumbs={[{ to: "/handoffs", label: t("handoff.list.title") }]} />
      <FilterBar>
        <FilterSelect name="status" label={t("handoff.filter.status")} value={status} options={TRACING_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`tracing.status.${s}`) }))} />
      </FilterBar>
      {rows.length === 0 ? (
        <p className="muted">{t("tracing.list.empty")}</p>
      ) : (
        <TableScroll label={t("tracing.list.title")} testId="tracing-list">
          <table>
            <ColumnHeads labels={[t("tracing.field.description"), t("handoff.filter.direction"), t("handoff.partner"), t("handoff.filter.status"), t("tracing.sentAt")]} />
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/tracing-requests/${r.id}`}>{r.packet.description.slice(0, 80)}</Link>
                  </td>
                  <td>{t(`tracing.direction.${r.direction}`)}</td>
                  <td>{r.partnerName}</td>
                  <td>{t(`tracing.status.${r.status}`)}</td>
                  <td>
                    <Instant value={r.createdAt} withTime />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
