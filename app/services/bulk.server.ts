/**
 * Writing many rows inside one transaction: each statement is built and prepared once, then run
 * with each row's values (drizzle placeholders, so columns keep their mapping: JSON, timestamps,
 * booleans). Building a drizzle query costs far more than running it; a batch of thousands of
 * rows otherwise spends most of its time there.
 */
import { getTableColumns, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { auditLog } from "#db/schema";
import type { Db } from "~/utils/db.server";
import { auditRow, type AuditEntry, type Tx } from "./audit.server";

type Values = Record<string, unknown>;

/**
 * An insert of `table` prepared for the columns named in `columns`; every call gives a value (or
 * null) for each of them and gets the new row's id.
 */
export function preparedInsert<T extends SQLiteTable & { id: unknown }, V extends Partial<T["$inferInsert"]>>(tx: Tx | Db, table: T, columns: readonly (keyof V & string)[]): (values: V) => number {
  // Placeholders inside sql``: drizzle passes their values through as they are, so each value is
  // mapped here by its column (a null stays null, which the columns' own mappers do not accept).
  const shape = Object.fromEntries(columns.map((column) => [column, sql`${sql.placeholder(column)}`]));
  const byName = getTableColumns(table) as Record<string, { mapToDriverValue: (value: unknown) => unknown }>;
  const encoders = columns.map((column) => [column, byName[column]!] as const);
  // The placeholders stand for the values of the typed row the caller passes in.
  const statement = tx
    .insert(table)
    .values(shape as T["$inferInsert"])
    .returning({ id: table.id as never })
    .prepare();
  return (values) => {
    const bound: Values = {};
    for (const [column, encoder] of encoders) {
      const value = (values as Values)[column];
      bound[column] = value == null ? null : encoder.mapToDriverValue(value);
    }
    return (statement.get(bound) as { id: number }).id;
  };
}

/** `appendAudit` for many rows: one prepared statement, one call per entry. */
export function auditAppender(tx: Tx | Db): (entry: AuditEntry) => void {
  const insert = preparedInsert(tx, auditLog, ["at", "userId", "action", "entity", "entityId", "pantiId", "before", "after"]);
  return (entry) => {
    insert(auditRow(entry));
  };
}
