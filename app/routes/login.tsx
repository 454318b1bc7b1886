import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { signInSchema } from "~/domain/auth";
import { signIn } from "~/services/auth.server";
import { createUserSession, getLang, getUser, safeRedirect } from "~/utils/auth.server";
import { badRequest, tooManyRequests } from "~/utils/http.server";
import { translator } from "~/utils/i18n";
import { useT } from "~/utils/use-i18n";
import { parseForm } from "~/utils/validation";
import { Field, FormError } from "~/components/forms/field";
import { PasswordField } from "~/components/forms/password-field";
import { SubmitButton } from "~/components/forms/submit-button";
import { useZodForm } from "~/components/forms/use-zod-form";
import { readForm } from "~/utils/body.server";
import { LanguageSwitch, pageTitle } from "~/components/ui/page-kit";

export const meta = pageTitle("title.sign_in");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/home");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = await getLang(request);
  const formData = await readForm(request);
  const parsed = parseForm(signInSchema, formData, lang);
  if (!parsed.ok) return badRequest(parsed);
  const result = signIn({
    username: parsed.data.username,
    password: parsed.data.password,
    clientAddress: context.clientAddress ?? "unknown",
  });
  const values = { username: parsed.data.username };
  if (!result.ok && result.reason === "throttled") {
    return tooManyRequests(lang, values, { messageKey: "login.throttled", ...result });
  }
  if (!result.ok) return badRequest({ errors: {}, values, formError: translator(lang)("login.invalid") });
  const to = result.mustChangePassword ? "/account/password" : safeRedirect(parsed.data.redirectTo);
  return createUserSession(result.sessionId, to);
}

export default function LoginPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { register, errorFor, onSubmit } = useZodForm(signInSchema, {
    defaultValues: { username: "", password: "", redirectTo: searchParams.get("redirectTo") ?? "" },
    server: actionData,
  });
  return (
    <main className="standalone" id="main">
      <div className="login-card">
        <div className="login-brand">
          <img src="/favicon.svg" alt="" />
          <div>
            <strong>{t("app.name")}</strong>
            <span className="muted small">{t("app.tagline")}</span>
          </div>
        </div>
        <h1>{t("login.title")}</h1>
        <p className="muted">{t("login.intro")}</p>
        <FormError message={actionData?.formError} />
        <Form method="post" className="stack" noValidate onSubmit={onSubmit}>
          <input type="hidden" {...register("redirectTo")} />
          <Field id="username" label={t("login.username")} error={errorFor("username")}>
            <input
              id="username"
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              autoFocus
              {...register("username")}
            />
          </Field>
          <PasswordField id="password" label={t("login.password")} error={errorFor("password")} autoComplete="current-password" control={register("password")} />
          <SubmitButton>{t("login.submit")}</SubmitButton>
        </Form>
        <div className="login-footer">
          <span>{t("login.confidential")}</span>
        </div>
        <div className="login-footer">
          <LanguageSwitch className="link-button" />
        </div>
      </div>
    </main>
  );
}
