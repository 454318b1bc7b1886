/**
 * The condition of a search for a person in a list of residents: their name, NIK or description
 * (what staff write about someone without a name), or, for "Mr. X" / "Mrs. X", the
 * unidentified people of that sex.
 */
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { persons } from "#db/schema";
import { unidentifiedSearch } from "~/domain/persons";

/** A LIKE pattern (with `escape '\\'`) for text that contains `q`. */
export function containsLike(q: string): string {
  return `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

export function personSearchWhere(query: string | undefined): SQL | undefined {
  const q = query?.trim();
  if (!q) return undefined;
  const pattern = containsLike(q);
  const sex = unidentifiedSearch(q);
  return or(
    sql`${persons.name} like ${pattern} escape '\\'`,
    sql`${persons.nik} like ${pattern} escape '\\'`,
    sql`${persons.description} like ${pattern} escape '\\'`,
    sex ? and(eq(persons.unidentified, true), eq(persons.sex, sex)) : undefined,
  );
}
