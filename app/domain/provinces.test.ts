import { describe, expect, it } from "vitest";
import { ownProvinceCode, partnerProvinceSchema } from "./provinces";

describe("partnerProvinceSchema", () => {
  it("accepts a full entry, trims the address's trailing slash and the key's line breaks", () => {
    const parsed = partnerProvinceSchema.parse({
      office: "Dinas Sosial Provinsi Jawa Barat",
      contactName: "Asep Sunandar",
      contactPhone: "+62 22 4231 570",
      contactEmail: "rehsos@dinsos.jabarprov.go.id",
      baseUrl: "https://panti.dinsos.jabarprov.go.id/",
      publicKey: "MCowBQYDK2VwAyEA\n9j2yK3o4Jm4v5ZkVxk2rHgq0Kz8e7m3fJ1c2d3e4f5g=",
      active: "on",
    });
    expect(parsed.baseUrl).toBe("https://panti.dinsos.jabarprov.go.id");
    expect(parsed.publicKey).toBe("MCowBQYDK2VwAyEA9j2yK3o4Jm4v5ZkVxk2rHgq0Kz8e7m3fJ1c2d3e4f5g=");
    expect(parsed.active).toBe(true);
  });

  it("reads empty optional fields as absent and an unticked box as inactive", () => {
    expect(partnerProvinceSchema.parse({ office: "Dinas Sosial Provinsi Bali", contactEmail: "", baseUrl: " " })).toEqual({
      office: "Dinas Sosial Provinsi Bali",
      active: false,
    });
  });

  it("refuses every bad field at once", () => {
    const result = partnerProvinceSchema.safeParse({
      office: "",
      contactEmail: "bukan email",
      baseUrl: "ftp://example.org",
      publicKey: "bukan kunci!",
      contactPhone: "telepon",
    });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((i) => String(i.path[0])));
    expect(fields).toEqual(new Set(["office", "contactEmail", "baseUrl", "publicKey", "contactPhone"]));
  });

  it("refuses an address with credentials or a query", () => {
    expect(partnerProvinceSchema.safeParse({ office: "Dinas Sosial", baseUrl: "https://user:pw@example.org" }).success).toBe(false);
    expect(partnerProvinceSchema.safeParse({ office: "Dinas Sosial", baseUrl: "https://example.org/?a=1" }).success).toBe(false);
  });
});

describe("ownProvinceCode", () => {
  it("is the configured two-digit code, else DKI Jakarta", () => {
    expect(ownProvinceCode("32")).toBe("32");
    expect(ownProvinceCode(undefined)).toBe("31");
    expect(ownProvinceCode("Jawa Barat")).toBe("31");
  });
});
