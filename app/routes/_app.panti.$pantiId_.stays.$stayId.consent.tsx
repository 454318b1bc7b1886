import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CONSENT_DECISIONS, CONSENT_PURPOSES, consentSchema } from "~/domain/safeguarding";
import { jakartaDate } from "~/domain/time";
import { consentFormData } from "~/queries/case-file.server";
import { recordConsent } from "~/services/safeguarding.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { idParams } from "~/utils/params.server";
import { useT } from "~/utils/use-i18n";
import { Field, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { EmptyRow, TableScroll } from "~/components/ui/data-table";
import { CalendarDate } from "~/components/ui/dates";
import { PageHeader } from "~/components/ui/page-header";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { ConsentBadge } from "~/components/safeguarding/consent-badge";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("exports", "placements", "safeguarding");

export const meta = pageTitle("title.consent");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "consent:record", pantiId);
  const data = consentFormData(user, pantiId, stayId);
  if (!data) throw notFound();
  return { ...data, today: jakartaDate(new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "consent:record", pantiId);
  const submitted = await submitForm(request, consentSchema, (input) => recordConsent(user, { pantiId, stayId }, input));
  if (!submitted.ok) return submitted.response;
  return redirect(`/panti/${pantiId}/stays/${stayId}?saved=consent`);
}

export default function ConsentPage() {
  const { stay, person, panti, consents, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const failed = actionData && !actionData.ok ? actionData : null;
  const { register, checkbox, errorFor, onSubmit } = useZodForm(consentSchema, { defaultValues: { intent: "consent", decidedOn: today }, server: failed });
  const invalid = (name: string) => (errorFor(name) ? true : undefined);

  return (
    <>
      <PageHeader title={t("consent.title")} crumbs={caseFileCrumbs(panti, stay, person)} intro={t("consent.intro")} />
      <FormError message={failed?.formError} />
      <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-label={t("consent.record")}>
        <input type="hidden" {...register("intent")} />
        <div className="grid-2">
          <Field id="purpose" label={t("consent.purpose")} error={errorFor("purpose")}>
            <select id="purpose" {...register("purpose")} aria-invalid={invalid("purpose")}>
              <option value="">{t("placements.choose")}</option>
              {CONSENT_PURPOSES.map((p) => (
                <option key={p} value={p}>
                  {t(`consentPurpose.${p}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="decision" label={t("consent.decision")} error={errorFor("decision")}>
            <select id="decision" {...register("decision")} aria-invalid={invalid("decision")}>
              <option value="">{t("placements.choose")}</option>
              {CONSENT_DECISIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`consentDecision.${d}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="decidedOn" label={t("consent.decidedOn")} error={errorFor("decidedOn")}>
            <input id="decidedOn" type="date" max={today} {...register("decidedOn")} aria-invalid={invalid("decidedOn")} />
          </Field>
          <Field id="expiresOn" label={t("consent.expiresOn")} error={errorFor("expiresOn")}>
            <input id="expiresOn" type="date" {...register("expiresOn")} aria-invalid={invalid("expiresOn")} />
          </Field>
        </div>
        <label className="checkbox">
          <input type="checkbox" {...checkbox("onBehalf")} /> {t("consent.onBehalf")}
        </label>
        <div className="grid-2">
          <Field id="decidedBy" label={t("consent.onBehalfBy")} error={errorFor("decidedBy")}>
            <input id="decidedBy" {...register("decidedBy")} aria-invalid={invalid("decidedBy")} />
          </Field>
          <Field id="onBehalfReason" label={t("consent.onBehalfReason")} error={errorFor("onBehalfReason")}>
            <input id="onBehalfReason" {...register("onBehalfReason")} aria-invalid={invalid("onBehalfReason")} />
          </Field>
        </div>
        <div>
          <button type="submit" disabled={navigation.state !== "idle"}>
            {t("consent.submit")}
          </button>{" "}
          <Link to={`/panti/${panti.id}/stays/${stay.id}`}>{t("common.cancel")}</Link>
        </div>
      </Form>

      <section className="card">
        <h2>{t("consent.title")}</h2>
        <TableScroll label={t("consent.title")}>
          <table data-testid="consent-list">
            <thead>
              <tr>
                <th scope="col">{t("consent.decidedOn")}</th>
                <th scope="col">{t("consent.purpose")}</th>
                <th scope="col">{t("consent.decision")}</th>
                <th scope="col">{t("consent.expiresOn")}</th>
                <th scope="col">{t("consent.onBehalfBy")}</th>
                <th scope="col">{t("consent.recordedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {consents.rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <CalendarDate value={c.decidedOn} />
                  </td>
                  <td>{t(`consentPurpose.${c.purpose}`)}</td>
                  <td>
                    {t(`consentDecision.${c.decision}`)} <CurrentBadge state={consents.states.find((s) => s.record?.id === c.id)?.state} />
                  </td>
                  <td>{c.expiresOn ? <CalendarDate value={c.expiresOn} /> : "–"}</td>
                  <td>{c.onBehalfBy ? `${c.onBehalfBy} — ${c.onBehalfReason ?? ""}` : "–"}</td>
                  <td>{c.recordedByName ?? "–"}</td>
                </tr>
              ))}
              <EmptyRow when={consents.rows.length === 0} colSpan={6}>
                {t("consent.none")}
              </EmptyRow>
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}

/** The state today, on the row of the decision that is in force for its purpose. */
function CurrentBadge({ state }: { state: Parameters<typeof ConsentBadge>[0]["state"] | undefined }) {
  return state ? <ConsentBadge state={state} /> : null;
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
