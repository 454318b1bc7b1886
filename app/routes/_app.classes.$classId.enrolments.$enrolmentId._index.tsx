import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { PROGRESS_STATUSES, TRAINING_OUTCOMES } from "~/domain/enums";
import { OFF_ROLL_LETTER, outcomeSchema, progressSchema, withdrawSchema } from "~/domain/programmes";
import { enrolmentPage } from "~/queries/programmes.server";
import { completeEnrolment, recordOutcome, recordProgress, withdrawEnrolment } from "~/services/programmes.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { badRequest, runService } from "~/utils/http.server";
import { formatDate, formatPercent, translator, type T } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { formValues, parseForm } from "~/utils/validation";
import { FieldError } from "~/components/forms/field";
import { readForm } from "~/utils/body.server";

export const meta: MetaFunction = () => [{ title: "Peserta kelas — Panti" }];

const paramsSchema = z.object({ classId: z.coerce.number().int().positive(), enrolmentId: z.coerce.number().int().positive() });

function idsFrom(params: unknown) {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { classId, enrolmentId } = idsFrom(params);
  const user = await requirePermission(request, "class:read");
  const page = enrolmentPage(user, classId, enrolmentId);
  if (!page) throw notFound();
  return page;
}

/**
 * One trainee in a class: module progress (instructors), completion with a certificate (the
 * instructor or the panti admin), the outcome after the class and withdrawal (panti admin).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { classId, enrolmentId } = idsFrom(params);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const permission = intent === "progress" ? "class:teach" : intent === "complete" ? "class:read" : "class:manage";
  // Completion: the service checks that the user teaches or manages this class.
  const user = await requirePermission(request, permission);
  const lang = await getLang(request);
  const t = translator(lang);
  const values = formValues(formData);

  if (intent === "progress") {
    const parsed = parseForm(progressSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const outcome = runService(lang, values, () => recordProgress(user, classId, enrolmentId, parsed.data));
    if (!outcome.ok) return outcome.response;
    return data({ ok: true as const, message: t("progress.saved", { module: values.moduleName ?? "" }), moduleId: parsed.data.moduleId });
  }
  if (intent === "complete") {
    const outcome = runService(lang, values, () => completeEnrolment(user, classId, enrolmentId));
    if (!outcome.ok) return outcome.response;
    return data({ ok: true as const, message: t("completion.done", { number: outcome.result.certificateNumber }) });
  }
  if (intent === "outcome") {
    const parsed = parseForm(outcomeSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const outcome = runService(lang, values, () => recordOutcome(user, classId, enrolmentId, parsed.data));
    if (!outcome.ok) return outcome.response;
    return data({ ok: true as const, message: t("outcome.saved") });
  }
  if (intent === "withdraw") {
    const parsed = parseForm(withdrawSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const outcome = runService(lang, values, () => withdrawEnrolment(user, classId, enrolmentId, parsed.data.reason));
    if (!outcome.ok) return outcome.response;
    return data({ ok: true as const, message: t("withdraw.done") });
  }
  throw notFound();
}

type ActionData = {
  ok: boolean;
  message?: string;
  moduleId?: number;
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
  formError?: string;
};
type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function EnrolmentPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const lang = useLang();
  const busy = useNavigation().state !== "idle";
  const failed = actionData && !actionData.ok ? actionData : null;
  const { cls, enrolment, check, can } = page;
  const active = enrolment.status === "active";
  const failedIntent = failed?.values?.intent;

  return (
    <>
      <div className="page-header">
        <div>
          <div className="breadcrumb">
            <Link to="/classes">{t("nav.classes")}</Link> / <Link to={`/classes/${cls.id}`}>{cls.name}</Link>
          </div>
          <h1>{page.person.name}</h1>
          <p>
            {lang === "en" ? cls.programmeNameEn : cls.programmeNameId} · {cls.pantiName} ·{" "}
            <span className={`badge ${enrolment.status === "completed" ? "ok" : active ? "info" : "muted"}`} data-testid="enrolment-status">
              {t(`enrolment.status.${enrolment.status}`)}
            </span>
          </p>
        </div>
        <Link className="button secondary" to={`/residents/${enrolment.personId}/training`}>
          {t("training.title")}
        </Link>
      </div>
      {actionData?.ok ? (
        <div className="alert success" role="status" data-testid="enrolment-message">
          {actionData.message}
        </div>
      ) : null}
      {failed?.formError ? (
        <div className="alert error" role="alert" data-testid="enrolment-error">
          {failed.formError}
        </div>
      ) : null}

      <section className="card">
        <dl className="facts">
          <dt>{t("enrolment.enrolledAt")}</dt>
          <dd>{formatDate(lang, enrolment.enrolledAt)}</dd>
          {enrolment.endedAt ? (
            <>
              <dt>{t("enrolment.endedAt")}</dt>
              <dd>{formatDate(lang, enrolment.endedAt)}</dd>
            </>
          ) : null}
          <dt>{t("enrolment.rate")}</dt>
          <dd data-testid="enrolment-rate">
            {formatPercent(lang, page.rate)}{" "}
            {page.low ? <span className="badge over">⚠ {t("class.lowAttendance")}</span> : null}
            <div className="muted small">{t("enrolment.rateDetail", { earned: page.tally.earned, possible: page.tally.possible, held: page.tally.held })}</div>
          </dd>
          <dt>{t("enrolment.progress")}</dt>
          <dd>
            <ProgressBar competent={check.progress.competent} total={check.progress.total} percent={check.progress.percent} t={t} />
          </dd>
        </dl>
      </section>

      <CompletionCard page={page} busy={busy} />

      <section>
        <h2>{t("enrolment.progress")}</h2>
        <ul className="module-progress">
          {page.modules.map((m) => (
            <ModuleProgress
              key={m.id}
              module={m}
              editable={can.teach && active && m.active}
              today={page.today}
              failed={failedIntent === "progress" && failed?.values?.moduleId === String(m.id) ? failed : null}
              busy={busy}
            />
          ))}
        </ul>
      </section>

      {page.sessions.length > 0 ? (
        <section className="card">
          <h2>{t("enrolment.attendance")}</h2>
          <p className="muted small">{t("class.grid.legend")}</p>
          <ol className="att-strip" data-testid="attendance-strip">
            {page.sessions
              .filter((s) => s.letter !== OFF_ROLL_LETTER)
              .map((s) => (
                <li key={s.id} title={formatDate(lang, s.date)} className={`att-cell att-${s.letter === "-" ? "none" : s.letter.toLowerCase()}`}>
                  <span className="visually-hidden">{formatDate(lang, s.date)}: </span>
                  {s.letter === "-" ? "–" : s.letter}
                </li>
              ))}
          </ol>
        </section>
      ) : null}

      {can.manage && enrolment.status === "completed" ? <OutcomeForm page={page} failed={failedIntent === "outcome" ? failed : null} busy={busy} /> : null}

      {can.manage && active ? (
        <section className="card">
          <h2>{t("withdraw.title")}</h2>
          <p className="muted small">{t("withdraw.hint")}</p>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="withdraw" />
            <div className="field">
              <label htmlFor="withdraw-reason">{t("common.reason")}</label>
              <textarea id="withdraw-reason" name="reason" rows={2} aria-invalid={failedIntent === "withdraw" && failed?.errors?.reason ? true : undefined} />
              <FieldError messages={failedIntent === "withdraw" ? failed?.errors?.reason : undefined} />
            </div>
            <div>
              <button type="submit" className="danger" disabled={busy}>
                {t("withdraw.submit")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}

function CompletionCard({ page, busy }: { page: PageData; busy: boolean }) {
  const t = useT();
  const lang = useLang();
  const { check, cls, enrolment, can } = page;
  const rate = formatPercent(lang, page.rate).replace("%", "");
  const modulesOk = check.problems.every((p) => p !== "modulesIncomplete" && p !== "noModules");
  const attendanceOk = check.problems.every((p) => p !== "lowAttendance" && p !== "noSessions");
  return (
    <section className="card" data-testid="completion">
      <h2>{t("completion.title")}</h2>
      {enrolment.status === "completed" ? (
        <p>
          <span className="badge ok">{t("enrolment.status.completed")}</span> {t("certificate.number")} <strong data-testid="certificate-number">{enrolment.certificateNumber}</strong> ·{" "}
          <Link to={`/classes/${cls.id}/enrolments/${enrolment.id}/certificate`}>{t("completion.certificate")}</Link>
        </p>
      ) : (
        <>
          <p className="muted small">{t("completion.rule", { threshold: cls.attendanceThreshold })}</p>
          <ul className="checklist">
            <li className={modulesOk ? "reason good" : "reason bad"}>
              {check.problems.includes("noModules")
                ? t("completion.noModules")
                : modulesOk
                  ? t("completion.modulesOk", { competent: check.progress.competent, total: check.progress.total })
                  : t("completion.modulesMissing", { competent: check.progress.competent, total: check.progress.total })}
            </li>
            <li className={attendanceOk ? "reason good" : "reason bad"}>
              {check.problems.includes("noSessions")
                ? t("completion.noSessions")
                : attendanceOk
                  ? t("completion.attendanceOk", { rate, threshold: cls.attendanceThreshold })
                  : t("completion.attendanceLow", { rate, threshold: cls.attendanceThreshold })}
            </li>
          </ul>
          {can.complete && enrolment.status === "active" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="complete" />
              <button type="submit" disabled={busy} data-testid="complete">
                {t("completion.submit")}
              </button>
            </Form>
          ) : null}
        </>
      )}
    </section>
  );
}

function ModuleProgress({
  module: m,
  editable,
  today,
  failed,
  busy,
}: {
  module: PageData["modules"][number];
  editable: boolean;
  today: string;
  failed: ActionData | null;
  busy: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const name = lang === "en" ? m.nameEn : m.nameId;
  const p = m.progress;
  const values = failed?.values;
  const status = values?.status ?? p?.status ?? "not_started";
  const prefix = `p-${m.id}`;
  return (
    <li className={`card module-card${m.active ? "" : " inactive"}`} data-testid="module-progress" data-module={m.id} data-status={p?.status ?? "not_started"}>
      <h3>
        {name} {!m.active ? <span className="badge muted">{t("progress.inactive")}</span> : null}
      </h3>
      {p ? (
        <p className="small muted">
          {t("progress.recordedBy", { status: t(`progress.status.${p.status}`), date: formatDate(lang, p.assessedOn), name: p.recordedByName ?? "–" })}
          {p.score != null ? ` · ${t("progress.scoreShort", { score: p.score })}` : ""}
          {p.note ? ` · ${p.note}` : ""}
        </p>
      ) : (
        <p className="small muted">{t("progress.status.not_started")}</p>
      )}
      {editable ? (
        <Form method="post" className="stack" aria-label={name}>
          <input type="hidden" name="intent" value="progress" />
          <input type="hidden" name="moduleId" value={m.id} />
          <input type="hidden" name="moduleName" value={name} />
          <fieldset className="plain-fieldset">
            <legend className="label">{t("progress.status")}</legend>
            <div className="segmented three">
              {PROGRESS_STATUSES.map((s) => (
                <span key={s} className={`seg seg-${s}`}>
                  <input type="radio" id={`${prefix}-${s}`} name="status" value={s} defaultChecked={status === s} />
                  <label htmlFor={`${prefix}-${s}`}>{t(`progress.status.${s}`)}</label>
                </span>
              ))}
            </div>
            <FieldError messages={failed?.errors?.status} />
          </fieldset>
          <div className="grid-3">
            <div className="field">
              <label htmlFor={`${prefix}-score`}>{t("progress.score")}</label>
              <input
                id={`${prefix}-score`}
                type="number"
                name="score"
                min={0}
                max={100}
                inputMode="numeric"
                defaultValue={values?.score ?? p?.score ?? ""}
                aria-invalid={failed?.errors?.score ? true : undefined}
              />
              <FieldError messages={failed?.errors?.score} />
            </div>
            <div className="field">
              <label htmlFor={`${prefix}-note`}>{t("progress.note")}</label>
              <input id={`${prefix}-note`} type="text" name="note" defaultValue={values?.note ?? p?.note ?? ""} aria-invalid={failed?.errors?.note ? true : undefined} />
              <FieldError messages={failed?.errors?.note} />
            </div>
            <div className="field">
              <label htmlFor={`${prefix}-date`}>{t("progress.assessedOn")}</label>
              <input
                id={`${prefix}-date`}
                type="date"
                name="assessedOn"
                max={today}
                defaultValue={values?.assessedOn ?? today}
                aria-invalid={failed?.errors?.assessedOn ? true : undefined}
              />
              <FieldError messages={failed?.errors?.assessedOn} />
            </div>
          </div>
          <FieldError messages={failed?.errors?.moduleId} />
          <div>
            <button type="submit" disabled={busy}>
              {t("progress.save")}
            </button>
          </div>
        </Form>
      ) : null}
    </li>
  );
}

function OutcomeForm({ page, failed, busy }: { page: PageData; failed: ActionData | null; busy: boolean }) {
  const t = useT();
  const current = failed?.values?.outcome ?? page.enrolment.outcome ?? "";
  return (
    <section className="card">
      <h2>{t("outcome.title")}</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="outcome" />
        <div className="grid-2">
          <div className="field">
            <label htmlFor="outcome">{t("outcome.label")}</label>
            <select id="outcome" name="outcome" defaultValue={current} aria-invalid={failed?.errors?.outcome ? true : undefined}>
              <option value="">{t("outcome.none")}</option>
              {TRAINING_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`outcome.${o}`)}
                </option>
              ))}
            </select>
            <FieldError messages={failed?.errors?.outcome} />
          </div>
          <div className="field">
            <label htmlFor="outcomeNotes">{t("outcome.notes")}</label>
            <input id="outcomeNotes" type="text" name="outcomeNotes" defaultValue={failed?.values?.outcomeNotes ?? page.enrolment.outcomeNotes ?? ""} />
            <FieldError messages={failed?.errors?.outcomeNotes} />
          </div>
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

/** Competent modules out of the active ones (the same bar as on the class page). */
function ProgressBar({ competent, total, percent, t }: { competent: number; total: number; percent: number; t: T }) {
  return (
    <div className="progress" data-testid="progress" data-competent={competent} data-total={total}>
      <div className="meter" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={competent} aria-label={t("progress.bar", { competent, total })}>
        <span style={{ width: `${percent}%` }} />
      </div>
      <span className="small muted">
        {competent}/{total}
      </span>
    </div>
  );
}
