/** The registry of FKD-MPU partner provinces: Dinsos keeps each partner's office, contact, address and key. */
import { eq } from "drizzle-orm";
import { partnerProvinces } from "#db/schema";
import { InvalidInput, NotFound } from "~/domain/errors";
import { hasPermission, PermissionDenied, type Actor } from "~/domain/permissions";
import type { PartnerProvinceInput } from "~/domain/provinces";
import { parsePublicKey } from "~/utils/signing.server";
import { appendAudit, writeTransaction } from "./audit.server";

export function updatePartnerProvince(actor: Actor, code: string, input: PartnerProvinceInput, now = new Date()) {
  if (!hasPermission(actor, "province:manage")) throw new PermissionDenied("province:manage");
  if (input.publicKey && !parsePublicKey(input.publicKey)) throw new InvalidInput({ publicKey: ["provinces.error.publicKey"] });
  return writeTransaction((tx) => {
    const row = tx.select().from(partnerProvinces).where(eq(partnerProvinces.code, code)).get();
    if (!row) throw new NotFound("partner_province");
    const after = {
      office: input.office,
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
      contactEmail: input.contactEmail ?? null,
      baseUrl: input.baseUrl ?? null,
      publicKey: input.publicKey ?? null,
      active: input.active,
    };
    tx.update(partnerProvinces)
      .set({ ...after, updatedAt: now, updatedBy: actor.id })
      .where(eq(partnerProvinces.code, code))
      .run();
    const { updatedAt: _u, updatedBy: _b, code: _c, name: _n, ...before } = row;
    appendAudit(tx, { actorId: actor.id, action: "province.update", entity: "partner_province", entityId: code, before, after, at: now });
    return { code, name: row.name };
  });
}
