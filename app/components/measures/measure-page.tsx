import type { ReactNode } from "react";
import { Link, useLocation } from "@remix-run/react";
import type { PeriodError } from "~/domain/measures";
import { formatCalendarDate, formatNumber, formatPercent } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { TableScroll } from "~/components/ui/data-table";
import { DownloadLinks } from "~/components/ui/download-links";
import { FilterBar } from "~/components/ui/filter-bar";
import { PageHeader, type Crumb } from "~/components/ui/page-header";
import { Pager } from "~/components/ui/pager";

/** What a measure page's loader says about its period: the period, or why it was refused. */
export interface PeriodState {
  period: { from: string; to: string } | null;
  error: PeriodError | null;
  /** What the user typed, kept in the form when it was refused. */
  input: { from: string; to: string };
  quick: { key: "last12" | "last24" | "thisYear" | "lastYear"; period: { from: string; to: string } }[];
}

/**
 * The top of a measure page: breadcrumbs (Reports, then the page and, in a drill-down, the
 * figure), the title, the downloads of what the page shows, and a print button.
 */
export function MeasureHeader({
  title,
  intro,
  dataset,
  crumbs = [],
}: {
  title: ReactNode;
  intro?: ReactNode;
  /** The export dataset; left out when there is nothing to download (a refused period). */
  dataset?: string;
  crumbs?: readonly Crumb[];
}) {
  const t = useT();
  // A drill-down lists the people behind a figure: its download names them.
  const params = new URLSearchParams(useLocation().search);
  const named = params.has("show") || params.has("check");
  return (
    <PageHeader
      title={title}
      intro={intro}
      crumbs={[{ to: "/reports", label: t("nav.reports") }, ...crumbs]}
      actions={
        <div className="no-print" style={{ display: "flex", gap: "0.75rem", alignItems: "center" }}>
          {dataset ? <DownloadLinks dataset={dataset} named={named} /> : null}
          <button type="button" className="secondary" onClick={() => window.print()}>
            {t("common.print")}
          </button>
        </div>
      }
    />
  );
}

/** The period form (from, to, the page's own fields), quick choices, and the refusal of a bad period. */
export function PeriodFilter({ state, children, keep = {} }: { state: PeriodState; children?: ReactNode; keep?: Record<string, string | undefined> }) {
  const t = useT();
  const lang = useLang();
  const { pathname } = useLocation();
  const values = state.period ?? state.input;
  const quickHref = (p: { from: string; to: string }) => {
    const params = new URLSearchParams(p);
    for (const [k, v] of Object.entries(keep)) if (v) params.set(k, v);
    return `${pathname}?${params.toString()}`;
  };
  return (
    <>
      <FilterBar className="no-print" testId="measure-filters">
        <div className="field">
          <label htmlFor="from">{t("dash.filter.from")}</label>
          <input id="from" name="from" type="date" defaultValue={values.from} aria-invalid={state.error ? true : undefined} />
        </div>
        <div className="field">
          <label htmlFor="to">{t("dash.filter.to")}</label>
          <input id="to" name="to" type="date" defaultValue={values.to} aria-invalid={state.error ? true : undefined} />
        </div>
        {children}
      </FilterBar>
      <p className="no-print small">
        {t("measures.quick")}:{" "}
        {state.quick.map((q, i) => (
          <span key={q.key}>
            {i > 0 ? " · " : null}
            <Link to={quickHref(q.period)}>{t(`measures.quick.${q.key}`)}</Link>
          </span>
        ))}
      </p>
      {state.error ? (
        <div className="alert error" role="alert" data-testid="period-error">
          {t(state.error)}
        </div>
      ) : (
        <p className="muted small" data-testid="measure-period">
          {t("dash.filter.period", { from: formatCalendarDate(lang, values.from), to: formatCalendarDate(lang, values.to) })}
        </p>
      )}
    </>
  );
}

/** A count that opens the list of the people behind it (plain text when it is zero). */
export function CountLink({ n, to, testId }: { n: number; to: string; testId?: string }) {
  const lang = useLang();
  if (n === 0) return <span data-testid={testId}>0</span>;
  return (
    <Link to={to} data-testid={testId}>
      {formatNumber(lang, n)}
    </Link>
  );
}

/** A count with its percentage beside it. */
export function CountShare({ n, pct, to, testId }: { n: number; pct: number | null; to: string; testId?: string }) {
  const lang = useLang();
  return (
    <span style={{ whiteSpace: "nowrap" }}>
      <CountLink n={n} to={to} testId={testId} /> <span className="muted small">({formatPercent(lang, pct)})</span>
    </span>
  );
}

/** A person of a drill-down list: a link to their case file when the reader may open it. */
function PersonLink({ row }: { row: PersonRow }) {
  return row.canOpen ? <Link to={`/panti/${row.pantiId}/stays/${row.stayId}`}>{row.displayName}</Link> : <>{row.displayName}</>;
}

interface PersonRow {
  stayId: number;
  pantiId: number;
  pantiName: string;
  displayName: string;
  canOpen: boolean;
}

/**
 * The people behind a figure: how many of how many are shown, the table — the person (a link to
 * the case file), the panti unless the reader sees one panti only, then the page's own columns —
 * with a line saying there is no one when the list is empty, and the pager.
 */
export function PeopleTable<R extends PersonRow>({
  testId,
  list,
  scoped,
  headers,
  cells,
}: {
  testId: string;
  list: { rows: readonly R[]; total: number; page: number; pageCount: number };
  scoped: boolean;
  /** The header cells of the page's own columns. */
  headers: ReactNode;
  cells: (row: R) => ReactNode;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <p className="muted small" data-testid={`${testId}-total`}>
        {t("common.showing", { shown: formatNumber(lang, list.rows.length), total: formatNumber(lang, list.total) })}
      </p>
      <TableScroll label={t("measures.people")}>
        <table data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{t("exit.resident")}</th>
              {!scoped ? <th scope="col">{t("panti.col.name")}</th> : null}
              {headers}
            </tr>
          </thead>
          <tbody>
            {list.rows.length === 0 ? <EmptyRow text={t("measures.empty")} /> : null}
            {list.rows.map((r) => (
              <tr key={r.stayId}>
                <td>
                  <PersonLink row={r} />
                </td>
                {!scoped ? <td>{r.pantiName}</td> : null}
                {cells(r)}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pager page={list.page} pages={list.pageCount} />
    </>
  );
}

/** The line of a table with no rows. */
export function EmptyRow({ text, colSpan = 8 }: { text: string; colSpan?: number }) {
  return (
    <tr>
      <td colSpan={colSpan} className="muted">
        {text}
      </td>
    </tr>
  );
}
