/**
 * Batch upload of past stays (CSV / XLSX), the pure part: each row is one stay of one person,
 * from the admission (panti, date, bed optional, rehabilitation stage) to the exit when it has
 * one (outcome and the details the exit form asks for that outcome). Cells are read like the
 * referral upload's (app/domain/placement-import.ts: the same person columns, dates and
 * spellings); the exit goes through the exit form's own schema, so a row needs what the form
 * needs. Every error of a row is reported at once. The database checks (people found again,
 * overlaps with the history of people and beds) are app/services/stay-import.server.ts.
 */
import * as z from "zod/mini";
import { checkExitDate, exitDestinationText, exitDetails, exitSchema, type FAMILY_DOCUMENTS, PROVINCES, TRANSPORT_MODES, type ExitInput } from "./exits";
import { idField } from "./fields";
import { importUploadSchema, mergeCategoryDisability, readCommonCell, type CommonMappedValue } from "./placement-import";
import { checkPerson, placementFields } from "./placements";
import { EXIT_OUTCOMES, REHABILITATION_STAGE_CODES, REHABILITATION_STAGES, type ExitOutcome, type RehabilitationStage } from "./reference";
import {
  checkSheetWith,
  headerLookup,
  lookup,
  sheetColumn,
  writtenAs,
  type Fail,
  type Note,
  type SheetCheck,
  type SheetColumn,
  type SheetRow,
  type Translate,
  type ValueMapping,
} from "./sheet-import";

/** A year of one unit fits in one file. */
export const MAX_STAY_IMPORT_ROWS = 8_000;

/** The upload form of past stays: the file alone (the same checks as the referral upload's). */
export const stayUploadSchema = z.pick(importUploadSchema, { file: true });

export const STAY_FIELDS = [
  "personName", "nik", "unidentified", "description", "sex", "birthDate", "estimatedAge", "originProvince", "originCity",
  "ppksCategory", "disabilitySubtypes", "pantiId", "admittedAt", "bedLabel", "stage", "exitedAt", "outcome",
  "familyName", "familyRelation", "familyAddress", "familyPhone", "documents", "province", "city", "transport", "escort",
  "toPantiId", "institutionName", "address", "notes",
] as const;
export type StayField = (typeof STAY_FIELDS)[number];

const column = sheetColumn<StayField>;

