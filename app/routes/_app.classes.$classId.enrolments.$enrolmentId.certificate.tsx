import { Link, useLoaderData } from "@remix-run/react";
import { formatCalendarDate, formatDate, formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { PageHeader } from "~/components/ui/page-header";
import type { loader as enrolmentLoader } from "~/routes/_app.classes.$classId.enrolments.$enrolmentId._index/route";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("programmes");

export const meta = pageTitle("title.certificate");

/** The printable certificate of completion of a trainee who completed the class: the enrolment page's data. */
export { loader } from "~/routes/_app.classes.$classId.enrolments.$enrolmentId._index/route";

export default function CertificatePage() {
  const page = useLoaderData<typeof enrolmentLoader>();
  const t = useT();
  const lang = useLang();
  const { cls, enrolment } = page;
  if (enrolment.status !== "completed" || !enrolment.certificateNumber) {
    return (
      <div className="alert info">
        {t("certificate.notYet")} <Link to={`/classes/${cls.id}/enrolments/${enrolment.id}`}>{page.person.name}</Link>
      </div>
    );
  }
  if (page.person.masked) {
    // A restricted trainee's certificate is printed by their own panti or by Dinsos.
    return (
      <div className="alert info" data-testid="certificate-masked">
        {t("certificate.masked")} <Link to={`/classes/${cls.id}/enrolments/${enrolment.id}`}>{page.person.name}</Link>
      </div>
    );
  }
  const competent = page.modules.filter((m) => m.progress?.status === "competent");
  const programme = lang === "en" ? cls.programmeNameEn : cls.programmeNameId;
  return (
    <>
      {/* The certificate carries its own title: the header on screen holds only the way back and printing. */}
      <PageHeader
        className="no-print"
        crumbs={[{ to: `/classes/${cls.id}/enrolments/${enrolment.id}`, label: `← ${page.person.name}` }]}
        actions={
          <button type="button" onClick={() => window.print()}>
            {t("common.print")}
          </button>
        }
      />
      <article className="document certificate" data-testid="certificate">
        <div className="letterhead">
          <span>PEMERINTAH PROVINSI DAERAH KHUSUS JAKARTA</span>
          <strong>DINAS SOSIAL</strong>
          <strong>{cls.pantiName.toUpperCase()}</strong>
          <span className="small">{[cls.pantiAddress, cls.pantiKota].filter(Boolean).join(", ")}</span>
        </div>
        <h1>{t("certificate.title")}</h1>
        <p className="doc-sub">
          {t("certificate.subtitle")}
          <br />
          {t("certificate.number")}: {enrolment.certificateNumber}
        </p>
        <p className="certificate-given">{t("certificate.given")}</p>
        <p className="certificate-name">{page.person.name}</p>
        <p>
          {t("certificate.body", {
            programme,
            class: cls.name,
            panti: cls.pantiName,
            start: formatCalendarDate(lang, cls.startDate),
            end: enrolment.endedAt ? formatDate(lang, enrolment.endedAt) : formatCalendarDate(lang, cls.endDate),
            rate: page.rate == null ? "–" : formatNumber(lang, page.rate, 1),
          })}
        </p>
        <ol className="certificate-modules">
          {competent.map((m) => (
            <li key={m.id}>
              {lang === "en" ? m.nameEn : m.nameId}
              {m.progress?.score != null ? ` (${t("progress.scoreShort", { score: m.progress.score })})` : ""}
            </li>
          ))}
        </ol>
        <p className="certificate-place">{t("certificate.place", { date: formatDate(lang, enrolment.endedAt) })}</p>
        <div className="signatures">
          <div>
            {t("certificate.instructor")}
            <div className="line">{page.instructors.map((i) => i.name).join(", ")}</div>
          </div>
          <div>
            {t("certificate.head", { panti: cls.pantiName })}
            <div className="line">&nbsp;</div>
          </div>
        </div>
      </article>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
