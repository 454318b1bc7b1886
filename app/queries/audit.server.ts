/**
 * The audit log page: newest first, 50 entries a page, keyset-paginated on (at, id) so a deep
 * page costs the same as the first. Every filter is a `where` clause on an indexed column.
 */
import { and, asc, desc, eq, gte, lt, lte, sql, type SQL } from "drizzle-orm";
import { auditLog, panti, users } from "#db/schema";
import { DEMO_SEED_ACTION } from "#db/seed/markers";
import { scopeFor, type Actor } from "~/domain/permissions";
import { parseJakartaDateTime } from "~/domain/time";
import { auditChanges, parseAuditCursor, type AuditFilter } from "~/domain/users";
import { db, perConnection } from "~/utils/db.server";
import { pantiWhere } from "./scope.server";

export const AUDIT_PAGE_SIZE = 50;

/** A LIKE pattern for values starting with `text` (its wildcards taken literally). */
function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Start of a Jakarta calendar day (YYYY-MM-DD) as an instant. */
function jakartaDayStart(date: string): Date | null {
  return parseJakartaDateTime(`${date}T00:00`);
}

function filterWhere(filter: AuditFilter): SQL | undefined {
  const from = filter.from ? jakartaDayStart(filter.from) : null;
  const to = filter.to ? jakartaDayStart(filter.to) : null;
  return and(
    // A prefix: "user." matches user.create, user.update ...; "auth.sign_in" also matches sign_in_failed.
    filter.action
      ? sql`${auditLog.action} like ${prefixPattern(filter.action)} escape '\\'`
      : undefined,
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.entity && filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.user ? eq(auditLog.userId, filter.user) : undefined,
    filter.panti ? eq(auditLog.pantiId, filter.panti) : undefined,
    from ? gte(auditLog.at, from) : undefined,
    // Up to the end of the "to" day.
    to ? lt(auditLog.at, new Date(to.getTime() + 86_400_000)) : undefined,
  );
}

/**
 * One page of the audit log as the actor may read it. Only dinsos_admin reads the log, for every
 * panti; the scope is in the `where` clause all the same (an entry without a panti is seen only
 * with the "all" scope).
 */
export function auditPage(reader: Actor, filter: AuditFilter) {
  const where = and(pantiWhere(scopeFor(reader, "audit:read"), auditLog.pantiId), filterWhere(filter));
  const before = filter.before ? parseAuditCursor(filter.before) : null;
  const after = !before && filter.after ? parseAuditCursor(filter.after) : null;

  // Row-value comparisons (standard SQL); the plain bound on `at` lets the index narrow the scan.
  const position = before
    ? and(lte(auditLog.at, new Date(before.at)), sql`(${auditLog.at}, ${auditLog.id}) < (${before.at}, ${before.id})`)
    : after
      ? and(gte(auditLog.at, new Date(after.at)), sql`(${auditLog.at}, ${auditLog.id}) > (${after.at}, ${after.id})`)
      : undefined;
  const order = after ? [asc(auditLog.at), asc(auditLog.id)] : [desc(auditLog.at), desc(auditLog.id)];

  const actor = sql<string | null>`(select ${users.username} from ${users} where ${users.id} = ${auditLog.userId})`;
  const actorName = sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${auditLog.userId})`;
  const pantiName = sql<string | null>`(select ${panti.name} from ${panti} where ${panti.id} = ${auditLog.pantiId})`;
  const fetched = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      username: actor,
      userName: actorName,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      pantiId: auditLog.pantiId,
      pantiName,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(and(where, position))
    .orderBy(...order)
    .limit(AUDIT_PAGE_SIZE + 1)
    .all();

  const more = fetched.length > AUDIT_PAGE_SIZE;
  const page = fetched.slice(0, AUDIT_PAGE_SIZE);
  if (after) page.reverse();
  const cursor = (row: { at: Date; id: number }) => `${row.at.getTime()}.${row.id}`;
  const first = page[0];
  const last = page[page.length - 1];

  return {
    rows: page.map(({ before: b, after: a, ...row }) => ({ ...row, changes: auditChanges(b, a) })),
    /** Cursor for older entries, when there are any. */
    olderCursor: last && (after ? true : more) ? cursor(last) : null,
    /** Cursor for newer entries, when this is not the newest page. */
    newerCursor: first && (before ? true : after ? more : false) ? cursor(first) : null,
    ...auditFilterOptions(),
  };
}

/** The choices of the filter form. */
function auditFilterOptions() {
  return {
    userOptions: db
      .select({ id: users.id, username: users.username, name: users.name })
      .from(users)
      .orderBy(asc(users.username))
      .all(),
    pantiOptions: db.select({ id: panti.id, name: panti.name }).from(panti).orderBy(asc(panti.name)).all(),
    // Read from the entity index alone (about 40 ms for a million entries).
    entityOptions: db
      .selectDistinct({ entity: auditLog.entity })
      .from(auditLog)
      .orderBy(asc(auditLog.entity))
      .all()
      .map((r) => r.entity),
  };
}

// Asked by the layout of every page: prepared once.
const demoSeedEntry = perConnection((connection) =>
  connection
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.entity, "database"), eq(auditLog.action, DEMO_SEED_ACTION)))
    .limit(1)
    .prepare(),
);

/**
 * Whether this database was filled by the demo seed. Its audit row (entity "database", found
 * through the entity index) cannot be removed: the log is append-only.
 */
export function isDemoDatabase(): boolean {
  return demoSeedEntry().get() != null;
}
