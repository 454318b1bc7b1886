/**
 * Reading the production build (after `npm run build`): the browser manifest (public/build), the
 * esbuild metafile of the browser build, the server build's routes (for their `handle`) and the
 * message keys that the browser chunks use. For the bundle measurement (tests/bench/bundle.ts)
 * and the browser-test specs that check what a page loads (tests/e2e/bundle.spec.ts,
 * tests/e2e/message-groups.spec.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";
import ts from "typescript";
import { documentScripts, pageGroups, whenSeenGroups, type MessageGroup } from "../app/utils/message-groups";

export type Manifest = {
  url: string;
  entry: { module: string; imports: string[] };
  routes: Record<string, { id: string; parentId?: string; module: string; imports?: string[] }>;
};

export type Metafile = {
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }>; imports?: { path: string; kind: string }[] }>;
};

/** The main pages and their deepest route ids. */
export const MAIN_PAGES: [string, string][] = [
  ["sign-in", "routes/login"],
  ["home", "routes/_app.home"],
  ["shelter list", "routes/_app.panti._index"],
  ["bed board", "routes/_app.panti.$pantiId"],
  ["referral list", "routes/_app.placements._index"],
  ["case file", "routes/_app.panti.$pantiId_.stays.$stayId._index"],
  ["class page", "routes/_app.classes.$classId._index"],
  ["dashboard (charts lazy)", "routes/_app.dashboard"],
];

/**
 * The main pages that load no schema code with the page (docs/decisions/018-page-speed.md): they
 * have no form, or, on the bed board, the class page and the case file, forms whose code loads
 * when they come into view, and on sign-in a form whose code loads once the user starts using it
 * (026).
 */
export const PAGES_WITHOUT_FORMS = [
  "routes/login",
  "routes/_app.home",
  "routes/_app.panti._index",
  "routes/_app.panti.$pantiId",
  "routes/_app.placements._index",
  "routes/_app.dashboard",
  "routes/_app.classes.$classId._index",
  "routes/_app.panti.$pantiId_.stays.$stayId._index",
];

/** The browser manifest of the build in `root`. */
export function readManifest(root: string): Manifest {
  const buildDir = path.join(root, "public/build");
  const manifestFile = fs.existsSync(buildDir) ? fs.readdirSync(buildDir).find((f) => /^manifest-.*\.js$/.test(f)) : undefined;
  if (!manifestFile) throw new Error(`no manifest in ${buildDir}: run npm run build`);
  return JSON.parse(
    fs.readFileSync(path.join(buildDir, manifestFile), "utf8").replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, ""),
  ) as Manifest;
}

export function readMetafile(root: string): Metafile {
  return JSON.parse(fs.readFileSync(path.join(root, "build/metafile.js.json"), "utf8")) as Metafile;
}

/** The ids of the routes a page whose deepest route is `routeId` matches, root first. */
export function routeChain(manifest: Manifest, routeId: string): string[] {
  const chain: string[] = [];
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) chain.unshift(id);
  return chain;
}

/** A route's own browser files: its module and the chunks it imports. */
export function routeFiles(manifest: Manifest, routeId: string): string[] {
  const route = manifest.routes[routeId]!;
  return [route.module, ...(route.imports ?? [])];
}

/**
 * The modulepreload list of a page whose deepest route is `routeId`, as Remix's <Scripts> builds
 * it: the entry, each matched route's module and the chunks it imports, and the manifest file
 * unless lazy route discovery puts the page's part of it inline.
 */
export async function preloadLists(root: string, manifest: Manifest): Promise<(routeId: string) => string[]> {
  const config = (await import(pathToFileURL(path.join(root, "remix.config.js")).href)) as {
    default: { future?: { v3_lazyRouteDiscovery?: boolean } };
  };
  const manifestFileLoaded = !config.default.future?.v3_lazyRouteDiscovery;
  return (routeId) => {
    const urls = [...(manifestFileLoaded ? [manifest.url] : []), manifest.entry.module, ...manifest.entry.imports];
    for (const id of routeChain(manifest, routeId)) urls.push(...routeFiles(manifest, id));
    return [...new Set(urls)];
  };
}

/** The source files (paths relative to the root) esbuild put in the browser file at `url` (/build/…). */
export function outputInputs(meta: Metafile, url: string): Record<string, { bytesInOutput: number }> {
  return meta.outputs[`public${url}`]?.inputs ?? {};
}

/**
 * The browser files that the modules these files import lazily (`import()`: the parts of a page
 * loaded when seen, charts) bring: each such chunk and the chunks it imports, those it imports
 * lazily in turn included, leaving out the files given.
 */
export function lazyFiles(meta: Metafile, urls: readonly string[]): string[] {
  const given = new Set(urls);
  const found = new Set<string>();
  const importsOf = (url: string, kind: string) =>
    (meta.outputs[`public${url}`]?.imports ?? []).filter((i) => i.kind === kind).map((i) => i.path.replace(/^public/, ""));
  const add = (url: string) => {
    if (found.has(url) || given.has(url)) return;
    found.add(url);
    importsOf(url, "import-statement").forEach(add);
    importsOf(url, "dynamic-import").forEach(add);
  };
  for (const url of urls) importsOf(url, "dynamic-import").forEach(add);
  return [...found];
}

