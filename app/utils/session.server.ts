import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { databaseFile } from "#db/connection";
import { parseIdleMinutes, type SessionLimits } from "~/domain/sessions";

/** The absolute lifetime of a session (and the cookie's Max-Age). */
const SESSION_DAYS = 7;
export const SESSION_MAX_AGE_MS = SESSION_DAYS * 24 * 3600 * 1000;

/** The idle timeout (SESSION_IDLE_MINUTES, default 60) and the absolute lifetime of sessions. */
export function sessionLimits(): SessionLimits {
  return { idleMs: parseIdleMinutes(process.env.SESSION_IDLE_MINUTES) * 60_000, maxAgeMs: SESSION_MAX_AGE_MS };
}

/**
 * The cookie-signing secret: SESSION_SECRET, or a random secret generated once and kept in
 * a file beside the database (never in git).
 */
function sessionSecret(): string {
  const fromEnv = process.env.SESSION_SECRET;
  if (fromEnv) return fromEnv;
  const file = databaseFile();
  const dir = file === ":memory:" ? path.resolve("data") : path.dirname(path.resolve(file));
  const secretFile = path.join(dir, ".session-secret");
  try {
    return fs.readFileSync(secretFile, "utf8").trim();
  } catch {
    fs.mkdirSync(dir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    fs.writeFileSync(secretFile, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

let cookie: ReturnType<typeof createCookie> | undefined;

/** The signed cookie holding the session id (the session itself lives in the sessions table). */
export function sessionCookie() {
  cookie ??= createCookie("__panti_session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: process.env.COOKIE_SECURE === "true",
    secrets: [sessionSecret()],
    maxAge: SESSION_DAYS * 24 * 3600,
  });
  return cookie;
}

export const languageCookie = createCookie("panti_lang", {
  path: "/",
  sameSite: "lax",
  maxAge: 365 * 24 * 3600,
});
