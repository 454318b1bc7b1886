/**
 * Which messages a page loads in the browser: groups of messages (one file of
 * app/utils/messages.*.ts each, plus "common", the keys of messages.ts itself), declared by the
 * routes that use them (`export const handle = messagesHandle("casefile", "exits")`). A page loads
 * "common" and the groups of its matched routes; a client-side navigation to a route whose
 * groups the page has not loaded yet loads them first (MessagesGate in root.tsx). See
 * docs/decisions/023-messages-by-page.md; tests/e2e/message-groups.spec.ts checks every route's
 * declaration against the keys its browser code uses.
 *
 * This module is in the browser bundle: it has no messages, only their group names.
 */
import type { Lang } from "./i18n";

export const MESSAGE_GROUPS = [
  "common",
  "api",
  "approvals",
  "audit",
  "body",
  "casefile",
  "dashboard",
  "exits",
  "exports",
  "handoffs",
  "history",
  "home",
  "import",
  "measures",
  "period",
  "placements",
  "programmes",
  "provinces",
  "safeguarding",
  "users",
] as const;
export type MessageGroup = (typeof MESSAGE_GROUPS)[number];

export function isMessageGroup(value: string): value is MessageGroup {
  return (MESSAGE_GROUPS as readonly string[]).includes(value);
}

/**
 * A route's `handle`: the groups of messages its page uses besides "common", and those that only
 * its parts loaded when seen use (`whenSeen`, app/components/ui/lazy-when-seen.tsx), which load
 * with those parts instead of with the page.
 */
export type MessagesHandle = { messages: readonly MessageGroup[]; whenSeen?: readonly MessageGroup[] };

/**
 * The `handle` of a route whose components (or the keys its loader sends) use these groups. In
 * a page that is running, a route module is evaluated when a navigation to it starts, while its
 * data is on the way: the groups the page lacks start loading then, not once the data is there.
 */
export function messagesHandle(...groups: Exclude<MessageGroup, "common">[]): MessagesHandle {
  if (page) void loadGroups(page.lang, missingGroups(page.lang, groups), page.versions);
  return { messages: groups };
}

/**
 * The part of a route's `handle` for the groups that only its parts loaded when seen use
 * (`{ ...messagesHandle("casefile"), ...messagesWhenSeen("programmes") }`): each such part loads
 * them beside its code and renders once both are there. In a running page they start loading
 * when the route module is evaluated, as the page's own do: its parts then load at once.
 */
export function messagesWhenSeen(...groups: Exclude<MessageGroup, "common">[]): Pick<MessagesHandle, "whenSeen"> {
  if (page) void loadGroups(page.lang, missingGroups(page.lang, groups), page.versions);
  return { whenSeen: groups };
}

/** The groups that the parts loaded when seen of a page use: those of each matched route. */
export function whenSeenGroups(matches: readonly { handle?: unknown }[]): MessageGroup[] {
  const wanted = new Set(matches.flatMap(({ handle }) => (handle as Partial<MessagesHandle> | undefined)?.whenSeen ?? []));
  return MESSAGE_GROUPS.filter((group) => wanted.has(group));
}

/** The groups among these that the running page lacks in its language (none on the server). */
export function missingPageGroups(groups: readonly MessageGroup[]): MessageGroup[] {
  return page ? missingGroups(page.lang, groups) : [];
}

/** Loads the groups among these that the running page lacks, in its language. */
export function loadPageGroups(groups: readonly MessageGroup[]): Promise<void> {
  const missing = missingPageGroups(groups);
  return page && missing.length ? loadGroups(page.lang, missing, page.versions) : Promise.resolve();
}

/** The language and group versions of the page that is running in the browser (root.tsx). */
let page: { lang: Lang; versions: GroupVersions } | undefined;
export function rememberPage(lang: Lang, versions: GroupVersions): void {
  page = { lang, versions };
}

