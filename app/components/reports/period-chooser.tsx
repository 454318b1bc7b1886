/**
 * Choosing the period of a report: quick choices (this and the last month, quarter, half-year and
 * year) as links, and any first and last day in a GET form whose errors show beside the dates.
 */
import { Link } from "@remix-run/react";
import { periodSearch, type NamedPeriod, type QuickChoice } from "~/domain/periods";
import type { Period } from "~/domain/reports";
import { formatMonth, type Lang, type T } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { FieldError } from "~/components/forms/field";
import { FilterBar } from "~/components/ui/filter-bar";

/** "Maret 2025", "Triwulan 1 2025", "Semester 1 2025", "Tahun 2024" (Q1 2025, H1 2025, 2024). */
export function periodName(t: T, lang: Lang, named: NamedPeriod): string {
  switch (named.kind) {
    case "month":
      return t("period.name.month", { month: formatMonth(lang, named.from.slice(0, 7), true) });
    case "quarter":
      return t("period.name.quarter", { n: named.index, year: named.year });
    case "half":
      return t("period.name.half", { n: named.index, year: named.year });
    case "year":
      return t("period.name.year", { year: named.year });
  }
}

export function PeriodChooser({
  choices,
  period,
  values,
  errors,
}: {
  choices: readonly QuickChoice[];
  /** The period shown (null when the one asked for cannot be read). */
  period: Period | null;
  /** What the user typed, kept when it is wrong. */
  values: { from?: string; to?: string };
  errors: Record<string, string[]>;
}) {
  const t = useT();
  const lang = useLang();
  const here = period ? periodSearch(period) : null;
  return (
    <div className="no-print report-period">
      <nav aria-label={t("period.quick")} className="quick-periods" data-testid="quick-periods">
        <span className="muted small">{t("period.quick")}:</span>
        {choices.map((c) => {
          const search = periodSearch(c.period);
          return (
            <Link key={`${c.which}-${c.period.kind}`} to={search} aria-current={search === here ? "page" : undefined} className="chip">
              {t(`period.${c.which}.${c.period.kind}`)} · {periodName(t, lang, c.period)}
            </Link>
          );
        })}
      </nav>
      <FilterBar label={t("period.choose")} testId="period-form">
        <div className="field">
          <label htmlFor="from">{t("dash.filter.from")}</label>
          <input id="from" name="from" type="date" defaultValue={values.from ?? period?.from} aria-invalid={errors.from ? true : undefined} aria-describedby={errors.from ? "from-error" : undefined} />
          <FieldError id="from-error" messages={errors.from} />
        </div>
        <div className="field">
          <label htmlFor="to">{t("dash.filter.to")}</label>
          <input id="to" name="to" type="date" defaultValue={values.to ?? period?.to} aria-invalid={errors.to ? true : undefined} aria-describedby={errors.to ? "to-error" : undefined} />
          <FieldError id="to-error" messages={errors.to} />
        </div>
      </FilterBar>
    </div>
  );
}
