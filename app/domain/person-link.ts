/**
 * Linking a referral to a person already on record: where the two disagree (a name, the origin,
 * the year of birth ...), the admin chooses per field which to keep. Nothing known is replaced
 * without that choice; what the record lacks is filled in from the referral.
 */
import { birthYearOf } from "./placements";

export const LINKED_FIELDS = ["name", "birthDate", "birthYear", "originProvince", "originCity", "description", "ppksCategory"] as const;
export type LinkedField = (typeof LINKED_FIELDS)[number];

/** What the referral says about the person. */
export interface ReferralFacts {
  personName: string | null;
  birthDate: string | null;
  estimatedAge: number | null;
  foundAt: Date;
  originProvince: string | null;
  originCity: string | null;
  description: string | null;
  ppksCategory: string;
}

/** What the person's record says. */
export interface PersonFacts {
  name: string | null;
  birthDate: string | null;
  birthYear: number | null;
  originProvince: string | null;
  originCity: string | null;
  description: string | null;
  ppksCategory: string | null;
}

export interface FieldDifference {
  field: LinkedField;
  /** As shown: text, or a year. */
  person: string;
  referral: string;
  /** Which one the form proposes: the record, except for the category (the situation the person is in now). */
  proposed: "person" | "referral";
}

const same = (a: string, b: string) => a.trim().toLowerCase().replace(/\s+/g, " ") === b.trim().toLowerCase().replace(/\s+/g, " ");

/** The referral's value of each field, as the person's record would hold it (null when it says nothing). */
export function referralValues(r: ReferralFacts): Record<LinkedField, string | null> {
  const year = birthYearOf({ birthDate: r.birthDate, estimatedAge: r.estimatedAge, at: r.foundAt });
  return {
    name: r.personName,
    birthDate: r.birthDate,
    // A year of birth only when the referral has no date (a date is compared as a date).
    birthYear: r.birthDate ? null : year != null ? String(year) : null,
    originProvince: r.originProvince,
    originCity: r.originCity,
    description: r.description,
    ppksCategory: r.ppksCategory,
  };
}

function personValues(p: PersonFacts): Record<LinkedField, string | null> {
  return {
    name: p.name,
    birthDate: p.birthDate,
    birthYear: p.birthYear != null ? String(p.birthYear) : null,
    originProvince: p.originProvince,
    originCity: p.originCity,
    description: p.description,
    ppksCategory: p.ppksCategory,
  };
}

/** The fields both know and disagree on: the choices to offer. */
export function referralDifferences(referral: ReferralFacts, person: PersonFacts): FieldDifference[] {
  const theirs = referralValues(referral);
  const ours = personValues(person);
  const out: FieldDifference[] = [];
  for (const field of LINKED_FIELDS) {
    const r = theirs[field];
    const p = ours[field];
    if (!r || !p || same(r, p)) continue;
    // An estimated year a year or so off is the same estimate, not a disagreement.
    if (field === "birthYear" && Math.abs(Number(r) - Number(p)) <= 1) continue;
    out.push({ field, person: p, referral: r, proposed: field === "ppksCategory" ? "referral" : "person" });
  }
  return out;
}

/**
 * The update of the person's record: fields the record lacks, filled from the referral, and the
 * disagreeing fields for which the admin chose the referral's value.
 */
export function linkedPersonUpdate(referral: ReferralFacts, person: PersonFacts, takeFromReferral: readonly LinkedField[]) {
  const theirs = referralValues(referral);
  const ours = personValues(person);
  const chosen = new Set(referralDifferences(referral, person).filter((d) => takeFromReferral.includes(d.field)).map((d) => d.field));
  const update: Partial<Record<LinkedField, string | null>> = {};
  for (const field of LINKED_FIELDS) {
    const r = theirs[field];
    if (!r) continue;
    if (!ours[field] || chosen.has(field)) update[field] = r;
  }
  const set: { name?: string; unidentified?: false; birthDate?: string; birthYear?: number; estimatedBirthYear?: number | null; originProvince?: string; originCity?: string; description?: string; ppksCategory?: string } = {};
  if (update.name) Object.assign(set, { name: update.name, unidentified: false as const });
  if (update.birthDate) Object.assign(set, { birthDate: update.birthDate, birthYear: Number(update.birthDate.slice(0, 4)), estimatedBirthYear: null });
  else if (update.birthYear && !person.birthDate) Object.assign(set, { birthYear: Number(update.birthYear), estimatedBirthYear: Number(update.birthYear) });
  if (update.originProvince) set.originProvince = update.originProvince;
  if (update.originCity) set.originCity = update.originCity;
  if (update.description) set.description = update.description;
  if (update.ppksCategory) set.ppksCategory = update.ppksCategory;
  return set;
}
