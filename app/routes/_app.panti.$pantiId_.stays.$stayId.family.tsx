import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { familyContactSchema, tracingAttemptSchema } from "~/domain/case-file";
import { TRACING_CHANNELS } from "~/domain/enums";
import { jakartaDateTimeInput } from "~/domain/time";
import { familyFormData } from "~/queries/case-file.server";
import { addFamilyContact, recordTracingAttempt } from "~/services/case-file.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/body.server";
import { badRequest, submitForm } from "~/utils/http.server";
import { formatDate, translator } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import { formValues, type FormFailure } from "~/utils/validation";
import { Field, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { TracingResultField } from "~/components/forms/select-field";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { Instant } from "~/components/ui/dates";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile", "exits", "handoffs", "safeguarding");

export const meta = pageTitle("title.family_tracing");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "case:write", pantiId);
  const data = familyFormData(user, pantiId, stayId);
  if (!data) throw notFound();
  return { ...data, now: jakartaDateTimeInput(new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "case:write", pantiId);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "contact") {
    const submitted = await submitForm(request, familyContactSchema, (input) => addFamilyContact(user, { pantiId, stayId }, input), { formData });
    if (!submitted.ok) return submitted.response;
    return redirect(`/panti/${pantiId}/stays/${stayId}/family?saved=contact`);
  }
  if (intent === "attempt") {
    const submitted = await submitForm(request, tracingAttemptSchema, (input) => recordTracingAttempt(user, { pantiId, stayId }, input), { formData });
    if (!submitted.ok) return submitted.response;
    return redirect(`/panti/${pantiId}/stays/${stayId}${submitted.result.familyLocated ? "" : "/family"}?saved=attempt`);
  }
  const t = translator(await getLang(request));
  return badRequest({ errors: {}, values: formValues(formData), formError: t("error.invalid") });
}

