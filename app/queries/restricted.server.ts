/**
 * Restricted records as SQL: the person's panti (where they stay now, or stayed last), and the
 * condition under which a search may match a person's name or NIK (never a restricted person's
 * outside their panti, so a search cannot confirm who is where).
 */
import { sql, type SQL } from "drizzle-orm";
import { persons } from "#db/schema";
import { scopeFor, type Actor } from "~/domain/permissions";

/** The panti of the person's open stay, or of their latest stay; null without stays. */
export const homePantiOf = (personId: SQL | typeof persons.id = persons.id) =>
  sql<number | null>`(select hs.panti_id from stays hs where hs.person_id = ${personId}
    order by (hs.exited_at is null) desc, hs.admitted_at desc, hs.id desc limit 1)`;

/** The columns `shownIdentity` needs, to add to a select that joins `persons`. */
export const restrictionColumns = () => ({ restricted: persons.restricted, homePantiId: homePantiOf() });

/** Rows whose person the actor may see named (undefined: every row, for Dinsos). */
export function namedToActor(actor: Actor): SQL | undefined {
  const scope = scopeFor(actor, "case:read");
  if (scope.kind === "all") return undefined;
  if (scope.kind === "panti") return sql`(${persons.restricted} = 0 or ${homePantiOf()} = ${scope.pantiId})`;
  return sql`${persons.restricted} = 0`;
}
