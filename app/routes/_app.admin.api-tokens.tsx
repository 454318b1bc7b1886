import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createApiTokenSchema, isTokenExpired, revokeApiTokenSchema, tokenValidThrough } from "~/domain/api-tokens";
import { jakartaDate } from "~/domain/time";
import { OUTREACH_UNITS } from "~/domain/reference";
import { createApiToken, listApiTokens, revokeApiToken } from "~/services/api-tokens.server";
import { getLang, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/body.server";
import { badRequest, submitForm } from "~/utils/http.server";
import { formatDateTime, translator } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { formValues, type FormFailure } from "~/utils/validation";
import { Field, FormError } from "~/components/forms/field";
import { useZodForm } from "~/components/forms/use-zod-form";
import { DataTable } from "~/components/ui/data-table";
import { Instant } from "~/components/ui/dates";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("api");

export const meta = pageTitle("title.api_tokens");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "api_token:manage");
  const now = new Date();
  return {
    tokens: listApiTokens(user).map((token) => ({ ...token, expired: isTokenExpired(token.expiresAt, now) })),
    units: OUTREACH_UNITS.map((u) => ({ code: u.code, name: u.nameId })),
    today: jakartaDate(now),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "api_token:manage");
  const formData = await readForm(request);
  const intent = formData.get("intent");

  if (intent === "create") {
    const created = await submitForm(request, createApiTokenSchema, (input) => createApiToken(user, input), { formData });
    if (!created.ok) return created.response;
    const { secret, token } = created.result;
    return data({
      ok: true as const,
      intent: "create" as const,
      secret,
      created: { unit: token.outreachUnitName, name: token.name, prefix: token.tokenPrefix },
      message: undefined,
    });
  }
  if (intent === "revoke") {
    const revoked = await submitForm(request, revokeApiTokenSchema, (input) => revokeApiToken(user, input.tokenId), { formData });
    if (!revoked.ok) return revoked.response;
    return data({
      ok: true as const,
      intent: "revoke" as const,
      secret: undefined,
      created: undefined,
      message: translator(revoked.lang)("apiTokens.revoked.done", { prefix: revoked.result.tokenPrefix }),
    });
  }
  const t = translator(await getLang(request));
  return badRequest({ errors: { intent: [t("error.invalid")] }, values: formValues(formData), formError: t("error.invalid") });
}

