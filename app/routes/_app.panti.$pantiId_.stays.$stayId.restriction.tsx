import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { liftRestrictionSchema, restrictSchema, RESTRICTION_REASONS } from "~/domain/safeguarding";
import { restrictionFormData } from "~/queries/case-file.server";
import { liftRestriction, restrictPerson } from "~/services/safeguarding.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/body.server";
import { submitForm } from "~/utils/http.server";
import { idParams } from "~/utils/params.server";
import { useT } from "~/utils/use-i18n";
import { Field, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { Instant } from "~/components/ui/dates";
import { PageHeader } from "~/components/ui/page-header";
import { caseFileCrumbs } from "~/components/case-file/crumbs";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("exports", "placements", "safeguarding");

export const meta = pageTitle("title.restriction");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "case:read", pantiId);
  const data = restrictionFormData(user, pantiId, stayId);
  if (!data) throw notFound();
  return data;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { pantiId, stayId } = idParams(params, "pantiId", "stayId");
  const user = await requirePermission(request, "case:read", pantiId);
  const formData = await readForm(request);
  const ref = { pantiId, stayId };
  const submitted =
    formData.get("intent") === "lift"
      ? await submitForm(request, liftRestrictionSchema, (input) => liftRestriction(user, ref, input), { formData })
      : await submitForm(request, restrictSchema, (input) => restrictPerson(user, ref, input), { formData });
  if (!submitted.ok) return submitted.response;
  return redirect(`/panti/${pantiId}/stays/${stayId}?saved=${formData.get("intent") === "lift" ? "restrictionLifted" : "restricted"}`);
}

export default function RestrictionPage() {
  const { stay, person, panti, restriction } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const failed = actionData && !actionData.ok ? actionData : null;

  return (
    <>
      <PageHeader title={t("safeguarding.restriction.title")} crumbs={caseFileCrumbs(panti, stay, person)} intro={t("safeguarding.restriction.intro")} />
      <FormError message={failed?.formError} />
      <section className="card stack" data-testid="restriction">
        {restriction.restricted ? (
          <>
            <p>
              <span className="badge full">{t("safeguarding.restricted")}</span>{" "}
              {restriction.since ? (
                <>
                  {t("safeguarding.restriction.since")} <Instant value={restriction.since} />
                </>
              ) : null}
            </p>
            {restriction.category ? (
              <dl className="facts">
                <dt>{t("safeguarding.restriction.category")}</dt>
                <dd>{t(`restriction.${restriction.category}`)}</dd>
                <dt>{t("safeguarding.restriction.reason")}</dt>
                <dd className="pre">{restriction.reason}</dd>
              </dl>
            ) : null}
          </>
        ) : (
          <p>{t("safeguarding.restriction.none")}</p>
        )}
        <p>
          <Link to={`/panti/${panti.id}/stays/${stay.id}`}>{t("common.cancel")}</Link>
        </p>
      </section>
      {restriction.canChange ? restriction.restricted ? <LiftForm server={failed} /> : <RestrictForm server={failed} /> : null}
    </>
  );
}

type Server = Parameters<typeof useZodForm>[1]["server"];

function RestrictForm({ server }: { server: Server }) {
  const t = useT();
  const navigation = useNavigation();
  const { register, errorFor, onSubmit } = useZodForm(restrictSchema, { defaultValues: { intent: "restrict" }, server });
  return (
    <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-label={t("safeguarding.restriction.set")}>
      <input type="hidden" {...register("intent")} />
      <Field id="category" label={t("safeguarding.restriction.category")} error={errorFor("category")}>
        <select id="category" {...register("category")}>
          <option value="">{t("placements.choose")}</option>
          {RESTRICTION_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`restriction.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="reason" label={t("safeguarding.restriction.reason")} error={errorFor("reason")}>
        <textarea id="reason" rows={3} {...register("reason")} />
      </Field>
      <div>
        <button type="submit" disabled={navigation.state !== "idle"}>
          {t("safeguarding.restriction.set")}
        </button>
      </div>
    </Form>
  );
}

function LiftForm({ server }: { server: Server }) {
  const t = useT();
  const navigation = useNavigation();
  const { register, errorFor, onSubmit } = useZodForm(liftRestrictionSchema, { defaultValues: { intent: "lift" }, server });
  return (
    <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-label={t("safeguarding.restriction.lift")}>
      <input type="hidden" {...register("intent")} />
      <Field id="reason" label={t("safeguarding.restriction.liftReason")} error={errorFor("reason")}>
        <textarea id="reason" rows={3} {...register("reason")} />
      </Field>
      <div>
        <button type="submit" className="secondary" disabled={navigation.state !== "idle"}>
          {t("safeguarding.restriction.lift")}
        </button>
      </div>
    </Form>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
