import type { Sex } from "./enums";

export interface PersonName {
  name: string | null;
  unidentified: boolean;
  sex: Sex;
}

/** How a person is named on screen: their name, or "Mr. X" / "Mrs. X" while unidentified. */
export function displayName(person: PersonName): string {
  if (person.name && !person.unidentified) return person.name;
  if (person.name) return `${person.name} (?)`;
  return person.sex === "female" ? "Mrs. X" : "Mr. X";
}

/**
 * The sex a search means when it names an unidentified person the way the screens do ("Mr. X",
 * "Mrs. X", and the Indonesian "Tn. X" / "Ny. X"), or null for any other search.
 */
export function unidentifiedSearch(query: string): Sex | null {
  const q = query.trim().toLowerCase().replace(/\s+/g, " ");
  const match = /^(mr|mrs|ms|tn|ny|bpk|ibu)\.? ?x$/.exec(q);
  if (!match) return null;
  return ["mrs", "ms", "ny", "ibu"].includes(match[1]!) ? "female" : "male";
}
