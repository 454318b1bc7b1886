import type { ReactNode } from "react";
import { useT } from "~/utils/use-i18n";
import { CalendarDate, Instant } from "~/components/ui/dates";
import type { HandoffPacket } from "~/domain/handoffs";

/** What the summary needs of a hand-off (its page and the case file of the stay it became). */
export interface PacketSummaryData {
  packet: HandoffPacket;
  partner: { name: string; office: string };
  handoff: {
    sentAt: Date | string | null;
    packetId: string;
    acceptedAs: "panti" | "family" | null;
    declineReason: string | null;
    arrivalCondition: "good" | "with_note" | null;
    arrivalNote: string | null;
  };
}

/** What the packet says: the person, why, their condition, what to continue, family and travel. */
export function PacketSummary({ detail, title }: { detail: PacketSummaryData; title?: string }) {
  const t = useT();
  const { packet, handoff } = detail;
  const row = (label: ReactNode, value: ReactNode) =>
    value == null || value === "" ? null : (
      <>
        <dt>{label}</dt>
        <dd className="pre">{value}</dd>
      </>
    );
  return (
    <section className="card" aria-labelledby="packet" data-testid="handoff-packet">
      <h2 id="packet">{title ?? t("handoff.packet")}</h2>
      <dl className="facts">
        {row(t("handoff.partner"), `${detail.partner.name} · ${detail.partner.office}`)}
        {row(t("handoff.sender"), [packet.sender.office, packet.sender.panti, packet.sender.contact].filter(Boolean).join(" · "))}
        {row(t("handoff.person"), [packet.person.name ?? t("handoff.unnamed"), packet.person.nik ? `NIK ${packet.person.nik}` : null].filter(Boolean).join(" · "))}
        {row(t("handoff.documents"), packet.documents.map((d) => t(`handoff.doc.${d}`)).join(", ") || "–")}
        {row(t("handoff.field.reason"), packet.reason)}
        {row(t("handoff.field.health"), packet.condition.health)}
        {row(t("handoff.field.medication"), packet.condition.medication)}
        {row(t("handoff.field.disability"), packet.condition.disability)}
        {row(t("handoff.field.psychosocial"), packet.condition.psychosocial)}
        {row(t("handoff.currentStage"), packet.continuation.rehabilitationStage ? t.dynamic(`stage.${packet.continuation.rehabilitationStage}`) : null)}
        {row(t("handoff.field.continueRehabilitation"), packet.continuation.rehabilitation)}
        {row(t("handoff.field.continueTreatment"), packet.continuation.treatment)}
        {row(t("handoff.field.continueTraining"), packet.continuation.training)}
        {row(
          t("handoff.section.family"),
          packet.family.found ? [packet.family.name, packet.family.relation, packet.family.address, packet.family.phone].filter(Boolean).join(" · ") : t("handoff.family.notFound"),
        )}
        {row(t("handoff.field.destinationCity"), packet.travel.destinationCity)}
        {row(t("handoff.field.escort"), `${packet.travel.escort} · ${t(`transport.${packet.travel.transport}`)}`)}
        {row(t("handoff.field.plannedDate"), <CalendarDate value={packet.travel.plannedDate} />)}
        {row(t("handoff.consent"), packet.consent.note ? `${t("handoff.consent.given")} — ${packet.consent.note}` : t("handoff.consent.given"))}
        {handoff.sentAt ? row(t("handoff.sentAt"), <Instant value={handoff.sentAt} withTime />) : null}
        {row(t("handoff.packetId"), <code>{handoff.packetId}</code>)}
        {row(t("handoff.acceptedAs"), handoff.acceptedAs ? t(`handoff.acceptedAs.${handoff.acceptedAs}`) : null)}
        {row(t("handoff.decline.reason"), handoff.declineReason)}
        {row(
          t("handoff.arrival.condition"),
          handoff.arrivalCondition ? `${t(`handoff.condition.${handoff.arrivalCondition}`)}${handoff.arrivalNote ? ` — ${handoff.arrivalNote}` : ""}` : null,
        )}
      </dl>
    </section>
  );
}
