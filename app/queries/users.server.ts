/** Read models of user management: the user list, the new-user form and one user's page. */
import { and, asc, count, desc, eq, or, sql } from "drizzle-orm";
import { auditLog, outreachUnits, panti, users } from "#db/schema";
import { scopeFor, type Actor } from "~/domain/permissions";
import { userVersion, type UserListFilter } from "~/domain/users";
import { db } from "~/utils/db.server";
import { pantiWhere } from "./scope.server";
import { signInFailures } from "./sign-in-failures.server";

export const USERS_PAGE_SIZE = 50;

/** A LIKE pattern matching `text` anywhere, with the wildcards in it taken literally. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Panti to choose from in forms and filters (inactive ones are marked in the form). */
function pantiOptions() {
  return db
    .select({ id: panti.id, name: panti.name, code: panti.code, active: panti.active })
    .from(panti)
    .orderBy(asc(panti.name))
    .all();
}

/** Panti and outreach units to choose from in the user forms. */
function scopeOptions() {
  return {
    pantiOptions: pantiOptions(),
    unitOptions: db
      .select({ code: outreachUnits.code, name: outreachUnits.nameId })
      .from(outreachUnits)
      .orderBy(asc(outreachUnits.nameId))
      .all(),
  };
}

/** The users list: filtered by role and panti, searched by name or username, by name. */
export function userList(reader: Actor, filter: UserListFilter) {
  const where = and(
    pantiWhere(scopeFor(reader, "user:manage"), users.pantiId),
    filter.role ? eq(users.role, filter.role) : undefined,
    filter.panti ? eq(users.pantiId, filter.panti) : undefined,
    filter.q
      ? or(
          sql`lower(${users.username}) like ${containsPattern(filter.q)} escape '\\'`,
          sql`lower(${users.name}) like ${containsPattern(filter.q)} escape '\\'`,
        )
      : undefined,
  );
  const page = Math.max(1, filter.page ?? 1);
  const rows = db
    .select({
      id: users.id,
      username: users.username,
      name: users.name,
      role: users.role,
      pantiId: users.pantiId,
      pantiName: panti.name,
      outreachUnit: users.outreachUnit,
      outreachUnitName: outreachUnits.nameId,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .leftJoin(panti, eq(panti.id, users.pantiId))
    .leftJoin(outreachUnits, eq(outreachUnits.code, users.outreachUnit))
    .where(where)
    .orderBy(desc(users.active), asc(users.name), asc(users.id))
    .limit(USERS_PAGE_SIZE)
    .offset((page - 1) * USERS_PAGE_SIZE)
    .all();
  const total = db.select({ n: count() }).from(users).where(where).get()?.n ?? 0;
  return {
    rows,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
    pantiOptions: pantiOptions(),
  };
}

/** What the new-user form offers. */
export function newUserForm() {
  return scopeOptions();
}

/** One user for the administrator's page (never the password hash), with recent changes to the account. */
export function userPage(reader: Actor, userId: number, now = new Date()) {
  const user = db
    .select({
      id: users.id,
      username: users.username,
      name: users.name,
      role: users.role,
      pantiId: users.pantiId,
      pantiName: panti.name,
      outreachUnit: users.outreachUnit,
      outreachUnitName: outreachUnits.nameId,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(panti, eq(panti.id, users.pantiId))
    .leftJoin(outreachUnits, eq(outreachUnits.code, users.outreachUnit))
    .where(and(eq(users.id, userId), pantiWhere(scopeFor(reader, "user:manage"), users.pantiId)))
    .get();
  if (!user) return null;
  const actor = sql<string | null>`(select ${users.username} from ${users} where ${users.id} = ${auditLog.userId})`;
  const history = db
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, actorUsername: actor })
    .from(auditLog)
    .where(and(eq(auditLog.entity, "user"), eq(auditLog.entityId, String(userId))))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(10)
    .all();
  return {
    user: { ...user, version: userVersion(user) },
    history,
    signIn: signInFailures(user.username, now),
    ...scopeOptions(),
  };
}
export type UserPage = NonNullable<ReturnType<typeof userPage>>;
