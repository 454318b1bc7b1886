import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { resetPasswordSchema, setActiveSchema, unlockSignInSchema, updateUserSchema } from "~/domain/users";
import { userPage } from "~/queries/users.server";
import { resetPassword, setUserActive, unlockSignIn, updateUser } from "~/services/users.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/body.server";
import { badRequest, submitForm } from "~/utils/http.server";
import { translator } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useT } from "~/utils/use-i18n";
import { formValues } from "~/utils/validation";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { AccountSection } from "./sections/account-section";
import { EditUserForm } from "./sections/edit-user-form";
import { HistorySection } from "./sections/history-section";
import { SignInSection } from "./sections/sign-in-section";
import { titleOf } from "~/utils/meta";
import { FormError } from "~/components/forms/field";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("users");

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: titleOf(matches, "title.users", data?.user.username) }];

/** After a conflict the page reloads the user, so the form shows what someone else saved. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { userId } = idParams(params, "userId");
  const current = await requirePermission(request, "user:manage");
  const page = userPage(current, userId);
  if (!page) throw notFound();
  return { ...page, isSelf: page.user.id === current.id };
}

export type UserPageData = ReturnType<typeof useLoaderData<typeof loader>>;

export async function action({ request, params }: ActionFunctionArgs) {
  const { userId } = idParams(params, "userId");
  const current = await requirePermission(request, "user:manage");
  const formData = await readForm(request);
  const intent = formData.get("intent");

  if (intent === "update") {
    const updated = await submitForm(request, updateUserSchema, (input) => updateUser(current, userId, input), { formData });
    if (!updated.ok) return updated.response;
    const { changed, username } = updated.result;
    return data({ ok: true as const, intent: "update" as const, message: translator(updated.lang)(changed ? "users.updated" : "users.unchanged", { username }) });
  }
  if (intent === "reset-password") {
    const reset = await submitForm(request, resetPasswordSchema, () => resetPassword(current, userId), { formData });
    if (!reset.ok) return reset.response;
    const { username, name, password } = reset.result;
    // The new password is in this response only: never cached, never stored in clear.
    return data(
      { ok: true as const, intent: "reset-password" as const, message: translator(reset.lang)("users.resetDone", { username }), password, name },
      { headers: { "Cache-Control": "no-store" } },
    );
  }
  if (intent === "deactivate" || intent === "reactivate") {
    const set = await submitForm(request, setActiveSchema, (input) => setUserActive(current, userId, input.intent === "reactivate"), { formData });
    if (!set.ok) return set.response;
    const key = set.input.intent === "reactivate" ? "users.reactivated" : "users.deactivated";
    return data({ ok: true as const, intent: set.input.intent, message: translator(set.lang)(key, { username: set.result.username }) });
  }
  if (intent === "unlock-sign-in") {
    const unlocked = await submitForm(request, unlockSignInSchema, () => unlockSignIn(current, userId), { formData });
    if (!unlocked.ok) return unlocked.response;
    const { username, cleared } = unlocked.result;
    return data({ ok: true as const, intent: "unlock-sign-in" as const, message: translator(unlocked.lang)("users.unlocked", { username, n: cleared }) });
  }
  return badRequest({ errors: {}, values: formValues(formData), formError: translator(await getLang(request))("error.invalid") });
}

export default function UserPage() {
  const { user, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state !== "idle";
  const failed = actionData && !actionData.ok ? actionData : null;
  const updateFailed = failed?.values.intent === "update" ? failed : null;

  return (
    <>
      <PageHeader title={user.name} crumbs={[{ to: "/admin/users", label: t("users.title") }, { label: user.username }]}>
        <p>
          {user.username} · {t(`role.${user.role}`)}
          {user.pantiName ? ` · ${user.pantiName}` : ""}
          {user.outreachUnitName ? ` · ${user.outreachUnitName}` : ""}{" "}
          {user.active ? <span className="badge ok">{t("users.active")}</span> : <span className="badge muted">{t("users.inactive")}</span>}
        </p>
      </PageHeader>

      <Flash message={actionData?.ok ? actionData.message : null} />
      {actionData?.ok && actionData.intent === "reset-password" ? (
        <section className="card" aria-labelledby="new-password">
          <h2 id="new-password">{t("users.newPassword")}</h2>
          <p>{t("users.generatedOnce", { name: actionData.name ?? user.name })}</p>
          <p>
            <code data-testid="generated-password" style={{ fontSize: "1.4rem", letterSpacing: "0.05em" }}>
              {actionData.password}
            </code>
          </p>
          <p className="muted small">{t("users.resetHint")}</p>
        </section>
      ) : null}
      <FormError message={updateFailed ? null : failed?.formError} />

      <div className="grid-2">
        <EditUserForm key={user.version} server={updateFailed} isSelf={isSelf} />
        <AccountSection busy={busy} />
      </div>

      <SignInSection busy={busy} />
      <HistorySection />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
