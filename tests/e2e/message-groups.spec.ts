/**
 * Each page loads only the groups of messages its routes declare (app/utils/message-groups.ts,
 * docs/decisions/023-messages-by-page.md). This reads the build that the browser tests run
 * against and fails for any route whose browser code (the entry's, and that of each route of
 * its chain: module and imported chunks) uses a message key of a group that the chain does not
 * declare. Keys that a loader sends as data are caught in the browser instead: a missing key is
 * a console error, on which every browser test fails (fixtures.ts).
 */
import path from "node:path";
import { expect, test } from "@playwright/test";
import { messageGroups } from "../../app/utils/messages";
import type { MessageGroup } from "../../app/utils/message-groups";
import { declaredGroups, keysInFile, readManifest, routeChain, routeFiles, type KeyGroups } from "../build-output";
import { ROOT } from "./e2e-env.js";

test("every page declares the groups of the message keys its browser code uses", async () => {
  const manifest = readManifest(ROOT);
  const groupsOf = await declaredGroups(ROOT, manifest);
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
  const routes = Object.keys(manifest.routes).sort();
  for (const id of routes) {
    const declared = groupsOf(id);
    const files = new Set([manifest.entry.module, ...manifest.entry.imports, ...routeChain(manifest, id).flatMap((r) => routeFiles(manifest, r))]);
    for (const url of files) {
      for (const [group, keys] of keysIn(url)) {
        if (!declared.includes(group)) undeclared.push(`${id} needs "${group}": ${[...keys].slice(0, 3).join(", ")} (${url})`);
      }
    }
  }
  expect(undeclared).toEqual([]);
  // The check reads something: the pages' keys are found (a broken scan would pass every route).
  expect(keysIn(manifest.routes["routes/_app.home"]!.module).get("home")?.size).toBeGreaterThan(10);
});
