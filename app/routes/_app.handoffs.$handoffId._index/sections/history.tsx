import { useT } from "~/utils/use-i18n";
import { Instant } from "~/components/ui/dates";
import type { HandoffDetail } from "~/routes/_app.handoffs.$handoffId._index/route";

/** Every status the hand-off went through, and each packet sent to the partner with its attempts. */
export function HandoffHistory({ detail }: { detail: HandoffDetail }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="history">
      <h2 id="history">{t("handoff.history")}</h2>
      <ol className="plain-list" data-testid="handoff-events">
        {detail.events.map((e) => (
          <li key={e.id}>
            <strong>
              <Instant value={e.at} withTime />
            </strong>{" "}
            · {t(`handoff.status.${e.status}`)}
            {e.remote ? <span className="muted small"> · {t("handoff.byPartner", { partner: detail.partner.name })}</span> : null}
            {e.actorName ? <span className="muted small"> · {e.actorName}</span> : null}
            {e.note ? <div className="pre small">{e.note}</div> : null}
          </li>
        ))}
      </ol>
      {detail.deliveries.length ? (
        <>
          <h3>{t("outbox.title")}</h3>
          <ul className="plain-list" data-testid="handoff-deliveries">
            {detail.deliveries.map((d) => (
              <li key={d.id}>
                {t(`outbox.kind.${d.kind}`)} · <span className={`badge ${d.status === "delivered" ? "ok" : d.status === "rejected" ? "over" : "muted"}`}>{t(`outbox.status.${d.status}`)}</span> ·{" "}
                {t("outbox.attempts", { n: d.attempts })}
                {d.lastError ? <div className="small muted">{d.lastError}</div> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
