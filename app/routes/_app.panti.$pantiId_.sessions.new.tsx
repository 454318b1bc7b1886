import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { sessionSchema } from "~/domain/case-file";
import { jakartaDateTimeInput } from "~/domain/time";
import { groupSessionFormData } from "~/queries/case-file.server";
import { recordSession } from "~/services/psychosocial.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { idParams } from "~/utils/params.server";
import { useT } from "~/utils/use-i18n";
import { FieldError, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { SessionBasicsFields, SessionRecordFields } from "~/components/psychosocial/session-fields";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile");

export const meta = pageTitle("title.group_session");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId } = idParams(params, "pantiId");
  const user = await requirePermission(request, "psychosocial:write", pantiId);
  const data = groupSessionFormData(user, pantiId);
  if (!data) throw notFound();
  return { ...data, provider: user.name, now: jakartaDateTimeInput(new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { pantiId } = idParams(params, "pantiId");
  const user = await requirePermission(request, "psychosocial:write", pantiId);
  const submitted = await submitForm(request, sessionSchema, (input) => recordSession(user, { pantiId }, input));
  if (!submitted.ok) return submitted.response;
  return redirect(`/panti/${pantiId}/sessions?saved=${submitted.result.sessionId}`);
}

export default function NewGroupSessionPage() {
  const { panti, residents, provider, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const failed = actionData && !actionData.ok ? actionData : null;
  const zodForm = useZodForm(sessionSchema, {
    defaultValues: {
      mode: "group",
      serviceCode: "terapi_aktivitas_kelompok",
      providerName: provider,
      sessionAt: now,
      durationMinutes: "60",
    },
    server: failed,
  });
  const { register, checkbox, errorFor, onSubmit } = zodForm;

  return (
    <>
      <PageHeader
        title={t("psychosocial.recordGroup")}
        crumbs={[
          { to: `/panti/${panti.id}/residents`, label: panti.name },
          { to: `/panti/${panti.id}/sessions`, label: t("psychosocial.list.title") },
        ]}
      />
      <FormError message={failed?.formError} />
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={t("psychosocial.recordGroup")}>
        <input type="hidden" {...register("mode")} />
        <section className="card stack">
          <SessionBasicsFields zodForm={zodForm} now={now} />
        </section>
        <fieldset className="card" aria-describedby="participants-hint">
          <legend className="label">
            <strong>{t("psychosocial.participants")}</strong>
          </legend>
          <p className="muted small" id="participants-hint">
            {t("psychosocial.group.intro")}
          </p>
          <FieldError messages={errorFor("stayIds")} />
          <div className="participant-grid">
            {residents.map((r) => (
              <label key={r.stayId} className="checkbox">
                <input type="checkbox" {...checkbox("stayIds", String(r.stayId))} />
                {r.displayName}
                {r.bedLabel ? <span className="muted small"> · {r.bedLabel}</span> : null}
              </label>
            ))}
          </div>
        </fieldset>
        <section className="card stack">
          <SessionRecordFields zodForm={zodForm} />
          <div>
            <button type="submit" disabled={navigation.state !== "idle"}>
              {t("psychosocial.submit")}
            </button>
          </div>
        </section>
      </Form>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
