import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { residentFiltersSchema, WORKING_STAGES } from "~/domain/case-file";
import { canOnPanti } from "~/domain/permissions";
import { EXIT_OUTCOMES, referenceLabel } from "~/domain/reference";
import { residentsOfPanti } from "~/queries/case-file.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { daysBetween, formatDate, formatNumber, translator } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import { Field } from "~/components/forms/field";
import { TableScroll } from "~/components/ui/data-table";
import { FilterBar, FilterSelect } from "~/components/ui/filter-bar";
import { PageHeader } from "~/components/ui/page-header";
import { CountedPager, useCountLabel } from "~/components/ui/pager";
import { langOf, titleOf } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile", "safeguarding");

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const residents = translator(langOf(matches))("panti.residents");
  return [{ title: titleOf(matches, "panti.residents", data ? `${data.panti.name} — ${residents}` : null) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId } = idParams(params, "pantiId");
  const user = await requirePermission(request, "case:read", pantiId);
  const filters = residentFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = residentsOfPanti(user, pantiId, filters);
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
  const { panti, rows, total, totalExact, page, pages, filters, now, canViewPanti, canSessions } = useLoaderData<typeof loader>();
  const countLabel = useCountLabel();
  const t = useT();
  const lang = useLang();
  const exited = filters.status === "exited";

  return (
    <>
      <PageHeader
        title={t("residents.title")}
        intro={t("residents.intro")}
        crumbs={[
          { to: "/panti", label: t("nav.panti") },
          { to: canViewPanti ? `/panti/${panti.id}` : undefined, label: panti.name },
        ]}
        actions={
          <>
            {canViewPanti ? (
              <Link className="button secondary" to={`/panti/${panti.id}`}>
                {t("residents.bedBoard")}
              </Link>
            ) : null}
            <Link className="button secondary" to={`/panti/${panti.id}/sessions`}>
              {t("residents.sessions")}
            </Link>
            <Link className="button secondary" to={`/panti/${panti.id}/consents`}>
              {t("consent.expiredList.title")}
            </Link>
            {canSessions ? (
              <Link className="button" to={`/panti/${panti.id}/sessions/new`}>
                {t("psychosocial.recordGroup")}
              </Link>
            ) : null}
          </>
        }
      />

      <FilterBar>
        <Field id="q" label={t("common.search")}>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={t("residents.search")} />
        </Field>
        <Field id="status" label={t("residents.status")}>
          <select id="status" name="status" defaultValue={filters.status}>
            <option value="open">{t("residents.status.open")}</option>
            <option value="exited">{t("residents.status.exited")}</option>
          </select>
        </Field>
        <FilterSelect
          id="stage"
          name="stage"
          label={t("residents.stage")}
          value={filters.stage}
          options={WORKING_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
        />
      </FilterBar>

      <p className="muted small" data-testid="residents-total">
        {t("common.showing", { shown: formatNumber(lang, rows.length), total: countLabel(total, totalExact) })}
      </p>
      {rows.length ? (
        <TableScroll label={t("residents.title")}>
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
                      {r.age != null ? ` · ${t(r.ageEstimated ? "caseFile.identity.ageEstimated" : "caseFile.identity.ageYears", { n: r.age })}` : ""}
                      {r.nik ? ` · ${r.nik}` : ""}
                    </div>
                    {r.description ? <div className="small description-snippet">{r.description}</div> : null}
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
        </TableScroll>
      ) : (
        <p className="muted">{t("residents.empty")}</p>
      )}
      <CountedPager page={page} pageCount={pages} total={total} totalExact={totalExact} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
