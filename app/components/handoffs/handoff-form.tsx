/**
 * The hand-off form: the same fields and the same zod schema when a hand-off is prepared from a
 * resident's case file and when its draft is edited from the hand-off page.
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import { DOCUMENT_FIELDS, handoffSchema, HANDOFF_DOCUMENTS } from "~/domain/handoffs";
import { useT } from "~/utils/use-i18n";
import type { MessageKey } from "~/utils/messages";
import type { ServerFormState } from "~/components/forms/use-zod-form";
import { Field, FieldError, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { TransportField } from "~/components/forms/select-field";

export interface HandoffFormProps {
  person: { displayName: string; nik: string | null };
  currentStage: string;
  partners: { code: string; name: string; hasInstance: boolean }[];
  defaultValues: Record<string, string | boolean>;
  failed: (ServerFormState & { formError?: string }) | null;
  /** The form's name (its title) and its submit button. */
  title: string;
  submit: string;
  cancelTo: string;
}

export function HandoffForm({ person, currentStage, partners, defaultValues, failed, title, submit, cancelTo }: HandoffFormProps) {
  const navigation = useNavigation();
  const t = useT();
  const { form, register, checkbox, errorFor, onSubmit } = useZodForm(handoffSchema, { defaultValues, server: failed });
  const familyFound = form.watch("familyFound") as boolean | string | undefined;
  const invalid = (name: string) => (errorFor(name) ? true : undefined);
  /** A labelled text input or textarea of this form. */
  const text = (name: string, options: { rows?: number; type?: string } = {}) => (
    <Field id={name} label={t(`handoff.field.${name}` as MessageKey)} error={errorFor(name)}>
      {options.rows ? (
        <textarea id={name} rows={options.rows} {...register(name)} aria-invalid={invalid(name)} />
      ) : (
        <input id={name} type={options.type ?? "text"} {...register(name)} aria-invalid={invalid(name)} />
      )}
    </Field>
  );

  return (
    <>
      <FormError message={failed?.formError} />
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={title}>
        <section className="card stack">
          <h2>{t("handoff.section.destination")}</h2>
          <div className="grid-2">
            <Field id="partnerCode" label={t("handoff.field.partnerCode")} error={errorFor("partnerCode")}>
              <select id="partnerCode" {...register("partnerCode")} aria-invalid={invalid("partnerCode")}>
                <option value="">{t("placements.choose")}</option>
                {partners.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name} {p.hasInstance ? "" : `(${t("handoff.channel.file")})`}
                  </option>
                ))}
              </select>
            </Field>
            {text("destinationCity")}
          </div>
          {text("reason", { rows: 2 })}
        </section>

        <fieldset className="card stack">
          <legend className="label">
            <strong>{t("handoff.section.documents")}</strong>
          </legend>
          <p className="muted small">
            {person.displayName}
            {person.nik ? ` · NIK ${person.nik}` : ""}
          </p>
          <div>
            {HANDOFF_DOCUMENTS.map((doc) => (
              <label key={doc} className="checkbox">
                <input type="checkbox" {...checkbox(DOCUMENT_FIELDS[doc])} /> {t(`handoff.doc.${doc}`)}
              </label>
            ))}
          </div>
          {text("documentsNote")}
        </fieldset>

        <section className="card stack">
          <h2>{t("handoff.section.condition")}</h2>
          <div className="grid-2">
            {text("health", { rows: 2 })}
            {text("medication", { rows: 2 })}
            {text("disability", { rows: 2 })}
            {text("psychosocial", { rows: 2 })}
          </div>
          <h3>{t("handoff.section.continuation")}</h3>
          <p className="muted small">
            {t("handoff.currentStage")}: {t.dynamic(`stage.${currentStage}`)}
          </p>
          <div className="grid-2">
            {text("continueRehabilitation", { rows: 2 })}
            {text("continueTreatment", { rows: 2 })}
            {text("continueTraining", { rows: 2 })}
          </div>
        </section>

        <fieldset className="card stack">
          <legend className="label">
            <strong>{t("handoff.section.family")}</strong>
          </legend>
          <label className="checkbox">
            <input type="checkbox" {...checkbox("familyFound")} /> {t("handoff.field.familyFound")}
          </label>
          {familyFound ? (
            <div className="grid-2">
              {text("familyName")}
              {text("familyRelation")}
              {text("familyAddress", { rows: 2 })}
              {text("familyPhone", { type: "tel" })}
            </div>
          ) : null}
        </fieldset>

        <section className="card stack">
          <h2>{t("handoff.section.travel")}</h2>
          <div className="grid-2">
            {text("escort")}
            <TransportField control={register("transport")} error={errorFor("transport")} />
            {text("plannedDate", { type: "date" })}
          </div>
          <div>
            <label className="checkbox">
              <input type="checkbox" {...checkbox("consent")} /> {t("handoff.field.consent")}
            </label>
            <FieldError messages={errorFor("consent")} />
          </div>
          {text("consentNote")}
          <div>
            <button type="submit" disabled={navigation.state !== "idle"}>
              {submit}
            </button>{" "}
            <Link to={cancelTo}>{t("common.cancel")}</Link>
          </div>
        </section>
      </Form>
    </>
  );
}
