import { Form, Link } from "@remix-run/react";
import type * as z from "zod/mini";
import { acceptSchema, closeSchema, declineSchema, discardSchema, partnerAnswerSchema, REPORTED_STATUSES } from "~/domain/handoffs";
import { useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { Field } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import type { HandoffDetail } from "~/routes/_app.handoffs.$handoffId._index/route";
import { ArrivalForm, ConditionSelect, SubmitButton } from "~/components/handoffs/arrival-form";

/** What the actor may do next with the hand-off, one small form per step. */
export function HandoffActions({ detail, failed }: { detail: HandoffDetail; failed: FormFailure | null }) {
  const t = useT();
  const { can, handoff } = detail;
  const mine = (intent: string) => (failed?.values?.intent === intent ? failed : null);
  const base = `/handoffs/${handoff.id}`;
  const any = can.send || can.edit || can.file || can.decide || can.arrival || can.close || can.recordAnswer;
  if (!any) return null;
  return (
    <section className="card stack" data-testid="handoff-actions">
      <h2>{t("handoff.actions")}</h2>
      {can.send ? (
        <Form method="post">
          <input type="hidden" name="intent" value="send" />
          <p className="muted small">{t(handoff.channel === "api" ? "handoff.send.api" : "handoff.send.file")}</p>
          <SubmitButton>{t("handoff.send")}</SubmitButton>
        </Form>
      ) : null}
      {can.edit ? (
        <div className="grid-2">
          <p>
            <Link className="button secondary" to={`${base}/edit`}>
              {t("handoff.edit.action")}
            </Link>
          </p>
          <NoteForm intent="discard" schema={discardSchema} field="reason" label={t("handoff.discard.reason")} submit={t("handoff.discard")} failed={mine("discard")} danger />
        </div>
      ) : null}
      {can.file ? (
        <p className="link-row">
          <a className="button secondary" href={`${base}/file.json`} download>
            {t("handoff.file")}
          </a>
          <a className="button secondary" href={`${base}/letter`}>
            {t("handoff.letter")}
          </a>
        </p>
      ) : null}
      {can.decide ? (
        <div className="grid-2">
          <AcceptForm detail={detail} failed={mine("accept")} />
          <NoteForm intent="decline" schema={declineSchema} field="reason" label={t("handoff.decline.reason")} submit={t("handoff.decline")} failed={mine("decline")} danger />
        </div>
      ) : null}
      {can.arrival ? <ArrivalForm failed={mine("arrival")} /> : null}
      {can.recordAnswer ? <PartnerAnswerForm failed={mine("answer")} /> : null}
      {can.close ? <NoteForm intent="close" schema={closeSchema} field="note" label={t("handoff.close.note")} submit={t("handoff.close")} failed={mine("close")} /> : null}
    </section>
  );
}

/** A form of one intent with one text field (decline with a reason, close with a note). */
function NoteForm({
  intent,
  schema,
  field,
  label,
  submit,
  failed,
  danger,
}: {
  intent: string;
  schema: z.ZodMiniType<unknown, Record<string, unknown>>;
  field: string;
  label: string;
  submit: string;
  failed: FormFailure | null;
  danger?: boolean;
}) {
  const { register, errorFor, onSubmit } = useZodForm(schema, { defaultValues: { intent }, server: failed });
  const id = `${intent}-${field}`;
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={submit}>
      <input type="hidden" {...register("intent")} />
      <Field id={id} label={label} error={errorFor(field)}>
        <textarea id={id} rows={2} {...register(field)} aria-invalid={errorFor(field) ? true : undefined} />
      </Field>
      <div>
        <SubmitButton danger={danger}>{submit}</SubmitButton>
      </div>
    </Form>
  );
}

function AcceptForm({ detail, failed }: { detail: HandoffDetail; failed: FormFailure | null }) {
  const t = useT();
  const { form, register, errorFor, onSubmit } = useZodForm(acceptSchema, { defaultValues: { intent: "accept", acceptedAs: "panti" }, server: failed });
  const acceptedAs = form.watch("acceptedAs") as string;
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={t("handoff.accept")}>
      <input type="hidden" {...register("intent")} />
      <Field id="acceptedAs" label={t("handoff.accept.as")} error={errorFor("acceptedAs")}>
        <select id="acceptedAs" {...register("acceptedAs")}>
          <option value="panti">{t("handoff.acceptedAs.panti")}</option>
          <option value="family">{t("handoff.acceptedAs.family")}</option>
        </select>
      </Field>
      {acceptedAs !== "family" ? (
        <Field id="targetPantiId" label={t("handoff.accept.panti")} error={errorFor("targetPantiId")}>
          <select id="targetPantiId" {...register("targetPantiId")} aria-invalid={errorFor("targetPantiId") ? true : undefined}>
            <option value="">{t("placements.choose")}</option>
            {detail.pantiOptions.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field id="accept-note" label={t("handoff.note")} error={errorFor("note")}>
        <input id="accept-note" type="text" {...register("note")} />
      </Field>
      <div>
        <SubmitButton>{t("handoff.accept")}</SubmitButton>
      </div>
    </Form>
  );
}

function PartnerAnswerForm({ failed }: { failed: FormFailure | null }) {
  const t = useT();
  const { register, errorFor, onSubmit } = useZodForm(partnerAnswerSchema, { defaultValues: { intent: "answer", status: "received", condition: "" }, server: failed });
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={t("handoff.answer")}>
      <h3>{t("handoff.answer")}</h3>
      <p className="muted small">{t("handoff.answer.hint")}</p>
      <input type="hidden" {...register("intent")} />
      <div className="grid-2">
        <Field id="answer-status" label={t("handoff.answer.status")} error={errorFor("status")}>
          <select id="answer-status" {...register("status")}>
            {REPORTED_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`handoff.status.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <ConditionSelect register={register} error={errorFor("condition")} />
      </div>
      <Field id="answer-note" label={t("handoff.note")} error={errorFor("note")}>
        <textarea id="answer-note" rows={2} {...register("note")} />
      </Field>
      <div>
        <SubmitButton>{t("handoff.answer.submit")}</SubmitButton>
      </div>
    </Form>
  );
}
