/**
 * Restricted records as SQL: the person's panti (where they stay now, or stayed last), and the
 * condition under which a search may match a person's name or NIK (never a restricted person's
 * outside their panti, so a search cannot confirm who is where).
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { persons } from "#db/schema";
import type { Actor } from "~/domain/permissions";
import { namedScope, shownIdentity } from "~/domain/safeguarding";
import { db } from "~/utils/db.server";

/**
 * The panti of the person's open stay, or of their latest stay; null without stays. The person's
 * id is written with its table: in a select from `persons` alone drizzle writes a bare "id",
 * which inside the subquery would mean the stay's own id.
 */
export const homePantiOf = (personId: SQL | typeof persons.id = persons.id) => {
  const ref = personId === persons.id ? sql`${sql.identifier("persons")}.${sql.identifier("id")}` : personId;
  return sql<number | null>`(select hs.panti_id from stays hs where hs.person_id = ${ref}
    order by (hs.exited_at is null) desc, hs.admitted_at desc, hs.id desc limit 1)`;
};

/** The columns `shownIdentity` needs, to add to a select that joins `persons`. */
export const restrictionColumns = () => ({ restricted: persons.restricted, homePantiId: homePantiOf() });

/** Rows whose person the actor may see named (undefined: every row, for Dinsos). */
export function namedToActor(actor: Actor): SQL | undefined {
  const scope = namedScope(actor);
  if (scope.kind === "all") return undefined;
  if (scope.kind === "panti") return sql`(${persons.restricted} = 0 or ${homePantiOf()} = ${scope.pantiId})`;
  return sql`${persons.restricted} = 0`;
}

/**
 * A list of people read without the restriction columns (a report's rows, computed for figures
 * too), with the names the actor may not see replaced by the masked label. Restricted persons are
 * few: only they are looked up, by id.
 */
export function maskRestricted<T extends { personId: number; displayName: string }>(actor: Actor, rows: T[]): T[] {
  if (namedScope(actor).kind === "all" || rows.length === 0) return rows;
  const ids = [...new Set(rows.map((r) => r.personId))];
  const restricted = new Map<number, number | null>();
  for (let i = 0; i < ids.length; i += 500) {
    db.select({ id: persons.id, homePantiId: homePantiOf() })
      .from(persons)
      .where(and(inArray(persons.id, ids.slice(i, i + 500)), eq(persons.restricted, true)))
      .all()
      .forEach((p) => restricted.set(p.id, p.homePantiId));
  }
  if (restricted.size === 0) return rows;
  return rows.map((r) => {
    if (!restricted.has(r.personId)) return r;
    const shown = shownIdentity(actor, { name: r.displayName, unidentified: false, sex: "male", restricted: true, homePantiId: restricted.get(r.personId) ?? null });
    return shown.masked ? { ...r, displayName: shown.displayName } : r;
  });
}
