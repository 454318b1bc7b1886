/**
 * The FKD-MPU partner provinces registry: the ten signatories seeded, edited only by a Dinsos
 * administrator (audited), a partner's key checked as an Ed25519 public key, and this instance's
 * own key shown for exchange.
 */
import { generateKeyPairSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, partnerProvinces } from "#db/schema";
import { loadReferenceData } from "#db/seed/reference";
import { InvalidInput, NotFound, PermissionDenied } from "~/domain/errors";
import { partnerProvinceSchema } from "~/domain/provinces";
import { action as editAction, loader as editLoader } from "~/routes/_app.admin.provinces.$code";
import { loader as listLoader } from "~/routes/_app.admin.provinces._index";
import { updatePartnerProvince } from "~/services/provinces.server";
import { db } from "~/utils/db.server";
import { instancePublicKey } from "~/utils/signing.server";
import { cookieFor, createUser } from "../factories";
import { callRoute, getRequest, postForm, routeArgs } from "../routes";

const jabarKey = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "der" }).toString("base64");

beforeAll(() => {
  db.insert(partnerProvinces).values(loadReferenceData().partnerProvinces).onConflictDoNothing().run();
});

describe("partner provinces", () => {
  it("holds the ten FKD-MPU signatories, DKI Jakarta among them", () => {
    const rows = db.select().from(partnerProvinces).all();
    expect(rows.map((r) => r.name).sort()).toEqual(
      ["Bali", "Banten", "DI Yogyakarta", "DKI Jakarta", "Jawa Barat", "Jawa Tengah", "Jawa Timur", "Lampung", "Nusa Tenggara Barat", "Nusa Tenggara Timur"],
    );
  });

  it("lets a Dinsos administrator record a partner's instance and key, audited", () => {
    const admin = createUser("dinsos_admin");
    updatePartnerProvince(admin.actor, "32", partnerProvinceSchema.parse({
      office: "Dinas Sosial Provinsi Jawa Barat",
      contactName: "Asep Sunandar",
      contactEmail: "rehsos@dinsos.jabarprov.go.id",
      baseUrl: "https://panti.dinsos.jabarprov.go.id/",
      publicKey: jabarKey,
      active: "on",
    }));
    const row = db.select().from(partnerProvinces).where(eq(partnerProvinces.code, "32")).get()!;
    expect(row).toMatchObject({ baseUrl: "https://panti.dinsos.jabarprov.go.id", publicKey: jabarKey, updatedBy: admin.id });
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "province.update")).all();
    expect(audit.at(-1)).toMatchObject({ entityId: "32", userId: admin.id });
  });

  it("refuses a key that is not an Ed25519 public key, an unknown province and every other role", () => {
    const admin = createUser("dinsos_admin");
    // An X25519 key has the shape of an Ed25519 one, but it is not a signing key.
    const x25519 = generateKeyPairSync("x25519").publicKey.export({ type: "spki", format: "der" }).toString("base64");
    const input = partnerProvinceSchema.parse({ office: "Dinas Sosial Provinsi Bali", publicKey: x25519 });
    expect(() => updatePartnerProvince(admin.actor, "51", input)).toThrow(InvalidInput);
    expect(() => updatePartnerProvince(admin.actor, "99", partnerProvinceSchema.parse({ office: "Dinas Sosial" }))).toThrow(NotFound);
    for (const role of ["dinsos_viewer", "panti_admin", "outreach"] as const) {
      const other = createUser(role);
      expect(() => updatePartnerProvince(other.actor, "51", partnerProvinceSchema.parse({ office: "Dinas Sosial" }))).toThrow(PermissionDenied);
    }
  });
});

describe("the registry pages", () => {
  it("show this instance's public key and every partner to a Dinsos administrator, and 403 to others", async () => {
    const admin = createUser("dinsos_admin");
    const viewer = createUser("dinsos_viewer");
    const list = await callRoute(() => listLoader(routeArgs(getRequest("/admin/provinces"))));
    expect(list.status).toBe(302);
    const page = await callRoute(async () => listLoader(routeArgs(getRequest("/admin/provinces", await cookieFor(admin.username)))));
    const body = page.body as Awaited<ReturnType<typeof listLoader>>;
    expect(body.own).toMatchObject({ code: "31", name: "DKI Jakarta", publicKey: instancePublicKey().publicKey });
    expect(body.partners).toHaveLength(10);
    expect((await callRoute(async () => listLoader(routeArgs(getRequest("/admin/provinces", await cookieFor(viewer.username)))))).status).toBe(403);
  });

  it("saves an edit through the form, and answers every error at once keeping what was typed", async () => {
    const admin = createUser("dinsos_admin");
    const cookie = await cookieFor(admin.username);
    const bad = await callRoute(() =>
      editAction(routeArgs(postForm("/admin/provinces/52", cookie, { office: "", baseUrl: "ftp://x", contactEmail: "x", publicKey: "kunci?" }), { code: "52" })),
    );
    expect(bad.status).toBe(400);
    const failure = bad.body as { errors: Record<string, string[]>; values: Record<string, string> };
    expect(Object.keys(failure.errors).sort()).toEqual(["baseUrl", "contactEmail", "office", "publicKey"]);
    expect(failure.values.baseUrl).toBe("ftp://x");

    const saved = await callRoute(() =>
      editAction(routeArgs(postForm("/admin/provinces/52", cookie, { office: "Dinas Sosial Provinsi NTB", contactPhone: "0370 123456", active: "on" }), { code: "52" })),
    );
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/admin/provinces?saved=52");
    expect(db.select().from(partnerProvinces).where(eq(partnerProvinces.code, "52")).get()).toMatchObject({ office: "Dinas Sosial Provinsi NTB", contactPhone: "0370 123456" });
    expect((await callRoute(() => editLoader(routeArgs(getRequest("/admin/provinces/7x", cookie), { code: "7x" })))).status).toBe(404);
  });
});
