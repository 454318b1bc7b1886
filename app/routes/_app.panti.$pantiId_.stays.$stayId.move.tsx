import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { bedFits } from "~/domain/matching";
import { canOnPanti } from "~/domain/permissions";
import { moveBedSchema, transferSchema } from "~/domain/placements";
import { bedChoices, matchPantiFor } from "~/queries/placements.server";
import { openStayInPanti, pantiProfile } from "~/queries/bed-board.server";
import { moveBed, transferResident } from "~/services/residents.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/body.server";
import { badRequest, submitForm } from "~/utils/http.server";
import { formatDate, translator } from "~/utils/i18n";
import { idParams } from "~/utils/params.server";
import { useLang, useT } from "~/utils/use-i18n";
import { formValues, type FormFailure } from "~/utils/validation";
import { Field, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("exits", "placements");

export const meta = pageTitle("title.move_a_resident");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "resident:move", pantiId);
  const stay = openStayInPanti(user, pantiId, stayId);
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
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "resident:move", pantiId);
  if (!openStayInPanti(user, pantiId, stayId)) throw notFound();
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "move") {
    const submitted = await submitForm(request, moveBedSchema, (input) => moveBed(user, stayId, input.bed), { formData });
    if (!submitted.ok) return submitted.response;
    // Back to the board, on the room of the new bed.
    const { roomId, bedLabel } = submitted.result;
    return redirect(`/panti/${pantiId}?room=${roomId}&moved=${encodeURIComponent(bedLabel)}#board-room`);
  }
  if (intent === "transfer") {
    const submitted = await submitForm(request, transferSchema, (input) => transferResident(user, stayId, input), { formData });
    if (!submitted.ok) return submitted.response;
    return redirect(`/placements/${submitted.result.placementId}`);
  }
  const t = translator(await getLang(request));
  return badRequest({ errors: {}, values: formValues(formData), formError: t("error.invalid") });
}

type BedChoice = ReturnType<typeof useLoaderData<typeof loader>>["beds"][number];
type PantiChoice = ReturnType<typeof useLoaderData<typeof loader>>["ranking"][number];

export default function MoveResidentPage() {
  const { panti, stay, beds, ranking, canExit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const failed = actionData && !actionData.ok ? actionData : null;
  return (
    <>
      <PageHeader
        title={stay.displayName}
        crumbs={[
          { to: "/panti", label: t("nav.panti") },
          { to: `/panti/${panti.id}`, label: panti.name },
        ]}
        intro={
          <>
            {t(`sex.${stay.sex}`)} · {t("panti.bed.since", { date: formatDate(lang, stay.admittedAt) })} · {t("placement.bed")}:{" "}
            {stay.bedLabel ?? "–"}
          </>
        }
        actions={
          canExit ? (
            <Link className="button secondary" to={`/panti/${panti.id}/stays/${stay.stayId}/exit`}>
              {t("resident.exit")}
            </Link>
          ) : null
        }
      />
      <FormError message={failed?.formError} />
      <div className="grid-2">
        <section className="card">
          <h2>{t("move.title")}</h2>
          <MoveBedForm beds={beds} failed={failed?.values.intent === "move" ? failed : null} />
        </section>
        <section className="card">
          <h2>{t("transfer.title")}</h2>
          <TransferForm ranking={ranking} failed={failed?.values.intent === "transfer" ? failed : null} />
        </section>
      </div>
    </>
  );
}

function MoveBedForm({ beds, failed }: { beds: BedChoice[]; failed: FormFailure | null }) {
  const t = useT();
  const navigation = useNavigation();
  const free = beds.filter((b) => !b.occupied && b.inService);
  const { register, errorFor, onSubmit } = useZodForm(moveBedSchema, {
    defaultValues: { intent: "move", bed: String(free[0]?.id ?? "overflow") },
    server: failed,
  });
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={t("move.title")}>
      <input type="hidden" {...register("intent")} />
      <Field id="bed" label={t("placement.bed")} error={errorFor("bed")}>
        <select id="bed" {...register("bed")} aria-invalid={errorFor("bed") ? true : undefined}>
          {free.map((b) => (
            <option key={b.id} value={b.id}>
              {b.roomName} · {b.label}
            </option>
          ))}
          <option value="overflow">{t("placement.bed.overflow")}</option>
        </select>
      </Field>
      <div>
        <button type="submit" disabled={navigation.state !== "idle"}>
          {t("move.submit")}
        </button>
      </div>
    </Form>
  );
}

function TransferForm({ ranking, failed }: { ranking: PantiChoice[]; failed: FormFailure | null }) {
  const t = useT();
  const navigation = useNavigation();
  const { register, errorFor, onSubmit } = useZodForm(transferSchema, { defaultValues: { intent: "transfer" }, server: failed });
  const invalid = (name: string) => (errorFor(name) ? true : undefined);
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={t("transfer.title")}>
      <input type="hidden" {...register("intent")} />
      <Field id="toPantiId" label={t("placement.toPanti")} error={errorFor("toPantiId")}>
        <select id="toPantiId" {...register("toPantiId")} aria-invalid={invalid("toPantiId")}>
          <option value="">{t("placements.choose")}</option>
          {ranking.map((r) => (
            <option key={r.pantiId} value={r.pantiId}>
              {r.name} — {r.reasons.map((reason) => t.dynamic(reason.key, reason.params)).join(" · ")}
            </option>
          ))}
        </select>
      </Field>
      <Field id="reason" label={t("transfer.reason")} error={errorFor("reason")}>
        <textarea id="reason" rows={3} {...register("reason")} aria-invalid={invalid("reason")} />
      </Field>
      <div>
        <button type="submit" className="secondary" disabled={navigation.state !== "idle"}>
          {t("transfer.submit")}
        </button>
      </div>
    </Form>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
