import { PSYCHOSOCIAL_SERVICES } from "~/domain/case-file";
import { EXIT_OUTCOMES, referenceLabel } from "~/domain/reference";
import { useLang, useT } from "~/utils/use-i18n";
import { CalendarDate, Instant } from "~/components/ui/dates";
import type { PersonSummary } from "~/routes/_app.panti.$pantiId_.stays.$stayId.summary/route";

type SummaryStay = PersonSummary["stays"][number];

/** One stay: where and when, and (for the stays the reader may read) what was recorded in it. */
export function StayPart({ stay }: { stay: SummaryStay }) {
  const t = useT();
  const lang = useLang();
  const r = stay.records;
  const none = <p className="muted small">{t("summary.none")}</p>;
  return (
    <div className="stack" data-testid="summary-stay">
      <h3>
        {stay.pantiName}: <Instant value={stay.admittedAt} /> – {stay.exitedAt ? <Instant value={stay.exitedAt} /> : "…"}
        {stay.exitOutcome ? ` (${referenceLabel(EXIT_OUTCOMES, stay.exitOutcome, lang)})` : ""}
      </h3>
      {stay.exitDestination ? <p className="small">{stay.exitDestination}</p> : null}
      {r ? (
        <>
          <h4>{t("summary.stages")}</h4>
          <ul className="small">
            {r.timeline.map((e, i) => (
              <li key={i}>
                {t(`stage.${e.stage}`)}: {e.enteredAt ? <Instant value={e.enteredAt} /> : "–"}
              </li>
            ))}
          </ul>
          <h4>{t("summary.assessments")}</h4>
          {r.assessments.length === 0 ? none : (
            <ul className="small">
              {r.assessments.map((a) => (
                <li key={a.id}>
                  <CalendarDate value={a.assessedOn} />: <span className="pre">{a.problems}</span>
                  {a.summary ? ` — ${a.summary}` : ""}
                </li>
              ))}
            </ul>
          )}
          <h4>{t("summary.plans")}</h4>
          {r.plans.length === 0 ? none : (
            <ul className="small">
              {r.plans.map((p) => (
                <li key={p.id}>
                  <CalendarDate value={p.createdOn} />: {p.goals.map((g) => g.goal).join("; ")}
                </li>
              ))}
            </ul>
          )}
          <h4>{t("summary.sessions")}</h4>
          <p className="muted small">{t("summary.sessionsNote")}</p>
          {r.sessions.length === 0 ? none : (
            <ul className="small">
              {r.sessions.map((s) => (
                <li key={s.id}>
                  <Instant value={s.sessionAt} /> · {referenceLabel(PSYCHOSOCIAL_SERVICES, s.serviceCode, lang)}
                  {s.summary ? ` — ${s.summary}` : ""}
                </li>
              ))}
            </ul>
          )}
          <h4>{t("summary.family")}</h4>
          {r.tracing.length === 0 ? none : (
            <ul className="small">
              {r.tracing.map((a) => (
                <li key={a.id}>
                  <Instant value={a.attemptedAt} /> · {t(`tracingChannel.${a.channel}`)} · {t(`tracingResult.${a.result}`)}
                  {a.contactName ? ` · ${a.contactName}` : ""}
                </li>
              ))}
            </ul>
          )}
          <h4>{t("summary.followUps")}</h4>
          {r.followUps.length === 0 ? none : (
            <ul className="small">
              {r.followUps.map((f) => (
                <li key={f.id}>
                  #{f.sequence} · <CalendarDate value={f.dueDate} />
                  {f.doneAt ? (
                    <>
                      {" "}
                      · <Instant value={f.doneAt} />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <h4>{t("summary.incidents")}</h4>
          {r.incidents.length === 0 ? none : (
            <ul className="small">
              {r.incidents.map((i) => (
                <li key={i.id}>
                  <Instant value={i.occurredAt} /> · {t(`incidentType.${i.type}`)} ({t(`severity.${i.severity}`)}) — {i.description}
                </li>
              ))}
            </ul>
          )}
          <h4>{t("summary.shared")}</h4>
          {r.handoffs.length + r.tracingRequests.length === 0 ? none : (
            <ul className="small" data-testid="summary-shared">
              {r.handoffs.map((h) => (
                <li key={`h${h.id}`}>
                  {t("summary.handoff")} #{h.id} · {h.partnerName} · {t(`handoff.status.${h.status}`)}
                  {h.plannedDate ? (
                    <>
                      {" "}
                      · <CalendarDate value={h.plannedDate} />
                    </>
                  ) : null}
                </li>
              ))}
              {r.tracingRequests.map((q) => (
                <li key={`q${q.id}`}>
                  {t("summary.tracingRequest")} #{q.id} · {q.partnerName} · {t(`tracing.status.${q.status}`)} · <Instant value={q.createdAt} />
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </div>
  );
}
