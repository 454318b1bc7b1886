/**
 * Batch upload of referrals (CSV / XLSX), the pure part: which column means which field of
 * `placementInputSchema`, how the values people type into spreadsheets become what the schema
 * parses (L/P, ya/tidak, category names, Indonesian date formats, Excel serial dates), and the
 * check of a whole sheet into valid inputs and row errors `{ row, field, message }`.
 *
 * Rows are numbered as the user sees them in the spreadsheet: the header is row 1. Fields are
 * named by the column as written in the file. Reading files and the database live elsewhere
 * (app/utils/xlsx.server.ts, app/services/placement-import.server.ts).
 */
import * as z from "zod/mini";
import { KOTA, REACH_METHODS, SEXES, type ReachMethod, type Sex } from "./enums";
import { idField } from "./fields";
import { placementInputSchema, type PlacementInput } from "./placements";
import {
  DISABILITY_SUBTYPES,
  OUTREACH_UNIT_CODES,
  OUTREACH_UNITS,
  PPKS_CATEGORIES,
  type DisabilitySubtype,
  type OutreachUnit,
  type PpksCategory,
} from "./reference";
import {
  checkSheetWith,
  columnLetter,
  headerKey,
  headerLookup,
  lookup,
  mapHeaderWith,
  sheetColumn,
  valueKey,
  writtenAs,
  type Fail as SheetFail,
  type FileProblem,
  type HeaderMapping as SheetHeaderMapping,
  type Note as SheetNote,
  type RowError,
  type RowScope,
  type SheetCheck as SheetCheckOf,
  type SheetColumn,
  type SheetRow,
  type Translate,
  type ValueMapping as SheetValueMapping,
} from "./sheet-import";
import { isCalendarDate, jakartaDate, parseJakartaDateTime } from "./time";

/** At most this many data rows per file (the header not counted, blank rows not counted). */
export const MAX_IMPORT_ROWS = 8_000;
/** At most this many bytes per file (5 MB). */
export const MAX_IMPORT_BYTES = 5_000_000;

/** The columns of a historical referral's decision (optional: a referral without one waits in the queue). */
export const DECISION_FIELDS = ["decision", "decidedAt", "decisionReason", "redirectPantiId", "bedLabel"] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];
export type ImportField = keyof PlacementInput | DecisionField;

export type ImportColumn = SheetColumn<ImportField>;
const column = sheetColumn<ImportField>;

/** The columns of an upload, in template order. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  column("outreachUnit", "unit_p3s", "outreach_unit", "sudin_jakbar", { aliases: ["unit", "unit_penjangkauan", "kode_unit"], required: true }),
  column("officerName", "nama_petugas", "officer_name", "Rudi Hartono", { aliases: ["petugas", "officer"], required: true }),
  column("foundAt", "waktu_ditemukan", "found_at", "2026-03-02 21:15", { aliases: ["waktu", "tanggal_ditemukan", "tgl_ditemukan"], required: true }),
  column("foundKota", "kota", "city", "Jakarta Barat", { aliases: ["kota_ditemukan", "found_city"] }),
  column("foundKecamatan", "kecamatan", "district", "Tambora", { aliases: ["found_district"] }),
  column("foundKelurahan", "kelurahan", "subdistrict", "Jembatan Besi", { aliases: ["found_subdistrict", "desa"] }),
  column("foundPlace", "lokasi", "place", "Halte Jembatan Besi", { aliases: ["lokasi_ditemukan", "tempat", "found_place"] }),
  column("reachMethod", "cara_penjangkauan", "reach_method", "patrol", { aliases: ["penjangkauan"], required: true }),
  column("personName", "nama", "name", "Siti Aminah", { aliases: ["nama_lengkap", "nama_ppks"] }),
  column("unidentified", "tidak_teridentifikasi", "unidentified", "tidak", { aliases: ["belum_teridentifikasi"] }),
  column("description", "ciri_ciri", "description", "", { aliases: ["ciri"] }),
  column("sex", "jenis_kelamin", "sex", "P", { aliases: ["jk", "kelamin", "gender"], required: true }),
  column("birthDate", "tanggal_lahir", "birth_date", "", { aliases: ["tgl_lahir", "date_of_birth"] }),
  column("estimatedAge", "perkiraan_usia", "estimated_age", "67", { aliases: ["usia", "umur", "age"] }),
  column("nik", "nik", "nik", "", { aliases: ["no_nik", "nomor_nik"] }),
  column("kk", "kk", "kk", "", { aliases: ["no_kk", "nomor_kk", "family_card"] }),
  column("originProvince", "provinsi_asal", "origin_province", "Jawa Tengah"),
  column("originCity", "kota_asal", "origin_city", "Brebes"),
  column("ppksCategory", "kategori_ppks", "ppks_category", "lansia_terlantar", { aliases: ["kategori", "category"], required: true }),
  column("disabilitySubtypes", "disabilitas", "disabilities", "", { aliases: ["disability", "ragam_disabilitas"] }),
  column("assessmentSummary", "ringkasan_asesmen", "assessment_summary", "Lansia tidur di halte, tidak ingat alamat keluarga.", {
    aliases: ["asesmen", "assessment"],
    required: true,
  }),
  column("healthNotes", "kesehatan", "health", "Tekanan darah tinggi", { aliases: ["kondisi_kesehatan", "health_notes"] }),
  column("urgentNeeds", "kebutuhan_mendesak", "urgent_needs", "Obat hipertensi"),
  column("belongings", "barang_bawaan", "belongings", "Tas berisi pakaian"),
  column("targetPantiId", "panti_tujuan", "target_panti", "PSTW-BM1", { aliases: ["kode_panti", "panti"], required: true }),
  column("externalRef", "ref_eksternal", "external_ref", "JB-2026-0001", { aliases: ["nomor_rujukan", "no_rujukan", "referensi"] }),
  column("decision", "keputusan", "decision", "", { aliases: ["status_rujukan", "hasil_rujukan", "keputusan_panti"] }),
  column("decidedAt", "tanggal_keputusan", "decided_at", "", { aliases: ["tanggal_masuk", "tgl_masuk", "admitted_at", "waktu_keputusan"] }),
  column("bedLabel", "tempat_tidur", "bed", "", { aliases: ["no_tempat_tidur", "bed_label", "kasur"] }),
  column("decisionReason", "alasan_keputusan", "decision_reason", "", { aliases: ["alasan", "alasan_ditolak"] }),
  column("redirectPantiId", "dialihkan_ke", "redirected_to", "", { aliases: ["panti_pengalihan", "redirect_panti"] }),
];

const fieldForColumn = headerLookup(IMPORT_COLUMNS);

/** The field a header names, or null for an unknown column. */
export function fieldForHeader(name: string): ImportField | null {
  return fieldForColumn(name);
}

