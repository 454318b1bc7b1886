import { useEffect, useRef, type ReactNode } from "react";
import { ROLES, type Role } from "~/domain/permissions";
import { isPantiScoped, needsOutreachUnit } from "~/domain/users";
import { useT } from "~/utils/use-i18n";
import { Field } from "~/components/forms/field";
import type { useZodForm } from "~/components/forms/use-zod-form";

type ZodForm = Pick<ReturnType<typeof useZodForm>, "form" | "register" | "errorFor">;

/**
 * A user's role and what it is scoped to (a panti, an outreach unit): the same three fields when
 * a user is created and edited. With JavaScript, choosing another role clears a panti or unit
 * the new role cannot have.
 */
export function RoleScopeFields({
  zodForm: { form, register, errorFor },
  pantiOptions,
  unitOptions,
  roleHint,
}: {
  zodForm: ZodForm;
  pantiOptions: readonly { id: number; name: string; active: boolean }[];
  unitOptions: readonly { code: string; name: string }[];
  roleHint?: ReactNode;
}) {
  const t = useT();
  const role = form.watch("role") as Role;
  const previousRole = useRef(role);
  useEffect(() => {
    if (previousRole.current === role) return;
    previousRole.current = role;
    if (!isPantiScoped(role)) form.setValue("pantiId", "");
    if (!needsOutreachUnit(role)) form.setValue("outreachUnit", "");
  }, [role, form]);

  return (
    <>
      <Field id="role" label={t("users.role")} hint={roleHint} error={errorFor("role")}>
        <select id="role" {...register("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="pantiId" label={t("users.panti")} hint={t("users.pantiHint")} error={errorFor("pantiId")}>
        <select id="pantiId" aria-describedby="pantiId-hint pantiId-error" {...register("pantiId")}>
          <option value="">{t("common.none")}</option>
          {pantiOptions.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.active ? "" : ` (${t("users.inactive")})`}
            </option>
          ))}
        </select>
      </Field>
      <Field id="outreachUnit" label={t("users.outreachUnit")} hint={t("users.unitHint")} error={errorFor("outreachUnit")}>
        <select id="outreachUnit" aria-describedby="outreachUnit-hint outreachUnit-error" {...register("outreachUnit")}>
          <option value="">{t("common.none")}</option>
          {unitOptions.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
