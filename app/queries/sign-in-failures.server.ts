/** Read model of one user's recent failed sign-ins, for the user administration page. */
import { and, asc, count, desc, eq, gte, lt, max, min } from "drizzle-orm";
import { loginFailures } from "#db/schema";
import { accountKeyRange, addressOfAccountKey, THROTTLE_RULES, throttledUntil } from "~/domain/throttle";
import { db } from "~/utils/db.server";

/** Addresses listed on the page (the most recent first); the rest are only counted. */
const LISTED_ADDRESSES = 10;

/**
 * The failures recorded for a username inside the account window, per client address: how
 * many, the last one, since when further attempts are delayed (the failure after the free
 * ones) and until when the next attempt from there is delayed now (null when it is not).
 */
export function signInFailures(username: string, now = new Date()) {
  const rule = THROTTLE_RULES.account;
  const since = new Date(now.getTime() - rule.windowMs);
  const { from, to } = accountKeyRange(username);
  const inWindow = and(gte(loginFailures.key, from), lt(loginFailures.key, to), gte(loginFailures.at, since));
  const perKey = db
    .select({ key: loginFailures.key, n: count(), firstAt: min(loginFailures.at), lastAt: max(loginFailures.at) })
    .from(loginFailures)
    .where(inWindow)
    .groupBy(loginFailures.key)
    .orderBy(desc(max(loginFailures.at)))
    .all();

  const addresses = perKey.slice(0, LISTED_ADDRESSES).map((row) => {
    const delayedFrom =
      row.n > rule.free
        ? db
            .select({ at: loginFailures.at })
            .from(loginFailures)
            .where(and(eq(loginFailures.key, row.key), gte(loginFailures.at, since)))
            .orderBy(asc(loginFailures.at))
            .limit(1)
            .offset(rule.free)
            .get()
        : undefined;
    return {
      address: addressOfAccountKey(row.key),
      failures: row.n,
      lastAt: row.lastAt,
      delayedSince: delayedFrom?.at ?? null,
      throttledUntil: throttledUntil(rule, { count: row.n, lastAt: row.lastAt }, now),
    };
  });

  const firstAts = perKey.map((r) => r.firstAt).filter((d): d is Date => d != null);
  return {
    windowHours: rule.windowMs / 3_600_000,
    free: rule.free,
    total: perKey.reduce((sum, r) => sum + r.n, 0),
    addressCount: perKey.length,
    firstAt: firstAts.length ? new Date(Math.min(...firstAts.map((d) => d.getTime()))) : null,
    lastAt: perKey[0]?.lastAt ?? null,
    throttled: perKey.some((r) => throttledUntil(rule, { count: r.n, lastAt: r.lastAt }, now) != null),
    addresses,
    moreAddresses: Math.max(0, perKey.length - LISTED_ADDRESSES),
  };
}
export type SignInFailures = ReturnType<typeof signInFailures>;