export type HeaderMapping = SheetHeaderMapping<ImportField>;

export function mapHeader(header: readonly string[]): HeaderMapping {
  return mapHeaderWith(fieldForColumn, header);
}

export { columnLetter, headerKey };

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

const YES = new Set(["ya", "y", "yes", "iya", "benar", "true", "1"]);
const NO = new Set(["tidak", "tdk", "no", "n", "bukan", "false", "0"]);

/** ya/tidak, yes/no, 1/0, TRUE/FALSE; null when it is none of these. */
export function parseYesNo(value: string): boolean | null {
  const key = valueKey(value);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return null;
}

const sexOf = lookup<Sex>([
  ...SEXES.map((s) => [s, s] as const),
  ["L", "male"],
  ["LK", "male"],
  ["laki-laki", "male"],
  ["laki laki", "male"],
  ["laki", "male"],
  ["pria", "male"],
  ["M", "male"],
  ["P", "female"],
  ["PR", "female"],
  ["perempuan", "female"],
  ["wanita", "female"],
  ["F", "female"],
]);

/** L/P, laki-laki/perempuan, pria/wanita, male/female, M/F. */
export function parseSex(value: string): Sex | null {
  return sexOf(value);
}

const categoryOf = lookup<PpksCategory>(
  PPKS_CATEGORIES.flatMap((c) => {
    const names: [string, PpksCategory][] = [
      [c.code, c.code],
      [c.nameId, c.code],
      [c.nameEn, c.code],
      [c.nameId.replace(/\([^)]*\)/g, ""), c.code],
    ];
    // The short name in brackets, e.g. "ABH", "ODHA", "TPPO".
    const short = /\(([^)]+)\)/.exec(c.nameId)?.[1];
    if (short) names.push([short, c.code]);
    return names;
  }),
);

/**
 * Names for people that outreach spreadsheets use but the register of PPKS categories
 * (db/reference/ppks-categories.csv) does not have, and the category each is counted under; some
 * also say a disability subtype, added to the row's disabilities. Shown on the upload page and in
 * docs/decisions/012-import-spellings.md, which gives the reasons.
 */
export const CATEGORY_SPELLINGS: readonly { name: string; category: PpksCategory; disability?: DisabilitySubtype }[] = [
  { name: "ODGJ", category: "penyandang_disabilitas", disability: "mental" },
  { name: "Orang dengan gangguan jiwa", category: "penyandang_disabilitas", disability: "mental" },
  { name: "Pengamen", category: "pengemis" },
  { name: "Manusia gerobak", category: "gelandangan" },
  { name: "Gepeng", category: "gelandangan" },
  { name: "Gelandangan dan pengemis", category: "gelandangan" },
  { name: "Gelandangan pengemis", category: "gelandangan" },
  { name: "Tunawisma", category: "gelandangan" },
  { name: "Anjal", category: "anak_jalanan" },
  { name: "Lansia", category: "lansia_terlantar" },
  { name: "Lansia terlantar", category: "lansia_terlantar" },
];

const categorySpellingOf = lookup(CATEGORY_SPELLINGS.map((c, i) => [c.name, String(i)] as const));

/** A category as read from a cell, with the disability subtype its name also says (ODGJ: mental). */
export interface CategoryReading {
  category: PpksCategory;
  disability?: DisabilitySubtype;
  /** Written as a spelling of practice (CATEGORY_SPELLINGS), not as the register names it. */
  mapped: boolean;
}

/** A PPKS category by its code, its Indonesian or English name, or a spelling of practice. */
export function readCategory(value: string): CategoryReading | null {
  const code = categoryOf(value);
  if (code) return { category: code, mapped: false };
  const index = categorySpellingOf(value);
  if (index === null) return null;
  const spelling = CATEGORY_SPELLINGS[Number(index)]!;
  return { category: spelling.category, ...(spelling.disability ? { disability: spelling.disability } : {}), mapped: true };
}

/** A PPKS category by its code, its Indonesian or English name, or a spelling of practice. */
export function parseCategory(value: string): PpksCategory | null {
  return readCategory(value)?.category ?? null;
}

