import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
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
} from "~/domain/placement-import";
import { DISABILITY_SUBTYPES, OUTREACH_UNITS, PPKS_CATEGORIES, referenceLabel } from "~/domain/reference";
import {
  batchSummary,
  discardBatch,
  importBatch,
  previewBatch,
  type BatchPreview,
} from "~/services/placement-import.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";
import { decideBatch, isUpload, uploadAndPreview } from "~/utils/upload.server";
import type { FormFailure } from "~/utils/validation";
import { SelectField } from "~/components/forms/select-field";
import { PageHeader } from "~/components/ui/page-header";
import { BatchPreviewCard, TemplateSection, templateColumns, UploadCard, UploadMessages, uploadOutcome } from "~/components/ui/import-preview";
import { pageTitle } from "~/utils/meta";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("casefile", "exits", "handoffs", "history", "import", "placements");

export const meta = pageTitle("title.upload_referrals");

const PAGE = "/placements/import";
const batchParam = z.coerce.number().check(z.int(), z.positive());

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
  const t = useT();
  const lang = useLang();
  const { preview, failed, refusal } = uploadOutcome(useActionData<typeof action>(), batch);
  return (
    <>
      <PageHeader title={t("import.title")} crumbs={[{ to: "/placements", label: t("nav.placements") }]} intro={t("import.intro")} />
      <UploadMessages batch={preview} refusal={refusal} done={preview ? t("import.done", { n: formatNumber(lang, preview.importedCount), file: preview.fileName }) : ""}>
        <Link to="/placements">{t("import.done.link")}</Link>
      </UploadMessages>
      {preview?.status === "previewed" ? <ReferralPreview preview={preview} /> : null}
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

/** The preview, with the decisions the file carries and the people of accepted rows found again. */
function ReferralPreview({ preview }: { preview: Omit<BatchPreview, "createdAt" | "importedAt"> }) {
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  const { decisions } = preview;
  return (
    <BatchPreviewCard page={PAGE} preview={preview} ready={t("import.ready", { n: n(preview.validCount) })} importLabel={t("import.import", { n: n(preview.validCount) })}>
      {decisions ? (
        <div className="alert info" role="status" data-testid="import-decisions">
          <p>{t("import.decisions", { accepted: n(decisions.accepted), declined: n(decisions.declined), redirected: n(decisions.redirected) })}</p>
          {decisions.accepted > 0 ? <p>{t("import.decisions.people", { nik: n(decisions.foundByNik), name: n(decisions.foundByName) })}</p> : null}
        </div>
      ) : null}
    </BatchPreviewCard>
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
          <SelectField
            id="import-unit"
            label={t("import.unit")}
            hint={t("import.unit.hint")}
            error={errorFor("outreachUnit")}
            control={register("outreachUnit")}
            choose={t("import.unit.fromFile")}
            options={units.map((code) => ({ value: code, label: referenceLabel(OUTREACH_UNITS, code, lang) }))}
          />
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
