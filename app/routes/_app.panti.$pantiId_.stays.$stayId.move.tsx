import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { bedFits } from "~/domain/matching";
import { canOnPanti } from "~/domain/permissions";
import { moveBedSchema, transferSchema } from "~/domain/placements";
import { bedChoices, matchPantiFor } from "~/queries/placements.server";
import { openStayInPanti, pantiProfile } from "~/queries/bed-board.server";
import { moveBed, transferResident } from "~/services/residents.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { badRequest, runService } from "~/utils/http.server";
import { formatDate, translator } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { formValues, parseForm } from "~/utils/validation";
import { FieldError } from "~/components/forms/field";
import { readForm } from "~/utils/body.server";

export const meta: MetaFunction = () => [{ title: "Pindahkan penghuni — Panti" }];

const paramsSchema = z.object({ pantiId: z.coerce.number().int().positive(), stayId: z.coerce.number().int().positive() });

function idsFrom(params: unknown) {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idsFrom(params);
  const user = await requirePermission(request, "resident:move", pantiId);
  const stay = openStayInPanti(pantiId, stayId);
  const profile = pantiProfile(pantiId);
  if (!stay || !profile) throw notFound();
  const beds = bedChoices(pantiId).filter((b) => !b.overflow && bedFits(b, stay.sex));
  const ranking = stay.ppksCategory
    ? matchPantiFor({
        ppksCategory: stay.ppksCategory,
        sex: stay.sex,
        birthDate: stay.birthDate,
        estimatedAge: stay.birthDate || stay.birthYear == null ? null : new Date().getFullYear() - stay.birthYear,
        foundAt: new Date(),
      }).filter((r) => r.pantiId !== pantiId && !r.excluded)
    : [];
  return { panti: { id: profile.id, name: profile.name }, stay, beds, ranking, canExit: canOnPanti(user, "stay:exit", pantiId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { pantiId, stayId } = idsFrom(params);
  const user = await requirePermission(request, "resident:move", pantiId);
  if (!openStayInPanti(pantiId, stayId)) throw notFound();
  const lang = await getLang(request);
  const t = translator(lang);
  const formData = await readForm(request);
  const values = formValues(formData);
  if (formData.get("intent") === "move") {
    const parsed = parseForm(moveBedSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const outcome = runService(lang, values, () => moveBed(user, stayId, parsed.data.bed));
    if (!outcome.ok) return outcome.response;
    return redirect(`/panti/${pantiId}?moved=${encodeURIComponent(outcome.result.bedLabel)}`);
  }
  if (formData.get("intent") === "transfer") {
    const parsed = parseForm(transferSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const outcome = runService(lang, values, () => transferResident(user, stayId, parsed.data));
    if (!outcome.ok) return outcome.response;
    return redirect(`/placements/${outcome.result.placementId}`);
  }
  return badRequest({ errors: {}, values, formError: t("error.invalid") });
}

export default function MoveResidentPage() {
  const { panti, stay, beds, ranking, canExit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  const failed = actionData && !actionData.ok ? actionData : null;
  const errorsFor = (intent: string): Record<string, string[] | undefined> =>
    failed?.values?.intent === intent ? (failed.errors as Record<string, string[]>) ?? {} : {};
  return (
    <>
      <div className="page-header">
        <div>
          <div className="breadcrumb">
            <Link to="/panti">{t("nav.panti")}</Link> / <Link to={`/panti/${panti.id}`}>{panti.name}</Link>
          </div>
          <h1>{stay.displayName}</h1>
          <p>
            {t(`sex.${stay.sex}`)} · {t("panti.bed.since", { date: formatDate(lang, stay.admittedAt) })} · {t("placement.bed")}:{" "}
            {stay.bedLabel ?? "–"}
          </p>
        </div>
        {canExit ? (
          <Link className="button secondary" to={`/panti/${panti.id}/stays/${stay.stayId}/exit`}>
            {t("resident.exit")}
          </Link>
        ) : null}
      </div>
      {failed?.formError ? (
        <div className="alert error" role="alert">
          {failed.formError}
        </div>
      ) : null}
      <div className="grid-2">
        <section className="card">
          <h2>{t("move.title")}</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="move" />
            <div className="field">
              <label htmlFor="bed">{t("placement.bed")}</label>
              <select id="bed" name="bed" defaultValue={beds.find((b) => !b.occupied && b.inService)?.id ?? "overflow"}>
                {beds
                  .filter((b) => !b.occupied && b.inService)
                  .map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.roomName} · {b.label}
                    </option>
                  ))}
                <option value="overflow">{t("placement.bed.overflow")}</option>
              </select>
              <FieldError messages={errorsFor("move").bed} />
            </div>
            <div>
              <button type="submit" disabled={navigation.state !== "idle"}>
                {t("move.submit")}
              </button>
            </div>
          </Form>
        </section>
        <section className="card">
          <h2>{t("transfer.title")}</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="transfer" />
            <div className="field">
              <label htmlFor="toPantiId">{t("placement.toPanti")}</label>
              <select id="toPantiId" name="toPantiId" defaultValue={failed?.values?.toPantiId ?? ""}>
                <option value="">{t("placements.choose")}</option>
                {ranking.map((r) => (
                  <option key={r.pantiId} value={r.pantiId}>
                    {r.name} — {r.reasons.map((reason) => t(reason.key, reason.params)).join(" · ")}
                  </option>
                ))}
              </select>
              <FieldError messages={errorsFor("transfer").toPantiId} />
            </div>
            <div className="field">
              <label htmlFor="reason">{t("transfer.reason")}</label>
              <textarea id="reason" name="reason" rows={3} defaultValue={failed?.values?.intent === "transfer" ? failed.values.reason : ""} />
              <FieldError messages={errorsFor("transfer").reason} />
            </div>
            <div>
              <button type="submit" className="secondary" disabled={navigation.state !== "idle"}>
                {t("transfer.submit")}
              </button>
            </div>
          </Form>
        </section>
      </div>
    </>
  );
}
