import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { canOnPanti } from "~/domain/permissions";
import { periodInput, periodSchema, periodSearch, resolvePeriod } from "~/domain/periods";
import { OUTREACH_UNIT_CODES, OUTREACH_UNITS, PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import { reportReferralList } from "~/queries/report-referrals.server";
import { getLang, requirePermission } from "~/utils/auth.server";
import { formatCalendarDate, formatNumber } from "~/utils/i18n";
import { parseJson } from "~/utils/validation";
import { useLang, useT } from "~/utils/use-i18n";
import { EmptyRow, TableScroll } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import { PageHeader } from "~/components/ui/page-header";
import { Pager } from "~/components/ui/pager";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("period", "placements");

export const meta = pageTitle("title.report_referrals");

/** What narrows the list, beside the period: bad values are dropped (the period alone is refused). */
const listSchema = z.object({
  unit: z.catch(z.optional(z.enum(OUTREACH_UNIT_CODES)), undefined),
  category: z.catch(z.optional(z.string().check(z.trim(), z.maxLength(60))), undefined),
  panti: z.catch(z.optional(z.coerce.number().check(z.int(), z.positive())), undefined),
  placed: z.catch(z.optional(z.enum(["1"])), undefined),
  page: z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000))), undefined),
});

/** GET /reports/referrals?from&to[&unit|&category|&placed=1&panti] — the people behind a report's figure. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "report:read");
  const params = new URL(request.url).searchParams;
  const parsed = parseJson(periodSchema, periodInput(params), await getLang(request));
  if (!parsed.ok) throw new Response(Object.values(parsed.errors).flat().join(" "), { status: 400 });
  const period = resolvePeriod(parsed.data, new Date());
  const input = listSchema.parse(Object.fromEntries(params));
  const filter = { ...period, unit: input.unit, category: input.category, pantiId: input.panti, placed: input.placed === "1", page: input.page };
  const list = reportReferralList(user, filter);
  return {
    ...list,
    rows: list.rows.map((r) => ({ ...r, canOpen: canOnPanti(user, "placement:read", r.pantiId) })),
    filter,
  };
}

export default function ReportReferralsPage() {
  const { rows, total, page, pageCount, filter } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const what = [
    filter.placed ? t("period.list.placed") : t("period.list.reached"),
    filter.unit ? referenceLabel(OUTREACH_UNITS, filter.unit, lang) : null,
    filter.category ? referenceLabel(PPKS_CATEGORIES, filter.category, lang) : null,
    filter.pantiId != null && rows[0] ? rows[0].pantiName : null,
  ].filter(Boolean);
  return (
    <>
      <PageHeader
        title={what.join(" · ")}
        crumbs={[{ to: `/reports${periodSearch(filter)}`, label: `← ${t("nav.reports")}` }]}
        intro={`${t("period.heading", { from: formatCalendarDate(lang, filter.from), to: formatCalendarDate(lang, filter.to) })} · ${formatNumber(lang, total)}`}
      />
      <TableScroll label={t("title.report_referrals")}>
        <table data-testid="report-referrals">
          <thead>
            <tr>
              <th scope="col">{t("placement.personName")}</th>
              <th scope="col">{t("placement.foundAt")}</th>
              <th scope="col">{t("placement.outreachUnit")}</th>
              <th scope="col">{t("placement.ppksCategory")}</th>
              <th scope="col">{t("placement.targetPanti")}</th>
              <th scope="col">{t("placement.status")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? <EmptyRow colSpan={6}>{t("period.list.empty")}</EmptyRow> : null}
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.canOpen ? <Link to={`/placements/${r.id}`}>{r.name}</Link> : r.name}</td>
                <td>
                  <Instant value={r.foundAt} withTime />
                </td>
                <td>{referenceLabel(OUTREACH_UNITS, r.unit, lang)}</td>
                <td>{referenceLabel(PPKS_CATEGORIES, r.category, lang)}</td>
                <td>{r.pantiName}</td>
                <td>{t(`status.${r.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pager page={page} pages={pageCount} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
