import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ROLES } from "~/domain/permissions";
import { userListFilterSchema } from "~/domain/users";
import { userList } from "~/queries/users.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDateTime, formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";

export const meta: MetaFunction = () => [{ title: "Pengguna — Panti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "user:manage");
  const url = new URL(request.url);
  const filter = userListFilterSchema.parse(Object.fromEntries(url.searchParams));
  return { ...userList(filter), filter };
}

export default function UsersPage() {
  const { rows, total, page, pageCount, pantiOptions, filter } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const [params] = useSearchParams();
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    return `?${next}`;
  };
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("users.title")}</h1>
          <p>{t("users.intro")}</p>
        </div>
        <Link className="button" to="/admin/users/new">
          {t("users.new")}
        </Link>
      </div>

      <Form method="get" className="filters card" aria-label={t("common.search")}>
        <div className="field">
          <label htmlFor="f-q">{t("common.search")}</label>
          <input
            id="f-q"
            type="search"
            name="q"
            defaultValue={filter.q ?? ""}
            placeholder={t("users.searchPlaceholder")}
            maxLength={64}
          />
        </div>
        <div className="field">
          <label htmlFor="f-role">{t("users.role")}</label>
          <select id="f-role" name="role" defaultValue={filter.role ?? ""}>
            <option value="">{t("common.all")}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-panti">{t("users.panti")}</label>
          <select id="f-panti" name="panti" defaultValue={filter.panti ?? ""}>
            <option value="">{t("common.all")}</option>
            {pantiOptions.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("common.apply")}</button>
        {params.toString() ? (
          <Link to="/admin/users" className="button secondary">
            {t("common.reset")}
          </Link>
        ) : null}
      </Form>

      <p className="muted small">{t("common.showing", { shown: formatNumber(lang, rows.length), total: formatNumber(lang, total) })}</p>
      <div className="table-wrap">
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
            {rows.length === 0 ? (
              <tr>
                <td colSpan={7} className="muted">
                  {t("users.empty")}
                </td>
              </tr>
            ) : null}
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
                <td className="hide-sm">{row.lastLoginAt ? formatDateTime(lang, row.lastLoginAt) : t("users.never")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {pageCount > 1 ? (
        <nav className="filters" aria-label={t("users.pages")} style={{ marginTop: "0.75rem" }}>
          {page > 1 ? (
            <Link className="button secondary" to={pageLink(page - 1)} rel="prev">
              {t("common.previous")}
            </Link>
          ) : null}
          <span className="muted small">{t("users.pageOf", { page, pages: pageCount })}</span>
          {page < pageCount ? (
            <Link className="button secondary" to={pageLink(page + 1)} rel="next">
              {t("common.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