/** The groups of a page: "common" and those of each matched route, in MESSAGE_GROUPS order. */
export function pageGroups(matches: readonly { handle?: unknown }[]): MessageGroup[] {
  const wanted = new Set<MessageGroup>(["common"]);
  for (const { handle } of matches) {
    const groups = (handle as Partial<MessagesHandle> | undefined)?.messages;
    if (Array.isArray(groups)) for (const group of groups) wanted.add(group);
  }
  return MESSAGE_GROUPS.filter((group) => wanted.has(group));
}

/** The version of each group's text in one language (a hash: root loader data). */
export type GroupVersions = Partial<Record<MessageGroup, string>>;

/** The script with these groups of one language: `/i18n/id.common-0a1b2c3d.home-4e5f6a7b.js`. */
export function groupsUrl(lang: Lang, groups: readonly MessageGroup[], versions: GroupVersions): string {
  return `/i18n/${lang}${groups.map((group) => `.${group}-${versions[group] ?? "0"}`).join("")}.js`;
}

/** The scripts a document starts with: "common" on its own (cached by every page), the page's other groups together. */
export function documentScripts(groups: readonly MessageGroup[]): MessageGroup[][] {
  const others = groups.filter((group) => group !== "common");
  return others.length ? [["common"], others] : [["common"]];
}

declare global {
  /** The groups of messages the page has loaded, by language (written by each dictionary script). */
  var __pantiMessageGroups: Partial<Record<Lang, MessageGroup[]>> | undefined;
}

/** The groups among these that the page has not loaded (none on the server, which has every message). */
export function missingGroups(lang: Lang, groups: readonly MessageGroup[]): MessageGroup[] {
  if (typeof document === "undefined") return [];
  const loaded = globalThis.__pantiMessageGroups?.[lang] ?? [];
  const now = Date.now();
  return groups.filter((group) => !loaded.includes(group) && !((failedUntil.get(`${lang}.${group}`) ?? 0) > now));
}

/** A group whose script failed is not asked for again for a while: the page shows its keys instead of waiting. */
const RETRY_AFTER_MS = 30_000;
/** How long a navigation waits for messages at most. */
const LOAD_TIMEOUT_MS = 15_000;
const failedUntil = new Map<string, number>();
/** The groups on their way, by `lang.group`. */
const loading = new Map<string, Promise<void>>();

/**
 * Loads these groups of one language (those not on their way already, as one script) and
 * resolves once they have run, or failed, or taken too long: a failed group is reported and left
 * out for RETRY_AFTER_MS, so that whoever waits (MessagesGate) renders rather than waits forever.
 */
export function loadGroups(lang: Lang, groups: readonly MessageGroup[], versions: GroupVersions): Promise<void> {
  const waits = groups.flatMap((group) => loading.get(`${lang}.${group}`) ?? []);
  const others = groups.filter((group) => !loading.has(`${lang}.${group}`));
  if (others.length) waits.push(loadScript(lang, others, versions));
  return Promise.all(waits).then(() => undefined);
}

function loadScript(lang: Lang, groups: readonly MessageGroup[], versions: GroupVersions): Promise<void> {
  const url = groupsUrl(lang, groups, versions);
  const promise = new Promise<void>((resolve) => {
    const script = document.createElement("script");
    const done = (ok: boolean) => {
      clearTimeout(timer);
      for (const group of groups) loading.delete(`${lang}.${group}`);
      const missing = missingGroups(lang, groups);
      if (!ok || missing.length) {
        console.error(`Messages not loaded: ${url}`);
        for (const group of missing) failedUntil.set(`${lang}.${group}`, Date.now() + RETRY_AFTER_MS);
      }
      resolve();
    };
    const timer = setTimeout(() => done(false), LOAD_TIMEOUT_MS);
    script.addEventListener("load", () => done(true), { once: true });
    script.addEventListener("error", () => done(false), { once: true });
    script.src = url;
    document.head.appendChild(script);
  });
  for (const group of groups) loading.set(`${lang}.${group}`, promise);
  return promise;
}
