import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/utils/use-i18n";
import { Instant } from "~/components/ui/dates";
import type { loader } from "~/routes/_app.admin.users.$userId/route";

/** The account: last sign-in, a new password, deactivation or reactivation (not of oneself). */
export function AccountSection({ busy }: { busy: boolean }) {
  const { user, isSelf } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section className="card stack" aria-labelledby="account">
      <h2 id="account">{t("users.account")}</h2>
      <dl className="small">
        <dt className="muted">{t("users.lastLogin")}</dt>
        <dd>{user.lastLoginAt ? <Instant value={user.lastLoginAt} withTime /> : t("users.never")}</dd>
        <dt className="muted">{t("users.createdAt")}</dt>
        <dd>
          <Instant value={user.createdAt} withTime />
        </dd>
        {user.mustChangePassword ? (
          <>
            <dt className="muted">{t("users.passwordStatus")}</dt>
            <dd>{t("users.mustChange")}</dd>
          </>
        ) : null}
      </dl>

      <h3>{t("users.reset")}</h3>
      {isSelf ? (
        <p className="muted small">
          {t("users.selfResetHint")} <Link to="/account/password">{t("nav.password")}</Link>
        </p>
      ) : (
        <Form method="post" className="stack">
          <p className="muted small">{t("users.resetExplain")}</p>
          <input type="hidden" name="intent" value="reset-password" />
          <div>
            <button type="submit" className="secondary" disabled={busy}>
              {t("users.reset")}
            </button>
          </div>
        </Form>
      )}

      <h3>{user.active ? t("users.deactivate") : t("users.reactivate")}</h3>
      {isSelf ? (
        <p className="muted small">{t("users.selfDeactivateHint")}</p>
      ) : user.active ? (
        <details>
          <summary>{t("users.deactivate")}</summary>
          <Form method="post" className="stack" style={{ marginTop: "0.5rem" }}>
            <p className="muted small">{t("users.deactivateExplain")}</p>
            <input type="hidden" name="intent" value="deactivate" />
            <div>
              <button type="submit" className="danger" disabled={busy}>
                {t("users.deactivateConfirm", { username: user.username })}
              </button>
            </div>
          </Form>
        </details>
      ) : (
        <Form method="post" className="stack">
          <p className="muted small">{t("users.reactivateExplain")}</p>
          <input type="hidden" name="intent" value="reactivate" />
          <div>
            <button type="submit" disabled={busy}>
              {t("users.reactivate")}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}
