import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { addModuleSchema, moduleActiveSchema, renameModuleSchema } from "~/domain/programmes";
import { programmeCatalogue } from "~/queries/programmes.server";
import { addModule, renameModule, setModuleActive } from "~/services/programmes.server";
import { getLang, requirePermission } from "~/utils/auth.server";
import { badRequest, runService } from "~/utils/http.server";
import { translator } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { formValues, parseForm } from "~/utils/validation";
import { FieldError } from "~/components/forms/field";
import { readForm } from "~/utils/body.server";

export const meta: MetaFunction = () => [{ title: "Katalog program — Panti" }];

/** The programme catalogue: programmes and their modules, editable by Dinsos. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "programme:manage");
  return { programmes: programmeCatalogue() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "programme:manage");
  const lang = await getLang(request);
  const t = translator(lang);
  const formData = await readForm(request);
  const values = formValues(formData);
  const intent = formData.get("intent");
  if (intent === "rename-module") {
    const parsed = parseForm(renameModuleSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const outcome = runService(lang, values, () => renameModule(user, parsed.data));
    if (!outcome.ok) return outcome.response;
    return data({ ok: true as const, message: t("programmes.done.renamed"), values });
  }
  if (intent === "set-active") {
    const parsed = parseForm(moduleActiveSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const outcome = runService(lang, values, () => setModuleActive(user, parsed.data));
    if (!outcome.ok) return outcome.response;
    const name = lang === "en" ? outcome.result.nameEn : outcome.result.nameId;
    return data({ ok: true as const, message: t(parsed.data.active ? "programmes.done.activated" : "programmes.done.deactivated", { name }), values });
  }
  const parsed = parseForm(addModuleSchema, formData, lang);
  if (!parsed.ok) return badRequest(parsed);
  const outcome = runService(lang, values, () => addModule(user, parsed.data));
  if (!outcome.ok) return outcome.response;
  return data({ ok: true as const, message: t("programmes.done.added", { name: lang === "en" ? outcome.result.nameEn : outcome.result.nameId }), values });
}

type ActionData = { ok: boolean; message?: string; errors?: Record<string, string[]>; values?: Record<string, string>; formError?: string };

export default function ProgrammesPage() {
  const { programmes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const lang = useLang();
  const busy = useNavigation().state !== "idle";
  const failed = actionData && !actionData.ok ? actionData : null;
  /** Errors belong to the form that was posted: the module's, or the programme's add form. */
  const errorsFor = (key: string) => (failed && (failed.values?.moduleId ?? `add:${failed.values?.programmeCode}`) === key ? failed.errors : undefined);

  return (
    <>
      <div className="page-header">
        <div>
          <div className="breadcrumb">
            <Link to="/classes">{t("nav.classes")}</Link>
          </div>
          <h1>{t("programmes.title")}</h1>
          <p>{t("programmes.intro")}</p>
        </div>
      </div>
      {actionData?.ok ? (
        <div className="alert success" role="status">
          {actionData.message}
        </div>
      ) : null}
      {failed?.formError ? (
        <div className="alert error" role="alert">
          {failed.formError}
        </div>
      ) : null}
      <div className="programme-list">
        {programmes.map((p) => {
          const addErrors = errorsFor(`add:${p.code}`);
          return (
            <section key={p.code} className="card" data-testid="programme" data-code={p.code} id={`programme-${p.code}`}>
              <h2>
                {lang === "en" ? p.nameEn : p.nameId} <span className="muted small">{t("programmes.classCount", { n: p.classCount })}</span>
              </h2>
              {p.modules.length === 0 ? <p className="muted">{t("programmes.noModules")}</p> : null}
              <ol className="module-list">
                {p.modules.map((m) => {
                  const errors = errorsFor(String(m.id));
                  return (
                    <li key={m.id} className={m.active ? undefined : "inactive"} data-testid="module" data-code={m.code}>
                      <Form method="post" className="module-row">
                        <input type="hidden" name="intent" value="rename-module" />
                        <input type="hidden" name="moduleId" value={m.id} />
                        <code>{m.code}</code>
                        <label className="visually-hidden" htmlFor={`m-${m.id}-id`}>
                          {t("programmes.module.nameId")}
                        </label>
                        <input id={`m-${m.id}-id`} type="text" name="nameId" defaultValue={m.nameId} aria-invalid={errors?.nameId ? true : undefined} />
                        <label className="visually-hidden" htmlFor={`m-${m.id}-en`}>
                          {t("programmes.module.nameEn")}
                        </label>
                        <input id={`m-${m.id}-en`} type="text" name="nameEn" defaultValue={m.nameEn} aria-invalid={errors?.nameEn ? true : undefined} />
                        <button type="submit" className="secondary small" disabled={busy}>
                          {t("programmes.module.rename")}
                        </button>
                        {!m.active ? <span className="badge muted">{t("programmes.module.inactive")}</span> : null}
                      </Form>
                      <FieldError messages={errors?.nameId ?? errors?.nameEn} />
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
                })}
              </ol>
              <details open={addErrors ? true : undefined}>
                <summary>{t("programmes.module.add")}</summary>
                <Form method="post" className="stack module-add">
                  <input type="hidden" name="intent" value="add-module" />
                  <input type="hidden" name="programmeCode" value={p.code} />
                  <div className="grid-3">
                    <div className="field">
                      <label htmlFor={`add-${p.code}-code`}>{t("programmes.module.code")}</label>
                      <input
                        id={`add-${p.code}-code`}
                        type="text"
                        name="code"
                        defaultValue={addErrors ? failed?.values?.code : undefined}
                        aria-invalid={addErrors?.code ? true : undefined}
                      />
                      <span className="hint">{t("programmes.module.codeHint")}</span>
                      <FieldError messages={addErrors?.code} />
                    </div>
                    <div className="field">
                      <label htmlFor={`add-${p.code}-nameId`}>{t("programmes.module.nameId")}</label>
                      <input
                        id={`add-${p.code}-nameId`}
                        type="text"
                        name="nameId"
                        defaultValue={addErrors ? failed?.values?.nameId : undefined}
                        aria-invalid={addErrors?.nameId ? true : undefined}
                      />
                      <FieldError messages={addErrors?.nameId} />
                    </div>
                    <div className="field">
                      <label htmlFor={`add-${p.code}-nameEn`}>{t("programmes.module.nameEn")}</label>
                      <input
                        id={`add-${p.code}-nameEn`}
                        type="text"
                        name="nameEn"
                        defaultValue={addErrors ? failed?.values?.nameEn : undefined}
                        aria-invalid={addErrors?.nameEn ? true : undefined}
                      />
                      <FieldError messages={addErrors?.nameEn} />
                    </div>
                  </div>
                  <div>
                    <button type="submit" disabled={busy}>
                      {t("programmes.module.add")}
                    </button>
                  </div>
                </Form>
              </details>
            </section>
          );
        })}
      </div>
    </>
  );
}
