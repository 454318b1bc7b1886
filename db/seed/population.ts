/**
 * Plans the demo data in memory, deterministically: rooms and beds for each panti, the current
 * residents, and `years` of history behind them. Nothing here touches the database; seed.ts
 * writes the plan.
 *
 * How the history is built:
 * 1. Layout: rooms and beds per panti (regular beds = capacity), ~2% out of service, and the
 *    census of today placed on regular beds first, then on overflow beds (extra mattresses).
 * 2. Timeline: every bed walks backwards from today, placing stays back to back with small
 *    gaps, with a length of stay typical of the panti type, until the history horizon. A bed
 *    never holds two stays at once. Intake panti also get a few residents with no bed yet.
 * 3. People: stays are visited in order of admission; each gets a new person or an earlier
 *    one who has left by then (a transfer from another panti, mostly from intake, or a
 *    re-entry). A person is never in two stays at once. Exit outcomes follow the panti type
 *    and the person (repatriation only for people from outside DKI ...).
 *
 * All days are counted from `now` (day 0 = now, day -1 = the day before); every generated
 * instant falls on a day before `now`, so it is earlier than `now`.
 */
import type { PantiType, RoomSex, Sex } from "../../app/domain/enums";
import { Random } from "./random";
import type { PantiProfile } from "./reference";
import {
  OUT_OF_SERVICE_REASONS,
  completionExit,
  deceasedExit,
  familyExit,
  independentExit,
  institutionExit,
  isDki,
  otherExit,
  repatriationExit,
  transferExit,
  type ExitRecord,
  originRegion,
  personName,
  unidentifiedDescription,
  wardName,
  type Region,
} from "./names";

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const YEAR_MS = 365.25 * DAY_MS;

export interface RoomPlan {
  id: number;
  pantiId: number;
  name: string;
  sex: RoomSex;
}

export interface BedPlan {
  id: number;
  pantiId: number;
  roomId: number;
  label: string;
  sex: RoomSex;
  overflow: boolean;
  outOfServiceSince: number | null;
  statusReason: string | null;
  /** Whether a current resident sleeps here. */
  occupiedNow: boolean;
  /** The earliest instant this bed was used (for created_at). */
  firstUsedAt: number | null;
}

export interface PantiPlan {
  id: number;
  profile: PantiProfile;
  rooms: RoomPlan[];
  beds: BedPlan[];
  /** Residents today (open stays), with or without a bed. */
  census: number;
  /** Open stays with no bed (just admitted). */
  unbedded: number;
}

export interface PersonPlan {
  id: number;
  sex: Sex;
  name: string | null;
  unidentified: boolean;
  description: string | null;
  nik: string | null;
  kk: string | null;
  /** Exact birth date (YYYY-MM-DD) when documented, else null. */
  birthDate: string | null;
  estimatedBirthYear: number | null;
  /** Birth instant used for age checks (mid-year when only the year is known). */
  bornAt: number;
  region: Region | null;
  ppksCategory: string;
  disabilitySubtypes: string[];
  firstAdmittedAt: number;
  /** When the person's last stay ended; +Infinity while in a stay. */
  freeAt: number;
  /** The person's latest stay so far (while planning). */
  lastStay: StayPlan | null;
}

export interface StayPlan {
  id: number;
  person: PersonPlan;
  panti: PantiPlan;
  bed: BedPlan | null;
  admittedAt: number;
  exitedAt: number | null;
  currentStage: string;
  exitOutcome: string | null;
  exitDestination: string | null;
  exitDetails: Record<string, unknown> | null;
  exitNotes: string | null;
  previousStay: StayPlan | null;
  /** A return after an exit that was not a transfer (as the admission service marks it). */
  reentry: boolean;
}

export interface PopulationPlan {
  panti: PantiPlan[];
  rooms: RoomPlan[];
  beds: BedPlan[];
  persons: PersonPlan[];
  stays: StayPlan[];
  /** Before every instant of the plan: when the panti, rooms and beds were set up. */
  setupAt: number;
}

// ---------------------------------------------------------------------------
// Parameters by panti type
// ---------------------------------------------------------------------------

/** Share of men among residents, where the panti admits both sexes. */
const MALE_SHARE: Record<PantiType, number> = {
  intake: 0.65,
  homeless: 0.7,
  elderly: 0.45,
  mental: 0.6,
  disability: 0.55,
  drug_rehab: 0.85,
  children: 0.5,
  youth: 0.6,
  women: 0,
  violence_victims: 0,
};

