import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { INCIDENT_NOTIFIED, INCIDENT_SEVERITIES, INCIDENT_TYPES, incidentSchema } from "~/domain/safeguarding";
import { jakartaDateTimeInput } from "~/domain/time";
import { incidentFormData } from "~/queries/case-file.server";
import { recordIncident } from "~/services/safeguarding.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { idParams } from "~/utils/params.server";
import { useT } from "~/utils/use-i18n";
import { Field, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { PageHeader } from "~/components/ui/page-header";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile", "exports", "placements", "safeguarding");

export const meta = pageTitle("title.record_incident");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "incident:record", pantiId);
  const data = incidentFormData(user, pantiId, stayId);
  if (!data) throw notFound();
  return { ...data, now: jakartaDateTimeInput(new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "incident:record", pantiId);
  const submitted = await submitForm(request, incidentSchema, (input) => recordIncident(user, { pantiId, stayId }, input));
  if (!submitted.ok) return submitted.response;
  return redirect(`/panti/${pantiId}/stays/${stayId}?saved=incident`);
}

const TOLD = { family: "toldFamily", police: "toldPolice", health: "toldHealth", dinsos: "toldDinsos" } as const;

export default function IncidentPage() {
  const { stay, person, panti, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const failed = actionData && !actionData.ok ? actionData : null;
  const { register, checkbox, errorFor, onSubmit } = useZodForm(incidentSchema, { defaultValues: { intent: "incident", occurredAt: now }, server: failed });
  const invalid = (name: string) => (errorFor(name) ? true : undefined);

  return (
    <>
      <PageHeader title={t("incident.record")} crumbs={caseFileCrumbs(panti, stay, person)} intro={t("incident.intro")} />
      <FormError message={failed?.formError} />
      {stay.open ? (
        <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-label={t("incident.record")}>
          <input type="hidden" {...register("intent")} />
          <div className="grid-2">
            <Field id="type" label={t("incident.type")} error={errorFor("type")}>
              <select id="type" {...register("type")} aria-invalid={invalid("type")}>
                <option value="">{t("placements.choose")}</option>
                {INCIDENT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`incidentType.${type}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="severity" label={t("incident.severity")} error={errorFor("severity")}>
              <select id="severity" {...register("severity")} aria-invalid={invalid("severity")}>
                <option value="">{t("placements.choose")}</option>
                {INCIDENT_SEVERITIES.map((severity) => (
                  <option key={severity} value={severity}>
                    {t(`severity.${severity}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field id="occurredAt" label={t("incident.occurredAt")} error={errorFor("occurredAt")}>
            <input id="occurredAt" type="datetime-local" max={now} {...register("occurredAt")} aria-invalid={invalid("occurredAt")} />
          </Field>
          <Field id="description" label={t("incident.description")} error={errorFor("description")}>
            <textarea id="description" rows={4} {...register("description")} aria-invalid={invalid("description")} />
          </Field>
          <Field id="actionTaken" label={t("incident.actionTaken")} error={errorFor("actionTaken")}>
            <textarea id="actionTaken" rows={3} {...register("actionTaken")} aria-invalid={invalid("actionTaken")} />
          </Field>
          <fieldset className="stack">
            <legend className="label">{t("incident.told")}</legend>
            {INCIDENT_NOTIFIED.map((who) => (
              <label key={who} className="checkbox">
                <input type="checkbox" {...checkbox(TOLD[who])} /> {t(`told.${who}`)}
              </label>
            ))}
            <Field id="toldOther" label={t("incident.toldOther")} error={errorFor("toldOther")}>
              <input id="toldOther" {...register("toldOther")} />
            </Field>
          </fieldset>
          <div>
            <button type="submit" disabled={navigation.state !== "idle"}>
              {t("incident.submit")}
            </button>{" "}
            <Link to={`/panti/${panti.id}/stays/${stay.id}`}>{t("common.cancel")}</Link>
          </div>
        </Form>
      ) : (
        <div className="alert info">{t("caseFile.closedStay")}</div>
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
