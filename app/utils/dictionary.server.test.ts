import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { dictionaryResponse, dictionaryScript, dictionaryUrl } from "./dictionary.server";
import { translator } from "./i18n";
import { messages } from "./messages";

describe("the dictionary of a language", () => {
  it("gives a page every message of its language only, English falling back to Indonesian", () => {
    const page = { globalThis: {} as { __pantiMessages?: Record<string, Record<string, string>> } };
    vm.runInNewContext(`globalThis = this; ${dictionaryScript("en")}`, page);
    const english = vm.runInNewContext("globalThis.__pantiMessages", page) as Record<string, Record<string, string>>;
    expect(Object.keys(english)).toEqual(["en"]);
    expect(Object.keys(english.en!)).toEqual(Object.keys(messages));
    for (const [key, m] of Object.entries(messages as Record<string, { id: string; en?: string }>)) {
      expect(english.en![key]).toBe(m.en ?? m.id);
    }
    expect(english.en!["nav.home"]).toBe(translator("en")("nav.home"));
  });

  it("is served under a name that changes with its text, cached for a year only under that name", async () => {
    const url = dictionaryUrl("id");
    expect(url).toMatch(/^\/i18n\/id\.[A-Za-z0-9_-]{12}\.js$/);
    const current = dictionaryResponse(url.slice("/i18n/".length))!;
    expect(current.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
    expect(current.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(await current.text()).toBe(dictionaryScript("id"));
    for (const other of ["id.js", "id.AAAAAAAAAAAA.js"]) {
      const response = dictionaryResponse(other)!;
      expect(response.headers.get("Cache-Control")).toBe("no-cache");
      expect(await response.text()).toBe(dictionaryScript("id"));
    }
    for (const refused of ["fr.js", "id.json", "../messages.ts", "id.x.js", ""]) expect(dictionaryResponse(refused)).toBeNull();
  });
});
