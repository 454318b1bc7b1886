/** Word lists for the demo population: names, places of origin, hotspots, destinations. */
import type { Random } from "./random";

/** Given names common among people born before about 1975. */
const OLDER_MALE = [
  "Slamet", "Sutrisno", "Bambang", "Sugeng", "Suparman", "Paimin", "Sarmin", "Darmo",
  "Kasim", "Tukijo", "Sukardi", "Mulyono", "Parno", "Sudirman", "Wagiman", "Karta",
  "Ujang", "Dadang", "Asep", "Engkos", "Udin", "Rahmat", "Hasan", "Abdullah",
  "Mamat", "Jaja", "Tarmizi", "Sahrul", "Marsudi", "Ponijan",
] as const;
const OLDER_FEMALE = [
  "Tukiyem", "Painem", "Sumarni", "Suparti", "Sri", "Siti", "Endang", "Murni",
  "Kartini", "Suryani", "Sukinah", "Wagiyem", "Sarinah", "Marni", "Tumini", "Ponirah",
  "Euis", "Iyah", "Enok", "Nining", "Neneng", "Aminah", "Fatimah", "Maryam",
  "Juariah", "Rohaya", "Salmah", "Suwarti", "Rusmini", "Kasminah",
] as const;
/** Given names common among people born since about 1975. */
const YOUNGER_MALE = [
  "Agus", "Budi", "Joko", "Wahyu", "Dedi", "Hendra", "Rudi", "Andi", "Eko", "Heru",
  "Yusuf", "Ahmad", "Muhammad", "Rizky", "Fajar", "Arif", "Dimas", "Bayu", "Gilang",
  "Irfan", "Yoga", "Teguh", "Iwan", "Anton", "Yanto", "Imam", "Aditya", "Reza",
  "Farhan", "Rafi", "Naufal", "Alif", "Daffa", "Raka", "Kevin", "Bagas", "Galih",
] as const;
const YOUNGER_FEMALE = [
  "Dewi", "Rina", "Wati", "Yuni", "Ani", "Lestari", "Ratna", "Nur", "Fitri", "Indah",
  "Putri", "Ayu", "Nabila", "Aisyah", "Salsabila", "Dinda", "Rahma", "Eni", "Yati",
  "Titin", "Lina", "Mega", "Intan", "Zahra", "Keisha", "Aulia", "Nadia", "Citra",
  "Anisa", "Tiara", "Sinta", "Wulan", "Novi", "Desi",
] as const;
const SECOND_MALE = [
  "Santoso", "Saputra", "Setiawan", "Hidayat", "Kurniawan", "Pratama", "Nugroho", "Wibowo",
  "Susanto", "Firmansyah", "Ramadhan", "Hermawan", "Gunawan", "Purnomo", "Prasetyo",
  "Sugiharto", "Maulana", "Hakim", "Syahputra", "Supriyadi", "Suherman", "Kusuma",
] as const;
const SECOND_FEMALE = [
  "Wulandari", "Rahmawati", "Handayani", "Susanti", "Lestari", "Purwanti", "Anggraini",
  "Permatasari", "Puspitasari", "Safitri", "Maharani", "Kusumawati", "Utami", "Yuliani",
  "Rahayu", "Sari", "Oktaviani", "Nurhayati", "Fitriani", "Damayanti",
] as const;
/** Family names (marga and the like), used by either sex. */
const FAMILY = [
  "Siregar", "Nasution", "Simanjuntak", "Harahap", "Lubis", "Sitompul", "Pardede", "Manurung",
  "Tanjung", "Hutapea", "Sembiring", "Ginting", "Tarigan", "Pangaribuan", "Saragih", "Wowor",
  "Rumondor", "Pattipeilohy", "Manuhutu", "Daeng", "Tambunan", "Situmorang",
] as const;

