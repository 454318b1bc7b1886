/**
 * The messages as one dictionary per language (./i18n.ts reads them): both are provided to this
 * process as soon as this module is loaded (the server through root.tsx, tests through their
 * setup file, scripts by importing it). The browser gets only the groups of messages its page
 * uses, in its language (./message-groups.ts), as scripts served by the route i18n.$file.ts
 * under names that carry a hash of each group's text (cached for a year; a new text is a new
 * name). See docs/decisions/018-page-speed.md and 023-messages-by-page.md.
 */
import { createHash } from "node:crypto";
import { LANGS, provideMessages, type Dictionary, type Lang } from "./i18n";
import { MESSAGE_GROUPS, groupsUrl, isMessageGroup, type GroupVersions, type MessageGroup } from "./message-groups";
import { messageGroups } from "./messages";

type Messages = Record<string, { id: string; en?: string }>;

function dictionaryOf(lang: Lang, entries: Messages): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).map(([key, m]) => [key, m[lang] ?? m.id]));
}

/** Each group's dictionary in each language: its JSON text (without braces) and a hash of it. */
const groupTexts = Object.fromEntries(
  LANGS.map((lang) => [
    lang,
    Object.fromEntries(
      MESSAGE_GROUPS.map((group) => {
        const json = JSON.stringify(dictionaryOf(lang, messageGroups[group] as Messages));
        return [group, { members: json.slice(1, -1), hash: createHash("sha256").update(json).digest("hex").slice(0, 8) }];
      }),
    ),
  ]),
) as Record<Lang, Record<MessageGroup, { members: string; hash: string }>>;

provideMessages(
  Object.fromEntries(LANGS.map((lang) => [lang, dictionaryOf(lang, Object.assign({}, ...Object.values(messageGroups)) as Messages)])) as Record<
    Lang,
    Dictionary
  >,
);

/** The version of each group of one language, from which the browser names the scripts it loads. */
export function groupVersions(lang: Lang): GroupVersions {
  return Object.fromEntries(MESSAGE_GROUPS.map((group) => [group, groupTexts[lang][group].hash]));
}

/**
 * The script that gives a page these groups of one language: it adds their messages to
 * `globalThis.__pantiMessages[lang]` and their names to `globalThis.__pantiMessageGroups[lang]`.
 */
export function dictionaryScript(lang: Lang, groups: readonly MessageGroup[] = MESSAGE_GROUPS): string {
  const json = `{${groups.map((group) => groupTexts[lang][group].members).filter(Boolean).join(",")}}`;
  const l = JSON.stringify(lang);
  // JSON.parse of a string literal: browsers parse a large JSON text faster than the same object literal.
  return (
    `(function(g){var m=g.__pantiMessages||(g.__pantiMessages={}),n=g.__pantiMessageGroups||(g.__pantiMessageGroups={});` +
    `m[${l}]=Object.assign(m[${l}]||{},JSON.parse(${JSON.stringify(json)}));` +
    `n[${l}]=(n[${l}]||[]).concat(${JSON.stringify(groups)})})(globalThis);\n`
  );
}

/** Where a page of this language loads these groups from. */
export function dictionaryUrl(lang: Lang, groups: readonly MessageGroup[] = MESSAGE_GROUPS): string {
  return groupsUrl(lang, groups, groupVersions(lang));
}

/**
 * The response for /i18n/FILE: `id.common-HASH.home-HASH.js` (groups of one language, in
 * MESSAGE_GROUPS order, each with its version: cached for a year when every version is the
 * current one, else the current texts, not cached: a page rendered before a deployment). A name
 * of the earlier whole-language dictionaries (`id.js`, `id.HASH.js`) gets every group, not
 * cached. Null for anything else.
 */
export function dictionaryResponse(file: string): Response | null {
  const parts = /^(id|en)((?:\.[a-z]+-[0-9a-f]{8})+)\.js$/.exec(file);
  const whole = parts ? null : /^(id|en)(?:\.[A-Za-z0-9_-]{12})?\.js$/.exec(file);
  if (!whole && !parts) return null;
  const lang = (whole ?? parts)![1] as Lang;
  let groups: MessageGroup[] = [...MESSAGE_GROUPS];
  let current = false;
  if (parts) {
    const named = parts[2]!.slice(1).split(".").map((part) => part.split("-") as [string, string]);
    if (!named.every(([group]) => isMessageGroup(group))) return null;
    groups = MESSAGE_GROUPS.filter((group) => named.some(([name]) => name === group));
    if (groups.length !== named.length) return null;
    current = `/i18n/${file}` === dictionaryUrl(lang, groups);
  }
  return new Response(dictionaryScript(lang, groups), {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
