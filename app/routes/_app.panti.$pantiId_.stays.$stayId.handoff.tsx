import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { handoffSchema, HANDOFF_DOCUMENTS } from "~/domain/handoffs";
import { handoffFormData } from "~/queries/handoffs.server";
import { prepareHandoff } from "~/services/handoffs.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { idParams } from "~/utils/params.server";
import { useT } from "~/utils/use-i18n";
import type { MessageKey } from "~/utils/messages";
import { Field, FieldError, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { TransportField } from "~/components/forms/select-field";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { PageHeader } from "~/components/ui/page-header";
import { ConsentNotice } from "~/components/safeguarding/consent-notice";
import { pageTitle } from "~/utils/meta";

export const meta = pageTitle("title.handoff_prepare");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "handoff:prepare", pantiId);
  const data = handoffFormData(user, pantiId, stayId);
  if (!data) throw notFound();
  return data;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "handoff:prepare", pantiId);
  const submitted = await submitForm(request, handoffSchema, (input) => prepareHandoff(user, { pantiId, stayId }, input));
  if (!submitted.ok) return submitted.response;
  return redirect(`/handoffs/${submitted.result.handoffId}?saved=draft`);
}

const DOC_FIELDS: Record<(typeof HANDOFF_DOCUMENTS)[number], string> = {
  ktp: "docKtp",
  kk: "docKk",
  birthCertificate: "docBirthCertificate",
  bpjs: "docBpjs",
  other: "docOther",
};

export default function PrepareHandoffPage() {
  const { stay, person, panti, partners, suggested, consent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const failed = actionData && !actionData.ok ? actionData : null;
  const { form, register, checkbox, errorFor, onSubmit } = useZodForm(handoffSchema, {
    defaultValues: { partnerCode: suggested, destinationCity: person.originCity ?? "", transport: "bus" },
    server: failed,
  });
  const familyFound = form.watch("familyFound") as boolean | string | undefined;
  const invalid = (name: string) => (errorFor(name) ? true : undefined);
  /** A labelled text input or textarea of this form. */
  const text = (name: string, options: { rows?: number; type?: string } = {}) => (
    <Field id={name} label={t(`handoff.field.${name}` as MessageKey)} error={errorFor(name)}>
      {options.rows ? (
        <textarea id={name} rows={options.rows} {...register(name)} aria-invalid={invalid(name)} />
      ) : (
        <input id={name} type={options.type ?? "text"} {...register(name)} aria-invalid={invalid(name)} />
      )}
    </Field>
  );

  return (
    <>
      <PageHeader title={t("handoff.prepare.title")} crumbs={caseFileCrumbs(panti, stay, person)} intro={t("handoff.prepare.intro")} />
      <FormError message={failed?.formError} />
      <ConsentNotice consent={consent} consentPath={`/panti/${panti.id}/stays/${stay.id}/consent`} missing={t("consent.notice.handoff")} />
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={t("handoff.prepare.title")}>
        <section className="card stack">
          <h2>{t("handoff.section.destination")}</h2>
          <div className="grid-2">
            <Field id="partnerCode" label={t("handoff.field.partnerCode")} error={errorFor("partnerCode")}>
              <select id="partnerCode" {...register("partnerCode")} aria-invalid={invalid("partnerCode")}>
                <option value="">{t("placements.choose")}</option>
                {partners.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name} {p.hasInstance ? "" : `(${t("handoff.channel.file")})`}
                  </option>
                ))}
              </select>
            </Field>
            {text("destinationCity")}
          </div>
          {text("reason", { rows: 2 })}
        </section>

        <fieldset className="card stack">
          <legend className="label">
            <strong>{t("handoff.section.documents")}</strong>
          </legend>
          <p className="muted small">
            {person.displayName}
            {person.nik ? ` · NIK ${person.nik}` : ""}
          </p>
          <div>
            {HANDOFF_DOCUMENTS.map((doc) => (
              <label key={doc} className="checkbox">
                <input type="checkbox" {...checkbox(DOC_FIELDS[doc])} /> {t(`handoff.doc.${doc}`)}
              </label>
            ))}
          </div>
          {text("documentsNote")}
        </fieldset>

        <section className="card stack">
          <h2>{t("handoff.section.condition")}</h2>
          <div className="grid-2">
            {text("health", { rows: 2 })}
            {text("medication", { rows: 2 })}
            {text("disability", { rows: 2 })}
            {text("psychosocial", { rows: 2 })}
          </div>
          <h3>{t("handoff.section.continuation")}</h3>
          <p className="muted small">
            {t("handoff.currentStage")}: {t(`stage.${stay.currentStage}`)}
          </p>
          <div className="grid-2">
            {text("continueRehabilitation", { rows: 2 })}
            {text("continueTreatment", { rows: 2 })}
            {text("continueTraining", { rows: 2 })}
          </div>
        </section>

        <fieldset className="card stack">
          <legend className="label">
            <strong>{t("handoff.section.family")}</strong>
          </legend>
          <label className="checkbox">
            <input type="checkbox" {...checkbox("familyFound")} /> {t("handoff.field.familyFound")}
          </label>
          {familyFound ? (
            <div className="grid-2">
              {text("familyName")}
              {text("familyRelation")}
              {text("familyAddress", { rows: 2 })}
              {text("familyPhone", { type: "tel" })}
            </div>
          ) : null}
        </fieldset>

        <section className="card stack">
          <h2>{t("handoff.section.travel")}</h2>
          <div className="grid-2">
            {text("escort")}
            <TransportField control={register("transport")} error={errorFor("transport")} />
            {text("plannedDate", { type: "date" })}
          </div>
          <div>
            <label className="checkbox">
              <input type="checkbox" {...checkbox("consent")} /> {t("handoff.field.consent")}
            </label>
            <FieldError messages={errorFor("consent")} />
          </div>
          {text("consentNote")}
          <div>
            <button type="submit" disabled={navigation.state !== "idle"}>
              {t("handoff.prepare.submit")}
            </button>{" "}
            <Link to={`/panti/${panti.id}/stays/${stay.id}`}>{t("common.cancel")}</Link>
          </div>
        </section>
      </Form>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
