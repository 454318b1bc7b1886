import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { stageMoveSchema } from "~/domain/case-file";
import { stageFormData } from "~/queries/case-file.server";
import { moveStage } from "~/services/case-file.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { idParams } from "~/utils/params.server";
import { formatDate, formatDateTime } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { Field, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { TableScroll } from "~/components/ui/data-table";
import { PageHeader } from "~/components/ui/page-header";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile");

export const meta = pageTitle("title.rehabilitation_stages");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "case:write", pantiId);
  const data = stageFormData(user, pantiId, stayId);
  if (!data) throw notFound();
  return data;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "case:write", pantiId);
  const submitted = await submitForm(request, stageMoveSchema, (input) => moveStage(user, { pantiId, stayId }, input));
  if (!submitted.ok) return submitted.response;
  return redirect(`/panti/${pantiId}/stays/${stayId}?saved=stage`);
}

export default function StagePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  const { stay, person, panti, options, records, timeline } = data;
  const base = `/panti/${panti.id}/stays/${stay.id}`;
  const failed = actionData && !actionData.ok ? actionData : null;
  const firstAllowed = options.find((o) => o.allowed && o.direction === "forward") ?? options.find((o) => o.allowed);
  const { register, errorFor, onSubmit, form } = useZodForm(stageMoveSchema, {
    defaultValues: { from: stay.currentStage, to: firstAllowed?.stage ?? "" },
    server: failed,
  });
  const chosen = options.find((o) => o.stage === form.watch("to"));

  return (
    <>
      <PageHeader
        title={t("caseFile.stages")}
        crumbs={caseFileCrumbs(panti, stay, person)}
      >
        <p>
          {t("caseFile.stage.current")}: <strong data-testid="current-stage">{t(`stage.${stay.stage}`)}</strong>
        </p>
      </PageHeader>
      <FormError message={failed?.formError} />

      {stay.open ? (
        <section className="card">
          <h2>{t("caseFile.stage.change")}</h2>
          <p className="muted small">{t("caseFile.stage.rules")}</p>
          <p className="muted small">
            {t("caseFile.stage.records", {
              assessments: records.assessments,
              plans: records.plans,
              reviews: records.planReviews,
              sessions: records.sessions,
            })}
          </p>
          <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
            <input type="hidden" {...register("from")} />
            <Field id="to" label={t("caseFile.stage.to")} error={errorFor("to")}>
              <select id="to" {...register("to")} aria-invalid={errorFor("to") ? true : undefined}>
                {options.map((o) => (
                  <option key={o.stage} value={o.stage}>
                    {t(`stage.${o.stage}`)} ({t(o.direction === "back" ? "caseFile.stage.back" : "caseFile.stage.forward")})
                    {o.allowed ? "" : ` — ${t.dynamic(o.messageKey ?? "")}`}
                  </option>
                ))}
              </select>
            </Field>
            {chosen && !chosen.allowed && chosen.messageKey ? <div className="alert info">{t.dynamic(chosen.messageKey)}</div> : null}
            <Field id="reason" label={t("caseFile.stage.reason")} hint={t("caseFile.stage.reason.hint")} error={errorFor("reason")}>
              <textarea id="reason" rows={2} {...register("reason")} aria-invalid={errorFor("reason") ? true : undefined} />
            </Field>
            <div>
              <button type="submit" disabled={navigation.state !== "idle"}>
                {t("caseFile.stage.submit")}
              </button>{" "}
              <Link to={base}>{t("common.cancel")}</Link>
            </div>
          </Form>
          <p className="muted small">{t("caseFile.stage.exitHint")}</p>
        </section>
      ) : (
        <div className="alert info">{t("caseFile.stage.error.closed")}</div>
      )}

      <section className="card">
        <h2>{t("caseFile.stage.history")}</h2>
        <TableScroll label={t("caseFile.stage.history")}>
          <table data-testid="stage-history">
            <thead>
              <tr>
                <th>{t("residents.col.stage")}</th>
                <th>{t("caseFile.stage.enteredAt")}</th>
                <th>{t("common.reason")}</th>
                <th>{t("caseFile.stage.recordedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {timeline.map((e, i) => (
                <tr key={i}>
                  <td>{t(`stage.${e.stage}`)}</td>
                  <td>{e.enteredAt ? (e.implicit ? formatDate(lang, e.enteredAt) : formatDateTime(lang, e.enteredAt)) : t("caseFile.stage.unknownDate")}</td>
                  <td>{e.reason ?? "–"}</td>
                  <td>{e.implicit ? <span className="muted">{t("caseFile.stage.implicit")}</span> : (e.recordedByName ?? "–")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
