/**
 * Which panti fits a referral: ranked by target group vs category, age, the sex wards, free beds
 * now and over-capacity, with the reasons shown to the user. Intake panti (Bina Insan) take
 * anyone for assessment.
 */
import type { Occupancy } from "./capacity";
import type { PantiType, Sex } from "./enums";

export interface MatchSubject {
  ppksCategory: string;
  sex: Sex;
  age: number | null;
}

export interface MatchPanti {
  id: number;
  name: string;
  type: PantiType;
  targetCategories: readonly string[];
  sexServed: "male" | "female" | "any";
  ageMin: number | null;
  ageMax: number | null;
  occupancy: Occupancy;
  /** Free regular beds in rooms for this person's sex (or mixed rooms). */
  freeBedsForSex: number;
}

/** A panti with its free beds per ward sex, before knowing whom it is matched for. */
export interface MatchCandidate extends Omit<MatchPanti, "freeBedsForSex"> {
  freeBeds: Record<"male" | "female" | "mixed", number>;
}

/** A candidate as matching sees it for one person's sex (their wards plus mixed rooms). */
export function forSex(c: MatchCandidate, sex: Sex): MatchPanti {
  const { freeBeds, ...rest } = c;
  return { ...rest, freeBedsForSex: freeBeds[sex] + freeBeds.mixed };
}

export interface MatchReason {
  key: string;
  params?: Record<string, string | number>;
  effect: "good" | "bad" | "info";
}

export interface MatchResult {
  pantiId: number;
  name: string;
  type: PantiType;
  score: number;
  excluded: boolean;
  reasons: MatchReason[];
  occupancy: Occupancy;
  freeBedsForSex: number;
}

export function scorePanti(subject: MatchSubject, p: MatchPanti): MatchResult {
  const reasons: MatchReason[] = [];
  let score = 0;
  let excluded = false;

  if (p.sexServed !== "any" && p.sexServed !== subject.sex) {
    excluded = true;
    reasons.push({ key: `match.sexNotServed.${p.sexServed}`, effect: "bad" });
  }

  const categoryFits = p.targetCategories.includes(subject.ppksCategory);
  if (categoryFits) {
    score += 60;
    reasons.push({ key: "match.categoryFits", effect: "good" });
  } else if (p.type === "intake") {
    score += 35;
    reasons.push({ key: "match.intakeTakesAnyone", effect: "info" });
  } else {
    score -= 30;
    reasons.push({ key: "match.categoryOther", effect: "bad" });
  }

  if (subject.age != null && (p.ageMin != null || p.ageMax != null)) {
    const min = p.ageMin ?? 0;
    const max = p.ageMax ?? 150;
    if (subject.age < min || subject.age > max) {
      score -= 40;
      reasons.push({ key: "match.ageOutside", params: { range: ageRange(p.ageMin, p.ageMax) }, effect: "bad" });
    } else {
      score += 10;
      reasons.push({ key: "match.ageFits", params: { range: ageRange(p.ageMin, p.ageMax) }, effect: "good" });
    }
  }

  if (p.freeBedsForSex > 0) {
    score += 20 + Math.min(10, Math.floor(p.freeBedsForSex / 5));
    reasons.push({ key: "match.freeBeds", params: { n: p.freeBedsForSex }, effect: "good" });
  } else {
    score -= 10;
    reasons.push({ key: "match.noFreeBed", effect: "bad" });
  }

  const pct = p.occupancy.occupancyPct;
  if (p.occupancy.overCapacity && pct != null) {
    score -= Math.min(30, Math.round((pct - 100) / 3));
    reasons.push({ key: "match.overCapacity", params: { pct: Math.round(pct) }, effect: "bad" });
  }

  return {
    pantiId: p.id,
    name: p.name,
    type: p.type,
    score,
    excluded,
    reasons,
    occupancy: p.occupancy,
    freeBedsForSex: p.freeBedsForSex,
  };
}

/** All panti ranked best first; panti that cannot take the person at all come last. */
export function rankPanti(subject: MatchSubject, candidates: readonly MatchPanti[]): MatchResult[] {
  return candidates
    .map((p) => scorePanti(subject, p))
    .sort((a, b) => Number(a.excluded) - Number(b.excluded) || b.score - a.score || a.name.localeCompare(b.name));
}

// ---------------------------------------------------------------------------
// Beds at admission
// ---------------------------------------------------------------------------

export interface BedChoice {
  id: number;
  label: string;
  roomName: string;
  roomSex: "male" | "female" | "mixed";
  overflow: boolean;
  inService: boolean;
  occupied: boolean;
}

/** Whether a bed can take this person now: in service, free, and a room for their sex. */
export function bedFits(bed: BedChoice, sex: Sex): boolean {
  return bed.inService && !bed.occupied && (bed.roomSex === "mixed" || bed.roomSex === sex);
}

/** The best free regular bed for the person (same-sex ward before mixed rooms), or null when full. */
export function bestFreeBed(beds: readonly BedChoice[], sex: Sex): BedChoice | null {
  const fitting = beds.filter((b) => !b.overflow && bedFits(b, sex));
  fitting.sort(
    (a, b) =>
      Number(a.roomSex === "mixed") - Number(b.roomSex === "mixed") ||
      a.roomName.localeCompare(b.roomName, "id") ||
      a.label.localeCompare(b.label, "id", { numeric: true }),
  );
  return fitting[0] ?? null;
}

/** A target age range in words: "18–59", "60+" without an upper age, "≤ 17" without a lower one. */
export function ageRange(min: number | null, max: number | null): string {
  if (min != null && max != null) return `${min}–${max}`;
  if (min != null) return `${min}+`;
  if (max != null) return `≤ ${max}`;
  return "";
}
