import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { tracingAnswerSchema } from "~/domain/handoffs";
import { tracingRequestDetail } from "~/queries/handoffs.server";
import { deliverOutbox } from "~/services/outbox.server";
import { answerTracing } from "~/services/tracing.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { idParams } from "~/utils/params.server";
import { useT } from "~/utils/use-i18n";
import type { MessageKey } from "~/utils/messages";
import { Field, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { TracingResultField } from "~/components/forms/select-field";
import { Instant } from "~/components/ui/dates";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile", "exits", "handoffs", "placements", "provinces");

export const meta = pageTitle("title.tracing_request");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { requestId } = idParams(params, "requestId");
  const user = await requirePermission(request, "handoff:read");
  const detail = tracingRequestDetail(user, requestId);
  if (!detail) throw notFound();
  return { detail };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { requestId } = idParams(params, "requestId");
  const user = await requirePermission(request, "handoff:receive");
  if (!tracingRequestDetail(user, requestId)) throw notFound();
  const submitted = await submitForm(request, tracingAnswerSchema, (input) => answerTracing(user, requestId, input));
  if (!submitted.ok) return submitted.response;
  const summary = await deliverOutbox({ ids: [submitted.result.outboxId] });
  return data({ ok: true as const, delivered: summary.delivered > 0 });
}

export default function TracingRequestDetailPage() {
  const { detail } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const t = useT();
  const failed = actionData && !actionData.ok ? actionData : null;
  const { packet, answer } = detail;
  const message = actionData?.ok ? t(actionData.delivered ? "tracing.done.answered" : "tracing.done.queued") : search.get("saved") === "sent" ? t("tracing.done.sent") : null;
  return (
    <>
      <PageHeader
        title={t("tracing.request.title")}
        intro={`${t(`tracing.direction.${detail.direction}`)} · ${detail.partnerName} · ${t(`tracing.status.${detail.status}`)}`}
        crumbs={[{ to: "/tracing-requests", label: t("tracing.list.title") }]}
        actions={detail.stayId && detail.pantiId ? <Link to={`/panti/${detail.pantiId}/stays/${detail.stayId}/family`}>{t("tracing.toFamily")}</Link> : null}
      />
      <Flash message={message} />
      <FormError message={failed?.formError} />
      <div className="grid-2">
        <section className="card">
          <h2>{t("tracing.request")}</h2>
          <dl className="facts">
            <dt>{t("tracing.sentAt")}</dt>
            <dd>
              <Instant value={packet.sentAt} withTime />
            </dd>
            <dt>{t("tracing.person")}</dt>
            <dd>
              {t(`sex.${packet.person.sex}`)}
              {packet.person.age != null ? ` · ${t("placement.ageYears", { n: packet.person.age })}` : ""}
            </dd>
            {(["description", "names", "places", "language"] as const).map((field) =>
              packet[field] ? (
                <div key={field} className="contents">
                  <dt>{t(`tracing.field.${field}`)}</dt>
                  <dd className="pre">{packet[field]}</dd>
                </div>
              ) : null,
            )}
          </dl>
          {packet.photo ? <img src={packet.photo} alt={t("tracing.photo")} style={{ maxWidth: "12rem" }} /> : null}
        </section>
        <section className="card">
          <h2>{t("tracing.answer")}</h2>
          {answer ? (
            <dl className="facts" data-testid="tracing-answer">
              <dt>{t("caseFile.family.result")}</dt>
              <dd>{t(`tracingResult.${answer.result}`)}</dd>
              {answer.notes ? (
                <>
                  <dt>{t("caseFile.family.notes")}</dt>
                  <dd className="pre">{answer.notes}</dd>
                </>
              ) : null}
              {answer.contact ? (
                <>
                  <dt>{t("caseFile.family.contact")}</dt>
                  <dd>{[answer.contact.name, answer.contact.relation, answer.contact.phone, answer.contact.address].filter(Boolean).join(" · ")}</dd>
                </>
              ) : null}
            </dl>
          ) : detail.canAnswer ? (
            <AnswerForm failed={failed} />
          ) : (
            <p className="muted">{t("tracing.waiting")}</p>
          )}
        </section>
      </div>
    </>
  );
}

function AnswerForm({ failed }: { failed: { errors?: Record<string, string[] | undefined>; values?: Record<string, string> } | null }) {
  const t = useT();
  const navigation = useNavigation();
  const { register, errorFor, onSubmit } = useZodForm(tracingAnswerSchema, { defaultValues: { result: "family_located" }, server: failed });
  const text = (name: string) => (
    <Field id={name} label={t(`tracing.field.${name}` as MessageKey)} error={errorFor(name)}>
      <input id={name} type="text" {...register(name)} aria-invalid={errorFor(name) ? true : undefined} />
    </Field>
  );
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={t("tracing.answer")}>
      <TracingResultField control={register("result")} error={errorFor("result")} />
      {text("notes")}
      {text("contactName")}
      {text("contactRelation")}
      {text("contactPhone")}
      {text("contactAddress")}
      <div>
        <button type="submit" disabled={navigation.state !== "idle"}>
          {t("tracing.answer.submit")}
        </button>
      </div>
    </Form>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
