import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ROLES } from "~/domain/permissions";
import { userListFilterSchema } from "~/domain/users";
import { userList } from "~/queries/users.server";
import { requirePermission } from "~/utils/auth.server";
import { formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { EmptyRow, TableScroll } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import { FilterBar, FilterSelect } from "~/components/ui/filter-bar";
import { PageHeader } from "~/components/ui/page-header";
import { Pager } from "~/components/ui/pager";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("users");

export const meta = pageTitle("title.users");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "user:manage");
  const url = new URL(request.url);
  const filter = userListFilterSchema.parse(Object.fromEntries(url.searchParams));
  return { ...userList(user, filter), filter };
}

export default function UsersPage() {
  const { rows, total, page, pageCount, pantiOptions, filter } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const [params] = useSearchParams();
  return (
    <>
      <PageHeader
        title={t("users.title")}
        intro={t("users.intro")}
        actions={
          <Link className="button" to="/admin/users/new">
            {t("users.new")}
          </Link>
        }
      />

      <FilterBar
        label={t("common.search")}
        actions={
          params.toString() ? (
            <Link to="/admin/users" className="button secondary">
              {t("common.reset")}
            </Link>
          ) : null
        }
      >
        <div className="field">
          <label htmlFor="f-q">{t("common.search")}</label>
          <input id="f-q" type="search" name="q" defaultValue={filter.q ?? ""} placeholder={t("users.searchPlaceholder")} maxLength={64} />
        </div>
        <FilterSelect id="f-role" name="role" label={t("users.role")} value={filter.role} options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
        <FilterSelect id="f-panti" name="panti" label={t("users.panti")} value={filter.panti} options={pantiOptions.map((p) => ({ value: p.id, label: p.name }))} />
      </FilterBar>

      <p className="muted small">{t("common.showing", { shown: formatNumber(lang, rows.length), total: formatNumber(lang, total) })}</p>
      <TableScroll label={t("users.title")}>
        <table data-testid="users-table">
          <caption className="skip-link">{t("users.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("users.username")}</th>
              <th scope="col">{t("users.name")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("users.panti")}</th>
              <th scope="col" className="hide-sm">
                {t("users.outreachUnit")}
              </th>
              <th scope="col">{t("common.status")}</th>
              <th scope="col" className="hide-sm">
                {t("users.lastLogin")}
              </th>
            </tr>
          </thead>
          <tbody>
            <EmptyRow when={rows.length === 0} colSpan={7}>
              {t("users.empty")}
            </EmptyRow>
            {rows.map((row) => (
              <tr key={row.id} data-testid="user-row" data-username={row.username}>
                <td>
                  <Link to={`/admin/users/${row.id}`}>{row.username}</Link>
                </td>
                <td>{row.name}</td>
                <td>{t(`role.${row.role}`)}</td>
                <td>{row.pantiName ?? "–"}</td>
                <td className="hide-sm">{row.outreachUnitName ?? "–"}</td>
                <td>
                  {row.active ? (
                    <span className="badge ok">{t("users.active")}</span>
                  ) : (
                    <span className="badge muted">{t("users.inactive")}</span>
                  )}
                  {row.active && row.mustChangePassword ? (
                    <div className="muted small">{t("users.mustChange")}</div>
                  ) : null}
                </td>
                <td className="hide-sm">{row.lastLoginAt ? <Instant value={row.lastLoginAt} withTime /> : t("users.never")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <Pager page={page} pages={pageCount} label={t("users.pages")} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
