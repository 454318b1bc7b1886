import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { completeEnrolmentSchema, OFF_ROLL_LETTER, outcomeSchema, progressSchema, withdrawSchema } from "~/domain/programmes";
import { enrolmentPage } from "~/queries/programmes.server";
import { completeEnrolment, recordOutcome, recordProgress, withdrawEnrolment } from "~/services/programmes.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/body.server";
import { submitForm } from "~/utils/http.server";
import { formatCalendarDate, formatPercent, translator } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import { ProgressBar } from "~/components/programmes/class-badges";
import { Instant } from "~/components/ui/dates";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { CompletionCard } from "./sections/completion-card";
import { ModuleProgress } from "./sections/module-progress";
import { OutcomeForm } from "./sections/outcome-form";
import { WithdrawForm } from "./sections/withdraw-form";
import { pageTitle } from "~/utils/meta";
import { FormError } from "~/components/forms/field";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("programmes");

export const meta = pageTitle("title.class_participant");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { classId, enrolmentId } = idParams(params, "classId", "enrolmentId");
  const user = await requirePermission(request, "class:read");
  const page = enrolmentPage(user, classId, enrolmentId);
  if (!page) throw notFound();
  return page;
}

export type EnrolmentPageData = ReturnType<typeof useLoaderData<typeof loader>>;

/**
 * One trainee in a class: module progress (instructors), completion with a certificate (the
 * instructor or the panti admin), the outcome after the class and withdrawal (panti admin).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { classId, enrolmentId } = idParams(params, "classId", "enrolmentId");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const permission = intent === "progress" ? "class:teach" : intent === "complete" ? "class:read" : "class:manage";
  // Completion: the service checks that the user teaches or manages this class.
  const user = await requirePermission(request, permission);
  const ids = [user, classId, enrolmentId] as const;

  if (intent === "progress") {
    const saved = await submitForm(request, progressSchema, (input) => recordProgress(...ids, input), { formData });
    if (!saved.ok) return saved.response;
    const module = String(formData.get("moduleName") ?? "");
    return data({ ok: true as const, message: translator(saved.lang)("progress.saved", { module }), moduleId: saved.input.moduleId });
  }
  if (intent === "complete") {
    const completed = await submitForm(request, completeEnrolmentSchema, () => completeEnrolment(...ids), { formData });
    if (!completed.ok) return completed.response;
    return data({ ok: true as const, message: translator(completed.lang)("completion.done", { number: completed.result.certificateNumber }) });
  }
  if (intent === "outcome") {
    const recorded = await submitForm(request, outcomeSchema, (input) => recordOutcome(...ids, input), { formData });
    if (!recorded.ok) return recorded.response;
    return data({ ok: true as const, message: translator(recorded.lang)("outcome.saved") });
  }
  if (intent === "withdraw") {
    const withdrawn = await submitForm(request, withdrawSchema, (input) => withdrawEnrolment(...ids, input.reason), { formData });
    if (!withdrawn.ok) return withdrawn.response;
    return data({ ok: true as const, message: translator(withdrawn.lang)("withdraw.done") });
  }
  throw notFound();
}

export default function EnrolmentPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const busy = useNavigation().state !== "idle";
  const failed = actionData && !actionData.ok ? actionData : null;
  const { cls, enrolment, check, can } = page;
  const active = enrolment.status === "active";
  const failedIntent = failed?.values.intent;

  return (
    <>
      <PageHeader
        title={page.person.name}
        crumbs={[
          { to: "/classes", label: t("nav.classes") },
          { to: `/classes/${cls.id}`, label: cls.name },
        ]}
        intro={
          <>
            {lang === "en" ? cls.programmeNameEn : cls.programmeNameId} · {cls.pantiName} ·{" "}
            <span className={`badge ${enrolment.status === "completed" ? "ok" : active ? "info" : "muted"}`} data-testid="enrolment-status">
              {t(`enrolment.status.${enrolment.status}`)}
            </span>
          </>
        }
        actions={
          <Link className="button secondary" to={`/residents/${enrolment.personId}/training`}>
            {t("training.title")}
          </Link>
        }
      />
      {/* A module's progress is confirmed beside its own save button; the rest here. */}
      <Flash message={actionData?.ok && !("moduleId" in actionData) ? actionData.message : null} testId="enrolment-message" />
      <FormError message={failed?.formError} testId="enrolment-error" />

      <section className="card">
        <dl className="facts">
          <dt>{t("enrolment.enrolledAt")}</dt>
          <dd>
            <Instant value={enrolment.enrolledAt} />
          </dd>
          {enrolment.endedAt ? (
            <>
              <dt>{t("enrolment.endedAt")}</dt>
              <dd>
                <Instant value={enrolment.endedAt} />
              </dd>
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
              failed={failedIntent === "progress" && failed?.values.moduleId === String(m.id) ? failed : null}
              saved={actionData?.ok && "moduleId" in actionData && actionData.moduleId === m.id ? actionData.message : null}
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
                <li key={s.id} title={formatCalendarDate(lang, s.date)} className={`att-cell att-${s.letter === "-" ? "none" : s.letter.toLowerCase()}`}>
                  <span className="visually-hidden">{formatCalendarDate(lang, s.date)}: </span>
                  {s.letter === "-" ? "–" : s.letter}
                </li>
              ))}
          </ol>
        </section>
      ) : null}

      {can.manage && enrolment.status === "completed" ? <OutcomeForm page={page} failed={failedIntent === "outcome" ? failed : null} busy={busy} /> : null}
      {can.manage && active ? <WithdrawForm failed={failedIntent === "withdraw" ? failed : null} busy={busy} /> : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
