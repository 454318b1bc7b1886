import { Form } from "@remix-run/react";
import { TRAINING_OUTCOMES } from "~/domain/enums";
import { outcomeSchema } from "~/domain/programmes";
import { useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { Field } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import type { EnrolmentPageData } from "~/routes/_app.classes.$classId.enrolments.$enrolmentId._index/route";

/** After a completed class: what became of the trainee (work, own business, further training). */
export function OutcomeForm({ page, failed, busy }: { page: EnrolmentPageData; failed: FormFailure | null; busy: boolean }) {
  const t = useT();
  const { register, errorFor, onSubmit } = useZodForm(outcomeSchema, {
    defaultValues: { intent: "outcome", outcome: page.enrolment.outcome ?? "", outcomeNotes: page.enrolment.outcomeNotes ?? "" },
    server: failed,
  });
  return (
    <section className="card">
      <h2>{t("outcome.title")}</h2>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" {...register("intent")} />
        <div className="grid-2">
          <Field id="outcome" label={t("outcome.label")} error={errorFor("outcome")}>
            <select id="outcome" {...register("outcome")} aria-invalid={errorFor("outcome") ? true : undefined}>
              <option value="">{t("outcome.none")}</option>
              {TRAINING_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`outcome.${o}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="outcomeNotes" label={t("outcome.notes")} error={errorFor("outcomeNotes")}>
            <input id="outcomeNotes" type="text" {...register("outcomeNotes")} />
          </Field>
        </div>
        <div>
          <button type="submit" disabled={busy}>
            {t("outcome.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}
