import { describe, expect, it } from "vitest";
import { idParams } from "./params.server";

function status(fn: () => unknown): number | "ok" {
  try {
    fn();
    return "ok";
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("idParams", () => {
  it("reads the named ids as numbers", () => {
    expect(idParams({ pantiId: "3", stayId: "120" }, "pantiId", "stayId")).toEqual({ pantiId: 3, stayId: 120 });
  });

  it.each(["0", "-1", "1.5", "1e3", "abc", " 7", "07", "99999999999999999", ""])("answers 404 for %j", (raw) => {
    expect(status(() => idParams({ pantiId: raw }, "pantiId"))).toBe(404);
  });

  it("answers 404 when a named id is missing", () => {
    expect(status(() => idParams({ pantiId: "3" }, "pantiId", "stayId"))).toBe(404);
  });
});
