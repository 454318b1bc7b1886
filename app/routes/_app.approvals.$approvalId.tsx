import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { approvalDecisionSchema } from "~/domain/approvals";
import { exitDestinationText } from "~/domain/exits";
import { EXIT_OUTCOMES, referenceLabel } from "~/domain/reference";
import { approvalPage } from "~/queries/approvals.server";
import { decideApproval } from "~/services/approvals.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { translator } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { ApprovalState } from "~/components/approvals/approval-state";
import { PlanGoalsTable } from "~/components/case-file/plan-goals";
import { Field, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { CalendarDate, Instant } from "~/components/ui/dates";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("approvals", "casefile", "exits", "handoffs");

export const meta = pageTitle("title.approval");

/** One request in full, with the decision for those who may make it (404 outside the actor's scope). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { approvalId } = idParams(params, "approvalId");
  const user = await requirePermission(request, "approval:decide");
  const page = approvalPage(user, approvalId);
  if (!page) throw notFound();
  return { ...page, ownRequest: page.approval.requestedBy === user.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { approvalId } = idParams(params, "approvalId");
  const user = await requirePermission(request, "approval:decide");
  const submitted = await submitForm(request, approvalDecisionSchema, (input) => decideApproval(user, approvalId, input));
  if (!submitted.ok) return submitted.response;
  const t = translator(submitted.lang);
  const { status, kind } = submitted.result;
  return data({ ok: true as const, message: status === "rejected" ? t("approval.rejected") : kind === "exit" ? t("approval.approvedExit") : t("approval.approved") });
}

export default function ApprovalPage() {
  const { approval, plan, exit, handoff, subjectHref, ownRequest } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const failed = actionData && !actionData.ok ? actionData : null;
  return (
    <>
      <PageHeader
        title={`${t(`approval.kind.${approval.kind}`)} · ${approval.displayName}`}
        crumbs={[{ to: "/approvals", label: t("title.approvals") }, { label: `#${approval.id}` }]}
        intro={
          <>
            {approval.pantiName}
            {approval.reason ? ` · ${t.dynamic(`approval.reason.${approval.reason}`)}` : ""} · {t(`approval.level.${approval.level}`)}
          </>
        }
      />
      <Flash message={actionData?.ok ? actionData.message : null} testId="approval-message" />
      <FormError message={failed?.formError} testId="approval-error" />
      <section className="card stack" data-testid="approval-subject">
        <ApprovalState state={{ ...approval, canDecide: false }} />
        {plan ? (
          <>
            <p className="muted small">
              <CalendarDate value={plan.createdOn} />
            </p>
            <PlanGoalsTable goals={plan.goals} label={t("approval.kind.plan")} status={(g) => t(`goalStatus.${g.status}`)} />
          </>
        ) : null}
        {exit ? (
          <dl className="facts">
            <dt>{t("exit.outcome")}</dt>
            <dd>{referenceLabel(EXIT_OUTCOMES, exit.outcome, lang)}</dd>
            <dt>{t("exit.exitedAt")}</dt>
            <dd>
              <Instant value={exit.exitedAt} withTime />
            </dd>
            {exitDestinationText(exit) ? (
              <>
                <dt>{t("exit.handover.receiver")}</dt>
                <dd>{exitDestinationText(exit)}</dd>
              </>
            ) : null}
            {exit.notes ? (
              <>
                <dt>{t("exit.notes")}</dt>
                <dd className="pre">{exit.notes}</dd>
              </>
            ) : null}
          </dl>
        ) : null}
        {handoff ? (
          <p>
            #{handoff.id} · {handoff.partnerCode} · <CalendarDate value={handoff.plannedDate} />
          </p>
        ) : null}
        <p>
          <Link to={subjectHref}>{t("approval.subject")}</Link>
        </p>
      </section>
      {approval.status !== "pending" ? (
        <div className="alert info">{t("approval.decidedAlready")}</div>
      ) : approval.canDecide ? (
        <DecisionForms failed={failed} />
      ) : (
        <div className="alert info" data-testid="approval-not-yours">
          {ownRequest ? t("approval.cannotDecide.own") : t("approval.cannotDecide.dinsos")}
        </div>
      )}
    </>
  );
}

function DecisionForms({ failed }: { failed: FormFailure | null }) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  const rejecting = failed?.values?.intent === "reject" ? failed : null;
  const approve = useZodForm(approvalDecisionSchema, { defaultValues: { intent: "approve" }, server: null });
  const reject = useZodForm(approvalDecisionSchema, { defaultValues: { intent: "reject" }, server: rejecting });
  return (
    <div className="grid-2">
      <Form method="post" className="card stack" onSubmit={approve.onSubmit} noValidate aria-label={t("approval.approve")}>
        <input type="hidden" {...approve.register("intent")} />
        <div>
          <button type="submit" disabled={busy} data-testid="approval-approve">
            {t("approval.approve")}
          </button>
        </div>
      </Form>
      <Form method="post" className="card stack" onSubmit={reject.onSubmit} noValidate aria-label={t("approval.reject")}>
        <input type="hidden" {...reject.register("intent")} />
        <Field id="reject-reason" label={t("approval.rejectReason")} error={reject.errorFor("reason")}>
          <textarea id="reject-reason" rows={2} {...reject.register("reason")} aria-invalid={reject.errorFor("reason") ? true : undefined} />
        </Field>
        <div>
          <button type="submit" className="danger" disabled={busy} data-testid="approval-reject">
            {t("approval.reject")}
          </button>
        </div>
      </Form>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
