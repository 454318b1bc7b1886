import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { STALE_IDLE_DAYS, staleStayListFilterSchema } from "~/domain/exits";
import { scopeFor } from "~/domain/permissions";
import { staleStays } from "~/queries/exits.server";
import { requirePermission } from "~/utils/auth.server";
import { formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { EmptyRow, TableScroll } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import { DownloadLinks } from "~/components/ui/download-links";
import { PageHeader } from "~/components/ui/page-header";
import { Pager } from "~/components/ui/pager";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("exits", "exports", "handoffs", "placements");

export const meta = pageTitle("title.data_quality");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "stay:exit");
  const filter = staleStayListFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { ...staleStays(user, new Date(), filter.page), scoped: scopeFor(user, "stay:exit").kind !== "all" };
}

export default function StaleStaysPage() {
  const { rows, total, page, pageCount, scoped } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <PageHeader
        title={t("stale.title")}
        intro={t("stale.intro", { days: STALE_IDLE_DAYS })}
        actions={<DownloadLinks dataset="stale-stays" named />}
      />
      <p className="muted small" data-testid="stale-stays-total">
        {t("common.showing", { shown: formatNumber(lang, rows.length), total: formatNumber(lang, total) })}
      </p>
      <TableScroll label={t("stale.title")}>
        <table data-testid="stale-stays">
          <thead>
            <tr>
              <th scope="col">{t("exit.resident")}</th>
              {!scoped ? <th scope="col">{t("panti.col.name")}</th> : null}
              <th scope="col">{t("exit.admittedAt")}</th>
              <th scope="col" className="num">{t("stale.days")}</th>
              <th scope="col">{t("stale.lastActivity")}</th>
              <th scope="col">{t("common.actions")}</th>
            </tr>
          </thead>
          <tbody>
            <EmptyRow when={rows.length === 0} colSpan={6}>
              {t("stale.empty")}
            </EmptyRow>
            {rows.map((r) => (
              <tr key={r.stayId}>
                <td>
                  {r.displayName}
                  {r.bedId == null ? <span className="badge over"> {t("stale.noBed")}</span> : null}
                </td>
                {!scoped ? <td>{r.pantiName}</td> : null}
                <td>
                  <Instant value={r.admittedAt} />
                </td>
                <td className="num">{r.days}</td>
                <td>{r.lastActivity ? <Instant value={r.lastActivity} /> : t("stale.never")}</td>
                <td>
                  <Link to={`/panti/${r.pantiId}/stays/${r.stayId}/exit`}>{t("resident.exit")}</Link> ·{" "}
                  <Link to={`/panti/${r.pantiId}/stays/${r.stayId}/move`}>{t("resident.actions")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pager page={page} pages={pageCount} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
