import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { createUserSchema, PASSWORD_MIN_LENGTH } from "~/domain/users";
import { newUserForm } from "~/queries/users.server";
import { createUser } from "~/services/users.server";
import { requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { Field, FormError } from "~/components/forms/field";
import { PasswordField } from "~/components/forms/password-field";
import { SubmitButton } from "~/components/forms/submit-button";
import { useZodForm } from "~/components/forms/use-zod-form";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { RoleScopeFields } from "~/components/users/role-scope-fields";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("users");

export const meta = pageTitle("title.add_a_user");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "user:manage");
  return newUserForm();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "user:manage");
  const submitted = await submitForm(request, createUserSchema, (input) => createUser(user, input));
  if (!submitted.ok) return submitted.response;
  // The generated password is in this response only: never cached, never stored in clear.
  return data(
    { ok: true as const, created: submitted.result.user, generatedPassword: submitted.result.generatedPassword },
    { headers: { "Cache-Control": "no-store" } },
  );
}

type CreatedUser = Extract<NonNullable<ReturnType<typeof useActionData<typeof action>>>, { ok: true }>;

export default function NewUserPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={t("users.new")}
        crumbs={[{ to: "/admin/users", label: t("users.title") }, { label: t("users.new") }]}
        intro={actionData?.ok ? null : t("users.newIntro")}
      />
      {actionData?.ok ? <Created result={actionData} /> : <NewUserForm server={actionData ?? null} />}
    </>
  );
}

function Created({ result }: { result: CreatedUser }) {
  const t = useT();
  return (
    <>
      <Flash message={t("users.created", { username: result.created.username })} />
      <section className="card stack" aria-labelledby="initial-password">
        <h2 id="initial-password">{t("users.password")}</h2>
        {result.generatedPassword ? (
          <>
            <p>{t("users.generatedOnce", { name: result.created.name })}</p>
            <p>
              <code data-testid="generated-password" style={{ fontSize: "1.4rem", letterSpacing: "0.05em" }}>
                {result.generatedPassword}
              </code>
            </p>
          </>
        ) : (
          <p>{t("users.chosenPassword")}</p>
        )}
        <p className="muted small">{t("users.mustChangeHint")}</p>
        <p style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap" }}>
          <Link className="button" to={`/admin/users/${result.created.id}`}>
            {t("users.openUser")}
          </Link>
          <Link className="button secondary" to="/admin/users/new">
            {t("users.addAnother")}
          </Link>
        </p>
      </section>
    </>
  );
}

function NewUserForm({ server }: { server: FormFailure | null }) {
  const t = useT();
  const { pantiOptions, unitOptions } = useLoaderData<typeof loader>();
  const defaults = { username: "", name: "", role: "panti_admin", pantiId: "", outreachUnit: "", password: "" };
  const zodForm = useZodForm(createUserSchema, { defaultValues: defaults, server });
  const { register, errorFor, onSubmit } = zodForm;
  return (
    <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="new-user">
      <h2 id="new-user">{t("users.account")}</h2>
      <FormError message={server?.formError} />
      <Field id="username" label={t("users.username")} hint={t("users.usernameHint")} error={errorFor("username")}>
        <input
          id="username"
          type="text"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={32}
          aria-describedby="username-hint username-error"
          {...register("username")}
        />
      </Field>
      <Field id="name" label={t("users.name")} error={errorFor("name")}>
        <input id="name" type="text" maxLength={100} {...register("name")} />
      </Field>
      <RoleScopeFields zodForm={zodForm} pantiOptions={pantiOptions} unitOptions={unitOptions} />
      <PasswordField
        id="password"
        label={t("users.password")}
        hint={t("users.passwordHint")}
        error={errorFor("password")}
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        control={register("password")}
      />
      <div>
        <SubmitButton>{t("users.create")}</SubmitButton>
      </div>
    </Form>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
