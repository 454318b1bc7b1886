import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { canUndoExit, exitSchema, isPartnerProvince, PROVINCES, undoExitSchema } from "~/domain/exits";
import { EXIT_OUTCOMES, referenceLabel } from "~/domain/reference";
import { jakartaDateTimeInput } from "~/domain/time";
import { exitPage, stayForExit } from "~/queries/exits.server";
import { approvalStates } from "~/queries/approvals.server";
import { handoffsOfStay } from "~/queries/handoffs.server";
import { occupancyByPanti } from "~/queries/occupancy.server";
import { recordExit, undoExit } from "~/services/exits.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/body.server";
import { submitForm } from "~/utils/http.server";
import { formatDate, formatDateTime, translator } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { Field, FieldError, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { TransportField } from "~/components/forms/select-field";
import { ApprovalState } from "~/components/approvals/approval-state";
import { Instant } from "~/components/ui/dates";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { useHydrated } from "~/components/ui/use-hydrated";
import { ExitIncidentField, type ExitIncidentChoice } from "~/components/safeguarding/exit-incident-field";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("approvals", "casefile", "exits", "exports", "handoffs", "placements", "programmes", "safeguarding");

export const meta = pageTitle("title.exit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "stay:exit", pantiId);
  const stay = exitPage(user, pantiId, stayId);
  if (!stay) throw notFound();
  const closed = stay.stay.exitedAt != null;
  return {
    stay,
    closed,
    canUndo: closed && canUndoExit(stay.stay.exitRecordedAt ?? stay.stay.exitedAt!, new Date(), user.role),
    now: jakartaDateTimeInput(new Date()),
    pantiOptions: closed ? [] : occupancyByPanti({ pantiId: null }).filter((p) => p.id !== pantiId).map((p) => ({ id: p.id, name: p.name })),
    handoffs: handoffsOfStay(user, pantiId, stayId),
    exitApproval: approvalStates(user, "exit", [stayId]).get(stayId) ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "stay:exit", pantiId);
  if (!stayForExit(user, pantiId, stayId)) throw notFound();
  const lang = await getLang(request);
  const t = translator(lang);
  const formData = await readForm(request);
  if (formData.get("intent") === "undo-exit") {
    const submitted = await submitForm(request, undoExitSchema, (input) => undoExit(user, stayId, input.reason), { formData, lang });
    if (!submitted.ok) return submitted.response;
    return data({ ok: true as const, message: t("exit.undo.done"), placementId: null });
  }
  const submitted = await submitForm(request, exitSchema, (input) => recordExit(user, stayId, input), { formData, lang });
  if (!submitted.ok) return submitted.response;
  return data({
    ok: true as const,
    message: submitted.result.approvalId
      ? t("approval.exit.requested")
      : t("exit.done", { outcome: referenceLabel(EXIT_OUTCOMES, submitted.result.outcome, lang) }),
    placementId: submitted.result.placementId,
  });
}

/** Which detail section each outcome needs (the others are hidden when JavaScript runs). */
const SECTION_FOR: Record<string, string> = {
  returned_family: "family",
  adopted: "family",
  repatriated_home_region: "repatriation",
  transferred_panti: "transfer",
  referred_hospital: "institution",
  referred_other_institution: "institution",
  independent_living: "institution",
};

export default function ExitPage() {
  const { stay, closed, canUndo, now, pantiOptions, handoffs, exitApproval } = useLoaderData<typeof loader>();
  const pendingExit = !closed && exitApproval?.status === "pending" ? exitApproval : null;
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const navigation = useNavigation();
  const failed = actionData && !actionData.ok ? actionData : null;
  const pantiId = stay.stay.pantiId;

  return (
    <>
      <PageHeader
        title={stay.name}
        crumbs={[
          { to: "/panti", label: t("nav.panti") },
          ...caseFileCrumbs({ id: pantiId, name: stay.pantiName }, stay.stay, { displayName: stay.name }),
        ]}
        intro={
          <>
            {t(`sex.${stay.person.sex}`)} · {t("exit.admittedAt")} {formatDate(lang, stay.stay.admittedAt)}
            {stay.bedLabel ? ` · ${t("placement.bed")} ${stay.bedLabel}` : ""}
          </>
        }
      />
      <Flash message={actionData?.ok ? actionData.message : null} testId="exit-message">
        {actionData?.ok && actionData.placementId ? <Link to={`/placements/${actionData.placementId}`}>#{actionData.placementId}</Link> : null}
      </Flash>
      <FormError message={failed?.formError} />
      {pendingExit ? (
        <section className="card" data-testid="pending-exit">
          <h2>{t("approval.exit.badge")}</h2>
          <p>{t("approval.exit.waiting", { reason: t.dynamic(`approval.reason.${pendingExit.reason}`) })}</p>
          <ApprovalState state={pendingExit} />
        </section>
      ) : closed ? (
        <>
          {exitApproval?.status === "approved" ? <ApprovalState state={exitApproval} /> : null}
          <ClosedStay stay={stay} canUndo={canUndo} failed={failed} busy={navigation.state !== "idle"} />
        </>
      ) : (
        <>
          {exitApproval?.status === "rejected" ? <ApprovalState state={exitApproval} /> : null}
          <ExitForm now={now} pantiOptions={pantiOptions} openEnrolments={stay.openEnrolments} incidents={stay.incidents} handoffs={handoffs} failed={failed} busy={navigation.state !== "idle"} />
        </>
      )}
    </>
  );
}

function ClosedStay({
  stay,
  canUndo,
  failed,
  busy,
}: {
  stay: ReturnType<typeof useLoaderData<typeof loader>>["stay"];
  canUndo: boolean;
  failed: FormFailure | null;
  busy: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const s = stay.stay;
  return (
    <>
      <section className="card" data-testid="closed-stay">
        <h2>{t("exit.closed")}</h2>
        <dl className="facts">
          <dt>{t("exit.outcome")}</dt>
          <dd>{referenceLabel(EXIT_OUTCOMES, s.exitOutcome, lang)}</dd>
          <dt>{t("exit.exitedAt")}</dt>
          <dd>
            <Instant value={s.exitedAt} withTime />
          </dd>
          {s.exitDestination ? (
            <>
              <dt>{t("exit.handover.receiver")}</dt>
              <dd>{s.exitDestination}</dd>
            </>
          ) : null}
          {typeof s.exitDetails?.handoffId === "number" ? (
            <>
              <dt>{t("handoff.exit.link")}</dt>
              <dd>
                <Link to={`/handoffs/${s.exitDetails.handoffId}`} data-testid="exit-handoff">
                  #{s.exitDetails.handoffId}
                </Link>
              </dd>
            </>
          ) : typeof s.exitDetails?.noHandoffReason === "string" ? (
            <>
              <dt>{t("handoff.exit.noHandoffReason")}</dt>
              <dd>{s.exitDetails.noHandoffReason}</dd>
            </>
          ) : null}
          {s.exitNotes ? (
            <>
              <dt>{t("exit.notes")}</dt>
              <dd className="pre">{s.exitNotes}</dd>
            </>
          ) : null}
        </dl>
        {s.exitRecordedAt ? (
          <p className="muted small">{t("exit.recordedBy", { name: stay.recordedByName ?? "–", date: formatDateTime(lang, s.exitRecordedAt) })}</p>
        ) : null}
        <p>
          <Link className="button secondary" to={`/panti/${s.pantiId}/stays/${s.id}/exit-handover`}>
            {t("exit.handover")}
          </Link>
        </p>
      </section>
      <section className="card">
        <h2>{t("exit.undo")}</h2>
        <p className="muted small">{t("exit.undo.hint")}</p>
        {canUndo ? (
          <UndoExitForm failed={failed} busy={busy} />
        ) : (
          <div className="alert info">{t("exit.undo.graceOver")}</div>
        )}
      </section>
    </>
  );
}

function UndoExitForm({ failed, busy }: { failed: FormFailure | null; busy: boolean }) {
  const t = useT();
  const { register, errorFor, onSubmit } = useZodForm(undoExitSchema, { defaultValues: { intent: "undo-exit" }, server: failed });
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={t("exit.undo")}>
      <input type="hidden" {...register("intent")} />
      <Field id="undo-reason" label={t("common.reason")} error={errorFor("reason")}>
        <textarea id="undo-reason" rows={2} {...register("reason")} aria-invalid={errorFor("reason") ? true : undefined} />
      </Field>
      <div>
        <button type="submit" className="danger" disabled={busy}>
          {t("exit.undo")}
        </button>
      </div>
    </Form>
  );
}

function ExitForm({
  now,
  pantiOptions,
  openEnrolments,
  incidents,
  handoffs,
  failed,
  busy,
}: {
  now: string;
  pantiOptions: { id: number; name: string }[];
  openEnrolments: { id: number; className: string }[];
  incidents: readonly ExitIncidentChoice[];
  handoffs: { id: number; partnerName: string; status: string }[];
  failed: FormFailure | null;
  busy: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const { form, register, checkbox, errorFor, onSubmit } = useZodForm(exitSchema, {
    defaultValues: { outcome: "returned_family", exitedAt: now },
    server: failed,
  });
  const outcome = form.watch("outcome") as string;
  const province = form.watch("province") as string | undefined;
  const hydrated = useHydrated();
  // Without JavaScript every section shows (each says when it applies); with it, only the one that fits.
  const show = (section: string) => !hydrated || SECTION_FOR[outcome] === section;
  const invalid = (name: string) => (errorFor(name) ? true : undefined);

  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={t("exit.title")}>
      <section className="card stack">
        <h2>{t("exit.title")}</h2>
        <p className="muted small">{t("exit.intro")}</p>
        <input type="hidden" name="intent" value="exit" />
        <div className="grid-2">
          <Field id="outcome" label={t("exit.outcome")} error={errorFor("outcome")}>
            <select id="outcome" {...register("outcome")}>
              {EXIT_OUTCOMES.map((o) => (
                <option key={o.code} value={o.code}>
                  {lang === "en" ? o.nameEn : o.nameId}
                </option>
              ))}
            </select>
          </Field>
          <Field id="exitedAt" label={t("exit.exitedAt")} error={errorFor("exitedAt")}>
            <input id="exitedAt" type="datetime-local" max={now} {...register("exitedAt")} aria-invalid={invalid("exitedAt")} />
          </Field>
        </div>
      </section>

      <ExitIncidentField outcome={outcome} incidents={incidents} recordHref="../incidents/new" field={register("incidentId")} error={errorFor("incidentId")} showAlways={!hydrated} />

      {show("family") ? (
        <fieldset className="card stack" data-section="family">
          <legend className="label">
            <strong>{t("exit.family")}</strong>
          </legend>
          {!hydrated ? <p className="muted small">{t("exit.family.hint")}</p> : null}
          <div className="grid-2">
            <Field id="familyName" label={t("exit.familyName")} error={errorFor("familyName")}>
              <input id="familyName" type="text" {...register("familyName")} aria-invalid={invalid("familyName")} />
            </Field>
            <Field id="familyRelation" label={t("exit.familyRelation")} error={errorFor("familyRelation")}>
              <input id="familyRelation" type="text" {...register("familyRelation")} aria-invalid={invalid("familyRelation")} />
            </Field>
            <Field id="familyAddress" label={t("exit.familyAddress")} error={errorFor("familyAddress")}>
              <textarea id="familyAddress" rows={2} {...register("familyAddress")} aria-invalid={invalid("familyAddress")} />
            </Field>
            <Field id="familyPhone" label={t("exit.familyPhone")} error={errorFor("familyPhone")}>
              <input id="familyPhone" type="tel" {...register("familyPhone")} aria-invalid={invalid("familyPhone")} />
            </Field>
          </div>
          <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="label">{t("exit.documents")}</legend>
            {(["Ktp", "Kk", "RtRwLetter", "KelurahanLetter", "SignedStatement"] as const).map((doc) => {
              const name = `doc${doc}`;
              const key = doc.charAt(0).toLowerCase() + doc.slice(1);
              return (
                <div key={doc}>
                  <label className="checkbox">
                    <input type="checkbox" {...checkbox(name)} />
                    {t.dynamic(`exit.doc.${key}`)}
                  </label>
                  <FieldError messages={errorFor(name)} />
                </div>
              );
            })}
          </fieldset>
        </fieldset>
      ) : null}

      {show("repatriation") ? (
        <fieldset className="card stack" data-section="repatriation">
          <legend className="label">
            <strong>{t("exit.repatriation")}</strong>
          </legend>
          {!hydrated ? <p className="muted small">{t("exit.repatriation.hint")}</p> : null}
          <div className="grid-2">
            <Field id="province" label={t("exit.province")} error={errorFor("province")}>
              <select id="province" {...register("province")} aria-invalid={invalid("province")}>
                <option value="">{t("placements.choose")}</option>
                {PROVINCES.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="city" label={t("exit.city")} error={errorFor("city")}>
              <input id="city" type="text" {...register("city")} aria-invalid={invalid("city")} />
            </Field>
            <Field id="escort" label={t("exit.escort")} error={errorFor("escort")}>
              <input id="escort" type="text" {...register("escort")} />
            </Field>
            <TransportField control={register("transport")} error={errorFor("transport")} choose={t("placements.choose")} />
          </div>
          {province && isPartnerProvince(province) ? (
            <>
              <span className="badge ok">{t("exit.partner")}</span>
              <p className="muted small">{t("handoff.exit.hint")}</p>
              <div className="grid-2">
                <Field id="handoffId" label={t("handoff.exit.link")} error={errorFor("handoffId")}>
                  <select id="handoffId" {...register("handoffId")} aria-invalid={invalid("handoffId")}>
                    <option value="">{t("handoff.exit.none")}</option>
                    {handoffs
                      .filter((h) => h.partnerName === province && h.status !== "discarded")
                      .map((h) => (
                        <option key={h.id} value={h.id}>
                          #{h.id} · {h.partnerName}
                        </option>
                      ))}
                  </select>
                </Field>
                <Field id="noHandoffReason" label={t("handoff.exit.noHandoffReason")} error={errorFor("noHandoffReason")}>
                  <textarea id="noHandoffReason" rows={2} {...register("noHandoffReason")} aria-invalid={invalid("noHandoffReason")} />
                </Field>
              </div>
            </>
          ) : null}
        </fieldset>
      ) : null}

      {show("transfer") ? (
        <fieldset className="card stack" data-section="transfer">
          <legend className="label">
            <strong>{t("exit.transfer")}</strong>
          </legend>
          {!hydrated ? <p className="muted small">{t("exit.transfer.hint")}</p> : null}
          <Field id="toPantiId" label={t("exit.toPanti")} error={errorFor("toPantiId")}>
            <select id="toPantiId" {...register("toPantiId")} aria-invalid={invalid("toPantiId")}>
              <option value="">{t("placements.choose")}</option>
              {pantiOptions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>
      ) : null}

      {show("institution") ? (
        <fieldset className="card stack" data-section="institution">
          <legend className="label">
            <strong>{t("exit.institution")}</strong>
          </legend>
          {!hydrated ? <p className="muted small">{t("exit.institution.hint")}</p> : null}
          <div className="grid-2">
            <Field id="institutionName" label={t("exit.institutionName")} error={errorFor("institutionName")}>
              <input id="institutionName" type="text" {...register("institutionName")} aria-invalid={invalid("institutionName")} />
            </Field>
            <Field id="address" label={t("exit.address")} error={errorFor("address")}>
              <input id="address" type="text" {...register("address")} />
            </Field>
          </div>
        </fieldset>
      ) : null}

      <section className="card stack">
        <Field id="notes" label={t("exit.notes")} error={errorFor("notes")}>
          <textarea id="notes" rows={3} {...register("notes")} aria-invalid={invalid("notes")} />
        </Field>
        {openEnrolments.length > 0 ? (
          <div className="alert info" data-testid="exit-enrolments">
            {t("exit.enrolmentsClose", { classes: openEnrolments.map((e) => e.className).join(", "), status: t("enrolment.status.left_before_completion") })}
          </div>
        ) : null}
        <div>
          <button type="submit" disabled={busy}>
            {t("exit.submit")}
          </button>
        </div>
      </section>
    </Form>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
