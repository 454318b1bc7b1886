import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { readLogFilterSchema } from "~/domain/safeguarding";
import { readLogPage } from "~/queries/case-file.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { idParams } from "~/utils/params.server";
import { useT } from "~/utils/use-i18n";
import { EmptyRow, TableScroll } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import { PageHeader } from "~/components/ui/page-header";
import { Pager } from "~/components/ui/pager";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("exports", "safeguarding");

export const meta = pageTitle("title.read_log");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "case:read_log", pantiId);
  const { page } = readLogFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const data = readLogPage(user, pantiId, stayId, page);
  if (!data) throw notFound();
  return data;
}

export default function ReadLogPage() {
  const { stay, person, panti, log } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("readLog.title")} crumbs={caseFileCrumbs(panti, stay, person)} intro={t("readLog.intro")} />
      <TableScroll label={t("readLog.title")} testId="read-log">
        <table>
          <thead>
            <tr>
              <th>{t("readLog.at")}</th>
              <th>{t("readLog.user")}</th>
              <th>{t("readLog.role")}</th>
              <th>{t("readLog.panti")}</th>
              <th>{t("readLog.page")}</th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((r) => (
              <tr key={r.id} data-testid="read-row">
                <td>
                  <Instant value={r.at} withTime />
                </td>
                <td>
                  {r.userName} <span className="muted small">({r.username})</span>
                </td>
                <td>{t(`role.${r.role}`)}</td>
                <td>{r.pantiName ?? "–"}</td>
                <td>
                  {t(`readPage.${r.page}`)}
                  {r.restricted ? <span className="badge full small"> {t("readLog.restricted")}</span> : null}
                </td>
              </tr>
            ))}
            <EmptyRow when={log.rows.length === 0} colSpan={5}>
              {t("readLog.empty")}
            </EmptyRow>
          </tbody>
        </table>
      </TableScroll>
      <Pager page={log.page} pages={log.pages} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
