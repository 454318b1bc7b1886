/**
 * /api/docs: every endpoint of /api/v1/openapi.json, rendered from the same document the API
 * serves (public: it describes fields, not data): the placements API for outreach units' apps,
 * and the FKD-MPU packet endpoints for partner provinces' instances. No external scripts.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  EXAMPLE_REQUEST,
  FREE_TEXT_RULE,
  openApiDocument,
  operationsByTag,
  PLACEMENT_FIELD_DOCS,
  type DocumentedOperation,
  type JsonSchema,
  type OpenApiDocument,
  type PlacementFieldName,
} from "~/api/openapi";
import { PLACEMENT_STATUSES, REACH_METHODS } from "~/domain/enums";
import { DISABILITY_SUBTYPES, OUTREACH_UNITS, PPKS_CATEGORIES } from "~/domain/reference";
import { useLang, useT } from "~/utils/use-i18n";
import { ColumnHeads, DataTable } from "~/components/ui/data-table";
import { LanguageSwitch, messagesHandle, PageHeader, pageTitle } from "~/components/ui/page-kit";

export const handle = messagesHandle("api", "placements");

export const meta = pageTitle("title.referrals_api");

export async function loader({ request }: LoaderFunctionArgs) {
  return { document: openApiDocument(), origin: new URL(request.url).origin };
}

/** Fields whose requirement depends on others (name or description; birth date or age). */
const CONDITIONAL: readonly string[] = ["personName", "description", "birthDate", "estimatedAge"];

