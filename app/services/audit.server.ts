import type { auditLog } from "#db/schema";
import type { Db } from "~/utils/db.server";
import { db, perConnection } from "~/utils/db.server";
import { auditAppender } from "./bulk.server";

/** A transaction handle (or the database itself). */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  pantiId?: number | null;
  before?: unknown;
  after?: unknown;
  at?: Date;
}

/** The row of the audit log for an entry. */
export function auditRow(entry: AuditEntry) {
  return {
    at: entry.at ?? new Date(),
    userId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    pantiId: entry.pantiId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  } satisfies typeof auditLog.$inferInsert;
}

const auditInsert = perConnection((connection) => auditAppender(connection));

/**
 * Appends one row to the audit log. Call it inside the transaction of the write it records (the
 * prepared insert runs on the one connection, so inside whatever transaction is open on it).
 */
export function appendAudit(_tx: Tx | Db, entry: AuditEntry): void {
  auditInsert()(entry);
}

/**
 * Runs a write in one IMMEDIATE transaction (the write lock is taken at the start, so two
 * concurrent writers are serialised instead of failing half-way).
 */
export function writeTransaction<T>(fn: (tx: Tx) => T): T {
  return db.transaction(fn, { behavior: "immediate" });
}
