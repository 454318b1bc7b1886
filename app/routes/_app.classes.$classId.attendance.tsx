import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ATTENDANCE_STATUSES, attendanceSheetSchema, firstSessionSheetSchema, sessionDateQuerySchema } from "~/domain/programmes";
import { attendanceSheet } from "~/queries/programmes.server";
import { recordAttendance } from "~/services/programmes.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { formatCalendarDate, translator } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { Field, FieldError, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { CalendarDate } from "~/components/ui/dates";
import { FilterBar } from "~/components/ui/filter-bar";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("programmes");

export const meta = pageTitle("title.attendance");

/**
 * The attendance sheet of one session, made for a phone: one row per trainee with the four
 * statuses as big radio buttons, posted all at once (it works without JavaScript).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { classId } = idParams(params, "classId");
  const user = await requirePermission(request, "class:teach");
  const { date } = sessionDateQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const sheet = attendanceSheet(user, classId, date);
  if (!sheet) throw notFound();
  return sheet;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { classId } = idParams(params, "classId");
  const user = await requirePermission(request, "class:teach");
  const submitted = await submitForm(request, attendanceSheetSchema, (input) => recordAttendance(user, classId, input));
  if (!submitted.ok) return submitted.response;
  const { lang, input, result } = submitted;
  return data({
    ok: true as const,
    message: translator(lang)("attendance.saved", { date: formatCalendarDate(lang, input.date), n: result.changed }),
    offSchedule: result.offSchedule,
  });
}

export default function AttendanceSheetPage() {
  const sheet = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const failed = actionData && !actionData.ok ? actionData : null;
  const { cls, check } = sheet;

  return (
    <div className="sheet">
      <PageHeader
        title={
          <>
            {t("attendance.title")} <CalendarDate value={sheet.date} />
          </>
        }
        crumbs={[
          { to: "/classes", label: t("nav.classes") },
          { to: `/classes/${cls.id}`, label: cls.name },
        ]}
        intro={`${cls.name} · ${cls.startTime}–${cls.endTime}`}
      />

      <FilterBar className="sheet-date" label={t("attendance.pickDate")} submitLabel={t("attendance.open")} submitClassName="secondary">
        <Field
          id="date"
          label={t("attendance.pickDate")}
          hint={t("attendance.period", { start: formatCalendarDate(lang, cls.startDate), end: formatCalendarDate(lang, cls.endDate) })}
        >
          <input id="date" type="date" name="date" aria-describedby="date-hint" defaultValue={sheet.date} min={cls.startDate} max={cls.endDate < sheet.today ? cls.endDate : sheet.today} key={sheet.date} />
        </Field>
      </FilterBar>

      <FormError message={failed?.formError} />

      {!check.ok ? (
        <FormError message={t(check.messageKey)} testId="date-error" />
      ) : (
        <>
          {check.offSchedule ? <div className="alert warning">⚠ {t("attendance.offSchedule")}</div> : null}
          {sheet.sessionExists ? <p className="muted small">{t("attendance.existing")}</p> : <p className="muted small">{t("attendance.intro")}</p>}
          {sheet.rows.length === 0 ? (
            <p className="card muted">{t("attendance.noneOnRoll")}</p>
          ) : (
            <SheetForm key={sheet.date} sheet={sheet} failed={failed} saved={actionData?.ok ? actionData.message : null} />
          )}
        </>
      )}

      {sheet.recent.length > 0 ? (
        <section className="card">
          <h2>{t("attendance.recent")}</h2>
          <ul className="compact-list">
            {sheet.recent.map((s) => (
              <li key={s.date}>
                <Link to={`?date=${s.date}`}>
                  <CalendarDate value={s.date} />
                </Link> <span className="muted small">{t("attendance.markedCount", { n: s.marked })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Link to={`/classes/${cls.id}`}>← {cls.name}</Link>
      </p>
    </div>
  );
}

/**
 * The rows of the sheet, one radio group per trainee, checked in the browser with the server's
 * schema (every row's status, all errors at once; a session not held yet needs one mark) before
 * it posts. Without JavaScript it posts as it is and the server answers the same errors.
 */
function SheetForm({ sheet, failed, saved }: { sheet: SerializeFrom<typeof loader>; failed: FormFailure | null; saved: string | null }) {
  const t = useT();
  const lang = useLang();
  const busy = useNavigation().state !== "idle";
  const { errorFor, formProps } = useZodForm(sheet.sessionExists ? attendanceSheetSchema : firstSessionSheetSchema, {
    defaultValues: {},
    server: failed,
    readForm: true,
  });
  // After a refused post, show what the user chose; otherwise what is recorded.
  const chosen = (enrolmentId: number, recorded: string | null) => (failed?.values ? (failed.values[`mark.${enrolmentId}`] ?? null) : recorded);
  const unmarked = sheet.rows.filter((r) => !r.mark).length;
  return (
    <Form method="post" className="stack" aria-label={t("attendance.title")} preventScrollReset {...formProps}>
      <input type="hidden" name="date" value={sheet.date} />
      <FieldError messages={errorFor("date")} />
      {sheet.sessionExists && unmarked > 0 ? <p className="alert warning small">{t("attendance.unmarked", { n: unmarked })}</p> : null}
      <ul className="sheet-rows" data-testid="attendance-sheet">
        {sheet.rows.map((row) => {
          const name = `mark.${row.enrolmentId}`;
          const value = chosen(row.enrolmentId, row.mark);
          const error = errorFor(name);
          return (
            <li key={row.enrolmentId} className="sheet-row" data-testid="sheet-row" data-enrolment={row.enrolmentId}>
              <fieldset aria-invalid={error ? true : undefined} aria-describedby={error ? `${name}-error` : undefined}>
                <legend>{row.name}</legend>
                <div className="segmented">
                  {ATTENDANCE_STATUSES.map((s) => {
                    const id = `m-${row.enrolmentId}-${s.code}`;
                    return (
                      <span key={s.code} className={`seg seg-${s.code}`}>
                        <input type="radio" id={id} name={name} value={s.code} defaultChecked={value === s.code} />
                        <label htmlFor={id}>
                          <strong aria-hidden="true">{s.letter}</strong>
                          <span>{lang === "en" ? s.nameEn : s.nameId}</span>
                        </label>
                      </span>
                    );
                  })}
                </div>
                <FieldError id={`${name}-error`} messages={error} />
              </fieldset>
            </li>
          );
        })}
      </ul>
      <div className="sheet-actions">
        {/* Beside the save button, which stays in view on a phone: the confirmation, and what keeps the sheet from saving, are where the user is. */}
        <FieldError id="marks-error" messages={errorFor("marks")} />
        <Flash message={saved} testId="attendance-message" />
        <button type="submit" className="big" disabled={busy} aria-describedby={errorFor("marks") ? "marks-error" : undefined}>
          {t("attendance.save")}
        </button>
      </div>
    </Form>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
