import { PANTI_TYPES } from "~/domain/enums";
import { formatCalendarDate } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { FilterBar, FilterSelect } from "~/components/ui/filter-bar";
import type { DashboardData } from "~/routes/_app.dashboard/route";

/** The period and (for Dinsos) the kota, type and panti the figures are of. */
export function DashboardFilters({ data }: { data: DashboardData }) {
  const t = useT();
  const lang = useLang();
  const { filter } = data;
  return (
    <>
      <FilterBar className="no-print" testId="dashboard-filters">
        <div className="field">
          <label htmlFor="from">{t("dash.filter.from")}</label>
          <input id="from" name="from" type="date" defaultValue={filter.from} />
        </div>
        <div className="field">
          <label htmlFor="to">{t("dash.filter.to")}</label>
          <input id="to" name="to" type="date" defaultValue={filter.to} />
        </div>
        {!data.scoped ? (
          <>
            <FilterSelect id="kota" name="kota" label={t("panti.filter.kota")} value={filter.kota} options={data.kotaOptions.map((k) => ({ value: k, label: k }))} />
            <FilterSelect id="type" name="type" label={t("panti.filter.type")} value={filter.type} options={PANTI_TYPES.map((type) => ({ value: type, label: t(`pantiType.${type}`) }))} />
            <FilterSelect id="panti" name="panti" label={t("placements.filter.panti")} value={filter.pantiId} options={data.pantiOptions.map((p) => ({ value: p.id, label: p.name }))} />
          </>
        ) : null}
      </FilterBar>
      <p className="muted small" data-testid="dashboard-period">
        {t("dash.filter.period", { from: formatCalendarDate(lang, filter.from), to: formatCalendarDate(lang, filter.to) })}
      </p>
    </>
  );
}
