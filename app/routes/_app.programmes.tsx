import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { addModuleSchema, moduleActiveSchema, renameModuleSchema } from "~/domain/programmes";
import { programmeCatalogue } from "~/queries/programmes.server";
import { addModule, renameModule, setModuleActive } from "~/services/programmes.server";
import { requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/body.server";
import { submitForm } from "~/utils/http.server";
import { translator } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { Field, FieldError, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("programmes");

export const meta = pageTitle("title.programme_catalogue");

/** The programme catalogue: programmes and their modules, editable by Dinsos. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "programme:manage");
  return { programmes: programmeCatalogue() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "programme:manage");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "rename-module") {
    const renamed = await submitForm(request, renameModuleSchema, (input) => renameModule(user, input), { formData });
    if (!renamed.ok) return renamed.response;
    return data({ ok: true as const, message: translator(renamed.lang)("programmes.done.renamed") });
  }
  if (intent === "set-active") {
    const set = await submitForm(request, moduleActiveSchema, (input) => setModuleActive(user, input), { formData });
    if (!set.ok) return set.response;
    const name = set.lang === "en" ? set.result.nameEn : set.result.nameId;
    return data({ ok: true as const, message: translator(set.lang)(set.input.active ? "programmes.done.activated" : "programmes.done.deactivated", { name }) });
  }
  const added = await submitForm(request, addModuleSchema, (input) => addModule(user, input), { formData });
  if (!added.ok) return added.response;
  const name = added.lang === "en" ? added.result.nameEn : added.result.nameId;
  return data({ ok: true as const, message: translator(added.lang)("programmes.done.added", { name }) });
}

type Programme = ReturnType<typeof useLoaderData<typeof loader>>["programmes"][number];

export default function ProgrammesPage() {
  const { programmes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const busy = useNavigation().state !== "idle";
  const failed = actionData && !actionData.ok ? actionData : null;
  /** A refusal belongs to the form that was posted: the module's, or the programme's add form. */
  const failureOf = (key: string) => (failed && (failed.values.moduleId ?? `add:${failed.values.programmeCode}`) === key ? failed : null);

  return (
    <>
      <PageHeader title={t("programmes.title")} crumbs={[{ to: "/classes", label: t("nav.classes") }]} intro={t("programmes.intro")} />
      <Flash message={actionData?.ok ? actionData.message : null} />
      <FormError message={failed?.formError} />
      <div className="programme-list">
        {programmes.map((p) => (
          <section key={p.code} className="card" data-testid="programme" data-code={p.code} id={`programme-${p.code}`}>
            <h2>
              {lang === "en" ? p.nameEn : p.nameId} <span className="muted small">{t("programmes.classCount", { n: p.classCount })}</span>
            </h2>
            {p.modules.length === 0 ? <p className="muted">{t("programmes.noModules")}</p> : null}
            <ol className="module-list">
              {p.modules.map((m) => (
                <ModuleRow key={m.id} module={m} failed={failureOf(String(m.id))} busy={busy} />
              ))}
            </ol>
            <AddModuleForm programmeCode={p.code} failed={failureOf(`add:${p.code}`)} busy={busy} />
          </section>
        ))}
      </div>
    </>
  );
}

/** A module of the catalogue: its two names (renamed in place) and the (de)activate button. */
function ModuleRow({ module: m, failed, busy }: { module: Programme["modules"][number]; failed: FormFailure | null; busy: boolean }) {
  const t = useT();
  const { register, errorFor, onSubmit } = useZodForm(renameModuleSchema, {
    defaultValues: { intent: "rename-module", moduleId: String(m.id), nameId: m.nameId, nameEn: m.nameEn },
    server: failed,
  });
  const invalid = (field: string) => (errorFor(field) ? true : undefined);
  return (
    <li className={m.active ? undefined : "inactive"} data-testid="module" data-code={m.code}>
      <Form method="post" className="module-row" onSubmit={onSubmit} noValidate>
        <input type="hidden" {...register("intent")} />
        <input type="hidden" {...register("moduleId")} />
        <code>{m.code}</code>
        <label className="visually-hidden" htmlFor={`m-${m.id}-id`}>
          {t("programmes.module.nameId")}
        </label>
        <input id={`m-${m.id}-id`} type="text" {...register("nameId")} aria-invalid={invalid("nameId")} />
        <label className="visually-hidden" htmlFor={`m-${m.id}-en`}>
          {t("programmes.module.nameEn")}
        </label>
        <input id={`m-${m.id}-en`} type="text" {...register("nameEn")} aria-invalid={invalid("nameEn")} />
        <button type="submit" className="secondary small" disabled={busy}>
          {t("programmes.module.rename")}
        </button>
        {!m.active ? <span className="badge muted">{t("programmes.module.inactive")}</span> : null}
      </Form>
      <FieldError messages={errorFor("nameId") ?? errorFor("nameEn")} />
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="set-active" />
        <input type="hidden" name="moduleId" value={m.id} />
        <input type="hidden" name="active" value={m.active ? "false" : "true"} />
        <button type="submit" className={m.active ? "danger small" : "secondary small"} disabled={busy}>
          {m.active ? t("programmes.module.deactivate") : t("programmes.module.activate")}
        </button>
      </Form>
    </li>
  );
}

/** A new module for a programme, folded away until it is needed (or refused). */
function AddModuleForm({ programmeCode, failed, busy }: { programmeCode: string; failed: FormFailure | null; busy: boolean }) {
  const t = useT();
  const { register, errorFor, onSubmit } = useZodForm(addModuleSchema, {
    defaultValues: { intent: "add-module", programmeCode, code: "", nameId: "", nameEn: "" },
    server: failed,
  });
  const id = (field: string) => `add-${programmeCode}-${field}`;
  const invalid = (field: string) => (errorFor(field) ? true : undefined);
  return (
    <details open={failed ? true : undefined}>
      <summary>{t("programmes.module.add")}</summary>
      <Form method="post" className="stack module-add" onSubmit={onSubmit} noValidate>
        <input type="hidden" {...register("intent")} />
        <input type="hidden" {...register("programmeCode")} />
        <div className="grid-3">
          <Field id={id("code")} label={t("programmes.module.code")} hint={t("programmes.module.codeHint")} error={errorFor("code")}>
            <input id={id("code")} type="text" {...register("code")} aria-invalid={invalid("code")} aria-describedby={`${id("code")}-hint`} />
          </Field>
          <Field id={id("nameId")} label={t("programmes.module.nameId")} error={errorFor("nameId")}>
            <input id={id("nameId")} type="text" {...register("nameId")} aria-invalid={invalid("nameId")} />
          </Field>
          <Field id={id("nameEn")} label={t("programmes.module.nameEn")} error={errorFor("nameEn")}>
            <input id={id("nameEn")} type="text" {...register("nameEn")} aria-invalid={invalid("nameEn")} />
          </Field>
        </div>
        <div>
          <button type="submit" disabled={busy}>
            {t("programmes.module.add")}
          </button>
        </div>
      </Form>
    </details>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
