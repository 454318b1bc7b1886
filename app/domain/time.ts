/**
 * Time in Asia/Jakarta (WIB, UTC+7, no daylight saving). Forms send local date-times without an
 * offset ("2026-11-20T14:30"); the API may send any ISO 8601 instant.
 */
export const JAKARTA_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = JAKARTA_OFFSET_MINUTES * 60 * 1000;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a Jakarta local date-time or an ISO instant; null when it is not one. */
export function parseJakartaDateTime(value: string): Date | null {
  const text = value.trim();
  const local = LOCAL.exec(text);
  if (local) {
    const [y, mo, d, h, mi] = local.slice(1, 6).map(Number) as [number, number, number, number, number];
    const s = local[6] ? Number(local[6]) : 0;
    if (h > 23 || mi > 59 || s > 59) return null;
    const utc = Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET_MS;
    const date = new Date(utc);
    // Reject impossible dates such as 2026-02-31 (Date.UTC would roll them over).
    if (toJakartaParts(date).day !== d || toJakartaParts(date).month !== mo) return null;
    return date;
  }
  if (WITH_ZONE.test(text)) {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/** Whether a string is a real calendar date YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const m = DATE_ONLY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function toJakartaParts(date: Date) {
  const shifted = new Date(date.getTime() + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Today's date in Jakarta as YYYY-MM-DD. */
export function jakartaDate(date: Date): string {
  const p = toJakartaParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The value for an <input type="datetime-local"> showing this instant in Jakarta. */
export function jakartaDateTimeInput(date: Date): string {
  const p = toJakartaParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** Age in whole years on a date, from a YYYY-MM-DD birth date. */
export function ageOn(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  const p = toJakartaParts(on);
  let age = p.year - y;
  if (p.month < m || (p.month === m && p.day < d)) age -= 1;
  return age;
}

/** How long a referral has waited, in whole hours (for the queue). */
export function waitingHours(createdAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / 3_600_000));
}
