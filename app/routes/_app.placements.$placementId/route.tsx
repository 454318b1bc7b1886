import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { occupancy as occupancyOf } from "~/domain/capacity";
import { bestFreeBed, bedFits } from "~/domain/matching";
import { canOnPanti, canOnUnit, checkPanti } from "~/domain/permissions";
import { acceptSchema, cancelSchema, declineSchema, redirectSchema } from "~/domain/placements";
import { jakartaDateTimeInput } from "~/domain/time";
import { occupancyByPanti } from "~/queries/occupancy.server";
import { bedChoices, getPlacement, matchPantiFor, personCandidates } from "~/queries/placements.server";
import { acceptPlacement, cancelPlacement, declinePlacement, redirectPlacement } from "~/services/placements.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/body.server";
import { badRequest, submitForm } from "~/utils/http.server";
import { translator } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useT } from "~/utils/use-i18n";
import { formValues } from "~/utils/validation";
import { Instant } from "~/components/ui/dates";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { StatusBadge } from "~/components/ui/status-badge";
import { AdmissionForm } from "./sections/admission-form";
import { ReasonForm, RedirectForm } from "./sections/decision-forms";
import { MatchingTable } from "./sections/matching-table";
import { PlacementFacts } from "./sections/placement-facts";
import { AdmissionNextSteps } from "./sections/next-steps";
import { FormError } from "~/components/forms/field";
import { langOf, titleOf } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("handoffs", "placements", "safeguarding");

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleOf(matches, "title.referrals", data ? translator(langOf(matches))("placement.title", { id: data.placement.id }) : null) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { placementId } = idParams(params, "placementId");
  const user = await requirePermission(request, "placement:read");
  const placement = getPlacement(user, placementId);
  if (!placement) throw notFound();
  const pending = placement.status === "pending";
  const canDecide = pending && checkPanti(user, "placement:decide", placement.targetPantiId) === "allowed";
  const canCancel = pending && canOnUnit(user, "placement:create", placement.outreachUnit);

  let admission = null;
  if (canDecide) {
    const beds = bedChoices(placement.targetPantiId).filter((b) => bedFits(b, placement.sex) && !b.overflow);
    const [row] = occupancyByPanti({ pantiId: placement.targetPantiId });
    const occ = row!.occupancy;
    // What occupancy becomes with one more resident.
    const after = occupancyOf({
      regularInService: occ.capacity,
      regularOccupied: occ.occupied + (beds.length > 0 ? 1 : 0),
      census: occ.census + 1,
      outOfService: occ.outOfService,
    });
    admission = {
      beds,
      best: bestFreeBed(beds, placement.sex)?.id ?? null,
      occupancyAfter: after.occupancyPct,
      ...personCandidates(user, placement),
      now: jakartaDateTimeInput(new Date()),
    };
  }
  // How every panti fits this person: for the panti deciding, Dinsos and the referring unit alike.
  const ranking = pending ? matchPantiFor(placement) : [];
  const target = placement.targetPantiId;
  const next = {
    caseFile: canOnPanti(user, "case:read", target),
    move: canOnPanti(user, "resident:move", target),
    enrol: canOnPanti(user, "class:manage", target),
  };
  return { placement, canDecide, canCancel, admission, ranking, next };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { placementId: id } = idParams(params, "placementId");
  const user = await requirePermission(request, "placement:read");
  const lang = await getLang(request);
  const t = translator(lang);
  const formData = await readForm(request);
  const read = { formData, lang };
  const done = (message: string) => data({ ok: true as const, message });

  switch (formData.get("intent")) {
    case "accept": {
      const submitted = await submitForm(request, acceptSchema, (input) => acceptPlacement(user, id, input), read);
      if (!submitted.ok) return submitted.response;
      const { overflow, bedLabel } = submitted.result;
      return done(t(overflow ? "placement.accepted.overflow" : "placement.accepted.done", { bed: bedLabel }));
    }
    case "decline": {
      const submitted = await submitForm(request, declineSchema, (input) => declinePlacement(user, id, input.reason), read);
      if (!submitted.ok) return submitted.response;
      return done(t("placement.declined.done"));
    }
    case "redirect": {
      const submitted = await submitForm(request, redirectSchema, (input) => redirectPlacement(user, id, input.toPantiId, input.reason), read);
      if (!submitted.ok) return submitted.response;
      return done(t("placement.redirected.done"));
    }
    case "cancel": {
      const submitted = await submitForm(request, cancelSchema, (input) => cancelPlacement(user, id, input.reason), read);
      if (!submitted.ok) return submitted.response;
      return done(t("placement.cancelled.done"));
    }
  }
  return badRequest({ errors: {}, values: formValues(formData), formError: t("error.invalid") });
}

/** What the page and its sections read. */
export type PlacementPageData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function PlacementPage() {
  const { placement: p, canDecide, canCancel, admission, ranking, next } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const failed = actionData && !actionData.ok ? actionData : null;
  /** The refusal of one of the page's forms, for that form only. */
  const failedFor = (intent: string) => (failed?.values.intent === intent ? failed : null);

  return (
    <>
      <PageHeader
        title={
          <>
            {p.name} <StatusBadge status={p.status} />
          </>
        }
        crumbs={[
          { to: "/placements", label: t("nav.placements") },
          { to: `/placements/${p.id}`, label: `#${p.id}` },
        ]}
        intro={
          <>
            {t("placement.targetPanti")}: <strong>{p.target.name}</strong> · {t("placement.createdAt")} <Instant value={p.createdAt} withTime /> ·{" "}
            {t(`source.${p.source}`)}
          </>
        }
        actions={
          p.status === "accepted" ? (
            <Link className="button secondary" to={`/placements/${p.id}/handover`}>
              {t("placement.handover.print")}
            </Link>
          ) : null
        }
      />

      <Flash message={params.get("created") ? t("placements.new.done", { panti: p.target.name }) : null} />
      <Flash testId="decision-message" message={actionData?.ok ? actionData.message : null} />
      <FormError message={failed?.formError} />

      {p.status === "accepted" && p.admission && (next.caseFile || next.move) ? (
        <AdmissionNextSteps pantiId={p.targetPantiId} stayId={p.admission.stayId} placementId={p.id} bedLabel={p.admission.bedLabel} can={next} />
      ) : null}
      <PlacementFacts placement={p} />
      {p.previousPlacementId ? (
        <p className="muted small">
          {t("placement.previous")}: <Link to={`/placements/${p.previousPlacementId}`}>#{p.previousPlacementId}</Link>
        </p>
      ) : null}

      {canDecide && admission ? <AdmissionForm admission={admission} server={failedFor("accept")} /> : null}
      {canDecide ? (
        <div className="grid-2">
          <ReasonForm intent="decline" server={failedFor("decline")} />
          <RedirectForm
            server={failedFor("redirect")}
            choices={ranking.filter((r) => r.pantiId !== p.targetPantiId && !r.excluded)}
          />
        </div>
      ) : null}
      {canCancel ? <ReasonForm intent="cancel" server={failedFor("cancel")} /> : null}
      {ranking.length > 0 ? <MatchingTable ranking={ranking} targetPantiId={p.targetPantiId} /> : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
