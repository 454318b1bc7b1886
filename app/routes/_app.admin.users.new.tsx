import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { ROLES, type Role } from "~/domain/permissions";
import { createUserSchema, isPantiScoped, needsOutreachUnit, PASSWORD_MIN_LENGTH } from "~/domain/users";
import { newUserForm } from "~/queries/users.server";
import { createUser } from "~/services/users.server";
import { getLang, requirePermission } from "~/utils/auth.server";
import { badRequest, runService } from "~/utils/http.server";
import { useT } from "~/utils/use-i18n";
import { formValues, parseForm } from "~/utils/validation";
import { Field } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { readForm } from "~/utils/body.server";

export const meta: MetaFunction = () => [{ title: "Tambah pengguna — Panti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "user:manage");
  return newUserForm();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "user:manage");
  const lang = await getLang(request);
  const formData = await readForm(request);
  const parsed = parseForm(createUserSchema, formData, lang);
  if (!parsed.ok) return badRequest(parsed);
  const outcome = runService(lang, formValues(formData), () => createUser(user, parsed.data));
  if (!outcome.ok) return outcome.response;
  // The generated password is in this response only: never cached, never stored in clear.
  return data(
    { ok: true as const, created: outcome.result.user, generatedPassword: outcome.result.generatedPassword },
    { headers: { "Cache-Control": "no-store" } },
  );
}

type ActionData =
  | { ok: true; created: { id: number; username: string; name: string }; generatedPassword: string | null }
  | { ok: false; errors: Record<string, string[]>; values: Record<string, string>; formError?: string };

export default function NewUserPage() {
  const t = useT();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  return (
    <>
      <div className="page-header">
        <div>
          <div className="breadcrumb">
            <Link to="/admin/users">{t("users.title")}</Link> / {t("users.new")}
          </div>
          <h1>{t("users.new")}</h1>
          {actionData?.ok ? null : <p>{t("users.newIntro")}</p>}
        </div>
      </div>
      {actionData?.ok ? <Created result={actionData} /> : <NewUserForm server={actionData ?? null} />}
    </>
  );
}

function Created({ result }: { result: Extract<ActionData, { ok: true }> }) {
  const t = useT();
  return (
    <>
      <div className="alert success" role="status">
        {t("users.created", { username: result.created.username })}
      </div>
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

function NewUserForm({ server }: { server: Extract<ActionData, { ok: false }> | null }) {
  const t = useT();
  const { pantiOptions, unitOptions } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const defaults = { username: "", name: "", role: "panti_admin", pantiId: "", outreachUnit: "", password: "" };
  const { form, register, errorFor, onSubmit } = useZodForm(createUserSchema, { defaultValues: defaults, server });
  // The values are also rendered into the HTML, so that without JavaScript the form shows what was typed.
  const initial: Record<string, string> = { ...defaults, ...(server?.values ?? {}) };
  const field = (name: keyof typeof defaults) => ({ ...register(name), defaultValue: initial[name] });
  // Messages of the schema are keys: translate them (server messages pass through unchanged).
  const error = (name: string) => errorFor(name)?.map((m) => t(m));

  // With JavaScript, choosing another role clears a panti or unit the new role cannot have.
  const role = form.watch("role") as Role;
  const previousRole = useRef(role);
  useEffect(() => {
    if (previousRole.current === role) return;
    previousRole.current = role;
    if (!isPantiScoped(role)) form.setValue("pantiId", "");
    if (!needsOutreachUnit(role)) form.setValue("outreachUnit", "");
  }, [role, form]);

  const invalid = (name: string) => (error(name) ? true : undefined);
  return (
    <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="new-user">
      <h2 id="new-user">{t("users.account")}</h2>
      {server?.formError ? (
        <div className="alert error" role="alert">
          {server.formError}
        </div>
      ) : null}
      <Field id="username" label={t("users.username")} hint={t("users.usernameHint")} error={error("username")}>
        <input
          id="username"
          type="text"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={32}
          aria-describedby="username-hint username-error"
          aria-invalid={invalid("username")}
          {...field("username")}
        />
      </Field>
      <Field id="name" label={t("users.name")} error={error("name")}>
        <input id="name" type="text" maxLength={100} aria-invalid={invalid("name")} {...field("name")} />
      </Field>
      <Field id="role" label={t("users.role")} error={error("role")}>
        <select id="role" aria-invalid={invalid("role")} {...field("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="pantiId" label={t("users.panti")} hint={t("users.pantiHint")} error={error("pantiId")}>
        <select
          id="pantiId"
          aria-describedby="pantiId-hint pantiId-error"
          aria-invalid={invalid("pantiId")}
          {...field("pantiId")}
        >
          <option value="">{t("common.none")}</option>
          {pantiOptions.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.active ? "" : ` (${t("users.inactive")})`}
            </option>
          ))}
        </select>
      </Field>
      <Field id="outreachUnit" label={t("users.outreachUnit")} hint={t("users.unitHint")} error={error("outreachUnit")}>
        <select
          id="outreachUnit"
          aria-describedby="outreachUnit-hint outreachUnit-error"
          aria-invalid={invalid("outreachUnit")}
          {...field("outreachUnit")}
        >
          <option value="">{t("common.none")}</option>
          {unitOptions.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="password" label={t("users.password")} hint={t("users.passwordHint")} error={error("password")}>
        <input
          id="password"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          aria-describedby="password-hint password-error"
          aria-invalid={invalid("password")}
          {...register("password")}
        />
      </Field>
      <div>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("users.create")}
        </button>
      </div>
    </Form>
  );
}
