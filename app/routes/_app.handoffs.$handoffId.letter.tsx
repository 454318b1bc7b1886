import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { toJakartaParts } from "~/domain/time";
import { handoffDetail } from "~/queries/handoffs.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { formatDate } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import { PacketSummary } from "~/components/handoffs/packet-summary";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile", "exits", "handoffs", "placements");

export const meta = pageTitle("title.handoff_letter");

/** The printable cover letter (surat pengantar) that travels with a hand-off sent as a signed file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { handoffId } = idParams(params, "handoffId");
  const user = await requirePermission(request, "handoff:prepare");
  const detail = handoffDetail(user, handoffId);
  if (!detail || detail.handoff.direction !== "outgoing" || !detail.handoff.sentAt) throw notFound();
  return { detail };
}

export default function HandoffLetterPage() {
  const { detail } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const sentAt = new Date(detail.handoff.sentAt!);
  const { packet } = detail;
  return (
    <>
      <PageHeader
        className="no-print"
        crumbs={[{ to: `/handoffs/${detail.handoff.id}`, label: `← ${detail.handoff.personName}` }]}
        actions={
          <button type="button" onClick={() => window.print()}>
            {t("common.print")}
          </button>
        }
      />
      <article className="document" data-testid="handoff-letter">
        <div className="letterhead">
          <strong>{packet.sender.office.toUpperCase()}</strong>
          {packet.sender.panti ? <span>{packet.sender.panti}</span> : null}
        </div>
        <h1>{t("handoff.letter.title")}</h1>
        <p className="doc-sub">
          {t("handover.number")}: FKD-MPU/{packet.from}-{packet.to}/{toJakartaParts(sentAt).year}/{String(detail.handoff.id).padStart(5, "0")}
        </p>
        <p>
          {t("handoff.letter.to")}
          <br />
          <strong>{detail.partner.office}</strong>
        </p>
        <p>{t("handoff.letter.opening", { date: formatDate(lang, sentAt), name: detail.handoff.personName, date2: packet.travel.plannedDate })}</p>
        <PacketSummary detail={detail} />
        <p>{t("handoff.letter.file", { packetId: packet.packetId })}</p>
        <div className="signatures">
          <div>
            {t("handoff.letter.sender")}
            <div className="line">{packet.sender.contact ?? "\u00a0"}</div>
          </div>
          <div>
            {t("handoff.letter.receiver")}
            <div className="line">{"\u00a0"}</div>
          </div>
        </div>
      </article>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
