import { describe, expect, it } from "vitest";
import { displayName, unidentifiedSearch } from "./persons";

describe("unidentifiedSearch", () => {
  it("reads the names the screens give unidentified people", () => {
    expect(unidentifiedSearch("Mrs. X")).toBe("female");
    expect(unidentifiedSearch("mrs x")).toBe("female");
    expect(unidentifiedSearch(" Ny. X ")).toBe("female");
    expect(unidentifiedSearch("Mr. X")).toBe("male");
    expect(unidentifiedSearch("Tn.X")).toBe("male");
  });
  it("leaves other searches alone", () => {
    expect(unidentifiedSearch("Xavier")).toBeNull();
    expect(unidentifiedSearch("Mr. Xu")).toBeNull();
    expect(unidentifiedSearch("")).toBeNull();
  });
  it("matches what displayName shows", () => {
    expect(unidentifiedSearch(displayName({ name: null, unidentified: true, sex: "female" }))).toBe("female");
    expect(unidentifiedSearch(displayName({ name: null, unidentified: true, sex: "male" }))).toBe("male");
  });
});
