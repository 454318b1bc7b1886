import { Link } from "@remix-run/react";
import { useT } from "~/utils/use-i18n";
import { CalendarDate } from "~/components/ui/dates";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";
import { CardHeading } from "./card-heading";

/** Hand-offs of this stay to the home province (FKD-MPU), with their status as the partner reports it. */
export function HandoffsSection({ file, base }: { file: CaseFile; base: string }) {
  const t = useT();
  const { handoffs, handoffUnderWay, can } = file;
  if (handoffs.length === 0 && !can.handoff) return null;
  return (
    <section className="card" aria-labelledby="handoffs">
      <CardHeading id="handoffs" title={t("handoff.caseFile")} link={can.handoff && !handoffUnderWay ? { to: `${base}/handoff`, label: t("handoff.prepare.action") } : null} />
      {handoffs.length ? (
        <ul className="plain-list" data-testid="case-handoffs">
          {handoffs.map((h) => (
            <li key={h.id}>
              <Link to={`/handoffs/${h.id}`}>{h.partnerName}</Link> · <span className={`badge handoff-${h.status}`}>{t(`handoff.status.${h.status}`)}</span>
              {h.arrivalCondition ? ` · ${t(`handoff.condition.${h.arrivalCondition}`)}` : ""} · <CalendarDate value={h.plannedDate} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t("handoff.caseFile.none")}</p>
      )}
      {can.handoff ? (
        <p className="no-print small">
          <Link to={`${base}/tracing-request`}>{t("handoff.caseFile.tracing")}</Link>
        </p>
      ) : null}
    </section>
  );
}
