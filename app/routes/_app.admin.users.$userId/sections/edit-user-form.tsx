import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { updateUserSchema } from "~/domain/users";
import { useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { Field, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { RoleScopeFields } from "~/components/users/role-scope-fields";
import type { loader } from "~/routes/_app.admin.users.$userId/route";

/** The user's name, role and scope; the version guards against overwriting someone else's change. */
export function EditUserForm({ server, isSelf }: { server: FormFailure | null; isSelf: boolean }) {
  const { user, pantiOptions, unitOptions } = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  const defaults = {
    intent: "update",
    version: String(user.version),
    name: user.name,
    role: user.role as string,
    pantiId: user.pantiId == null ? "" : String(user.pantiId),
    outreachUnit: user.outreachUnit ?? "",
  };
  // After a conflict (someone else changed the user) the form shows the fresh values with the
  // message; after field errors it keeps what was typed.
  const state = server
    ? Object.keys(server.errors).length > 0
      ? { ...server, values: { ...server.values, version: String(user.version) } }
      : { formError: server.formError }
    : null;
  const zodForm = useZodForm(updateUserSchema, { defaultValues: defaults, server: state });
  const { register, errorFor, onSubmit } = zodForm;

  return (
    <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="edit-user">
      <h2 id="edit-user">{t("users.edit")}</h2>
      <FormError message={server?.formError} />
      <input type="hidden" {...register("intent")} />
      <input type="hidden" {...register("version")} />
      <Field id="name" label={t("users.name")} error={errorFor("name")}>
        <input id="name" type="text" maxLength={100} {...register("name")} />
      </Field>
      <RoleScopeFields
        zodForm={zodForm}
        pantiOptions={pantiOptions}
        unitOptions={unitOptions}
        roleHint={isSelf && user.role === "dinsos_admin" ? t("users.selfRoleHint") : undefined}
      />
      <div>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("common.save")}
        </button>
      </div>
    </Form>
  );
}