export default function ApiTokensPage() {
  const { tokens, units, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const t = useT();
  const lang = useLang();
  const failed = actionData && !actionData.ok ? actionData : null;
  const createFailure = failed?.values.intent === "create" ? failed : null;
  // The revoke form has only hidden fields: any refusal of it is a message for the whole page.
  const pageError = createFailure ? null : (failed?.formError ?? (failed ? t("error.invalid") : null));

  return (
    <>
      <PageHeader
        title={t("apiTokens.title")}
        intro={t("apiTokens.intro")}
        actions={
          <Link to="/api/docs" reloadDocument>
            {t("apiTokens.docsLink")}
          </Link>
        }
      />

      {actionData?.ok && actionData.secret && actionData.created ? (
        <>
          <Flash message={t("apiTokens.created.body", { unit: actionData.created.unit, name: actionData.created.name })} />
          <section className="card" aria-labelledby="token-created" data-testid="token-created">
            <h2 id="token-created">{t("apiTokens.created.title")}</h2>
            <label htmlFor="token-secret" className="small">
              {t("apiTokens.created.label")}
            </label>
            <input
              id="token-secret"
              type="text"
              readOnly
              value={actionData.secret}
              data-testid="token-secret"
              style={{ width: "100%", fontFamily: "monospace" }}
              onFocus={(event) => event.currentTarget.select()}
            />
          </section>
        </>
      ) : null}
      <Flash message={actionData?.ok ? actionData.message : null} />
      <FormError message={pageError} />

      <CreateTokenForm key={actionData?.ok ? (actionData.created?.prefix ?? "new") : "new"} units={units} today={today} server={createFailure} busy={busy} />

      <h2>{t("apiTokens.list.title")}</h2>
      {tokens.length === 0 ? (
        <p className="muted">{t("apiTokens.list.empty")}</p>
      ) : (
        <DataTable label={t("apiTokens.list.title")} heads={[t("apiTokens.unit"), t("apiTokens.name"), t("apiTokens.col.prefix"), t("apiTokens.col.created"), t("apiTokens.col.lastUsed"), t("apiTokens.col.expires"), t("apiTokens.col.status"), t("common.actions")]} testId="api-tokens">
          {tokens.map((token) => (
            <tr key={token.id} data-testid="api-token" data-prefix={token.tokenPrefix}>
              <td>{token.outreachUnitName}</td>
              <td>{token.name}</td>
              <td>
                <code>{token.tokenPrefix}…</code>
              </td>
              <td>
                <Instant value={token.createdAt} withTime />
                {token.createdBy ? <div className="muted small">{token.createdBy}</div> : null}
              </td>
              <td>{token.lastUsedAt ? <Instant value={token.lastUsedAt} withTime /> : <span className="muted">{t("apiTokens.never")}</span>}</td>
              <td data-testid="token-expires">
                {token.expiresAt ? (
                  <Instant value={tokenValidThrough(new Date(token.expiresAt))} />
                ) : (
                  <span className="muted">{t("apiTokens.noExpiry")}</span>
                )}
              </td>
              <td>
                {token.revokedAt ? (
                  <span className="badge muted">{t("apiTokens.revokedAt", { date: formatDateTime(lang, token.revokedAt) })}</span>
                ) : token.expired ? (
                  <span className="badge muted">{t("apiTokens.expired")}</span>
                ) : (
                  <span className="badge ok">{t("apiTokens.active")}</span>
                )}
              </td>
              <td>
                {token.revokedAt ? null : (
                  <details>
                    <summary>{t("apiTokens.revoke")}</summary>
                    <Form method="post" className="stack" style={{ marginTop: "0.35rem" }}>
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="tokenId" value={token.id} />
                      <p className="small">{t("apiTokens.revoke.confirm", { prefix: token.tokenPrefix })}</p>
                      <button type="submit" className="small danger" disabled={busy}>
                        {t("apiTokens.revoke.submit")}
                      </button>
                    </Form>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

function CreateTokenForm({
  units,
  today,
  server,
  busy,
}: {
  units: { code: string; name: string }[];
  today: string;
  server: FormFailure | null;
  busy: boolean;
}) {
  const t = useT();
  const { register, errorFor, onSubmit } = useZodForm(createApiTokenSchema, {
    defaultValues: { intent: "create", outreachUnit: units[0]?.code ?? "", name: "", expiresOn: "" },
    server,
  });
  const invalid = (name: string) => (errorFor(name) ? true : undefined);
  return (
    <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="create-token">
      <h2 id="create-token">{t("apiTokens.create.title")}</h2>
      <FormError message={server?.formError} />
      <input type="hidden" {...register("intent")} />
      <div className="grid-2">
        <Field id="token-unit" label={t("apiTokens.unit")} error={errorFor("outreachUnit")}>
          <select id="token-unit" {...register("outreachUnit")} aria-invalid={invalid("outreachUnit")}>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="token-name" label={t("apiTokens.name")} hint={t("apiTokens.name.hint")} error={errorFor("name")}>
          <input
            id="token-name"
            type="text"
            maxLength={100}
            autoComplete="off"
            {...register("name")}
            aria-invalid={invalid("name")}
            aria-describedby="token-name-hint"
          />
        </Field>
        <Field id="token-expires" label={t("apiTokens.expires")} hint={t("apiTokens.expires.hint")} error={errorFor("expiresOn")}>
          <input
            id="token-expires"
            type="date"
            min={today}
            {...register("expiresOn")}
            aria-invalid={invalid("expiresOn")}
            aria-describedby="token-expires-hint"
          />
        </Field>
      </div>
      <div>
        <button type="submit" disabled={busy}>
          {t("apiTokens.create.submit")}
        </button>
      </div>
    </Form>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