/** The columns of a stays upload, in template order. */
export const STAY_IMPORT_COLUMNS: readonly SheetColumn<StayField>[] = [
  column("personName", "nama", "name", "Siti Aminah", { aliases: ["nama_lengkap", "nama_ppks", "nama_penghuni"] }),
  column("nik", "nik", "nik", "", { aliases: ["no_nik", "nomor_nik"] }),
  column("unidentified", "tidak_teridentifikasi", "unidentified", "tidak", { aliases: ["belum_teridentifikasi"] }),
  column("description", "ciri_ciri", "description", "", { aliases: ["ciri"] }),
  column("sex", "jenis_kelamin", "sex", "P", { aliases: ["jk", "kelamin", "gender"], required: true }),
  column("birthDate", "tanggal_lahir", "birth_date", "", { aliases: ["tgl_lahir", "date_of_birth"] }),
  column("estimatedAge", "perkiraan_usia", "estimated_age", "67", { aliases: ["usia", "umur", "age", "usia_saat_masuk"] }),
  column("originProvince", "provinsi_asal", "origin_province", "Jawa Tengah"),
  column("originCity", "kota_asal", "origin_city", "Brebes"),
  column("ppksCategory", "kategori_ppks", "ppks_category", "lansia_terlantar", { aliases: ["kategori", "category"], required: true }),
  column("disabilitySubtypes", "disabilitas", "disabilities", "", { aliases: ["disability", "ragam_disabilitas"] }),
  column("pantiId", "panti", "panti", "PSTW-BM1", { aliases: ["kode_panti", "panti_code"], required: true }),
  column("admittedAt", "tanggal_masuk", "admitted_at", "2024-01-15", { aliases: ["tgl_masuk", "waktu_masuk", "admission_date"], required: true }),
  column("bedLabel", "tempat_tidur", "bed", "", { aliases: ["no_tempat_tidur", "bed_label", "kasur"] }),
  column("stage", "tahap", "stage", "terminasi", { aliases: ["tahap_rehabilitasi", "rehabilitation_stage"] }),
  column("exitedAt", "tanggal_keluar", "exited_at", "2024-06-30", { aliases: ["tgl_keluar", "waktu_keluar", "exit_date"] }),
  column("outcome", "hasil_keluar", "exit_outcome", "Dikembalikan ke keluarga", { aliases: ["alasan_keluar", "terminasi", "outcome"] }),
  column("familyName", "nama_keluarga", "family_name", "Ahmad Yani", { aliases: ["keluarga"] }),
  column("familyRelation", "hubungan_keluarga", "family_relation", "Anak", { aliases: ["hubungan"] }),
  column("familyAddress", "alamat_keluarga", "family_address", "Jl. Melati 5, Brebes"),
  column("familyPhone", "telepon_keluarga", "family_phone", "", { aliases: ["hp_keluarga", "no_hp_keluarga"] }),
  column("documents", "dokumen", "documents", "KTP; KK; Surat pernyataan", { aliases: ["dokumen_keluarga"] }),
  column("province", "provinsi_tujuan", "destination_province", "", { aliases: ["provinsi_pemulangan"] }),
  column("city", "kota_tujuan", "destination_city", "", { aliases: ["kota_pemulangan"] }),
  column("transport", "transportasi", "transport", "", { aliases: ["moda", "kendaraan"] }),
  column("escort", "pendamping", "escort", ""),
  column("toPantiId", "panti_penerima", "transferred_to", "", { aliases: ["dipindah_ke", "panti_rujukan"] }),
  column("institutionName", "nama_lembaga", "institution", "", { aliases: ["lembaga", "rumah_sakit"] }),
  column("address", "alamat_tujuan", "address", "", { aliases: ["alamat_baru"] }),
  column("notes", "catatan_keluar", "exit_notes", "", { aliases: ["catatan", "ringkasan"] }),
];

const fieldForColumn = headerLookup(STAY_IMPORT_COLUMNS);

/** The columns that describe the exit: filled only when the row has one. */
const EXIT_FIELDS: readonly StayField[] = [
  "exitedAt", "outcome", "familyName", "familyRelation", "familyAddress", "familyPhone", "documents", "province", "city",
  "transport", "escort", "toPantiId", "institutionName", "address", "notes",
];

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

const referenceNames = (r: { code: string; nameId: string; nameEn: string }) => [r.code, r.nameId, r.nameEn, r.nameId.replace(/\([^)]*\)/g, "")];

/** Recorded as the reason a past repatriation to an FKD-MPU partner has no hand-off in the app. */
export const HISTORICAL_NO_HANDOFF_REASON = "Catatan lama dari impor riwayat (sebelum serah terima antarprovinsi dicatat di aplikasi)";

/**
 * Words for an exit that panti records use and the register (db/reference/exit-outcomes.csv) does
 * not, and the outcome each is counted as. Shown on the upload page and in the preview.
 */
export const OUTCOME_SPELLINGS: readonly { name: string; outcome: ExitOutcome }[] = [
  { name: "Pulang ke keluarga", outcome: "returned_family" },
  { name: "Reunifikasi", outcome: "returned_family" },
  { name: "Dijemput keluarga", outcome: "returned_family" },
  { name: "Dipulangkan", outcome: "repatriated_home_region" },
  { name: "Pemulangan", outcome: "repatriated_home_region" },
  { name: "Pulang ke daerah asal", outcome: "repatriated_home_region" },
  { name: "Pindah panti", outcome: "transferred_panti" },
  { name: "Dirujuk ke panti lain", outcome: "transferred_panti" },
  { name: "RSJ", outcome: "referred_hospital" },
  { name: "Rumah sakit", outcome: "referred_hospital" },
  { name: "Dirujuk ke RSJ", outcome: "referred_hospital" },
  { name: "Mandiri", outcome: "independent_living" },
  { name: "Bekerja", outcome: "independent_living" },
  { name: "Kabur", outcome: "absconded" },
  { name: "Minggat", outcome: "absconded" },
  { name: "Meninggal", outcome: "deceased" },
  { name: "Wafat", outcome: "deceased" },
  { name: "APS", outcome: "own_request" },
  { name: "Atas permintaan sendiri", outcome: "own_request" },
  { name: "Selesai program", outcome: "programme_completed" },
  { name: "Lulus", outcome: "programme_completed" },
];
const outcomeOf = lookup<ExitOutcome>(EXIT_OUTCOMES.flatMap((o) => referenceNames(o).map((n) => [n, o.code] as const)));
const outcomeSpellingOf = lookup<ExitOutcome>(OUTCOME_SPELLINGS.map((o) => [o.name, o.outcome] as const));

