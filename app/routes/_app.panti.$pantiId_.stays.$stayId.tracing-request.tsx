import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { TRACING_PHOTO_MAX_BYTES, tracingPhoto, tracingRequestSchema } from "~/domain/handoffs";
import { tracingFormData } from "~/queries/handoffs.server";
import { deliverOutbox } from "~/services/outbox.server";
import { requestTracing } from "~/services/tracing.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/body.server";
import { badRequest, submitForm } from "~/utils/http.server";
import { translator } from "~/utils/i18n";
import { formValues } from "~/utils/validation";
import { idParams } from "~/utils/params.server";
import { useT } from "~/utils/use-i18n";
import type { MessageKey } from "~/utils/messages";
import { Field, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { PageHeader } from "~/components/ui/page-header";
import { ConsentNotice } from "~/components/safeguarding/consent-notice";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("exits", "exports", "handoffs", "placements", "provinces", "safeguarding");

export const meta = pageTitle("title.tracing_request");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "handoff:prepare", pantiId);
  const data = tracingFormData(user, pantiId, stayId);
  if (!data) throw notFound();
  return data;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "handoff:prepare", pantiId);
  const formData = await readForm(request);
  const file = formData.get("photo");
  const photo = tracingPhoto(file instanceof File ? { type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) } : null);
  if (!photo.ok) {
    const t = translator(await getLang(request));
    return badRequest({ errors: { photo: [t.dynamic(photo.messageKey)] }, values: formValues(formData) });
  }
  const submitted = await submitForm(request, tracingRequestSchema, (input) => requestTracing(user, { pantiId, stayId }, { ...input, photo: photo.dataUrl }), { formData });
  if (!submitted.ok) return submitted.response;
  await deliverOutbox({ ids: [submitted.result.outboxId] });
  return redirect(`/tracing-requests/${submitted.result.requestId}?saved=sent`);
}

export default function TracingRequestPage() {
  const { stay, person, panti, partners, suggested, consent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const failed = actionData && !actionData.ok ? actionData : null;
  const { register, errorFor, onSubmit } = useZodForm(tracingRequestSchema, { defaultValues: { partnerCode: suggested, description: person.description ?? "" }, server: failed });
  const text = (name: string, rows = 2) => (
    <Field id={name} label={t(`tracing.field.${name}` as MessageKey)} error={errorFor(name)}>
      <textarea id={name} rows={rows} {...register(name)} aria-invalid={errorFor(name) ? true : undefined} />
    </Field>
  );
  return (
    <>
      <PageHeader title={t("tracing.request.title")} crumbs={caseFileCrumbs(panti, stay, person)} intro={t("tracing.request.intro")} />
      <FormError message={failed?.formError} />
      <ConsentNotice consent={consent} consentPath={`/panti/${panti.id}/stays/${stay.id}/consent`} missing={t("consent.notice.tracing")} />
      {partners.length === 0 ? <div className="alert info">{t("tracing.request.noPartner")}</div> : null}
      <Form method="post" encType="multipart/form-data" className="card stack" onSubmit={onSubmit} noValidate aria-label={t("tracing.request.title")}>
        <Field id="partnerCode" label={t("handoff.field.partnerCode")} error={errorFor("partnerCode")}>
          <select id="partnerCode" {...register("partnerCode")} aria-invalid={errorFor("partnerCode") ? true : undefined}>
            <option value="">{t("placements.choose")}</option>
            {partners.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        {text("description", 3)}
        {text("names")}
        {text("places")}
        {text("language", 1)}
        <Field id="photo" label={t("tracing.field.photo")} hint={t("tracing.field.photo.hint", { max: TRACING_PHOTO_MAX_BYTES / 1024 })} error={errorFor("photo")}>
          <input id="photo" name="photo" type="file" accept="image/jpeg,image/png" />
        </Field>
        <div>
          <button type="submit" disabled={navigation.state !== "idle"}>
            {t("tracing.request.submit")}
          </button>{" "}
          <Link to={`/panti/${panti.id}/stays/${stay.id}/family`}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
