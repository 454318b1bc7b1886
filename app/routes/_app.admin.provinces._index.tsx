import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { partnerProvinceList } from "~/queries/provinces.server";
import { requirePermission } from "~/utils/auth.server";
import { useT } from "~/utils/use-i18n";
import { TableScroll } from "~/components/ui/data-table";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("provinces");

export const meta = pageTitle("title.partner_provinces");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "province:manage");
  return partnerProvinceList();
}

export default function PartnerProvincesPage() {
  const { own, partners } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const saved = partners.find((p) => p.code === searchParams.get("saved"));
  return (
    <>
      <PageHeader title={t("provinces.title")} intro={t("provinces.intro")} />
      <Flash message={saved ? t("provinces.saved", { name: saved.name }) : null} />

      <section className="card" data-testid="own-instance">
        <h2>{t("provinces.own.title")}</h2>
        <p className="muted small">{t("provinces.own.intro")}</p>
        <dl className="facts">
          <dt>{t("provinces.own.province")}</dt>
          <dd>
            {own.name} ({own.code})
          </dd>
          <dt>{t("provinces.fingerprint")}</dt>
          <dd>
            <code data-testid="own-fingerprint">{own.fingerprint}</code>
          </dd>
          <dt>{t("provinces.publicKey")}</dt>
          <dd>
            <code className="key" data-testid="own-public-key">
              {own.publicKey}
            </code>
          </dd>
        </dl>
      </section>

      <TableScroll label={t("provinces.title")} testId="partner-provinces">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("provinces.col.province")}</th>
              <th scope="col">{t("provinces.col.office")}</th>
              <th scope="col">{t("provinces.col.contact")}</th>
              <th scope="col">{t("provinces.col.instance")}</th>
              <th scope="col">{t("provinces.col.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("provinces.edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {partners.map((p) => (
              <tr key={p.code} data-code={p.code}>
                <td>
                  {p.name} <span className="muted small">({p.code})</span>
                </td>
                <td>{p.office}</td>
                <td>{p.contact ?? "–"}</td>
                <td>
                  {p.isOwn ? (
                    <span className="muted">{t("provinces.thisInstance")}</span>
                  ) : p.baseUrl ? (
                    <>
                      {p.baseUrl}
                      {p.fingerprint ? (
                        <>
                          <br />
                          <code className="small">{p.fingerprint}</code>
                        </>
                      ) : null}
                    </>
                  ) : (
                    <span className="muted">{t("provinces.noInstance")}</span>
                  )}
                </td>
                <td>
                  <span className={`badge ${p.active ? "ok" : "muted"}`}>{t(p.active ? "provinces.active" : "provinces.inactive")}</span>
                </td>
                <td>
                  <Link to={`/admin/provinces/${p.code}`}>{t("provinces.edit")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