/** An exit outcome by its code, its name in the register, or a spelling of practice ("kabur", "RSJ"). */
export function parseOutcome(value: string): ExitOutcome | null {
  return outcomeOf(value) ?? outcomeSpellingOf(value);
}

/** Short names of the rehabilitation stages that panti records use. */
export const STAGE_SPELLINGS: readonly { name: string; stage: RehabilitationStage }[] = [
  { name: "Pendekatan awal", stage: "pendekatan_awal" },
  { name: "Penerimaan", stage: "pendekatan_awal" },
  { name: "Rencana intervensi", stage: "rencana_intervensi" },
  { name: "Bimbingan", stage: "intervensi" },
  { name: "Resosialisasi", stage: "resosialisasi" },
  { name: "Reintegrasi", stage: "resosialisasi" },
  { name: "Aftercare", stage: "bimbingan_lanjut" },
];
const stageOf = lookup<RehabilitationStage>(REHABILITATION_STAGES.flatMap((s) => referenceNames(s).map((n) => [n, s.code] as const)));
const stageSpellingOf = lookup<RehabilitationStage>(STAGE_SPELLINGS.map((s) => [s.name, s.stage] as const));

export function parseStage(value: string): RehabilitationStage | null {
  return stageOf(value) ?? stageSpellingOf(value);
}

type Province = (typeof PROVINCES)[number];
const provinceOf = lookup<Province>([
  ...PROVINCES.map((p) => [p, p] as const),
  ["Jakarta", "DKI Jakarta"],
  ["DKI", "DKI Jakarta"],
  ["Jabar", "Jawa Barat"],
  ["Jateng", "Jawa Tengah"],
  ["Jatim", "Jawa Timur"],
  ["DIY", "DI Yogyakarta"],
  ["Yogyakarta", "DI Yogyakarta"],
  ["NTB", "Nusa Tenggara Barat"],
  ["NTT", "Nusa Tenggara Timur"],
  ["Sumut", "Sumatera Utara"],
  ["Sumbar", "Sumatera Barat"],
  ["Sumsel", "Sumatera Selatan"],
  ["Sulsel", "Sulawesi Selatan"],
  ["Babel", "Kepulauan Bangka Belitung"],
  ["Kepri", "Kepulauan Riau"],
]);

const transportOf = lookup<(typeof TRANSPORT_MODES)[number]>([
  ...TRANSPORT_MODES.map((m) => [m, m] as const),
  ["bis", "bus"],
  ["kereta", "train"],
  ["kereta api", "train"],
  ["kapal", "ship"],
  ["kapal laut", "ship"],
  ["pesawat", "plane"],
  ["mobil", "car"],
  ["mobil dinas", "car"],
  ["lainnya", "other"],
]);

