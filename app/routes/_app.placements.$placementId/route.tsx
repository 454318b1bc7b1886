import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { occupancy as occupancyOf } from "~/domain/capacity";
import { bestFreeBed, bedFits } from "~/domain/matching";
import { canOnUnit, checkPanti } from "~/domain/permissions";
import { acceptSchema, cancelSchema, declineSchema, redirectSchema } from "~/domain/placements";
import { DISABILITY_SUBTYPES, EXIT_OUTCOMES, OUTREACH_UNITS, PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import { jakartaDateTimeInput } from "~/domain/time";
import { occupancyByPanti } from "~/queries/occupancy.server";
import { bedChoices, getPlacement, matchPantiFor, personCandidates } from "~/queries/placements.server";
import { acceptPlacement, cancelPlacement, declinePlacement, redirectPlacement } from "~/services/placements.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { badRequest, runService } from "~/utils/http.server";
import { formatDate, formatDateTime, formatPercent, translator } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { formValues, parseForm } from "~/utils/validation";
import { FieldError } from "~/components/forms/field";
import { StatusBadge } from "~/components/ui/status-badge";
import { readForm } from "~/utils/body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Rujukan #${data?.placement.id ?? ""} — Panti` }];

const paramsSchema = z.object({ placementId: z.coerce.number().int().positive() });

function placementIdFrom(params: unknown): number {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data.placementId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = placementIdFrom(params);
  const user = await requirePermission(request, "placement:read");
  const placement = getPlacement(user, id);
  if (!placement) throw notFound();
  const pending = placement.status === "pending";
  const canDecide = pending && checkPanti(user, "placement:decide", placement.targetPantiId) === "allowed";
  const canCancel = pending && canOnUnit(user, "placement:create", placement.outreachUnit);

  let admission = null;
  if (canDecide) {
    const beds = bedChoices(placement.targetPantiId).filter((b) => bedFits(b, placement.sex) && !b.overflow);
    const [row] = occupancyByPanti({ pantiId: placement.targetPantiId });
    const occ = row!.occupancy;
    // What occupancy becomes with one more resident.
    const after = occupancyOf({
      regularInService: occ.capacity,
      regularOccupied: occ.occupied + (beds.length > 0 ? 1 : 0),
      census: occ.census + 1,
      outOfService: occ.outOfService,
    });
    admission = {
      beds,
      best: bestFreeBed(beds, placement.sex)?.id ?? null,
      occupancyAfter: after.occupancyPct,
      candidates: personCandidates(placement),
      now: jakartaDateTimeInput(new Date()),
    };
  }
  // How every panti fits this person: for the panti deciding, Dinsos and the referring unit alike.
  const ranking = pending ? matchPantiFor(placement) : [];
  return { placement, canDecide, canCancel, admission, ranking };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = placementIdFrom(params);
  const user = await requirePermission(request, "placement:read");
  const lang = await getLang(request);
  const t = translator(lang);
  const formData = await readForm(request);
  const values = formValues(formData);
  const intent = formData.get("intent");

  if (intent === "accept") {
    const parsed = parseForm(acceptSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const outcome = runService(lang, values, () => acceptPlacement(user, id, parsed.data));
    if (!outcome.ok) return outcome.response;
    const r = outcome.result;
    return data({ ok: true as const, message: t(r.overflow ? "placement.accepted.overflow" : "placement.accepted.done", { bed: r.bedLabel }) });
  }
  if (intent === "decline") {
    const parsed = parseForm(declineSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const outcome = runService(lang, values, () => declinePlacement(user, id, parsed.data.reason));
    if (!outcome.ok) return outcome.response;
    return data({ ok: true as const, message: t("placement.declined.done") });
  }
  if (intent === "redirect") {
    const parsed = parseForm(redirectSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const outcome = runService(lang, values, () => redirectPlacement(user, id, parsed.data.toPantiId, parsed.data.reason));
    if (!outcome.ok) return outcome.response;
    return data({ ok: true as const, message: t("placement.redirected.done") });
  }
  if (intent === "cancel") {
    const parsed = parseForm(cancelSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const outcome = runService(lang, values, () => cancelPlacement(user, id, parsed.data.reason));
    if (!outcome.ok) return outcome.response;
    return data({ ok: true as const, message: t("placement.cancelled.done") });
  }
  return badRequest({ errors: {}, values, formError: t("error.invalid") });
}

type ActionData = { ok: boolean; message?: string; errors?: Record<string, string[]>; values?: Record<string, string>; formError?: string };

export default function PlacementPage() {
  const { placement: p, canDecide, canCancel, admission, ranking } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const failed = actionData && !actionData.ok ? actionData : null;
  const errorsFor = (intent: string) => (failed?.values?.intent === intent ? failed.errors ?? {} : {});

  return (
    <>
      <div className="page-header">
        <div>
          <div className="breadcrumb">
            <Link to="/placements">{t("nav.placements")}</Link> / #{p.id}
          </div>
          <h1>
            {p.name} <StatusBadge status={p.status} />
          </h1>
          <p>
            {t("placement.targetPanti")}: <strong>{p.target.name}</strong> · {t("placement.createdAt")} {formatDateTime(lang, p.createdAt)} ·{" "}
            {t(`source.${p.source}`)}
          </p>
        </div>
        {p.status === "accepted" ? (
          <Link className="button secondary" to={`/placements/${p.id}/handover`}>
            {t("placement.handover.print")}
          </Link>
        ) : null}
      </div>

      {params.get("created") ? (
        <div className="alert success" role="status">
          {t("placements.new.done", { panti: p.target.name })}
        </div>
      ) : null}
      {actionData?.ok ? (
        <div className="alert success" role="status" data-testid="decision-message">
          {actionData.message}
        </div>
      ) : null}
      {failed?.formError ? (
        <div className="alert error" role="alert">
          {failed.formError}
        </div>
      ) : null}

      <div className="grid-2">
        <section className="card">
          <h2>{t("placement.person")}</h2>
          <dl className="facts">
            <dt>{t("placement.personName")}</dt>
            <dd>
              {p.name}
              {p.unidentified ? <span className="badge muted"> {t("panti.bed.unidentified")}</span> : null}
            </dd>
            {p.description ? (
              <>
                <dt>{t("placement.description")}</dt>
                <dd>{p.description}</dd>
              </>
            ) : null}
            <dt>{t("placement.sex")}</dt>
            <dd>{t(`sex.${p.sex}`)}</dd>
            <dt>{t("placement.age")}</dt>
            <dd>
              {p.age != null ? t("placement.ageYears", { n: p.age }) : "–"}
              {p.birthDate ? ` (${formatDate(lang, `${p.birthDate}T00:00:00+07:00`)})` : ""}
            </dd>
            <dt>{t("placement.nik")}</dt>
            <dd>{p.nik ?? "–"}</dd>
            <dt>{t("placement.kk")}</dt>
            <dd>{p.kk ?? "–"}</dd>
            <dt>{t("placement.originProvince")}</dt>
            <dd>{[p.originCity, p.originProvince].filter(Boolean).join(", ") || "–"}</dd>
            <dt>{t("placement.ppksCategory")}</dt>
            <dd>{referenceLabel(PPKS_CATEGORIES, p.ppksCategory, lang)}</dd>
            {p.disabilitySubtypes.length > 0 ? (
              <>
                <dt>{t("placement.disabilitySubtypes")}</dt>
                <dd>{p.disabilitySubtypes.map((d) => referenceLabel(DISABILITY_SUBTYPES, d, lang)).join(", ")}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card">
          <h2>{t("placement.where")}</h2>
          <dl className="facts">
            <dt>{t("placement.outreachUnit")}</dt>
            <dd>{referenceLabel(OUTREACH_UNITS, p.outreachUnit, lang)}</dd>
            <dt>{t("placement.officerName")}</dt>
            <dd>{p.officerName}</dd>
            <dt>{t("placement.foundAt")}</dt>
            <dd>{formatDateTime(lang, p.foundAt)}</dd>
            <dt>{t("placement.foundPlace")}</dt>
            <dd>{[p.foundPlace, p.foundKelurahan, p.foundKecamatan, p.foundKota].filter(Boolean).join(", ") || "–"}</dd>
            <dt>{t("placement.reachMethod")}</dt>
            <dd>{t(`reach.${p.reachMethod}`)}</dd>
            {p.externalRef ? (
              <>
                <dt>{t("placement.externalRef")}</dt>
                <dd>{p.externalRef}</dd>
              </>
            ) : null}
          </dl>
        </section>
      </div>

      <section className="card">
        <h2>{t("placement.assessment")}</h2>
        <dl className="facts">
          <dt>{t("placement.assessmentSummary")}</dt>
          <dd className="pre">{p.assessmentSummary ?? "–"}</dd>
          <dt>{t("placement.healthNotes")}</dt>
          <dd className="pre">{p.healthNotes ?? "–"}</dd>
          <dt>{t("placement.urgentNeeds")}</dt>
          <dd className="pre">{p.urgentNeeds ?? "–"}</dd>
          <dt>{t("placement.belongings")}</dt>
          <dd className="pre">{p.belongings ?? "–"}</dd>
        </dl>
      </section>

      {p.status !== "pending" ? (
        <section className="card">
          <h2>{t("placement.status")}</h2>
          <dl className="facts">
            <dt>{t("placement.status")}</dt>
            <dd>
              <StatusBadge status={p.status} />
            </dd>
            <dt>{t("placement.decidedAt")}</dt>
            <dd>
              {formatDateTime(lang, p.decidedAt)} {p.decidedByName ? `· ${t("placement.decidedBy")} ${p.decidedByName}` : ""}
            </dd>
            {p.decisionReason ? (
              <>
                <dt>{t("placement.reason")}</dt>
                <dd>{p.decisionReason}</dd>
              </>
            ) : null}
            {p.redirectedTo ? (
              <>
                <dt>{t("placement.redirectedTo")}</dt>
                <dd>
                  <Link to={`/placements/${p.redirectedTo.id}`}>
                    #{p.redirectedTo.id} {p.redirectedTo.pantiName}
                  </Link>{" "}
                  <StatusBadge status={p.redirectedTo.status} />
                </dd>
              </>
            ) : null}
            {p.admission ? (
              <>
                <dt>{t("placement.admission")}</dt>
                <dd>
                  {t("placement.admittedStay", {
                    bed: `${p.admission.bedLabel ?? "–"} (${p.admission.roomName ?? ""})`,
                    date: formatDateTime(lang, p.admission.admittedAt),
                  })}
                  {p.admission.overflow ? <span className="badge over"> {t("panti.bed.overflow")}</span> : null}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
      {p.previousPlacementId ? (
        <p className="muted small">
          {t("placement.previous")}: <Link to={`/placements/${p.previousPlacementId}`}>#{p.previousPlacementId}</Link>
        </p>
      ) : null}

      {canDecide && admission ? (
        <section className="card" aria-labelledby="admission" data-testid="admission">
          <h2 id="admission">{t("placement.admission")}</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="accept" />
            <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
              <legend className="label">
                <strong>{t("placement.personChoice")}</strong>
              </legend>
              {admission.candidates.length > 0 ? (
                <div className="alert info">
                  <strong>{t("placement.candidates")}</strong>
                  <p className="small">{t("placement.candidates.intro")}</p>
                  <ul className="candidates" data-testid="candidates">
                    {admission.candidates.map((c) => (
                      <li key={c.personId}>
                        <label className="checkbox">
                          <input
                            type="radio"
                            name="person"
                            value={c.personId}
                            disabled={c.openStay}
                            defaultChecked={c.reason === "nik" && !c.openStay}
                          />
                          <span>
                            <strong>{c.name}</strong> · {t(`sex.${c.sex}`)}
                            {c.birthYear ? ` · ${c.birthYear}` : ""}
                            {c.nik ? ` · NIK ${c.nik}` : ""} ·{" "}
                            <span className="badge info">
                              {c.reason === "nik" ? t("placement.candidate.nik") : t("placement.candidate.name", { pct: formatPercent(lang, Math.round(c.score * 100)) })}
                            </span>{" "}
                            {c.stays.length > 0 ? (
                              <span className="badge full">
                                {t("placement.returning")}: {t("placement.returning.count", { n: c.stays.length })}
                              </span>
                            ) : null}
                          </span>
                        </label>
                        <ul className="small muted">
                          {c.stays.length === 0 ? <li>{t("placement.candidate.noStays")}</li> : null}
                          {c.stays.map((s) => (
                            <li key={s.stayId}>
                              {s.pantiName}: {formatDate(lang, s.admittedAt)} – {s.exitedAt ? formatDate(lang, s.exitedAt) : "…"}
                              {s.exitOutcome ? ` (${referenceLabel(EXIT_OUTCOMES, s.exitOutcome, lang)})` : ""}
                              {!s.exitedAt ? ` — ${t("placement.candidate.openStay", { panti: s.pantiName })}` : ""}
                            </li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <label className="checkbox">
                <input
                  type="radio"
                  name="person"
                  value="new"
                  defaultChecked={!admission.candidates.some((c) => c.reason === "nik" && !c.openStay)}
                />
                {t("placement.personNew")}
              </label>
              <FieldError messages={errorsFor("accept").person} />
            </fieldset>

            <div className="field">
              <label htmlFor="bed">{t("placement.bed")}</label>
              {admission.beds.length === 0 ? (
                <div className="alert error" role="status">
                  {t("placement.bed.full", { pct: formatPercent(lang, admission.occupancyAfter) })}
                </div>
              ) : null}
              <select id="bed" name="bed" defaultValue={admission.best ?? "overflow"} data-testid="bed-select">
                {admission.beds.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.roomName} · {b.label}
                    {b.id === admission.best ? ` (${t("placement.bed.best")})` : ""}
                  </option>
                ))}
                <option value="overflow">{t("placement.bed.overflow")}</option>
              </select>
              <FieldError messages={errorsFor("accept").bed} />
            </div>
            <div className="field">
              <label htmlFor="admittedAt">{t("placement.admittedAt")}</label>
              <input id="admittedAt" name="admittedAt" type="datetime-local" defaultValue={admission.now} max={admission.now} />
              <FieldError messages={errorsFor("accept").admittedAt} />
            </div>
            <div>
              <button type="submit" disabled={busy}>
                {t("placement.accept")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {canDecide ? (
        <div className="grid-2">
          <section className="card">
            <h2>{t("placement.decline")}</h2>
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="decline" />
              <div className="field">
                <label htmlFor="decline-reason">{t("placement.reason")}</label>
                <textarea id="decline-reason" name="reason" rows={2} defaultValue={failed?.values?.intent === "decline" ? failed.values.reason : ""} />
                <FieldError messages={errorsFor("decline").reason} />
              </div>
              <div>
                <button type="submit" className="danger" disabled={busy}>
                  {t("placement.decline")}
                </button>
              </div>
            </Form>
          </section>
          <section className="card">
            <h2>{t("placement.redirect")}</h2>
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="redirect" />
              <div className="field">
                <label htmlFor="toPantiId">{t("placement.toPanti")}</label>
                <select id="toPantiId" name="toPantiId" defaultValue={failed?.values?.toPantiId ?? ""}>
                  <option value="">{t("placements.choose")}</option>
                  {ranking
                    .filter((r) => r.pantiId !== p.targetPantiId && !r.excluded)
                    .map((r) => (
                      <option key={r.pantiId} value={r.pantiId}>
                        {r.name}
                      </option>
                    ))}
                </select>
                <FieldError messages={errorsFor("redirect").toPantiId} />
              </div>
              <div className="field">
                <label htmlFor="redirect-reason">{t("placement.reason")}</label>
                <textarea id="redirect-reason" name="reason" rows={2} defaultValue={failed?.values?.intent === "redirect" ? failed.values.reason : ""} />
                <FieldError messages={errorsFor("redirect").reason} />
              </div>
              <div>
                <button type="submit" className="secondary" disabled={busy}>
                  {t("placement.redirect")}
                </button>
              </div>
            </Form>
          </section>
        </div>
      ) : null}

      {canCancel ? (
        <section className="card">
          <h2>{t("placement.cancel")}</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="cancel" />
            <div className="field">
              <label htmlFor="cancel-reason">{t("placement.reason")}</label>
              <textarea id="cancel-reason" name="reason" rows={2} />
              <FieldError messages={errorsFor("cancel").reason} />
            </div>
            <div>
              <button type="submit" className="danger" disabled={busy}>
                {t("placement.cancel")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {ranking.length > 0 ? (
        <section className="card" data-testid="ranking">
          <h2>{t("placement.matching")}</h2>
          <p className="muted small">{t("placement.matching.intro")}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("panti.col.name")}</th>
                  <th scope="col" className="num">{t("placement.score")}</th>
                  <th scope="col" className="num">{t("occ.available")}</th>
                  <th scope="col">{t("occ.occupancy")}</th>
                  <th scope="col">{t("placement.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {ranking.slice(0, 10).map((r) => (
                  <tr key={r.pantiId} className={r.pantiId === p.targetPantiId ? "highlight" : undefined}>
                    <td>
                      {r.name}
                      {r.excluded ? <span className="badge muted"> {t("placement.notPossible")}</span> : null}
                    </td>
                    <td className="num">{r.score}</td>
                    <td className="num">{r.freeBedsForSex}</td>
                    <td>{formatPercent(lang, r.occupancy.occupancyPct)}</td>
                    <td className="small">
                      {r.reasons.map((reason) => (
                        <span key={reason.key} className={`reason ${reason.effect}`}>
                          {t(reason.key, reason.params)}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
