import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { OFF_ROLL_LETTER, UNMARKED_LETTER } from "~/domain/enums";
import { enrolSchema, finishClassSchema } from "~/utils/loader-schemas.server";
import { classPage } from "~/queries/programmes.server";
import { enrolResidents, finishClass } from "~/services/programmes.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/body.server";
import { submitForm } from "~/utils/http.server";
import { formatCalendarDate, formatPercent, translator, type Lang, type T } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import { FormError } from "~/components/forms/field";
import { LazyEnrolForm } from "~/components/programmes/lazy-enrol-form";
import { PhaseBadge, ProgressBar } from "~/components/programmes/class-badges";
import { TableScroll } from "~/components/ui/data-table";
import { CalendarDate } from "~/components/ui/dates";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { PlainLink, useFollowLinks } from "~/components/ui/page-kit";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile", "placements", "programmes");

export const meta = pageTitle("title.class");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { classId } = idParams(params, "classId");
  const user = await requirePermission(request, "class:read");
  const search = new URL(request.url).searchParams;
  const page = classPage(user, classId, new Date(), { asked: search.has("enrol"), query: search.get("q") ?? undefined });
  if (!page) throw notFound();
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { classId } = idParams(params, "classId");
  const user = await requirePermission(request, "class:manage");
  const formData = await readForm(request);
  if (formData.get("intent") === "finish") {
    const finished = await submitForm(request, finishClassSchema, () => finishClass(user, classId), { formData });
    if (!finished.ok) return finished.response;
    return done(translator(finished.lang)("class.finish.done"));
  }
  const enrolled = await submitForm(request, enrolSchema, (input) => enrolResidents(user, classId, input.stayIds), { formData });
  if (!enrolled.ok) return enrolled.response;
  return done(translator(enrolled.lang)("class.enrol.done", { n: enrolled.result.enrolled }));
}

