import { Form } from "@remix-run/react";
import { PROGRESS_STATUSES } from "~/domain/enums";
import { progressSchema } from "~/domain/programmes";
import { formatCalendarDate } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { Field, FieldError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { Flash } from "~/components/ui/flash";
import type { EnrolmentPageData } from "~/routes/_app.classes.$classId.enrolments.$enrolmentId._index/route";

/** One module of the class: its recorded progress and, for the instructor, the form to record it. */
export function ModuleProgress({
  module: m,
  editable,
  today,
  failed,
  saved,
  busy,
}: {
  module: EnrolmentPageData["modules"][number];
  editable: boolean;
  today: string;
  /** The refusal of this module's form, if it was the one posted. */
  failed: FormFailure | null;
  /** The confirmation, when this module's progress was just saved. */
  saved: string | null;
  busy: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const name = lang === "en" ? m.nameEn : m.nameId;
  const p = m.progress;
  return (
    <li className={`card module-card${m.active ? "" : " inactive"}`} data-testid="module-progress" data-module={m.id} data-status={p?.status ?? "not_started"}>
      <h3>
        {name} {!m.active ? <span className="badge muted">{t("progress.inactive")}</span> : null}
      </h3>
      {p ? (
        <p className="small muted">
          {t("progress.recordedBy", { status: t(`progress.status.${p.status}`), date: formatCalendarDate(lang, p.assessedOn), name: p.recordedByName ?? "–" })}
          {p.score != null ? ` · ${t("progress.scoreShort", { score: p.score })}` : ""}
          {p.note ? ` · ${p.note}` : ""}
        </p>
      ) : (
        <p className="small muted">{t("progress.status.not_started")}</p>
      )}
      {editable ? <ProgressForm module={m} name={name} today={today} failed={failed} saved={saved} busy={busy} /> : null}
    </li>
  );
}

function ProgressForm({
  module: m,
  name,
  today,
  failed,
  saved,
  busy,
}: {
  module: EnrolmentPageData["modules"][number];
  name: string;
  today: string;
  failed: FormFailure | null;
  saved: string | null;
  busy: boolean;
}) {
  const t = useT();
  const p = m.progress;
  const { register, checkbox, errorFor, onSubmit } = useZodForm(progressSchema, {
    defaultValues: {
      intent: "progress",
      moduleId: String(m.id),
      status: p?.status ?? "not_started",
      score: p?.score != null ? String(p.score) : "",
      note: p?.note ?? "",
      assessedOn: today,
    },
    server: failed,
  });
  const prefix = `p-${m.id}`;
  const invalid = (field: string) => (errorFor(field) ? true : undefined);
  return (
    <Form method="post" className="stack" aria-label={name} onSubmit={onSubmit} noValidate preventScrollReset>
      <input type="hidden" {...register("intent")} />
      <input type="hidden" {...register("moduleId")} />
      <input type="hidden" name="moduleName" value={name} />
      <fieldset className="plain-fieldset">
        <legend className="label">{t("progress.status")}</legend>
        <div className="segmented three">
          {PROGRESS_STATUSES.map((s) => (
            <span key={s} className={`seg seg-${s}`}>
              <input type="radio" id={`${prefix}-${s}`} {...checkbox("status", s)} />
              <label htmlFor={`${prefix}-${s}`}>{t(`progress.status.${s}`)}</label>
            </span>
          ))}
        </div>
        <FieldError messages={errorFor("status")} />
      </fieldset>
      <div className="grid-3">
        <Field id={`${prefix}-score`} label={t("progress.score")} error={errorFor("score")}>
          <input id={`${prefix}-score`} type="number" min={0} max={100} inputMode="numeric" {...register("score")} aria-invalid={invalid("score")} />
        </Field>
        <Field id={`${prefix}-note`} label={t("progress.note")} error={errorFor("note")}>
          <input id={`${prefix}-note`} type="text" {...register("note")} aria-invalid={invalid("note")} />
        </Field>
        <Field id={`${prefix}-date`} label={t("progress.assessedOn")} error={errorFor("assessedOn")}>
          <input id={`${prefix}-date`} type="date" max={today} {...register("assessedOn")} aria-invalid={invalid("assessedOn")} />
        </Field>
      </div>
      <FieldError messages={errorFor("moduleId")} />
      <Flash message={saved} testId="enrolment-message" />
      <div>
        <button type="submit" disabled={busy}>
          {t("progress.save")}
        </button>
      </div>
    </Form>
  );
}
