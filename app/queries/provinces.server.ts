/** The partner provinces registry as its pages show it, and this instance's own province and key. */
import { asc, eq } from "drizzle-orm";
import { partnerProvinces } from "#db/schema";
import { ownProvinceCode } from "~/domain/provinces";
import { db } from "~/utils/db.server";
import { instancePublicKey, keyFingerprint } from "~/utils/signing.server";

export function partnerProvinceList() {
  const own = ownProvinceCode(process.env.PANTI_PROVINCE);
  const rows = db.select().from(partnerProvinces).orderBy(asc(partnerProvinces.name)).all();
  return {
    own: { code: own, name: rows.find((r) => r.code === own)?.name ?? own, ...instancePublicKey() },
    partners: rows.map((r) => ({
      code: r.code,
      name: r.name,
      office: r.office,
      contact: [r.contactName, r.contactPhone, r.contactEmail].filter(Boolean).join(" · ") || null,
      baseUrl: r.baseUrl,
      fingerprint: r.publicKey ? keyFingerprint(r.publicKey) : null,
      active: r.active,
      isOwn: r.code === own,
    })),
  };
}

/** The name of the province this deployment serves (DKI Jakarta unless PANTI_PROVINCE says otherwise). */
export function ownProvinceName(): string {
  const own = ownProvinceCode(process.env.PANTI_PROVINCE);
  return db.select({ name: partnerProvinces.name }).from(partnerProvinces).where(eq(partnerProvinces.code, own)).get()?.name ?? "DKI Jakarta";
}

export function partnerProvince(code: string) {
  return db.select().from(partnerProvinces).where(eq(partnerProvinces.code, code)).get() ?? null;
}
