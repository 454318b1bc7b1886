import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PSYCHOSOCIAL_SERVICES, sessionSchema } from "~/domain/case-file";
import { jakartaDateTimeInput } from "~/domain/time";
import { sessionFormData } from "~/queries/case-file.server";
import { recordSession } from "~/services/psychosocial.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import { Field, FieldError, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";

export const meta = pageTitle("title.record_a_psychosocial_session");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "psychosocial:write", pantiId);
  const data = sessionFormData(user, pantiId, stayId);
  if (!data) throw notFound();
  return { ...data, provider: user.name, now: jakartaDateTimeInput(new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "psychosocial:write", pantiId);
  const submitted = await submitForm(request, sessionSchema, (input) => recordSession(user, { pantiId, stayId }, input));
  if (!submitted.ok) return submitted.response;
  return redirect(`/panti/${pantiId}/stays/${stayId}?saved=session`);
}

export default function NewSessionPage() {
  const { stay, person, panti, provider, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  const base = `/panti/${panti.id}/stays/${stay.id}`;
  const failed = actionData && !actionData.ok ? actionData : null;
  const { register, errorFor, onSubmit } = useZodForm(sessionSchema, {
    defaultValues: {
      mode: "individual",
      stayIds: String(stay.id),
      serviceCode: "konseling_individu",
      providerName: provider,
      sessionAt: now,
      durationMinutes: "60",
    },
    server: failed,
  });
  const invalid = (name: string) => (errorFor(name) ? true : undefined);

  return (
    <>
      <PageHeader
        title={t("psychosocial.record")}
        crumbs={caseFileCrumbs(panti, stay, person)}
        intro={
          <>
            {person.displayName} · {t(`sessionMode.individual`)} ·{" "}
            <Link to={`/panti/${panti.id}/sessions/new`}>{t("psychosocial.recordGroup")}</Link>
          </>
        }
      />
      <FormError message={failed?.formError} />
      {stay.open ? (
        <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-label={t("psychosocial.record")}>
          <input type="hidden" {...register("mode")} />
          <input type="hidden" {...register("stayIds")} />
          <FieldError messages={errorFor("stayIds")} />
          <div className="grid-2">
            <Field id="serviceCode" label={t("psychosocial.service")} error={errorFor("serviceCode")}>
              <select id="serviceCode" {...register("serviceCode")} aria-invalid={invalid("serviceCode")}>
                {PSYCHOSOCIAL_SERVICES.map((s) => (
                  <option key={s.code} value={s.code}>
                    {lang === "en" ? s.nameEn : s.nameId}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="providerName" label={t("psychosocial.provider")} hint={t("psychosocial.provider.hint")} error={errorFor("providerName")}>
              <input id="providerName" type="text" {...register("providerName")} aria-invalid={invalid("providerName")} />
            </Field>
            <Field id="sessionAt" label={t("psychosocial.sessionAt")} error={errorFor("sessionAt")}>
              <input id="sessionAt" type="datetime-local" max={now} {...register("sessionAt")} aria-invalid={invalid("sessionAt")} />
            </Field>
            <Field id="durationMinutes" label={t("psychosocial.duration")} error={errorFor("durationMinutes")}>
              <input
                id="durationMinutes"
                type="number"
                min={5}
                max={480}
                step={5}
                inputMode="numeric"
                {...register("durationMinutes")}
                aria-invalid={invalid("durationMinutes")}
              />
            </Field>
          </div>
          <Field id="summary" label={t("psychosocial.summary")} hint={t("psychosocial.summary.hint")} error={errorFor("summary")}>
            <textarea id="summary" rows={3} {...register("summary")} aria-invalid={invalid("summary")} />
          </Field>
          <Field id="followUp" label={t("psychosocial.followUp")} error={errorFor("followUp")}>
            <textarea id="followUp" rows={2} {...register("followUp")} aria-invalid={invalid("followUp")} />
          </Field>
          <div className="confidential">
            <Field id="note" label={t("psychosocial.note")} hint={t("psychosocial.note.hint")} error={errorFor("note")}>
              <textarea id="note" rows={5} {...register("note")} aria-invalid={invalid("note")} />
            </Field>
          </div>
          <div>
            <button type="submit" disabled={navigation.state !== "idle"}>
              {t("psychosocial.submit")}
            </button>{" "}
            <Link to={base}>{t("common.cancel")}</Link>
          </div>
        </Form>
      ) : (
        <div className="alert info">{t("caseFile.closedStay")}</div>
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
