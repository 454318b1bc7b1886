import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

const BASE = "http://127.0.0.1:3000";

/** What Chromium would navigate to for a Location header (WHATWG URL parsing, as browsers do). */
const landsOn = (location: string) => new URL(location, BASE);

describe("safeRedirect", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeRedirect("/panti/3")).toBe("/panti/3");
    expect(safeRedirect("/placements?status=pending&page=2#list")).toBe("/placements?status=pending&page=2#list");
    expect(safeRedirect("/residents?q=Yoga%20Saputra")).toBe("/residents?q=Yoga%20Saputra");
  });

  it.each([
    ["an absent value", null],
    ["an empty value", ""],
    ["a file upload", new File(["x"], "x.txt")],
    ["another site", "https://evil.example/"],
    ["a scheme-relative URL", "//evil.example"],
    ["a backslash", "/\\evil.example"],
    ["a tab that the browser drops", "/\t/evil.example"],
    ["a newline that the browser drops", "/\n/evil.example"],
    ["a carriage return and line feed", "/\r\nX"],
    ["DEL", "/\u007f"],
    ["a Unicode line separator", "/\u2028"],
    ["a no-break space", "/\u00a0/evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "panti/3"],
  ])("sends %s home", (_label, value) => {
    expect(safeRedirect(value as string | null)).toBe("/home");
  });

  it("turns characters outside ASCII into a percent-encoded path on this site", () => {
    const to = safeRedirect("/\u{1D54F}");
    expect(to).toBe("/%F0%9D%95%8F");
    expect(landsOn(to).origin).toBe(BASE);
  });

  it("never yields a value that leaves the site or cannot be a header", () => {
    const tricky = ["/%2F%2Fevil.example", "/.//evil.example", "/..//evil.example", "/%09/evil.example", "/a/../../evil.example", "/%5Cevil.example", "/?x=\u00e9"];
    for (const value of tricky) {
      const to = safeRedirect(value);
      expect(landsOn(to).origin, value).toBe(BASE);
      expect(/^[\x21-\x7e]+$/.test(to), value).toBe(true);
    }
  });

  it("uses the fallback given", () => {
    expect(safeRedirect("//evil.example", "/")).toBe("/");
  });
});
