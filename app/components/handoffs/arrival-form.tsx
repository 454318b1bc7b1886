/** Confirming that a person handed over by a partner province arrived: on the hand-off page and on the stay it became. */
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { ARRIVAL_CONDITIONS, arrivalSchema } from "~/domain/handoffs";
import { useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { Field } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";

export function SubmitButton({ children, danger }: { children: ReactNode; danger?: boolean }) {
  const navigation = useNavigation();
  return (
    <button type="submit" className={danger ? "danger" : undefined} disabled={navigation.state !== "idle"}>
      {children}
    </button>
  );
}

export function ConditionSelect({ register, error }: { register: (name: string) => object; error?: string[] }) {
  const t = useT();
  return (
    <Field id="condition" label={t("handoff.arrival.condition")} error={error}>
      <select id="condition" {...register("condition")}>
        {ARRIVAL_CONDITIONS.map((c) => (
          <option key={c} value={c}>
            {t(`handoff.condition.${c}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The arrival form; `action` posts it to the hand-off page from elsewhere (the stay's case file). */
export function ArrivalForm({ failed, action }: { failed: FormFailure | null; action?: string }) {
  const t = useT();
  const { register, errorFor, onSubmit } = useZodForm(arrivalSchema, { defaultValues: { intent: "arrival", condition: "good" }, server: failed });
  return (
    <Form method="post" action={action} className="stack" onSubmit={onSubmit} noValidate aria-label={t("handoff.arrival")}>
      <input type="hidden" {...register("intent")} />
      <ConditionSelect register={register} error={errorFor("condition")} />
      <Field id="arrival-note" label={t("handoff.arrival.note")} error={errorFor("note")}>
        <textarea id="arrival-note" rows={2} {...register("note")} aria-invalid={errorFor("note") ? true : undefined} />
      </Field>
      <div>
        <SubmitButton>{t("handoff.arrival")}</SubmitButton>
      </div>
    </Form>
  );
}