/** A deterministic Indonesian name fitting sex and year of birth. */
export function personName(rng: Random, sex: "male" | "female", birthYear: number): string {
  const older = birthYear < 1975;
  const given = rng.pick(
    sex === "male" ? (older ? OLDER_MALE : YOUNGER_MALE) : older ? OLDER_FEMALE : YOUNGER_FEMALE,
  );
  const r = rng.next();
  // Many Indonesians, older ones especially, have a single name.
  if (r < (older ? 0.5 : 0.2)) return given;
  if (r < 0.9) {
    let second: string = rng.pick(sex === "male" ? SECOND_MALE : SECOND_FEMALE);
    if (second === given) second = rng.pick(sex === "male" ? YOUNGER_MALE : YOUNGER_FEMALE);
    return `${given} ${second}`;
  }
  return `${given} ${rng.pick(FAMILY)}`;
}

/** Region codes as used in the NIK: province (2 digits) and regency/city (2 digits). */
export interface Region {
  province: string;
  provinceCode: string;
  city: string;
  cityCode: string;
}

const DKI = "DKI Jakarta";

const REGIONS: readonly (readonly [weight: number, region: Region])[] = [
  // DKI Jakarta
  [22, { province: DKI, provinceCode: "31", city: "Jakarta Barat", cityCode: "73" }],
  [20, { province: DKI, provinceCode: "31", city: "Jakarta Timur", cityCode: "75" }],
  [18, { province: DKI, provinceCode: "31", city: "Jakarta Utara", cityCode: "72" }],
  [14, { province: DKI, provinceCode: "31", city: "Jakarta Selatan", cityCode: "74" }],
  [12, { province: DKI, provinceCode: "31", city: "Jakarta Pusat", cityCode: "71" }],
  [1, { province: DKI, provinceCode: "31", city: "Kepulauan Seribu", cityCode: "01" }],
];

const OUTSIDE: readonly (readonly [weight: number, region: Region])[] = [
  [7, { province: "Jawa Barat", provinceCode: "32", city: "Kabupaten Bekasi", cityCode: "16" }],
  [5, { province: "Jawa Barat", provinceCode: "32", city: "Kota Bekasi", cityCode: "75" }],
  [5, { province: "Jawa Barat", provinceCode: "32", city: "Kabupaten Bogor", cityCode: "01" }],
  [3, { province: "Jawa Barat", provinceCode: "32", city: "Kota Depok", cityCode: "76" }],
  [3, { province: "Jawa Barat", provinceCode: "32", city: "Kabupaten Karawang", cityCode: "15" }],
  [3, { province: "Jawa Barat", provinceCode: "32", city: "Kabupaten Cianjur", cityCode: "03" }],
  [3, { province: "Jawa Barat", provinceCode: "32", city: "Kabupaten Indramayu", cityCode: "12" }],
  [2, { province: "Jawa Barat", provinceCode: "32", city: "Kabupaten Cirebon", cityCode: "09" }],
  [2, { province: "Jawa Barat", provinceCode: "32", city: "Kabupaten Garut", cityCode: "05" }],
  [2, { province: "Jawa Barat", provinceCode: "32", city: "Kabupaten Sukabumi", cityCode: "02" }],
  [5, { province: "Jawa Tengah", provinceCode: "33", city: "Kabupaten Brebes", cityCode: "29" }],
  [4, { province: "Jawa Tengah", provinceCode: "33", city: "Kabupaten Tegal", cityCode: "28" }],
  [3, { province: "Jawa Tengah", provinceCode: "33", city: "Kabupaten Pemalang", cityCode: "27" }],
  [3, { province: "Jawa Tengah", provinceCode: "33", city: "Kabupaten Banyumas", cityCode: "02" }],
  [3, { province: "Jawa Tengah", provinceCode: "33", city: "Kabupaten Cilacap", cityCode: "01" }],
  [3, { province: "Jawa Tengah", provinceCode: "33", city: "Kabupaten Kebumen", cityCode: "05" }],
  [2, { province: "Jawa Tengah", provinceCode: "33", city: "Kota Semarang", cityCode: "74" }],
  [2, { province: "Jawa Tengah", provinceCode: "33", city: "Kota Surakarta", cityCode: "72" }],
  [4, { province: "Banten", provinceCode: "36", city: "Kabupaten Tangerang", cityCode: "03" }],
  [3, { province: "Banten", provinceCode: "36", city: "Kota Tangerang", cityCode: "71" }],
  [2, { province: "Banten", provinceCode: "36", city: "Kabupaten Pandeglang", cityCode: "01" }],
  [2, { province: "Banten", provinceCode: "36", city: "Kabupaten Lebak", cityCode: "02" }],
  [1, { province: "Banten", provinceCode: "36", city: "Kota Serang", cityCode: "73" }],
  [3, { province: "Jawa Timur", provinceCode: "35", city: "Kota Surabaya", cityCode: "78" }],
  [2, { province: "Jawa Timur", provinceCode: "35", city: "Kabupaten Malang", cityCode: "07" }],
  [1, { province: "Jawa Timur", provinceCode: "35", city: "Kota Madiun", cityCode: "77" }],
  [2, { province: "DI Yogyakarta", provinceCode: "34", city: "Kabupaten Sleman", cityCode: "04" }],
  [1, { province: "DI Yogyakarta", provinceCode: "34", city: "Kota Yogyakarta", cityCode: "71" }],
  [3, { province: "Lampung", provinceCode: "18", city: "Kota Bandar Lampung", cityCode: "71" }],
  [2, { province: "Lampung", provinceCode: "18", city: "Kabupaten Lampung Selatan", cityCode: "01" }],
  [3, { province: "Sumatera Utara", provinceCode: "12", city: "Kota Medan", cityCode: "71" }],
  [1, { province: "Sumatera Selatan", provinceCode: "16", city: "Kota Palembang", cityCode: "71" }],
  [1, { province: "Sumatera Barat", provinceCode: "13", city: "Kota Padang", cityCode: "71" }],
  [1, { province: "Sulawesi Selatan", provinceCode: "73", city: "Kota Makassar", cityCode: "71" }],
  [1, { province: "Nusa Tenggara Barat", provinceCode: "52", city: "Kabupaten Lombok Timur", cityCode: "03" }],
  [1, { province: "Nusa Tenggara Timur", provinceCode: "53", city: "Kota Kupang", cityCode: "71" }],
];

