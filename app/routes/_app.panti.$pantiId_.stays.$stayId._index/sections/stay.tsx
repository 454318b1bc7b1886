import { Link } from "@remix-run/react";
import { EXIT_OUTCOMES, referenceLabel } from "~/domain/reference";
import { daysBetween } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { Instant } from "~/components/ui/dates";
import { ApprovalState } from "~/components/approvals/approval-state";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";

/** The stay itself: panti, admission, length, bed, referral and exit. */
export function StaySection({ file, base, now }: { file: CaseFile; base: string; now: Date }) {
  const t = useT();
  const lang = useLang();
  const { stay, panti, can } = file;
  return (
    <section className="card" aria-labelledby="stay">
      <h2 id="stay">{t("caseFile.stay")}</h2>
      <dl className="facts">
        <dt>{t("caseFile.stay.panti")}</dt>
        <dd>{panti.name}</dd>
        <dt>{t("caseFile.stay.admittedAt")}</dt>
        <dd>
          <Instant value={stay.admittedAt} withTime />
        </dd>
        <dt>{t("caseFile.stay.length")}</dt>
        <dd>{t("common.days", { n: daysBetween(stay.admittedAt, stay.exitedAt ?? now) })}</dd>
        <dt>{t("caseFile.stay.bed")}</dt>
        <dd data-testid="current-bed">
          {file.bed
            ? `${file.bed.roomName} · ${file.bed.label}${file.bed.overflow ? ` (${t("caseFile.stay.overflow")})` : ""}`
            : stay.open
              ? t("caseFile.stay.noBed")
              : "–"}
        </dd>
        {stay.placementId ? (
          <>
            <dt>{t("caseFile.stay.referral")}</dt>
            <dd>
              <Link to={`/placements/${stay.placementId}`}>#{stay.placementId}</Link>
            </dd>
          </>
        ) : null}
        <dt>{t("caseFile.exit")}</dt>
        <dd data-testid="exit-summary">
          {stay.exitedAt ? (
            <>
              {referenceLabel(EXIT_OUTCOMES, stay.exitOutcome, lang)} · <Instant value={stay.exitedAt} withTime />
              {stay.exitDestination ? (
                <>
                  <br />
                  {t("caseFile.exit.destination")}: {stay.exitDestination}
                </>
              ) : null}
            </>
          ) : file.pendingExit ? (
            <>
              {t("approval.exit.waiting", { reason: t.dynamic(`approval.reason.${file.pendingExit.reason}`) })}
              <ApprovalState state={file.pendingExit} />
            </>
          ) : (
            t("caseFile.exit.ongoing")
          )}
        </dd>
      </dl>
      <p className="no-print link-row">
        {can.exit ? <Link to={`${base}/exit`}>{stay.open ? t("caseFile.exit.record") : t("caseFile.exit.view")}</Link> : null}
        {can.move ? <Link to={`${base}/move`}>{t("caseFile.stay.move")}</Link> : null}
      </p>
    </section>
  );
}
