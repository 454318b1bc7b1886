import { Form, useNavigation } from "@remix-run/react";
import { acceptSchema } from "~/domain/placements";
import { EXIT_OUTCOMES, referenceLabel } from "~/domain/reference";
import { formatPercent } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { Field, FieldError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { Instant } from "~/components/ui/dates";
import type { PlacementPageData } from "~/routes/_app.placements.$placementId/route";
import { LinkDifferences } from "./link-differences";

type Admission = NonNullable<PlacementPageData["admission"]>;

/** Accepting the referral: who the person is (a new person or one already known) and the bed. */
export function AdmissionForm({ admission, server }: { admission: Admission; server: FormFailure | null }) {
  const t = useT();
  const lang = useLang();
  const navigation = useNavigation();
  const known = admission.candidates.find((c) => c.reason === "nik" && !c.openStay);
  // The form proposes the record's value except where the field says otherwise (the category).
  const proposed = admission.candidates.flatMap((c) => c.differences.filter((d) => d.proposed === "referral").map((d) => `${c.personId}.${d.field}`));
  const { register, checkbox, errorFor, onSubmit } = useZodForm(acceptSchema, {
    defaultValues: {
      intent: "accept",
      person: known ? String(known.personId) : "new",
      bed: admission.best != null ? String(admission.best) : "overflow",
      admittedAt: admission.now,
      take: proposed.join(","),
    },
    server,
  });
  return (
    <section className="card" aria-labelledby="admission" data-testid="admission">
      <h2 id="admission">{t("placement.admission")}</h2>
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" {...register("intent")} />
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
                      <input type="radio" {...checkbox("person", String(c.personId))} disabled={c.openStay} />
                      <span>
                        <strong>{c.name}</strong> · {t(`sex.${c.sex}`)}
                        {c.birthYear ? ` · ${c.birthYear}` : ""}
                        {c.nik ? ` · NIK ${c.nik}` : ""} ·{" "}
                        <span className="badge info">
                          {c.reason === "nik"
                            ? t("placement.candidate.nik")
                            : t("placement.candidate.name", { pct: formatPercent(lang, Math.round(c.score * 100)) })}
                        </span>{" "}
                        {c.stays.length > 0 ? (
                          <span className="badge full">
                            {t("placement.returning")}: {t("placement.returning.count", { n: c.stays.length })}
                          </span>
                        ) : null}
                      </span>
                    </label>
                    {!c.openStay ? <LinkDifferences personId={c.personId} differences={c.differences} checkbox={checkbox} /> : null}
                    <ul className="small muted">
                      {c.stays.length === 0 ? <li>{t("placement.candidate.noStays")}</li> : null}
                      {c.stays.map((s) => (
                        <li key={s.stayId}>
                          {s.pantiName}: <Instant value={s.admittedAt} /> – {s.exitedAt ? <Instant value={s.exitedAt} /> : "…"}
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
          {admission.restrictedMatch ? (
            <div className="alert info" role="status" data-testid="restricted-match">
              {t("safeguarding.restrictedMatch")}
            </div>
          ) : null}
          <label className="checkbox">
            <input type="radio" {...checkbox("person", "new")} />
            {t("placement.personNew")}
          </label>
          <FieldError messages={errorFor("person")} />
        </fieldset>

        <Field id="bed" label={t("placement.bed")} error={errorFor("bed")}>
          {admission.beds.length === 0 ? (
            <div className="alert error" role="status">
              {t("placement.bed.full", { pct: formatPercent(lang, admission.occupancyAfter) })}
            </div>
          ) : null}
          <select id="bed" {...register("bed")} data-testid="bed-select" aria-invalid={errorFor("bed") ? true : undefined}>
            {admission.beds.map((b) => (
              <option key={b.id} value={b.id}>
                {b.roomName} · {b.label}
                {b.id === admission.best ? ` (${t("placement.bed.best")})` : ""}
              </option>
            ))}
            <option value="overflow">{t("placement.bed.overflow")}</option>
          </select>
        </Field>
        <Field id="admittedAt" label={t("placement.admittedAt")} error={errorFor("admittedAt")}>
          <input
            id="admittedAt"
            type="datetime-local"
            max={admission.now}
            {...register("admittedAt")}
            aria-invalid={errorFor("admittedAt") ? true : undefined}
          />
        </Field>
        <div>
          <button type="submit" disabled={navigation.state !== "idle"}>
            {t("placement.accept")}
          </button>
        </div>
      </Form>
    </section>
  );
}
