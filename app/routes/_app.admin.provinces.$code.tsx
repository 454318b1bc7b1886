import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { partnerProvinceSchema, PROVINCE_CODE } from "~/domain/provinces";
import { partnerProvince } from "~/queries/provinces.server";
import { updatePartnerProvince } from "~/services/provinces.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { submitForm } from "~/utils/http.server";
import { useT } from "~/utils/use-i18n";
import { Field, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("provinces");

export const meta = pageTitle("title.edit_a_partner_province");

function codeFrom(params: { code?: string }): string {
  if (!params.code || !PROVINCE_CODE.test(params.code)) throw notFound();
  return params.code;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = codeFrom(params);
  await requirePermission(request, "province:manage");
  const province = partnerProvince(code);
  if (!province) throw notFound();
  return { province };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const code = codeFrom(params);
  const user = await requirePermission(request, "province:manage");
  const submitted = await submitForm(request, partnerProvinceSchema, (input) => updatePartnerProvince(user, code, input));
  if (!submitted.ok) return submitted.response;
  return redirect(`/admin/provinces?saved=${code}`);
}

const TEXT_FIELDS = ["office", "contactName", "contactPhone", "contactEmail", "baseUrl"] as const;

export default function EditPartnerProvincePage() {
  const { province } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const failed = actionData && !actionData.ok ? actionData : null;
  const { register, checkbox, errorFor, onSubmit } = useZodForm(partnerProvinceSchema, {
    defaultValues: {
      office: province.office,
      contactName: province.contactName ?? "",
      contactPhone: province.contactPhone ?? "",
      contactEmail: province.contactEmail ?? "",
      baseUrl: province.baseUrl ?? "",
      publicKey: province.publicKey ?? "",
      active: province.active,
    },
    server: failed,
  });
  const hints: Partial<Record<(typeof TEXT_FIELDS)[number], string>> = { baseUrl: t("provinces.baseUrl.hint") };
  return (
    <>
      <PageHeader
        title={`${t("provinces.edit.title")}: ${province.name}`}
        crumbs={[{ to: "/admin/provinces", label: t("provinces.title") }]}
      />
      <FormError message={failed?.formError} />
      <section className="card">
        <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
          {TEXT_FIELDS.map((name) => (
            <Field key={name} id={name} label={t(`provinces.${name}`)} hint={hints[name]} error={errorFor(name)}>
              <input
                id={name}
                type={name === "contactEmail" ? "email" : name === "baseUrl" ? "url" : "text"}
                {...register(name)}
                aria-invalid={errorFor(name) ? true : undefined}
              />
            </Field>
          ))}
          <Field id="publicKey" label={t("provinces.publicKey")} hint={t("provinces.publicKey.hint")} error={errorFor("publicKey")}>
            <textarea id="publicKey" rows={2} {...register("publicKey")} aria-invalid={errorFor("publicKey") ? true : undefined} />
          </Field>
          <label className="checkbox">
            <input type="checkbox" {...checkbox("active")} /> {t("provinces.activeLabel")}
          </label>
          <div>
            <button type="submit" disabled={navigation.state !== "idle"}>
              {t("provinces.save")}
            </button>{" "}
            <Link to="/admin/provinces">{t("common.cancel")}</Link>
          </div>
        </Form>
      </section>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