function typeOf(schema: JsonSchema | undefined): string {
  if (!schema) return "";
  if (schema.anyOf) return schema.anyOf.map(typeOf).filter(Boolean).join(" | ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "");
  if (type === "array") return `array<${typeOf(schema.items)}>`;
  if (schema.enum) return `${type} (${schema.enum.length} codes)`;
  if (schema.format) return `${type} (${schema.format})`;
  return type;
}

function curlPost(origin: string): string {
  return [
    `curl -sS -X POST '${origin}/api/v1/placements' \\`,
    `  -H "Authorization: Bearer $PANTI_TOKEN" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H 'Accept-Language: id' \\`,
    `  -d '${JSON.stringify(EXAMPLE_REQUEST, null, 2)}'`,
  ].join("\n");
}

/** A partner instance posting a signed packet (`{ packet, signature }`, see the packet's schema). */
function curlPacket(origin: string, path: string): string {
  return [
    `curl -sS -X POST '${origin}${path.replace("{id}", "3f2a91c0-5b7e-4d1a-9c3e-8a6b2d4f7e10")}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d @signed-packet.json`,
  ].join("\n");
}

function curlFor(origin: string, { path, method, operation }: DocumentedOperation): string {
  if (operation.tags.includes("fkd-mpu")) return curlPacket(origin, path);
  return method === "post" ? curlPost(origin) : curlGet(origin);
}

const anchorOf = ({ method, path }: { method: string; path: string }) => `${method}-${path.replace(/[^a-z0-9]+/gi, "-")}`;

/** The name of the component schema a request body refers to, directly or inside its envelope. */
function requestSchemaName(operation: DocumentedOperation["operation"]): string | null {
  const schema = operation.requestBody?.content["application/json"].schema;
  const ref = schema?.$ref ?? schema?.properties?.packet?.$ref;
  return typeof ref === "string" ? ref.split("/").at(-1)! : null;
}

function curlGet(origin: string): string {
  return [
    `curl -sS '${origin}/api/v1/placements/${EXAMPLE_REQUEST.externalRef}' \\`,
    `  -H "Authorization: Bearer $PANTI_TOKEN"`,
  ].join("\n");
}

/** Text with `code` spans (the OpenAPI descriptions use Markdown's backticks). */
function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/).map((part, i) =>
        part.startsWith("`") && part.endsWith("`") ? (
          <code key={i} className="code">
            {part.slice(1, -1)}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

export default function ApiDocsPage() {
  const { document, origin } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const request = document.components.schemas.PlacementRequest!;
  const required = new Set(request.required ?? []);
  const groups = operationsByTag(document);
  const pick = (en: string, id: string) => (lang === "id" ? id : en);
  const placements = groups.find((g) => g.tag.name === "placements")?.operations ?? [];
  const packets = groups.find((g) => g.tag.name === "fkd-mpu")?.operations ?? [];

  return (
    <main className="page" id="main">
      <PageHeader
        title={t("apiDocs.title")}
        crumbs={[{ to: "/home", label: t("app.name") }, { label: "API" }]}
        intro={<Prose text={pick(document.info.description, document.info["x-description-id"])} />}
        actions={
          <>
            <a href="/api/v1/openapi.json">{t("apiDocs.openapi")}</a>
            <LanguageSwitch className="link-button" />
          </>
        }
      />

      <nav className="card" aria-labelledby="toc">
        <h2 id="toc">{t("apiDocs.contents")}</h2>
        <ul>
          <li><a href="#auth">{t("apiDocs.auth.title")}</a></li>
          <li><a href="#idempotency">{t("apiDocs.idempotency.title")}</a></li>
          <li><a href="#errors">{t("apiDocs.errors.title")}</a></li>
          {placements.map((o) => <OperationLink key={anchorOf(o)} operation={o} />)}
          <li><a href="#fields">{t("apiDocs.fields.title")}</a></li>
          <li><a href="#codes">{t("apiDocs.codes.title")}</a></li>
          <li>
            <a href="#packets">{t("apiDocs.packets.title")}</a>
            <ul>
              {packets.map((o) => <OperationLink key={anchorOf(o)} operation={o} />)}
            </ul>
          </li>
        </ul>
      </nav>

      <section className="card" id="auth">
        <h2>{t("apiDocs.auth.title")}</h2>
        <p>{t("apiDocs.auth.body")}</p>
        <pre className="code-block">Authorization: Bearer pnt_…</pre>
      </section>
      <section className="card" id="idempotency">
        <h2>{t("apiDocs.idempotency.title")}</h2>
        <p>{t("apiDocs.idempotency.body")}</p>
      </section>
      <section className="card" id="errors">
        <h2>{t("apiDocs.errors.title")}</h2>
        <p>{t("apiDocs.errors.body")}</p>
      </section>

      <h2>{t("apiDocs.endpoints")}</h2>
      {placements.map((o) => (
        <Endpoint key={anchorOf(o)} entry={o} origin={origin} document={document} />
      ))}

      <section id="fields">
        <h2>{t("apiDocs.fields.title")}</h2>
        <p className="muted small">
          {FREE_TEXT_RULE.id} / {FREE_TEXT_RULE.en}
        </p>
        <DataTable label={t("apiDocs.fields.title")} heads={[t("apiDocs.col.field"), t("apiDocs.col.type"), t("apiDocs.col.required"), { label: t("apiDocs.col.meaningId"), lang: "id" }, { label: t("apiDocs.col.meaningEn"), lang: "en" }]} testId="api-fields">
          {Object.entries(request.properties ?? {}).map(([name, schema]) => {
            const doc = PLACEMENT_FIELD_DOCS[name as PlacementFieldName];
            return (
              <tr key={name} data-field={name}>
                <td>
                  <code className="code">{name}</code>
                </td>
                <td className="small">{typeOf(schema)}</td>
                <td>
                  {required.has(name) ? t("common.yes") : CONDITIONAL.includes(name) ? t("apiDocs.required.conditional") : t("common.no")}
                </td>
                <td lang="id">
                  <Prose text={doc?.id ?? ""} />
                </td>
                <td lang="en">
                  <Prose text={doc?.en ?? ""} />
                </td>
              </tr>
            );
          })}
        </DataTable>
      </section>

      <section id="codes">
        <h2>{t("apiDocs.codes.title")}</h2>
        <div className="grid-2">
          <CodeTable title={t("apiDocs.codes.units")} rows={OUTREACH_UNITS.map((u) => [u.code, u.nameId])} />
          <CodeTable title={t("apiDocs.codes.reach")} rows={REACH_METHODS.map((m) => [m, t(`reach.${m}`)])} />
          <CodeTable title={t("apiDocs.codes.statuses")} rows={PLACEMENT_STATUSES.map((s) => [s, t(`status.${s}`)])} />
          <CodeTable
            title={t("apiDocs.codes.disabilities")}
            rows={DISABILITY_SUBTYPES.map((d) => [d.code, lang === "id" ? d.nameId : d.nameEn])}
          />
        </div>
        <CodeTable
          title={t("apiDocs.codes.categories")}
          rows={PPKS_CATEGORIES.map((c) => [c.code, lang === "id" ? c.nameId : c.nameEn])}
        />
        <p className="muted">{t("apiDocs.codes.panti")}</p>
      </section>

      <section id="packets" className="stack">
        <h2>{t("apiDocs.packets.title")}</h2>
        <div className="card">
          {groups
            .filter((g) => g.tag.name === "fkd-mpu")
            .map((g) => (
              <p key={g.tag.name}>
                <Prose text={pick(g.tag.description, g.tag["x-description-id"])} />
              </p>
            ))}
          <p>{t("apiDocs.packets.body")}</p>
        </div>
        {packets.map((o) => (
          <Endpoint key={anchorOf(o)} entry={o} origin={origin} document={document} />
        ))}
      </section>
    </main>
  );
}

function OperationLink({ operation }: { operation: DocumentedOperation }) {
  return (
    <li>
      <a href={`#${anchorOf(operation)}`}>
        <code className="code">
          {operation.method.toUpperCase()} {operation.path}
        </code>
      </a>
    </li>
  );
}

/** One operation: what it does, an example call, its request body and its responses. */
function Endpoint({ entry, origin, document }: { entry: DocumentedOperation; origin: string; document: OpenApiDocument }) {
  const t = useT();
  const lang = useLang();
  const pick = (en: string, id: string) => (lang === "id" ? id : en);
  const { path, method, operation } = entry;
  const packet = operation.tags.includes("fkd-mpu") ? requestSchemaName(operation) : null;
  return (
    <section className="card" id={anchorOf(entry)} data-testid="endpoint" data-path={path} data-method={method}>
      <h3>
        <code className="code">
          {method.toUpperCase()} {path}
        </code>{" "}
        — {pick(operation.summary, operation["x-summary-id"])}
      </h3>
      <p>
        <Prose text={pick(operation.description, operation["x-description-id"])} />
      </p>
      {operation.requestBody && !packet ? (
        <p>
          {t("apiDocs.request")}: <a href="#fields">{t("apiDocs.fields.title")}</a>
        </p>
      ) : null}
      {packet ? (
        <details>
          <summary>
            {t("apiDocs.request")}: <code className="code">{`{ packet: ${packet}, signature }`}</code>
          </summary>
          <pre className="code-block">{JSON.stringify(document.components.schemas[packet], null, 2)}</pre>
        </details>
      ) : null}
      <h4>{t("apiDocs.curl")}</h4>
      <pre className="code-block">{curlFor(origin, entry)}</pre>
      <h4>{t("apiDocs.responses")}</h4>
      <DataTable
        label={`${t("apiDocs.responses")}: ${method.toUpperCase()} ${path}`}
        heads={[t("apiDocs.col.status"), t("apiDocs.col.description"), t("apiDocs.example")]}
      >
        {Object.entries(operation.responses).map(([status, response]) => {
          const examples = Object.values(response.content?.["application/json"].examples ?? {});
          return (
            <tr key={status} data-status={status}>
              <td>
                <strong>{status}</strong>
              </td>
              <td>
                <Prose text={pick(response.description, response["x-description-id"])} />
                {response.headers ? (
                  <div className="muted small">
                    {Object.keys(response.headers).map((h) => (
                      <code key={h} className="code code-list">
                        {h}
                      </code>
                    ))}
                  </div>
                ) : null}
              </td>
              <td>
                {examples.map((example) => (
                  <details key={example.summary}>
                    <summary>{example.summary}</summary>
                    <pre className="code-block">{JSON.stringify(example.value, null, 2)}</pre>
                  </details>
                ))}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}

function CodeTable({ title, rows }: { title: string; rows: [string, string][] }) {
  const t = useT();
  return (
    <div className="card">
      <h3>{title}</h3>
      <table>
        <ColumnHeads labels={[t("apiDocs.col.code"), t("apiDocs.col.label")]} />
        <tbody>
          {rows.map(([value, label]) => (
            <tr key={value}>
              <td>
                <code className="code">{value}</code>
              </td>
              <td>{label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
