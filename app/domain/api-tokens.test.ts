import { describe, expect, it } from "vitest";
import {
  apiBodyIssues,
  apiLanguage,
  bearerToken,
  createApiTokenSchema,
  formatToken,
  isJsonContentType,
  isTokenExpired,
  isTokenFormat,
  tokenExpiresAt,
  tokenPrefix,
} from "./api-tokens";

const random43 = "A".repeat(20) + "b-_9".repeat(5) + "xyz";

describe("token format", () => {
  it("is pnt_ and 43 base64url characters; the prefix is its first 8", () => {
    const token = formatToken(random43);
    expect(token).toHaveLength(47);
    expect(isTokenFormat(token)).toBe(true);
    expect(tokenPrefix(token)).toBe("pnt_AAAA");
    expect(isTokenFormat(`${token}x`)).toBe(false);
    expect(isTokenFormat(token.replace("pnt_", "pat_"))).toBe(false);
    expect(isTokenFormat(`pnt_${"a".repeat(42)}=`)).toBe(false);
  });

  it("reads the bearer token and nothing else", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bearer   abc  ")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
    expect(bearerToken("")).toBeNull();
  });
});

describe("API requests", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["id", "id"],
    ["id-ID,id;q=0.9,en;q=0.8", "id"],
    ["en-US,en;q=0.9,id;q=0.8", "en"],
    ["in", "id"],
    ["fr, id;q=0.5", "id"],
    ["id;q=0, en", "en"],
    ["de", "en"],
    ["*", "en"],
  ] as const)("speaks %j as %s", (header, lang) => {
    expect(apiLanguage(header)).toBe(lang);
  });

  it("takes JSON only", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("Application/JSON; charset=utf-8")).toBe(true);
    expect(isJsonContentType("text/plain")).toBe(false);
    expect(isJsonContentType("application/x-www-form-urlencoded")).toBe(false);
    expect(isJsonContentType("application/jsonp")).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });

  it("asks for a reference, JSON numbers, and the token's own unit", () => {
    expect(apiBodyIssues({ externalRef: "A-1", targetPantiId: 3, estimatedAge: 40 }, "sudin_jakbar")).toEqual({});
    expect(apiBodyIssues({ targetPantiId: 3 }, "sudin_jakbar")).toEqual({ externalRef: ["api.error.externalRefRequired"] });
    expect(apiBodyIssues({ externalRef: "A", targetPantiId: "3", estimatedAge: null }, "sudin_jakbar")).toEqual({
      targetPantiId: ["error.number"],
      estimatedAge: ["error.number"],
    });
    expect(apiBodyIssues({ externalRef: "A", targetPantiId: [3] }, "sudin_jakbar")).toEqual({ targetPantiId: ["error.number"] });
    expect(apiBodyIssues({ externalRef: "A", outreachUnit: "sudin_jaktim" }, "sudin_jakbar")).toEqual({
      outreachUnit: ["api.error.otherUnit"],
    });
    expect(apiBodyIssues({ externalRef: "A", outreachUnit: "sudin_jakbar" }, "sudin_jakbar")).toEqual({});
    // An unknown unit code is left to the schema's own message.
    expect(apiBodyIssues({ externalRef: "A", outreachUnit: "nowhere" }, "sudin_jakbar")).toEqual({});
  });
});

describe("token form", () => {
  it("needs a known unit and a plain name", () => {
    expect(createApiTokenSchema.safeParse({ intent: "create", outreachUnit: "sudin_jakbar", name: "Aplikasi Sudin Jakbar" }).success).toBe(true);
    expect(createApiTokenSchema.safeParse({ intent: "create", outreachUnit: "nowhere", name: "Aplikasi" }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ intent: "create", outreachUnit: "sudin_jakbar", name: "<b>x</b>" }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ intent: "create", outreachUnit: "sudin_jakbar", name: "ab" }).success).toBe(false);
  });
});

describe("token expiry", () => {
  const form = { intent: "create", outreachUnit: "sudin_jakbar", name: "Aplikasi Sudin Jakbar" };

  it("is optional and, when given, a real calendar date", () => {
    expect(createApiTokenSchema.parse(form).expiresOn).toBeUndefined();
    expect(createApiTokenSchema.parse({ ...form, expiresOn: "2026-12-31" }).expiresOn).toBe("2026-12-31");
    expect(createApiTokenSchema.safeParse({ ...form, expiresOn: "2026-02-31" }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ ...form, expiresOn: "31/12/2026" }).success).toBe(false);
  });

  it("lets a token work through its last day in Jakarta and refuses it from the next midnight WIB", () => {
    const expiresAt = tokenExpiresAt("2026-12-31");
    expect(expiresAt.toISOString()).toBe("2026-12-31T17:00:00.000Z");
    expect(isTokenExpired(expiresAt, new Date("2026-12-31T16:59:59.999Z"))).toBe(false);
    expect(isTokenExpired(expiresAt, new Date("2026-12-31T17:00:00.000Z"))).toBe(true);
    expect(isTokenExpired(null, new Date("2999-01-01T00:00:00Z"))).toBe(false);
  });
});
