import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { enrolmentPage } from "~/queries/programmes.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";

export const meta: MetaFunction = () => [{ title: "Sertifikat — Panti" }];

const paramsSchema = z.object({ classId: z.coerce.number().int().positive(), enrolmentId: z.coerce.number().int().positive() });

/** The printable certificate of completion of a trainee who completed the class. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  const user = await requirePermission(request, "class:read");
  const page = enrolmentPage(user, parsed.data.classId, parsed.data.enrolmentId);
  if (!page) throw notFound();
  return page;
}

export default function CertificatePage() {
  const page = useLoaderData<typeof loader>();
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
  const competent = page.modules.filter((m) => m.progress?.status === "competent");
  const programme = lang === "en" ? cls.programmeNameEn : cls.programmeNameId;
  return (
    <>
      <div className="page-header no-print">
        <div className="breadcrumb">
          <Link to={`/classes/${cls.id}/enrolments/${enrolment.id}`}>← {page.person.name}</Link>
        </div>
        <button type="button" onClick={() => window.print()}>
          {t("common.print")}
        </button>
      </div>
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
            start: formatDate(lang, cls.startDate),
            end: formatDate(lang, enrolment.endedAt ?? cls.endDate),
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
