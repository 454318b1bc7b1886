/**
 * The audit log is append-only in the database itself: triggers from migration
 * 0001_audit_log_append_only refuse UPDATE and DELETE, whatever code issues them.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "#db/schema";
import { appendAudit, writeTransaction } from "~/services/audit.server";
import { db } from "~/utils/db.server";

function appendOne(action: string): number {
  writeTransaction((tx) => appendAudit(tx, { actorId: null, action, entity: "test", after: { n: 1 } }));
  return db.select().from(auditLog).where(eq(auditLog.action, action)).get()!.id;
}

describe("audit_log is append-only", () => {
  it("accepts inserts", () => {
    const before = db.$client.prepare("select count(*) as n from audit_log").get() as { n: number };
    appendOne("test.insert");
    appendOne("test.insert.2");
    const after = db.$client.prepare("select count(*) as n from audit_log").get() as { n: number };
    expect(after.n).toBe(before.n + 2);
  });

  it("refuses an UPDATE, through drizzle and through raw SQL, and leaves the row as it was", () => {
    const id = appendOne("test.update");
    expect(() => db.update(auditLog).set({ action: "tampered" }).where(eq(auditLog.id, id)).run()).toThrow(
      /audit_log is append-only: rows cannot be updated/,
    );
    expect(() => db.$client.prepare("update audit_log set after = null").run()).toThrow(/append-only/);
    expect(db.select().from(auditLog).where(eq(auditLog.id, id)).get()).toMatchObject({ action: "test.update", after: { n: 1 } });
  });

  it("refuses a DELETE, of one row or all of them", () => {
    const id = appendOne("test.delete");
    expect(() => db.delete(auditLog).where(eq(auditLog.id, id)).run()).toThrow(
      /audit_log is append-only: rows cannot be deleted/,
    );
    expect(() => db.$client.prepare("delete from audit_log").run()).toThrow(/append-only/);
    expect(db.select().from(auditLog).where(eq(auditLog.id, id)).get()).toBeDefined();
  });

  it("rolls back the whole transaction that tried to rewrite history", () => {
    const id = appendOne("test.rollback");
    expect(() =>
      writeTransaction((tx) => {
        appendAudit(tx, { actorId: null, action: "test.rollback.cover", entity: "test" });
        tx.delete(auditLog).where(eq(auditLog.id, id)).run();
      }),
    ).toThrow(/append-only/);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "test.rollback.cover")).all()).toHaveLength(0);
  });
});
