import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { ROLES, type Role } from "~/domain/permissions";
import {
  isPantiScoped,
  needsOutreachUnit,
  resetPasswordSchema,
  setActiveSchema,
  unlockSignInSchema,
  updateUserSchema,
} from "~/domain/users";
import { userPage } from "~/queries/users.server";
import { resetPassword, setUserActive, unlockSignIn, updateUser } from "~/services/users.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { badRequest, runService } from "~/utils/http.server";
import { formatDateTime, translator } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { formValues, parseForm } from "~/utils/validation";
import { Field } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { readForm } from "~/utils/body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.user.username ?? "Pengguna"} — Panti` },
];

/** After a conflict the page reloads the user, so the form shows what someone else saved. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

const paramsSchema = z.object({ userId: z.coerce.number().int().positive() });

function userIdFrom(params: unknown): number {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data.userId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const userId = userIdFrom(params);
  const current = await requirePermission(request, "user:manage");
  const page = userPage(userId);
  if (!page) throw notFound();
  return { ...page, isSelf: page.user.id === current.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const userId = userIdFrom(params);
  const current = await requirePermission(request, "user:manage");
  const lang = await getLang(request);
  const t = translator(lang);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const values = formValues(formData);

  if (intent === "update") {
    const parsed = parseForm(updateUserSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const outcome = runService(lang, values, () => updateUser(current, userId, parsed.data));
    if (!outcome.ok) return outcome.response;
    const { changed, username } = outcome.result;
    return data({ ok: true as const, intent, message: t(changed ? "users.updated" : "users.unchanged", { username }) });
  }
  if (intent === "reset-password") {
    const parsed = parseForm(resetPasswordSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const outcome = runService(lang, values, () => resetPassword(current, userId));
    if (!outcome.ok) return outcome.response;
    const { username, name, password } = outcome.result;
    // The new password is in this response only: never cached, never stored in clear.
    return data(
      { ok: true as const, intent, message: t("users.resetDone", { username }), password, name },
      { headers: { "Cache-Control": "no-store" } },
    );
  }
  if (intent === "deactivate" || intent === "reactivate") {
    const parsed = parseForm(setActiveSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const active = parsed.data.intent === "reactivate";
    const outcome = runService(lang, values, () => setUserActive(current, userId, active));
    if (!outcome.ok) return outcome.response;
    const { username } = outcome.result;
    return data({ ok: true as const, intent, message: t(active ? "users.reactivated" : "users.deactivated", { username }) });
  }
  if (intent === "unlock-sign-in") {
    const parsed = parseForm(unlockSignInSchema, formData, lang);
    if (!parsed.ok) return badRequest(parsed);
    const outcome = runService(lang, values, () => unlockSignIn(current, userId));
    if (!outcome.ok) return outcome.response;
    const { username, cleared } = outcome.result;
    return data({ ok: true as const, intent, message: t("users.unlocked", { username, n: cleared }) });
  }
  return badRequest({ errors: {}, values, formError: t("error.invalid") });
}

type ActionData = {
  ok: boolean;
  intent?: string;
  message?: string;
  password?: string;
  name?: string;
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
  formError?: string;
};

export default function UserPage() {
  const { user, history, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const lang = useLang();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const updateFailed = actionData && !actionData.ok && actionData.values?.intent === "update";

  return (
    <>
      <div className="page-header">
        <div>
          <div className="breadcrumb">
            <Link to="/admin/users">{t("users.title")}</Link> / {user.username}
          </div>
          <h1>{user.name}</h1>
          <p>
            {user.username} · {t(`role.${user.role}`)}
            {user.pantiName ? ` · ${user.pantiName}` : ""}
            {user.outreachUnitName ? ` · ${user.outreachUnitName}` : ""}{" "}
            {user.active ? (
              <span className="badge ok">{t("users.active")}</span>
            ) : (
              <span className="badge muted">{t("users.inactive")}</span>
            )}
          </p>
        </div>
      </div>

      {actionData?.ok && actionData.message ? (
        <div className="alert success" role="status">
          {actionData.message}
        </div>
      ) : null}
      {actionData?.ok && actionData.password ? (
        <section className="card" aria-labelledby="new-password">
          <h2 id="new-password">{t("users.newPassword")}</h2>
          <p>{t("users.generatedOnce", { name: actionData.name ?? user.name })}</p>
          <p>
            <code data-testid="generated-password" style={{ fontSize: "1.4rem", letterSpacing: "0.05em" }}>
              {actionData.password}
            </code>
          </p>
          <p className="muted small">{t("users.resetHint")}</p>
        </section>
      ) : null}
      {actionData && !actionData.ok && actionData.formError && !updateFailed ? (
        <div className="alert error" role="alert">
          {actionData.formError}
        </div>
      ) : null}

      <div className="grid-2">
        <EditUserForm key={user.version} server={updateFailed ? actionData : null} isSelf={isSelf} />

        <section className="card stack" aria-labelledby="account">
          <h2 id="account">{t("users.account")}</h2>
          <dl className="small">
            <dt className="muted">{t("users.lastLogin")}</dt>
            <dd>{user.lastLoginAt ? formatDateTime(lang, user.lastLoginAt) : t("users.never")}</dd>
            <dt className="muted">{t("users.createdAt")}</dt>
            <dd>{formatDateTime(lang, user.createdAt)}</dd>
            {user.mustChangePassword ? (
              <>
                <dt className="muted">{t("users.passwordStatus")}</dt>
                <dd>{t("users.mustChange")}</dd>
              </>
            ) : null}
          </dl>

          <h3>{t("users.reset")}</h3>
          {isSelf ? (
            <p className="muted small">
              {t("users.selfResetHint")} <Link to="/account/password">{t("nav.password")}</Link>
            </p>
          ) : (
            <Form method="post" className="stack">
              <p className="muted small">{t("users.resetExplain")}</p>
              <input type="hidden" name="intent" value="reset-password" />
              <div>
                <button type="submit" className="secondary" disabled={busy}>
                  {t("users.reset")}
                </button>
              </div>
            </Form>
          )}

          <h3>{user.active ? t("users.deactivate") : t("users.reactivate")}</h3>
          {isSelf ? (
            <p className="muted small">{t("users.selfDeactivateHint")}</p>
          ) : user.active ? (
            <details>
              <summary>{t("users.deactivate")}</summary>
              <Form method="post" className="stack" style={{ marginTop: "0.5rem" }}>
                <p className="muted small">{t("users.deactivateExplain")}</p>
                <input type="hidden" name="intent" value="deactivate" />
                <div>
                  <button type="submit" className="danger" disabled={busy}>
                    {t("users.deactivateConfirm", { username: user.username })}
                  </button>
                </div>
              </Form>
            </details>
          ) : (
            <Form method="post" className="stack">
              <p className="muted small">{t("users.reactivateExplain")}</p>
              <input type="hidden" name="intent" value="reactivate" />
              <div>
                <button type="submit" disabled={busy}>
                  {t("users.reactivate")}
                </button>
              </div>
            </Form>
          )}
        </section>
      </div>

      <SignInSection busy={busy} />

      <section className="card" aria-labelledby="history">
        <h2 id="history">{t("users.history")}</h2>
        {history.length === 0 ? (
          <p className="muted">{t("audit.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("audit.at")}</th>
                  <th scope="col">{t("audit.action")}</th>
                  <th scope="col">{t("audit.user")}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((row) => (
                  <tr key={row.id}>
                    <td>{formatDateTime(lang, row.at)}</td>
                    <td>
                      <code>{row.action}</code>
                    </td>
                    <td>{row.actorUsername ?? t("audit.system")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="small">
          <Link to={`/admin/audit?entity=user&entityId=${user.id}`}>{t("users.fullHistory")}</Link>
        </p>
      </section>
    </>
  );
}

/** Recent failed sign-ins per address, whether one is delayed now, and the unlock button. */
function SignInSection({ busy }: { busy: boolean }) {
  const { signIn } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <section className="card stack" aria-labelledby="sign-in-failures">
      <h2 id="sign-in-failures">
        {t("users.signIn")}{" "}
        {signIn.throttled ? <span className="badge full">{t("users.signInThrottled")}</span> : null}
      </h2>
      {signIn.total === 0 ? (
        <p className="muted">{t("users.signInNone", { hours: signIn.windowHours })}</p>
      ) : (
        <>
          <p>
            {t("users.signInSummary", {
              n: signIn.total,
              hours: signIn.windowHours,
              addresses: signIn.addressCount,
              first: formatDateTime(lang, signIn.firstAt),
              last: formatDateTime(lang, signIn.lastAt),
            })}
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("users.signInAddress")}</th>
                  <th scope="col">{t("users.signInCount")}</th>
                  <th scope="col">{t("users.signInLast")}</th>
                  <th scope="col">{t("users.signInState")}</th>
                </tr>
              </thead>
              <tbody>
                {signIn.addresses.map((row) => (
                  <tr key={row.address}>
                    <td>
                      <code>{row.address}</code>
                    </td>
                    <td>{row.failures}</td>
                    <td>{formatDateTime(lang, row.lastAt)}</td>
                    <td>
                      {row.throttledUntil
                        ? t("users.signInDelayed", {
                            since: formatDateTime(lang, row.delayedSince),
                            until: formatDateTime(lang, row.throttledUntil),
                          })
                        : t("users.signInFree")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {signIn.moreAddresses > 0 ? (
            <p className="muted small">{t("users.signInMoreAddresses", { n: signIn.moreAddresses })}</p>
          ) : null}
          <Form method="post" className="stack">
            <p className="muted small">{t("users.signInExplain", { free: signIn.free })}</p>
            <input type="hidden" name="intent" value="unlock-sign-in" />
            <div>
              <button type="submit" className="secondary" disabled={busy}>
                {t("users.unlock")}
              </button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}

function EditUserForm({ server, isSelf }: { server: ActionData | null; isSelf: boolean }) {
  const { user, pantiOptions, unitOptions } = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  const defaults = {
    intent: "update",
    version: user.version,
    name: user.name,
    role: user.role as string,
    pantiId: user.pantiId == null ? "" : String(user.pantiId),
    outreachUnit: user.outreachUnit ?? "",
  };
  // After a conflict (someone else changed the user) the form shows the fresh values with the
  // message; after field errors it keeps what was typed.
  const state = server
    ? Object.keys(server.errors ?? {}).length > 0
      ? { ...server, values: { ...server.values, version: user.version } }
      : { formError: server.formError }
    : null;
  const { form, register, errorFor, onSubmit } = useZodForm(updateUserSchema, { defaultValues: defaults, server: state });
  // The values are also rendered into the HTML, so that without JavaScript the form shows them.
  const initial: Record<string, string> = { ...defaults, ...(state && "values" in state ? state.values : {}) };
  const field = (name: keyof typeof defaults) => ({ ...register(name), defaultValue: initial[name] });
  // Messages of the schema are keys: translate them (server messages pass through unchanged).
  const error = (name: string) => errorFor(name)?.map((m) => t(m));
  const invalid = (name: string) => (error(name) ? true : undefined);

  // With JavaScript, choosing another role clears a panti or unit the new role cannot have.
  const role = form.watch("role") as Role;
  const previousRole = useRef(role);
  useEffect(() => {
    if (previousRole.current === role) return;
    previousRole.current = role;
    if (!isPantiScoped(role)) form.setValue("pantiId", "");
    if (!needsOutreachUnit(role)) form.setValue("outreachUnit", "");
  }, [role, form]);

  return (
    <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="edit-user">
      <h2 id="edit-user">{t("users.edit")}</h2>
      {server?.formError ? (
        <div className="alert error" role="alert">
          {server.formError}
        </div>
      ) : null}
      <input type="hidden" {...field("intent")} />
      <input type="hidden" {...field("version")} />
      <Field id="name" label={t("users.name")} error={error("name")}>
        <input id="name" type="text" maxLength={100} aria-invalid={invalid("name")} {...field("name")} />
      </Field>
      <Field
        id="role"
        label={t("users.role")}
        hint={isSelf && user.role === "dinsos_admin" ? t("users.selfRoleHint") : undefined}
        error={error("role")}
      >
        <select id="role" aria-invalid={invalid("role")} {...field("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="pantiId" label={t("users.panti")} hint={t("users.pantiHint")} error={error("pantiId")}>
        <select id="pantiId" aria-invalid={invalid("pantiId")} {...field("pantiId")}>
          <option value="">{t("common.none")}</option>
          {pantiOptions.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.active ? "" : ` (${t("users.inactive")})`}
            </option>
          ))}
        </select>
      </Field>
      <Field id="outreachUnit" label={t("users.outreachUnit")} hint={t("users.unitHint")} error={error("outreachUnit")}>
        <select id="outreachUnit" aria-invalid={invalid("outreachUnit")} {...field("outreachUnit")}>
          <option value="">{t("common.none")}</option>
          {unitOptions.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <div>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("common.save")}
        </button>
      </div>
    </Form>
  );
}
