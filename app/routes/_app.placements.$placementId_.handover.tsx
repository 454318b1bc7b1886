import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OUTREACH_UNITS, PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import { toJakartaParts } from "~/domain/time";
import { getPlacement } from "~/queries/placements.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { formatDate } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import { PrintDocument } from "~/components/ui/print-document";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("placements");

export const meta = pageTitle("title.handover_record");

/** The printable handover record (Berita Acara Serah Terima) of an accepted referral. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { placementId } = idParams(params, "placementId");
  const user = await requirePermission(request, "placement:read");
  const placement = getPlacement(user, placementId);
  if (!placement) throw notFound();
  return { placement };
}

export default function HandoverPage() {
  const { placement: p } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  if (p.status !== "accepted" || !p.admission) {
    return (
      <div className="alert info">
        {t("handover.notYet")} <Link to={`/placements/${p.id}`}>#{p.id}</Link>
      </div>
    );
  }
  const at = new Date(p.admission.admittedAt);
  const parts = toJakartaParts(at);
  const time = `${String(parts.hour).padStart(2, "0")}.${String(parts.minute).padStart(2, "0")}`;
  const unit = referenceLabel(OUTREACH_UNITS, p.outreachUnit, lang);
  const rows: [string, string][] = [
    [t("placement.personName"), p.name],
    [t("placement.description"), p.description ?? "–"],
    [t("placement.sex"), t(`sex.${p.sex}`)],
    [t("placement.age"), p.age != null ? t("placement.ageYears", { n: p.age }) : "–"],
    [t("placement.nik"), p.nik ?? "–"],
    [t("placement.originProvince"), [p.originCity, p.originProvince].filter(Boolean).join(", ") || "–"],
    [t("placement.ppksCategory"), referenceLabel(PPKS_CATEGORIES, p.ppksCategory, lang)],
    [t("placement.foundPlace"), [p.foundPlace, p.foundKelurahan, p.foundKecamatan, p.foundKota].filter(Boolean).join(", ") || "–"],
    [t("placement.healthNotes"), p.healthNotes ?? "–"],
    [t("placement.urgentNeeds"), p.urgentNeeds ?? "–"],
    [t("placement.belongings"), p.belongings ?? "–"],
    [t("placement.bed"), `${p.admission.roomName ?? ""} ${p.admission.bedLabel ?? ""}`.trim() || "–"],
  ];
  return (
    <PrintDocument
      back={{ to: `/placements/${p.id}`, label: t("placement.title", { id: p.id }) }}
      testId="handover"
      issuer={p.target}
      title={t("handover.title")}
      subtitle={
        <>
          {t("handover.subtitle")}
          <br />
          {t("handover.number")}: BAST/{p.target.code}/{parts.year}/{String(p.id).padStart(5, "0")}
        </>
      }
      opening={t("handover.opening", { date: formatDate(lang, at), time, unit, panti: p.target.name })}
      rows={rows}
      closing={t("handover.closing")}
      signatories={[
        { role: t("handover.giver"), actingFor: `${t("handover.officer")} — ${unit}`, name: p.officerName },
        { role: t("handover.receiver"), actingFor: `${t("handover.pantiOfficer")} — ${p.target.name}`, name: p.decidedByName },
      ]}
    />
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
