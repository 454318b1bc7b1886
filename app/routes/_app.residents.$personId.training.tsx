import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { trainingHistory } from "~/queries/programmes.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { formatPercent } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import { TableScroll } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("programmes");

export const meta = pageTitle("title.training_history");

/**
 * A person's training history across every panti and stay (it follows them on transfer). Dinsos
 * sees everything; panti staff see the entries of classes they may read, and a count of the rest.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { personId } = idParams(params, "personId");
  const user = await requirePermission(request, "class:read");
  const history = trainingHistory(user, personId);
  if (!history) throw notFound();
  return history;
}

export default function TrainingHistoryPage() {
  const { person, entries, hidden } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <PageHeader title={`${t("training.title")}: ${person.name}`} crumbs={[{ to: "/classes", label: t("nav.classes") }]} intro={t("training.intro")} />
      {hidden > 0 ? (
        <div className="alert info" data-testid="training-hidden">
          {t("training.hidden", { n: hidden })}
        </div>
      ) : null}
      {entries.length === 0 ? (
        <p className="card muted">{t("training.empty")}</p>
      ) : (
        <TableScroll label={t("training.title")}>
          <table data-testid="training-history">
            <thead>
              <tr>
                <th scope="col">{t("training.col.class")}</th>
                <th scope="col">{t("training.col.panti")}</th>
                <th scope="col">{t("training.col.period")}</th>
                <th scope="col">{t("training.col.status")}</th>
                <th scope="col" className="num">
                  {t("training.col.rate")}
                </th>
                <th scope="col">{t("training.col.progress")}</th>
                <th scope="col">{t("training.col.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid="training-entry" data-class={e.classId}>
                  <td>
                    <Link to={`/classes/${e.classId}/enrolments/${e.id}`}>{e.className}</Link>
                    <div className="muted small">{lang === "en" ? e.programmeNameEn : e.programmeNameId}</div>
                  </td>
                  <td>{e.pantiName}</td>
                  <td>
                    <Instant value={e.enrolledAt} />
                    {e.endedAt ? (
                      <>
                        {" – "}
                        <Instant value={e.endedAt} />
                      </>
                    ) : null}
                  </td>
                  <td>
                    <span className={`badge ${e.status === "completed" ? "ok" : e.status === "active" ? "info" : "muted"}`}>{t(`enrolment.status.${e.status}`)}</span>
                    {e.certificateNumber ? (
                      <div className="small">
                        <Link to={`/classes/${e.classId}/enrolments/${e.id}/certificate`}>{e.certificateNumber}</Link>
                      </div>
                    ) : null}
                  </td>
                  <td className="num">
                    {formatPercent(lang, e.rate)}
                    {e.low ? <span className="badge over"> ⚠</span> : null}
                  </td>
                  <td>
                    {e.progress.competent}/{e.progress.total}
                  </td>
                  <td>
                    {e.outcome ? t(`outcome.${e.outcome}`) : "–"}
                    {e.outcomeNotes ? <div className="muted small">{e.outcomeNotes}</div> : null}
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
