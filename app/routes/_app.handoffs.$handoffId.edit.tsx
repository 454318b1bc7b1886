import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { handoffSchema } from "~/domain/handoffs";
import { handoffDraftFormData } from "~/queries/handoffs.server";
import { updateHandoffDraft } from "~/services/handoffs.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { idParams } from "~/utils/params.server";
import { useT } from "~/utils/use-i18n";
import { HandoffForm } from "~/components/handoffs/handoff-form";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile", "exits", "handoffs", "placements", "provinces");

export const meta = pageTitle("title.handoff_edit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { handoffId } = idParams(params, "handoffId");
  const user = await requirePermission(request, "handoff:prepare");
  const data = handoffDraftFormData(user, handoffId);
  if (!data) throw notFound();
  // A sent hand-off is never edited: its page shows where it stands.
  if (data.handoff.status !== "draft") throw redirect(`/handoffs/${handoffId}`);
  return data;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { handoffId } = idParams(params, "handoffId");
  const user = await requirePermission(request, "handoff:prepare");
  const submitted = await submitForm(request, handoffSchema, (input) => updateHandoffDraft(user, handoffId, input));
  if (!submitted.ok) return submitted.response;
  return redirect(`/handoffs/${submitted.result.handoffId}?saved=edited`);
}

export default function EditHandoffPage() {
  const { stay, person, panti, partners, values, handoff } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeader
        title={t("handoff.edit.title")}
        crumbs={[...caseFileCrumbs(panti, stay, person), { to: `/handoffs/${handoff.id}`, label: t("title.handoff") }]}
        intro={t("handoff.prepare.intro")}
      />
      <HandoffForm
        person={person}
        currentStage={stay.currentStage}
        partners={partners}
        defaultValues={values}
        failed={actionData && !actionData.ok ? actionData : null}
        title={t("handoff.edit.title")}
        submit={t("handoff.edit.submit")}
        cancelTo={`/handoffs/${handoff.id}`}
      />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
