import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useSearchParams, type ClientLoaderFunctionArgs } from "@remix-run/react";
import { signIn } from "~/services/auth.server";
import { createUserSession, getLang, getUser, safeRedirect } from "~/utils/auth.server";
import { badRequest, parseForm, tooManyRequests } from "~/utils/http.server";
import { signInSchema } from "~/utils/loader-schemas.server";
import { translator } from "~/utils/i18n";
import { useT } from "~/utils/use-i18n";
import { LazySignInForm, preloadSignInForm } from "~/components/users/lazy-sign-in-form";
import { readForm } from "~/utils/body.server";
import { LanguageSwitch, pageTitle } from "~/components/ui/page-kit";

export const meta = pageTitle("title.sign_in");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/home");
  return null;
}

/** A client-side navigation here (signing out) loads the form's code beside the data: the page has no server markup to show meanwhile. */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const [data] = await Promise.all([serverLoader<typeof loader>(), preloadSignInForm()]);
  return data;
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
        <LazySignInForm server={actionData} redirectTo={searchParams.get("redirectTo") ?? ""} />
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
