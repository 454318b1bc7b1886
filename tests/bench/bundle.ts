/**
 * npx tsx tests/bench/bundle.ts [--dir CHECKOUT] [--all]   (after npm run build)
 *
 * The JavaScript a page makes the browser download, from the build output: the files of its
 * modulepreload list (what Remix's <Scripts> writes for the page's routes: the entry, each
 * matched route's module and the chunks it imports, and the manifest file unless lazy route
 * discovery puts the page's part of it inline) plus the dictionary scripts the page's document
 * loads (app/utils/message-groups.ts: "common" and the groups its routes declare, in the larger of
 * the two languages), each gzipped at level 9 as a static server would send it. Lazy chunks
 * (recharts) are not counted: they load when a chart is about to be seen. The share of zod, React, Remix and the app in each page is estimated from the
 * esbuild metafile (input bytes in each chunk, scaled to the chunk's gzipped size).
 * `--all` lists every route, not only the main pages.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import { documentScripts, type MessageGroup } from "../../app/utils/message-groups";
import { declaredGroups, MAIN_PAGES, outputInputs, preloadLists, readManifest, readMetafile } from "../build-output";

const { values } = parseArgs({ options: { dir: { type: "string", default: process.cwd() }, all: { type: "boolean", default: false } } });
const root = path.resolve(values.dir);
const buildDir = path.join(root, "public/build");
const manifest = readManifest(root);
const meta = readMetafile(root);

const gzipped = new Map<string, number>();
function gz(url: string): number {
  let n = gzipped.get(url);
  if (n === undefined) gzipped.set(url, (n = zlib.gzipSync(fs.readFileSync(path.join(root, "public", url)), { level: 9 }).length));
  return n;
}

const PARTS: [string, RegExp][] = [
  ["zod", /node_modules\/zod\//],
  ["react", /node_modules\/(react|react-dom|scheduler)\//],
  ["remix", /node_modules\/(@remix-run|react-router|react-router-dom|turbo-stream)\//],
  ["hook-form", /node_modules\/(react-hook-form|@hookform)\//],
  ["messages", /app\/utils\/messages/],
];
function parts(url: string): Map<string, number> {
  const out = new Map<string, number>();
  const files = outputInputs(meta, url);
  const total = Object.values(files).reduce((s, i) => s + i.bytesInOutput, 0) || 1;
  for (const [input, { bytesInOutput }] of Object.entries(files)) {
    const part = PARTS.find(([, re]) => re.test(input))?.[0] ?? (input.includes("node_modules") ? "other libs" : "app");
    out.set(part, (out.get(part) ?? 0) + (bytesInOutput / total) * gz(url));
  }
  return out;
}

const preloads = await preloadLists(root, manifest);

// The dictionary scripts of a page's document (gzipped bytes of each, the larger language's).
const { dictionaryScript } = (await import(path.join(root, "app/utils/dictionary.server.ts"))) as {
  dictionaryScript: (lang: "id" | "en", groups: readonly MessageGroup[]) => string;
};
const groupsOf = await declaredGroups(root, manifest);
const scriptBytes = new Map<string, number>();
function dictionaries(routeId: string): number[] {
  return documentScripts(groupsOf(routeId)).map((groups) => {
    const name = groups.join(".");
    let n = scriptBytes.get(name);
    if (n === undefined) scriptBytes.set(name, (n = Math.max(...(["id", "en"] as const).map((lang) => zlib.gzipSync(dictionaryScript(lang, groups), { level: 9 }).length))));
    return n;
  });
}

const rows: [string, string][] = values.all
  ? Object.keys(manifest.routes)
      .filter((id) => id !== "root")
      .sort()
      .map((id) => [id.replace(/^routes\//, ""), id])
  : MAIN_PAGES.filter(([, id]) => manifest.routes[id]);

const kib = (n: number) => (n / 1024).toFixed(1).padStart(7);
const columns = [...PARTS.map(([name]) => name), "other libs", "app"];
console.log(`${"page (KiB gzipped)".padEnd(40)} ${"total".padStart(7)} ${columns.map((c) => c.padStart(10)).join("")}  files`);
for (const [label, id] of rows) {
  const urls = preloads(id);
  const share = new Map<string, number>();
  for (const url of urls) for (const [part, n] of parts(url)) share.set(part, (share.get(part) ?? 0) + n);
  const scripts = dictionaries(id);
  const dictionaryBytes = scripts.reduce((a, b) => a + b, 0);
  share.set("messages", (share.get("messages") ?? 0) + dictionaryBytes);
  const total = urls.reduce((s, url) => s + gz(url), 0) + dictionaryBytes;
  console.log(`${label.padEnd(40)} ${kib(total)} ${columns.map((c) => kib(share.get(c) ?? 0).padStart(10)).join("")}  ${urls.length + scripts.length}`);
}
console.log(
  `(${path.relative(process.cwd(), buildDir) || buildDir}; gzip -9 of each file of the page's modulepreload list, plus its dictionary ` +
    `scripts: "common" and its routes' groups, each script in the larger of its two languages)`,
);
