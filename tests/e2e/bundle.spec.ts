/**
 * The pages without forms load no zod and at most 120 KB of JavaScript (docs/decisions/018 and
 * 023), and the main pages no more files than they need before their first paint (018, "fewer
 * files before the first paint"): read from the build that `npm run test:e2e` makes before it
 * runs the specs, so a shared module that drags schema code back into those pages' chunks, or
 * splits the page kit or brings back empty-module files, fails here. No browser is needed.
 */
import { expect, test } from "@playwright/test";
import { MAIN_PAGES, outputInputs, pageJavaScript, PAGES_WITHOUT_FORMS, preloadLists, readManifest, readMetafile, routeFiles } from "../build-output";
import { ROOT } from "./e2e-env.js";

const ZOD = /node_modules\/zod\//;

test("the pages without forms up front load no chunk with zod in it; the form pages do", async () => {
  const manifest = readManifest(ROOT);
  const meta = readMetafile(ROOT);
  const preloads = await preloadLists(ROOT, manifest);
  const zodFiles = (routeId: string) => preloads(routeId).filter((url) => Object.keys(outputInputs(meta, url)).some((input) => ZOD.test(input)));

  for (const routeId of PAGES_WITHOUT_FORMS) {
    expect(manifest.routes[routeId], routeId).toBeTruthy();
    expect(zodFiles(routeId), `${routeId} loads zod`).toEqual([]);
  }
  // The check sees zod where it is: the pages with forms load it.
  for (const [, routeId] of MAIN_PAGES.filter(([, id]) => !PAGES_WITHOUT_FORMS.includes(id))) {
    expect(zodFiles(routeId).length, `${routeId} loads zod`).toBeGreaterThan(0);
  }
});

test("a page without forms up front loads at most 120 KB of gzipped JavaScript, messages included", async () => {
  const manifest = readManifest(ROOT);
  const javaScript = await pageJavaScript(ROOT, manifest);
  for (const routeId of PAGES_WITHOUT_FORMS) {
    const { total } = javaScript(routeId);
    expect(total, `${routeId}: ${(total / 1024).toFixed(1)} KiB`).toBeLessThanOrEqual(120 * 1000);
    // The measure sees the page: React and Remix alone are over 80 KiB.
    expect(total, routeId).toBeGreaterThan(80 * 1024);
  }
});

test("the page kit is two files, and the scripts of the root, the layout, the bed board and the referral list hold no file of empty modules only", async () => {
  const manifest = readManifest(ROOT);
  const meta = readMetafile(ROOT);
  const preloads = await preloadLists(ROOT, manifest);
  const kit = [
    "app/components/ui/page-kit.ts",
    "app/components/ui/error-page.tsx",
    "app/components/ui/language-switch.tsx",
    "app/components/ui/page-header.tsx",
    "app/components/ui/plain-links.tsx",
    "app/components/ui/route-error-boundary.tsx",
    "app/utils/message-groups.ts",
    "app/utils/meta.ts",
  ];
  const bed = preloads("routes/_app.panti.$pantiId");
  const kitFiles = bed.filter((url) => Object.keys(outputInputs(meta, url)).some((input) => kit.includes(input)));
  const found = kitFiles.flatMap((url) => Object.keys(outputInputs(meta, url))).filter((input) => kit.includes(input));
  // The measure sees the kit: every module of it is in the bed board's files.
  expect(found.sort()).toEqual([...kit].sort());
  expect(kitFiles.length, kitFiles.join(", ")).toBeLessThanOrEqual(2);

  // A `.server` module is an empty module in the browser build; shared by several routes it is a file of its own.
  const onlyEmpty = (url: string) => {
    const inputs = Object.keys(outputInputs(meta, url));
    return inputs.length > 0 && inputs.every((input) => input.startsWith("empty-module:"));
  };
  const everyPage = [...routeFiles(manifest, "root"), ...routeFiles(manifest, "routes/_app")];
  expect(everyPage.filter(onlyEmpty)).toEqual([]);
  for (const routeId of ["routes/_app.panti.$pantiId", "routes/_app.placements._index"]) {
    expect(preloads(routeId).filter(onlyEmpty), routeId).toEqual([]);
  }
  // The check sees such files where they are: the case file still imports shared server modules.
  expect(preloads("routes/_app.panti.$pantiId_.stays.$stayId._index").filter(onlyEmpty).length).toBeGreaterThan(0);
});
