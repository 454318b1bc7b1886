import { Link } from "@remix-run/react";
import { DISABILITY_SUBTYPES, OUTREACH_UNITS, PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import { formatDateTime } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { CalendarDate, Instant } from "~/components/ui/dates";
import { StatusBadge } from "~/components/ui/status-badge";
import type { PlacementPageData } from "~/routes/_app.placements.$placementId/route";

/** What the referral says: the person, where they were found, the assessment and the decision. */
export function PlacementFacts({ placement: p }: { placement: PlacementPageData["placement"] }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <div className="grid-2">
        <section className="card">
          <h2>{t("placement.person")}</h2>
          <dl className="facts">
            <dt>{t("placement.personName")}</dt>
            <dd>
              {p.name}
              {p.unidentified ? <span className="badge muted"> {t("panti.bed.unidentified")}</span> : null}
            </dd>
            {p.description ? (
              <>
                <dt>{t("placement.description")}</dt>
                <dd>{p.description}</dd>
              </>
            ) : null}
            <dt>{t("placement.sex")}</dt>
            <dd>{t(`sex.${p.sex}`)}</dd>
            <dt>{t("placement.age")}</dt>
            <dd>
              {p.age != null ? t("placement.ageYears", { n: p.age }) : "–"}
              {p.birthDate ? (
                <>
                  {" "}
                  (<CalendarDate value={p.birthDate} />)
                </>
              ) : null}
            </dd>
            <dt>{t("placement.nik")}</dt>
            <dd>{p.nik ?? "–"}</dd>
            <dt>{t("placement.kk")}</dt>
            <dd>{p.kk ?? "–"}</dd>
            <dt>{t("placement.originProvince")}</dt>
            <dd>{[p.originCity, p.originProvince].filter(Boolean).join(", ") || "–"}</dd>
            <dt>{t("placement.ppksCategory")}</dt>
            <dd>{referenceLabel(PPKS_CATEGORIES, p.ppksCategory, lang)}</dd>
            {p.disabilitySubtypes.length > 0 ? (
              <>
                <dt>{t("placement.disabilitySubtypes")}</dt>
                <dd>{p.disabilitySubtypes.map((d) => referenceLabel(DISABILITY_SUBTYPES, d, lang)).join(", ")}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card">
          <h2>{t("placement.where")}</h2>
          <dl className="facts">
            <dt>{t("placement.outreachUnit")}</dt>
            <dd>{referenceLabel(OUTREACH_UNITS, p.outreachUnit, lang)}</dd>
            <dt>{t("placement.officerName")}</dt>
            <dd>{p.officerName}</dd>
            <dt>{t("placement.foundAt")}</dt>
            <dd>
              <Instant value={p.foundAt} withTime />
            </dd>
            <dt>{t("placement.foundPlace")}</dt>
            <dd>{[p.foundPlace, p.foundKelurahan, p.foundKecamatan, p.foundKota].filter(Boolean).join(", ") || "–"}</dd>
            <dt>{t("placement.reachMethod")}</dt>
            <dd>{t(`reach.${p.reachMethod}`)}</dd>
            {p.externalRef ? (
              <>
                <dt>{t("placement.externalRef")}</dt>
                <dd>{p.externalRef}</dd>
              </>
            ) : null}
          </dl>
        </section>
      </div>

      <section className="card">
        <h2>{t("placement.assessment")}</h2>
        <dl className="facts">
          <dt>{t("placement.assessmentSummary")}</dt>
          <dd className="pre">{p.assessmentSummary ?? "–"}</dd>
          <dt>{t("placement.healthNotes")}</dt>
          <dd className="pre">{p.healthNotes ?? "–"}</dd>
          <dt>{t("placement.urgentNeeds")}</dt>
          <dd className="pre">{p.urgentNeeds ?? "–"}</dd>
          <dt>{t("placement.belongings")}</dt>
          <dd className="pre">{p.belongings ?? "–"}</dd>
        </dl>
      </section>

      {p.status !== "pending" ? (
        <section className="card">
          <h2>{t("placement.status")}</h2>
          <dl className="facts">
            <dt>{t("placement.status")}</dt>
            <dd>
              <StatusBadge status={p.status} />
            </dd>
            <dt>{t("placement.decidedAt")}</dt>
            <dd>
              <Instant value={p.decidedAt} withTime /> {p.decidedByName ? `· ${t("placement.decidedBy")} ${p.decidedByName}` : ""}
            </dd>
            {p.decisionReason ? (
              <>
                <dt>{t("placement.reason")}</dt>
                <dd>{p.decisionReason}</dd>
              </>
            ) : null}
            {p.redirectedTo ? (
              <>
                <dt>{t("placement.redirectedTo")}</dt>
                <dd>
                  <Link to={`/placements/${p.redirectedTo.id}`}>
                    #{p.redirectedTo.id} {p.redirectedTo.pantiName}
                  </Link>{" "}
                  <StatusBadge status={p.redirectedTo.status} />
                </dd>
              </>
            ) : null}
            {p.admission ? (
              <>
                <dt>{t("placement.admission")}</dt>
                <dd>
                  {t("placement.admittedStay", {
                    bed: `${p.admission.bedLabel ?? "–"} (${p.admission.roomName ?? ""})`,
                    date: formatDateTime(lang, p.admission.admittedAt),
                  })}
                  {p.admission.overflow ? <span className="badge over"> {t("panti.bed.overflow")}</span> : null}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
    </>
  );
}
