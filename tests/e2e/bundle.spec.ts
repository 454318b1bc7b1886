/**
 * The pages without forms load no zod and at most 120 KB of JavaScript (docs/decisions/018 and
 * 023): read from the build that `npm run test:e2e` makes before it runs the specs, so a shared
 * module that drags schema code back into those pages' chunks fails here. No browser is needed.
 */
import { expect, test } from "@playwright/test";
import { MAIN_PAGES, outputInputs, pageJavaScript, PAGES_WITHOUT_FORMS, preloadLists, readManifest, readMetafile } from "../build-output";
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
