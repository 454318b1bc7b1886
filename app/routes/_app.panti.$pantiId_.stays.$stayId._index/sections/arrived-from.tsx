import { Link } from "@remix-run/react";
import { useT } from "~/utils/use-i18n";
import { ArrivalForm } from "~/components/handoffs/arrival-form";
import { PacketSummary } from "~/components/handoffs/packet-summary";
import type { CaseFile } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";
import { CardHeading } from "./card-heading";

/**
 * The stay came from a partner province's hand-off (FKD-MPU): which one and from where, the
 * person's history as the sender wrote it, and the arrival to confirm once the person is here.
 */
export function ArrivedFromSection({ file }: { file: CaseFile }) {
  const t = useT();
  const from = file.arrivedFrom;
  if (!from) return null;
  const { handoff, partner } = from;
  return (
    <section className="card stack" aria-labelledby="arrived-from" data-testid="arrived-from">
      <CardHeading
        id="arrived-from"
        title={t("handoff.arrivedFrom.title", { province: partner.name })}
        link={{ to: `/handoffs/${handoff.id}`, label: t("handoff.arrivedFrom.open", { id: handoff.id }) }}
      />
      <p>
        {t("handoff.arrivedFrom.intro", { id: handoff.id, office: partner.office })}{" "}
        <span className={`badge handoff-${handoff.status}`} data-testid="arrived-from-status">
          {t(`handoff.status.${handoff.status}`)}
        </span>
      </p>
      {from.canConfirmArrival ? (
        <div className="no-print">
          <p className="muted small">{t("handoff.arrivedFrom.confirm")}</p>
          <ArrivalForm failed={null} action={`/handoffs/${handoff.id}`} />
        </div>
      ) : null}
      <PacketSummary detail={from} title={t("handoff.arrivedFrom.history")} />
      <p className="no-print small">
        <Link to={`/handoffs/${handoff.id}`}>{t("handoff.arrivedFrom.open", { id: handoff.id })}</Link>
      </p>
    </section>
  );
}
