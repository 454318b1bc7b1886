import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { assessmentSchema, assessmentSchemaFor, clusterRequired } from "~/domain/case-file";
import { MENTAL_HEALTH_CLUSTERS } from "~/domain/enums";
import { jakartaDate } from "~/domain/time";
import { assessmentFormData } from "~/queries/case-file.server";
import { recordAssessment } from "~/services/case-file.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { idParams } from "~/utils/params.server";
import { useT } from "~/utils/use-i18n";
import { Field, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { CalendarDate } from "~/components/ui/dates";
import { PageHeader } from "~/components/ui/page-header";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile", "placements");

export const meta = pageTitle("title.assessment");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "case:write", pantiId);
  const data = assessmentFormData(user, pantiId, stayId);
  if (!data) throw notFound();
  return { ...data, today: jakartaDate(new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "case:write", pantiId);
  // The cluster rule depends on the panti's type: the service checks it (400 on the field).
  const submitted = await submitForm(request, assessmentSchema, (input) => recordAssessment(user, { pantiId, stayId }, input));
  if (!submitted.ok) return submitted.response;
  return redirect(`/panti/${pantiId}/stays/${stayId}?saved=assessment`);
}

const TEXTS = ["problems", "strengths", "familySituation", "health", "summary"] as const;

export default function AssessmentPage() {
  const { stay, person, panti, assessments, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const base = `/panti/${panti.id}/stays/${stay.id}`;
  const failed = actionData && !actionData.ok ? actionData : null;
  const needsCluster = clusterRequired(panti.type);
  const { register, errorFor, onSubmit } = useZodForm(assessmentSchemaFor(panti.type), {
    defaultValues: { assessedOn: today },
    server: failed,
  });
  const invalid = (name: string) => (errorFor(name) ? true : undefined);

  return (
    <>
      <PageHeader
        title={t("caseFile.assessment.new")}
        crumbs={caseFileCrumbs(panti, stay, person)}
        intro={t("caseFile.assessment.intro")}
      />
      <FormError message={failed?.formError} />
      {stay.open ? (
        <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-label={t("caseFile.assessment.new")}>
          <div className="grid-2">
            <Field id="assessedOn" label={t("caseFile.assessment.assessedOn")} error={errorFor("assessedOn")}>
              <input id="assessedOn" type="date" max={today} {...register("assessedOn")} aria-invalid={invalid("assessedOn")} />
            </Field>
            <Field
              id="cluster"
              label={t("caseFile.assessment.cluster")}
              hint={needsCluster ? t("caseFile.assessment.cluster.hint") : undefined}
              error={errorFor("cluster")}
            >
              <select id="cluster" {...register("cluster")} aria-invalid={invalid("cluster")} aria-required={needsCluster || undefined}>
                <option value="">{t("placements.choose")}</option>
                {MENTAL_HEALTH_CLUSTERS.map((c) => (
                  <option key={c} value={c}>
                    {t(`cluster.${c}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          {TEXTS.map((name) => (
            <Field key={name} id={name} label={t(`caseFile.assessment.${name}`)} error={errorFor(name)}>
              <textarea id={name} rows={name === "problems" ? 4 : 3} {...register(name)} aria-invalid={invalid(name)} />
            </Field>
          ))}
          <div>
            <button type="submit" disabled={navigation.state !== "idle"}>
              {t("caseFile.assessment.submit")}
            </button>{" "}
            <Link to={base}>{t("common.cancel")}</Link>
          </div>
        </Form>
      ) : (
        <div className="alert info">{t("caseFile.closedStay")}</div>
      )}

      {assessments.length ? (
        <section className="card">
          <h2>{t("caseFile.assessment.earlier")}</h2>
          {assessments.map((a) => (
            <details key={a.id}>
              <summary>
                <CalendarDate value={a.assessedOn} />
                {a.recordedByName ? ` · ${a.recordedByName}` : ""}
              </summary>
              <dl className="facts">
                <dt>{t("caseFile.assessment.problems")}</dt>
                <dd className="pre">{a.problems}</dd>
                <dt>{t("caseFile.assessment.summary")}</dt>
                <dd className="pre">{a.summary ?? "–"}</dd>
                {a.cluster ? (
                  <>
                    <dt>{t("caseFile.assessment.cluster")}</dt>
                    <dd>{t(`cluster.${a.cluster}`)}</dd>
                  </>
                ) : null}
              </dl>
            </details>
          ))}
        </section>
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
