import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EXIT_OUTCOMES, referenceLabel } from "~/domain/reference";
import { toJakartaParts } from "~/domain/time";
import { stayForExit } from "~/queries/exits.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { formatDate } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import { PrintDocument } from "~/components/ui/print-document";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("exits", "placements");

export const meta = pageTitle("title.handover_record");

/** The printable record of handing a resident to their family or the receiving party. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "stay:exit", pantiId);
  const stay = stayForExit(user, pantiId, stayId);
  if (!stay || !stay.stay.exitedAt) throw notFound();
  return { stay };
}

export default function ExitHandoverPage() {
  const { stay } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const s = stay.stay;
  const details = (s.exitDetails ?? {}) as Record<string, unknown>;
  const documents = (details.documents ?? {}) as Record<string, boolean>;
  const year = toJakartaParts(new Date(s.exitedAt!)).year;
  const rows: [string, string][] = [
    [t("exit.resident"), stay.name],
    [t("placement.sex"), t(`sex.${stay.person.sex}`)],
    [t("placement.nik"), stay.person.nik ?? "–"],
    [t("exit.admittedAt"), formatDate(lang, s.admittedAt)],
    [t("exit.outcome"), referenceLabel(EXIT_OUTCOMES, s.exitOutcome, lang)],
    [t("exit.handover.receiver"), s.exitDestination ?? "–"],
  ];
  if (details.familyPhone) rows.push([t("exit.familyPhone"), String(details.familyPhone)]);
  if (details.escort) rows.push([t("exit.escort"), String(details.escort)]);
  if (details.transport) rows.push([t("exit.transport"), t.dynamic(`transport.${String(details.transport)}`)]);
  const docs = Object.entries(documents).filter(([, checked]) => checked).map(([key]) => t.dynamic(`exit.doc.${key}`));
  if (docs.length > 0) rows.push([t("exit.documents"), docs.join("; ")]);
  return (
    <PrintDocument
      back={{ to: `/panti/${s.pantiId}/stays/${s.id}/exit`, label: stay.name }}
      testId="exit-handover"
      issuer={{ name: stay.pantiName, address: stay.pantiAddress, kota: stay.pantiKota }}
      title={t("exit.handover.title")}
      subtitle={`${t("handover.number")}: BAST-K/${stay.pantiCode}/${year}/${String(s.id).padStart(6, "0")}`}
      opening={t("exit.handover.opening", { date: formatDate(lang, s.exitedAt), panti: stay.pantiName })}
      rows={rows}
      closing={t("handover.closing")}
      signatories={[
        { role: t("exit.handover.giver"), actingFor: stay.pantiName, name: stay.recordedByName },
        { role: t("exit.handover.receiver"), actingFor: "\u00a0", name: String(details.familyName ?? details.institutionName ?? "") },
      ]}
    >
      {s.exitNotes ? <p className="pre">{s.exitNotes}</p> : null}
    </PrintDocument>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
