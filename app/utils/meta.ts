/** Page titles in the user's language: "Dasbor — Panti" / "Dashboard — Panti". */
import type { MetaFunction } from "@remix-run/node";
import { DEFAULT_LANG, isLang, translator, type Lang } from "./i18n";
import type { MessageKey } from "./messages";

type Matches = Parameters<MetaFunction>[0]["matches"];

/** The language the root loader found for this request. */
export function langOf(matches: Matches): Lang {
  const lang = (matches.find((m) => m.id === "root")?.data as { lang?: unknown } | undefined)?.lang;
  return isLang(lang) ? lang : DEFAULT_LANG;
}

/** A document title: the page's name (or what `name` makes of it) and the app's. */
export function titleOf(matches: Matches, key: MessageKey, name?: string | null): string {
  return `${name || translator(langOf(matches))(key)} — Panti`;
}

/** The `meta` of a page whose title is one message. */
export function pageTitle(key: MessageKey): MetaFunction {
  return ({ matches }) => [{ title: titleOf(matches, key) }];
}
