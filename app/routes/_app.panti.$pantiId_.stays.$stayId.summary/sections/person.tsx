import { referenceLabel, PPKS_CATEGORIES } from "~/domain/reference";
import { useLang, useT } from "~/utils/use-i18n";
import { CalendarDate, Instant } from "~/components/ui/dates";
import type { PersonSummary } from "~/routes/_app.panti.$pantiId_.stays.$stayId.summary/route";

/** Who the person is, as the app holds it. */
export function IdentityPart({ summary }: { summary: PersonSummary }) {
  const t = useT();
  const lang = useLang();
  const { person } = summary;
  return (
    <section className="card">
      <h2>{t("summary.identity")}</h2>
      <dl className="facts">
        <dt>{t("placement.personName")}</dt>
        <dd>{person.displayName}</dd>
        <dt>{t("placement.nik")}</dt>
        <dd>{person.nik ?? "–"}</dd>
        <dt>{t("placement.kk")}</dt>
        <dd>{person.kk ?? "–"}</dd>
        <dt>{t("placement.sex")}</dt>
        <dd>{t(`sex.${person.sex}`)}</dd>
        <dt>{t("placement.birthDate")}</dt>
        <dd>{person.birthDate ? <CalendarDate value={person.birthDate} /> : person.age != null ? `± ${person.age}` : "–"}</dd>
        <dt>{t("caseFile.identity.origin")}</dt>
        <dd>{[person.originCity, person.originProvince].filter(Boolean).join(", ") || "–"}</dd>
        <dt>{t("caseFile.identity.category")}</dt>
        <dd>{referenceLabel(PPKS_CATEGORIES, person.ppksCategory, lang)}</dd>
        {summary.restriction.restricted ? (
          <>
            <dt>{t("safeguarding.restricted")}</dt>
            <dd>{summary.restriction.category ? t(`restriction.${summary.restriction.category}`) : "–"}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** What is held about the person beside their stays: family, documents, consents, who read the file. */
export function PersonRecordsPart({ summary }: { summary: PersonSummary }) {
  const t = useT();
  const none = <p className="muted">{t("summary.none")}</p>;
  return (
    <>
      <section className="card">
        <h2>{t("summary.family")}</h2>
        {summary.contacts.length === 0 ? none : (
          <ul>
            {summary.contacts.map((c) => (
              <li key={c.id}>
                {c.name} ({c.relation}){c.phone ? ` · ${c.phone}` : ""}
                {c.address ? ` · ${c.address}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <h2>{t("caseFile.identity.docs")}</h2>
        {summary.identity.steps.length === 0 ? none : (
          <ul>
            {summary.identity.steps.map((s) => (
              <li key={s.id}>
                <CalendarDate value={s.stepOn} /> · {t(`identityDoc.${s.document}`)} · {t(`identityStatus.${s.status}`)}
                {s.number ? ` · ${s.number}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <h2>{t("summary.consents")}</h2>
        {summary.consents.length === 0 ? none : (
          <ul>
            {summary.consents.map((c) => (
              <li key={c.id}>
                <CalendarDate value={c.decidedOn} /> · {t(`consentPurpose.${c.purpose}`)} · {t(`consentDecision.${c.decision}`)}
                {c.expiresOn ? (
                  <>
                    {" "}
                    · {t("consent.expiresOn")} <CalendarDate value={c.expiresOn} />
                  </>
                ) : null}
                {c.onBehalfBy ? ` · ${t("consent.onBehalfBy")}: ${c.onBehalfBy}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <h2>{t("summary.reads")}</h2>
        {summary.reads.length === 0 ? none : (
          <ul className="small">
            {summary.reads.map((r) => (
              <li key={r.id}>
                <Instant value={r.at} withTime /> · {r.userName} ({t(`role.${r.role}`)}) · {r.pantiName ?? "–"} · {t(`readPage.${r.page}`)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