/** The same lists as [region, weight] for `Random.weighted`. */
const DKI_WEIGHTED = REGIONS.map(([weight, region]) => [region, weight] as const);
const OUTSIDE_WEIGHTED = OUTSIDE.map(([weight, region]) => [region, weight] as const);

export function isDki(region: Region | null): boolean {
  return region?.provinceCode === "31";
}

/** A place of origin: in DKI with the given probability, else from another province. */
export function originRegion(rng: Random, dkiShare: number): Region {
  return rng.weighted(rng.chance(dkiShare) ? DKI_WEIGHTED : OUTSIDE_WEIGHTED);
}

/** A DKI city (for family addresses of people with no known origin). */
export function dkiRegion(rng: Random): Region {
  return rng.weighted(DKI_WEIGHTED);
}

/** Hotspots (titik rawan) where outreach finds people, by kota. */
const HOTSPOTS = [
  "Kolong Tol Cengkareng", "Kolong Jembatan Grogol", "Pasar Senen", "Stasiun Tanah Abang",
  "Terminal Kampung Rambutan", "Terminal Pulo Gadung", "Kolong Tol Wiyoto Wiyono",
  "Pasar Minggu", "Stasiun Manggarai", "Taman Kota Intan", "Kawasan Kota Tua",
  "Pelabuhan Sunda Kelapa", "Kolong Flyover Pesing", "Pasar Induk Kramat Jati",
  "Simpang Lima Senen", "Jalan Gajah Mada", "Bundaran Cawang", "Stasiun Jatinegara",
  "Pasar Tanah Abang Blok G", "Kawasan Monas", "Terminal Kalideres", "Pasar Cengkareng",
  "Jembatan Penyeberangan Slipi", "Kolong Tol Pluit", "Pasar Rumput", "Terminal Lebak Bulus",
] as const;

/** The description of an unidentified person, as outreach writes it. */
export function unidentifiedDescription(
  rng: Random,
  sex: "male" | "female",
  age: number,
  mental: boolean,
): string {
  const who = sex === "male" ? "Mr. X, laki-laki" : "Mrs. X, perempuan";
  const roughAge = Math.max(5, Math.round(age / 5) * 5);
  const signs = mental
    ? rng.pick(["ODGJ, tidak dapat berkomunikasi", "ODGJ, bicara tidak runtut", "ODGJ"])
    : rng.pick(["tanpa identitas", "tidak ingat nama dan alamat", "tuna wicara", "tanpa identitas, kondisi lemah"]);
  return `${who} ±${roughAge} th, ${signs}, ditemukan di ${rng.pick(HOTSPOTS)}`;
}

