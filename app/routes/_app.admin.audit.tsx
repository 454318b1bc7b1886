import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { auditFilterSchema, type AuditChange } from "~/domain/users";
import { auditPage } from "~/queries/audit.server";
import { requirePermission } from "~/utils/auth.server";
import { isMessageKey } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { EmptyRow, TableScroll } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import { FilterBar, FilterDate, FilterSelect } from "~/components/ui/filter-bar";
import { PageHeader } from "~/components/ui/page-header";
import { Pager } from "~/components/ui/pager";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("audit", "users");

export const meta = pageTitle("title.audit_log");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "audit:read");
  const url = new URL(request.url);
  const filter = auditFilterSchema.parse(Object.fromEntries(url.searchParams));
  return { ...auditPage(user, filter), filter };
}

/** Where an audited record can be opened. */
function entityLink(entity: string, id: string | null): string | null {
  if (!id || !/^\d+$/.test(id)) return null;
  if (entity === "user") return `/admin/users/${id}`;
  if (entity === "panti") return `/panti/${id}`;
  if (entity === "placement") return `/placements/${id}`;
  return null;
}

/** A code of the log (an action, a record's kind, a field) in words, or made readable when it has none. */
function useAuditWords() {
  const t = useT();
  const lang = useLang();
  return (kind: "auditAction" | "auditEntity" | "auditKey", code: string) => {
    const key = `${kind}.${code}`;
    if (isMessageKey(key, lang)) return t(key);
    const spaced = code.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[._]/g, " ").toLowerCase();
    return spaced.charAt(0).toUpperCase() + spaced.slice(1);
  };
}

function Changes({ changes }: { changes: AuditChange[] }) {
  const words = useAuditWords();
  if (changes.length === 0) return <span className="muted">–</span>;
  return (
    <ul className="small" style={{ margin: 0, paddingLeft: "1rem" }}>
      {changes.map((c) => (
        <li key={c.key}>
          {c.key ? <strong title={c.key}>{words("auditKey", c.key)}: </strong> : null}
          {c.before != null ? (
            <>
              <del>{c.before}</del> →{" "}
            </>
          ) : null}
          {c.after != null ? <ins style={{ textDecoration: "none" }}>{c.after}</ins> : c.before != null ? "–" : null}
        </li>
      ))}
    </ul>
  );
}

export default function AuditPage() {
  const { rows, olderCursor, newerCursor, userOptions, pantiOptions, entityOptions, filter } =
    useLoaderData<typeof loader>();
  const t = useT();
  const words = useAuditWords();
  const [params] = useSearchParams();
  /** The same filters at another position: older or newer than a cursor, or the newest page. */
  const pageLink = (key?: "before" | "after", cursor?: string) => {
    const next = new URLSearchParams(params);
    next.delete("before");
    next.delete("after");
    if (key && cursor) next.set(key, cursor);
    return `/admin/audit?${next}`;
  };
  const filtered = [...params.keys()].some((k) => k !== "before" && k !== "after");
  const paging = filter.before || filter.after;
  return (
    <>
      <PageHeader title={t("audit.title")} intro={t("audit.intro")} />

      <FilterBar
        label={t("audit.filters")}
        actions={
          filtered ? (
            <Link to="/admin/audit" className="button secondary">
              {t("common.reset")}
            </Link>
          ) : null
        }
      >
        <div className="field">
          <label htmlFor="f-action">{t("audit.actionPrefix")}</label>
          <input
            id="f-action"
            type="search"
            name="action"
            defaultValue={filter.action ?? ""}
            placeholder="user."
            maxLength={64}
            autoCapitalize="none"
            spellCheck={false}
          />
        </div>
        <FilterSelect id="f-entity" name="entity" label={t("audit.entity")} value={filter.entity} options={entityOptions.map((e) => ({ value: e, label: words("auditEntity", e) }))} />
        {filter.entity && filter.entityId ? (
          <div className="field">
            <label htmlFor="f-entity-id">{t("audit.entityId")}</label>
            <input id="f-entity-id" type="text" name="entityId" defaultValue={filter.entityId} maxLength={40} />
          </div>
        ) : null}
        <FilterSelect
          id="f-user"
          name="user"
          label={t("audit.user")}
          value={filter.user}
          options={userOptions.map((u) => ({ value: u.id, label: `${u.username} (${u.name})` }))}
        />
        <FilterSelect id="f-panti" name="panti" label={t("users.panti")} value={filter.panti} options={pantiOptions.map((p) => ({ value: p.id, label: p.name }))} />
        <FilterDate id="f-from" name="from" label={t("audit.from")} value={filter.from} />
        <FilterDate id="f-to" name="to" label={t("audit.to")} value={filter.to} />
      </FilterBar>

      <TableScroll label={t("audit.title")}>
        <table data-testid="audit-table">
          <caption className="skip-link">{t("audit.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("audit.at")}</th>
              <th scope="col">{t("audit.user")}</th>
              <th scope="col">{t("audit.action")}</th>
              <th scope="col">{t("audit.entity")}</th>
              <th scope="col" className="hide-sm">
                {t("users.panti")}
              </th>
              <th scope="col">{t("audit.changes")}</th>
            </tr>
          </thead>
          <tbody>
            <EmptyRow when={rows.length === 0} colSpan={6}>
              {t("audit.empty")}
            </EmptyRow>
            {rows.map((row) => {
              const link = entityLink(row.entity, row.entityId);
              const entity = words("auditEntity", row.entity);
              const label = row.entityId ? t("audit.recordNumber", { entity, id: row.entityId }) : entity;
              return (
                <tr key={row.id} data-testid="audit-row" data-action={row.action}>
                  <td style={{ whiteSpace: "nowrap" }}>
                    <Instant value={row.at} withTime />
                  </td>
                  <td>
                    {row.userId != null ? (
                      <>
                        <Link to={`/admin/users/${row.userId}`}>{row.username ?? `#${row.userId}`}</Link>
                        {row.userName ? <div className="muted small">{row.userName}</div> : null}
                      </>
                    ) : (
                      <span className="muted">{t("audit.system")}</span>
                    )}
                  </td>
                  <td>
                    <span title={row.action}>{words("auditAction", row.action)}</span>
                  </td>
                  <td>{link ? <Link to={link}>{label}</Link> : label}</td>
                  <td className="hide-sm">{row.pantiName ?? "–"}</td>
                  <td>
                    <Changes changes={row.changes} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>

      {paging ? (
        <p>
          <Link className="button secondary" to={pageLink()}>
            {t("audit.newest")}
          </Link>
        </p>
      ) : null}
      <Pager
        previous={newerCursor ? pageLink("after", newerCursor) : null}
        next={olderCursor ? pageLink("before", olderCursor) : null}
        previousLabel={t("audit.newer")}
        nextLabel={t("audit.older")}
        label={t("audit.pages")}
      />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
