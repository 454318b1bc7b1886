/**
 * Each page loads only the groups of messages its routes declare (app/utils/message-groups.ts,
 * docs/decisions/023-messages-by-page.md). This reads the build that the browser tests run
 * against and fails for any route whose browser code (the entry's, and that of each route of
 * its chain: module and imported chunks) uses a message key of a group that the chain does not
 * declare; the code the page loads lazily (the parts loaded when seen: their chunks, from the
 * esbuild metafile) may use the groups its routes declare for those parts too (`messagesWhenSeen`).
 * Keys that a loader sends as data are caught in the browser instead: a missing key is
 * a console error, on which every browser test fails (fixtures.ts). The other tests follow a
 * page's dictionary scripts: the first load, a client-side navigation, a script that fails.
 */
import path from "node:path";
import { test as plainTest } from "@playwright/test";
import { messageGroups } from "../../app/utils/messages";
import type { MessageGroup } from "../../app/utils/message-groups";
import { declaredGroups, declaredWhenSeen, keysInFile, lazyFiles, readManifest, readMetafile, routeChain, routeFiles, type KeyGroups } from "../build-output";
import { ROOT } from "./e2e-env.js";
import { dictionaryRequests, expect, signIn, test } from "./fixtures";

test("every page declares the groups of the message keys its browser code uses", async () => {
  const manifest = readManifest(ROOT);
  const meta = readMetafile(ROOT);
  const groupsOf = await declaredGroups(ROOT, manifest);
  const whenSeenOf = await declaredWhenSeen(ROOT, manifest);
  const keyGroups: KeyGroups = new Map(
    Object.entries(messageGroups).flatMap(([group, entries]) => Object.keys(entries).map((key) => [key, group as MessageGroup] as const)),
  );
  const scanned = new Map<string, Map<MessageGroup, Set<string>>>();
  const keysIn = (url: string) => {
    let found = scanned.get(url);
    if (!found) scanned.set(url, (found = keysInFile(path.join(ROOT, "public", url), keyGroups)));
    return found;
  };

  const undeclared: string[] = [];
  const check = (id: string, urls: Iterable<string>, declared: readonly MessageGroup[], what: string) => {
    for (const url of urls) {
      for (const [group, keys] of keysIn(url)) {
        if (!declared.includes(group)) undeclared.push(`${id}${what} needs "${group}": ${[...keys].slice(0, 3).join(", ")} (${url})`);
      }
    }
  };
  const routes = Object.keys(manifest.routes).sort();
  for (const id of routes) {
    const declared = groupsOf(id);
    const files = [...new Set([manifest.entry.module, ...manifest.entry.imports, ...routeChain(manifest, id).flatMap((r) => routeFiles(manifest, r))])];
    check(id, files, declared, "");
    check(id, lazyFiles(meta, files), [...declared, ...whenSeenOf(id)], " (parts loaded when seen)");
  }
  expect(undeclared).toEqual([]);
  // The parts loaded when seen are read: the case file's use the groups it declares for them only.
  const caseFile = "routes/_app.panti.$pantiId_.stays.$stayId._index";
  const caseFileFiles = routeChain(manifest, caseFile).flatMap((r) => routeFiles(manifest, r));
  const lazyGroups = new Set(lazyFiles(meta, caseFileFiles).flatMap((url) => [...keysIn(url).keys()]));
  expect(whenSeenOf(caseFile)).toEqual(expect.arrayContaining(["exports", "handoffs", "programmes"]));
  for (const group of whenSeenOf(caseFile)) {
    expect(groupsOf(caseFile), group).not.toContain(group);
    expect(lazyGroups.has(group), group).toBe(true);
  }
  // The check reads something: the pages' keys are found (a broken scan would pass every route).
  expect(keysIn(manifest.routes["routes/_app.home"]!.module).get("home")?.size).toBeGreaterThan(10);
});


test("a document loads the common messages and those of its page's groups, in its language", async ({ page, login }) => {
  await login("admin");
  const requested = dictionaryRequests(page);
  await page.goto("/home");
  await expect(page.getByTestId("current-user")).toBeAttached();
  expect(requested).toEqual(["id.common.js", "id.approvals.home.safeguarding.js"]);
  await expect.poll(() => page.evaluate(() => globalThis.__pantiMessageGroups)).toEqual({ id: ["common", "approvals", "home", "safeguarding"] });
});

test("a client-side navigation loads the groups the next page lacks before showing it, in Bahasa Indonesia and in English", async ({ page, login }) => {
  await login("admin");
  await page.goto("/home");
  await expect(page.getByTestId("current-user")).toBeAttached();
  const requested = dictionaryRequests(page);
  await page.evaluate(() => ((window as { sameDocument?: boolean }).sameDocument = true));
  const nav = page.getByRole("navigation", { name: "Menu" });

  await nav.getByRole("link", { name: "Rujukan", exact: true }).click();
  await expect(page).toHaveURL(/\/placements$/);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(/\w\.\w/);
  expect(requested).toEqual(["id.exports.placements.js"]);
  await nav.getByRole("link", { name: "Beranda" }).click();
  await expect(page).toHaveURL(/\/home$/);
  expect(requested, "groups already loaded are not asked for again").toHaveLength(1);

  await page.getByRole("banner").getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.evaluate(() => ((window as { sameDocument?: boolean }).sameDocument = true));
  await nav.getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dinas Sosial dashboard");
  await expect(page.locator("main")).not.toContainText("dash.");
  expect(requested.slice(-1)).toEqual(["en.dashboard.exports.js"]);
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await page.getByRole("banner").getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
});

plainTest("a dictionary script that fails leaves the page usable: the navigation ends, with keys instead of texts", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await signIn(page, "admin");
  await page.goto("/home");
  await expect(page.getByTestId("current-user")).toBeAttached();
  await page.route(/\/i18n\//, (route) => route.abort());
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Rujukan", exact: true }).click();
  await expect(page).toHaveURL(/\/placements$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("placements.title");
  expect(errors.some((e) => e.startsWith("Messages not loaded: /i18n/id.exports-"))).toBe(true);
  expect(errors.some((e) => e.startsWith("Missing message: placements.title"))).toBe(true);
});