const HOSPITALS = [
  "RSJ Dr. Soeharto Heerdjan, Grogol",
  "RSUD Cengkareng",
  "RSKD Duren Sawit",
  "RSUD Pasar Rebo",
  "RSUD Budhi Asih",
  "RSUD Tarakan",
  "RS Polri Kramat Jati",
] as const;

const INSTITUTIONS = [
  "LKS mitra Yayasan Bina Kasih",
  "Rumah Perlindungan Sosial Anak (RPSA) Bambu Apus",
  "Sentra Handayani (Kemensos)",
  "Yayasan Galuh, Bekasi",
  "P2TP2A DKI Jakarta",
  "LKS Pondok Lansia Tulus Kasih",
] as const;

const CEMETERIES = ["TPU Tegal Alur", "TPU Pondok Ranggon", "TPU Kebon Nanas", "TPU Semper"] as const;

const JOBS = [
  "bekerja di bengkel motor",
  "bekerja di usaha katering",
  "bekerja sebagai penjahit",
  "bekerja di salon",
  "bekerja sebagai teknisi AC",
  "bekerja di toko ponsel",
  "membuka usaha sendiri",
  "bekerja sebagai petugas kebersihan",
  "bekerja di bengkel las",
] as const;

const RELATIVES_ADULT = ["anak", "istri", "suami", "kakak", "adik", "keponakan", "saudara"] as const;
const RELATIVES_CHILD = ["orang tua", "ibu", "ayah", "nenek", "paman", "bibi"] as const;
const STREETS = [
  "Jl. Kenanga", "Jl. Masjid", "Jl. H. Naman", "Gg. Mawar", "Jl. Swadaya", "Jl. Pemuda",
  "Gg. Langgar", "Jl. Raya Bogor", "Jl. Kramat", "Jl. Haji Ten", "Gg. Sawo", "Jl. Pisangan",
] as const;

/** A street address in a city, as a family would give it. */
function streetAddress(rng: Random, city: string): string {
  const rt = String(rng.int(1, 15)).padStart(2, "0");
  const rw = String(rng.int(1, 12)).padStart(2, "0");
  return `${rng.pick(STREETS)} RT ${rt}/RW ${rw}, ${city}`;
}

/** An exit as the exit service records it: destination line, details, notes. */
export interface ExitRecord {
  destination: string | null;
  details: Record<string, unknown>;
  notes: string | null;
}

/** A family pick-up (or adoption) with the documents the panti asks for. */
export function familyExit(rng: Random, region: Region | null, age: number, adopted: boolean): ExitRecord {
  const relation = adopted ? "orang tua angkat" : rng.pick(age < 18 ? RELATIVES_CHILD : RELATIVES_ADULT);
  const familyName = personName(rng, rng.chance(0.5) ? "male" : "female", rng.int(1955, 2000));
  const familyAddress = streetAddress(rng, (region ?? dkiRegion(rng)).city);
  return {
    destination: `${familyName} (${relation}), ${familyAddress}`,
    details: {
      familyName,
      familyRelation: relation,
      familyAddress,
      familyPhone: null,
      documents: { ktp: true, kk: true, rtRwLetter: rng.chance(0.8), kelurahanLetter: rng.chance(0.7), signedStatement: true },
    },
    notes: null,
  };
}

/** FKD-MPU partner provinces (app/domain/exits.ts holds the same list). */
const PARTNER_PROVINCES = new Set([
  "DKI Jakarta", "Jawa Barat", "Jawa Tengah", "DI Yogyakarta", "Jawa Timur", "Bali", "Lampung",
  "Nusa Tenggara Barat", "Banten", "Nusa Tenggara Timur",
]);

export function repatriationExit(rng: Random, region: Region): ExitRecord {
  const java = ["32", "33", "34", "35", "36"].includes(region.provinceCode);
  return {
    destination: `${region.city}, ${region.province}`,
    details: {
      province: region.province,
      city: region.city,
      escort: rng.chance(0.6) ? "Petugas panti" : null,
      transport: java ? rng.pick(["bus", "train", "car"] as const) : rng.pick(["ship", "plane", "bus"] as const),
      partnerProvince: PARTNER_PROVINCES.has(region.province),
    },
    notes: null,
  };
}

