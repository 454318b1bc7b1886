/**
 * Calendar periods as words for chart axes, table headings and report columns: "Des 2025" for
 * "2025-12", "13 Des" for "2025-12-13", in the user's language. One formatter per language and
 * shape, built once (an Intl formatter is expensive to build and cheap to reuse).
 */
import type { Lang } from "./i18n";

const LOCALES: Record<Lang, string> = { id: "id-ID", en: "en-GB" };
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, shape: "month" | "day"): Intl.DateTimeFormat {
  const key = `${lang}:${shape}`;
  let f = cache.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      shape === "month" ? { month: "short", year: "numeric", timeZone: "UTC" } : { day: "numeric", month: "short", timeZone: "UTC" };
    f = new Intl.DateTimeFormat(LOCALES[lang], options);
    cache.set(key, f);
  }
  return f;
}

/** "2025-12" → "Des 2025" / "Dec 2025"; anything else as it is. */
export function formatMonthShort(lang: Lang, value: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return value;
  return formatter(lang, "month").format(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

/** "2025-12-13" → "13 Des" / "13 Dec" (an axis label, where the year is in the title); anything else as it is. */
export function formatDayShort(lang: Lang, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  return formatter(lang, "day").format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}
