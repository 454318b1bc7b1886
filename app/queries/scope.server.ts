/**
 * The scope of `~/domain/permissions` as SQL: the condition a personal-data query adds to its
 * `where` clause. A scope that cannot reach the column (none, or a unit for a panti column)
 * matches no row.
 */
import { eq, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { scopeFor, type Actor, type Permission, type Scope } from "~/domain/permissions";

const NOTHING = sql`1 = 0`;

/** Rows whose panti column is inside the scope; undefined (no condition) only for "all". */
export function pantiWhere(scope: Scope, column: AnySQLiteColumn): SQL | undefined {
  if (scope.kind === "all") return undefined;
  if (scope.kind === "panti") return eq(column, scope.pantiId);
  return NOTHING;
}

/** Whether the actor's scope for the permission reaches the panti (the test of `onePantiWhere`, for a prepared query that takes the panti as a value). */
export function scopeReachesPanti(actor: Actor, permission: Permission, pantiId: number): boolean {
  const scope = scopeFor(actor, permission);
  return scope.kind === "all" || (scope.kind === "panti" && scope.pantiId === pantiId);
}

/** Rows of one panti, and only when the actor's scope for the permission reaches it. */
export function onePantiWhere(actor: Actor, permission: Permission, pantiId: number, column: AnySQLiteColumn): SQL {
  return scopeReachesPanti(actor, permission, pantiId) ? eq(column, pantiId) : NOTHING;
}