const disabilityOf = lookup<DisabilitySubtype>([
  ...DISABILITY_SUBTYPES.flatMap((d) => [
    [d.code, d.code] as const,
    [d.nameId, d.code] as const,
    [d.nameId.replace(/\([^)]*\)/g, ""), d.code] as const,
    [d.nameEn, d.code] as const,
    [d.nameEn.replace(/\([^)]*\)/g, ""), d.code] as const,
  ]),
  ["ODGJ", "mental"],
  ["physical", "fisik"],
  ["intellectual", "intelektual"],
  ["sensory", "sensorik"],
  ["multiple", "ganda"],
]);

/** Disability subtypes separated by ; , / or |, each a code or a name. */
export function parseDisabilities(value: string): { codes: DisabilitySubtype[]; unknown: string[] } {
  const codes: DisabilitySubtype[] = [];
  const unknown: string[] = [];
  for (const part of value.split(/[;,/|\n]+/)) {
    const text = part.trim();
    if (!text) continue;
    const code = disabilityOf(text);
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else {
      unknown.push(text);
    }
  }
  return { codes, unknown };
}

const REACH_LABELS: Record<ReachMethod, readonly string[]> = {
  patrol: ["patroli", "patroli rutin", "penjangkauan rutin", "Patroli / penjangkauan rutin"],
  public_report: ["laporan masyarakat", "laporan warga", "aduan masyarakat"],
  jaki_report: ["jaki", "laporan jaki"],
  satpol_pp_handover: ["satpol pp", "serahan satpol pp"],
  police_handover: ["polisi", "kepolisian", "serahan polisi", "serahan kepolisian"],
  walk_in: ["datang sendiri"],
  panti_transfer: ["pindahan", "pindahan panti", "pindahan dari panti lain"],
  other: ["lainnya", "lain-lain"],
};
/**
 * Words for how a person was reached that spreadsheets use and REACH_METHODS does not: a razia or
 * operasi is an enforcement operation under Perda DKI 8/2007 led by Satpol PP, who hand the people
 * over to Dinsos; a unit's own rounds are "penjangkauan" (patrol). See docs/decisions/012.
 */
export const REACH_SPELLINGS: readonly { name: string; method: ReachMethod }[] = [
  { name: "Razia", method: "satpol_pp_handover" },
  { name: "Razia gabungan", method: "satpol_pp_handover" },
  { name: "Operasi", method: "satpol_pp_handover" },
  { name: "Operasi penertiban", method: "satpol_pp_handover" },
  { name: "Penertiban", method: "satpol_pp_handover" },
  { name: "Penjangkauan", method: "patrol" },
  { name: "Operasi penjangkauan", method: "patrol" },
];

/** The decisions a historical referral may carry, with the words the panti's own records use. */
export const IMPORTED_DECISIONS = ["accepted", "declined", "redirected"] as const;
type Decision = (typeof IMPORTED_DECISIONS)[number];
const DECISION_LABELS: Record<Decision, readonly string[]> = {
  accepted: ["diterima", "accept"],
  declined: ["ditolak", "decline", "rejected"],
  redirected: ["dialihkan", "redirect"],
};
/**
 * Words for a referral's decision that spreadsheets use: "masuk" or "ditampung" (the person came
 * in), "tidak diterima", "dirujuk ke panti lain" ... Shown in the preview as what they became.
 */
export const DECISION_SPELLINGS: readonly { name: string; decision: Decision }[] = [
  { name: "Masuk", decision: "accepted" },
  { name: "Masuk panti", decision: "accepted" },
  { name: "Ditampung", decision: "accepted" },
  { name: "Tidak diterima", decision: "declined" },
  { name: "Tolak", decision: "declined" },
  { name: "Dirujuk ke panti lain", decision: "redirected" },
  { name: "Dialihkan ke panti lain", decision: "redirected" },
  { name: "Pindah panti", decision: "redirected" },
];
const decisionOf = lookup<Decision>(IMPORTED_DECISIONS.flatMap((d) => [[d, d] as const, ...DECISION_LABELS[d].map((l) => [l, d] as const)]));
const decisionSpellingOf = lookup<Decision>(DECISION_SPELLINGS.map((d) => [d.name, d.decision] as const));

/** A referral's decision by its code, an Indonesian word ("diterima") or a spelling of practice ("masuk"). */
export function parseDecision(value: string): Decision | null {
  return decisionOf(value) ?? decisionSpellingOf(value);
}

const reachOf = lookup<ReachMethod>(REACH_METHODS.flatMap((m) => [[m, m] as const, ...REACH_LABELS[m].map((l) => [l, m] as const)]));
const reachSpellingOf = lookup<ReachMethod>(REACH_SPELLINGS.map((r) => [r.name, r.method] as const));

/** A reach method by its code, an Indonesian name ("patroli", "laporan masyarakat" ...) or a spelling of practice ("razia"). */
export function parseReachMethod(value: string): ReachMethod | null {
  return reachOf(value) ?? reachSpellingOf(value);
}

type Kota = (typeof KOTA)[number];
const kotaOf = lookup<Kota>([
  ...KOTA.map((k) => [k, k] as const),
  ["Jakpus", "Jakarta Pusat"],
  ["Jakut", "Jakarta Utara"],
  ["Jakbar", "Jakarta Barat"],
  ["Jaksel", "Jakarta Selatan"],
  ["Jaktim", "Jakarta Timur"],
  ["Kep Seribu", "Kepulauan Seribu"],
  ["Pulau Seribu", "Kepulauan Seribu"],
]);

