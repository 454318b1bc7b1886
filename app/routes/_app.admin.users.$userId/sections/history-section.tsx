import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/utils/use-i18n";
import { TableScroll } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import type { loader } from "~/routes/_app.admin.users.$userId/route";

/** The latest audit entries about this user, and the way to the whole log. */
export function HistorySection() {
  const { user, history } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section className="card" aria-labelledby="history">
      <h2 id="history">{t("users.history")}</h2>
      {history.length === 0 ? (
        <p className="muted">{t("audit.empty")}</p>
      ) : (
        <TableScroll label={t("users.history")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("audit.at")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.user")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Instant value={row.at} withTime />
                  </td>
                  <td>
                    <code>{row.action}</code>
                  </td>
                  <td>{row.actorUsername ?? t("audit.system")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p className="small">
        <Link to={`/admin/audit?entity=user&entityId=${user.id}`}>{t("users.fullHistory")}</Link>
      </p>
    </section>
  );
}
