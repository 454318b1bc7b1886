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
import path from "node:path";
import { parseArgs } from "node:util";
import { MAIN_PAGES, outputInputs, pageJavaScript, readManifest, readMetafile } from "../build-output";

const { values } = parseArgs({ options: { dir: { type: "string", default: process.cwd() }, all: { type: "boolean", default: false } } });
const root = path.resolve(values.dir);
const buildDir = path.join(root, "public/build");
const manifest = readManifest(root);
const meta = readMetafile(root);

const javaScript = await pageJavaScript(root, manifest);

const PARTS: [string, RegExp][] = [
  ["zod", /node_modules\/zod\//],
  ["react", /node_modules\/(react|react-dom|scheduler)\//],
  ["remix", /node_modules\/(@remix-run|react-router|react-router-dom|turbo-stream)\//],
  ["hook-form", /node_modules\/(react-hook-form|@hookform)\//],
  ["messages", /app\/utils\/messages/],
];
function parts(url: string, gzipped: (url: string) => number): Map<string, number> {
  const out = new Map<string, number>();
  const files = outputInputs(meta, url);
  const total = Object.values(files).reduce((s, i) => s + i.bytesInOutput, 0) || 1;
  for (const [input, { bytesInOutput }] of Object.entries(files)) {
    const part = PARTS.find(([, re]) => re.test(input))?.[0] ?? (input.includes("node_modules") ? "other libs" : "app");
    out.set(part, (out.get(part) ?? 0) + (bytesInOutput / total) * gzipped(url));
  }
  return out;
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
  const { files, gzipped, scripts, total } = javaScript(id);
  const share = new Map<string, number>();
  for (const url of files) for (const [part, n] of parts(url, gzipped)) share.set(part, (share.get(part) ?? 0) + n);
  share.set("messages", (share.get("messages") ?? 0) + scripts.reduce((a, b) => a + b, 0));
  console.log(`${label.padEnd(40)} ${kib(total)} ${columns.map((c) => kib(share.get(c) ?? 0).padStart(10)).join("")}  ${files.length + scripts.length}`);
}
console.log(
  `(${path.relative(process.cwd(), buildDir) || buildDir}; gzip -9 of each file of the page's modulepreload list, plus its dictionary ` +
    `scripts: "common" and its routes' groups, each script in the larger of its two languages)`,
);
