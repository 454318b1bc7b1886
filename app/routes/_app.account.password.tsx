import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { changePasswordSchema, PASSWORD_MIN_LENGTH } from "~/domain/users";
import { changeOwnPassword } from "~/services/users.server";
import { requireUser } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { sessionCookie } from "~/utils/session.server";
import { useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { FormError } from "~/components/forms/field";
import { PasswordField } from "~/components/forms/password-field";
import { SubmitButton } from "~/components/forms/submit-button";
import { useZodForm } from "~/components/forms/use-zod-form";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("users");

export const meta = pageTitle("title.change_password");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // After a change: how many other sessions it ended (the confirmation reads it from the URL).
  const changed = new URL(request.url).searchParams.get("changed");
  const done = changed !== null && /^\d{1,4}$/.test(changed) ? { otherSessionsEnded: Number(changed) } : null;
  return { username: user.username, mustChangePassword: user.mustChangePassword, done };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submitted = await submitForm(request, changePasswordSchema(user.username), (input) => changeOwnPassword(user, input));
  if (!submitted.ok) return submitted.response;
  const { otherSessionsEnded, sessionId } = submitted.result;
  // The session goes on under a fresh id: the old cookie no longer signs anyone in. A redirect
  // carries the new cookie before any loader runs again (with JavaScript or without).
  return redirect(`/account/password?changed=${otherSessionsEnded}`, {
    headers: { "Set-Cookie": await sessionCookie().serialize(sessionId) },
  });
}

export default function ChangePasswordPage() {
  const { username, mustChangePassword, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();

  return (
    <>
      <PageHeader title={t("password.title")} intro={t("password.intro")} />
      {done && !actionData ? (
        <section className="card">
          <Flash message={t("password.done")} />
          {done.otherSessionsEnded > 0 ? (
            <p>{t("password.otherSessionsEnded", { n: done.otherSessionsEnded })}</p>
          ) : null}
          <p>
            <Link className="button" to="/home">
              {t("password.continue")}
            </Link>
          </p>
        </section>
      ) : (
        <>
          {mustChangePassword ? (
            <div className="alert info" role="status" data-testid="must-change">
              <strong>{t("password.mustTitle")}</strong> {t("password.mustBody")}
            </div>
          ) : null}
          <ChangePasswordForm username={username} server={actionData ?? null} />
        </>
      )}
    </>
  );
}

function ChangePasswordForm({
  username,
  server,
}: {
  username: string;
  server: FormFailure | null;
}) {
  const t = useT();
  const schema = useMemo(() => changePasswordSchema(username), [username]);
  const { register, errorFor, onSubmit } = useZodForm(schema, {
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    server,
  });
  return (
    <Form method="post" className="card stack" onSubmit={onSubmit} noValidate style={{ maxWidth: "32rem" }}>
      <FormError message={server?.formError} />
      {/* For password managers: which account this password belongs to. */}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <PasswordField id="currentPassword" label={t("password.current")} error={errorFor("currentPassword")} autoComplete="current-password" control={register("currentPassword")} />
      <PasswordField
        id="newPassword"
        label={t("password.new")}
        hint={t("password.rules", { min: PASSWORD_MIN_LENGTH })}
        error={errorFor("newPassword")}
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        control={register("newPassword")}
      />
      <PasswordField id="confirmPassword" label={t("password.confirm")} error={errorFor("confirmPassword")} autoComplete="new-password" control={register("confirmPassword")} />
      <div>
        <SubmitButton>{t("password.submit")}</SubmitButton>
      </div>
    </Form>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
