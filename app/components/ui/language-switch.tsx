import { Form, useLocation } from "@remix-run/react";
import { useLang, useT } from "~/utils/use-i18n";

/**
 * A one-button form that switches between Bahasa Indonesia and English (works without JS). It
 * reloads the document: a page has the messages of its own language only (root.tsx).
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const lang = useLang();
  const t = useT();
  const location = useLocation();
  return (
    <Form method="post" action="/set-language" reloadDocument>
      <input type="hidden" name="lang" value={lang === "id" ? "en" : "id"} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className={className} lang={lang === "id" ? "en" : "id"}>
        {t("lang.switch")}
      </button>
    </Form>
  );
}
