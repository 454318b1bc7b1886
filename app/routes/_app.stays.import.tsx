import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod";
import { CATEGORY_SPELLINGS } from "~/domain/placement-import";
import { EXIT_OUTCOMES, PPKS_CATEGORIES, REHABILITATION_STAGES, referenceLabel } from "~/domain/reference";
import { MAX_STAY_IMPORT_ROWS, OUTCOME_SPELLINGS, STAGE_SPELLINGS, STAY_IMPORT_COLUMNS, stayUploadSchema, type StayField } from "~/domain/stay-import";
import { discardStays, importStays, previewStays, stayBatchSummary, type StayBatchPreview } from "~/services/stay-import.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { formatNumber } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { useLang, useT } from "~/utils/use-i18n";
import { decideBatch, isUpload, uploadAndPreview } from "~/utils/upload.server";
import type { FormFailure } from "~/utils/validation";
import { Flash } from "~/components/ui/flash";
import { BatchDecision, ImportCounts, ImportErrors, MappingsTable, TemplateSection, templateColumns, UploadCard } from "~/components/ui/import-preview";
import { PageHeader } from "~/components/ui/page-header";
import { FormError } from "~/components/forms/field";

export const meta = pageTitle("title.upload_stays");

const PAGE = "/stays/import";
const batchParam = z.coerce.number().int().positive();

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement:decide");
  await requirePermission(request, "stay:exit");
  const raw = new URL(request.url).searchParams.get("batch");
  if (raw === null) return { batch: null };
  const id = batchParam.safeParse(raw);
  const batch = id.success ? stayBatchSummary(user, id.data) : null;
  if (!batch) throw notFound();
  return { batch };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "placement:decide");
  const lang = await getLang(request);
  if (!isUpload(request)) return decideBatch(request, lang, PAGE, (intent, id) => (intent === "import" ? importStays(user, id) : discardStays(user, id)));
  return uploadAndPreview(request, lang, stayUploadSchema, ({ file }, bytes) => previewStays(user, { fileName: file.name, bytes, lang }));
}

const PERSON_LABELS: Partial<Record<StayField, string>> = {
  personName: "placement.personName",
  nik: "placement.nik",
  unidentified: "placement.unidentified",
  description: "placement.description",
  sex: "placement.sex",
  birthDate: "placement.birthDate",
  estimatedAge: "placement.estimatedAge",
  originProvince: "placement.originProvince",
  originCity: "placement.originCity",
  ppksCategory: "placement.ppksCategory",
  disabilitySubtypes: "placement.disabilitySubtypes",
};

const FORMAT_HINTS: Partial<Record<StayField, string>> = {
  sex: "import.format.sex",
  birthDate: "import.format.date",
  nik: "import.format.nik",
  unidentified: "import.format.yesNo",
  ppksCategory: "import.format.category",
  disabilitySubtypes: "import.format.disability",
  pantiId: "import.format.panti",
  toPantiId: "import.format.panti",
  admittedAt: "import.format.datetime",
  exitedAt: "import.format.datetime",
  bedLabel: "import.format.bed",
};

export default function StayImportPage() {
  const { batch } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const uploaded = actionData && "preview" in actionData ? actionData.preview : null;
  const preview = uploaded ?? batch ?? null;
  const failed = actionData && !actionData.ok ? actionData : null;
  const refusal = failed && !("preview" in failed) ? failed : null;
  return (
    <>
      <PageHeader title={t("stays.import.title")} crumbs={[{ to: "/placements/import", label: t("title.upload_referrals") }]} intro={t("stays.import.intro")} />
      <Flash
        testId="import-done"
        message={preview?.status === "imported" ? t("stays.import.done", { n: formatNumber(lang, preview.validCount), file: preview.fileName }) : null}
      />
      <Flash tone="info" message={preview?.status === "discarded" ? t("import.discarded", { file: preview.fileName }) : null} />
      <FormError message={refusal ? (refusal.formError ?? t("error.invalid")) : null} />
      {preview?.status === "previewed" ? <StayPreview preview={preview} /> : null}
      <UploadForm refusal={refusal} />
      <StayTemplate />
    </>
  );
}

function StayPreview({ preview }: { preview: StayBatchPreview | (Omit<StayBatchPreview, "createdAt" | "importedAt"> & { createdAt: string; importedAt: string | null }) }) {
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  return (
    <section className="card stack" aria-labelledby="preview-title" data-testid="import-preview">
      <h2 id="preview-title">{t("import.preview.title", { file: preview.fileName })}</h2>
      <ImportCounts preview={preview} />
      {preview.people ? (
        <div className="alert info" role="status" data-testid="import-people">
          {t("stays.import.people", { nik: n(preview.people.foundByNik), name: n(preview.people.foundByName), new: n(preview.people.new), exits: n(preview.exits) })}
        </div>
      ) : null}
      {preview.mappings.length > 0 ? <MappingsTable mappings={preview.mappings} /> : null}
      {preview.errors.length > 0 ? (
        <ImportErrors errors={preview.errors} invalidRowCount={preview.invalidRowCount} />
      ) : (
        <BatchDecision page={PAGE} batchId={preview.batchId} ready={t("stays.import.ready", { n: n(preview.validCount) })} importLabel={t("stays.import.import", { n: n(preview.validCount) })} />
      )}
    </section>
  );
}

function UploadForm({ refusal }: { refusal: FormFailure | null }) {
  const t = useT();
  const lang = useLang();
  return (
    <UploadCard page={PAGE} limits={t("stays.import.limits", { rows: formatNumber(lang, MAX_STAY_IMPORT_ROWS) })} schema={stayUploadSchema} server={refusal}>
      {() => (
        <p className="small">
          <Link to="/placements/import">{t("title.upload_referrals")}</Link>
        </p>
      )}
    </UploadCard>
  );
}

function StayTemplate() {
  const t = useT();
  const lang = useLang();
  const columns = templateColumns(
    STAY_IMPORT_COLUMNS,
    (field) => t.dynamic(PERSON_LABELS[field] ?? `stays.field.${field}`),
    (field) => (FORMAT_HINTS[field] ? t.dynamic(FORMAT_HINTS[field]!) : ""),
  );
  const spellings = [
    ...CATEGORY_SPELLINGS.map((c) => ({ column: "kategori_ppks", name: c.name, becomes: referenceLabel(PPKS_CATEGORIES, c.category, lang) })),
    ...OUTCOME_SPELLINGS.map((o) => ({ column: "hasil_keluar", name: o.name, becomes: referenceLabel(EXIT_OUTCOMES, o.outcome, lang) })),
    ...STAGE_SPELLINGS.map((s) => ({ column: "tahap", name: s.name, becomes: referenceLabel(REHABILITATION_STAGES, s.stage, lang) })),
  ];
  return <TemplateSection base={PAGE} body={t("stays.import.template.body")} columns={columns} spellings={spellings} />;
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ui/route-error-boundary";
