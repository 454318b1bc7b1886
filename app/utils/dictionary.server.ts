/**
 * The messages as one dictionary per language (./i18n.ts reads them): both are provided to this
 * process as soon as this module is loaded (the server through root.tsx, tests through their
 * setup file, scripts by importing it). The browser gets the dictionary of the page's language
 * only, as a script served by the route i18n.$file.ts under a name that carries a hash of its
 * content (cached for a year; a new text is a new name), which root.tsx writes into the page
 * before the app's own scripts. See docs/decisions/018-page-speed.md.
 */
import { createHash } from "node:crypto";
import { LANGS, provideMessages, type Dictionary, type Lang } from "./i18n";
import { messages } from "./messages";

const dictionaries = Object.fromEntries(
  LANGS.map((lang) => [
    lang,
    Object.fromEntries(Object.entries(messages as Record<string, { id: string; en?: string }>).map(([key, m]) => [key, m[lang] ?? m.id])),
  ]),
) as Record<Lang, Dictionary>;
provideMessages(dictionaries);

/** The script that gives a page its dictionary: it adds the language to `globalThis.__pantiMessages`. */
export function dictionaryScript(lang: Lang): string {
  // JSON.parse of a string literal: browsers parse a large JSON text faster than the same object literal.
  const json = JSON.stringify(JSON.stringify(dictionaries[lang]));
  return `(globalThis.__pantiMessages||(globalThis.__pantiMessages={}))[${JSON.stringify(lang)}]=JSON.parse(${json});\n`;
}

const scripts = new Map<Lang, { text: string; name: string }>();
function script(lang: Lang) {
  let found = scripts.get(lang);
  if (!found) {
    const text = dictionaryScript(lang);
    const hash = createHash("sha256").update(text).digest("base64url").slice(0, 12);
    scripts.set(lang, (found = { text, name: `${lang}.${hash}.js` }));
  }
  return found;
}

export const DICTIONARY_PATH = "/i18n/";

/** Where a page of this language loads its dictionary from. */
export function dictionaryUrl(lang: Lang): string {
  return `${DICTIONARY_PATH}${script(lang).name}`;
}

/**
 * The response for /i18n/FILE: `id.HASH.js` or `en.HASH.js` (the current name: cached for a
 * year), `id.js` or `en.js` or a name from an earlier version (the current text, not cached:
 * a page rendered before a deployment, or one whose root data is missing). Null for anything else.
 */
export function dictionaryResponse(file: string): Response | null {
  const match = /^(id|en)(?:\.[A-Za-z0-9_-]{12})?\.js$/.exec(file);
  if (!match) return null;
  const current = script(match[1] as Lang);
  return new Response(current.text, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": file === current.name ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
