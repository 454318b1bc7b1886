import { describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { bedAssignments, placements, stays } from "#db/schema";
import { Conflict, InvalidInput, NotFound } from "~/domain/errors";
import { getPlacement, listPlacements } from "~/queries/placements.server";
import { acceptPlacement, createPlacement } from "~/services/placements.server";
import { moveBed, transferResident } from "~/services/residents.server";
import { db } from "~/utils/db.server";
import { createPanti, createRoom, createUser, referralInput } from "../factories";

function admitted() {
  const p = createPanti();
  const { beds } = createRoom(p.id, 3, { sex: "male" });
  const admin = createUser("panti_admin", p.id);
  const outreach = createUser("outreach", null, "sudin_jakbar");
  const ref = createPlacement(outreach.actor, referralInput(p.id));
  const result = acceptPlacement(admin.actor, ref.id, { bed: beds[0]!.id, person: "new" });
  return { p, beds, admin, result };
}

const openBed = (stayId: number) =>
  db.select().from(bedAssignments).where(and(eq(bedAssignments.stayId, stayId), isNull(bedAssignments.toAt))).get();

describe("moving a resident within the panti", () => {
  it("closes the old assignment and opens the new one", () => {
    const { beds, admin, result } = admitted();
    moveBed(admin.actor, result.stayId, beds[2]!.id);
    expect(openBed(result.stayId)!.bedId).toBe(beds[2]!.id);
    const history = db.select().from(bedAssignments).where(eq(bedAssignments.stayId, result.stayId)).all();
    expect(history).toHaveLength(2);
    expect(history[0]!.toAt).not.toBeNull();
  });

  it("refuses an occupied bed, the same bed, and another panti's admin", () => {
    const { p, beds, admin, result } = admitted();
    const outreach = createUser("outreach", null, "sudin_jakbar");
    const other = acceptPlacement(admin.actor, createPlacement(outreach.actor, referralInput(p.id)).id, { bed: beds[1]!.id, person: "new" });
    expect(() => moveBed(admin.actor, result.stayId, beds[1]!.id)).toThrow(Conflict);
    expect(() => moveBed(admin.actor, result.stayId, beds[0]!.id)).toThrow(InvalidInput);
    const stranger = createUser("panti_admin", createPanti().id);
    expect(() => moveBed(stranger.actor, other.stayId, beds[2]!.id)).toThrow(NotFound);
    expect(openBed(result.stayId)!.bedId).toBe(beds[0]!.id);
  });
});

describe("transfer to another panti", () => {
  it("ends the stay as transferred, frees the bed, and the receiving panti admits the same person", () => {
    const { p, admin, result } = admitted();
    const receiving = createPanti({ type: "elderly" });
    const { beds: theirBeds } = createRoom(receiving.id, 1, { sex: "male" });
    const theirAdmin = createUser("panti_admin", receiving.id);

    const { placementId } = transferResident(admin.actor, result.stayId, { toPantiId: receiving.id, reason: "Lansia, perlu perawatan jangka panjang" });
    const stay = db.select().from(stays).where(eq(stays.id, result.stayId)).get()!;
    expect(stay).toMatchObject({ exitOutcome: "transferred_panti" });
    expect(stay.exitedAt).not.toBeNull();
    expect(openBed(result.stayId)).toBeUndefined();

    const referral = db.select().from(placements).where(eq(placements.id, placementId)).get()!;
    expect(referral).toMatchObject({ source: "transfer", status: "pending", fromPantiId: p.id, targetPantiId: receiving.id, personId: result.personId, outreachUnit: null });
    // Both panti see it: the sender and the receiver.
    expect(getPlacement(admin.actor, placementId)).not.toBeNull();
    expect(listPlacements(theirAdmin.actor, { status: "pending" }).rows.map((r) => r.id)).toContain(placementId);

    const again = acceptPlacement(theirAdmin.actor, placementId, { bed: theirBeds[0]!.id, person: "new" });
    expect(again).toMatchObject({ personId: result.personId, returning: true });
    expect(() => transferResident(admin.actor, result.stayId, { toPantiId: receiving.id, reason: "lagi" })).toThrow(Conflict);
  });
});
