import { Form, useNavigation } from "@remix-run/react";
import { caseEnrolSchema } from "~/domain/programmes";
import { formatCalendarDate } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { Field, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { TableScroll } from "~/components/ui/data-table";
import { CalendarDate } from "~/components/ui/dates";
import type { CaseFile, EnrolableClass } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";

/** Enrolment in one of the panti's classes with a seat left, from the case file. */
function EnrolForm({ classes, failed }: { classes: EnrolableClass[]; failed: FormFailure | null }) {
  const t = useT();
  const lang = useLang();
  const busy = useNavigation().state !== "idle";
  const { register, errorFor, onSubmit } = useZodForm(caseEnrolSchema, { defaultValues: { classId: "" }, server: failed });
  // A refusal of the service names the resident (stay.<id>) or the whole list (stayIds).
  const refused = Object.entries(failed?.errors ?? {})
    .filter(([key]) => key !== "classId")
    .flatMap(([, messages]) => messages);
  const error = [...(errorFor("classId") ?? []), ...refused];
  return (
    <Form method="post" className="stack no-print" onSubmit={onSubmit} noValidate aria-label={t("caseFile.training.enrol")}>
      <FormError message={failed?.formError} />
      <Field id="classId" label={t("caseFile.training.enrolIn")} error={error.length ? error : undefined}>
        <select id="classId" {...register("classId")} aria-invalid={error.length ? true : undefined}>
          <option value="">{t("placements.choose")}</option>
          {classes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} · {lang === "en" ? c.programmeNameEn : c.programmeNameId} · {formatCalendarDate(lang, c.startDate)} –{" "}
              {formatCalendarDate(lang, c.endDate)} · {t("caseFile.training.seatsLeft", { n: c.capacity - c.seats })}
            </option>
          ))}
        </select>
      </Field>
      <div>
        <button type="submit" disabled={busy}>
          {t("caseFile.training.enrol")}
        </button>
      </div>
    </Form>
  );
}

/** The vocational classes the resident is or was enrolled in, and enrolment in another. */
export function TrainingSection({ file, classes, failed }: { file: CaseFile; classes: EnrolableClass[]; failed: FormFailure | null }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="training" id="enrol">
      <h2 id="training">{t("caseFile.training")}</h2>
      {file.enrolments.length ? (
        <TableScroll label={t("caseFile.training")}>
          <table>
            <thead>
              <tr>
                <th>{t("caseFile.training.programme")}</th>
                <th>{t("caseFile.training.class")}</th>
                <th>{t("caseFile.training.period")}</th>
                <th>{t("common.status")}</th>
                <th>{t("caseFile.training.certificate")}</th>
              </tr>
            </thead>
            <tbody>
              {file.enrolments.map((e) => (
                <tr key={e.id}>
                  <td>{lang === "en" ? e.programmeNameEn : e.programmeNameId}</td>
                  <td>{e.className}</td>
                  <td>
                    <CalendarDate value={e.startDate} /> – <CalendarDate value={e.endDate} />
                  </td>
                  <td>{t(`enrolmentStatus.${e.status}`)}</td>
                  <td>{e.certificateNumber ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">{t("caseFile.training.none")}</p>
      )}
      {file.can.enrol ? (
        classes.length > 0 ? (
          <EnrolForm classes={classes} failed={failed} />
        ) : (
          <p className="muted small">{t("caseFile.training.noClass")}</p>
        )
      ) : null}
    </section>
  );
}