type FamilyDocument = (typeof FAMILY_DOCUMENTS)[number];
const documentOf = lookup<FamilyDocument>([
  ["ktp", "ktp"],
  ["e-ktp", "ktp"],
  ["kk", "kk"],
  ["kartu keluarga", "kk"],
  ["rtRwLetter", "rtRwLetter"],
  ["surat rt/rw", "rtRwLetter"],
  ["surat pengantar rt/rw", "rtRwLetter"],
  ["rt/rw", "rtRwLetter"],
  ["kelurahanLetter", "kelurahanLetter"],
  ["surat kelurahan", "kelurahanLetter"],
  ["signedStatement", "signedStatement"],
  ["surat pernyataan", "signedStatement"],
  ["pernyataan", "signedStatement"],
]);
const DOCUMENT_FIELD: Record<FamilyDocument, keyof ExitInput> = {
  ktp: "docKtp",
  kk: "docKk",
  rtRwLetter: "docRtRwLetter",
  kelurahanLetter: "docKelurahanLetter",
  signedStatement: "docSignedStatement",
};

/** Family documents separated by ; , or | (not /: "Surat RT/RW" is one document). */
export function parseDocuments(value: string): { codes: FamilyDocument[]; unknown: string[] } {
  const codes: FamilyDocument[] = [];
  const unknown: string[] = [];
  for (const part of value.split(/[;,|\n]+/)) {
    const text = part.trim();
    if (!text) continue;
    const code = documentOf(text);
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unknown.push(text);
  }
  return { codes, unknown };
}

// ---------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------

/** A stay as read from a valid row (instants as Dates). */
export interface StayRowInput {
  personName?: string;
  nik?: string;
  unidentified: boolean;
  description?: string;
  sex: "male" | "female";
  birthDate?: string;
  estimatedAge?: number;
  originProvince?: string;
  originCity?: string;
  ppksCategory: string;
  disabilitySubtypes: string[];
  pantiId: number;
  admittedAt: Date;
  bedLabel?: string;
  stage?: RehabilitationStage;
  exit?: ExitInput;
}

export interface ValidStayRow {
  row: number;
  input: StayRowInput;
}

export type StayMappedValue =
  | CommonMappedValue
  | { field: "outcome"; code: ExitOutcome }
  | { field: "stage"; code: RehabilitationStage }
  | { field: "province"; code: string }
  | { field: "transport"; code: string }
  | { field: "documents"; codes: FamilyDocument[] };

export type StaySheetCheck = SheetCheck<StayField, ValidStayRow, StayMappedValue>;
export type StayValueMapping = ValueMapping<StayMappedValue>;

export interface StayImportContext {
  /** Active panti by code (keys made with `pantiCodeKey`). */
  pantiIdByCode: ReadonlyMap<string, number>;
  /** Whether the uploader may record admissions and exits in a panti. */
  canRecord: (pantiId: number) => boolean;
  strictWidth?: boolean;
  t: Translate;
  errorMap: z.core.$ZodErrorMap;
  now?: Date;
}

const EARLIEST = Date.UTC(2000, 0, 1);

const stayRowSchema = z.object({
  personName: placementFields.personName,
  nik: placementFields.nik,
  unidentified: placementFields.unidentified,
  description: placementFields.description,
  sex: placementFields.sex,
  birthDate: placementFields.birthDate,
  estimatedAge: placementFields.estimatedAge,
  originProvince: placementFields.originProvince,
  originCity: placementFields.originCity,
  ppksCategory: placementFields.ppksCategory,
  disabilitySubtypes: placementFields.disabilitySubtypes,
  pantiId: idField(),
  admittedAt: z.date({ error: "error.datetime" }).check(z.refine((d) => d.getTime() >= EARLIEST, "error.too_old")),
  bedLabel: z.optional(z.string().check(z.maxLength(500))),
  stage: z.optional(z.enum(REHABILITATION_STAGE_CODES)),
}).check(z.superRefine((v, ctx) => checkPerson({ ...v, foundAt: v.admittedAt }, ctx)));

/** Where an issue of the exit schema is shown: the upload's column for each of its fields. */
const EXIT_COLUMN: Partial<Record<keyof ExitInput, StayField>> = {
  outcome: "outcome",
  exitedAt: "exitedAt",
  notes: "notes",
  familyName: "familyName",
  familyRelation: "familyRelation",
  familyAddress: "familyAddress",
  familyPhone: "familyPhone",
  docKtp: "documents",
  docKk: "documents",
  docSignedStatement: "documents",
  province: "province",
  city: "city",
  escort: "escort",
  transport: "transport",
  toPantiId: "toPantiId",
  institutionName: "institutionName",
  address: "address",
};

