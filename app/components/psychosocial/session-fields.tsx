import { PSYCHOSOCIAL_SERVICES } from "~/domain/case-file";
import { useLang, useT } from "~/utils/use-i18n";
import { Field } from "~/components/forms/field";
import type { useZodForm } from "~/components/forms/use-zod-form";

type ZodForm = Pick<ReturnType<typeof useZodForm>, "register" | "errorFor">;

/** The service, who provided it, when and for how long: the same for a resident's own session and a group one. */
export function SessionBasicsFields({ zodForm: { register, errorFor }, now }: { zodForm: ZodForm; now: string }) {
  const t = useT();
  const lang = useLang();
  const invalid = (name: string) => (errorFor(name) ? true : undefined);
  return (
    <div className="grid-2">
      <Field id="serviceCode" label={t("psychosocial.service")} error={errorFor("serviceCode")}>
        <select id="serviceCode" {...register("serviceCode")} aria-invalid={invalid("serviceCode")}>
          {PSYCHOSOCIAL_SERVICES.map((s) => (
            <option key={s.code} value={s.code}>
              {lang === "en" ? s.nameEn : s.nameId}
            </option>
          ))}
        </select>
      </Field>
      <Field id="providerName" label={t("psychosocial.provider")} hint={t("psychosocial.provider.hint")} error={errorFor("providerName")}>
        <input id="providerName" type="text" {...register("providerName")} aria-invalid={invalid("providerName")} />
      </Field>
      <Field id="sessionAt" label={t("psychosocial.sessionAt")} error={errorFor("sessionAt")}>
        <input id="sessionAt" type="datetime-local" max={now} {...register("sessionAt")} aria-invalid={invalid("sessionAt")} />
      </Field>
      <Field id="durationMinutes" label={t("psychosocial.duration")} error={errorFor("durationMinutes")}>
        <input
          id="durationMinutes"
          type="number"
          min={5}
          max={480}
          step={5}
          inputMode="numeric"
          {...register("durationMinutes")}
          aria-invalid={invalid("durationMinutes")}
        />
      </Field>
    </div>
  );
}

/** What happened, what follows, and the confidential note (shown apart, its reads logged). */
export function SessionRecordFields({ zodForm: { register, errorFor } }: { zodForm: ZodForm }) {
  const t = useT();
  const invalid = (name: string) => (errorFor(name) ? true : undefined);
  return (
    <>
      <Field id="summary" label={t("psychosocial.summary")} hint={t("psychosocial.summary.hint")} error={errorFor("summary")}>
        <textarea id="summary" rows={3} {...register("summary")} aria-invalid={invalid("summary")} />
      </Field>
      <Field id="followUp" label={t("psychosocial.followUp")} error={errorFor("followUp")}>
        <textarea id="followUp" rows={2} {...register("followUp")} aria-invalid={invalid("followUp")} />
      </Field>
      <div className="confidential">
        <Field id="note" label={t("psychosocial.note")} hint={t("psychosocial.note.hint")} error={errorFor("note")}>
          <textarea id="note" rows={5} {...register("note")} aria-invalid={invalid("note")} />
        </Field>
      </div>
    </>
  );
}
