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
