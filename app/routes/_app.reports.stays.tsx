import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { canOnPanti, pantiScope } from "~/domain/permissions";
import { EXIT_OUTCOMES, referenceLabel } from "~/domain/reference";
import { resolveFilter, stayListFilterSchema } from "~/domain/reports";
import { stayList } from "~/queries/reports.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";

export const meta: MetaFunction = () => [{ title: "Daftar masa tinggal — Panti" }];

/** The list behind a dashboard bar (exits by outcome, length of stay by type, re-entries). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "report:read");
  const scope = pantiScope(user, "report:read");
  const input = stayListFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const filter = resolveFilter(input, new Date(), scope);
  const list = stayList({ ...filter, outcome: input.outcome, reentry: input.reentry === "1", page: input.page });
  return {
    ...list,
    rows: list.rows.map((r) => ({ ...r, canOpen: canOnPanti(user, "stay:exit", r.pantiId) })),
    filter,
    outcome: input.outcome ?? null,
    reentry: input.reentry === "1",
  };
}

export default function StayListPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const pageLink = (page: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(page));
    return `?${params}`;
  };
  return (
    <>
      <div className="page-header">
        <div>
          <div className="breadcrumb">
            <Link to={`/dashboard?from=${data.filter.from}&to=${data.filter.to}`}>← {t("nav.dashboard")}</Link>
          </div>
          <h1>
            {data.reentry ? t("dash.reentry") : data.outcome ? referenceLabel(EXIT_OUTCOMES, data.outcome, lang) : t("dash.exits")}
            {data.filter.type ? ` · ${t(`pantiType.${data.filter.type}`)}` : ""}
          </h1>
          <p>
            {t("dash.filter.period", {
              from: formatDate(lang, `${data.filter.from}T00:00:00+07:00`),
              to: formatDate(lang, `${data.filter.to}T00:00:00+07:00`),
            })}{" "}
            · {formatNumber(lang, data.total)}
          </p>
        </div>
      </div>
      <div className="table-wrap">
        <table data-testid="stay-list">
          <thead>
            <tr>
              <th scope="col">{t("exit.resident")}</th>
              <th scope="col">{t("panti.col.name")}</th>
              <th scope="col">{t("exit.admittedAt")}</th>
              <th scope="col">{t("followUps.exit")}</th>
              <th scope="col">{t("dash.outcome")}</th>
              <th scope="col">{t("exit.handover.receiver")}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.length === 0 ? (
              <tr>
                <td colSpan={6} className="muted">
                  {t("dash.noData")}
                </td>
              </tr>
            ) : null}
            {data.rows.map((r) => (
              <tr key={r.stayId}>
                <td>
                  {r.canOpen ? <Link to={`/panti/${r.pantiId}/stays/${r.stayId}/exit`}>{r.displayName}</Link> : r.displayName}
                  {r.reentry ? <span className="badge full"> {t("placement.returning")}</span> : null}
                </td>
                <td>{r.pantiName}</td>
                <td>{formatDate(lang, r.admittedAt)}</td>
                <td>{formatDate(lang, r.exitedAt)}</td>
                <td>{referenceLabel(EXIT_OUTCOMES, r.outcome, lang)}</td>
                <td className="small">{r.destination ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.pageCount > 1 ? (
        <nav className="filters" style={{ marginTop: "0.75rem" }} aria-label="pagination">
          {data.page > 1 ? <Link to={pageLink(data.page - 1)}>← {t("common.previous")}</Link> : null}
          <span className="muted">{t("placements.page", { page: data.page, pages: data.pageCount })}</span>
          {data.page < data.pageCount ? <Link to={pageLink(data.page + 1)}>{t("common.next")} →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
