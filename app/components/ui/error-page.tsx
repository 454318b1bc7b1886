import type { T } from "~/utils/i18n";

/** Which message an error status shows; anything else is "unexpected". */
const KIND_BY_STATUS: Record<number, string> = {
  400: "badRequest",
  403: "forbidden",
  404: "notFound",
  413: "tooLarge",
  415: "badRequest",
};

/** The body of an error page for 400, 403, 404, 413, 415 and anything else. */
export function ErrorPage({ status, t }: { status: number; t: T }) {
  const kind = KIND_BY_STATUS[status] ?? "unexpected";
  return (
    <section className="error-page" role="alert">
      <p className="error-code">{status}</p>
      <h1>{t.dynamic(`error.${kind}.title`)}</h1>
      <p>{t.dynamic(`error.${kind}.body`)}</p>
      <p>
        <a href="/home">{t("nav.home")}</a>
      </p>
    </section>
  );
}
