import { Form, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { TableScroll } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import type { loader } from "~/routes/_app.admin.users.$userId/route";

/** Recent failed sign-ins per address, whether one is delayed now, and the unlock button. */
export function SignInSection({ busy }: { busy: boolean }) {
  const { signIn } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <section className="card stack" aria-labelledby="sign-in-failures">
      <h2 id="sign-in-failures">
        {t("users.signIn")} {signIn.throttled ? <span className="badge full">{t("users.signInThrottled")}</span> : null}
      </h2>
      {signIn.total === 0 ? (
        <p className="muted">{t("users.signInNone", { hours: signIn.windowHours })}</p>
      ) : (
        <>
          <p>
            {t("users.signInSummary", {
              n: signIn.total,
              hours: signIn.windowHours,
              addresses: signIn.addressCount,
              first: formatDateTime(lang, signIn.firstAt),
              last: formatDateTime(lang, signIn.lastAt),
            })}
          </p>
          <TableScroll label={t("users.signIn")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("users.signInAddress")}</th>
                  <th scope="col">{t("users.signInCount")}</th>
                  <th scope="col">{t("users.signInLast")}</th>
                  <th scope="col">{t("users.signInState")}</th>
                </tr>
              </thead>
              <tbody>
                {signIn.addresses.map((row) => (
                  <tr key={row.address}>
                    <td>
                      <code>{row.address}</code>
                    </td>
                    <td>{row.failures}</td>
                    <td>
                      <Instant value={row.lastAt} withTime />
                    </td>
                    <td>
                      {row.throttledUntil
                        ? t("users.signInDelayed", {
                            since: formatDateTime(lang, row.delayedSince),
                            until: formatDateTime(lang, row.throttledUntil),
                          })
                        : t("users.signInFree")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {signIn.moreAddresses > 0 ? <p className="muted small">{t("users.signInMoreAddresses", { n: signIn.moreAddresses })}</p> : null}
          <Form method="post" className="stack">
            <p className="muted small">{t("users.signInExplain", { free: signIn.free })}</p>
            <input type="hidden" name="intent" value="unlock-sign-in" />
            <div>
              <button type="submit" className="secondary" disabled={busy}>
                {t("users.unlock")}
              </button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
