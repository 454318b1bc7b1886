import { Form, useNavigation } from "@remix-run/react";
import { cancelSchema, declineSchema, redirectSchema } from "~/domain/placements";
import { useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { Field } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import type { PlacementPageData } from "~/routes/_app.placements.$placementId/route";

type ReasonRegistration = ReturnType<ReturnType<typeof useZodForm>["register"]>;

/** The reason of a decision: required, at least three characters (the schema's rule). */
function ReasonField({ id, error, field }: { id: string; error?: string[]; field: ReasonRegistration }) {
  const t = useT();
  return (
    <Field id={id} label={t("placement.reason")} error={error}>
      <textarea id={id} rows={2} {...field} aria-invalid={error ? true : undefined} />
    </Field>
  );
}

/**
 * A decision that takes only its reason: the panti declines the referral, or the referring unit
 * withdraws it while it waits.
 */
export function ReasonForm({ intent, server }: { intent: "decline" | "cancel"; server: FormFailure | null }) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  const { register, errorFor, onSubmit } = useZodForm(intent === "decline" ? declineSchema : cancelSchema, {
    defaultValues: { intent, reason: "" },
    server,
  });
  return (
    <section className="card">
      <h2>{t(`placement.${intent}`)}</h2>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" {...register("intent")} />
        <ReasonField id={`${intent}-reason`} error={errorFor("reason")} field={register("reason")} />
        <div>
          <button type="submit" className="danger" disabled={busy}>
            {t(`placement.${intent}`)}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** The panti sends the referral on to another panti that fits. */
export function RedirectForm({ server, choices }: { server: FormFailure | null; choices: PlacementPageData["ranking"] }) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  const { register, errorFor, onSubmit } = useZodForm(redirectSchema, {
    defaultValues: { intent: "redirect", toPantiId: "", reason: "" },
    server,
  });
  return (
    <section className="card">
      <h2>{t("placement.redirect")}</h2>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" {...register("intent")} />
        <Field id="toPantiId" label={t("placement.toPanti")} error={errorFor("toPantiId")}>
          <select id="toPantiId" {...register("toPantiId")} aria-invalid={errorFor("toPantiId") ? true : undefined}>
            <option value="">{t("placements.choose")}</option>
            {choices.map((r) => (
              <option key={r.pantiId} value={r.pantiId}>
                {r.name}
              </option>
            ))}
          </select>
        </Field>
        <ReasonField id="redirect-reason" error={errorFor("reason")} field={register("reason")} />
        <div>
          <button type="submit" className="secondary" disabled={busy}>
            {t("placement.redirect")}
          </button>
        </div>
      </Form>
    </section>
  );
}
