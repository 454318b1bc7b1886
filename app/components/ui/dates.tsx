import { formatCalendarDate, formatDate, formatDateTime } from "~/utils/i18n";
import { useLang } from "~/utils/use-i18n";

/**
 * A calendar date (YYYY-MM-DD: a due date, a birth date, a class day). It is a day, not an
 * instant: shown as it is, in no time zone.
 */
export function CalendarDate({ value }: { value: string | null | undefined }) {
  const lang = useLang();
  if (!value) return <>–</>;
  return <time dateTime={value}>{formatCalendarDate(lang, value)}</time>;
}

/** An instant, shown as its date (or date and time) in Asia/Jakarta. */
export function Instant({ value, withTime = false }: { value: Date | string | number | null | undefined; withTime?: boolean }) {
  const lang = useLang();
  if (value == null) return <>–</>;
  const at = value instanceof Date ? value : new Date(value);
  return <time dateTime={at.toISOString()}>{withTime ? formatDateTime(lang, at) : formatDate(lang, at)}</time>;
}
