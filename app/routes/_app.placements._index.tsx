import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PLACEMENT_STATUSES } from "~/domain/enums";
import { grantFor, hasPermission } from "~/domain/permissions";
import { placementListFilterSchema, waitingHours } from "~/domain/placements";
import { OUTREACH_UNITS, PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import { occupancyByPanti } from "~/queries/occupancy.server";
import { listPlacements } from "~/queries/placements.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDateTime, formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { StatusBadge } from "~/components/ui/status-badge";
import { DownloadLinks } from "~/components/ui/download-links";

export const meta: MetaFunction = () => [{ title: "Rujukan — Panti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement:read");
  const url = new URL(request.url);
  const filter = placementListFilterSchema.parse(Object.fromEntries(url.searchParams));
  const scope = grantFor(user.role, "placement:read") === "any" ? "all" : user.role === "outreach" ? "outreach" : "panti";
  // A panti's queue opens on what is waiting.
  const status = filter.status ?? (scope === "panti" && !url.searchParams.has("status") ? "pending" : undefined);
  const list = listPlacements(user, { status, pantiId: filter.panti, unit: filter.unit, page: filter.page });
  return {
    ...list,
    filter: { ...filter, status },
    scope,
    now: new Date(),
    canCreate: hasPermission(user, "placement:create"),
    pantiOptions: scope === "all" ? occupancyByPanti({ pantiId: null }).map((p) => ({ id: p.id, name: p.name })) : [],
  };
}

export default function PlacementsPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const { filter } = data;
  const query = (page: number) => {
    const params = new URLSearchParams();
    if (filter.status) params.set("status", filter.status);
    if (filter.panti) params.set("panti", String(filter.panti));
    if (filter.unit) params.set("unit", filter.unit);
    params.set("page", String(page));
    return `?${params}`;
  };
  const waiting = (createdAt: Date) => {
    const hours = waitingHours(new Date(createdAt), new Date(data.now));
    return hours >= 48 ? t("placements.waitingDays", { n: Math.floor(hours / 24) }) : t("placements.waitingHours", { n: hours });
  };
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{data.scope === "panti" ? t("placements.queueTitle") : t("placements.title")}</h1>
          <p>{t(`placements.intro.${data.scope}`)}</p>
          <DownloadLinks dataset="placements" />
        </div>
        {data.canCreate ? (
          <div style={{ display: "flex", gap: "0.5rem" }}>
            <Link className="button" to="/placements/new">
              {t("placements.new")}
            </Link>
            <Link className="button secondary" to="/placements/import">
              {t("placements.import")}
            </Link>
          </div>
        ) : null}
      </div>

      <Form method="get" className="filters card">
        <div className="field">
          <label htmlFor="f-status">{t("placements.filter.status")}</label>
          <select id="f-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("common.all")}</option>
            {PLACEMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {data.scope === "all" ? (
          <>
            <div className="field">
              <label htmlFor="f-panti">{t("placements.filter.panti")}</label>
              <select id="f-panti" name="panti" defaultValue={filter.panti ?? ""}>
                <option value="">{t("common.all")}</option>
                {data.pantiOptions.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-unit">{t("placements.filter.unit")}</label>
              <select id="f-unit" name="unit" defaultValue={filter.unit ?? ""}>
                <option value="">{t("common.all")}</option>
                {OUTREACH_UNITS.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.nameId}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : null}
        <button type="submit">{t("common.apply")}</button>
      </Form>

      <div className="table-wrap">
        <table data-testid="placements-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("placement.personName")}</th>
              <th scope="col">{t("placement.ppksCategory")}</th>
              {data.scope !== "panti" ? <th scope="col">{t("placement.targetPanti")}</th> : null}
              {data.scope !== "outreach" ? <th scope="col">{t("placement.outreachUnit")}</th> : null}
              <th scope="col">{t("placement.createdAt")}</th>
              <th scope="col">{filter.status === "pending" ? t("placement.waiting") : t("placement.status")}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.length === 0 ? (
              <tr>
                <td colSpan={7} className="muted">
                  {t("placements.empty")}
                </td>
              </tr>
            ) : null}
            {data.rows.map((row) => (
              <tr key={row.id} data-testid="placement-row" data-id={row.id}>
                <td>
                  <Link to={`/placements/${row.id}`}>{row.id}</Link>
                </td>
                <td>
                  <Link to={`/placements/${row.id}`}>{row.name}</Link>
                  <div className="muted small">
                    {t(`sex.${row.sex}`)}
                    {row.estimatedAge != null ? ` · ${t("placement.ageYears", { n: row.estimatedAge })}` : ""}
                  </div>
                </td>
                <td>{referenceLabel(PPKS_CATEGORIES, row.ppksCategory, lang)}</td>
                {data.scope !== "panti" ? <td>{row.targetPantiName}</td> : null}
                {data.scope !== "outreach" ? <td>{referenceLabel(OUTREACH_UNITS, row.outreachUnit, lang)}</td> : null}
                <td>{formatDateTime(lang, row.createdAt)}</td>
                <td>
                  {row.status === "pending" ? (
                    <span className="badge full">{waiting(row.createdAt)}</span>
                  ) : (
                    <StatusBadge status={row.status} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.pageCount > 1 ? (
        <nav className="filters" style={{ marginTop: "0.75rem" }} aria-label="pagination">
          {data.page > 1 ? <Link to={query(data.page - 1)}>← {t("common.previous")}</Link> : null}
          <span className="muted">
            {t("placements.page", { page: data.page, pages: data.pageCount })} · {formatNumber(lang, data.total)}
          </span>
          {data.page < data.pageCount ? <Link to={query(data.page + 1)}>{t("common.next")} →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
