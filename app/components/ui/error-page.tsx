import type { T } from "~/utils/i18n";

/** The body of an error page for 403, 404 and anything else. */
export function ErrorPage({ status, t }: { status: number; t: T }) {
  const kind = status === 404 ? "notFound" : status === 403 ? "forbidden" : "unexpected";
  return (
    <section className="error-page" role="alert">
      <p className="error-code">{status}</p>
      <h1>{t(`error.${kind}.title`)}</h1>
      <p>{t(`error.${kind}.body`)}</p>
      <p>
        <a href="/home">{t("nav.home")}</a>
      </p>
    </section>
  );
}
