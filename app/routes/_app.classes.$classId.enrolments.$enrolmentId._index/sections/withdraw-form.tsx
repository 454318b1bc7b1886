import { Form } from "@remix-run/react";
import { withdrawSchema } from "~/domain/programmes";
import { useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { Field } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";

/** Taking an active trainee off the class, with a reason (the panti admin). */
export function WithdrawForm({ failed, busy }: { failed: FormFailure | null; busy: boolean }) {
  const t = useT();
  const { register, errorFor, onSubmit } = useZodForm(withdrawSchema, { defaultValues: { intent: "withdraw", reason: "" }, server: failed });
  return (
    <section className="card">
      <h2>{t("withdraw.title")}</h2>
      <p className="muted small">{t("withdraw.hint")}</p>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" {...register("intent")} />
        <Field id="withdraw-reason" label={t("common.reason")} error={errorFor("reason")}>
          <textarea id="withdraw-reason" rows={2} {...register("reason")} aria-invalid={errorFor("reason") ? true : undefined} />
        </Field>
        <div>
          <button type="submit" className="danger" disabled={busy}>
            {t("withdraw.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}
