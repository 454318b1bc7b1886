/**
 * Throttling of password guesses (OWASP ASVS 2.2): growing delays, never a lock-out.
 *
 * Failures are counted per key inside a rule's window. The first `free` failures cost nothing;
 * after n > free failures the next attempt waits 2^(n − free) seconds after the last failure,
 * capped at `capMs`. The delay depends only on the recorded failures (how many, and when the
 * last one was), so it is the same whichever process answers. Pure: no I/O.
 */

export interface ThrottleRule {
  /** Failures older than this no longer count. */
  windowMs: number;
  /** Failures that cost no delay. */
  free: number;
  /** The longest delay. */
  capMs: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const THROTTLE_RULES = {
  /**
   * One username from one client address: a person who mistypes is not slowed down; a guesser
   * reaches the 15-minute delay after 13 failures (2, 4, 8 … 512 s, then 900 s).
   */
  account: { windowMs: 24 * HOUR, free: 3, capMs: 15 * MINUTE },
  /**
   * One client address, whatever the username (password spraying). Many people may share an
   * address (an office behind one router), hence a higher free threshold and a shorter window.
   */
  address: { windowMs: HOUR, free: 20, capMs: 15 * MINUTE },
  /** A signed-in user's wrong current passwords when changing their own password. */
  password: { windowMs: 24 * HOUR, free: 3, capMs: 15 * MINUTE },
} as const satisfies Record<string, ThrottleRule>;

/** Recorded failures older than this are of no further use to any rule. */
export const THROTTLE_RETENTION_MS = Math.max(...Object.values(THROTTLE_RULES).map((r) => r.windowMs));

/** The delay (ms) that `failures` failures inside the window impose on the next attempt. */
export function throttleDelayMs(rule: ThrottleRule, failures: number): number {
  if (failures <= rule.free) return 0;
  return Math.min(SECOND * 2 ** (failures - rule.free), rule.capMs);
}

/** What the recorded failures of one key inside the rule's window are. */
export interface FailureStats {
  count: number;
  lastAt: Date | null;
}

/** When the next attempt is allowed again, or null when it is allowed now. */
export function throttledUntil(rule: ThrottleRule, stats: FailureStats, now: Date): Date | null {
  if (!stats.lastAt) return null;
  const until = stats.lastAt.getTime() + throttleDelayMs(rule, stats.count);
  return until > now.getTime() ? new Date(until) : null;
}

export interface ThrottleWait {
  until: Date;
  /** Whole seconds to wait, at least 1 (the value of a Retry-After header). */
  retryAfterSeconds: number;
}

/** The longest wait that any of the checks imposes, or null when none does. */
export function throttleWait(now: Date, checks: { rule: ThrottleRule; stats: FailureStats }[]): ThrottleWait | null {
  let until: Date | null = null;
  for (const { rule, stats } of checks) {
    const next = throttledUntil(rule, stats, now);
    if (next && (!until || next > until)) until = next;
  }
  if (!until) return null;
  return { until, retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / SECOND)) };
}

// ---------------------------------------------------------------------------
// Keys of the failure records
// ---------------------------------------------------------------------------

/**
 * One username from one address. The username is URI-encoded so that it never contains the
 * separator: every key of one username then starts with `accountKeyPrefix(username)`.
 */
export function accountAddressKey(username: string, address: string): string {
  return `${accountKeyPrefix(username)}${address}`;
}

/** The prefix shared by the keys of one username, from every address. */
export function accountKeyPrefix(username: string): string {
  return `acct:${encodeURIComponent(username.trim().toLowerCase())}|`;
}

/**
 * The keys of one username as a range [from, to): the prefix ends in "|" (0x7C) and nothing
 * sorts between "|" and "}" (0x7D) in binary order, so no pattern matching is needed.
 */
export function accountKeyRange(username: string): { from: string; to: string } {
  const from = accountKeyPrefix(username);
  return { from, to: `${from.slice(0, -1)}}` };
}

/** The address a key of `accountAddressKey` was recorded from. */
export function addressOfAccountKey(key: string): string {
  return key.slice(key.indexOf("|") + 1);
}

export function addressKey(address: string): string {
  return `addr:${address}`;
}

export function passwordChangeKey(userId: number): string {
  return `password:${userId}`;
}
