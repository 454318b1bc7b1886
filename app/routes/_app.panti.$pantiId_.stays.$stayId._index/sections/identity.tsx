import { Link } from "@remix-run/react";
import { Fragment } from "react";
import { PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import { useLang, useT } from "~/utils/use-i18n";
import { CalendarDate } from "~/components/ui/dates";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";

/** Who the resident is: identification, numbers, identity documents, age, origin and category. */
export function IdentitySection({ file, base }: { file: CaseFile; base: string }) {
  const t = useT();
  const lang = useLang();
  const { person, can } = file;
  return (
    <section className="card" aria-labelledby="identity">
      <h2 id="identity">{t("caseFile.identity")}</h2>
      <dl className="facts">
        <dt>{t("caseFile.identity.status")}</dt>
        <dd data-testid="identification">
          {person.unidentified ? (
            <>
              <span className="badge full">{t("caseFile.unidentified")}</span>
              <span className="muted small"> {t("caseFile.identity.unidentifiedHint")}</span>
            </>
          ) : (
            <span className="badge ok">{t("caseFile.identified")}</span>
          )}
        </dd>
        {person.description ? (
          <>
            <dt>{t("caseFile.identity.description")}</dt>
            <dd className="pre">{person.description}</dd>
          </>
        ) : null}
        <dt>{t("placement.nik")}</dt>
        <dd>{person.nik ?? "–"}</dd>
        <dt>{t("placement.kk")}</dt>
        <dd>{person.kk ?? "–"}</dd>
        {(["ektp", "bpjs"] as const).map((doc) => {
          const step = file.identity.status[doc];
          return (
            <Fragment key={doc}>
              <dt>{t(`identityDoc.${doc}`)}</dt>
              <dd data-testid={`doc-${doc}`}>
                {step ? (
                  <>
                    <span className={`badge ${step.status === "issued" ? "ok" : step.status === "rejected" ? "over" : "muted"}`}>
                      {t(`identityStatus.${step.status}`)}
                    </span>{" "}
                    <CalendarDate value={step.stepOn} />
                    {step.number ? ` · ${step.number}` : ""}
                  </>
                ) : (
                  t("caseFile.identity.noSteps")
                )}
              </dd>
            </Fragment>
          );
        })}
        <dt>{t("caseFile.identity.age")}</dt>
        <dd>
          {person.age == null
            ? "–"
            : t(person.ageEstimated ? "caseFile.identity.ageEstimated" : "caseFile.identity.ageYears", { n: person.age })}
        </dd>
        <dt>{t("caseFile.identity.origin")}</dt>
        <dd>{[person.originCity, person.originProvince].filter(Boolean).join(", ") || "–"}</dd>
        <dt>{t("caseFile.identity.category")}</dt>
        <dd>{referenceLabel(PPKS_CATEGORIES, person.ppksCategory, lang)}</dd>
      </dl>
      <p className="muted small">{t("caseFile.identity.photoFree")}</p>
      {can.write ? (
        <p className="no-print">
          <Link to={`${base}/identity`}>{t("caseFile.identity.manage")}</Link>
        </p>
      ) : null}
    </section>
  );
}
