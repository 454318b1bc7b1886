/** The buckets of the review panels (app/domain/reports.ts), in a module without zod for the browser. */

/** Length-of-stay buckets, in days (upper bounds inclusive; the last is open). */
export const LOS_BUCKETS = [
  { key: "le7", max: 7 },
  { key: "le30", max: 30 },
  { key: "le90", max: 90 },
  { key: "le180", max: 180 },
  { key: "le365", max: 365 },
  { key: "gt365", max: Infinity },
] as const;

/** Waiting-time buckets for pending referrals, in hours. */
export const WAIT_BUCKETS = [
  { key: "lt24h", max: 24 },
  { key: "lt3d", max: 72 },
  { key: "lt7d", max: 168 },
  { key: "ge7d", max: Infinity },
] as const;