function done(message: string) {
  return data({ ok: true as const, message });
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ClassPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const busy = useNavigation().state !== "idle";
  const { cls, can } = page;
  const failed = actionData && !actionData.ok ? actionData : null;
  const showAll = search.get("sessions") === "all";

  return (
    <>
      <PageHeader
        title={cls.name}
        crumbs={[{ to: "/classes", label: t("nav.classes") }, { label: cls.pantiName }]}
        intro={
          <>
            {lang === "en" ? cls.programmeNameEn : cls.programmeNameId} · <PhaseBadge phase={cls.phase} />
          </>
        }
        actions={
          can.teach && cls.phase !== "planned" ? (
            <Link className="button big" to={`/classes/${cls.id}/attendance${page.meetsToday ? `?date=${page.today}` : ""}`} data-testid="take-attendance">
              {t("class.takeAttendance")}
            </Link>
          ) : null
        }
      />
      <Flash message={search.get("created") && !actionData ? t("class.created") : null} />
      <Flash message={actionData?.ok ? actionData.message : null} testId="class-message" />
      <FormError message={failed?.formError} />
      {page.counts.low > 0 ? (
        <div className="alert warning" role="status" data-testid="low-attendance-alert">
          ⚠ {t("class.lowCount", { n: page.counts.low, threshold: cls.attendanceThreshold })}
        </div>
      ) : null}

      <section className="card">
        <dl className="facts">
          <dt>{t("class.schedule")}</dt>
          <dd>
            {cls.scheduleDays.map((d) => t.dynamic(`day.long.${d}`)).join(", ")}, {cls.startTime}–{cls.endTime}
          </dd>
          <dt>{t("class.dates")}</dt>
          <dd>
            <CalendarDate value={cls.startDate} /> – <CalendarDate value={cls.endDate} />
          </dd>
          <dt>{t("class.seats")}</dt>
          <dd>{t("classes.seats", { taken: page.seats.taken, capacity: page.seats.capacity })}</dd>
          <dt>{t("class.thresholdShort")}</dt>
          <dd>{cls.attendanceThreshold}%</dd>
          <dt>{t("class.instructors")}</dt>
          <dd>{page.instructors.map((i) => i.name).join(", ") || "–"}</dd>
          <dt>{t("class.modules")}</dt>
          <dd>
            <ol className="compact-list">
              {page.modules.map((m) => (
                <li key={m.id}>{lang === "en" ? m.nameEn : m.nameId}</li>
              ))}
            </ol>
          </dd>
        </dl>
      </section>

      <section>
        <h2>{t("class.grid.title")}</h2>
        <p className="muted small">{t("class.grid.legend")}</p>
        {page.sessions.length > RECENT_SESSIONS ? (
          <p className="small">
            {showAll ? (
              <Link to="?" preventScrollReset>
                {t("class.grid.showRecent", { n: RECENT_SESSIONS })}
              </Link>
            ) : (
              <Link to="?sessions=all" preventScrollReset>
                {t("class.grid.showAll", { n: page.sessions.length })}
              </Link>
            )}
          </p>
        ) : null}
        <AttendanceGrid page={page} t={t} lang={lang} recent={showAll ? undefined : RECENT_SESSIONS} />
      </section>

      {can.manage && cls.phase !== "finished" ? (
        <LazyEnrolForm candidates={page.candidates} candidateCount={page.candidateCount} candidateQuery={page.candidateQuery} seats={page.seats} failed={failed} />
      ) : null}

      {can.manage && cls.status !== "finished" && cls.endDate <= page.today ? (
        <section className="card">
          <h2>{t("class.finish")}</h2>
          <p className="muted small">{t("class.finish.hint")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="finish" />
            <button type="submit" className="secondary" disabled={busy}>
              {t("class.finish")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

/**
 * A grid cell per letter, built once: its class (the cell's look; `.att-grid` gives every one of
 * them the cell's shape) and what it shows.
 */
const CELLS: Record<string, { className: string; text: string }> = {
  H: { className: "att-h", text: "H" },
  T: { className: "att-t", text: "T" },
  I: { className: "att-i", text: "I" },
  A: { className: "att-a", text: "A" },
  [UNMARKED_LETTER]: { className: "att-none", text: "–" },
  [OFF_ROLL_LETTER]: { className: "att-off", text: "·" },
};

/** Sessions the grid shows by default (the most recent); every session counts in the rates. */
const RECENT_SESSIONS = 30;

const shortDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}`;

/**
 * The attendance grid: residents × sessions, one status letter per cell, then each resident's rate
 * (with a warning below the threshold) and progress bar. Pure props, so that the bench can render it.
 */
export function AttendanceGrid({
  page,
  t,
  lang,
  recent,
}: {
  page: Pick<PageData, "cls" | "sessions" | "residents" | "can">;
  t: T;
  lang: Lang;
  /** Show only the last `recent` sessions (the rates always count every session). */
  recent?: number;
}) {
  const { cls, residents, can } = page;
  const followLinks = useFollowLinks();
  if (residents.length === 0) return <p className="card muted">{t("class.grid.empty")}</p>;
  const from = recent != null ? Math.max(0, page.sessions.length - recent) : 0;
  const sessions = page.sessions.slice(from);
  return (
    <TableScroll label={t("class.grid.title")} className="att-grid-wrap">
      {/* Its session and resident links are plain anchors, followed on the client by the table. */}
      <table className="att-grid" data-testid="attendance-grid" onClick={followLinks}>
        <thead>
          <tr>
            <th scope="col" className="att-name">
              {t("class.grid.resident")}
            </th>
            <th scope="col" className="num">
              {t("class.grid.rate")}
            </th>
            <th scope="col">{t("class.grid.progress")}</th>
            {sessions.map((s) => {
              const date = formatCalendarDate(lang, s.date);
              return (
                <th key={s.id} scope="col" className={s.offSchedule ? "att-day off" : "att-day"} title={s.offSchedule ? `${date} (${t("class.offSchedule")})` : date}>
                  {can.teach ? (
                    <PlainLink href={`/classes/${cls.id}/attendance?date=${s.date}`} aria-label={t("class.grid.sessionLink", { date })}>
                      {shortDate(s.date)}
                    </PlainLink>
                  ) : (
                    shortDate(s.date)
                  )}
                </th>
              );
            })}
            {sessions.length === 0 ? <th scope="col">{t("class.grid.noSessions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {residents.map((r) => (
            <tr key={r.enrolmentId} data-testid="resident-row" data-enrolment={r.enrolmentId} className={r.low && r.status === "active" ? "low" : undefined}>
              <th scope="row" className="att-name">
                <PlainLink href={`/classes/${cls.id}/enrolments/${r.enrolmentId}`}>{r.name}</PlainLink>
                {r.status !== "active" ? <span className={`badge ${r.status === "completed" ? "ok" : "muted"}`}>{t(`enrolment.status.${r.status}`)}</span> : null}
                {r.status === "active" && r.eligible ? <span className="badge ok">{t("class.eligible")}</span> : null}
              </th>
              <td className="num att-rate" data-testid="rate">
                {formatPercent(lang, r.rate)}
                {r.low ? (
                  <span className="badge over" title={t("class.lowAttendance")}>
                    ⚠ <span className="visually-hidden">{t("class.lowAttendance")}</span>
                  </span>
                ) : null}
              </td>
              <td className="att-progress">
                <ProgressBar competent={r.progress.competent} total={r.progress.total} percent={r.progress.percent} t={t} />
              </td>
              {Array.from(r.letters.slice(from), (letter, i) => {
                const cell = CELLS[letter];
                return (
                  <td key={i} className={cell?.className}>
                    {cell?.text ?? letter}
                  </td>
                );
              })}
              {sessions.length === 0 ? <td /> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