/** Beds per room. */
const ROOM_SIZE: Record<PantiType, readonly [number, number]> = {
  intake: [20, 30],
  homeless: [20, 30],
  mental: [20, 30],
  elderly: [10, 20],
  disability: [10, 16],
  children: [8, 14],
  youth: [10, 16],
  drug_rehab: [10, 16],
  women: [8, 12],
  violence_victims: [8, 12],
};

/** Share of residents whose home is in DKI Jakarta. */
const DKI_SHARE: Record<PantiType, number> = {
  intake: 0.62,
  homeless: 0.55,
  elderly: 0.8,
  mental: 0.75,
  disability: 0.85,
  drug_rehab: 0.85,
  children: 0.85,
  youth: 0.85,
  women: 0.7,
  violence_victims: 0.7,
};

/** Probability that an identified resident has a NIK on record. */
const NIK_SHARE: Record<PantiType, number> = {
  intake: 0.75,
  homeless: 0.7,
  elderly: 0.7,
  mental: 0.65,
  disability: 0.85,
  drug_rehab: 0.95,
  children: 0.65,
  youth: 0.9,
  women: 0.85,
  violence_victims: 0.8,
};

/** Typical length of stay in days (for stages). */
const TYPICAL_STAY: Record<PantiType, number> = {
  intake: 26,
  homeless: 150,
  elderly: 900,
  mental: 540,
  disability: 1100,
  drug_rehab: 180,
  children: 1100,
  youth: 330,
  women: 200,
  violence_victims: 60,
};

/** How often an admission draws on earlier residents (re-entry), beyond transfers. */
const REENTRY_SHARE: Partial<Record<PantiType, number>> = { intake: 0.05, homeless: 0.04 };
/** How often an admission to a non-intake panti is a transfer from another panti. */
const TRANSFER_SHARE = 0.6;
/** How long a transferred person may wait between two panti. */
const TRANSFER_WINDOW_MS = 21 * DAY_MS;

const UNIDENTIFIED_SHARE = 0.2;
const OUT_OF_SERVICE_SHARE = 0.02;
const UNBEDDED_SHARE = 0.01;
const MAX_CENSUS_FACTOR = 1.6;

const CATEGORY_WEIGHT: Record<string, number> = {
  gelandangan: 20,
  pengemis: 14,
  pemulung: 8,
  lansia_terlantar: 16,
  penyandang_disabilitas: 14,
  anak_jalanan: 8,
  anak_terlantar: 8,
  tuna_susila: 4,
  fakir_miskin: 4,
  pekerja_migran_bermasalah: 2,
  anak_berhadapan_hukum: 2,
  anak_perlindungan_khusus: 3,
  anak_korban_kekerasan: 3,
  korban_tindak_kekerasan: 6,
  korban_trafficking: 3,
  perempuan_rawan_sosial_ekonomi: 6,
  anak_disabilitas: 3,
};

const FEMALE_ONLY_CATEGORIES = new Set(["perempuan_rawan_sosial_ekonomi", "tuna_susila"]);

function categoryAgeRange(code: string): readonly [number, number] {
  if (code === "anak_balita_terlantar") return [0, 5];
  if (code.startsWith("anak_")) return [6, 17];
  if (code === "lansia_terlantar") return [60, 92];
  if (code === "korban_napza" || code === "korban_trafficking") return [15, 45];
  if (code === "penyandang_disabilitas") return [18, 70];
  return [18, 59];
}

function isToddlerPanti(p: PantiProfile): boolean {
  return p.type === "children" && p.ageMax !== null && p.ageMax <= 7;
}

function sampleStayDays(rng: Random, p: PantiProfile): number {
  switch (p.type) {
    case "intake": {
      // Transit 21-30 days as published, with early pick-ups and a tail of people waiting.
      const r = rng.next();
      if (r < 0.12) return rng.float(2, 20);
      if (r < 0.85) return rng.float(21, 30);
      return rng.float(31, 75);
    }
    case "elderly":
      return rng.logNormal(900, 0.7, 60, 4000);
    case "mental":
      return rng.logNormal(540, 0.7, 45, 3500);
    case "disability":
      return rng.logNormal(1100, 0.6, 120, 4000);
    case "children":
      return isToddlerPanti(p) ? rng.logNormal(400, 0.6, 30, 2200) : rng.logNormal(1100, 0.6, 90, 3650);
    case "youth":
      // Cohorts of up to a year; some leave early.
      return rng.chance(0.85) ? rng.float(300, 365) : rng.float(20, 240);
    case "drug_rehab":
      return rng.chance(0.85) ? rng.float(150, 200) : rng.float(10, 90);
    case "homeless":
      return rng.logNormal(150, 0.5, 20, 540);
    case "women":
      return rng.logNormal(200, 0.5, 30, 365);
    case "violence_victims":
      return rng.logNormal(60, 0.7, 7, 365);
  }
}

