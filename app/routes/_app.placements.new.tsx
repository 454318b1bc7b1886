import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { KOTA, REACH_METHODS, SEXES } from "~/domain/enums";
import { forSex, rankPanti } from "~/domain/matching";
import { grantFor } from "~/domain/permissions";
import { placementInputSchema } from "~/domain/placements";
import { DISABILITY_SUBTYPES, OUTREACH_UNITS, PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import { jakartaDateTimeInput } from "~/domain/time";
import { matchCandidates } from "~/queries/placements.server";
import { createPlacement } from "~/services/placements.server";
import { requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { formatNumber, formatPercent } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { Field, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("placements");

export const meta = pageTitle("title.new_referral");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement:create");
  const anyUnit = grantFor(user.role, "placement:create") === "any";
  return {
    units: anyUnit ? OUTREACH_UNITS.map((u) => u.code) : [user.outreachUnit!],
    // An officer referring for their own unit is the officer of the referral.
    officerName: anyUnit ? "" : user.name,
    candidates: matchCandidates(),
    now: jakartaDateTimeInput(new Date()),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "placement:create");
  const submitted = await submitForm(request, placementInputSchema, (input) => createPlacement(user, input));
  if (!submitted.ok) return submitted.response;
  return redirect(`/placements/${submitted.result.id}?created=1`);
}

export default function NewPlacementPage() {
  const { units, officerName, candidates, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  const server = actionData && !actionData.ok ? actionData : null;
  const { form, register, checkbox, errorFor, onSubmit } = useZodForm(placementInputSchema, {
    defaultValues: {
      outreachUnit: units[0] ?? "",
      officerName,
      foundAt: now,
      reachMethod: "patrol",
      sex: "male",
      ppksCategory: "",
      targetPantiId: "",
      unidentified: false,
    },
    server,
  });

  // Suggestions follow what is typed: category, sex and age (client-side, the same pure ranking).
  const [category, sex, age, birthDate] = form.watch(["ppksCategory", "sex", "estimatedAge", "birthDate"]) as string[];
  const ranked = useMemo(() => {
    if (!category || (sex !== "male" && sex !== "female")) return [];
    const years = birthDate ? new Date().getFullYear() - Number(birthDate.slice(0, 4)) : age ? Number(age) : null;
    return rankPanti(
      { ppksCategory: category, sex, age: Number.isFinite(years) ? years : null },
      candidates.map((c) => forSex(c, sex)),
    ).slice(0, 5);
  }, [category, sex, age, birthDate, candidates]);

  const invalid = (name: string) => (errorFor(name) ? true : undefined);
  const n = (v: number) => formatNumber(lang, v);

  return (
    <>
      <PageHeader
        title={t("placements.new.title")}
        crumbs={[{ to: "/placements", label: t("nav.placements") }]}
        intro={t("placements.new.intro")}
      />
      <FormError message={server ? (server.formError ?? t("error.form")) : null} />
      <Form method="post" onSubmit={onSubmit} noValidate className="stack" aria-label={t("placements.new.title")}>
        <section className="card stack">
          <h2>{t("placement.where")}</h2>
          <div className="grid-2">
            <Field id="outreachUnit" label={t("placement.outreachUnit")} error={errorFor("outreachUnit")}>
              <select id="outreachUnit" {...register("outreachUnit")} aria-invalid={invalid("outreachUnit")}>
                {units.map((code) => (
                  <option key={code} value={code}>
                    {referenceLabel(OUTREACH_UNITS, code, lang)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="officerName" label={t("placement.officerName")} error={errorFor("officerName")}>
              <input id="officerName" type="text" {...register("officerName")} aria-invalid={invalid("officerName")} />
            </Field>
            <Field id="foundAt" label={t("placement.foundAt")} error={errorFor("foundAt")}>
              <input id="foundAt" type="datetime-local" max={now} {...register("foundAt")} aria-invalid={invalid("foundAt")} />
            </Field>
            <Field id="reachMethod" label={t("placement.reachMethod")} error={errorFor("reachMethod")}>
              <select id="reachMethod" {...register("reachMethod")}>
                {REACH_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t(`reach.${m}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="foundKota" label={t("placement.foundKota")} error={errorFor("foundKota")}>
              <select id="foundKota" {...register("foundKota")}>
                <option value="">{t("placements.choose")}</option>
                {KOTA.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="foundKecamatan" label={t("placement.foundKecamatan")} error={errorFor("foundKecamatan")}>
              <input id="foundKecamatan" type="text" {...register("foundKecamatan")} aria-invalid={invalid("foundKecamatan")} />
            </Field>
            <Field id="foundKelurahan" label={t("placement.foundKelurahan")} error={errorFor("foundKelurahan")}>
              <input id="foundKelurahan" type="text" {...register("foundKelurahan")} aria-invalid={invalid("foundKelurahan")} />
            </Field>
            <Field id="foundPlace" label={t("placement.foundPlace")} hint={t("placement.foundPlace.hint")} error={errorFor("foundPlace")}>
              <input id="foundPlace" type="text" {...register("foundPlace")} aria-invalid={invalid("foundPlace")} />
            </Field>
            <Field id="externalRef" label={t("placement.externalRef")} hint={t("placement.externalRef.hint")} error={errorFor("externalRef")}>
              <input id="externalRef" type="text" {...register("externalRef")} aria-invalid={invalid("externalRef")} />
            </Field>
          </div>
        </section>

        <section className="card stack">
          <h2>{t("placement.person")}</h2>
          <div className="grid-2">
            <Field id="personName" label={t("placement.personName")} error={errorFor("personName")}>
              <input id="personName" type="text" autoComplete="off" {...register("personName")} aria-invalid={invalid("personName")} />
            </Field>
            <div className="field">
              <span className="label">&nbsp;</span>
              <label className="checkbox">
                <input type="checkbox" {...checkbox("unidentified")} />
                {t("placement.unidentified")}
              </label>
            </div>
            <Field id="description" label={t("placement.description")} hint={t("placement.description.hint")} error={errorFor("description")}>
              <textarea id="description" rows={2} {...register("description")} aria-invalid={invalid("description")} />
            </Field>
            <Field id="sex" label={t("placement.sex")} error={errorFor("sex")}>
              <select id="sex" {...register("sex")}>
                {SEXES.map((s) => (
                  <option key={s} value={s}>
                    {t(`sex.${s}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="birthDate" label={t("placement.birthDate")} hint={t("placement.age.hint")} error={errorFor("birthDate")}>
              <input id="birthDate" type="date" {...register("birthDate")} aria-invalid={invalid("birthDate")} />
            </Field>
            <Field id="estimatedAge" label={t("placement.estimatedAge")} error={errorFor("estimatedAge")}>
              <input id="estimatedAge" type="number" min={0} max={120} inputMode="numeric" {...register("estimatedAge")} aria-invalid={invalid("estimatedAge")} />
            </Field>
            <Field id="nik" label={t("placement.nik")} error={errorFor("nik")}>
              <input id="nik" type="text" inputMode="numeric" maxLength={16} {...register("nik")} aria-invalid={invalid("nik")} />
            </Field>
            <Field id="kk" label={t("placement.kk")} error={errorFor("kk")}>
              <input id="kk" type="text" inputMode="numeric" maxLength={16} {...register("kk")} aria-invalid={invalid("kk")} />
            </Field>
            <Field id="originProvince" label={t("placement.originProvince")} error={errorFor("originProvince")}>
              <input id="originProvince" type="text" {...register("originProvince")} aria-invalid={invalid("originProvince")} />
            </Field>
            <Field id="originCity" label={t("placement.originCity")} error={errorFor("originCity")}>
              <input id="originCity" type="text" {...register("originCity")} aria-invalid={invalid("originCity")} />
            </Field>
            <Field id="ppksCategory" label={t("placement.ppksCategory")} error={errorFor("ppksCategory")}>
              <select id="ppksCategory" {...register("ppksCategory")} aria-invalid={invalid("ppksCategory")}>
                <option value="">{t("placements.choose")}</option>
                {PPKS_CATEGORIES.map((c) => (
                  <option key={c.code} value={c.code}>
                    {lang === "en" ? c.nameEn : c.nameId}
                  </option>
                ))}
              </select>
            </Field>
            <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
              <legend className="label">{t("placement.disabilitySubtypes")}</legend>
              {DISABILITY_SUBTYPES.map((d) => (
                <label key={d.code} className="checkbox">
                  <input type="checkbox" {...checkbox("disabilitySubtypes", d.code)} />
                  {lang === "en" ? d.nameEn : d.nameId}
                </label>
              ))}
            </fieldset>
          </div>
        </section>

        <section className="card stack">
          <h2>{t("placement.assessment")}</h2>
          <Field id="assessmentSummary" label={t("placement.assessmentSummary")} error={errorFor("assessmentSummary")}>
            <textarea id="assessmentSummary" rows={3} {...register("assessmentSummary")} aria-invalid={invalid("assessmentSummary")} />
          </Field>
          <div className="grid-2">
            <Field id="healthNotes" label={t("placement.healthNotes")} error={errorFor("healthNotes")}>
              <textarea id="healthNotes" rows={2} {...register("healthNotes")} aria-invalid={invalid("healthNotes")} />
            </Field>
            <Field id="urgentNeeds" label={t("placement.urgentNeeds")} error={errorFor("urgentNeeds")}>
              <textarea id="urgentNeeds" rows={2} {...register("urgentNeeds")} aria-invalid={invalid("urgentNeeds")} />
            </Field>
            <Field id="belongings" label={t("placement.belongings")} error={errorFor("belongings")}>
              <textarea id="belongings" rows={2} {...register("belongings")} aria-invalid={invalid("belongings")} />
            </Field>
          </div>
        </section>

        <section className="card stack">
          <h2>{t("placement.targetPanti")}</h2>
          <Field id="targetPantiId" label={t("placement.targetPanti")} error={errorFor("targetPantiId")}>
            <select id="targetPantiId" {...register("targetPantiId")} aria-invalid={invalid("targetPantiId")}>
              <option value="">{t("placements.choose")}</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} — {t("occ.available")}: {n(c.occupancy.available)} · {formatPercent(lang, c.occupancy.occupancyPct)}
                </option>
              ))}
            </select>
          </Field>
          {ranked.length > 0 ? (
            <div data-testid="suggestions">
              <h3>{t("placements.new.suggest")}</h3>
              <p className="muted small">{t("placements.new.suggestHint")}</p>
              <ol className="stack" style={{ paddingLeft: "1.25rem" }}>
                {ranked.map((r) => (
                  <li key={r.pantiId}>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => form.setValue("targetPantiId", String(r.pantiId), { shouldValidate: true })}
                      disabled={r.excluded}
                    >
                      {r.name}
                    </button>{" "}
                    <span className="muted small">
                      {r.reasons.map((reason) => t.dynamic(reason.key, reason.params)).join(" · ")}
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
        </section>
        <div>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("placements.new.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
