/**
 * Where a form may send the user afterwards (`redirectTo` after sign-in or a language switch):
 * only a path on this site, as the browser will read it. Anything else goes to the fallback.
 */

/** A base that no real URL shares: a value that resolves elsewhere has another origin. */
const HERE = "http://panti.invalid";

/**
 * Browsers drop tabs and newlines from URLs and read a backslash as a slash, so `/\t/evil.example`
 * becomes `//evil.example`, another site. Control characters, whitespace, backslashes and the
 * Unicode line separators are refused outright.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const SUSPICIOUS = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff\\]/u;

export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/home"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || SUSPICIOUS.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, HERE);
  } catch {
    return fallback;
  }
  if (url.origin !== HERE) return fallback;
  // The serialised form is ASCII (non-ASCII is percent-encoded), so it is always a valid header.
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? fallback : path;
}
