import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { APPROVAL_KINDS, approvalHref, approvalQueueFilterSchema } from "~/domain/approvals";
import { approvalQueue } from "~/queries/approvals.server";
import { requirePermission } from "~/utils/auth.server";
import { formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { ApprovalWaiting } from "~/components/approvals/approval-state";
import { ColumnHeads, EmptyRow, TableScroll } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import { FilterBar, FilterSelect } from "~/components/ui/filter-bar";
import { PageHeader } from "~/components/ui/page-header";
import { Pager } from "~/components/ui/pager";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("approvals");

export const meta = pageTitle("title.approvals");

/** What waits for approval in the actor's scope: a panti admin's own panti, every panti for Dinsos. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "approval:decide");
  const filter = approvalQueueFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { ...approvalQueue(user, filter), filter };
}

export default function ApprovalsPage() {
  const { rows, total, page, pageCount, filter, everyPanti } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const heads = [
    t("approval.queue.kind"),
    t("approval.queue.person"),
    ...(everyPanti ? [t("approval.queue.panti")] : []),
    t("approval.queue.requestedBy"),
    t("approval.queue.waiting"),
    "",
  ];
  return (
    <>
      <PageHeader title={t("title.approvals")} intro={t("approval.queue.intro")} />
      <FilterBar testId="approval-filters">
        <FilterSelect name="kind" label={t("approval.queue.kind")} value={filter.kind} options={APPROVAL_KINDS.map((k) => ({ value: k, label: t(`approval.kind.${k}`) }))} />
      </FilterBar>
      <section className="card">
        <h2>
          {t("approval.home.title")} ({formatNumber(lang, total)})
        </h2>
        <TableScroll label={t("title.approvals")}>
          <table data-testid="approval-queue">
            <ColumnHeads labels={heads} />
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="approval-row" data-kind={r.kind}>
                  <td>
                    {t(`approval.kind.${r.kind}`)}
                    {r.reason ? <span className="muted small"> · {t.dynamic(`approval.reason.${r.reason}`)}</span> : null}
                    {r.level === "dinsos" ? (
                      <>
                        {" "}
                        <span className="badge info">{t("approval.level.dinsos")}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{r.displayName}</td>
                  {everyPanti ? <td>{r.pantiName}</td> : null}
                  <td>
                    {r.requestedByName}
                    <br />
                    <span className="muted small">
                      <Instant value={r.requestedAt} withTime />
                    </span>
                  </td>
                  <td>
                    <ApprovalWaiting waiting={r.waiting} />
                  </td>
                  <td>
                    <Link to={approvalHref(r)} className={r.canDecide ? "button small" : undefined} data-testid="approval-open">
                      {r.canDecide ? t("approval.decide") : t("approval.queue.open")}
                    </Link>
                    {r.canDecide ? null : <span className="muted small"> · {t("approval.queue.notYours")}</span>}
                  </td>
                </tr>
              ))}
              <EmptyRow when={rows.length === 0} colSpan={heads.length}>
                {t("approval.queue.none")}
              </EmptyRow>
            </tbody>
          </table>
        </TableScroll>
        <Pager page={page} pages={pageCount} />
      </section>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
