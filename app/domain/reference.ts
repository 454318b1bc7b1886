/**
 * Reference vocabularies as code: the codes and labels of db/reference/*.csv, for validation and
 * display without a database round-trip. tests check that these match the CSV files the seed loads.
 */
export const PPKS_CATEGORIES = [
  { code: "anak_balita_terlantar", nameId: "Anak balita terlantar", nameEn: "Neglected toddler" },
  { code: "anak_terlantar", nameId: "Anak terlantar", nameEn: "Neglected child" },
  { code: "anak_berhadapan_hukum", nameId: "Anak berhadapan dengan hukum (ABH)", nameEn: "Child in conflict with the law" },
  { code: "anak_jalanan", nameId: "Anak jalanan", nameEn: "Street child" },
  { code: "anak_disabilitas", nameId: "Anak dengan kedisabilitasan (ADK)", nameEn: "Child with disability" },
  { code: "anak_korban_kekerasan", nameId: "Anak korban tindak kekerasan atau diperlakukan salah", nameEn: "Child victim of violence or abuse" },
  { code: "anak_perlindungan_khusus", nameId: "Anak yang memerlukan perlindungan khusus", nameEn: "Child needing special protection" },
  { code: "lansia_terlantar", nameId: "Lanjut usia terlantar", nameEn: "Neglected elderly person" },
  { code: "penyandang_disabilitas", nameId: "Penyandang disabilitas", nameEn: "Person with disability" },
  { code: "tuna_susila", nameId: "Tuna susila", nameEn: "Sex worker" },
  { code: "gelandangan", nameId: "Gelandangan", nameEn: "Homeless person" },
  { code: "pengemis", nameId: "Pengemis", nameEn: "Beggar" },
  { code: "pemulung", nameId: "Pemulung", nameEn: "Scavenger" },
  { code: "kelompok_minoritas", nameId: "Kelompok minoritas", nameEn: "Minority group member" },
  { code: "bekas_warga_binaan_lapas", nameId: "Bekas warga binaan lembaga pemasyarakatan", nameEn: "Former prisoner" },
  { code: "odha", nameId: "Orang dengan HIV/AIDS (ODHA)", nameEn: "Person living with HIV/AIDS" },
  { code: "korban_napza", nameId: "Korban penyalahgunaan NAPZA", nameEn: "Victim of drug abuse" },
  { code: "korban_trafficking", nameId: "Korban perdagangan orang (TPPO)", nameEn: "Trafficking victim" },
  { code: "korban_tindak_kekerasan", nameId: "Korban tindak kekerasan", nameEn: "Victim of violence" },
  { code: "pekerja_migran_bermasalah", nameId: "Pekerja migran bermasalah sosial", nameEn: "Migrant worker with social problems" },
  { code: "korban_bencana_alam", nameId: "Korban bencana alam", nameEn: "Natural disaster victim" },
  { code: "korban_bencana_sosial", nameId: "Korban bencana sosial", nameEn: "Social disaster victim" },
  { code: "perempuan_rawan_sosial_ekonomi", nameId: "Perempuan rawan sosial ekonomi", nameEn: "Socio-economically vulnerable woman" },
  { code: "fakir_miskin", nameId: "Fakir miskin", nameEn: "Person in extreme poverty" },
  { code: "keluarga_bermasalah_psikologis", nameId: "Keluarga bermasalah sosial psikologis", nameEn: "Family with psychosocial problems" },
  { code: "komunitas_adat_terpencil", nameId: "Komunitas adat terpencil", nameEn: "Remote indigenous community" },
] as const;
export type PpksCategory = (typeof PPKS_CATEGORIES)[number]["code"];
export const PPKS_CATEGORY_CODES = PPKS_CATEGORIES.map((r) => r.code) as unknown as readonly [PpksCategory, ...PpksCategory[]];

export const DISABILITY_SUBTYPES = [
  { code: "fisik", nameId: "Disabilitas fisik", nameEn: "Physical" },
  { code: "intelektual", nameId: "Disabilitas intelektual", nameEn: "Intellectual" },
  { code: "mental", nameId: "Disabilitas mental (termasuk ODGJ)", nameEn: "Mental (including people with mental disorders)" },
  { code: "sensorik", nameId: "Disabilitas sensorik", nameEn: "Sensory" },
  { code: "ganda", nameId: "Disabilitas ganda", nameEn: "Multiple" },
] as const;
export type DisabilitySubtype = (typeof DISABILITY_SUBTYPES)[number]["code"];
export const DISABILITY_SUBTYPE_CODES = DISABILITY_SUBTYPES.map((r) => r.code) as unknown as readonly [DisabilitySubtype, ...DisabilitySubtype[]];

