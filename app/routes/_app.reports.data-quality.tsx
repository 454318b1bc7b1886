import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RESIDENT_CHECKS, dataQualityQuerySchema, measurePeriodState, type DataQualityCheck } from "~/domain/measures";
import { checkPanti, scopeFor } from "~/domain/permissions";
import { dataQualityPeople, dataQualityReport } from "~/queries/measures.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { formatNumber } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-i18n";
import { CountShare, MeasureHeader, PeopleTable, PeriodFilter } from "~/components/measures/measure-page";
import { TableScroll } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("dashboard", "exits", "exports", "handoffs", "measures");

export const meta = pageTitle("title.data_quality_report");

/** Data quality per panti, or (with `check`) the people behind one count. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "report:read");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const state = measurePeriodState(params, new Date());
  const query = dataQualityQuerySchema.parse(params);
  // Another panti's id is not a panti admin's to ask about.
  if (query.panti != null && checkPanti(user, "report:read", query.panti) !== "allowed") throw notFound();
  const base = { state, query, scoped: scopeFor(user, "report:read").kind !== "all" };
  if (!state.period) return data({ ...base, report: null, people: null }, { status: 400 });
  if (!query.check) return data({ ...base, report: dataQualityReport(user, state.period, query), people: null });
  return data({ ...base, report: null, people: dataQualityPeople(user, state.period, { ...query, check: query.check }).list });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function DataQualityPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const days = d.query.days ?? d.report?.stageDays ?? 90;
  const checkLabel = (c: DataQualityCheck) => t(`dq.check.${c}`, { days });
  const reportHref = `/reports/data-quality?${new URLSearchParams({ ...(d.state.period ?? {}), ...(d.query.days ? { days: String(d.query.days) } : {}) }).toString()}`;
  return (
    <>
      <MeasureHeader
        title={d.query.check ? checkLabel(d.query.check) : t("dq.title")}
        intro={d.query.check ? undefined : t("dq.intro")}
        dataset={d.state.period ? "data-quality" : undefined}
        crumbs={d.query.check ? [{ to: reportHref, label: t("title.data_quality_report") }] : [{ label: t("title.data_quality_report") }]}
      />
      <PeriodFilter state={d.state} keep={{ days: d.query.days ? String(d.query.days) : undefined, check: d.query.check, panti: d.query.panti ? String(d.query.panti) : undefined }}>
        <div className="field">
          <label htmlFor="days">{t("dq.days")}</label>
          <input id="days" name="days" type="number" min={1} max={3650} defaultValue={days} />
        </div>
        {d.query.check ? <input type="hidden" name="check" value={d.query.check} /> : null}
        {d.query.panti ? <input type="hidden" name="panti" value={d.query.panti} /> : null}
      </PeriodFilter>
      {d.report ? <DataQualityTable d={d} report={d.report} checkLabel={checkLabel} /> : null}
      {d.people ? <PeopleList d={d} people={d.people} /> : null}
    </>
  );
}

function DataQualityTable({ d, report, checkLabel }: { d: LoaderData; report: NonNullable<LoaderData["report"]>; checkLabel: (c: DataQualityCheck) => string }) {
  const t = useT();
  const lang = useLang();
  const href = (check: DataQualityCheck, pantiId?: number) => {
    const params = new URLSearchParams({ ...d.state.period!, check });
    if (d.query.days) params.set("days", String(d.query.days));
    if (pantiId != null) params.set("panti", String(pantiId));
    return `/reports/data-quality?${params.toString()}`;
  };
  const cells = (row: (typeof report.rows)[number] | typeof report.total, pantiId?: number) => (
    <>
      <td className="num">{formatNumber(lang, row.residents)}</td>
      {RESIDENT_CHECKS.map((c) => (
        <td key={c} className="num">
          <CountShare n={row.counts[c]} pct={row.pct[c]} to={href(c, pantiId)} testId={`dq-${c}-${pantiId ?? "total"}`} />
        </td>
      ))}
      <td className="num">{formatNumber(lang, row.admissions)}</td>
      <td className="num">
        <CountShare n={row.counts.late_admission} pct={row.pct.late_admission} to={href("late_admission", pantiId)} testId={`dq-late_admission-${pantiId ?? "total"}`} />
      </td>
      <td className="num">{formatNumber(lang, row.exits)}</td>
      <td className="num">
        <CountShare n={row.counts.late_exit} pct={row.pct.late_exit} to={href("late_exit", pantiId)} testId={`dq-late_exit-${pantiId ?? "total"}`} />
      </td>
    </>
  );
  return (
    <>
      <TableScroll label={t("dq.title")}>
        <table data-testid="data-quality">
          <thead>
            <tr>
              <th scope="col">{t("panti.col.name")}</th>
              <th scope="col" className="num">{t("dq.residents")}</th>
              {RESIDENT_CHECKS.map((c) => (
                <th key={c} scope="col" className="num">{checkLabel(c)}</th>
              ))}
              <th scope="col" className="num">{t("dq.admissions")}</th>
              <th scope="col" className="num">{checkLabel("late_admission")}</th>
              <th scope="col" className="num">{t("dq.exitsInPeriod")}</th>
              <th scope="col" className="num">{checkLabel("late_exit")}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                {cells(r, r.id)}
              </tr>
            ))}
          </tbody>
          {!d.scoped ? (
            <tfoot>
              <tr>
                <th scope="row">{t("measures.total")}</th>
                {cells(report.total)}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </TableScroll>
      <p className="muted small">{t("dq.note")}</p>
    </>
  );
}

function PeopleList({ d, people }: { d: LoaderData; people: NonNullable<LoaderData["people"]> }) {
  const t = useT();
  const lang = useLang();
  const check = d.query.check!;
  const late = !(RESIDENT_CHECKS as readonly string[]).includes(check);
  const showDays = late || check === "no_stage_change" || check === "unidentified";
  return (
    <PeopleTable
      testId="dq-people"
      list={people}
      scoped={d.scoped}
      headers={
        <>
          <th scope="col">{t("exit.admittedAt")}</th>
          {late ? <th scope="col">{t("dq.col.event")}</th> : null}
          {late ? <th scope="col">{t("dq.col.recorded")}</th> : null}
          {check === "no_stage_change" ? <th scope="col">{t("dq.col.since")}</th> : null}
          {showDays ? <th scope="col" className="num">{t("dq.col.days")}</th> : null}
        </>
      }
      cells={(r) => (
        <>
          <td>
            <Instant value={r.admittedAt} />
          </td>
          {late ? (
            <td>
              <Instant value={r.eventAt} />
            </td>
          ) : null}
          {late ? (
            <td>
              <Instant value={r.recordedAt} />
            </td>
          ) : null}
          {check === "no_stage_change" ? (
            <td>
              <Instant value={r.eventAt} />
            </td>
          ) : null}
          {showDays ? <td className="num">{r.days == null ? "–" : formatNumber(lang, r.days)}</td> : null}
        </>
      )}
    />
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
