/**
 * The browser build as a page sees it, read from the build output (after `npm run build`): the
 * Remix manifest (public/build/manifest-*.js) and esbuild's metafile (build/metafile.js.json).
 * Used by the bundle measurement (tests/bench/bundle.ts) and by the browser tests that check
 * which libraries a page loads (tests/e2e/bundle.spec.ts).
 */
import fs from "node:fs";
import path from "node:path";

type Manifest = {
  url: string;
  entry: { module: string; imports: string[] };
  routes: Record<string, { id: string; parentId?: string; module: string; imports?: string[] }>;
};
type Metafile = {
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
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

/** The main pages without a form: they load no schema code (docs/decisions/018-page-speed.md). */
export const PAGES_WITHOUT_FORMS = ["routes/_app.home", "routes/_app.panti._index", "routes/_app.placements._index", "routes/_app.dashboard"];

export type BuildOutput = {
  buildDir: string;
  manifest: Manifest;
  /** The modulepreload list of a page whose deepest route is `routeId` (as Remix's <Scripts> builds it). */
  preloads: (routeId: string) => string[];
  /** The source files (paths relative to the root) esbuild put in the file at `url` (/build/…). */
  inputs: (url: string) => Record<string, { bytesInOutput: number }>;
};

export async function readBuild(root: string): Promise<BuildOutput> {
  const buildDir = path.join(root, "public/build");
  const manifestFile = fs.readdirSync(buildDir).find((f) => /^manifest-.*\.js$/.test(f));
  if (!manifestFile) throw new Error(`no manifest in ${buildDir}: run npm run build`);
  const manifest = JSON.parse(
    fs.readFileSync(path.join(buildDir, manifestFile), "utf8").replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, ""),
  ) as Manifest;
  const meta = JSON.parse(fs.readFileSync(path.join(root, "build/metafile.js.json"), "utf8")) as Metafile;

  // With lazy route discovery the page carries its part of the manifest inline, not the manifest file.
  const config = (await import(path.join(root, "remix.config.js"))) as { default: { future?: { v3_lazyRouteDiscovery?: boolean } } };
  const manifestFileLoaded = !config.default.future?.v3_lazyRouteDiscovery;

  return {
    buildDir,
    manifest,
    preloads(routeId) {
      const chain: string[] = [];
      for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) chain.unshift(id);
      const urls = [...(manifestFileLoaded ? [manifest.url] : []), manifest.entry.module, ...manifest.entry.imports];
      for (const id of chain) urls.push(manifest.routes[id]!.module, ...(manifest.routes[id]!.imports ?? []));
      return [...new Set(urls)];
    },
    inputs: (url) => meta.outputs[`public${url}`]?.inputs ?? {},
  };
}
