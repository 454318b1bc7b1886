import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Fragment } from "react";
import { z } from "zod";
import { PSYCHOSOCIAL_SERVICES } from "~/domain/case-file";
import { EXIT_OUTCOMES, PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import { caseFile } from "~/queries/case-file.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { daysBetween, formatDate, formatDateTime } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.file.person.displayName ?? "Berkas kasus"} — Panti` }];

const paramsSchema = z.object({ pantiId: z.coerce.number().int().positive(), stayId: z.coerce.number().int().positive() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ids = paramsSchema.safeParse(params);
  if (!ids.success) throw notFound();
  const { pantiId, stayId } = ids.data;
  const user = await requirePermission(request, "case:read", pantiId);
  const file = caseFile(user, pantiId, stayId);
  if (!file) throw notFound();
  return { file, viewer: user.name, now: new Date() };
}

/** A calendar date (YYYY-MM-DD) shown like the other dates, in Jakarta. */
const day = (value: string) => `${value}T00:00:00+07:00`;

export default function CaseFilePage() {
  const { file, viewer, now } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const { stay, person, panti, can } = file;
  const base = `/panti/${panti.id}/stays/${stay.id}`;
  const saved = search.get("saved");
  const assessment = file.assessments[0];
  const plan = file.plans[0];
  const located = file.family.located;
  const serviceName = (code: string) => referenceLabel(PSYCHOSOCIAL_SERVICES, code, lang);

  return (
    <article className="case-file" data-testid="case-file">
      <div className="page-header">
        <div>
          <div className="breadcrumb no-print">
            <Link to="/panti">{t("nav.panti")}</Link> / <Link to={`/panti/${panti.id}`}>{panti.name}</Link> /{" "}
            <Link to={`/panti/${panti.id}/residents`}>{t("caseFile.residents")}</Link>
          </div>
          <p className="print-only small">
            {t("caseFile.title")} · {panti.name}
          </p>
          <h1>
            {person.displayName}{" "}
            {person.unidentified ? <span className="badge full">{t("caseFile.unidentified")}</span> : null}
            {stay.reentry ? <span className="badge info">{t("caseFile.reentry")}</span> : null}
          </h1>
          <p>
            {t(`sex.${person.sex}`)} · {t("caseFile.stay.admittedAt")} {formatDate(lang, stay.admittedAt)} ·{" "}
            <span className="badge ok" data-testid="current-stage">
              {t(`stage.${stay.stage}`)}
            </span>
          </p>
        </div>
        <div className="case-actions no-print">
          <button type="button" className="secondary" onClick={() => window.print()}>
            {t("caseFile.print")}
          </button>
          {can.recordSession ? (
            <Link className="button" to={`${base}/sessions/new`}>
              {t("psychosocial.record")}
            </Link>
          ) : null}
        </div>
      </div>

      {saved ? (
        <div className="alert success no-print" role="status" data-testid="saved-message">
          {saved === "stage" ? t("caseFile.saved.stage", { stage: t(`stage.${stay.currentStage}`) }) : t(`caseFile.saved.${saved}`)}
        </div>
      ) : null}
      {!stay.open ? <div className="alert info">{t("caseFile.closedStay")}</div> : null}

      {located ? (
        <div className="family-located" role="status" data-testid="family-located">
          <strong>{t("caseFile.family.located")}</strong>
          <span>
            {t("caseFile.family.locatedOn", { date: formatDate(lang, located.attemptedAt) })}
            {located.contactName ? ` ${located.contactName}.` : ""} {stay.open ? t("caseFile.family.locatedHint") : ""}
          </span>
          {stay.open && can.exit ? (
            <Link className="button small no-print" to={`${base}/exit`}>
              {t("caseFile.family.toExit")}
            </Link>
          ) : null}
        </div>
      ) : null}

      <div className="grid-2">
        <section className="card" aria-labelledby="identity">
          <h2 id="identity">{t("caseFile.identity")}</h2>
          <dl className="facts">
            <dt>{t("caseFile.identity.status")}</dt>
            <dd data-testid="identification">
              {person.unidentified ? (
                <>
                  <span className="badge full">{t("caseFile.unidentified")}</span>
                  <span className="muted small"> {t("caseFile.identity.unidentifiedHint")}</span>
                </>
              ) : (
                <span className="badge ok">{t("caseFile.identified")}</span>
              )}
            </dd>
            {person.description ? (
              <>
                <dt>{t("caseFile.identity.description")}</dt>
                <dd className="pre">{person.description}</dd>
              </>
            ) : null}
            <dt>{t("placement.nik")}</dt>
            <dd>{person.nik ?? "–"}</dd>
            <dt>{t("placement.kk")}</dt>
            <dd>{person.kk ?? "–"}</dd>
            {(["ektp", "bpjs"] as const).map((doc) => {
              const step = file.identity.status[doc];
              return (
                <Fragment key={doc}>
                  <dt>{t(`identityDoc.${doc}`)}</dt>
                  <dd data-testid={`doc-${doc}`}>
                    {step ? (
                      <>
                        <span className={`badge ${step.status === "issued" ? "ok" : step.status === "rejected" ? "over" : "muted"}`}>
                          {t(`identityStatus.${step.status}`)}
                        </span>{" "}
                        {formatDate(lang, day(step.stepOn))}
                        {step.number ? ` · ${step.number}` : ""}
                      </>
                    ) : (
                      t("caseFile.identity.noSteps")
                    )}
                  </dd>
                </Fragment>
              );
            })}
            <dt>{t("caseFile.identity.age")}</dt>
            <dd>
              {person.age == null
                ? "–"
                : t(person.ageEstimated ? "caseFile.identity.ageEstimated" : "caseFile.identity.ageYears", { n: person.age })}
            </dd>
            <dt>{t("caseFile.identity.origin")}</dt>
            <dd>{[person.originCity, person.originProvince].filter(Boolean).join(", ") || "–"}</dd>
            <dt>{t("caseFile.identity.category")}</dt>
            <dd>{referenceLabel(PPKS_CATEGORIES, person.ppksCategory, lang)}</dd>
          </dl>
          <p className="muted small">{t("caseFile.identity.photoFree")}</p>
          {can.write ? (
            <p className="no-print">
              <Link to={`${base}/identity`}>{t("caseFile.identity.manage")}</Link>
            </p>
          ) : null}
        </section>

        <section className="card" aria-labelledby="stay">
          <h2 id="stay">{t("caseFile.stay")}</h2>
          <dl className="facts">
            <dt>{t("caseFile.stay.panti")}</dt>
            <dd>{panti.name}</dd>
            <dt>{t("caseFile.stay.admittedAt")}</dt>
            <dd>{formatDateTime(lang, stay.admittedAt)}</dd>
            <dt>{t("caseFile.stay.length")}</dt>
            <dd>{t("common.days", { n: daysBetween(stay.admittedAt, stay.exitedAt ?? now) })}</dd>
            <dt>{t("caseFile.stay.bed")}</dt>
            <dd data-testid="current-bed">
              {file.bed
                ? `${file.bed.roomName} · ${file.bed.label}${file.bed.overflow ? ` (${t("caseFile.stay.overflow")})` : ""}`
                : stay.open
                  ? t("caseFile.stay.noBed")
                  : "–"}
            </dd>
            {stay.placementId ? (
              <>
                <dt>{t("caseFile.stay.referral")}</dt>
                <dd>
                  <Link to={`/placements/${stay.placementId}`}>#{stay.placementId}</Link>
                </dd>
              </>
            ) : null}
            <dt>{t("caseFile.exit")}</dt>
            <dd data-testid="exit-summary">
              {stay.exitedAt ? (
                <>
                  {referenceLabel(EXIT_OUTCOMES, stay.exitOutcome, lang)} · {formatDateTime(lang, stay.exitedAt)}
                  {stay.exitDestination ? (
                    <>
                      <br />
                      {t("caseFile.exit.destination")}: {stay.exitDestination}
                    </>
                  ) : null}
                </>
              ) : (
                t("caseFile.exit.ongoing")
              )}
            </dd>
          </dl>
          <p className="no-print link-row">
            {can.exit ? <Link to={`${base}/exit`}>{stay.open ? t("caseFile.exit.record") : t("caseFile.exit.view")}</Link> : null}
            {can.move ? <Link to={`${base}/move`}>{t("caseFile.stay.move")}</Link> : null}
          </p>
        </section>
      </div>

      <section className="card" aria-labelledby="stages">
        <div className="card-heading">
          <h2 id="stages">{t("caseFile.stages")}</h2>
          {can.write ? (
            <Link className="no-print" to={`${base}/stage`}>
              {t("caseFile.stage.change")}
            </Link>
          ) : null}
        </div>
        <ol className="case-stages" data-testid="stages">
          {file.stages.map((s) => (
            <li key={s.code} className={`${s.current ? "current" : ""} ${s.reached ? "reached" : ""}`} aria-current={s.current ? "step" : undefined}>
              <span className="stage-name">{t(`stage.${s.code}`)}</span>
              <span className="stage-date">
                {s.reached
                  ? s.enteredAt
                    ? t("caseFile.stage.since", { date: formatDate(lang, s.enteredAt) })
                    : t("caseFile.stage.unknownDate")
                  : t("caseFile.stage.notReached")}
              </span>
            </li>
          ))}
        </ol>
      </section>

      <div className="grid-2">
        <section className="card" aria-labelledby="assessment">
          <div className="card-heading">
            <h2 id="assessment">{t("caseFile.assessment")}</h2>
            {can.write ? (
              <Link className="no-print" to={`${base}/assessment`}>
                {t("caseFile.assessment.new")}
              </Link>
            ) : null}
          </div>
          {assessment ? (
            <dl className="facts" data-testid="assessment">
              <dt>{t("caseFile.assessment.assessedOn")}</dt>
              <dd>
                {formatDate(lang, day(assessment.assessedOn))}
                {assessment.recordedByName ? ` · ${t("caseFile.by", { name: assessment.recordedByName })}` : ""}
              </dd>
              <dt>{t("caseFile.assessment.problems")}</dt>
              <dd className="pre">{assessment.problems}</dd>
              <dt>{t("caseFile.assessment.strengths")}</dt>
              <dd className="pre">{assessment.strengths ?? "–"}</dd>
              <dt>{t("caseFile.assessment.familySituation")}</dt>
              <dd className="pre">{assessment.familySituation ?? "–"}</dd>
              <dt>{t("caseFile.assessment.health")}</dt>
              <dd className="pre">{assessment.health ?? "–"}</dd>
              {assessment.cluster ? (
                <>
                  <dt>{t("caseFile.assessment.cluster")}</dt>
                  <dd>{t(`cluster.${assessment.cluster}`)}</dd>
                </>
              ) : null}
              <dt>{t("caseFile.assessment.summary")}</dt>
              <dd className="pre">{assessment.summary ?? "–"}</dd>
            </dl>
          ) : (
            <p className="muted">{t("caseFile.assessment.none")}</p>
          )}
          {file.assessments.length > 1 ? (
            <p className="muted small">
              {t("caseFile.assessment.earlier")}:{" "}
              {file.assessments
                .slice(1)
                .map((a) => formatDate(lang, day(a.assessedOn)))
                .join(", ")}
            </p>
          ) : null}
        </section>

        <section className="card" aria-labelledby="plan">
          <div className="card-heading">
            <h2 id="plan">{t("caseFile.plan")}</h2>
            {can.write ? (
              <Link className="no-print" to={`${base}/plan`}>
                {t("caseFile.plan.manage")}
              </Link>
            ) : null}
          </div>
          {plan ? (
            <div data-testid="plan">
              <p className="muted small">
                {t("caseFile.plan.current", { date: formatDate(lang, day(plan.createdOn)) })}
                {plan.recordedByName ? ` · ${t("caseFile.by", { name: plan.recordedByName })}` : ""}
              </p>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>{t("caseFile.plan.goal")}</th>
                      <th>{t("caseFile.plan.intervention")}</th>
                      <th>{t("caseFile.plan.targetDate")}</th>
                      <th>{t("caseFile.plan.status")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.goals.map((g, i) => (
                      <tr key={i}>
                        <td>{g.goal}</td>
                        <td>{g.intervention}</td>
                        <td>{formatDate(lang, day(g.targetDate))}</td>
                        <td>
                          <span className={`badge ${g.status === "achieved" ? "ok" : g.status === "dropped" ? "muted" : "info"}`}>
                            {t(`goalStatus.${g.status}`)}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <h3>{t("caseFile.plan.reviews")}</h3>
              {plan.reviews.length ? (
                <ul className="plain-list">
                  {plan.reviews.map((r) => (
                    <li key={r.id}>
                      <strong>{formatDate(lang, day(r.reviewedOn))}</strong>
                      {r.recordedByName ? <span className="muted small"> · {r.recordedByName}</span> : null}
                      <div className="pre">{r.notes}</div>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted small">{t("caseFile.plan.noReviews")}</p>
              )}
            </div>
          ) : (
            <p className="muted">{t("caseFile.plan.none")}</p>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="sessions">
        <div className="card-heading">
          <h2 id="sessions">{t("psychosocial.sessions")}</h2>
          {can.recordSession ? (
            <Link className="no-print" to={`${base}/sessions/new`}>
              {t("psychosocial.record")}
            </Link>
          ) : null}
        </div>
        {file.sessions.length ? (
          <div className="table-wrap">
            <table data-testid="sessions">
              <thead>
                <tr>
                  <th>{t("common.date")}</th>
                  <th>{t("psychosocial.service")}</th>
                  <th>{t("psychosocial.provider")}</th>
                  <th>{t("psychosocial.summary")}</th>
                  <th>{t("psychosocial.followUp")}</th>
                  <th className="no-print">
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {file.sessions.map((s) => (
                  <tr key={s.id} data-testid="session-row">
                    <td>
                      {formatDateTime(lang, s.sessionAt)}
                      <div className="muted small">{t("psychosocial.minutes", { n: s.durationMinutes })}</div>
                    </td>
                    <td>
                      {serviceName(s.serviceCode)}
                      <div className="muted small">
                        {t(`sessionMode.${s.mode}`)}
                        {s.mode === "group" && s.participants ? ` · ${t("psychosocial.participantsCount", { n: s.participants })}` : ""}
                      </div>
                    </td>
                    <td>{s.providerName}</td>
                    <td className="pre">{s.summary ?? "–"}</td>
                    <td className="pre">{s.followUp ?? "–"}</td>
                    <td className="no-print">
                      <Link to={`${base}/sessions/${s.id}`}>{can.readNotes ? t("psychosocial.openNote") : t("psychosocial.details")}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t("psychosocial.none")}</p>
        )}
      </section>

      <section className="card" aria-labelledby="family">
        <div className="card-heading">
          <h2 id="family">{t("caseFile.family")}</h2>
          {can.write ? (
            <Link className="no-print" to={`${base}/family`}>
              {t("caseFile.family.manage")}
            </Link>
          ) : null}
        </div>
        {!located ? <p className="muted">{t("caseFile.family.notLocated")}</p> : null}
        <div className="grid-2">
          <div>
            <h3>{t("caseFile.family.contacts")}</h3>
            {file.family.contacts.length ? (
              <ul className="plain-list" data-testid="family-contacts">
                {file.family.contacts.map((c) => (
                  <li key={c.id}>
                    <strong>{c.name}</strong> ({c.relation}){c.phone ? ` · ${c.phone}` : ""}
                    {c.address ? <div className="muted small">{c.address}</div> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted small">{t("caseFile.family.noContacts")}</p>
            )}
          </div>
          <div>
            <h3>{t("caseFile.family.attempts")}</h3>
            {file.family.attempts.length ? (
              <ul className="plain-list" data-testid="tracing-attempts">
                {file.family.attempts.map((a) => (
                  <li key={a.id}>
                    <strong>{formatDateTime(lang, a.attemptedAt)}</strong> · {t(`tracingChannel.${a.channel}`)} ·{" "}
                    <span className={`badge ${a.result === "family_located" ? "ok" : a.result === "family_refused" ? "over" : "muted"}`}>
                      {t(`tracingResult.${a.result}`)}
                    </span>
                    {a.contactName ? <span className="muted small"> · {a.contactName}</span> : null}
                    {a.notes ? <div className="pre small">{a.notes}</div> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted small">{t("caseFile.family.noAttempts")}</p>
            )}
          </div>
        </div>
      </section>

      <section className="card" aria-labelledby="documents">
        <div className="card-heading">
          <h2 id="documents">{t("caseFile.identity.docs")}</h2>
          {can.write ? (
            <Link className="no-print" to={`${base}/identity`}>
              {t("caseFile.identity.manage")}
            </Link>
          ) : null}
        </div>
        <dl className="facts">
          {(["nik", "kk", "ektp", "bpjs"] as const).map((doc) => {
            const step = file.identity.status[doc];
            return (
              <Fragment key={doc}>
                <dt>{t(`identityDoc.${doc}`)}</dt>
                <dd>
                  {step ? `${t(`identityStatus.${step.status}`)} · ${formatDate(lang, day(step.stepOn))}` : t("caseFile.identity.noSteps")}
                </dd>
              </Fragment>
            );
          })}
        </dl>
      </section>

      <section className="card" aria-labelledby="training">
        <h2 id="training">{t("caseFile.training")}</h2>
        {file.enrolments.length ? (
          <div className="table-wrap">
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
                      {formatDate(lang, day(e.startDate))} – {formatDate(lang, day(e.endDate))}
                    </td>
                    <td>{t(`enrolmentStatus.${e.status}`)}</td>
                    <td>{e.certificateNumber ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t("caseFile.training.none")}</p>
        )}
      </section>

      {file.followUps.length ? (
        <section className="card" aria-labelledby="follow-ups">
          <h2 id="follow-ups">{t("caseFile.followUps")}</h2>
          <ul className="plain-list">
            {file.followUps.map((f) => (
              <li key={f.id}>
                <strong>{t("caseFile.followUp.month", { n: f.sequence })}</strong> ·{" "}
                {f.doneAt
                  ? `${t("caseFile.followUp.done", { date: formatDate(lang, f.doneAt) })}${f.result ? ` · ${t(`followUp.result.${f.result}`)}` : ""}`
                  : t("caseFile.followUp.due", { date: formatDate(lang, day(f.dueDate)) })}
                {f.notes ? <div className="pre small">{f.notes}</div> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="history">
        <h2 id="history">{t("caseFile.history")}</h2>
        <div className="table-wrap">
          <table data-testid="stay-history">
            <thead>
              <tr>
                <th>{t("caseFile.stay.panti")}</th>
                <th>{t("caseFile.history.admitted")}</th>
                <th>{t("caseFile.history.exited")}</th>
                <th>{t("caseFile.history.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {file.stayHistory.map((h) => (
                <tr key={h.id} className={h.id === stay.id ? "highlight" : undefined}>
                  <td>
                    {h.id === stay.id ? (
                      <>
                        {h.pantiName} <span className="muted small">({t("caseFile.history.thisStay")})</span>
                      </>
                    ) : h.canOpen ? (
                      <Link to={`/panti/${h.pantiId}/stays/${h.id}`}>{h.pantiName}</Link>
                    ) : (
                      h.pantiName
                    )}
                    {h.reentry ? <span className="badge info">{t("caseFile.reentry")}</span> : null}
                  </td>
                  <td>{formatDate(lang, h.admittedAt)}</td>
                  <td>{h.exitedAt ? formatDate(lang, h.exitedAt) : t("caseFile.history.ongoing")}</td>
                  <td>
                    {h.exitOutcome ? referenceLabel(EXIT_OUTCOMES, h.exitOutcome, lang) : "–"}
                    {h.exitDestination ? <div className="muted small">{h.exitDestination}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <footer className="print-only small">
        <p>{t("caseFile.printedBy", { name: viewer, date: formatDateTime(lang, now) })}</p>
        <p>{t("caseFile.printNote")}</p>
      </footer>
    </article>
  );
}
