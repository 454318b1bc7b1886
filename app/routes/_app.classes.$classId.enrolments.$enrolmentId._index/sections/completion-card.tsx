import { Form, Link } from "@remix-run/react";
import { formatPercent } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import type { EnrolmentPageData } from "~/routes/_app.classes.$classId.enrolments.$enrolmentId._index/route";

/** Whether the trainee may complete (modules and attendance), the button, or the certificate. */
export function CompletionCard({ page, busy }: { page: EnrolmentPageData; busy: boolean }) {
  const t = useT();
  const lang = useLang();
  const { check, cls, enrolment, can } = page;
  const rate = formatPercent(lang, page.rate).replace("%", "");
  const modulesOk = check.problems.every((p) => p !== "modulesIncomplete" && p !== "noModules");
  const attendanceOk = check.problems.every((p) => p !== "lowAttendance" && p !== "noSessions");
  return (
    <section className="card" data-testid="completion">
      <h2>{t("completion.title")}</h2>
      {enrolment.status === "completed" ? (
        <p>
          <span className="badge ok">{t("enrolment.status.completed")}</span> {t("certificate.number")} <strong data-testid="certificate-number">{enrolment.certificateNumber}</strong> ·{" "}
          <Link to={`/classes/${cls.id}/enrolments/${enrolment.id}/certificate`}>{t("completion.certificate")}</Link>
        </p>
      ) : (
        <>
          <p className="muted small">{t("completion.rule", { threshold: cls.attendanceThreshold })}</p>
          <ul className="checklist">
            <li className={modulesOk ? "reason good" : "reason bad"}>
              {check.problems.includes("noModules")
                ? t("completion.noModules")
                : modulesOk
                  ? t("completion.modulesOk", { competent: check.progress.competent, total: check.progress.total })
                  : t("completion.modulesMissing", { competent: check.progress.competent, total: check.progress.total })}
            </li>
            <li className={attendanceOk ? "reason good" : "reason bad"}>
              {check.problems.includes("noSessions")
                ? t("completion.noSessions")
                : attendanceOk
                  ? t("completion.attendanceOk", { rate, threshold: cls.attendanceThreshold })
                  : t("completion.attendanceLow", { rate, threshold: cls.attendanceThreshold })}
            </li>
          </ul>
          {can.complete && enrolment.status === "active" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="complete" />
              <button type="submit" disabled={busy} data-testid="complete">
                {t("completion.submit")}
              </button>
            </Form>
          ) : null}
        </>
      )}
    </section>
  );
}
