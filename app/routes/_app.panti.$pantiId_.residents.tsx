import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { residentFiltersSchema, WORKING_STAGES } from "~/domain/case-file";
import { canOnPanti } from "~/domain/permissions";
import { EXIT_OUTCOMES, referenceLabel } from "~/domain/reference";
import { residentsOfPanti } from "~/queries/case-file.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { daysBetween, formatDate, formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.panti.name ?? "Penghuni"} — Penghuni — Panti` }];

const paramsSchema = z.object({ pantiId: z.coerce.number().int().positive() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ids = paramsSchema.safeParse(params);
  if (!ids.success) throw notFound();
  const { pantiId } = ids.data;
  const user = await requirePermission(request, "case:read", pantiId);
  const filters = residentFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = residentsOfPanti(pantiId, filters);
  if (!list) throw notFound();
  return {
    ...list,
    filters,
    now: new Date(),
    canViewPanti: canOnPanti(user, "panti:view", pantiId),
    canSessions: canOnPanti(user, "psychosocial:write", pantiId),
  };
}

export default function ResidentsPage() {
  const { panti, rows, total, page, pages, filters, now, canViewPanti, canSessions } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const exited = filters.status === "exited";
  const pageLink = (p: number) => {
    const params = new URLSearchParams();
    if (filters.q) params.set("q", filters.q);
    if (filters.stage) params.set("stage", filters.stage);
    if (exited) params.set("status", "exited");
    if (p > 1) params.set("page", String(p));
    const qs = params.toString();
    return `/panti/${panti.id}/residents${qs ? `?${qs}` : ""}`;
  };

  return (
    <>
      <div className="page-header">
        <div>
          <div className="breadcrumb">
            <Link to="/panti">{t("nav.panti")}</Link> / {canViewPanti ? <Link to={`/panti/${panti.id}`}>{panti.name}</Link> : panti.name}
          </div>
          <h1>{t("residents.title")}</h1>
          <p className="muted">{t("residents.intro")}</p>
        </div>
        <div className="case-actions">
          {canViewPanti ? (
            <Link className="button secondary" to={`/panti/${panti.id}`}>
              {t("residents.bedBoard")}
            </Link>
          ) : null}
          <Link className="button secondary" to={`/panti/${panti.id}/sessions`}>
            {t("residents.sessions")}
          </Link>
          {canSessions ? (
            <Link className="button" to={`/panti/${panti.id}/sessions/new`}>
              {t("psychosocial.recordGroup")}
            </Link>
          ) : null}
        </div>
      </div>

      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="q">{t("common.search")}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={t("residents.search")} />
        </div>
        <div className="field">
          <label htmlFor="status">{t("residents.status")}</label>
          <select id="status" name="status" defaultValue={filters.status}>
            <option value="open">{t("residents.status.open")}</option>
            <option value="exited">{t("residents.status.exited")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="stage">{t("residents.stage")}</label>
          <select id="stage" name="stage" defaultValue={filters.stage ?? ""}>
            <option value="">{t("common.all")}</option>
            {WORKING_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stage.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("common.apply")}
        </button>
      </Form>

      <p className="muted small" data-testid="residents-total">
        {t("common.showing", { shown: formatNumber(lang, rows.length), total: formatNumber(lang, total) })}
      </p>
      {rows.length ? (
        <div className="table-wrap">
          <table data-testid="residents">
            <thead>
              <tr>
                <th>{t("residents.col.name")}</th>
                <th>{t("residents.col.admitted")}</th>
                {exited ? (
                  <>
                    <th>{t("residents.col.exited")}</th>
                    <th>{t("residents.col.outcome")}</th>
                  </>
                ) : (
                  <>
                    <th className="num">{t("residents.col.days")}</th>
                    <th>{t("residents.col.stage")}</th>
                    <th>{t("residents.col.bed")}</th>
                  </>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.stayId} data-testid="resident-row" data-stay={r.stayId}>
                  <td>
                    <Link to={`/panti/${panti.id}/stays/${r.stayId}`}>{r.displayName}</Link>{" "}
                    {r.unidentified ? <span className="badge full">{t("caseFile.unidentified")}</span> : null}
                    {r.reentry ? <span className="badge info">{t("caseFile.reentry")}</span> : null}
                    {r.familyLocated ? <span className="badge ok">{t("caseFile.family.located")}</span> : null}
                    <div className="muted small">
                      {t(`sex.${r.sex}`)}
                      {r.nik ? ` · ${r.nik}` : ""}
                    </div>
                  </td>
                  <td>{formatDate(lang, r.admittedAt)}</td>
                  {exited ? (
                    <>
                      <td>{formatDate(lang, r.exitedAt)}</td>
                      <td>{referenceLabel(EXIT_OUTCOMES, r.exitOutcome, lang)}</td>
                    </>
                  ) : (
                    <>
                      <td className="num">{t("common.days", { n: daysBetween(r.admittedAt, now) })}</td>
                      <td data-col="stage">{t(`stage.${r.stage}`)}</td>
                      <td>{r.bedLabel ?? "–"}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("residents.empty")}</p>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label="Pagination">
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("common.previous")}</Link> : null}
          <span>
            {page} / {pages}
          </span>
          {page < pages ? <Link to={pageLink(page + 1)}>{t("common.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