export function institutionExit(rng: Random, hospital: boolean): ExitRecord {
  const institutionName = rng.pick(hospital ? HOSPITALS : INSTITUTIONS);
  return { destination: institutionName, details: { institutionName, address: null }, notes: null };
}

export function independentExit(rng: Random, region: Region | null): ExitRecord {
  const address = `Kos di ${streetAddress(rng, (region && isDki(region) ? region : dkiRegion(rng)).city)}`;
  const job = rng.pick(JOBS);
  return { destination: address, details: { address, institutionName: null }, notes: `Mandiri, ${job}.` };
}

export function transferExit(toPantiId: number, toPantiName: string, category: string): ExitRecord {
  return {
    destination: toPantiName,
    details: { toPantiId },
    notes: `Hasil asesmen: ${category.replaceAll("_", " ")}; dirujuk untuk rehabilitasi lanjutan.`,
  };
}

export function deceasedExit(rng: Random): ExitRecord {
  const destination = rng.chance(0.5)
    ? `Dimakamkan di ${rng.pick(CEMETERIES)}`
    : "Jenazah diserahkan kepada keluarga";
  return { destination, details: {}, notes: null };
}

export function otherExit(rng: Random): ExitRecord {
  return {
    destination: null,
    details: {},
    notes: rng.pick([
      "Dijemput instansi daerah asal.",
      "Dipindahkan ke pengasuhan lembaga keagamaan atas permintaan keluarga.",
      "Menikah dan tinggal bersama pasangan.",
      "Diserahkan kepada pihak kepolisian untuk proses hukum.",
    ]),
  };
}

export function completionExit(rng: Random, year: number, youth: boolean): ExitRecord {
  if (!youth) {
    const destination = rng.pick(["Selesai program, kembali ke keluarga", "Selesai program, mandiri"]);
    return { destination, details: {}, notes: null };
  }
  const after = rng.weighted([
    [rng.pick(JOBS), 5],
    ["magang (on the job training)", 3],
    ["belum bekerja", 2],
  ] as const);
  return { destination: `Lulus angkatan ${year}, ${after}`, details: {}, notes: "Menerima paket alat kerja." };
}

/** Names of user accounts for the demo logins. */
export const STAFF_NAMES = {
  admin: "Rina Kusumawati",
  analis: "Hendra Gunawan",
  "admin.bd1": "Dedi Supriyadi",
  "admin.bm1": "Sri Wahyuni",
  "admin.tj1": "Yoga Pratama",
  "instruktur.tj1": "Bambang Sutejo",
  "psikolog.hs2": "Anindya Puspitasari",
  "admin.hs2": "Agus Setiawan",
  "p3s.jakbar": "Ujang Saputra",
} as const;

export const OUT_OF_SERVICE_REASONS = [
  "Perbaikan kasur",
  "Ranjang rusak",
  "Atap bocor",
  "Renovasi kamar mandi",
  "Disinfeksi ruangan",
  "Perbaikan instalasi listrik",
] as const;

const MALE_WARDS = [
  "Arjuna", "Bima", "Nakula", "Sadewa", "Yudistira", "Gatotkaca", "Abimanyu", "Kresna",
  "Antasena", "Wisanggeni", "Baladewa", "Setyaki",
] as const;
const FEMALE_WARDS = [
  "Melati", "Mawar", "Anggrek", "Cempaka", "Kenanga", "Dahlia", "Teratai", "Flamboyan",
  "Seruni", "Kamboja", "Asoka", "Tanjung",
] as const;
const MIXED_WARDS = ["Pelangi", "Ceria", "Bintang", "Kasih", "Harapan", "Mentari"] as const;

/** Ward names for one sex: cycled with a number when a panti needs more than the list holds. */
export function wardName(prefix: "Wisma" | "Ruang", sex: "male" | "female" | "mixed", index: number): string {
  const list = sex === "male" ? MALE_WARDS : sex === "female" ? FEMALE_WARDS : MIXED_WARDS;
  const base = `${prefix} ${list[index % list.length]}`;
  const round = Math.floor(index / list.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}
