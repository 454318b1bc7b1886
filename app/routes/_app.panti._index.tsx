import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { totalOccupancy } from "~/domain/capacity";
import { PANTI_SORTS, PANTI_TYPES } from "~/domain/enums";
import { pantiListFilterSchema, sortPantiRows } from "~/domain/panti";
import { aggregatePantiFilter, canOnPanti, scopeFor } from "~/domain/permissions";
import { occupancyByPanti, pantiKotaOptions } from "~/queries/occupancy.server";
import { requirePermission } from "~/utils/auth.server";
import { formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { EmptyRow, TableScroll } from "~/components/ui/data-table";
import { DownloadLinks } from "~/components/ui/download-links";
import { FilterBar, FilterSelect } from "~/components/ui/filter-bar";
import { OccupancyMeter } from "~/components/ui/occupancy";
import { PageHeader } from "~/components/ui/page-header";
import { PlainLink, useFollowLinks } from "~/components/ui/page-kit";
import { Stat } from "~/components/ui/stat";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("exports");

export const meta = pageTitle("title.shelters");

/** The figures of each panti's row, in the order of the columns. */
const FIGURES = ["capacity", "occupied", "available", "overflow", "census"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "panti:list");
  const url = new URL(request.url);
  const filter = pantiListFilterSchema.parse(Object.fromEntries(url.searchParams));
  const scope = aggregatePantiFilter(scopeFor(user, "panti:list"), "panti:list");
  let rows = occupancyByPanti({ pantiId: scope, type: filter.type, kota: filter.kota });
  if (filter.over) rows = rows.filter((r) => r.occupancy.overCapacity);
  rows = sortPantiRows(rows, filter.sort);
  return {
    rows: rows.map((r) => ({ ...r, canOpen: canOnPanti(user, "panti:view", r.id) })),
    total: totalOccupancy(rows.map((r) => r.occupancy)),
    kotaOptions: pantiKotaOptions(scope),
    filter,
    scoped: scope != null,
  };
}

export default function PantiListPage() {
  const { rows, total, kotaOptions, filter, scoped } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const followLinks = useFollowLinks();
  const [params] = useSearchParams();
  const n = (v: number) => formatNumber(lang, v);
  return (
    <>
      <PageHeader title={t("panti.list.title")} intro={t("panti.list.intro")} actions={<DownloadLinks dataset="panti" />} />
      {!scoped ? (
        <FilterBar
          label={t("common.search")}
          actions={
            params.toString() ? (
              <Link to="/panti" className="button secondary">
                {t("common.reset")}
              </Link>
            ) : null
          }
        >
          <FilterSelect
            name="type"
            label={t("panti.filter.type")}
            value={filter.type}
            options={PANTI_TYPES.map((type) => ({ value: type, label: t(`pantiType.${type}`) }))}
          />
          <FilterSelect name="kota" label={t("panti.filter.kota")} value={filter.kota} options={kotaOptions.map((kota) => ({ value: kota, label: kota }))} />
          <FilterSelect
            name="sort"
            label={t("panti.sort")}
            value={filter.sort ?? "name"}
            includeAll={false}
            options={PANTI_SORTS.map((sort) => ({ value: sort, label: t(`panti.sort.${sort}`) }))}
          />
          <label className="checkbox">
            <input type="checkbox" name="over" value="1" defaultChecked={filter.over} />
            {t("panti.filter.overOnly")}
          </label>
        </FilterBar>
      ) : null}

      <div className="stats" data-testid="network-totals">
        <Stat label={t("occ.capacity")} value={n(total.capacity)} testId="total-capacity" />
        <Stat label={t("occ.census")} value={n(total.census)} testId="total-census" />
        <Stat label={t("occ.available")} value={n(total.available)} testId="total-available" />
        <Stat label={t("occ.overflow")} value={n(total.overflow)} testId="total-overflow" over={total.overflow > 0} />
      </div>

      <TableScroll label={t("panti.list.title")}>
        <table data-testid="panti-table">
          <caption className="skip-link">{t("panti.list.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("panti.col.name")}</th>
              <th scope="col" className="hide-sm">{t("panti.col.type")}</th>
              <th scope="col" className="hide-sm">{t("panti.col.kota")}</th>
              {FIGURES.map((figure) => (
                <th scope="col" className="num" key={figure}>
                  {t(`occ.${figure}`)}
                </th>
              ))}
              <th scope="col">{t("occ.occupancy")}</th>
            </tr>
          </thead>
          {/* The rows' links are plain anchors, followed on the client by their table body. */}
          <tbody onClick={followLinks}>
            <EmptyRow when={rows.length === 0} colSpan={9}>
              {t("panti.list.empty")}
            </EmptyRow>
            {rows.map((row) => (
              <tr
                key={row.id}
                className={row.occupancy.overCapacity ? "over-capacity" : undefined}
                data-testid="panti-row"
                data-code={row.code}
              >
                <td>
                  {row.canOpen ? <PlainLink href={`/panti/${row.id}`}>{row.name}</PlainLink> : row.name}
                  <div className="muted small">{row.code}</div>
                </td>
                <td className="hide-sm">{t(`pantiType.${row.type}`)}</td>
                <td className="hide-sm">{row.kota ?? t("kota.outside")}</td>
                {FIGURES.map((figure) => (
                  <td className="num" data-col={figure} key={figure}>
                    {n(row.occupancy[figure])}
                  </td>
                ))}
                <td>
                  <OccupancyMeter value={row.occupancy} />
                </td>
              </tr>
            ))}
          </tbody>
          {rows.length > 1 ? (
            <tfoot>
              <tr>
                <td>{t("common.total")}</td>
                <td className="hide-sm" />
                <td className="hide-sm" />
                <td className="num">{n(total.capacity)}</td>
                <td className="num">{n(total.occupied)}</td>
                <td className="num">{n(total.available)}</td>
                <td className="num">{n(total.overflow)}</td>
                <td className="num">{n(total.census)}</td>
                <td>
                  <OccupancyMeter value={total} />
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </TableScroll>
      <p className="muted small" style={{ marginTop: "0.75rem" }}>
        {t("occ.help")}
      </p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
