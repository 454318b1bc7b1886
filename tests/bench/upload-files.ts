/**
 * The rows of the bench's upload files (tests/bench/import.ts, tests/bench/uploads.ts): referrals
 * in the upload's columns (IMPORT_COLUMNS) and past stays (STAY_IMPORT_COLUMNS), all valid, with
 * distinct references and NIKs, spread over the given panti codes.
 */
import { IMPORT_COLUMNS } from "~/domain/placement-import";
import { PPKS_CATEGORIES } from "~/domain/reference";
import { STAY_IMPORT_COLUMNS } from "~/domain/stay-import";

const FIRST = ["Budi", "Siti", "Agus", "Dewi", "Joko", "Sri", "Rudi", "Wati", "Andi", "Nur"];
const LAST = ["Santoso", "Aminah", "Hartono", "Lestari", "Saputra", "Wahyuni", "Pratama", "Rahayu"];
const pad = (n: number) => String(n).padStart(2, "0");
const wib = (d: Date) => {
  const w = new Date(d.getTime() + 7 * 3_600_000);
  return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
};

export const referralHeader = (): string[] => IMPORT_COLUMNS.map((c) => c.header);

/** `count` referrals found an hour apart before `now`, `prefix` before each reference. */
export function referralRows(count: number, codes: readonly string[], { now = Date.now(), prefix = "BENCH-" } = {}): string[][] {
  return Array.from({ length: count }, (_, i) => {
    const category = PPKS_CATEGORIES[i % PPKS_CATEGORIES.length]!;
    const byField: Record<string, string> = {
      outreachUnit: "sudin_jakbar",
      officerName: "Rudi Hartono",
      foundAt: wib(new Date(now - (i + 1) * 3_600_000)),
      foundKota: "Jakarta Barat",
      foundKecamatan: "Tambora",
      foundKelurahan: "Jembatan Besi",
      foundPlace: `Kolong tol titik ${i % 40}`,
      reachMethod: i % 3 === 0 ? "patroli" : "patrol",
      personName: `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}`,
      unidentified: "tidak",
      description: "",
      sex: i % 2 === 0 ? "L" : "P",
      birthDate: i % 4 === 0 ? `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}` : "",
      estimatedAge: i % 4 === 0 ? "" : String(18 + (i % 60)),
      nik: i % 2 === 0 ? `3173${String(10_000_000_000 + i).padStart(12, "0")}` : "",
      kk: "",
      originProvince: "Jawa Tengah",
      originCity: "Brebes",
      ppksCategory: i % 5 === 0 ? category.nameId : category.code,
      disabilitySubtypes: i % 7 === 0 ? "fisik; mental" : "",
      assessmentSummary: "Ditemukan tidur di kolong tol, sehat, bersedia dibawa ke panti.",
      healthNotes: "Sehat",
      urgentNeeds: "Makan, pakaian",
      belongings: "Tas",
      targetPantiId: codes[i % codes.length]!,
      externalRef: `${prefix}${i}`,
    };
    return IMPORT_COLUMNS.map((c) => byField[c.field] ?? "");
  });
}

export const stayHeader = (): string[] => STAY_IMPORT_COLUMNS.map((c) => c.header);

const day = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
const EXITS: Record<string, string>[] = [
  { hasil_keluar: "Dipulangkan", provinsi_tujuan: "Jawa Tengah", kota_tujuan: "Brebes", transportasi: "bus" },
  { hasil_keluar: "Kabur" },
  { hasil_keluar: "APS" },
  { hasil_keluar: "Dikembalikan ke keluarga", nama_keluarga: "Ahmad Yani", hubungan_keluarga: "Anak", alamat_keluarga: "Bekasi", dokumen: "KTP; KK; Surat pernyataan" },
];
const START_2015 = Date.UTC(2015, 0, 1);

/** Past stay `i` of `total`: admitted between 2015 and 2025 in order, each closed after 30–119 days. */
export function stayRow(i: number, total: number, codes: readonly string[], header = stayHeader()): string[] {
  const admitted = START_2015 + Math.floor((i / total) * 3_900) * 86_400_000;
  const byHeader: Record<string, string> = {
    nama: `${FIRST[i % FIRST.length]} ${LAST[(i >> 3) % LAST.length]}`,
    nik: `3174${String(10_000_000_000 + i).padStart(12, "0")}`,
    jenis_kelamin: i % 2 === 0 ? "L" : "P",
    perkiraan_usia: String(20 + (i % 60)),
    kategori_ppks: i % 3 === 0 ? "Gepeng" : "lansia_terlantar",
    panti: codes[i % codes.length]!,
    tanggal_masuk: day(admitted),
    tahap: "terminasi",
    tanggal_keluar: day(admitted + (30 + (i % 90)) * 86_400_000),
    ...EXITS[i % EXITS.length],
  };
  return header.map((h) => byHeader[h] ?? "");
}
