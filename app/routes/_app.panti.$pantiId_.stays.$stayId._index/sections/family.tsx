import { familyState } from "~/domain/case-file";
import { EXIT_OUTCOMES, referenceLabel } from "~/domain/reference";
import { formatDate } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { Instant } from "~/components/ui/dates";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";
import { CardHeading } from "./card-heading";

/** The family's contacts and every attempt to trace them. */
export function FamilySection({ file, base }: { file: CaseFile; base: string }) {
  const t = useT();
  const lang = useLang();
  const { contacts, attempts, located } = file.family;
  const state = familyState(located, file.stay);
  return (
    <section className="card" aria-labelledby="family">
      <CardHeading id="family" title={t("caseFile.family")} link={file.can.write ? { to: `${base}/family`, label: t("caseFile.family.manage") } : null} />
      {state.kind === "returned" ? (
        <p data-testid="family-returned">
          <span className="badge ok">{referenceLabel(EXIT_OUTCOMES, state.outcome, lang)}</span>{" "}
          {t("caseFile.family.returnedOn", { date: formatDate(lang, state.at) })}
        </p>
      ) : state.kind === "notLocated" ? (
        <p className="muted">{t("caseFile.family.notLocated")}</p>
      ) : null}
      <div className="grid-2">
        <div>
          <h3>{t("caseFile.family.contacts")}</h3>
          {contacts.length ? (
            <ul className="plain-list" data-testid="family-contacts">
              {contacts.map((c) => (
                <li key={c.id}>
                  <strong>{c.name}</strong> ({c.relation}){c.phone ? ` · ${c.phone}` : ""}
                  {c.address ? <div className="muted small">{c.address}</div> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{t("caseFile.family.noContacts")}</p>
          )}
        </div>
        <div>
          <h3>{t("caseFile.family.attempts")}</h3>
          {attempts.length ? (
            <ul className="plain-list" data-testid="tracing-attempts">
              {attempts.map((a) => (
                <li key={a.id}>
                  <strong>
                    <Instant value={a.attemptedAt} withTime />
                  </strong>{" "}
                  · {t(`tracingChannel.${a.channel}`)} ·{" "}
                  <span className={`badge ${a.result === "family_located" ? "ok" : a.result === "family_refused" ? "over" : "muted"}`}>
                    {t(`tracingResult.${a.result}`)}
                  </span>
                  {a.contactName ? <span className="muted small"> · {a.contactName}</span> : null}
                  {a.notes ? <div className="pre small">{a.notes}</div> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{t("caseFile.family.noAttempts")}</p>
          )}
        </div>
      </div>
    </section>
  );
}
