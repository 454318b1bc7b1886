/**
 * Translations: Bahasa Indonesia by default, English second.
 * Messages live in ./messages; a missing English message falls back to Indonesian.
 *
 * This module does not import the messages: it reads them from one dictionary per language
 * (key → text) that something else provides. On the server (and in tests and scripts),
 * ./dictionary.server.ts provides both languages when it is loaded; in the browser, the page loads
 * the groups of messages its routes use, in its language only (./message-groups.ts), as scripts
 * that run before the app (root.tsx), so that other messages never reach the browser
 * (docs/decisions/018-page-speed.md, 023-messages-by-page.md). A key the page has not loaded
 * is reported on the console (browser tests fail on it) and shown as itself. Keys stay typed:
 * MessageKey is a type-only import.
 */
import type { MessageKey } from "./messages";

export const LANGS = ["id", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "id";
export const TIME_ZONE = "Asia/Jakarta";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

export type TParams = Record<string, string | number>;

/**
 * A translator for one language. `t(key)` takes only keys that exist (a typo is a type error);
 * `t.dynamic(key)` is for keys built at run time from a code (`stage.${code}`) or carried by a
 * domain error: an unknown one fails loudly in tests and shows as itself in production.
 */
export type T = ((key: MessageKey, params?: TParams) => string) & {
  dynamic: (key: string, params?: TParams) => string;
  /** A message that is a key or already text (zod's messages: custom ones are keys, built-in ones translated). */
  keyOrText: (value: string, params?: TParams) => string;
};

/** The texts of one language by key (the English one has the Indonesian text where English has none). */
export type Dictionary = Readonly<Record<string, string>>;

declare global {
  /** The dictionaries this process or page has, by language (set by provideMessages, or by the page's dictionary script). */
  var __pantiMessages: Partial<Record<Lang, Dictionary>> | undefined;
}

const reported = new Set<string>();
/** A key the page's dictionary does not have: in the browser, a route that does not declare its group. */
function missing(key: string): string {
  if (typeof document !== "undefined" && !reported.has(key)) {
    reported.add(key);
    console.error(`Missing message: ${key} (declare its group in the route's handle: app/utils/message-groups.ts)`);
  }
  return key;
}

/** A run-time value that is shaped like a message key (`caseFile.saved.stage`), not like a text. */
const KEY_SHAPE = /^[a-zA-Z][\w-]*(?:\.[\w-]+)+$/;

/** Makes dictionaries available to every translator (the server provides both languages at start). */
export function provideMessages(dictionaries: Partial<Record<Lang, Dictionary>>): void {
  globalThis.__pantiMessages = { ...globalThis.__pantiMessages, ...dictionaries };
}

const NO_MESSAGES: Dictionary = {};

function dictionary(lang: Lang): Dictionary {
  const provided = globalThis.__pantiMessages;
  // A page has its own language's dictionary only: every dictionary has every key.
  const found = provided?.[lang] ?? provided?.[DEFAULT_LANG] ?? LANGS.map((l) => provided?.[l]).find((d) => d != null);
  if (found) return found;
  // Server code that translates without ./dictionary.server.ts loaded is a bug that tests must see.
  if (typeof process !== "undefined" && process.env?.VITEST) throw new Error("No messages: import ~/utils/dictionary.server first");
  return NO_MESSAGES;
}

/** Whether a run-time key has a message (looked up in the dictionary of `lang`, which the page has). */
export function isMessageKey(key: string, lang: Lang = DEFAULT_LANG): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(dictionary(lang), key);
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
/** `{n, plural, one {# stay} other {# stays}}`: the form for the number, `#` standing for it. */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_CASE = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

function format(text: string, params: TParams | undefined, lang: Lang): string {
  if (!params) return text;
  if (text.includes(", plural,")) {
    text = text.replace(PLURAL, (whole, name: string, body: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      const n = Number(value);
      const cases = new Map([...body.matchAll(PLURAL_CASE)].map((m) => [m[1]!, m[2]!]));
      let rules = pluralRules.get(lang);
      if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(locale(lang))));
      const chosen = cases.get(`=${n}`) ?? cases.get(rules.select(n)) ?? cases.get("other") ?? whole;
      return chosen.replaceAll("#", String(value));
    });
  }
  for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

