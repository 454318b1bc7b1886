import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { canOnPanti, scopeFor } from "~/domain/permissions";
import { acknowledgeSchema, INCIDENT_SEVERITIES, INCIDENT_TYPES, incidentListFilterSchema, needsAttention } from "~/domain/safeguarding";
import { incidentReport } from "~/queries/safeguarding.server";
import { acknowledgeIncident } from "~/services/safeguarding.server";
import { requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { formatNumber, translator } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { FormError } from "~/components/forms/field";
import { EmptyRow, TableScroll } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import { FilterBar, FilterDate, FilterSelect } from "~/components/ui/filter-bar";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { Pager } from "~/components/ui/pager";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("exports", "safeguarding");

export const meta = pageTitle("title.incidents");

/** Incidents per panti and type, and the list behind them, in the reader's report scope. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "report:read");
  const filter = incidentListFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const report = incidentReport(user, filter);
  const now = new Date();
  return {
    ...report,
    rows: report.rows.map((r) => ({ ...r, canAcknowledge: needsAttention(r, now) && canOnPanti(user, "incident:acknowledge", r.pantiId) })),
    filter,
    everyPanti: scopeFor(user, "report:read").kind === "all",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "incident:acknowledge");
  const submitted = await submitForm(request, acknowledgeSchema, (input) => acknowledgeIncident(user, input.incidentId));
  if (!submitted.ok) return submitted.response;
  return data({ ok: true as const, message: translator(submitted.lang)("incident.acknowledgedDone") });
}

export default function IncidentsPage() {
  const { counts, rows, total, page, pages, filter, everyPanti } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  return (
    <>
      <PageHeader title={t("incident.title")} intro={t("incident.intro")} />
      <Flash message={actionData?.ok ? actionData.message : null} />
      <FormError message={actionData && !actionData.ok ? actionData.formError : undefined} />
      <FilterBar testId="incident-filters">
        {everyPanti ? (
          <FilterSelect name="pantiId" label={t("incident.panti")} value={filter.pantiId} options={counts.map((c) => ({ value: c.pantiId, label: c.pantiName }))} />
        ) : null}
        <FilterSelect name="type" label={t("incident.type")} value={filter.type} options={INCIDENT_TYPES.map((v) => ({ value: v, label: t(`incidentType.${v}`) }))} />
        <FilterSelect
          name="severity"
          label={t("incident.severity")}
          value={filter.severity}
          options={INCIDENT_SEVERITIES.map((v) => ({ value: v, label: t(`severity.${v}`) }))}
        />
        <FilterDate name="from" label={t("incident.filter.from")} value={filter.from} />
        <FilterDate name="to" label={t("incident.filter.to")} value={filter.to} />
      </FilterBar>

      <section className="card">
        <h2>{t("incident.counts.title")}</h2>
        <IncidentCountsTable counts={counts} />
      </section>

      <section className="card">
        <h2>
          {t("incident.list.title")} ({n(total)})
        </h2>
        <TableScroll label={t("incident.list.title")}>
          <table data-testid="incident-list">
            <thead>
              <tr>
                <th scope="col">{t("incident.occurredAt")}</th>
                <th scope="col">{t("incident.panti")}</th>
                <th scope="col">{t("incident.resident")}</th>
                <th scope="col">{t("incident.type")}</th>
                <th scope="col">{t("incident.severity")}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="incident-row">
                  <td>
                    <Instant value={r.occurredAt} withTime />
                  </td>
                  <td>{r.pantiName}</td>
                  <td>{r.canOpen ? <Link to={`/panti/${r.pantiId}/stays/${r.stayId}`}>{r.displayName}</Link> : r.displayName}</td>
                  <td>{t(`incidentType.${r.type}`)}</td>
                  <td>{t(`severity.${r.severity}`)}</td>
                  <td>
                    {r.acknowledgedAt ? (
                      <span className="badge ok">{t("incident.acknowledged")}</span>
                    ) : r.canAcknowledge ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="acknowledge" />
                        <input type="hidden" name="incidentId" value={r.id} />
                        <button type="submit" className="secondary small">
                          {t("incident.acknowledge")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
              <EmptyRow when={rows.length === 0} colSpan={6}>
                {t("incident.none")}
              </EmptyRow>
            </tbody>
          </table>
        </TableScroll>
        <Pager page={page} pages={pages} />
      </section>
    </>
  );
}

type Counts = ReturnType<typeof useLoaderData<typeof loader>>["counts"];

/** Incidents per panti (rows) and type (columns), with totals: also linked from the dashboard. */
function IncidentCountsTable({ counts }: { counts: Counts }) {
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  return (
    <TableScroll label={t("incident.counts.title")} testId="incident-counts">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("incident.panti")}</th>
            {INCIDENT_TYPES.map((type) => (
              <th key={type} scope="col" className="num">
                {t(`incidentType.${type}`)}
              </th>
            ))}
            <th scope="col" className="num">
              {t("incident.counts.total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => (
            <tr key={c.pantiId}>
              <td>
                <Link to={`?pantiId=${c.pantiId}`}>{c.pantiName}</Link>
              </td>
              {INCIDENT_TYPES.map((type) => (
                <td key={type} className="num">
                  {c.counts[type] ? <Link to={`?pantiId=${c.pantiId}&type=${type}`}>{n(c.counts[type])}</Link> : n(0)}
                </td>
              ))}
              <td className="num">{n(c.total)}</td>
            </tr>
          ))}
          <EmptyRow when={counts.length === 0} colSpan={INCIDENT_TYPES.length + 2}>
            {t("incident.none")}
          </EmptyRow>
        </tbody>
      </table>
    </TableScroll>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
