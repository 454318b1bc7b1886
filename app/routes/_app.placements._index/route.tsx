import { Link, useLoaderData } from "@remix-run/react";
import { PLACEMENT_STATUSES } from "~/domain/enums";
import { waitingHours } from "~/domain/time";
import { OUTREACH_UNITS, PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import { useLang, useT } from "~/utils/use-i18n";
import { EmptyRow, TableScroll } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import { DownloadLinks } from "~/components/ui/download-links";
import { FilterBar, FilterSelect } from "~/components/ui/filter-bar";
import { PageHeader } from "~/components/ui/page-header";
import { PlainLink, useFollowLinks } from "~/components/ui/page-kit";
import { CountedPager } from "~/components/ui/pager";
import { StatusBadge } from "~/components/ui/status-badge";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";
import type { loader } from "./referral-list-page.server";

export { loader } from "./referral-list-page.server";

export const handle = messagesHandle("exports", "placements");

export const meta = pageTitle("title.referrals");

export default function PlacementsPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const followLinks = useFollowLinks();
  const { filter } = data;
  const waiting = (createdAt: Date) => {
    const hours = waitingHours(new Date(createdAt), new Date(data.now));
    return hours >= 48 ? t("placements.waitingDays", { n: Math.floor(hours / 24) }) : t("placements.waitingHours", { n: hours });
  };
  return (
    <>
      <PageHeader
        title={data.scope === "panti" ? t("placements.queueTitle") : t("placements.title")}
        intro={t.dynamic(`placements.intro.${data.scope}`)}
        actions={
          data.canCreate ? (
            <>
              <Link className="button" to="/placements/new">
                {t("placements.new")}
              </Link>
              <Link className="button secondary" to="/placements/import">
                {t("placements.import")}
              </Link>
            </>
          ) : null
        }
      >
        <DownloadLinks dataset="placements" named />
      </PageHeader>

      <FilterBar>
        <FilterSelect
          name="status"
          label={t("placements.filter.status")}
          value={filter.status}
          options={PLACEMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        {data.scope === "all" ? (
          <>
            <FilterSelect
              name="panti"
              label={t("placements.filter.panti")}
              value={filter.panti}
              options={data.pantiOptions.map((p) => ({ value: p.id, label: p.name }))}
            />
            <FilterSelect
              name="unit"
              label={t("placements.filter.unit")}
              value={filter.unit}
              options={OUTREACH_UNITS.map((u) => ({ value: u.code, label: u.nameId }))}
            />
          </>
        ) : null}
      </FilterBar>

      <TableScroll label={data.scope === "panti" ? t("placements.queueTitle") : t("placements.title")}>
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
          {/* The rows' links are plain anchors, followed on the client by their table body. */}
          <tbody onClick={followLinks}>
            <EmptyRow when={data.rows.length === 0} colSpan={7}>
              {t("placements.empty")}
            </EmptyRow>
            {data.rows.map((row) => (
              <tr key={row.id} data-testid="placement-row" data-id={row.id}>
                <td>
                  <PlainLink href={`/placements/${row.id}`}>{row.id}</PlainLink>
                </td>
                <td>
                  <PlainLink href={`/placements/${row.id}`}>{row.name}</PlainLink>
                  <div className="muted small">
                    {t(`sex.${row.sex}`)}
                    {row.estimatedAge != null ? ` · ${t("placement.ageYears", { n: row.estimatedAge })}` : ""}
                  </div>
                </td>
                <td>{referenceLabel(PPKS_CATEGORIES, row.ppksCategory, lang)}</td>
                {data.scope !== "panti" ? <td>{row.targetPantiName}</td> : null}
                {data.scope !== "outreach" ? <td>{referenceLabel(OUTREACH_UNITS, row.outreachUnit, lang)}</td> : null}
                <td>
                  <Instant value={row.createdAt} withTime />
                </td>
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
      </TableScroll>
      <CountedPager page={data.page} pageCount={data.pageCount} total={data.total} totalExact={data.totalExact} withTotal />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
