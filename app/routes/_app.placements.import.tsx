import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod";
import { grantFor, hasPermission } from "~/domain/permissions";
import {
  CATEGORY_SPELLINGS,
  DECISION_FIELDS,
  DECISION_SPELLINGS,
  IMPORT_COLUMNS,
  importUploadSchema,
  MAX_IMPORT_ROWS,
  REACH_SPELLINGS,
  type ImportField,
  type RowError,
} from "~/domain/placement-import";
import { DISABILITY_SUBTYPES, OUTREACH_UNITS, PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import {
  batchSummary,
  discardBatch,
  importBatch,
  previewBatch,
  type BatchPreview,
  type DecisionCounts,
  type MappingView,
} from "~/services/placement-import.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { decideBatch, isUpload, uploadAndPreview } from "~/utils/upload.server";
import type { FormFailure } from "~/utils/validation";
import { Field, FormError } from "~/components/forms/field";
import { Flash } from "~/components/ui/flash";
import { PageHeader } from "~/components/ui/page-header";
import { BatchDecision, ImportCounts, ImportErrors, MappingsTable, TemplateSection, templateColumns, UploadCard } from "~/components/ui/import-preview";
import { pageTitle } from "~/utils/meta";

export const meta = pageTitle("title.upload_referrals");

const PAGE = "/placements/import";
const batchParam = z.coerce.number().int().positive();

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement:create");
  // ?batch=ID: a batch of this user's (or any, for Dinsos) after importing or discarding it.
  const raw = new URL(request.url).searchParams.get("batch");
  let batch: BatchPreview | null = null;
  if (raw !== null) {
    const id = batchParam.safeParse(raw);
    batch = id.success ? batchSummary(user, id.data) : null;
    if (!batch) throw notFound();
  }
  return {
    batch,
    units: grantFor(user.role, "placement:create") === "any" ? OUTREACH_UNITS.map((u) => u.code) : null,
    ownUnit: user.outreachUnit,
    staysImport: hasPermission(user, "placement:decide") && hasPermission(user, "stay:exit"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "placement:create");
  const lang = await getLang(request);
  if (!isUpload(request)) return decideBatch(request, lang, PAGE, (intent, id) => (intent === "import" ? importBatch(user, id) : discardBatch(user, id)));
  return uploadAndPreview(request, lang, importUploadSchema, ({ file, outreachUnit }, bytes) => previewBatch(user, { fileName: file.name, bytes, outreachUnit, lang }));
}

interface PreviewView {
  batchId: number;
  fileName: string;
  status: "previewed" | "imported" | "discarded";
  rowCount: number;
  validCount: number;
  invalidRowCount: number;
  errors: RowError[];
  unknownColumns: string[];
  mappings: MappingView[];
  decisions: DecisionCounts | null;
  importedCount: number;
}

/** What a column takes, when the name alone does not say it. */
const FORMAT_HINTS: Partial<Record<ImportField, string>> = {
  outreachUnit: "import.format.unit",
  foundAt: "import.format.datetime",
  foundKota: "import.format.kota",
  reachMethod: "import.format.reach",
  unidentified: "import.format.yesNo",
  sex: "import.format.sex",
  birthDate: "import.format.date",
  nik: "import.format.nik",
  kk: "import.format.nik",
  ppksCategory: "import.format.category",
  disabilitySubtypes: "import.format.disability",
  targetPantiId: "import.format.panti",
  decision: "import.format.decision",
  decidedAt: "import.format.decidedAt",
  bedLabel: "import.format.bed",
  redirectPantiId: "import.format.panti",
};

const fieldLabel = (field: ImportField) =>
  field === "targetPantiId" ? "placement.targetPanti" : (DECISION_FIELDS as readonly string[]).includes(field) ? `import.field.${field}` : `placement.${field}`;

export default function PlacementImportPage() {
  const { batch, units, ownUnit, staysImport } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const uploaded = actionData && "preview" in actionData ? actionData.preview : null;
  const preview: PreviewView | null = uploaded ?? batch ?? null;
  // A refusal of the file or of the import (a refused preview says why in its own section).
  const failed = actionData && !actionData.ok ? actionData : null;
  const refusal = failed && !("preview" in failed) ? failed : null;

  return (
    <>
      <PageHeader title={t("import.title")} crumbs={[{ to: "/placements", label: t("nav.placements") }]} intro={t("import.intro")} />

      <Flash
        testId="import-done"
        message={preview?.status === "imported" ? t("import.done", { n: formatNumber(lang, preview.importedCount), file: preview.fileName }) : null}
      >
        <Link to="/placements">{t("import.done.link")}</Link>
      </Flash>
      <Flash tone="info" message={preview?.status === "discarded" ? t("import.discarded", { file: preview.fileName }) : null} />
      <FormError message={refusal ? (refusal.formError ?? t("error.invalid")) : null} />

      {preview?.status === "previewed" ? <BatchPreviewSection preview={preview} /> : null}

      <UploadForm failed={failed} refusal={refusal} units={units} ownUnit={ownUnit} />
      <ReferralTemplate />
      {staysImport ? (
        <p className="small">
          <Link to="/stays/import">{t("stays.import.link")}</Link>
        </p>
      ) : null}
    </>
  );
}

function BatchPreviewSection({ preview }: { preview: PreviewView }) {
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  return (
    <section className="card stack" aria-labelledby="preview-title" data-testid="import-preview">
      <h2 id="preview-title">{t("import.preview.title", { file: preview.fileName })}</h2>
      <ImportCounts preview={preview} />
      {preview.decisions ? (
        <div className="alert info" role="status" data-testid="import-decisions">
          <p>{t("import.decisions", { accepted: n(preview.decisions.accepted), declined: n(preview.decisions.declined), redirected: n(preview.decisions.redirected) })}</p>
          {preview.decisions.accepted > 0 ? (
            <p>{t("import.decisions.people", { nik: n(preview.decisions.foundByNik), name: n(preview.decisions.foundByName) })}</p>
          ) : null}
        </div>
      ) : null}
      {preview.mappings.length > 0 ? <MappingsTable mappings={preview.mappings} /> : null}

      {preview.errors.length > 0 ? (
        <ImportErrors errors={preview.errors} invalidRowCount={preview.invalidRowCount} />
      ) : (
        <BatchDecision page={PAGE} batchId={preview.batchId} ready={t("import.ready", { n: n(preview.validCount) })} importLabel={t("import.import", { n: n(preview.validCount) })} />
      )}
    </section>
  );
}

function UploadForm({
  failed,
  refusal,
  units,
  ownUnit,
}: {
  /** Any refusal of the last upload; `refusal` when it is not the file's row errors. */
  failed: FormFailure | null;
  refusal: FormFailure | null;
  units: string[] | null;
  ownUnit: string | null;
}) {
  const t = useT();
  const lang = useLang();
  const server = failed ? { values: failed.values, errors: { file: refusal?.errors.file, outreachUnit: failed.errors.outreachUnit } } : null;
  return (
    <UploadCard page={PAGE} limits={t("import.limits", { rows: formatNumber(lang, MAX_IMPORT_ROWS) })} schema={importUploadSchema} server={server}>
      {({ register, errorFor }) =>
        units ? (
          <Field id="import-unit" label={t("import.unit")} hint={t("import.unit.hint")} error={errorFor("outreachUnit")}>
            <select id="import-unit" {...register("outreachUnit")}>
              <option value="">{t("import.unit.fromFile")}</option>
              {units.map((code) => (
                <option key={code} value={code}>
                  {referenceLabel(OUTREACH_UNITS, code, lang)}
                </option>
              ))}
            </select>
          </Field>
        ) : ownUnit ? (
          <p className="small">{t("import.unit.own", { unit: referenceLabel(OUTREACH_UNITS, ownUnit, lang) })}</p>
        ) : null
      }
    </UploadCard>
  );
}

/** The template, the recognised columns and the names of practice that the upload maps. */
function ReferralTemplate() {
  const t = useT();
  const lang = useLang();
  const columns = templateColumns(
    IMPORT_COLUMNS,
    (field) => t.dynamic(fieldLabel(field)),
    (field) => (FORMAT_HINTS[field] ? t.dynamic(FORMAT_HINTS[field]!) : ""),
  );
  const spellings = [
    ...CATEGORY_SPELLINGS.map((c) => ({
      column: "kategori_ppks",
      name: c.name,
      becomes: c.disability
        ? t("import.mapped.plus", { category: referenceLabel(PPKS_CATEGORIES, c.category, lang), disability: referenceLabel(DISABILITY_SUBTYPES, c.disability, lang) })
        : referenceLabel(PPKS_CATEGORIES, c.category, lang),
    })),
    ...REACH_SPELLINGS.map((r) => ({ column: "cara_penjangkauan", name: r.name, becomes: t.dynamic(`reach.${r.method}`) })),
    ...DECISION_SPELLINGS.map((d) => ({ column: "keputusan", name: d.name, becomes: t.dynamic(`status.${d.decision}`) })),
  ];
  return <TemplateSection base={PAGE} body={t("import.template.body")} columns={columns} spellings={spellings} />;
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
