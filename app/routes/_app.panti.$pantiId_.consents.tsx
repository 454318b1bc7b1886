import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { expiredConsentsOfPanti } from "~/queries/case-file.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { idParams } from "~/utils/params.server";
import { useT } from "~/utils/use-i18n";
import { EmptyRow, TableScroll } from "~/components/ui/data-table";
import { CalendarDate } from "~/components/ui/dates";
import { DownloadLinks } from "~/components/ui/download-links";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile", "exports", "safeguarding");

export const meta = pageTitle("title.consent");

/** The panti's current residents whose latest consent for a purpose has expired. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId } = idParams(params, "pantiId");
  const user = await requirePermission(request, "case:read", pantiId);
  const data = expiredConsentsOfPanti(user, pantiId);
  if (!data) throw notFound();
  return data;
}

export default function ExpiredConsentsPage() {
  const { panti, rows } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader
        title={t("consent.expiredList.title")}
        intro={t("consent.expiredList.intro")}
        crumbs={[
          { to: `/panti/${panti.id}`, label: panti.name },
          { to: `/panti/${panti.id}/residents`, label: t("caseFile.residents") },
        ]}
      >
        <DownloadLinks dataset="consent-missing" search={`?panti=${panti.id}`} named />
      </PageHeader>
      <TableScroll label={t("consent.expiredList.title")}>
        <table data-testid="expired-consents">
          <thead>
            <tr>
              <th scope="col">{t("incident.resident")}</th>
              <th scope="col">{t("consent.purpose")}</th>
              <th scope="col">{t("consent.decidedOn")}</th>
              <th scope="col">{t("consent.expiresOn")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.stayId}-${r.purpose}`}>
                <td>
                  <Link to={`/panti/${panti.id}/stays/${r.stayId}/consent`}>{r.displayName}</Link>
                </td>
                <td>{t(`consentPurpose.${r.purpose}`)}</td>
                <td>
                  <CalendarDate value={r.decidedOn} />
                </td>
                <td>
                  <CalendarDate value={r.expiresOn} />
                </td>
              </tr>
            ))}
            <EmptyRow when={rows.length === 0} colSpan={4}>
              {t("summary.none")}
            </EmptyRow>
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
