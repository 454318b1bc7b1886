import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { PSYCHOSOCIAL_SERVICES, sessionFiltersSchema } from "~/domain/case-file";
import { canOnPanti } from "~/domain/permissions";
import { referenceLabel } from "~/domain/reference";
import { sessionsOfPanti } from "~/queries/case-file.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { formatDateTime, formatNumber } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import { TableScroll } from "~/components/ui/data-table";
import { FilterBar, FilterSelect } from "~/components/ui/filter-bar";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { Pager } from "~/components/ui/pager";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile");

export const meta = pageTitle("title.psychosocial_session");

/** The panti's psychosocial sessions: what took place, never the confidential notes. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId } = idParams(params, "pantiId");
  const user = await requirePermission(request, "case:read", pantiId);
  const filters = sessionFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = sessionsOfPanti(user, pantiId, { serviceCode: filters.service, page: filters.page });
  if (!list) throw notFound();
  return { ...list, service: filters.service ?? "", canRecord: canOnPanti(user, "psychosocial:write", pantiId) };
}

export default function SessionsPage() {
  const { panti, rows, total, page, pages, service, canRecord } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const t = useT();
  const lang = useLang();

  return (
    <>
      <PageHeader
        title={t("psychosocial.list.title")}
        intro={t("psychosocial.list.intro")}
        crumbs={[
          { to: "/panti", label: t("nav.panti") },
          { to: `/panti/${panti.id}/residents`, label: panti.name },
        ]}
        actions={
          canRecord ? (
            <Link className="button" to={`/panti/${panti.id}/sessions/new`}>
              {t("psychosocial.recordGroup")}
            </Link>
          ) : null
        }
      />
      <Flash message={search.get("saved") ? t("caseFile.saved.session") : null} />
      <FilterBar>
        <FilterSelect
          id="service"
          name="service"
          label={t("psychosocial.service")}
          value={service}
          options={PSYCHOSOCIAL_SERVICES.map((s) => ({ value: s.code, label: lang === "en" ? s.nameEn : s.nameId }))}
        />
      </FilterBar>
      <p className="muted small">{t("common.showing", { shown: formatNumber(lang, rows.length), total: formatNumber(lang, total) })}</p>
      {rows.length ? (
        <TableScroll label={t("psychosocial.list.title")}>
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
        </TableScroll>
      ) : (
        <p className="muted">{t("psychosocial.none")}</p>
      )}
      <Pager page={page} pages={pages} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
