import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ATTENDANCE_STATUSES, attendanceSheetSchema, sessionDateQuerySchema } from "~/domain/programmes";
import { attendanceSheet } from "~/queries/programmes.server";
import { recordAttendance } from "~/services/programmes.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { badRequest, runService } from "~/utils/http.server";
import { formatDate, translator } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { formValues, parseForm } from "~/utils/validation";
import { FieldError } from "~/components/forms/field";
import { readForm } from "~/utils/body.server";

export const meta: MetaFunction = () => [{ title: "Absensi — Panti" }];

const paramsSchema = z.object({ classId: z.coerce.number().int().positive() });

function classIdFrom(params: unknown) {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data.classId;
}

/**
 * The attendance sheet of one session, made for a phone: one row per trainee with the four
 * statuses as big radio buttons, posted all at once (it works without JavaScript).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const classId = classIdFrom(params);
  const user = await requirePermission(request, "class:teach");
  const { date } = sessionDateQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const sheet = attendanceSheet(user, classId, date);
  if (!sheet) throw notFound();
  return sheet;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const classId = classIdFrom(params);
  const user = await requirePermission(request, "class:teach");
  const lang = await getLang(request);
  const t = translator(lang);
  const formData = await readForm(request);
  const parsed = parseForm(attendanceSheetSchema, formData, lang);
  if (!parsed.ok) return badRequest(parsed);
  const outcome = runService(lang, formValues(formData), () => recordAttendance(user, classId, parsed.data));
  if (!outcome.ok) return outcome.response;
  return data({
    ok: true as const,
    message: t("attendance.saved", { date: formatDate(lang, parsed.data.date), n: outcome.result.changed }),
    offSchedule: outcome.result.offSchedule,
  });
}

type ActionData = { ok: boolean; message?: string; errors?: Record<string, string[]>; values?: Record<string, string>; formError?: string };

export default function AttendanceSheetPage() {
  const sheet = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const lang = useLang();
  const busy = useNavigation().state !== "idle";
  const failed = actionData && !actionData.ok ? actionData : null;
  const { cls, check } = sheet;
  // After a refused post, show what the user chose; otherwise what is recorded.
  const chosen = (enrolmentId: number, recorded: string | null) => (failed?.values ? (failed.values[`mark.${enrolmentId}`] ?? null) : recorded);
  const unmarked = sheet.rows.filter((r) => !r.mark).length;

  return (
    <div className="sheet">
      <div className="page-header">
        <div>
          <div className="breadcrumb">
            <Link to="/classes">{t("nav.classes")}</Link> / <Link to={`/classes/${cls.id}`}>{cls.name}</Link>
          </div>
          <h1>
            {t("attendance.title")} {formatDate(lang, sheet.date)}
          </h1>
          <p>
            {cls.name} · {cls.startTime}–{cls.endTime}
          </p>
        </div>
      </div>

      <Form method="get" className="filters card sheet-date">
        <div className="field">
          <label htmlFor="date">{t("attendance.pickDate")}</label>
          <input id="date" type="date" name="date" defaultValue={sheet.date} min={cls.startDate} max={cls.endDate < sheet.today ? cls.endDate : sheet.today} key={sheet.date} />
          <span className="hint">{t("attendance.period", { start: formatDate(lang, cls.startDate), end: formatDate(lang, cls.endDate) })}</span>
        </div>
        <button type="submit" className="secondary">
          {t("attendance.open")}
        </button>
      </Form>

      {actionData?.ok ? (
        <div className="alert success" role="status" data-testid="attendance-message">
          {actionData.message}
        </div>
      ) : null}
      {failed?.formError ? (
        <div className="alert error" role="alert">
          {failed.formError}
        </div>
      ) : null}

      {!check.ok ? (
        <div className="alert error" role="alert" data-testid="date-error">
          {t(check.messageKey)}
        </div>
      ) : (
        <>
          {check.offSchedule ? <div className="alert warning">⚠ {t("attendance.offSchedule")}</div> : null}
          {sheet.sessionExists ? <p className="muted small">{t("attendance.existing")}</p> : <p className="muted small">{t("attendance.intro")}</p>}
          {sheet.rows.length === 0 ? (
            <p className="card muted">{t("attendance.noneOnRoll")}</p>
          ) : (
            <Form method="post" className="stack" key={sheet.date} aria-label={t("attendance.title")}>
              <input type="hidden" name="date" value={sheet.date} />
              <FieldError messages={failed?.errors?.date ?? failed?.errors?.marks} />
              {sheet.sessionExists && unmarked > 0 ? (
                <p className="alert warning small">{t("attendance.unmarked", { n: unmarked })}</p>
              ) : null}
              <ul className="sheet-rows" data-testid="attendance-sheet">
                {sheet.rows.map((row) => {
                  const name = `mark.${row.enrolmentId}`;
                  const value = chosen(row.enrolmentId, row.mark);
                  const error = failed?.errors?.[name];
                  return (
                    <li key={row.enrolmentId} className="sheet-row" data-testid="sheet-row" data-enrolment={row.enrolmentId}>
                      <fieldset aria-invalid={error ? true : undefined}>
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
                        <FieldError messages={error} />
                      </fieldset>
                    </li>
                  );
                })}
              </ul>
              <div className="sheet-actions">
                <button type="submit" className="big" disabled={busy}>
                  {t("attendance.save")}
                </button>
              </div>
            </Form>
          )}
        </>
      )}

      {sheet.recent.length > 0 ? (
        <section className="card">
          <h2>{t("attendance.recent")}</h2>
          <ul className="compact-list">
            {sheet.recent.map((s) => (
              <li key={s.date}>
                <Link to={`?date=${s.date}`}>{formatDate(lang, s.date)}</Link> <span className="muted small">{t("attendance.markedCount", { n: s.marked })}</span>
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
