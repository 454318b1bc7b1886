import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { safeRedirect } from "~/utils/auth.server";
import { isLang } from "~/utils/i18n";
import { languageCookie } from "~/utils/session.server";
import { readForm } from "~/utils/body.server";

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const lang = formData.get("lang");
  const back = safeRedirect(formData.get("redirectTo"), "/home");
  if (!isLang(lang)) return redirect(back);
  return redirect(back, { headers: { "Set-Cookie": await languageCookie.serialize(lang) } });
}

export async function loader() {
  return redirect("/home");
}