/** A city of DKI by its name, with or without "Kota (Administrasi)", or its short form. */
export function parseKota(value: string): Kota | null {
  const stripped = value.replace(/^\s*(kota|kabupaten|kab\.?)(\s+adm(inistrasi|\.)?)?\s+/i, "");
  return kotaOf(stripped) ?? kotaOf(value);
}

const unitOf = lookup<OutreachUnit>(
  OUTREACH_UNITS.flatMap((u) => {
    const names: [string, OutreachUnit][] = [
      [u.code, u.code],
      [u.nameId, u.code],
      [u.code.replace(/^sudin_/, ""), u.code],
    ];
    if (u.kota) names.push([u.kota, u.code]);
    return names;
  }),
);

/** An outreach unit by its code ("sudin_jakbar"), short code ("jakbar"), name or city. */
export function parseOutreachUnit(value: string): OutreachUnit | null {
  return unitOf(value);
}

/** A panti code as the lookup map keys it: trimmed, upper case, no inner spaces. */
export function pantiCodeKey(code: string): string {
  return code.normalize("NFKC").trim().toUpperCase().replace(/\s+/g, "");
}

const pad = (n: number) => String(n).padStart(2, "0");
const EXCEL_EPOCH_OFFSET_DAYS = 25_569; // 1970-01-01 as an Excel serial (1900 date system)

/** An Excel serial date (days since 1899-12-30, fraction = time of day) as wall-clock parts. */
function excelSerialParts(serial: number) {
  const ms = Math.round(((serial - EXCEL_EPOCH_OFFSET_DAYS) * 86_400_000) / 1000) * 1000;
  const d = new Date(ms);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
}

