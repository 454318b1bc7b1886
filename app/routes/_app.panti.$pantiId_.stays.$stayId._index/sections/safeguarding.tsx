import { useT } from "~/utils/use-i18n";
import { CalendarDate, Instant } from "~/components/ui/dates";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";
import { ConsentBadge } from "~/components/safeguarding/consent-badge";
import { CardHeading } from "./card-heading";

/** The incidents of the stay, newest first. */
export function IncidentsSection({ file, base }: { file: CaseFile; base: string }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="incidents" data-testid="incidents">
      <CardHeading
        id="incidents"
        title={t("incident.title")}
        link={file.can.recordIncident ? { to: `${base}/incidents/new`, label: t("incident.record") } : null}
      />
      {file.incidents.length === 0 ? (
        <p className="muted">{t("incident.none")}</p>
      ) : (
        <ul className="stack">
          {file.incidents.map((i) => (
            <li key={i.id} data-testid="incident">
              <Instant value={i.occurredAt} withTime /> · <strong>{t(`incidentType.${i.type}`)}</strong>{" "}
              <span className={`badge ${i.severity === "high" || i.severity === "critical" ? "full" : "info"}`}>{t(`severity.${i.severity}`)}</span>
              {i.acknowledgedAt ? <span className="badge ok"> {t("incident.acknowledged")}</span> : null}
              <div className="pre small">{i.description}</div>
              <div className="small muted">
                {t("incident.actionTaken")}: {i.actionTaken}
              </div>
              {i.recordedByName ? (
                <div className="small muted">
                  {t("incident.recordedBy")}: {i.recordedByName}
                </div>
              ) : null}
              {i.notified.length > 0 || i.notifiedOther ? (
                <div className="small muted">
                  {t("incident.told")}: {[...i.notified.map((n) => t(`told.${n}`)), ...(i.notifiedOther ? [i.notifiedOther] : [])].join(", ")}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Consent to share, per purpose: the state today, with expiry dates. */
export function ConsentSection({ file, base }: { file: CaseFile; base: string }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="consents" data-testid="consents">
      <CardHeading id="consents" title={t("consent.title")} link={file.can.recordConsent ? { to: `${base}/consent`, label: t("consent.manage") } : null} />
      <dl className="facts">
        {file.consents.states.map((c) => (
          <div key={c.purpose} style={{ display: "contents" }}>
            <dt>{t(`consentPurpose.${c.purpose}`)}</dt>
            <dd data-testid="consent-state" data-purpose={c.purpose}>
              <ConsentBadge state={c.state} />
              {c.record?.expiresOn ? (
                <span className="small muted">
                  {" "}
                  {t("consent.expiresOn")} <CalendarDate value={c.record.expiresOn} />
                </span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
