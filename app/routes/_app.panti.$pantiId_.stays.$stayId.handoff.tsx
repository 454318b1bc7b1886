import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { handoffSchema } from "~/domain/handoffs";
import { handoffFormData } from "~/queries/handoffs.server";
import { prepareHandoff } from "~/services/handoffs.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { idParams } from "~/utils/params.server";
import { useT } from "~/utils/use-i18n";
import { HandoffForm } from "~/components/handoffs/handoff-form";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { PageHeader } from "~/components/ui/page-header";
import { ConsentNotice } from "~/components/safeguarding/consent-notice";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile", "exits", "exports", "handoffs", "placements", "provinces", "safeguarding");

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

export default function PrepareHandoffPage() {
  const { stay, person, panti, partners, suggested, consent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("handoff.prepare.title")} crumbs={caseFileCrumbs(panti, stay, person)} intro={t("handoff.prepare.intro")} />
      <ConsentNotice consent={consent} consentPath={`/panti/${panti.id}/stays/${stay.id}/consent`} missing={t("consent.notice.handoff")} />
      <HandoffForm
        person={person}
        currentStage={stay.currentStage}
        partners={partners}
        defaultValues={{ partnerCode: suggested, destinationCity: person.originCity ?? "", transport: "bus" }}
        failed={actionData && !actionData.ok ? actionData : null}
        title={t("handoff.prepare.title")}
        submit={t("handoff.prepare.submit")}
        cancelTo={`/panti/${panti.id}/stays/${stay.id}`}
      />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
