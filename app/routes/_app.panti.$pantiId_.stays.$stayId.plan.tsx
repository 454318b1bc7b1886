import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { FieldValues } from "react-hook-form";
import type * as z from "zod/mini";
import { PLAN_ROWS, planReviewSchema, planSchema } from "~/domain/case-file";
import { PLAN_GOAL_STATUSES } from "~/domain/enums";
import { jakartaDate } from "~/domain/time";
import { planFormData } from "~/queries/case-file.server";
import { recordPlan, recordPlanReview } from "~/services/case-file.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/body.server";
import { badRequest, submitForm } from "~/utils/http.server";
import { formatCalendarDate, translator } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import { formValues, type FormFailure } from "~/utils/validation";
import { Field, FieldError, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { PlanGoalsTable, PlanReviews } from "~/components/case-file/plan-goals";
import { ApprovalBadge, ApprovalState } from "~/components/approvals/approval-state";
import { CalendarDate } from "~/components/ui/dates";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("approvals", "casefile");

export const meta = pageTitle("title.intervention_plan");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "case:write", pantiId);
  const data = planFormData(user, pantiId, stayId);
  if (!data) throw notFound();
  return { ...data, today: jakartaDate(new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "case:write", pantiId);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "plan") {
    const submitted = await submitForm(request, planSchema, (input) => recordPlan(user, { pantiId, stayId }, input), { formData });
    if (!submitted.ok) return submitted.response;
    return redirect(`/panti/${pantiId}/stays/${stayId}?saved=plan`);
  }
  if (intent === "review") {
    const submitted = await submitForm(request, planReviewSchema, (input) => recordPlanReview(user, { pantiId, stayId }, input), { formData });
    if (!submitted.ok) return submitted.response;
    return redirect(`/panti/${pantiId}/stays/${stayId}?saved=review`);
  }
  const t = translator(await getLang(request));
  return badRequest({ errors: {}, values: formValues(formData), formError: t("error.invalid") });
}

/** The form helpers for a schema with nested rows (goals.0.goal): errors are looked up by path. */
function useRowsForm(schema: unknown, defaultValues: Record<string, string>, server: FormFailure | null) {
  const t = useT();
  const zodForm = useZodForm(schema as z.ZodMiniType<unknown, FieldValues>, { defaultValues, server });
  const errorAt = (name: string): string[] | undefined => {
    const client = zodForm.form.getFieldState(name, zodForm.form.formState).error?.message;
    if (typeof client === "string" && client) return [t.keyOrText(client)];
    return server?.errors?.[name];
  };
  return { ...zodForm, errorAt };
}