type ServerBuild = { routes: Record<string, { module: { handle?: unknown } }> };
const serverBuild = (root: string) => import(pathToFileURL(path.join(root, "build/index.js")).href) as Promise<ServerBuild>;

/**
 * The groups of messages each page loads (app/utils/message-groups.ts: "common" and those its
 * routes declare), from the `handle` of the server build's route modules.
 */
export async function declaredGroups(root: string, manifest: Manifest): Promise<(routeId: string) => MessageGroup[]> {
  const build = await serverBuild(root);
  return (routeId) => pageGroups(routeChain(manifest, routeId).map((id) => ({ handle: build.routes[id]?.module.handle })));
}

/** The groups of messages that only the parts of each page loaded when seen use (`messagesWhenSeen` in its routes' `handle`). */
export async function declaredWhenSeen(root: string, manifest: Manifest): Promise<(routeId: string) => MessageGroup[]> {
  const build = await serverBuild(root);
  return (routeId) => whenSeenGroups(routeChain(manifest, routeId).map((id) => ({ handle: build.routes[id]?.module.handle })));
}

export type PageJavaScript = {
  /** The page's modulepreload list. */
  files: string[];
  /** Gzipped bytes (level 9, as a static server would send them) of a file of the build (/build/…). */
  gzipped: (url: string) => number;
  /** Gzipped bytes of each dictionary script of the page's document, in the larger of its two languages. */
  scripts: number[];
  /** Every gzipped byte of JavaScript the page's document makes the browser load (lazy chunks such as recharts not counted). */
  total: number;
};

/** The JavaScript each page loads: its modulepreload list and its dictionary scripts, gzipped. */
export async function pageJavaScript(root: string, manifest: Manifest): Promise<(routeId: string) => PageJavaScript> {
  const preloads = await preloadLists(root, manifest);
  const groupsOf = await declaredGroups(root, manifest);
  const { dictionaryScript } = (await import(pathToFileURL(path.join(root, "app/utils/dictionary.server.ts")).href)) as {
    dictionaryScript: (lang: "id" | "en", groups: readonly MessageGroup[]) => string;
  };
  const sizes = new Map<string, number>();
  const cached = (name: string, measure: () => number) => {
    let n = sizes.get(name);
    if (n === undefined) sizes.set(name, (n = measure()));
    return n;
  };
  const gzipped = (url: string) => cached(url, () => zlib.gzipSync(fs.readFileSync(path.join(root, "public", url)), { level: 9 }).length);
  const script = (groups: MessageGroup[]) =>
    cached(`i18n:${groups.join(".")}`, () => Math.max(...(["id", "en"] as const).map((lang) => zlib.gzipSync(dictionaryScript(lang, groups), { level: 9 }).length)));
  return (routeId) => {
    const files = preloads(routeId);
    const scripts = documentScripts(groupsOf(routeId)).map(script);
    const total = files.reduce((sum, url) => sum + gzipped(url), 0) + scripts.reduce((a, b) => a + b, 0);
    return { files, gzipped, scripts, total };
  };
}

/** Where each message key is: its group (by key). */
export type KeyGroups = ReadonlyMap<string, MessageGroup>;

/** A message key in a chunk: as a string literal, or as the parts of a template literal (`stage.${code}` → ["stage.", ""]). */
type KeyUse = { text: string } | { parts: string[] };

/** The string and template literals of a JavaScript file that can name message keys. */
function keyUses(file: string): KeyUse[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const uses: KeyUse[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) uses.push({ text: node.text });
    else if (ts.isTemplateExpression(node)) uses.push({ parts: [node.head.text, ...node.templateSpans.map((span) => span.literal.text)] });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A prefix that starts a key (`stage.`, `caseFile.saved.`): a word and at least one dot. */
const KEY_PREFIX = /^[a-zA-Z][\w-]*\.(?:[\w-]+\.)*[\w-]*$/;

/**
 * The message keys a browser file uses, by group: string literals that are keys, string literals
 * that are a key's prefix ending in a dot ("stage." + code), and template literals whose fixed
 * parts fit keys (`error.${kind}.title`). An over-estimate (a module's strings count whether or
 * not the page calls the code that has them), never an under-estimate of literal keys; keys
 * that arrive as data (from a loader) are not literals here.
 */
export function keysInFile(file: string, keyGroups: KeyGroups): Map<MessageGroup, Set<string>> {
  const found = new Map<MessageGroup, Set<string>>();
  const add = (key: string) => {
    const group = keyGroups.get(key)!;
    if (!found.has(group)) found.set(group, new Set());
    found.get(group)!.add(key);
  };
  const keys = [...keyGroups.keys()];
  for (const use of keyUses(file)) {
    if ("text" in use) {
      if (keyGroups.has(use.text)) add(use.text);
      else if (use.text.endsWith(".") && KEY_PREFIX.test(use.text)) keys.filter((k) => k.startsWith(use.text)).forEach(add);
    } else if (KEY_PREFIX.test(use.parts[0]!)) {
      const pattern = new RegExp(`^${use.parts.map(escape).join("[\\w.-]+")}$`);
      keys.filter((k) => pattern.test(k)).forEach(add);
    }
  }
  return found;
}