export default function FamilyPage() {
  const { stay, person, panti, family, can, now, tracingRequests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const base = `/panti/${panti.id}/stays/${stay.id}`;
  const failed = actionData && !actionData.ok ? actionData : null;
  const [search] = useSearchParams();
  const saved = search.get("saved");

  return (
    <>
      <PageHeader title={t("caseFile.family")} crumbs={caseFileCrumbs(panti, stay, person)} />
      <Flash message={saved === "contact" || saved === "attempt" ? t(`caseFile.saved.${saved}`) : null} />
      <FormError message={failed?.formError} />
      {family.located ? (
        <div className="family-located" role="status" data-testid="family-located">
          <strong>{t("caseFile.family.located")}</strong>
          <span>{t("caseFile.family.locatedOn", { date: formatDate(lang, family.located.attemptedAt) })}</span>
          {stay.open && can.exit ? (
            <Link className="button small" to={`${base}/exit`}>
              {t("caseFile.family.toExit")}
            </Link>
          ) : null}
        </div>
      ) : (
        <p className="muted">{t("caseFile.family.notLocated")}</p>
      )}
      {!stay.open ? <div className="alert info">{t("caseFile.closedStay")}</div> : null}

      <div className="grid-2">
        <section className="card">
          <h2>{t("caseFile.family.contacts")}</h2>
          {family.contacts.length ? (
            <ul className="plain-list">
              {family.contacts.map((c) => (
                <li key={c.id}>
                  <strong>{c.name}</strong> ({c.relation}){c.phone ? ` · ${c.phone}` : ""}
                  {c.address ? <div className="muted small">{c.address}</div> : null}
                  {c.notes ? <div className="pre small">{c.notes}</div> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{t("caseFile.family.noContacts")}</p>
          )}
          {stay.open ? <ContactForm failed={failed?.values?.intent === "contact" ? failed : null} /> : null}
        </section>

        <section className="card">
          <h2>{t("caseFile.family.attempts")}</h2>
          {family.attempts.length ? (
            <ul className="plain-list">
              {family.attempts.map((a) => (
                <li key={a.id}>
                  <strong>
                    <Instant value={a.attemptedAt} withTime />
                  </strong> · {t(`tracingChannel.${a.channel}`)} ·{" "}
                  <span className={`badge ${a.result === "family_located" ? "ok" : "muted"}`}>{t(`tracingResult.${a.result}`)}</span>
                  {a.contactName ? <span className="muted small"> · {a.contactName}</span> : null}
                  {a.notes ? <div className="pre small">{a.notes}</div> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{t("caseFile.family.noAttempts")}</p>
          )}
          {stay.open ? (
            <AttemptForm now={now} contacts={family.contacts} failed={failed?.values?.intent === "attempt" ? failed : null} />
          ) : null}
        </section>
      </div>
      <section className="card" aria-labelledby="tracing-requests">
        <div className="card-heading">
          <h2 id="tracing-requests">{t("tracing.list.title")}</h2>
          {stay.open && can.handoff ? <Link to={`${base}/tracing-request`}>{t("handoff.caseFile.tracing")}</Link> : null}
        </div>
        {tracingRequests.length ? (
          <ul className="plain-list" data-testid="stay-tracing-requests">
            {tracingRequests.map((r) => (
              <li key={r.id}>
                <Link to={`/tracing-requests/${r.id}`}>{r.partnerName}</Link> · <Instant value={r.createdAt} /> · {t(`tracing.status.${r.status}`)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{t("tracing.list.empty")}</p>
        )}
      </section>
      <p>
        <Link to={base}>{t("caseFile.back")}</Link>
      </p>
    </>
  );
}

function ContactForm({ failed }: { failed: FormFailure | null }) {
  const t = useT();
  const navigation = useNavigation();
  const { register, errorFor, onSubmit } = useZodForm(familyContactSchema, { defaultValues: { intent: "contact" }, server: failed });
  const invalid = (name: string) => (errorFor(name) ? true : undefined);
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={t("caseFile.family.addContact")}>
      <h3>{t("caseFile.family.addContact")}</h3>
      <input type="hidden" {...register("intent")} />
      <Field id="contact-name" label={t("caseFile.family.name")} error={errorFor("name")}>
        <input id="contact-name" type="text" {...register("name")} aria-invalid={invalid("name")} />
      </Field>
      <Field id="relation" label={t("caseFile.family.relation")} error={errorFor("relation")}>
        <input id="relation" type="text" {...register("relation")} aria-invalid={invalid("relation")} />
      </Field>
      <Field id="phone" label={t("caseFile.family.phone")} error={errorFor("phone")}>
        <input id="phone" type="tel" {...register("phone")} aria-invalid={invalid("phone")} />
      </Field>
      <Field id="address" label={t("caseFile.family.address")} error={errorFor("address")}>
        <textarea id="address" rows={2} {...register("address")} aria-invalid={invalid("address")} />
      </Field>
      <Field id="contact-notes" label={t("caseFile.family.notes")} error={errorFor("notes")}>
        <textarea id="contact-notes" rows={2} {...register("notes")} aria-invalid={invalid("notes")} />
      </Field>
      <div>
        <button type="submit" className="secondary" disabled={navigation.state !== "idle"}>
          {t("caseFile.family.addContact")}
        </button>
      </div>
    </Form>
  );
}

function AttemptForm({
  now,
  contacts,
  failed,
}: {
  now: string;
  contacts: { id: number; name: string; relation: string }[];
  failed: FormFailure | null;
}) {
  const t = useT();
  const navigation = useNavigation();
  const { register, errorFor, onSubmit } = useZodForm(tracingAttemptSchema, {
    defaultValues: { intent: "attempt", attemptedAt: now, channel: "phone", result: "no_answer" },
    server: failed,
  });
  const invalid = (name: string) => (errorFor(name) ? true : undefined);
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={t("caseFile.family.addAttempt")}>
      <h3>{t("caseFile.family.addAttempt")}</h3>
      <input type="hidden" {...register("intent")} />
      <Field id="attemptedAt" label={t("caseFile.family.attemptedAt")} error={errorFor("attemptedAt")}>
        <input id="attemptedAt" type="datetime-local" max={now} {...register("attemptedAt")} aria-invalid={invalid("attemptedAt")} />
      </Field>
      <Field id="channel" label={t("caseFile.family.channel")} error={errorFor("channel")}>
        <select id="channel" {...register("channel")} aria-invalid={invalid("channel")}>
          {TRACING_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`tracingChannel.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="contactId" label={t("caseFile.family.contact")} error={errorFor("contactId")}>
        <select id="contactId" {...register("contactId")} aria-invalid={invalid("contactId")}>
          <option value="">{t("caseFile.family.contact.none")}</option>
          {contacts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.relation})
            </option>
          ))}
        </select>
      </Field>
      <TracingResultField control={register("result")} error={errorFor("result")} />
      <Field id="attempt-notes" label={t("caseFile.family.notes")} error={errorFor("notes")}>
        <textarea id="attempt-notes" rows={2} {...register("notes")} aria-invalid={invalid("notes")} />
      </Field>
      <div>
        <button type="submit" className="secondary" disabled={navigation.state !== "idle"}>
          {t("caseFile.family.addAttempt")}
        </button>
      </div>
    </Form>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
