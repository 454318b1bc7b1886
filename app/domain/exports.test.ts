import { describe, expect, it } from "vitest";
import { EXPORT_PURPOSES, exportPurposeSchema, leftOutReason } from "./exports";

describe("leftOutReason", () => {
  const person = { personId: 7, restricted: false, consentInForce: false };
  it("keeps every row for internal work", () => {
    expect(leftOutReason("internal", person)).toBeNull();
    expect(leftOutReason("internal", { ...person, restricted: true, personId: null })).toBeNull();
  });
  it("gives a recipient outside only persons who consented to it, never a restricted one", () => {
    expect(leftOutReason("hospital", person)).toBe("no_consent");
    expect(leftOutReason("hospital", { ...person, consentInForce: true })).toBeNull();
    expect(leftOutReason("hospital", { ...person, consentInForce: true, restricted: true })).toBe("restricted");
    expect(leftOutReason("family", { ...person, personId: null, consentInForce: true })).toBe("unlinked");
  });
});

describe("exportPurposeSchema", () => {
  it("asks for a purpose and offers no research list of names", () => {
    expect(EXPORT_PURPOSES).not.toContain("research");
    expect(exportPurposeSchema.safeParse({}).success).toBe(false);
    expect(exportPurposeSchema.safeParse({ purpose: "research" }).success).toBe(false);
    expect(exportPurposeSchema.parse({ purpose: "partner_lks" })).toEqual({ purpose: "partner_lks" });
  });
});