/** Month names and short forms, Indonesian (and English), as written in dates: "02 Januari 2023", "2 Agt 2023". */
const MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, ["januari", "jan", "january"]],
      [2, ["februari", "pebruari", "feb", "peb", "february"]],
      [3, ["maret", "mar", "march"]],
      [4, ["april", "apr"]],
      [5, ["mei", "may"]],
      [6, ["juni", "jun", "june"]],
      [7, ["juli", "jul", "july"]],
      [8, ["agustus", "agu", "agt", "ags", "agus", "aug", "august"]],
      [9, ["september", "sep", "sept"]],
      [10, ["oktober", "okt", "oct", "october"]],
      [11, ["november", "nopember", "nov", "nop"]],
      [12, ["desember", "des", "dec", "december"]],
    ] as const
  ).flatMap(([month, names]) => names.map((name) => [name, month] as const)),
);
const WEEKDAY = /^(senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\s*,?\s*/i;
const DAY_MONTH_NAME = /^(\d{1,2})[\s.-]+([a-z]+)\.?[\s.-]+(\d{4})(?:[,\s]+(?:(?:pukul|pkl|jam)\.?\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/i;

/** "02 Januari 2023", "Senin, 2 Jan 2023 21.15", "2-Agt-2023 pukul 06:30": parts, or null. */
function monthNameParts(text: string) {
  const m = DAY_MONTH_NAME.exec(text.replace(WEEKDAY, ""));
  const month = m ? MONTHS.get(m[2]!.toLowerCase()) : undefined;
  if (!m || month === undefined) return null;
  const time = m[4] !== undefined ? { h: +m[4], mi: +m[5]!, s: m[6] ? +m[6] : 0 } : null;
  return { y: +m[3]!, mo: month, d: +m[1]!, time };
}

const SERIAL = /^\d{5}(\.\d+)?$/;
const YMD_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[T ]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/;
const DMY_TIME = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})[T, ]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/;
const YMD = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function localDateTime(y: number, mo: number, d: number, h: number, mi: number, s: number): Date | null {
  return parseJakartaDateTime(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`);
}

/** A found-at time as read: the instant, whether the cell gave a time, and whether it named the month. */
export interface FoundAtReading {
  at: Date;
  /** False for a date alone ("2023-01-02", "02/01/2023", "2 Januari 2023"): taken at 00:00 WIB. */
  timeGiven: boolean;
  monthName: boolean;
}

/**
 * When the person was found: "2026-03-02 21:15" (WIB), "2026-03-02T21:15", "02/03/2026 21.15"
 * (day first, as in Indonesia), "2 Maret 2026 21.15" (an Indonesian or English month name, short
 * or whole, after an optional weekday), an ISO instant with an offset ("...+07:00", "...Z"; what
 * XLSX date cells become) or an Excel serial date-time. A trailing "WIB" is allowed. A date
 * without a time is taken at 00:00 WIB (the day stays the day written) and says so in
 * `timeGiven`. Null when unreadable.
 */
export function readFoundAt(value: string): FoundAtReading | null {
  const text = value.trim().replace(/\s*WIB$/i, "");
  const reading = (at: Date | null, timeGiven: boolean, monthName = false) => (at ? { at, timeGiven, monthName } : null);
  let m = YMD_TIME.exec(text);
  if (m) return reading(localDateTime(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0), true);
  m = DMY_TIME.exec(text);
  if (m) return reading(localDateTime(+m[3]!, +m[2]!, +m[1]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0), true);
  if ((m = YMD.exec(text))) return reading(localDateTime(+m[1]!, +m[2]!, +m[3]!, 0, 0, 0), false);
  if ((m = DMY.exec(text))) return reading(localDateTime(+m[3]!, +m[2]!, +m[1]!, 0, 0, 0), false);
  const named = monthNameParts(text);
  if (named) {
    const { h, mi, s } = named.time ?? { h: 0, mi: 0, s: 0 };
    return reading(localDateTime(named.y, named.mo, named.d, h, mi, s), named.time !== null, true);
  }
  if (SERIAL.test(text) && text.includes(".")) {
    const p = excelSerialParts(Number(text));
    return reading(localDateTime(p.y, p.mo, p.d, p.h, p.mi, p.s), true);
  }
  return reading(parseJakartaDateTime(text), true);
}

/** The instant of `readFoundAt`, or null. */
export function parseImportDateTime(value: string): Date | null {
  return readFoundAt(value)?.at ?? null;
}

/**
 * A calendar date as YYYY-MM-DD from "1980-05-15", "15/05/1980", "15-05-1980", "15.05.1980",
 * "15 Mei 1980", an XLSX date cell (ISO, read in WIB) or a five-digit Excel serial date. Null when unreadable.
 */
export function parseImportDate(value: string): string | null {
  const text = value.trim();
  let y: number, mo: number, d: number;
  let m = YMD.exec(text);
  if (m) [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  else if ((m = DMY.exec(text))) [y, mo, d] = [+m[3]!, +m[2]!, +m[1]!];
  else if (monthNameParts(text)?.time === null) ({ y, mo, d } = monthNameParts(text)!);
  else if (/^\d{5}$/.test(text)) {
    // A five-digit number is an Excel serial date (1927 onwards); four digits would be a year.
    const p = excelSerialParts(Number(text));
    [y, mo, d] = [p.y, p.mo, p.d];
  } else {
    const instant = parseImportDateTime(text);
    return instant ? jakartaDate(instant) : null;
  }
  const date = `${String(y).padStart(4, "0")}-${pad(mo)}-${pad(d)}`;
  return isCalendarDate(date) ? date : null;
}

/** "45", "45 tahun", "± 45 th", "45.0" → "45"; anything else is left for the schema to refuse. */
export function normaliseAge(value: string): string {
  const text = value
    .trim()
    .replace(/^(±|\+\/-|~|sekitar|kira-kira|kurang lebih|about)\s*/i, "")
    .replace(/\s*(tahun|thn|th|years?|yrs?|y)\.?$/i, "")
    .trim();
  return /^\d+\.0+$/.test(text) ? text.replace(/\.0+$/, "") : text;
}

/** An identity number written as a number somewhere on its way: "3.17301E+15", "3173...0.0". */
const NUMBER_SHAPED_ID = /^(\d(\.\d+)?e\+?\d+|\d+\.\d+)$/i;

/** Spaces and an Excel text marker (a leading apostrophe) removed from a NIK or KK. */
export function normaliseIdNumber(value: string): string {
  return value.trim().replace(/^'/, "").replace(/[\s\u00A0]+/g, "");
}

// ---------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------

export type { FileProblem, RowError, SheetRow, Translate };

/** A historical referral's decision, as read from its row. */
export type ImportedDecision =
  | { status: "accepted"; at: Date; bed: string | null }
  | { status: "declined"; at: Date; reason: string }
  | { status: "redirected"; at: Date; reason: string; toPantiId: number };

export interface ValidRow {
  row: number;
  input: PlacementInput;
  /** The decision the panti took back then; none: the referral waits in the queue. */
  decision?: ImportedDecision;
}

export interface ImportContext {
  /** Active panti by code (keys made with `pantiCodeKey`). */
  pantiIdByCode: ReadonlyMap<string, number>;
  /** The unit of rows whose unit cell is empty (chosen on the form, or the officer's own). */
  defaultUnit?: string | null;
  /** Whether the uploader may refer on behalf of a unit. */
  canUseUnit: (unit: string) => boolean;
  /** Whether the uploader may record a panti's decision on its referrals (none: no decision column may be filled). */
  canDecide?: (pantiId: number) => boolean;
  /** More cells than header names in a row is an error (CSV: a delimiter inside a value). */
  strictWidth?: boolean;
  t: Translate;
  errorMap: z.core.$ZodErrorMap;
  /** The time of the check: a decision may not be later. */
  now?: Date;
}

/** What a value written in the file's own words became. */
export type MappedValue = { field: "outreachUnit" | "foundKota" | "reachMethod" | "decision"; code: string } | CommonMappedValue;

export type ValueMapping = SheetValueMapping<MappedValue>;

export type SheetCheck = SheetCheckOf<ImportField, ValidRow, MappedValue>;

/**
 * Checks a whole sheet: the header (unknown columns reported once; missing required and
 * duplicated columns stop the check), the limits, then every data row through
 * `placementInputSchema` after normalising its values, and its decision when it has one.
 * References repeated inside the file are errors on the later rows. The database checks
 * (existing references, beds and people of accepted rows) are the caller's.
 */
export function checkSheet(rows: readonly SheetRow[], context: ImportContext, options: { truncated?: boolean } = {}): SheetCheck {
  const { t } = context;
  const firstRowOfRef = new Map<string, number>();
  const now = context.now ?? new Date();
  return checkSheetWith<ImportField, ValidRow, MappedValue>(
    {
      columns: IMPORT_COLUMNS,
      fieldFor: fieldForColumn,
      maxRows: MAX_IMPORT_ROWS,
      mayLack: (field) => field === "outreachUnit" && Boolean(context.defaultUnit),
      strictWidth: context.strictWidth,
      t,
      longNumberKey: (field) => (field === "nik" || field === "kk" ? "import.error.nikAsNumber" : "import.error.longNumber"),
      cell: (field, text, column, input, fail, note) => normaliseCell(field, text, column, input, fail, context, note),
      finish: (input, scope) => {
        mergeCategoryDisability(input, scope.failed);
        if (input.outreachUnit === undefined && !scope.failed.has("outreachUnit") && context.defaultUnit) {
          input.outreachUnit = context.defaultUnit;
        }
        const decisionCells: Partial<Record<DecisionField, unknown>> = {};
        for (const field of DECISION_FIELDS) {
          if (!(field in input)) continue; // (no delete of absent keys: it slows every later access)
          decisionCells[field] = input[field];
          delete input[field];
        }

        const result = placementInputSchema.safeParse(input, { error: context.errorMap });
        if (!result.success) scope.zodIssues(result.error.issues);
        const parsed = result.success ? result.data : null;
        if (parsed && !context.canUseUnit(parsed.outreachUnit)) scope.issue("outreachUnit", t("placement.error.otherUnit"));
        if (parsed?.externalRef) {
          const key = `${parsed.outreachUnit}\u0000${parsed.externalRef}`;
          const first = firstRowOfRef.get(key);
          if (first !== undefined) scope.issue("externalRef", t("import.error.refRepeated", { ref: parsed.externalRef, row: first }));
          else firstRowOfRef.set(key, scope.row.row);
        }
        const decision = readDecision(decisionCells, parsed, scope, context, now);
        if (!parsed || decision === null) return null;
        return decision ? { row: scope.row.row, input: parsed, decision } : { row: scope.row.row, input: parsed };
      },
    },
    rows,
    options,
  );
}

/** A row's decision: undefined when it has none, null when it has issues (reported). */
function readDecision(
  cells: Partial<Record<DecisionField, unknown>>,
  parsed: PlacementInput | null,
  scope: RowScope<ImportField>,
  context: ImportContext,
  now: Date,
): ImportedDecision | undefined | null {
  const { t } = context;
  const { failed } = scope;
  const status = cells.decision as ImportedDecision["status"] | undefined;
  if (status === undefined) {
    if (failed.has("decision")) return null;
    const stray = DECISION_FIELDS.filter((f) => f !== "decision" && (cells[f] !== undefined || failed.has(f)));
    for (const field of stray) scope.issue(field, t("import.error.decisionMissing"));
    return stray.length > 0 ? null : undefined;
  }
  let ok = !DECISION_FIELDS.some((f) => failed.has(f));
  const need = (field: DecisionField, key: string) => {
    if (cells[field] === undefined && !failed.has(field)) {
      scope.issue(field, t(key));
      ok = false;
    }
  };
  const refuse = (field: DecisionField, key: string) => {
    scope.issue(field, t(key));
    ok = false;
  };
  const at = (cells.decidedAt as Date | undefined) ?? (status === "accepted" ? undefined : parsed?.foundAt);
  if (status === "accepted") need("decidedAt", "import.error.admittedAtRequired");
  if (at && parsed && at.getTime() < parsed.foundAt.getTime()) refuse("decidedAt", "import.error.decidedBeforeFound");
  if (at && at.getTime() > now.getTime() + 10 * 60_000) refuse("decidedAt", "error.future");
  const reason = typeof cells.decisionReason === "string" ? cells.decisionReason : undefined;
  if (status !== "accepted") {
    if (reason === undefined || reason.length < 3) refuse("decisionReason", "import.error.reasonRequired");
    if (cells.bedLabel !== undefined) refuse("bedLabel", "import.error.bedOnlyAccepted");
  }
  if (status === "redirected") {
    need("redirectPantiId", "import.error.redirectPantiRequired");
    if (parsed && cells.redirectPantiId === parsed.targetPantiId) refuse("redirectPantiId", "placement.error.samePanti");
  } else if (cells.redirectPantiId !== undefined) {
    refuse("redirectPantiId", "import.error.redirectOnlyRedirected");
  }
  if (parsed && !(context.canDecide?.(parsed.targetPantiId) ?? false)) refuse("decision", "import.error.mayNotDecide");
  if (!ok || !parsed || !at) return null;
  switch (status) {
    case "accepted":
      return { status, at, bed: (cells.bedLabel as string | undefined) ?? null };
    case "declined":
      return { status, at, reason: reason! };
    case "redirected":
      return { status, at, reason: reason!, toPantiId: cells.redirectPantiId as number };
  }
}

type Fail = SheetFail<ImportField>;
type Note = SheetNote<MappedValue>;
/** Where a cell's category leaves the disability subtype it says, until the row is complete. */
const CATEGORY_DISABILITY = "\u0000categoryDisability";

const referenceNames = (row: { code: string; nameId: string; nameEn?: string } | undefined) =>
  row ? [row.code, row.nameId, row.nameId.replace(/\([^)]*\)/g, ""), row.nameEn ?? ""] : [];

/** The date spelling of a found-at cell that the preview lists, or null for a full date and time in figures. */
function foundAtSpelling(reading: FoundAtReading): string | null {
  if (reading.monthName) return reading.timeGiven ? "monthName" : "monthNameNoTime";
  return reading.timeGiven ? null : "noTime";
}

/** Puts one cell's value into the input, normalised; an unreadable value is an issue (and is kept raw). */
/** Puts one cell's value into the input, normalised; an unreadable value is an issue (and is kept raw). */
function normaliseCell(field: ImportField, text: string, column: number, input: Record<string, unknown>, fail: Fail, context: ImportContext, note: Note) {
  if (readCommonCell(field, text, column, input, fail, note, context.pantiIdByCode)) return;
  const keep = (value: unknown) => {
    input[field] = value;
  };
  const keepCode = (code: string, names: readonly string[], to: MappedValue = { field: field as "outreachUnit", code }) => {
    if (!writtenAs(text, [code, ...names])) note(column, text, text, to);
    keep(code);
  };
  const refuse = (key: string, params?: Record<string, string | number>) => {
    fail(field, column, key, params);
    keep(text);
  };
  switch (field) {
    case "outreachUnit": {
      const unit = parseOutreachUnit(text);
      return unit ? keepCode(unit, referenceNames(OUTREACH_UNITS.find((u) => u.code === unit))) : refuse("import.error.unit", { value: text });
    }
    case "foundKota": {
      const kota = parseKota(text);
      return kota ? keepCode(kota, []) : refuse("import.error.kota", { value: text, options: KOTA.join(", ") });
    }
    case "reachMethod": {
      const method = parseReachMethod(text);
      return method ? keepCode(method, REACH_LABELS[method]) : refuse("import.error.reachMethod", { value: text, options: REACH_METHODS.join(", ") });
    }
    case "decision": {
      const decision = parseDecision(text);
      return decision
        ? keepCode(decision, DECISION_LABELS[decision], { field: "decision", code: decision })
        : refuse("import.error.decision", { value: text, options: IMPORTED_DECISIONS.map((d) => DECISION_LABELS[d][0]!).join(", ") });
    }
    default:
      return keep(text);
  }
}

/** Fields holding an instant, in either upload: dates without a time are taken at 00:00 WIB. */
const INSTANT_FIELDS = new Set(["foundAt", "decidedAt", "admittedAt", "exitedAt"]);
/** Fields holding a panti code, in either upload. */
const PANTI_FIELDS = new Set(["targetPantiId", "redirectPantiId", "pantiId", "toPantiId"]);
/** Free text fields capped at 500 characters, in either upload. */
const SHORT_TEXT_FIELDS = new Set(["decisionReason", "bedLabel"]);

/** What a value of a field both uploads read became. */
export type CommonMappedValue =
  | { field: "sex"; code: string }
  | { field: "ppksCategory"; code: PpksCategory; disability?: DisabilitySubtype }
  | { field: "disabilitySubtypes"; codes: DisabilitySubtype[] }
  | { field: "foundAt" | "decidedAt" | "admittedAt" | "exitedAt"; at: Date; timeGiven: boolean }
  | { field: "birthDate"; date: string };

/**
 * Reads a cell of a field both uploads share (the person, instants, panti codes, short texts)
 * into the input; false when the field is not one of them.
 */
export function readCommonCell(
  field: string,
  text: string,
  column: number,
  input: Record<string, unknown>,
  fail: (field: never, column: number, key: string, params?: Record<string, string | number>) => void,
  note: (column: number, key: string, from: string, to: CommonMappedValue) => void,
  pantiIdByCode: ReadonlyMap<string, number>,
): boolean {
  // No closures here: this runs for every cell of a file.
  if (INSTANT_FIELDS.has(field)) {
    const reading = readFoundAt(text);
    if (!reading) return refuse(input, field, text, column, fail, "import.error.datetime", { value: text });
    const spelling = foundAtSpelling(reading);
    if (spelling) note(column, spelling, text, { field: field as "foundAt", at: reading.at, timeGiven: reading.timeGiven });
    return put(input, field, reading.at);
  }
  if (PANTI_FIELDS.has(field)) {
    const id = pantiIdByCode.get(pantiCodeKey(text));
    return id !== undefined ? put(input, field, id) : refuse(input, field, text, column, fail, "import.error.pantiCode", { value: text });
  }
  if (SHORT_TEXT_FIELDS.has(field)) return text.length > 500 ? refuse(input, field, text, column, fail, "import.error.tooLong", { max: 500 }) : put(input, field, text);
  switch (field) {
    case "unidentified": {
      const yes = parseYesNo(text);
      return yes === null ? refuse(input, field, text, column, fail, "import.error.yesNo", { value: text }) : put(input, field, yes);
    }
    case "sex": {
      const sex = parseSex(text);
      return sex ? keepCode(input, field, text, column, note, sex, ["laki-laki", "perempuan"], { field: "sex", code: sex }) : refuse(input, field, text, column, fail, "import.error.sex", { value: text });
    }
    case "birthDate": {
      const date = parseImportDate(text);
      if (date && monthNameParts(text)) note(column, "monthName", text, { field: "birthDate", date });
      return date ? put(input, field, date) : refuse(input, field, text, column, fail, "import.error.date", { value: text });
    }
    case "estimatedAge":
      return put(input, field, normaliseAge(text));
    case "nik":
    case "kk": {
      const id = normaliseIdNumber(text);
      return NUMBER_SHAPED_ID.test(id) ? refuse(input, field, text, column, fail, "import.error.nikAsNumber") : put(input, field, id);
    }
    case "ppksCategory": {
      const reading = readCategory(text);
      if (!reading) return refuse(input, field, text, column, fail, "import.error.category", { value: text, spellings: CATEGORY_SPELLINGS.map((c) => c.name).join(", ") });
      if (reading.disability) input[CATEGORY_DISABILITY] = reading.disability;
      const to: CommonMappedValue = { field: "ppksCategory", code: reading.category, ...(reading.disability ? { disability: reading.disability } : {}) };
      return keepCode(input, field, text, column, note, reading.category, reading.mapped ? [] : referenceNames(PPKS_CATEGORIES.find((c) => c.code === reading.category)), to);
    }
    case "disabilitySubtypes": {
      const { codes, unknown } = parseDisabilities(text);
      if (unknown.length > 0) return refuse(input, field, text, column, fail, "import.error.disability", { value: unknown.join(", ") });
      const asIs = text
        .split(/[;,/|\n]+/)
        .filter((part) => part.trim() !== "")
        .every((part) => writtenAs(part, DISABILITY_SUBTYPES.flatMap((d) => referenceNames(d))));
      if (!asIs) note(column, text, text, { field: "disabilitySubtypes", codes });
      return put(input, field, codes);
    }
    default:
      return false;
  }
}

function put(input: Record<string, unknown>, field: string, value: unknown): true {
  input[field] = value;
  return true;
}

function keepCode(
  input: Record<string, unknown>,
  field: string,
  text: string,
  column: number,
  note: (column: number, key: string, from: string, to: CommonMappedValue) => void,
  code: string,
  names: readonly string[],
  to: CommonMappedValue,
): true {
  if (!writtenAs(text, [code, ...names])) note(column, text, text, to);
  return put(input, field, code);
}

function refuse(
  input: Record<string, unknown>,
  field: string,
  text: string,
  column: number,
  fail: (field: never, column: number, key: string, params?: Record<string, string | number>) => void,
  key: string,
  params?: Record<string, string | number>,
): true {
  fail(field as never, column, key, params);
  return put(input, field, text);
}

/** A category that also says a disability (ODGJ): the subtype joins the row's disabilities. */
export function mergeCategoryDisability(input: Record<string, unknown>, failed: ReadonlySet<string>): void {
  const said = input[CATEGORY_DISABILITY] as DisabilitySubtype | undefined;
  if (said === undefined) return;
  delete input[CATEGORY_DISABILITY];
  if (!failed.has("disabilitySubtypes")) {
    const listed = (input.disabilitySubtypes as DisabilitySubtype[] | undefined) ?? [];
    input.disabilitySubtypes = listed.includes(said) ? listed : [...listed, said];
  }
}

// ---------------------------------------------------------------------------
// Stored batches and the template
// ---------------------------------------------------------------------------

/** A decision as stored (JSON: instants as ISO strings). */
export type StoredDecision =
  | { status: "accepted"; at: string; bed: string | null }
  | { status: "declined"; at: string; reason: string }
  | { status: "redirected"; at: string; reason: string; toPantiId: number };

/** A valid row as stored in `placement_batches.rows` (JSON: instants as ISO strings). */
export interface StoredBatchRow {
  row: number;
  input: Omit<PlacementInput, "foundAt"> & { foundAt: string };
  decision?: StoredDecision;
}

export function toStoredRow(valid: ValidRow): StoredBatchRow {
  const stored: StoredBatchRow = { row: valid.row, input: { ...valid.input, foundAt: valid.input.foundAt.toISOString() } };
  if (valid.decision) stored.decision = { ...valid.decision, at: valid.decision.at.toISOString() };
  return stored;
}

/** A stored decision read back; null when it is not one. */
export function storedDecision(stored: StoredDecision | undefined): ImportedDecision | undefined | null {
  if (stored === undefined) return undefined;
  const at = new Date(stored.at);
  if (Number.isNaN(at.getTime())) return null;
  return { ...stored, at };
}

/** The template: the header row and one example row (with a real panti code). */
export function templateRows(pantiCode: string): string[][] {
  return [
    IMPORT_COLUMNS.map((c) => c.header),
    IMPORT_COLUMNS.map((c) => (c.field === "targetPantiId" ? pantiCode : c.example)),
  ];
}

// ---------------------------------------------------------------------------
// Forms of the upload page
// ---------------------------------------------------------------------------

/** What the file picker offers: CSV and XLSX, by name and by type. */
export const UPLOAD_ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Types a browser gives to files that are plainly no spreadsheet (CSV is often given no type, or Excel's). */
const NOT_A_SHEET = /^(image|audio|video)\/|^application\/pdf$/;

/**
 * The file of a batch upload (referrals, past stays): given, at most 5 MB, not an old .xls
 * workbook, not a picture or PDF. The browser checks it before posting and the server again; the
 * server then reads the content, which decides between CSV and XLSX whatever the name says.
 */
export const uploadFileField = () =>
  z.file({ error: "import.error.noFile" }).check(
    z.minSize(1, { error: "import.error.noFile" }),
    z.maxSize(MAX_IMPORT_BYTES, { error: "import.error.tooLarge" }),
    z.refine((file) => !/\.xls$/i.test(file.name), { error: "import.error.xls" }),
    z.refine((file) => !NOT_A_SHEET.test(file.type), { error: "import.error.format" }),
  );

/** The upload form: the file, and the unit of rows that leave it empty. */
export const importUploadSchema = z.object({
  intent: z.optional(z.literal("upload")),
  file: uploadFileField(),
  outreachUnit: z.optional(z.enum(OUTREACH_UNIT_CODES)),
});

/** Import or discard a previewed batch. */
export const batchDecisionSchema = z.object({
  intent: z.enum(["import", "discard"]),
  batchId: idField(),
});