export function translator(lang: Lang): T {
  const t = (key: MessageKey, params?: TParams) => format(dictionary(lang)[key] ?? missing(key), params, lang);
  const dynamic = (key: string, params?: TParams) => {
    if (isMessageKey(key, lang)) return t(key, params);
    // A run-time key without a message is a bug that tests must see; users see the key.
    if (typeof process !== "undefined" && process.env?.VITEST) throw new Error(`No message for the key "${key}"`);
    return format(missing(key), params, lang);
  };
  const keyOrText = (value: string, params?: TParams) =>
    isMessageKey(value, lang) ? t(value, params) : format(KEY_SHAPE.test(value) ? missing(value) : value, params, lang);
  return Object.assign(t, { dynamic, keyOrText });
}

const locale = (lang: Lang) => (lang === "id" ? "id-ID" : "en-GB");

/**
 * Building an Intl formatter costs tens of microseconds, using one under a microsecond: a page
 * with hundreds of dates would spend most of its render time building them. Each formatter is
 * built once per language (and options) and reused.
 */
function perLang<F>(build: (locale: string) => F): (lang: Lang) => F {
  const built = new Map<Lang, F>();
  return (lang) => {
    let formatter = built.get(lang);
    if (!formatter) built.set(lang, (formatter = build(locale(lang))));
    return formatter;
  };
}

const integerFormat = perLang((l) => new Intl.NumberFormat(l, { maximumFractionDigits: 0 }));
const oneDecimalFormat = perLang((l) => new Intl.NumberFormat(l, { maximumFractionDigits: 1 }));
const otherNumberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, maximumFractionDigits: number): Intl.NumberFormat {
  if (maximumFractionDigits === 0) return integerFormat(lang);
  if (maximumFractionDigits === 1) return oneDecimalFormat(lang);
  const key = `${lang}:${maximumFractionDigits}`;
  let formatter = otherNumberFormats.get(key);
  if (!formatter) otherNumberFormats.set(key, (formatter = new Intl.NumberFormat(locale(lang), { maximumFractionDigits })));
  return formatter;
}

const dateFormat = perLang((l) => new Intl.DateTimeFormat(l, { timeZone: TIME_ZONE, day: "numeric", month: "short", year: "numeric" }));
const dateTimeFormat = perLang(
  (l) =>
    new Intl.DateTimeFormat(l, {
      timeZone: TIME_ZONE,
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    }),
);
/** Calendar dates are days, not instants: formatted as they are, in UTC, so no zone shifts them. */
const calendarDateFormat = perLang((l) => new Intl.DateTimeFormat(l, { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }));
const timeFormat = perLang((l) => new Intl.DateTimeFormat(l, { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hour12: false }));

export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 0): string {
  return numberFormat(lang, maximumFractionDigits).format(value);
}

export function formatPercent(lang: Lang, pct: number | null): string {
  if (pct == null) return "–";
  return `${oneDecimalFormat(lang).format(pct)}%`;
}

function toDate(value: Date | number | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/** 23 Nov 2026 (Asia/Jakarta). */
export function formatDate(lang: Lang, value: Date | number | string | null | undefined): string {
  if (value == null) return "–";
  return dateFormat(lang).format(toDate(value));
}

/** A calendar date (YYYY-MM-DD) as 23 Nov 2026; anything else is shown as it is. */
export function formatCalendarDate(lang: Lang, value: string | null | undefined): string {
  if (!value) return "–";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  return calendarDateFormat(lang).format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

const MONTH_NAMES: Record<Lang, readonly string[]> = {
  id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** A calendar month (YYYY-MM) by name: "Maret", or "Maret 2025" with its year. */
export function formatMonth(lang: Lang, month: string, withYear = false): string {
  const name = MONTH_NAMES[lang][Number(month.slice(5, 7)) - 1];
  if (!name) return month;
  return withYear ? `${name} ${month.slice(0, 4)}` : name;
}

/** 23 Nov 2026 14.05 WIB (Asia/Jakarta). */
export function formatDateTime(lang: Lang, value: Date | number | string | null | undefined): string {
  if (value == null) return "–";
  return `${dateTimeFormat(lang).format(toDate(value))} WIB`;
}

/** 14.05 WIB (Asia/Jakarta), for a time later today. */
export function formatTime(lang: Lang, value: Date | number | string): string {
  return `${timeFormat(lang).format(toDate(value))} WIB`;
}

/** A wait in words: "45 detik" / "45 seconds" under a minute, else whole minutes rounded up. */
export function formatWait(lang: Lang, seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return lang === "id" ? `${s} detik` : `${s} second${s === 1 ? "" : "s"}`;
  const m = Math.ceil(s / 60);
  return lang === "id" ? `${m} menit` : `${m} minute${m === 1 ? "" : "s"}`;
}

/** Whole days between two instants (for "since" columns). */
export function daysBetween(from: Date | number, to: Date | number): number {
  return Math.floor((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);
}
