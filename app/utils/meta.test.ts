import { describe, expect, it } from "vitest";
import { type langOf, pageTitle, titleOf } from "./meta";

const matches = (lang: unknown) => [{ id: "root", data: { lang } }] as unknown as Parameters<typeof langOf>[0];

describe("page titles", () => {
  it("are in the language of the request, Indonesian by default", () => {
    const meta = pageTitle("title.dashboard");
    expect(meta({ matches: matches("en") } as never)).toEqual([{ title: "Dashboard — Panti" }]);
    expect(meta({ matches: matches("id") } as never)).toEqual([{ title: "Dasbor — Panti" }]);
    expect(meta({ matches: matches("xx") } as never)).toEqual([{ title: "Dasbor — Panti" }]);
  });

  it("use the record's own name when the page has one", () => {
    expect(titleOf(matches("en"), "title.shelters", "Panti Sosial Bina Insan Bangun Daya 1")).toBe("Panti Sosial Bina Insan Bangun Daya 1 — Panti");
    expect(titleOf(matches("en"), "title.shelters", null)).toBe("Shelters — Panti");
  });
});