export const OUTREACH_UNITS = [
  { code: "satgas_dinsos", nameId: "Satgas P3S Dinas Sosial Provinsi DKI Jakarta", kota: "" },
  { code: "sudin_jakpus", nameId: "Satgas P3S Suku Dinas Sosial Jakarta Pusat", kota: "Jakarta Pusat" },
  { code: "sudin_jakut", nameId: "Satgas P3S Suku Dinas Sosial Jakarta Utara", kota: "Jakarta Utara" },
  { code: "sudin_jakbar", nameId: "Satgas P3S Suku Dinas Sosial Jakarta Barat", kota: "Jakarta Barat" },
  { code: "sudin_jaksel", nameId: "Satgas P3S Suku Dinas Sosial Jakarta Selatan", kota: "Jakarta Selatan" },
  { code: "sudin_jaktim", nameId: "Satgas P3S Suku Dinas Sosial Jakarta Timur", kota: "Jakarta Timur" },
  { code: "sudin_kepseribu", nameId: "Satgas P3S Suku Dinas Sosial Kepulauan Seribu", kota: "Kepulauan Seribu" },
] as const;
export type OutreachUnit = (typeof OUTREACH_UNITS)[number]["code"];
export const OUTREACH_UNIT_CODES = OUTREACH_UNITS.map((r) => r.code) as unknown as readonly [OutreachUnit, ...OutreachUnit[]];

export const EXIT_OUTCOMES = [
  { code: "returned_family", nameId: "Dikembalikan ke keluarga", nameEn: "Returned to family", group: "reunification", positive: "yes" },
  { code: "repatriated_home_region", nameId: "Dipulangkan ke daerah asal", nameEn: "Repatriated to home region or province", group: "reunification", positive: "yes" },
  { code: "transferred_panti", nameId: "Dirujuk ke panti sosial lain", nameEn: "Transferred to another panti", group: "transfer", positive: "neutral" },
  { code: "referred_hospital", nameId: "Dirujuk ke rumah sakit / RSJ", nameEn: "Referred to hospital or psychiatric hospital", group: "institutional", positive: "neutral" },
  { code: "referred_other_institution", nameId: "Dirujuk ke lembaga lain (LKS / instansi)", nameEn: "Referred to another institution", group: "institutional", positive: "neutral" },
  { code: "independent_living", nameId: "Mandiri (bekerja / tempat tinggal sendiri)", nameEn: "Independent living or employed", group: "independent", positive: "yes" },
  { code: "adopted", nameId: "Diadopsi / pengasuhan alternatif", nameEn: "Adopted or placed in alternative care", group: "reunification", positive: "yes" },
  { code: "programme_completed", nameId: "Selesai program (terminasi)", nameEn: "Programme completed (termination)", group: "independent", positive: "yes" },
  { code: "own_request", nameId: "Keluar atas permintaan sendiri", nameEn: "Left at own request", group: "other", positive: "no" },
  { code: "absconded", nameId: "Melarikan diri", nameEn: "Absconded", group: "other", positive: "no" },
  { code: "deceased", nameId: "Meninggal dunia", nameEn: "Deceased", group: "other", positive: "neutral" },
  { code: "other", nameId: "Lainnya", nameEn: "Other", group: "other", positive: "neutral" },
] as const;
export type ExitOutcome = (typeof EXIT_OUTCOMES)[number]["code"];
export const EXIT_OUTCOME_CODES = EXIT_OUTCOMES.map((r) => r.code) as unknown as readonly [ExitOutcome, ...ExitOutcome[]];

/** The stages of rehabilitation: the official names (nameId/nameEn, from the CSV) and the short ones the pages show. */
export const REHABILITATION_STAGES = [
  { code: "pendekatan_awal", nameId: "Pendekatan awal dan penerimaan", nameEn: "Initial approach and reception (registration, placement, orientation)", shortId: "Pendekatan awal", shortEn: "Initial approach" },
  { code: "asesmen", nameId: "Asesmen (pengungkapan dan pemahaman masalah)", nameEn: "Assessment", shortId: "Asesmen", shortEn: "Assessment" },
  { code: "rencana_intervensi", nameId: "Penyusunan rencana intervensi", nameEn: "Intervention planning", shortId: "Rencana intervensi", shortEn: "Intervention planning" },
  { code: "intervensi", nameId: "Pelaksanaan intervensi (bimbingan fisik, mental, sosial, keterampilan)", nameEn: "Intervention (physical, mental, social and vocational guidance)", shortId: "Intervensi", shortEn: "Intervention" },
  { code: "resosialisasi", nameId: "Resosialisasi / reintegrasi", nameEn: "Resocialisation / reintegration", shortId: "Resosialisasi", shortEn: "Resocialisation" },
  { code: "terminasi", nameId: "Terminasi", nameEn: "Termination", shortId: "Terminasi", shortEn: "Termination" },
  { code: "bimbingan_lanjut", nameId: "Bimbingan lanjut", nameEn: "Aftercare / follow-up", shortId: "Bimbingan lanjut", shortEn: "Aftercare" },
] as const;
export type RehabilitationStage = (typeof REHABILITATION_STAGES)[number]["code"];
export const REHABILITATION_STAGE_CODES = REHABILITATION_STAGES.map((r) => r.code) as unknown as readonly [RehabilitationStage, ...RehabilitationStage[]];

/** The label of a reference code in the user's language. */
export function referenceLabel(
  list: readonly { code: string; nameId: string; nameEn?: string }[],
  code: string | null | undefined,
  lang: "id" | "en",
): string {
  if (!code) return "–";
  const row = list.find((r) => r.code === code);
  if (!row) return code;
  return lang === "en" && row.nameEn ? row.nameEn : row.nameId;
}
