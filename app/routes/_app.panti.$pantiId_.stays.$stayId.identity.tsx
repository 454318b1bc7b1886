import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { identityStepSchema } from "~/domain/case-file";
import { IDENTITY_DOCUMENTS, IDENTITY_STEP_STATUSES } from "~/domain/enums";
import { jakartaDate } from "~/domain/time";
import { identityFormData } from "~/queries/case-file.server";
import { recordIdentityStep } from "~/services/case-file.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { idParams } from "~/utils/params.server";
import { useT } from "~/utils/use-i18n";
import { Field, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { IdentityDocumentFacts } from "~/components/case-file/identity-documents";
import { TableScroll } from "~/components/ui/data-table";
import { CalendarDate } from "~/components/ui/dates";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile", "placements");

export const meta = pageTitle("title.identity_documents");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "case:write", pantiId);
  const data = identityFormData(user, pantiId, stayId);
  if (!data) throw notFound();
  return { ...data, today: jakartaDate(new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "case:write", pantiId);
  const submitted = await submitForm(request, identityStepSchema, (input) => recordIdentityStep(user, { pantiId, stayId }, input));
  if (!submitted.ok) return submitted.response;
  return redirect(`/panti/${pantiId}/stays/${stayId}?saved=${submitted.result.identified ? "identified" : "identity"}`);
}

export default function IdentityPage() {
  const { stay, person, panti, identity, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const base = `/panti/${panti.id}/stays/${stay.id}`;
  const failed = actionData && !actionData.ok ? actionData : null;
  const { register, errorFor, onSubmit } = useZodForm(identityStepSchema, {
    defaultValues: { document: person.nik ? "ektp" : "nik", status: "requested", stepOn: today, name: person.name ?? "" },
    server: failed,
  });
  const invalid = (name: string) => (errorFor(name) ? true : undefined);

  return (
    <>
      <PageHeader
        title={t("caseFile.identity.docs")}
        crumbs={caseFileCrumbs(panti, stay, person)}
        intro={t("caseFile.identity.intro")}
      />
      <FormError message={failed?.formError} />

      <div className="grid-2">
        <section className="card">
          <h2>{t("caseFile.identity")}</h2>
          <dl className="facts">
            <dt>{t("caseFile.identity.status")}</dt>
            <dd>{person.unidentified ? t("caseFile.unidentified") : t("caseFile.identified")}</dd>
            <dt>{t("placement.nik")}</dt>
            <dd>{person.nik ?? "–"}</dd>
            <dt>{t("placement.kk")}</dt>
            <dd>{person.kk ?? "–"}</dd>
            <IdentityDocumentFacts status={identity.status} />
          </dl>
        </section>

        {stay.open ? (
          <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-label={t("caseFile.identity.manage")}>
            <h2>{t("caseFile.identity.manage")}</h2>
            <div className="grid-2">
              <Field id="document" label={t("caseFile.identity.document")} error={errorFor("document")}>
                <select id="document" {...register("document")} aria-invalid={invalid("document")}>
                  {IDENTITY_DOCUMENTS.map((d) => (
                    <option key={d} value={d}>
                      {t(`identityDoc.${d}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="status" label={t("caseFile.identity.stepStatus")} error={errorFor("status")}>
                <select id="status" {...register("status")} aria-invalid={invalid("status")}>
                  {IDENTITY_STEP_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`identityStatus.${s}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="stepOn" label={t("caseFile.identity.stepOn")} error={errorFor("stepOn")}>
                <input id="stepOn" type="date" max={today} {...register("stepOn")} aria-invalid={invalid("stepOn")} />
              </Field>
              <Field id="number" label={t("caseFile.identity.number")} hint={t("caseFile.identity.number.hint")} error={errorFor("number")}>
                <input id="number" type="text" inputMode="numeric" autoComplete="off" {...register("number")} aria-invalid={invalid("number")} />
              </Field>
            </div>
            {person.unidentified || !person.name ? (
              <Field id="name" label={t("caseFile.identity.name")} hint={t("caseFile.identity.name.hint")} error={errorFor("name")}>
                <input id="name" type="text" {...register("name")} aria-invalid={invalid("name")} />
              </Field>
            ) : null}
            <Field id="notes" label={t("caseFile.identity.notes")} error={errorFor("notes")}>
              <textarea id="notes" rows={2} {...register("notes")} aria-invalid={invalid("notes")} />
            </Field>
            <div>
              <button type="submit" disabled={navigation.state !== "idle"}>
                {t("caseFile.identity.submit")}
              </button>{" "}
              <Link to={base}>{t("common.cancel")}</Link>
            </div>
          </Form>
        ) : (
          <div className="alert info">{t("caseFile.closedStay")}</div>
        )}
      </div>

      <section className="card">
        <h2>{t("caseFile.identity.steps")}</h2>
        {identity.steps.length ? (
          <TableScroll label={t("caseFile.identity.steps")}>
            <table data-testid="identity-steps">
              <thead>
                <tr>
                  <th>{t("caseFile.identity.stepOn")}</th>
                  <th>{t("caseFile.identity.document")}</th>
                  <th>{t("caseFile.identity.stepStatus")}</th>
                  <th>{t("caseFile.identity.number")}</th>
                  <th>{t("caseFile.identity.notes")}</th>
                </tr>
              </thead>
              <tbody>
                {identity.steps.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <CalendarDate value={s.stepOn} />
                    </td>
                    <td>{t(`identityDoc.${s.document}`)}</td>
                    <td>{t(`identityStatus.${s.status}`)}</td>
                    <td>{s.number ?? "–"}</td>
                    <td className="pre">{s.notes ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p className="muted">{t("caseFile.identity.noSteps")}</p>
        )}
      </section>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
