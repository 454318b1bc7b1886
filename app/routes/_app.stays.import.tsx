import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
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
import { BatchPreviewCard, TemplateSection, templateColumns, UploadCard, UploadMessages, uploadOutcome } from "~/components/ui/import-preview";
import { PageHeader } from "~/components/ui/page-header";
import { messagesHandle } from "~/utils/message-groups";

export const handle = messagesHandle("exits", "handoffs", "history", "import", "placements");

export const meta = pageTitle("title.upload_stays");

const PAGE = "/stays/import";
const batchParam = z.coerce.number().check(z.int(), z.positive());

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
  const t = useT();
  const lang = useLang();
  const { preview, refusal } = uploadOutcome(useActionData<typeof action>(), batch);
  return (
    <>
      <PageHeader title={t("stays.import.title")} crumbs={[{ to: "/placements/import", label: t("title.upload_referrals") }]} intro={t("stays.import.intro")} />
      <UploadMessages batch={preview} refusal={refusal} done={preview ? t("stays.import.done", { n: formatNumber(lang, preview.validCount), file: preview.fileName }) : ""} />
      {preview?.status === "previewed" ? <StayPreview preview={preview} /> : null}
      <UploadForm refusal={refusal} />
      <StayTemplate />
    </>
  );
}

/** The preview, with the people found again and the exits the file records. */
function StayPreview({ preview }: { preview: Omit<StayBatchPreview, "createdAt" | "importedAt"> }) {
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  return (
    <BatchPreviewCard page={PAGE} preview={preview} ready={t("stays.import.ready", { n: n(preview.validCount) })} importLabel={t("stays.import.import", { n: n(preview.validCount) })}>
      {preview.people ? (
        <div className="alert info" role="status" data-testid="import-people">
          {t("stays.import.people", { nik: n(preview.people.foundByNik), name: n(preview.people.foundByName), new: n(preview.people.new), exits: n(preview.exits) })}
        </div>
      ) : null}
    </BatchPreviewCard>
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
