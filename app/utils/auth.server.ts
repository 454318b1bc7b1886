/**
 * Who is asking: the signed-in user from the session cookie, and the guards that every loader
 * and action starts with. Guards throw Responses (a redirect to sign-in, 403 or 404) so the happy
 * path of a route reads straight down.
 */
import { redirect } from "@remix-run/node";
import { and, eq, gt, sql } from "drizzle-orm";
import { panti, sessions, users } from "#db/schema";
import {
  checkPanti,
  hasPermission,
  type Actor,
  type Permission,
  type Role,
} from "~/domain/permissions";
import { extendSession } from "~/services/sessions.server";
import { perConnection } from "./db.server";
import { languageCookie, sessionCookie } from "./session.server";
import { DEFAULT_LANG, isLang, type Lang } from "./i18n";

export { safeRedirect } from "./redirect";

export interface SessionUser extends Actor {
  id: number;
  username: string;
  name: string;
  role: Role;
  pantiId: number | null;
  pantiName: string | null;
  outreachUnit: string | null;
  mustChangePassword: boolean;
  sessionId: string;
}

export async function getSessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/**
 * The user of a live session (not expired, user active), or null. Each request moves the
 * session's idle expiry forward (written at most once a minute).
 */
export function getUser(request: Request): Promise<SessionUser | null> {
  // The layout's loader and the page's both ask, for the same request: one lookup answers both.
  // Kept for that request only, so an ended session or a deactivated user counts from the next one.
  let user = usersOfRequests.get(request);
  if (!user) usersOfRequests.set(request, (user = sessionUser(request)));
  return user;
}

const usersOfRequests = new WeakMap<Request, Promise<SessionUser | null>>();

// Prepared once (the lookup of every page and data request); its placeholders take driver values.
const userBySession = perConnection((connection) =>
  connection
    .select({
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      id: users.id,
      username: users.username,
      name: users.name,
      role: users.role,
      pantiId: users.pantiId,
      pantiName: panti.name,
      outreachUnit: users.outreachUnit,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(panti, eq(panti.id, users.pantiId))
    .where(and(eq(sessions.id, sql.placeholder("sessionId")), gt(sessions.expiresAt, sql.placeholder("nowMs")), eq(users.active, true)))
    .prepare(),
);

async function sessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await getSessionId(request);
  if (!sessionId) return null;
  const now = new Date();
  const row = userBySession().get({ sessionId, nowMs: now.getTime() });
  if (!row) return null;
  const { createdAt, expiresAt, ...user } = row;
  extendSession({ id: sessionId, createdAt, expiresAt }, now);
  return { ...user, sessionId };
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(back && back !== "/" ? `/login?redirectTo=${encodeURIComponent(back)}` : "/login");
  }
  // A password set or reset by an administrator must be changed before anything else.
  if (user.mustChangePassword && !PASSWORD_EXEMPT_PATHS.has(new URL(request.url).pathname)) {
    throw redirect("/account/password");
  }
  return user;
}

const PASSWORD_EXEMPT_PATHS = new Set(["/account/password", "/logout", "/set-language"]);

/**
 * The signed-in user holding the permission; for a panti-scoped record pass its panti id:
 * a user without the permission gets 403, a user scoped to another panti gets 404 (the
 * record is simply not theirs to know about).
 */
export async function requirePermission(
  request: Request,
  permission: Permission,
  pantiId?: number,
): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!hasPermission(user, permission)) throw forbidden();
  if (pantiId !== undefined && checkPanti(user, permission, pantiId) !== "allowed") throw notFound();
  return user;
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

export function notFound(): Response {
  return new Response("Not Found", { status: 404, statusText: "Not Found" });
}

/** The language of the request: the language cookie, else Bahasa Indonesia. */
export async function getLang(request: Request): Promise<Lang> {
  const value: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  return isLang(value) ? value : DEFAULT_LANG;
}

export async function createUserSession(sessionId: string, redirectTo: string): Promise<Response> {
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionCookie().serialize(sessionId) },
  });
}

export async function clearSessionCookie(): Promise<string> {
  return sessionCookie().serialize("", { maxAge: 0 });
}
