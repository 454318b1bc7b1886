/**
 * The parts of an upload's preview that every batch upload shows (referrals, past stays): the
 * counts, the columns the file has that the upload does not use, the values read as something
 * else, and the rows to fix.
 */
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { FieldValues } from "react-hook-form";
import type * as z from "zod/mini";
import { Field, FormError } from "~/components/forms/field";
import { useZodForm, type ServerFormState } from "~/components/forms/use-zod-form";
import { UPLOAD_ACCEPT } from "~/domain/placement-import";
import { formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import type { FormFailure } from "~/utils/validation";
import { DataTable } from "./data-table";
import { Flash } from "./flash";
import { Stat } from "./stat";

export interface PreviewCounts {
  rowCount: number;
  validCount: number;
  invalidRowCount: number;
  errors: readonly unknown[];
  unknownColumns: readonly string[];
}

export interface MappingRow {
  column: string;
  from: string;
  to: string;
  rows: number;
  example: boolean;
}

export interface ImportErrorRow {
  row: number;
  field: string;
  message: string;
}

/** The counts of a checked file, and the columns it has that the upload does not use. */
function ImportCounts({ preview }: { preview: PreviewCounts }) {
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  return (
    <>
      <div className="stats">
        <Stat label={t("import.count.rows")} value={n(preview.rowCount)} testId="import-rows" />
        <Stat label={t("import.count.valid")} value={n(preview.validCount)} testId="import-valid" />
        <Stat label={t("import.count.invalid")} value={n(preview.invalidRowCount)} testId="import-invalid" over={preview.invalidRowCount > 0} />
        <Stat label={t("import.count.errors")} value={n(preview.errors.length)} testId="import-errors" over={preview.errors.length > 0} />
      </div>
      {preview.unknownColumns.length > 0 ? (
        <div className="alert info" role="status">
          {t("import.unknownColumns", { columns: preview.unknownColumns.join(", ") })}
        </div>
      ) : null}
    </>
  );
}

/** Every row error of a refused file: row, column as named in the file, the problem. */
function ImportErrors({ errors, invalidRowCount }: { errors: readonly ImportErrorRow[]; invalidRowCount: number }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <div className="alert error" role="alert">
        {t("import.rejected", { rows: formatNumber(lang, invalidRowCount) })}
      </div>
      <h3>{t("import.errors.title")}</h3>
      <DataTable label={t("import.errors.title")} heads={[{ label: t("import.errors.row"), className: "num" }, t("import.errors.column"), t("import.errors.message")]} testId="import-error-table">
        {errors.map((e, i) => (
          <tr key={i}>
            <td className="num">{e.row}</td>
            <td>
              <code>{e.field}</code>
            </td>
            <td>{e.message}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

/** Per column, each value of the file that was read as something else, and what it became. */
function MappingsTable({ mappings }: { mappings: readonly MappingRow[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h3>{t("import.mapped.title")}</h3>
      <p className="muted small">{t("import.mapped.intro")}</p>
      <DataTable label={t("import.mapped.title")} heads={[t("import.errors.column"), t("import.mapped.from"), t("import.mapped.to"), { label: t("import.mapped.rows"), className: "num" }]} testId="import-mappings">
        {mappings.map((m) => (
          <tr key={`${m.column}\u0000${m.from}`}>
            <td>
              <code>{m.column}</code>
            </td>
            <td>{m.example ? t("import.mapped.example", { value: `"${m.from}"` }) : `"${m.from}"`}</td>
            <td>→ {m.to}</td>
            <td className="num">{formatNumber(lang, m.rows)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}


export interface TemplateColumn {
  header: string;
  english: string;
  meaning: string;
  required: boolean;
  format: string;
}

/** The columns of an upload as the template section lists them. */
export function templateColumns<F extends string>(
  columns: readonly { field: F; header: string; english: string; required: boolean }[],
  meaning: (field: F) => string,
  format: (field: F) => string,
): TemplateColumn[] {
  return columns.map((c) => ({ header: c.header, english: c.english, meaning: meaning(c.field), required: c.required, format: format(c.field) }));
}

export interface SpellingRow {
  column: string;
  name: string;
  becomes: string;
}

/** The template downloads (`{base}/template.csv`, `.xlsx`), the columns an upload recognises and the names it maps. */
export function TemplateSection({ base, body, columns, spellings }: { base: string; body: string; columns: readonly TemplateColumn[]; spellings: readonly SpellingRow[] }) {
  const t = useT();
  return (
    <section className="card stack" aria-labelledby="template-title" style={{ marginTop: "1.5rem" }}>
      <h2 id="template-title">{t("import.template.title")}</h2>
      <p>{body}</p>
      <div className="inline-form">
        <a className="button secondary" href={`${base}/template.csv`} download>
          {t("import.template.csv")}
        </a>
        <a className="button secondary" href={`${base}/template.xlsx`} download>
          {t("import.template.xlsx")}
        </a>
      </div>
      <details>
        <summary>{t("import.columns.title")}</summary>
        <DataTable label={t("import.columns.title")} heads={[t("import.columns.name"), t("import.columns.english"), t("import.columns.meaning"), t("import.columns.required"), t("import.columns.format")]}>
          {columns.map((c) => (
            <tr key={c.header}>
              <td>
                <code>{c.header}</code>
              </td>
              <td>
                <code>{c.english}</code>
              </td>
              <td>{c.meaning}</td>
              <td>{c.required ? t("common.yes") : ""}</td>
              <td className="small">{c.format}</td>
            </tr>
          ))}
        </DataTable>
      </details>
      <details>
        <summary>{t("import.spellings.title")}</summary>
        <DataTable label={t("import.spellings.title")} heads={[t("import.columns.name"), t("import.spellings.name"), t("import.spellings.becomes")]} testId="import-spellings">
          {spellings.map((r) => (
            <tr key={`${r.column}\u0000${r.name}`}>
              <td>
                <code>{r.column}</code>
              </td>
              <td>{r.name}</td>
              <td>{r.becomes}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </section>
  );
}

/** The batch an upload page shows: the one just uploaded, or the one named in the address. */
export interface BatchView extends PreviewCounts {
  batchId: number;
  fileName: string;
  status: "previewed" | "imported" | "discarded";
  errors: readonly ImportErrorRow[];
  mappings: readonly MappingRow[];
}

/**
 * What an upload page's action answered: the preview of the file just uploaded (or else the
 * batch of `?batch=`), any refusal, and the refusal that is not the file's row errors (those the
 * preview lists itself).
 */
export function uploadOutcome<P, B>(answer: { ok: true; preview: P } | (FormFailure & { preview?: P }) | undefined, batch: B | null) {
  const uploaded = answer && "preview" in answer ? (answer.preview ?? null) : null;
  const failed = answer && !answer.ok ? answer : null;
  return { preview: uploaded ?? batch ?? null, failed, refusal: failed && !("preview" in failed) ? failed : null };
}

/** The messages of an upload page: the batch imported (with the page's link), or discarded, or the upload refused. */
export function UploadMessages({ batch, done, refusal, children }: { batch: BatchView | null; done: string; refusal: FormFailure | null; children?: ReactNode }) {
  const t = useT();
  return (
    <>
      <Flash testId="import-done" message={batch?.status === "imported" ? done : null}>
        {children}
      </Flash>
      <Flash tone="info" message={batch?.status === "discarded" ? t("import.discarded", { file: batch.fileName }) : null} />
      <FormError message={refusal ? (refusal.formError ?? t("error.invalid")) : null} />
    </>
  );
}

/**
 * The preview of a checked file: its counts, what the page says of its rows (`children`), the
 * values mapped, then the row errors, or the buttons to import or discard it.
 */
export function BatchPreviewCard({
  page,
  preview,
  ready,
  importLabel,
  children,
}: {
  page: string;
  preview: BatchView;
  ready: string;
  importLabel: string;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <section className="card stack" aria-labelledby="preview-title" data-testid="import-preview">
      <h2 id="preview-title">{t("import.preview.title", { file: preview.fileName })}</h2>
      <ImportCounts preview={preview} />
      {children}
      {preview.mappings.length > 0 ? <MappingsTable mappings={preview.mappings} /> : null}
      {preview.errors.length > 0 ? (
        <ImportErrors errors={preview.errors} invalidRowCount={preview.invalidRowCount} />
      ) : (
        <BatchDecision page={page} batchId={preview.batchId} ready={ready} importLabel={importLabel} />
      )}
    </section>
  );
}

/** Import or discard a previewed batch whose rows are all valid (plain forms to the upload page). */
function BatchDecision({ page, batchId, ready, importLabel }: { page: string; batchId: number; ready: string; importLabel: string }) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <Flash message={ready} />
      <div className="inline-form">
        <Form method="post" action={page}>
          <input type="hidden" name="intent" value="import" />
          <input type="hidden" name="batchId" value={batchId} />
          <button type="submit" disabled={busy} data-testid="import-submit">
            {importLabel}
          </button>
        </Form>
        <Form method="post" action={page}>
          <input type="hidden" name="intent" value="discard" />
          <input type="hidden" name="batchId" value={batchId} />
          <button type="submit" className="secondary" disabled={busy}>
            {t("import.discard")}
          </button>
        </Form>
      </div>
    </>
  );
}

/** The form helpers an upload page's own fields use (the referral upload's unit). */
export type UploadFields = Pick<ReturnType<typeof useZodForm>, "register" | "errorFor">;

/**
 * The upload form of an upload page: the limits, the file, the page's own fields, the submit
 * button. The page's upload schema checks the form in the browser before it posts (a missing,
 * too large or plainly wrong file is refused without a round trip) and on the server again.
 */
export function UploadCard({
  page,
  limits,
  schema,
  server,
  children,
}: {
  page: string;
  limits: string;
  schema: z.ZodMiniType<{ file: File }, FieldValues>;
  /** What the server refused of the last upload (not the row errors, which its preview lists). */
  server: ServerFormState | null;
  children?: (fields: UploadFields) => ReactNode;
}) {
  const t = useT();
  const navigation = useNavigation();
  const uploading = navigation.state === "submitting" && navigation.formEncType === "multipart/form-data";
  const { register, errorFor, formProps } = useZodForm(schema, { defaultValues: {}, server, readForm: true });
  const fileErrors = errorFor("file");
  return (
    <Form method="post" action={page} encType="multipart/form-data" className="card stack" aria-labelledby="upload-title" style={{ marginTop: "1.5rem" }} {...formProps}>
      <h2 id="upload-title">{t("import.upload.title")}</h2>
      <p className="muted small">{limits}</p>
      <input type="hidden" name="intent" value="upload" />
      <Field id="import-file" label={t("import.file")} error={fileErrors}>
        <input id="import-file" type="file" accept={UPLOAD_ACCEPT} {...register("file")} aria-describedby={fileErrors ? "import-file-error" : undefined} />
      </Field>
      {children?.({ register, errorFor })}
      <div>
        <button type="submit" disabled={uploading}>
          {uploading ? t("import.upload.busy") : t("import.upload.submit")}
        </button>
      </div>
    </Form>
  );
}
