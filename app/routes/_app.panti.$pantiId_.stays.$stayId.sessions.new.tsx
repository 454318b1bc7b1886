import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { sessionSchema } from "~/domain/case-file";
import { jakartaDateTimeInput } from "~/domain/time";
import { sessionFormData } from "~/queries/case-file.server";
import { recordSession } from "~/services/psychosocial.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { idParams } from "~/utils/params.server";
import { useT } from "~/utils/use-i18n";
import { FieldError, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { SessionBasicsFields, SessionRecordFields } from "~/components/psychosocial/session-fields";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile");

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
  const base = `/panti/${panti.id}/stays/${stay.id}`;
  const failed = actionData && !actionData.ok ? actionData : null;
  const zodForm = useZodForm(sessionSchema, {
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
  const { register, errorFor, onSubmit } = zodForm;

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
          <SessionBasicsFields zodForm={zodForm} now={now} />
          <SessionRecordFields zodForm={zodForm} />
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
