import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { dictionaryResponse, dictionaryScript, dictionaryUrl, groupVersions } from "./dictionary.server";
import { translator } from "./i18n";
import { MESSAGE_GROUPS, groupsUrl } from "./message-groups";
import { messageGroups, messages } from "./messages";

type Page = { __pantiMessages?: Record<string, Record<string, string>>; __pantiMessageGroups?: Record<string, string[]> };

/** Runs dictionary scripts as a page would, one after the other, and returns the page's globals. */
function runInPage(...scripts: string[]): Page {
  const page = { globalThis: {} };
  for (const script of scripts) vm.runInNewContext(`globalThis = this; ${script}`, page);
  return vm.runInNewContext("({ __pantiMessages: globalThis.__pantiMessages, __pantiMessageGroups: globalThis.__pantiMessageGroups })", page) as Page;
}

describe("the dictionary scripts", () => {
  it("give a page the messages of its groups in its language only, English falling back to Indonesian", () => {
    const page = runInPage(dictionaryScript("en", ["common"]), dictionaryScript("en", ["home", "casefile"]));
    expect(Object.keys(page.__pantiMessages!)).toEqual(["en"]);
    expect(page.__pantiMessageGroups).toEqual({ en: ["common", "home", "casefile"] });
    const expected = { ...messageGroups.common, ...messageGroups.home, ...messageGroups.casefile } as Record<string, { id: string; en?: string }>;
    expect(Object.keys(page.__pantiMessages!.en!).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, m] of Object.entries(expected)) expect(page.__pantiMessages!.en![key]).toBe(m.en ?? m.id);
    expect(page.__pantiMessages!.en!["nav.home"]).toBe(translator("en")("nav.home"));
  });

  it("have every message when every group is asked for", () => {
    const page = runInPage(dictionaryScript("id"));
    expect(Object.keys(page.__pantiMessages!.id!)).toHaveLength(Object.keys(messages).length);
    expect(page.__pantiMessageGroups!.id).toEqual([...MESSAGE_GROUPS]);
  });

  it("are served under names that change with their groups' texts, cached for a year only under those names", async () => {
    const url = dictionaryUrl("id", ["common", "home"]);
    expect(url).toBe(groupsUrl("id", ["common", "home"], groupVersions("id")));
    expect(url).toMatch(/^\/i18n\/id\.common-[0-9a-f]{8}\.home-[0-9a-f]{8}\.js$/);
    const current = dictionaryResponse(url.slice("/i18n/".length))!;
    expect(current.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
    expect(current.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(await current.text()).toBe(dictionaryScript("id", ["common", "home"]));
    // A group of a short name ("api") is not taken for a whole dictionary of an earlier version.
    const api = dictionaryResponse(dictionaryUrl("en", ["api"]).slice("/i18n/".length))!;
    expect(await api.text()).toBe(dictionaryScript("en", ["api"]));

    const stale = dictionaryResponse("id.common-00000000.home-00000000.js")!;
    expect(stale.headers.get("Cache-Control")).toBe("no-cache");
    expect(await stale.text()).toBe(dictionaryScript("id", ["common", "home"]));
    for (const whole of ["id.js", "id.AAAAAAAAAAAA.js"]) {
      const response = dictionaryResponse(whole)!;
      expect(response.headers.get("Cache-Control")).toBe("no-cache");
      expect(await response.text()).toBe(dictionaryScript("id"));
    }
    for (const refused of ["fr.js", "id.json", "../messages.ts", "id.x.js", "", "id.nothing-00000000.js", "id.home-00000000.home-00000000.js"]) {
      expect(dictionaryResponse(refused)).toBeNull();
    }
  });
});