export default function PlanPage() {
  const { stay, person, panti, plans, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const failed = actionData && !actionData.ok ? actionData : null;
  const current = plans[0];

  return (
    <>
      <PageHeader title={t("caseFile.plan")} crumbs={caseFileCrumbs(panti, stay, person)} />
      <FormError message={failed?.formError} />
      {!stay.open ? <div className="alert info">{t("caseFile.closedStay")}</div> : null}

      {current ? (
        <section className="card">
          <h2>{t("caseFile.plan.current", { date: formatCalendarDate(lang, current.createdOn) })}</h2>
          <ApprovalState state={current.approval} />
          {stay.open ? (
            <ReviewForm
              plan={current}
              today={today}
              failed={failed?.values?.intent === "review" ? failed : null}
            />
          ) : null}
          <PlanReviews reviews={current.reviews} />
        </section>
      ) : (
        <p className="muted">{t("caseFile.plan.none")}</p>
      )}

      {stay.open ? <NewPlanForm today={today} failed={failed?.values?.intent === "plan" ? failed : null} /> : null}

      {plans.length > 1 ? (
        <section className="card">
          <h2>{t("caseFile.plan.earlier")}</h2>
          {plans.slice(1).map((p) => (
            <details key={p.id}>
              <summary>
                <CalendarDate value={p.createdOn} />
                {p.approval ? (
                  <>
                    {" "}
                    <ApprovalBadge status={p.approval.status} />
                  </>
                ) : null}
              </summary>
              <ul>
                {p.goals.map((g, i) => (
                  <li key={i}>
                    {g.goal} — {g.intervention} (<CalendarDate value={g.targetDate} />, {t(`goalStatus.${g.status}`)})
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </section>
      ) : null}
    </>
  );
}

function NewPlanForm({ today, failed }: { today: string; failed: FormFailure | null }) {
  const t = useT();
  const navigation = useNavigation();
  const defaults: Record<string, string> = { intent: "plan", createdOn: today };
  for (let i = 0; i < PLAN_ROWS; i++) defaults[`goals.${i}.status`] = "open";
  const { register, errorAt, onSubmit } = useRowsForm(planSchema, defaults, failed);
  const invalid = (name: string) => (errorAt(name) ? true : undefined);
  return (
    <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-label={t("caseFile.plan.new")}>
      <h2>{t("caseFile.plan.new")}</h2>
      <p className="muted small">{t("caseFile.plan.intro")}</p>
      <input type="hidden" {...register("intent")} />
      <Field id="createdOn" label={t("caseFile.plan.createdOn")} error={errorAt("createdOn")}>
        <input id="createdOn" type="date" max={today} {...register("createdOn")} aria-invalid={invalid("createdOn")} />
      </Field>
      {Array.from({ length: PLAN_ROWS }, (_, i) => (
        <fieldset key={i} className="goal-row">
          <legend>{t("caseFile.plan.row", { n: i + 1 })}</legend>
          <div className="field">
            <label htmlFor={`goal-${i}`}>{t("caseFile.plan.goal")}</label>
            <input id={`goal-${i}`} type="text" {...register(`goals.${i}.goal`)} aria-invalid={invalid(`goals.${i}.goal`)} />
            <FieldError messages={errorAt(`goals.${i}.goal`)} />
          </div>
          <div className="field">
            <label htmlFor={`intervention-${i}`}>{t("caseFile.plan.intervention")}</label>
            <input
              id={`intervention-${i}`}
              type="text"
              {...register(`goals.${i}.intervention`)}
              aria-invalid={invalid(`goals.${i}.intervention`)}
            />
            <FieldError messages={errorAt(`goals.${i}.intervention`)} />
          </div>
          <div className="field">
            <label htmlFor={`target-${i}`}>{t("caseFile.plan.targetDate")}</label>
            <input id={`target-${i}`} type="date" {...register(`goals.${i}.targetDate`)} aria-invalid={invalid(`goals.${i}.targetDate`)} />
            <FieldError messages={errorAt(`goals.${i}.targetDate`)} />
          </div>
          <div className="field">
            <label htmlFor={`status-${i}`}>{t("caseFile.plan.status")}</label>
            <select id={`status-${i}`} {...register(`goals.${i}.status`)}>
              {PLAN_GOAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`goalStatus.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      ))}
      <div>
        <button type="submit" disabled={navigation.state !== "idle"}>
          {t("caseFile.plan.submit")}
        </button>
      </div>
    </Form>
  );
}

function ReviewForm({
  plan,
  today,
  failed,
}: {
  plan: { id: number; goals: { goal: string; intervention: string; targetDate: string; status: string }[] };
  today: string;
  failed: FormFailure | null;
}) {
  const t = useT();
  const navigation = useNavigation();
  const defaults: Record<string, string> = { intent: "review", planId: String(plan.id), reviewedOn: today };
  plan.goals.forEach((g, i) => (defaults[`goals.${i}.status`] = g.status));
  const { register, errorAt, onSubmit } = useRowsForm(planReviewSchema, defaults, failed);
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={t("caseFile.plan.review")}>
      <input type="hidden" {...register("intent")} />
      <input type="hidden" {...register("planId")} />
      <PlanGoalsTable
        goals={plan.goals}
        label={t("caseFile.plan.review")}
        status={(_, i) => (
          <>
            <label className="visually-hidden" htmlFor={`review-status-${i}`}>
              {t("caseFile.plan.status")}
            </label>
            <select id={`review-status-${i}`} {...register(`goals.${i}.status`)}>
              {PLAN_GOAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`goalStatus.${s}`)}
                </option>
              ))}
            </select>
          </>
        )}
      />
      <h3>{t("caseFile.plan.review")}</h3>
      <div className="grid-2">
        <Field id="reviewedOn" label={t("caseFile.plan.reviewedOn")} error={errorAt("reviewedOn")}>
          <input id="reviewedOn" type="date" max={today} {...register("reviewedOn")} />
        </Field>
      </div>
      <Field id="reviewNotes" label={t("caseFile.plan.reviewNotes")} error={errorAt("notes")}>
        <textarea id="reviewNotes" rows={3} {...register("notes")} aria-invalid={errorAt("notes") ? true : undefined} />
      </Field>
      <div>
        <button type="submit" disabled={navigation.state !== "idle"}>
          {t("caseFile.plan.reviewSubmit")}
        </button>
      </div>
    </Form>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
