import { formatCalendarDate } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { CalendarDate } from "~/components/ui/dates";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";
import { CardHeading } from "./card-heading";

/** The latest assessment in full, and the dates of the earlier ones. */
export function AssessmentSection({ file, base }: { file: CaseFile; base: string }) {
  const t = useT();
  const lang = useLang();
  const assessment = file.assessments[0];
  return (
    <section className="card" aria-labelledby="assessment">
      <CardHeading
        id="assessment"
        title={t("caseFile.assessment")}
        link={file.can.write ? { to: `${base}/assessment`, label: t("caseFile.assessment.new") } : null}
      />
      {assessment ? (
        <dl className="facts" data-testid="assessment">
          <dt>{t("caseFile.assessment.assessedOn")}</dt>
          <dd>
            <CalendarDate value={assessment.assessedOn} />
            {assessment.recordedByName ? ` · ${t("caseFile.by", { name: assessment.recordedByName })}` : ""}
          </dd>
          <dt>{t("caseFile.assessment.problems")}</dt>
          <dd className="pre">{assessment.problems}</dd>
          <dt>{t("caseFile.assessment.strengths")}</dt>
          <dd className="pre">{assessment.strengths ?? "–"}</dd>
          <dt>{t("caseFile.assessment.familySituation")}</dt>
          <dd className="pre">{assessment.familySituation ?? "–"}</dd>
          <dt>{t("caseFile.assessment.health")}</dt>
          <dd className="pre">{assessment.health ?? "–"}</dd>
          {assessment.cluster ? (
            <>
              <dt>{t("caseFile.assessment.cluster")}</dt>
              <dd>{t(`cluster.${assessment.cluster}`)}</dd>
            </>
          ) : null}
          <dt>{t("caseFile.assessment.summary")}</dt>
          <dd className="pre">{assessment.summary ?? "–"}</dd>
        </dl>
      ) : (
        <p className="muted">{t("caseFile.assessment.none")}</p>
      )}
      {file.assessments.length > 1 ? (
        <p className="muted small">
          {t("caseFile.assessment.earlier")}:{" "}
          {file.assessments
            .slice(1)
            .map((a) => formatCalendarDate(lang, a.assessedOn))
            .join(", ")}
        </p>
      ) : null}
    </section>
  );
}
