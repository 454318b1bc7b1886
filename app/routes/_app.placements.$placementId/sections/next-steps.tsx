import { Link } from "@remix-run/react";
import { useT } from "~/utils/use-i18n";

/**
 * After an admission: where the work goes on (the case file, the bed, a class, the handover
 * record), so that accepting a referral is not a dead end.
 */
export function AdmissionNextSteps({
  pantiId,
  stayId,
  placementId,
  bedLabel,
  can,
}: {
  pantiId: number;
  stayId: number;
  placementId: number;
  bedLabel: string | null;
  can: { caseFile: boolean; move: boolean; enrol: boolean };
}) {
  const t = useT();
  const caseFile = `/panti/${pantiId}/stays/${stayId}`;
  return (
    <section className="card" aria-labelledby="next-steps" data-testid="admission-next-steps">
      <h2 id="next-steps">{t("placement.next.title")}</h2>
      <p className="actions">
        {can.caseFile ? (
          <Link className="button" to={caseFile}>
            {t("placement.next.caseFile")}
          </Link>
        ) : null}
        {can.move ? (
          <Link className="button secondary" to={`${caseFile}/move`}>
            {bedLabel ? t("placement.next.bed", { bed: bedLabel }) : t("placement.next.assignBed")}
          </Link>
        ) : null}
        {can.enrol ? (
          <Link className="button secondary" to={`${caseFile}#enrol`}>
            {t("placement.next.enrol")}
          </Link>
        ) : null}
        <Link to={`/placements/${placementId}/handover`}>{t("placement.handover.print")}</Link>
      </p>
    </section>
  );
}
