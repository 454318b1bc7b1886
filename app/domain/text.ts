import * as z from "zod/mini";

/** HTML tags or script-ish markup: refused in free text (the UI escapes anyway; this keeps the data clean). */
const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>?|javascript:/i;
// Control characters other than tab and newlines.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function hasMarkup(value: string): boolean {
  return MARKUP.test(value);
}

/** Free text: trimmed, bounded, no markup, no control characters. */
export const plainText = (max: number) =>
  z.string().check(
    z.trim(),
    z.maxLength(max),
    z.refine((v) => !hasMarkup(v), "error.no_markup"),
    z.refine((v) => !CONTROL.test(v), "error.invalid"),
  );

/** A person's name in any script: letters and marks, spaces, dots, apostrophes, hyphens. */
export const personName = () =>
  z.pipe(z.string().check(z.trim(), z.minLength(2), z.maxLength(100), z.regex(/^[\p{L}\p{M}][\p{L}\p{M}\s.'’,-]*$/u, "error.name_chars")), z.transform((v) => v.normalize("NFC").replace(/\s+/g, " ")));

/** 16-digit NIK or KK number. */
export const sixteenDigits = () =>
  z.string().check(z.trim(), z.regex(/^\d{16}$/, "error.sixteen_digits"));

/** The start of a long text for a list row: whole words up to `max` characters, then "…". */
export function snippet(text: string | null | undefined, max = 80): string | null {
  const flat = text?.replace(/\s+/g, " ").trim();
  if (!flat) return null;
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, "")}…`;
}