/**
 * Checks a whole sheet of past stays: the header and the limits, then every row: the person
 * (the referral's rules), the admission (an active panti the uploader may record in, a date not
 * in the future), the stage, and the exit through the exit form's schema.
 */
export function checkStaySheet(rows: readonly SheetRow[], context: StayImportContext, options: { truncated?: boolean } = {}): StaySheetCheck {
  const { t } = context;
  const now = context.now ?? new Date();
  return checkSheetWith<StayField, ValidStayRow, StayMappedValue>(
    {
      columns: STAY_IMPORT_COLUMNS,
      fieldFor: fieldForColumn,
      maxRows: MAX_STAY_IMPORT_ROWS,
      strictWidth: context.strictWidth,
      t,
      longNumberKey: (field) => (field === "nik" ? "import.error.nikAsNumber" : "import.error.longNumber"),
      cell: (field, text, column, input, fail, note) => readStayCell(field, text, column, input, fail, note, context),
      finish: (input, scope) => {
        mergeCategoryDisability(input, scope.failed);
        const exitCells: Record<string, unknown> = {};
        for (const field of EXIT_FIELDS) {
          if (!(field in input)) continue;
          exitCells[field] = input[field];
          delete input[field];
        }
        const result = stayRowSchema.safeParse(input, { error: context.errorMap });
        if (!result.success) scope.zodIssues(result.error.issues);
        const stay = result.success ? result.data : null;
        if (stay && !context.canRecord(stay.pantiId)) scope.issue("pantiId", t("history.error.otherPanti"));
        if (stay && stay.admittedAt.getTime() > now.getTime() + 10 * 60_000) scope.issue("admittedAt", t("error.future"));

        let exit: ExitInput | undefined;
        let exitOk = !EXIT_FIELDS.some((f) => scope.failed.has(f));
        if (exitCells.exitedAt === undefined && exitCells.outcome === undefined) {
          if (!scope.failed.has("exitedAt") && !scope.failed.has("outcome")) {
            for (const field of EXIT_FIELDS) if (exitCells[field] !== undefined) scope.issue(field, t("history.error.exitMissing"));
            exitOk = exitOk && Object.keys(exitCells).length === 0;
          }
        } else {
          const { exitedAt, documents, ...rest } = exitCells;
          const docs = Object.fromEntries(((documents as FamilyDocument[] | undefined) ?? []).map((d) => [DOCUMENT_FIELD[d], true]));
          // A past repatriation to a partner province predates the hand-offs: the import is its reason.
          const parsed = exitSchema.safeParse({ noHandoffReason: HISTORICAL_NO_HANDOFF_REASON, ...rest, ...docs, exitedAt: exitedAt instanceof Date ? exitedAt.toISOString() : exitedAt }, { error: context.errorMap });
          if (!parsed.success) {
            scope.zodIssues(
              parsed.error.issues.map((i) => ({ ...i, path: [EXIT_COLUMN[i.path[0] as keyof ExitInput] ?? "outcome"] })),
            );
            exitOk = false;
          } else {
            exit = parsed.data;
            if (stay) {
              const dates = checkExitDate(stay.admittedAt, exit.exitedAt, now);
              if (!dates.ok) {
                scope.issue("exitedAt", t(dates.messageKey));
                exitOk = false;
              }
            }
            if (exit.outcome === "transferred_panti" && stay && exit.toPantiId === stay.pantiId) {
              scope.issue("toPantiId", t("placement.error.samePanti"));
              exitOk = false;
            }
          }
        }
        if (!stay || !exitOk) return null;
        return { row: scope.row.row, input: exit ? { ...stay, exit } : stay };
      },
    },
    rows,
    options,
  );
}

