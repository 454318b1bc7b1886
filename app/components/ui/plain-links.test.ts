import { describe, expect, it } from "vitest";
import { isActivePath } from "./plain-links";

describe("isActivePath (NavLink's test, without end)", () => {
  it("marks the path itself and the pages below it at a segment boundary", () => {
    expect(isActivePath("/panti", "/panti")).toBe(true);
    expect(isActivePath("/panti/17/stays/3", "/panti")).toBe(true);
    expect(isActivePath("/panti/", "/panti")).toBe(true);
    expect(isActivePath("/pantiku", "/panti")).toBe(false);
    expect(isActivePath("/placements", "/panti")).toBe(false);
  });

  it("ignores case and a trailing slash of the link", () => {
    expect(isActivePath("/Panti/4", "/panti")).toBe(true);
    expect(isActivePath("/admin/users/2", "/admin/users/")).toBe(true);
    expect(isActivePath("/admin/users", "/admin/users/")).toBe(false);
  });

  it("marks a link to the root at the root only, as NavLink does", () => {
    expect(isActivePath("/", "/")).toBe(true);
    expect(isActivePath("/home", "/")).toBe(false);
  });
});
