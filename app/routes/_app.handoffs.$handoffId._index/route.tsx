import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { acceptSchema, arrivalSchema, closeSchema, declineSchema, discardSchema, partnerAnswerSchema, sendSchema } from "~/domain/handoffs";
import { handoffDetail } from "~/queries/handoffs.server";
import { acceptHandoff, closeHandoff, confirmArrival, declineHandoff, discardHandoffDraft, recordPartnerAnswer, sendHandoff } from "~/services/handoffs.server";
import { deliverOutbox } from "~/services/outbox.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/body.server";
import { badRequest, submitForm, type Submitted } from "~/utils/http.server";
import { translator } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useT } from "~/utils/use-i18n";
import { formValues } from "~/utils/validation";
import { ApprovalState } from "~/components/approvals/approval-state";
import { FormError } from "~/components/forms/field";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { titleOf } from "~/utils/meta";
import { HandoffActions } from "./sections/actions";
import { HandoffHistory } from "./sections/history";
import { PacketSummary } from "~/components/handoffs/packet-summary";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("approvals", "casefile", "exits", "handoffs", "placements", "provinces");

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: titleOf(matches, "title.handoff", data?.detail.handoff.personName) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { handoffId } = idParams(params, "handoffId");
  const user = await requirePermission(request, "handoff:read");
  const detail = handoffDetail(user, handoffId);
  if (!detail) throw notFound();
  return { detail };
}

/** Delivers what a change queued for the partner now, so the page shows whether it got through. */
async function deliverNow(outboxId: number | null) {
  if (outboxId == null) return null;
  const summary = await deliverOutbox({ ids: [outboxId] });
  return summary.delivered > 0;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { handoffId } = idParams(params, "handoffId");
  const user = await requirePermission(request, "handoff:read");
  if (!handoffDetail(user, handoffId)) throw notFound();
  const lang = await getLang(request);
  const formData = await readForm(request);
  const options = { formData, lang };
  const done = async (outcome: Submitted<{ outboxId: number | null }, unknown>, message: string) => {
    if (!outcome.ok) return outcome.response;
    const delivered = await deliverNow(outcome.result.outboxId);
    return data({ ok: true as const, message, delivered });
  };
  switch (formData.get("intent")) {
    case "send":
      return done(await submitForm(request, sendSchema, () => sendHandoff(user, handoffId), options), "sent");
    case "accept":
      return done(await submitForm(request, acceptSchema, (input) => acceptHandoff(user, handoffId, input), options), "accepted");
    case "decline":
      return done(await submitForm(request, declineSchema, (input) => declineHandoff(user, handoffId, input.reason), options), "declined");
    case "arrival":
      return done(await submitForm(request, arrivalSchema, (input) => confirmArrival(user, handoffId, input), options), "arrived");
    case "close":
      return done(await submitForm(request, closeSchema, (input) => closeHandoff(user, handoffId, input.note), options), "closed");
    case "discard":
      return done(await submitForm(request, discardSchema, (input) => discardHandoffDraft(user, handoffId, input.reason), options), "discarded");
    case "answer":
      return done(await submitForm(request, partnerAnswerSchema, (input) => recordPartnerAnswer(user, handoffId, input), options), "answer");
    default:
      return badRequest({ errors: {}, values: formValues(formData), formError: translator(lang)("error.invalid") });
  }
}

/** The hand-off as its pages' sections receive it. */
export type HandoffDetail = ReturnType<typeof useLoaderData<typeof loader>>["detail"];

export default function HandoffPage() {
  const { detail } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const t = useT();
  const { handoff, partner } = detail;
  const failed = actionData && !actionData.ok ? actionData : null;
  const done = actionData?.ok ? actionData : null;
  const message = done
    ? `${t.dynamic(`handoff.done.${done.message}`)}${done.delivered === false ? ` ${t("handoff.done.queued")}` : done.delivered ? ` ${t("handoff.done.delivered")}` : ""}`
    : search.get("saved") === "draft"
      ? t("handoff.done.draft")
      : search.get("saved") === "edited"
        ? t("handoff.done.edited")
        : null;
  return (
    <>
      <PageHeader
        title={
          <>
            {handoff.personName}{" "}
            <span className={`badge handoff-${handoff.status}`} data-testid="handoff-status">
              {t(`handoff.status.${handoff.status}`)}
            </span>
          </>
        }
        crumbs={[{ to: "/handoffs", label: t("handoff.list.title") }]}
        intro={`${t(`handoff.direction.${handoff.direction}`)} · ${partner.name}${detail.pantiName ? ` · ${detail.pantiName}` : ""}`}
        actions={
          handoff.direction === "outgoing" && handoff.stayId && handoff.pantiId ? (
            <Link to={`/panti/${handoff.pantiId}/stays/${handoff.stayId}`}>{t("handoff.toCaseFile")}</Link>
          ) : handoff.stayId && handoff.pantiId ? (
            <>
              <Link to={`/panti/${handoff.pantiId}/stays/${handoff.stayId}`} data-testid="handoff-stay">
                {t("handoff.toStay", { panti: detail.pantiName ?? "" })}
              </Link>
              {handoff.placementId ? <Link to={`/placements/${handoff.placementId}`}>{t("handoff.toPlacement", { id: handoff.placementId })}</Link> : null}
            </>
          ) : handoff.placementId ? (
            <Link to={`/placements/${handoff.placementId}`}>{t("handoff.toPlacement", { id: handoff.placementId })}</Link>
          ) : null
        }
      />
      <Flash message={message} testId="handoff-message" />
      <FormError message={failed?.formError} />
      {detail.approval ? (
        <section className="card" data-testid="handoff-approval">
          {handoff.status === "draft" && detail.approval.status === "pending" ? <p>{t("approval.handoff.waiting")}</p> : null}
          {handoff.status === "draft" && detail.approval.status === "rejected" ? <p>{t("approval.handoff.rejected")}</p> : null}
          <ApprovalState state={detail.approval} />
        </section>
      ) : null}
      <HandoffActions detail={detail} failed={failed} />
      <div className="grid-2">
        <PacketSummary detail={detail} />
        <HandoffHistory detail={detail} />
      </div>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