/** Whole days a bed stands empty between two stays. */
function sampleGapDays(rng: Random, p: PantiProfile, overflow: boolean): number {
  if (p.type === "intake") return overflow ? Math.round(rng.exponential(10)) : rng.chance(0.6) ? 0 : rng.int(1, 2);
  if (p.type === "youth" && !overflow) return rng.int(7, 45);
  return Math.min(overflow ? 365 : 120, Math.round(rng.exponential(overflow ? 90 : 12)));
}

// ---------------------------------------------------------------------------
// 1. Layout: rooms, beds, census
// ---------------------------------------------------------------------------

function roomLetters(index: number): string {
  let n = index;
  let out = "";
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

function maleShare(p: PantiProfile): number {
  if (p.sexServed === "male") return 1;
  if (p.sexServed === "female") return 0;
  return MALE_SHARE[p.type];
}

interface Ids {
  room: number;
  bed: number;
}

function layoutPanti(rng: Random, id: number, p: PantiProfile, now: number, ids: Ids): PantiPlan {
  const rooms: RoomPlan[] = [];
  const beds: BedPlan[] = [];
  const prefix = ["intake", "mental", "drug_rehab", "homeless"].includes(p.type) ? "Ruang" : "Wisma";
  const share = maleShare(p);
  const groups: [RoomSex, number][] = isToddlerPanti(p)
    ? [["mixed", p.capacity]]
    : [
        ["male", Math.round(p.capacity * share)],
        ["female", p.capacity - Math.round(p.capacity * share)],
      ];

  let roomIndex = 0;
  for (const [sex, count] of groups) {
    if (count === 0) continue;
    const [lo, hi] = ROOM_SIZE[p.type];
    let n = Math.max(1, Math.round(count / rng.int(lo, hi)));
    if (count / n > 30) n = Math.ceil(count / 30);
    if (n > 1 && count / n < 8) n = Math.max(1, Math.floor(count / 8));
    for (let r = 0; r < n; r++) {
      const room: RoomPlan = { id: ++ids.room, pantiId: id, name: wardName(prefix, sex, r), sex };
      rooms.push(room);
      const size = Math.floor(count / n) + (r < count % n ? 1 : 0);
      const letters = roomLetters(roomIndex++);
      for (let b = 1; b <= size; b++) {
        beds.push({
          id: ++ids.bed,
          pantiId: id,
          roomId: room.id,
          label: `${letters}-${String(b).padStart(2, "0")}`,
          sex,
          overflow: false,
          outOfServiceSince: null,
          statusReason: null,
          occupiedNow: false,
          firstUsedAt: null,
        });
      }
    }
  }

  for (const index of rng.sample(beds.length, Math.round(beds.length * OUT_OF_SERVICE_SHARE))) {
    const bed = beds[index]!;
    bed.outOfServiceSince = now - rng.int(2, 60) * DAY_MS + 10 * 60 * MINUTE_MS;
    bed.statusReason = rng.pick(OUT_OF_SERVICE_REASONS);
  }

  // Today's census: the published figure (often above capacity, capped), else 85-100%.
  const census =
    p.reportedResidents !== null
      ? Math.min(p.reportedResidents, Math.round(p.capacity * MAX_CENSUS_FACTOR))
      : Math.round(p.capacity * rng.float(0.85, 1));
  const unbedded = p.type === "intake" ? Math.max(1, Math.round(census * UNBEDDED_SHARE)) : 0;
  const bedded = census - unbedded;

  const inService = beds.filter((b) => b.outOfServiceSince === null);
  if (bedded <= inService.length) {
    for (const index of rng.sample(inService.length, bedded)) inService[index]!.occupiedNow = true;
  } else {
    for (const bed of inService) bed.occupiedNow = true;
    const extra = bedded - inService.length;
    const extraGroups: [RoomSex, number][] = isToddlerPanti(p)
      ? [["mixed", extra]]
      : [
          ["male", Math.round(extra * share)],
          ["female", extra - Math.round(extra * share)],
        ];
    let label = 0;
    for (const [sex, count] of extraGroups) {
      if (count === 0) continue;
      const suffix = sex === "male" ? " Laki-laki" : sex === "female" ? " Perempuan" : "";
      const room: RoomPlan = { id: ++ids.room, pantiId: id, name: `Ruang Tambahan${suffix}`, sex };
      rooms.push(room);
      for (let b = 0; b < count; b++) {
        beds.push({
          id: ++ids.bed,
          pantiId: id,
          roomId: room.id,
          label: `X-${String(++label).padStart(3, "0")}`,
          sex,
          overflow: true,
          outOfServiceSince: null,
          statusReason: null,
          occupiedNow: true,
          firstUsedAt: null,
        });
      }
    }
  }

  return { id, profile: p, rooms, beds, census, unbedded };
}

// ---------------------------------------------------------------------------
// 2. Timeline: stay slots per bed
// ---------------------------------------------------------------------------

interface Slot {
  order: number;
  panti: PantiPlan;
  bed: BedPlan | null;
  sex: RoomSex;
  admittedAt: number;
  exitedAt: number | null;
}

/** An instant on `day` (relative to now) between the given hours, to the minute. */
function instantOn(rng: Random, now: number, day: number, fromHour: number, toHour: number): number {
  return now + day * DAY_MS + rng.int(fromHour * 60, toHour * 60 - 1) * MINUTE_MS;
}

// Exits happen in the morning and admissions in the afternoon, so a bed can change hands on
// one day without the two stays overlapping.
const admissionAt = (rng: Random, now: number, day: number) => instantOn(rng, now, day, 13, 22);
const exitAt = (rng: Random, now: number, day: number) => instantOn(rng, now, day, 7, 12);

function bedTimeline(
  rng: Random,
  plan: PantiPlan,
  bed: BedPlan,
  now: number,
  horizonDay: number,
  slots: Slot[],
): void {
  const p = plan.profile;
  const push = (admitDay: number, exitDay: number | null) => {
    slots.push({
      order: slots.length,
      panti: plan,
      bed,
      sex: bed.sex,
      admittedAt: admissionAt(rng, now, admitDay),
      exitedAt: exitDay === null ? null : exitAt(rng, now, exitDay),
    });
  };

  let exitDay: number;
  if (bed.occupiedNow) {
    // The current resident has been here part of a (length-biased) stay.
    const longest = Math.max(sampleStayDays(rng, p), sampleStayDays(rng, p));
    const admitDay = -Math.max(1, Math.round(rng.next() * longest));
    push(admitDay, null);
    exitDay = admitDay - sampleGapDays(rng, p, bed.overflow);
  } else if (bed.outOfServiceSince !== null) {
    // The last resident left at least the day before the bed went out of service.
    exitDay = Math.floor((bed.outOfServiceSince - now) / DAY_MS) - rng.int(1, 3);
  } else {
    exitDay = -rng.int(1, p.type === "intake" ? 3 : 30);
  }

  while (exitDay >= horizonDay) {
    const stayDays = Math.max(1, Math.round(sampleStayDays(rng, p)));
    const admitDay = exitDay - stayDays;
    push(admitDay, exitDay);
    exitDay = admitDay - sampleGapDays(rng, p, bed.overflow);
  }
}

// ---------------------------------------------------------------------------
// 3. People
// ---------------------------------------------------------------------------

function ageAt(person: PersonPlan, at: number): number {
  return (at - person.bornAt) / YEAR_MS;
}

/** Whether the person may be admitted to the panti at `at` (target group, sex, age). */
function fits(person: PersonPlan, p: PantiProfile, at: number, sex: RoomSex | null): boolean {
  if (sex === "male" || sex === "female") {
    if (person.sex !== sex) return false;
  } else if (p.sexServed !== "any" && p.sexServed !== person.sex) {
    return false;
  }
  if (!p.targetCategories.includes(person.ppksCategory)) return false;
  if (p.disabilitySubtypes.length > 0 && !p.disabilitySubtypes.some((s) => person.disabilitySubtypes.includes(s))) {
    return false;
  }
  const age = ageAt(person, at);
  if (p.ageMin !== null && age < p.ageMin) return false;
  if (p.ageMax !== null && age >= p.ageMax + 1) return false;
  return true;
}

function isoDate(ms: number): string {
  // Dates are calendar dates in Jakarta (UTC+7).
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}

class People {
  readonly persons: PersonPlan[] = [];
  private readonly niks = new Set<string>();

  constructor(private readonly rng: Random) {}

  create(slot: Slot, stayDays: number): PersonPlan {
    const rng = this.rng;
    const p = slot.panti.profile;
    const at = slot.admittedAt;
    const sex: Sex =
      slot.sex === "male" || slot.sex === "female"
        ? slot.sex
        : p.sexServed !== "any"
          ? p.sexServed
          : rng.chance(p.type === "intake" ? MALE_SHARE.intake : 0.5)
            ? "male"
            : "female";

    // Category first, then an age that fits both the category and the panti, leaving room
    // for the stay when the panti has an upper age limit.
    const stayYears = Math.floor(stayDays / 365);
    const options: [string, number, number, number][] = [];
    for (const code of p.targetCategories) {
      if (sex === "male" && FEMALE_ONLY_CATEGORIES.has(code)) continue;
      const [cLo, cHi] = categoryAgeRange(code);
      const lo = Math.max(cLo, p.ageMin ?? 0);
      let hi = Math.min(cHi, p.ageMax ?? 95);
      if (p.ageMax !== null) hi = Math.max(lo, Math.min(hi, p.ageMax - stayYears));
      if (lo > hi) continue;
      options.push([code, CATEGORY_WEIGHT[code] ?? 5, lo, hi]);
    }
    if (options.length === 0) {
      options.push([p.targetCategories[0]!, 1, p.ageMin ?? 18, p.ageMax ?? p.ageMin ?? 59]);
    }
    const choice = options[
      rng.weighted(options.map((o, i) => [i, o[1]] as const))
    ]!;
    const [category, , lo, hi] = choice;
    const age =
      lo >= 60
        ? rng.triangular(lo, lo + 10, Math.max(hi, lo + 25))
        : lo >= 18
          ? rng.triangular(lo, lo + (hi - lo) * 0.35, hi + 0.99)
          : rng.float(lo, hi + 0.99);
    const bornAt = at - age * YEAR_MS;

    let subtypes: string[] = [];
    if (p.disabilitySubtypes.length > 0) {
      subtypes = [rng.pick(p.disabilitySubtypes)];
      if (rng.chance(0.08)) subtypes.push(subtypes[0] === "fisik" ? "sensorik" : "fisik");
    } else if (category === "penyandang_disabilitas") {
      subtypes = [rng.chance(0.8) ? "mental" : "fisik"];
    }
    const mental = subtypes.includes("mental");

    const unidentified =
      (p.type === "intake" || p.type === "mental") && age >= 15 && rng.chance(UNIDENTIFIED_SHARE);
    const person: PersonPlan = {
      id: this.persons.length + 1,
      sex,
      name: null,
      unidentified,
      description: null,
      nik: null,
      kk: null,
      birthDate: null,
      estimatedBirthYear: null,
      bornAt,
      region: null,
      ppksCategory: category,
      disabilitySubtypes: subtypes,
      firstAdmittedAt: at,
      freeAt: at,
      lastStay: null,
    };
    const birthYear = new Date(bornAt).getUTCFullYear();
    /** Only the year is known: count from mid-year, moved so that the age still fits. */
    const estimateBirthYear = () => {
      let year = birthYear;
      while (year > 1900 && (at - Date.UTC(year, 6, 1)) / YEAR_MS < lo) year--;
      while ((at - Date.UTC(year, 6, 1)) / YEAR_MS >= hi + 1) year++;
      person.estimatedBirthYear = year;
      person.bornAt = Date.UTC(year, 6, 1);
    };

    if (unidentified) {
      person.description = unidentifiedDescription(rng, sex, age, mental);
      estimateBirthYear();
    } else {
      person.region = originRegion(rng, DKI_SHARE[p.type]);
      person.name = personName(rng, sex, birthYear);
      const nikShare = isToddlerPanti(p) ? 0.35 : NIK_SHARE[p.type];
      if (rng.chance(nikShare)) {
        person.birthDate = isoDate(bornAt);
        person.nik = this.nik(person.region, sex, person.birthDate);
        if (rng.chance(0.7)) person.kk = this.kk(person.region);
      } else if (rng.chance(0.4)) {
        person.birthDate = isoDate(bornAt);
      } else {
        estimateBirthYear();
      }
    }
    this.persons.push(person);
    return person;
  }

  /** NIK: province, regency/city, district, birth date (day + 40 for women), serial. */
  private nik(region: Region, sex: Sex, birthDate: string): string {
    const [y, m, d] = birthDate.split("-");
    const day = Number(d) + (sex === "female" ? 40 : 0);
    const district = String(this.rng.int(1, 20)).padStart(2, "0");
    const prefix = `${region.provinceCode}${region.cityCode}${district}${String(day).padStart(2, "0")}${m}${y!.slice(2)}`;
    let serial = this.rng.int(1, 30);
    while (this.niks.has(prefix + String(serial).padStart(4, "0"))) serial++;
    const nik = prefix + String(serial).padStart(4, "0");
    this.niks.add(nik);
    return nik;
  }

  private kk(region: Region): string {
    const issued = Date.UTC(this.rng.int(2005, 2023), this.rng.int(0, 11), this.rng.int(1, 28));
    const [y, m, d] = isoDate(issued).split("-");
    const district = String(this.rng.int(1, 20)).padStart(2, "0");
    const serial = String(this.rng.int(1, 9999)).padStart(4, "0");
    return `${region.provinceCode}${region.cityCode}${district}${d}${m}${y!.slice(2)}${serial}`;
  }
}

type Weights = readonly (readonly [string, number])[];

const OUTCOME_WEIGHTS: Record<PantiType, Weights> = {
  intake: [
    ["transferred_panti", 40],
    ["returned_family", 28],
    ["repatriated_home_region", 22],
    ["referred_hospital", 6],
    ["referred_other_institution", 3],
    ["own_request", 5],
    ["absconded", 4],
    ["deceased", 1],
    ["other", 1],
  ],
  homeless: [
    ["returned_family", 25],
    ["repatriated_home_region", 25],
    ["independent_living", 25],
    ["own_request", 10],
    ["absconded", 10],
    ["transferred_panti", 5],
  ],
  elderly: [
    ["deceased", 45],
    ["returned_family", 25],
    ["referred_hospital", 10],
    ["transferred_panti", 6],
    ["own_request", 5],
    ["absconded", 2],
    ["other", 5],
  ],
  mental: [
    ["returned_family", 35],
    ["transferred_panti", 25],
    ["referred_hospital", 15],
    ["repatriated_home_region", 8],
    ["absconded", 7],
    ["deceased", 5],
    ["independent_living", 5],
  ],
  disability: [
    ["returned_family", 40],
    ["independent_living", 20],
    ["programme_completed", 15],
    ["transferred_panti", 10],
    ["deceased", 5],
    ["own_request", 5],
    ["other", 5],
  ],
  children: [
    ["returned_family", 40],
    ["transferred_panti", 20],
    ["adopted", 8],
    ["programme_completed", 12],
    ["independent_living", 8],
    ["absconded", 6],
    ["other", 6],
  ],
  youth: [
    ["programme_completed", 55],
    ["independent_living", 25],
    ["returned_family", 15],
    ["other", 5],
  ],
  drug_rehab: [
    ["programme_completed", 60],
    ["returned_family", 20],
    ["referred_hospital", 5],
    ["own_request", 8],
    ["absconded", 7],
  ],
  women: [
    ["returned_family", 35],
    ["independent_living", 25],
    ["programme_completed", 20],
    ["repatriated_home_region", 10],
    ["own_request", 5],
    ["absconded", 5],
  ],
  violence_victims: [
    ["returned_family", 35],
    ["referred_other_institution", 20],
    ["repatriated_home_region", 15],
    ["independent_living", 15],
    ["transferred_panti", 10],
    ["other", 5],
  ],
};

const TODDLER_OUTCOMES: Weights = [
  ["adopted", 40],
  ["returned_family", 35],
  ["transferred_panti", 20],
  ["other", 5],
];
const EARLY_LEAVER_OUTCOMES: Weights = [
  ["own_request", 35],
  ["absconded", 25],
  ["returned_family", 30],
  ["referred_other_institution", 10],
];
const SHORT_INTAKE_OUTCOMES: Weights = [
  ["returned_family", 50],
  ["own_request", 20],
  ["absconded", 15],
  ["referred_hospital", 15],
];

/** Outcomes after which the panti follows the person up (bimbingan lanjut). */
const FOLLOWED_UP = new Set(["returned_family", "independent_living", "programme_completed", "adopted"]);
/** Outcomes that close the rehabilitation process (terminasi). */
const TERMINATED = new Set([...FOLLOWED_UP, "transferred_panti", "repatriated_home_region"]);
/** Outcomes after which the person may turn up again later. */
const MAY_RETURN = new Set([
  "returned_family",
  "repatriated_home_region",
  "own_request",
  "absconded",
  "independent_living",
  "programme_completed",
  "referred_hospital",
]);

function stageForDays(type: PantiType, days: number): string {
  if (type === "intake") {
    if (days < 3) return "pendekatan_awal";
    if (days < 10) return "asesmen";
    if (days < 17) return "rencana_intervensi";
    if (days < 25) return "intervensi";
    return "resosialisasi";
  }
  if (days < 7) return "pendekatan_awal";
  if (days < 30) return "asesmen";
  if (days < 60) return "rencana_intervensi";
  // Elderly residents mostly stay for good: no reintegration stage for them by default.
  if (type === "elderly" || days < TYPICAL_STAY[type] * 0.8) return "intervensi";
  return "resosialisasi";
}

interface PoolEntry {
  person: PersonPlan;
  stay: StayPlan;
  exitedAt: number;
}

// ---------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------

export function planPopulation(
  profiles: readonly PantiProfile[],
  options: { now: number; years: number },
): PopulationPlan {
  const { now, years } = options;
  const horizonDay = -Math.round(years * 365);

  // Separate streams, so that the layout does not change with the length of the history.
  const layoutRng = new Random(0x9a27_1001);
  const timelineRng = new Random(0x9a27_2002);
  const peopleRng = new Random(0x9a27_3003);

  // 1. Layout
  const ids: Ids = { room: 0, bed: 0 };
  const panti = profiles.map((p, i) => layoutPanti(layoutRng, i + 1, p, now, ids));

  // 2. Timeline
  const slots: Slot[] = [];
  for (const plan of panti) {
    for (const bed of plan.beds) bedTimeline(timelineRng, plan, bed, now, horizonDay, slots);
    for (let i = 0; i < plan.unbedded; i++) {
      slots.push({
        order: slots.length,
        panti: plan,
        bed: null,
        sex: "mixed",
        admittedAt: instantOn(timelineRng, now, -1, 18, 24),
        exitedAt: null,
      });
    }
  }
  slots.sort((a, b) => a.admittedAt - b.admittedAt || a.order - b.order);

  // 3. People, outcomes, stages
  const rng = peopleRng;
  const people = new People(rng);
  const stays: StayPlan[] = [];
  let transferPool: PoolEntry[] = [];
  const released: PersonPlan[] = [];

  const receivingPanti = (person: PersonPlan, from: PantiPlan, at: number) =>
    panti.filter((q) => q !== from && q.profile.type !== "intake" && fits(person, q.profile, at, null));

  for (const slot of slots) {
    const p = slot.panti.profile;
    const at = slot.admittedAt;
    const stayDays = ((slot.exitedAt ?? now) - at) / DAY_MS;
    if (stays.length % 256 === 0) {
      transferPool = transferPool.filter((e) => e.exitedAt >= at - TRANSFER_WINDOW_MS);
    }

    // Who comes in: a transfer, a returning person, or someone new.
    let person: PersonPlan | undefined;
    let viaTransfer = false;
    if (p.type !== "intake" && rng.chance(TRANSFER_SHARE)) {
      const index = transferPool.findIndex(
        (e) =>
          e.exitedAt <= at &&
          e.exitedAt >= at - TRANSFER_WINDOW_MS &&
          e.person.freeAt <= at &&
          e.stay.panti !== slot.panti &&
          fits(e.person, p, at, slot.bed ? slot.sex : null),
      );
      if (index >= 0) {
        const entry = transferPool[index]!;
        transferPool.splice(index, 1);
        Object.assign(entry.stay, exitFields(transferExit(slot.panti.id, p.name, entry.person.ppksCategory)));
        person = entry.person;
        viaTransfer = true;
      }
    }
    if (!person && released.length > 0 && rng.chance(REENTRY_SHARE[p.type] ?? 0.005)) {
      for (let tries = 0; tries < 12 && !person; tries++) {
        const index = rng.int(0, released.length - 1);
        const candidate = released[index]!;
        if (candidate.freeAt + 30 * DAY_MS <= at && fits(candidate, p, at, slot.bed ? slot.sex : null)) {
          person = candidate;
          released[index] = released[released.length - 1]!;
          released.pop();
        }
      }
    }
    person ??= people.create(slot, stayDays);

    const stay: StayPlan = {
      id: stays.length + 1,
      person,
      panti: slot.panti,
      bed: slot.bed,
      admittedAt: at,
      exitedAt: slot.exitedAt,
      currentStage: stageForDays(p.type, stayDays),
      exitOutcome: null,
      exitDestination: null,
      exitDetails: null,
      exitNotes: null,
      previousStay: person.lastStay,
      reentry: person.lastStay !== null && !viaTransfer && person.lastStay.exitOutcome !== "transferred_panti",
    };
    person.lastStay = stay;
    stays.push(stay);
    if (slot.bed && (slot.bed.firstUsedAt === null || at < slot.bed.firstUsedAt)) slot.bed.firstUsedAt = at;

    if (slot.exitedAt === null) {
      person.freeAt = Number.POSITIVE_INFINITY;
      continue;
    }
    person.freeAt = slot.exitedAt;
    closeStay(rng, stay, stayDays, now, receivingPanti, transferPool);
    if (stay.exitOutcome && MAY_RETURN.has(stay.exitOutcome)) released.push(person);
  }

  const rooms = panti.flatMap((q) => q.rooms);
  const beds = panti.flatMap((q) => q.beds);
  const earliest = stays.reduce((min, s) => Math.min(min, s.admittedAt), now);
  const setupAt = Math.floor((earliest - now) / DAY_MS) * DAY_MS + now - DAY_MS;
  return { panti, rooms, beds, persons: people.persons, stays, setupAt };
}

function closeStay(
  rng: Random,
  stay: StayPlan,
  stayDays: number,
  now: number,
  receivingPanti: (person: PersonPlan, from: PantiPlan, at: number) => PantiPlan[],
  transferPool: PoolEntry[],
): void {
  const p = stay.panti.profile;
  const person = stay.person;
  const exitedAt = stay.exitedAt!;
  const age = ageAt(person, exitedAt);

  let weights = OUTCOME_WEIGHTS[p.type];
  if (isToddlerPanti(p)) weights = TODDLER_OUTCOMES;
  if ((p.type === "youth" && stayDays < 250) || (p.type === "drug_rehab" && stayDays < 100)) {
    weights = EARLY_LEAVER_OUTCOMES;
  }
  if (p.type === "intake" && stayDays < 10) weights = SHORT_INTAKE_OUTCOMES;
  // People from outside Jakarta go home far more often than they are kept.
  if (!isDki(person.region) && person.region !== null && p.type === "intake") {
    weights = weights.map(([code, w]) => [code, code === "repatriated_home_region" ? w * 2.5 : w] as const);
  }
  let outcome = rng.weighted(weights);

  if (outcome === "repatriated_home_region" && (person.region === null || isDki(person.region))) {
    outcome = "returned_family";
  }
  if (outcome === "independent_living" && age < 17) outcome = "returned_family";
  if (outcome === "adopted" && age >= 18) outcome = "returned_family";
  let receivers: PantiPlan[] = [];
  if (outcome === "transferred_panti") {
    receivers = receivingPanti(person, stay.panti, exitedAt);
    if (receivers.length === 0) outcome = age >= 18 ? "referred_other_institution" : "returned_family";
  }

  stay.exitOutcome = outcome;
  Object.assign(stay, exitFields(exitRecord(rng, outcome, stay, age, receivers)));
  if (outcome === "transferred_panti") transferPool.push({ person, stay, exitedAt });

  if (FOLLOWED_UP.has(outcome) && p.type !== "intake" && now - exitedAt < 180 * DAY_MS) {
    stay.currentStage = "bimbingan_lanjut";
  } else if (TERMINATED.has(outcome)) {
    stay.currentStage = "terminasi";
  }
}

/** The destination, details and notes of an exit, shaped as the exit service writes them. */
function exitRecord(
  rng: Random,
  outcome: string,
  stay: StayPlan,
  age: number,
  receivers: readonly PantiPlan[],
): ExitRecord {
  const person = stay.person;
  switch (outcome) {
    case "transferred_panti": {
      // A guess until a receiving panti admits the person (then it is corrected).
      const to = rng.pick(receivers);
      return transferExit(to.id, to.profile.name, person.ppksCategory);
    }
    case "returned_family":
    case "adopted":
      return familyExit(rng, person.region, age, outcome === "adopted");
    case "repatriated_home_region":
      return repatriationExit(rng, person.region!);
    case "referred_hospital":
    case "referred_other_institution":
      return institutionExit(rng, outcome === "referred_hospital");
    case "independent_living":
      return independentExit(rng, person.region);
    case "programme_completed":
      return completionExit(rng, new Date(stay.exitedAt!).getUTCFullYear(), stay.panti.profile.type === "youth");
    case "deceased":
      return deceasedExit(rng);
    case "other":
      return otherExit(rng);
    default:
      return { destination: null, details: {}, notes: null };
  }
}

function exitFields(record: ExitRecord): Pick<StayPlan, "exitDestination" | "exitDetails" | "exitNotes"> {
  return { exitDestination: record.destination, exitDetails: record.details, exitNotes: record.notes };
}
