/**
 * How long a session lasts: it ends after a period without requests (the idle timeout) and in any
 * case a fixed time after sign-in (the absolute lifetime). The session row keeps one instant,
 * `expires_at`, which slides forward with activity and never passes `created_at` + the lifetime.
 * Sliding is written at most once a minute per session, so reads do not turn into writes.
 */

export interface SessionLimits {
  /** Time without requests after which the session ends. */
  idleMs: number;
  /** Time after sign-in after which the session ends, active or not. */
  maxAgeMs: number;
}

export const SESSION_IDLE_MINUTES_DEFAULT = 60;

/** How far `expires_at` must move before it is written again. */
export const SESSION_REFRESH_INTERVAL_MS = 60_000;

/** The expiry of a session used at `now`: now + idle, capped at sign-in + lifetime. */
export function sessionExpiry(createdAt: Date, now: Date, limits: SessionLimits): Date {
  return new Date(Math.min(now.getTime() + limits.idleMs, createdAt.getTime() + limits.maxAgeMs));
}

/**
 * The new expiry to write for a live session used at `now`, or null when the stored one is close
 * enough (less than a minute off). A shorter idle timeout set since brings the expiry forward.
 */
export function refreshedExpiry(
  session: { createdAt: Date; expiresAt: Date },
  now: Date,
  limits: SessionLimits,
): Date | null {
  const next = sessionExpiry(session.createdAt, now, limits);
  return Math.abs(next.getTime() - session.expiresAt.getTime()) < SESSION_REFRESH_INTERVAL_MS ? null : next;
}

/**
 * SESSION_IDLE_MINUTES: unset or empty for the default, else a whole number of minutes, at least
 * one. Anything else is a configuration error (thrown, not silently replaced).
 */
export function parseIdleMinutes(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return SESSION_IDLE_MINUTES_DEFAULT;
  const minutes = Number(value.trim());
  if (!Number.isInteger(minutes) || minutes < 1) {
    throw new Error(`SESSION_IDLE_MINUTES must be a whole number of minutes (1 or more), not ${JSON.stringify(value)}`);
  }
  return minutes;
}
