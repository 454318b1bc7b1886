import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { PSYCHOSOCIAL_SERVICES, sessionFiltersSchema } from "~/domain/case-file";
import { canOnPanti } from "~/domain/permissions";
import { referenceLabel } from "~/domain/reference";
import { sessionsOfPanti } from "~/queries/case-file.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { formatDateTime, formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";

export const meta: MetaFunction = () => [{ title: "Sesi psikososial — Panti" }];

const paramsSchema = z.object({ pantiId: z.coerce.number().int().positive() });

/** The panti's psychosocial sessions: what took place, never the confidential notes. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ids = paramsSchema.safeParse(params);
  if (!ids.success) throw notFound();
  const { pantiId } = ids.data;
  const user = await requirePermission(request, "case:read", pantiId);
  const filters = sessionFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = sessionsOfPanti(pantiId, { serviceCode: filters.service, page: filters.page });
  if (!list) throw notFound();
  return { ...list, service: filters.service ?? "", canRecord: canOnPanti(user, "psychosocial:write", pantiId) };
}

export default function SessionsPage() {
  const { panti, rows, total, page, pages, service, canRecord } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const pageLink = (p: number) => {
    const params = new URLSearchParams();
    if (service) params.set("service", service);
    if (p > 1) params.set("page", String(p));
    const qs = params.toString();
    return `/panti/${panti.id}/sessions${qs ? `?${qs}` : ""}`;
  };

  return (
    <>
      <div className="page-header">
        <div>
          <div className="breadcrumb">
            <Link to="/panti">{t("nav.panti")}</Link> / <Link to={`/panti/${panti.id}/residents`}>{panti.name}</Link>
          </div>
          <h1>{t("psychosocial.list.title")}</h1>
          <p className="muted">{t("psychosocial.list.intro")}</p>
        </div>
        {canRecord ? (
          <Link className="button" to={`/panti/${panti.id}/sessions/new`}>
            {t("psychosocial.recordGroup")}
          </Link>
        ) : null}
      </div>
      {search.get("saved") ? (
        <div className="alert success" role="status">
          {t("caseFile.saved.session")}
        </div>
      ) : null}
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="service">{t("psychosocial.service")}</label>
          <select id="service" name="service" defaultValue={service}>
            <option value="">{t("common.all")}</option>
            {PSYCHOSOCIAL_SERVICES.map((s) => (
              <option key={s.code} value={s.code}>
                {lang === "en" ? s.nameEn : s.nameId}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("common.apply")}
        </button>
      </Form>
      <p className="muted small">{t("common.showing", { shown: formatNumber(lang, rows.length), total: formatNumber(lang, total) })}</p>
      {rows.length ? (
        <div className="table-wrap">
          <table data-testid="panti-sessions">
            <thead>
              <tr>
                <th>{t("common.date")}</th>
                <th>{t("psychosocial.service")}</th>
                <th>{t("psychosocial.provider")}</th>
                <th>{t("psychosocial.participants")}</th>
                <th>{t("psychosocial.summary")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <td>
                    {formatDateTime(lang, s.sessionAt)}
                    <div className="muted small">{t("psychosocial.minutes", { n: s.durationMinutes })}</div>
                  </td>
                  <td>
                    {referenceLabel(PSYCHOSOCIAL_SERVICES, s.serviceCode, lang)}
                    <div className="muted small">{t(`sessionMode.${s.mode}`)}</div>
                  </td>
                  <td>{s.providerName}</td>
                  <td>
                    {s.participants.map((p, i) => (
                      <span key={p.stayId}>
                        {i > 0 ? ", " : ""}
                        <Link to={`/panti/${panti.id}/stays/${p.stayId}/sessions/${s.id}`}>{p.displayName}</Link>
                      </span>
                    ))}
                  </td>
                  <td className="pre">{s.summary ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("psychosocial.none")}</p>
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