function readStayCell(
  field: StayField,
  text: string,
  column: number,
  input: Record<string, unknown>,
  fail: Fail<StayField>,
  note: Note<StayMappedValue>,
  context: StayImportContext,
) {
  if (readCommonCell(field, text, column, input, fail, note, context.pantiIdByCode)) return;
  const keep = (value: unknown) => {
    input[field] = value;
  };
  const refuse = (key: string, params?: Record<string, string | number>) => {
    fail(field, column, key, params);
    keep(text);
  };
  const keepCode = (code: string, names: readonly string[], to: StayMappedValue) => {
    if (!writtenAs(text, [code, ...names])) note(column, text, text, to);
    keep(code);
  };
  switch (field) {
    case "outcome": {
      const outcome = parseOutcome(text);
      const names = outcome ? referenceNames(EXIT_OUTCOMES.find((o) => o.code === outcome)!) : [];
      return outcome
        ? keepCode(outcome, names, { field: "outcome", code: outcome })
        : refuse("history.error.outcome", { value: text, spellings: OUTCOME_SPELLINGS.map((o) => o.name).join(", ") });
    }
    case "stage": {
      const stage = parseStage(text);
      const names = stage ? referenceNames(REHABILITATION_STAGES.find((s) => s.code === stage)!) : [];
      return stage ? keepCode(stage, names, { field: "stage", code: stage }) : refuse("history.error.stage", { value: text });
    }
    case "province": {
      const province = provinceOf(text);
      return province ? keepCode(province, [], { field: "province", code: province }) : refuse("history.error.province", { value: text });
    }
    case "transport": {
      const mode = transportOf(text);
      return mode ? keepCode(mode, [], { field: "transport", code: mode }) : refuse("history.error.transport", { value: text, options: TRANSPORT_MODES.join(", ") });
    }
    case "documents": {
      const { codes, unknown } = parseDocuments(text);
      if (unknown.length > 0) return refuse("history.error.documents", { value: unknown.join(", ") });
      note(column, text, text, { field: "documents", codes });
      return keep(codes);
    }
    default:
      return keep(text);
  }
}

/** The exit of a valid row as the stay keeps it: outcome, details and the one-line destination. */
export function stayExit(exit: ExitInput, transferPantiName?: string) {
  return {
    exitedAt: exit.exitedAt,
    outcome: exit.outcome,
    destination: exitDestinationText(exit, transferPantiName),
    details: exitDetails(exit),
    notes: exit.notes ?? null,
  };
}

// ---------------------------------------------------------------------------
// Stored batches, the template, the forms
// ---------------------------------------------------------------------------

/** A valid row as stored in `stay_batches.rows` (JSON: instants as ISO strings). */
export interface StoredStayRow {
  row: number;
  input: Omit<StayRowInput, "admittedAt" | "exit"> & { admittedAt: string; exit?: Omit<ExitInput, "exitedAt"> & { exitedAt: string } };
}

export function toStoredStayRow(valid: ValidStayRow): StoredStayRow {
  const { admittedAt, exit, ...rest } = valid.input;
  return {
    row: valid.row,
    input: { ...rest, admittedAt: admittedAt.toISOString(), ...(exit ? { exit: { ...exit, exitedAt: exit.exitedAt.toISOString() } } : {}) },
  };
}

/** A stored row read back; null when it no longer reads (the batch must be uploaded again). */
export function fromStoredStayRow(stored: StoredStayRow): ValidStayRow | null {
  const admittedAt = new Date(stored.input.admittedAt);
  const exitedAt = stored.input.exit ? new Date(stored.input.exit.exitedAt) : null;
  if (Number.isNaN(admittedAt.getTime()) || (exitedAt && Number.isNaN(exitedAt.getTime()))) return null;
  const { exit, ...rest } = stored.input;
  return { row: stored.row, input: { ...rest, admittedAt, ...(exit && exitedAt ? { exit: { ...exit, exitedAt } } : {}) } };
}

/** The template: the header row and one example row (with a real panti code). */
export function stayTemplateRows(pantiCode: string): string[][] {
  return [STAY_IMPORT_COLUMNS.map((c) => c.header), STAY_IMPORT_COLUMNS.map((c) => (c.field === "pantiId" ? pantiCode : c.example))];
}


