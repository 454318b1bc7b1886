import { describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { bedAssignments, beds, persons, placements, stays } from "#db/schema";
import { Conflict, InvalidInput, NotFound, PermissionDenied } from "~/domain/errors";
import { occupancyByPanti } from "~/queries/occupancy.server";
import { getPlacement, listPlacements, matchPantiFor, personCandidates } from "~/queries/placements.server";
import {
  acceptPlacement,
  cancelPlacement,
  createPlacement,
  declinePlacement,
  redirectPlacement,
} from "~/services/placements.server";
import { db } from "~/utils/db.server";
import { auditCount, createPanti, createRoom, createUser, referralInput } from "../factories";

function setup(bedCount = 2) {
  const p = createPanti({ sexServed: "any" });
  const { beds: roomBeds } = createRoom(p.id, bedCount, { sex: "male" });
  const admin = createUser("panti_admin", p.id);
  const outreach = createUser("outreach", null, "sudin_jakbar");
  return { p, beds: roomBeds, admin, outreach };
}

describe("creating referrals", () => {
  it("lets outreach refer for their own unit only, and keeps panti admins out", () => {
    const { p, outreach, admin } = setup();
    const row = createPlacement(outreach.actor, referralInput(p.id));
    expect(row.status).toBe("pending");
    expect(() => createPlacement(outreach.actor, referralInput(p.id, { outreachUnit: "sudin_jaktim" }))).toThrow(InvalidInput);
    expect(() => createPlacement(admin.actor, referralInput(p.id))).toThrow(PermissionDenied);
  });

  it("refuses an unknown or inactive target panti as a field error", () => {
    const { outreach } = setup();
    const err = (() => {
      try {
        createPlacement(outreach.actor, referralInput(999999));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InvalidInput);
    expect((err as InvalidInput).fieldErrors).toHaveProperty("targetPantiId");
  });

  it("scopes lists: the panti sees its queue oldest first, outreach its unit, others nothing", () => {
    const { p, outreach, admin } = setup();
    const other = createPanti();
    const first = createPlacement(outreach.actor, referralInput(p.id));
    const second = createPlacement(outreach.actor, referralInput(p.id));
    createPlacement(outreach.actor, referralInput(other.id));
    const queue = listPlacements(admin.actor, { status: "pending" });
    expect(queue.rows.map((r) => r.id)).toEqual([first.id, second.id]);
    const otherAdmin = createUser("panti_admin", other.id);
    expect(getPlacement(otherAdmin.actor, first.id)).toBeNull();
    const jaktim = createUser("outreach", null, "sudin_jaktim");
    expect(listPlacements(jaktim.actor, {}).rows.map((r) => r.id)).not.toContain(first.id);
    expect(getPlacement(outreach.actor, first.id)?.id).toBe(first.id);
  });
});

describe("admission", () => {
  it("creates the person, the stay and the bed assignment in one go; occupancy follows", () => {
    const { p, beds: [bed], admin, outreach } = setup();
    const ref = createPlacement(outreach.actor, referralInput(p.id, { nik: "3173011505800003" }));
    const before = occupancyByPanti({ pantiId: p.id })[0]!.occupancy;

    const result = acceptPlacement(admin.actor, ref.id, { bed: bed!.id, person: "new" });
    expect(result).toMatchObject({ bedId: bed!.id, overflow: false, returning: false });

    const stay = db.select().from(stays).where(eq(stays.id, result.stayId)).get()!;
    expect(stay).toMatchObject({ pantiId: p.id, placementId: ref.id, exitedAt: null });
    const person = db.select().from(persons).where(eq(persons.id, result.personId)).get()!;
    expect(person).toMatchObject({ nik: "3173011505800003", sex: "male", birthYear: 1981 });
    expect(db.select().from(placements).where(eq(placements.id, ref.id)).get()).toMatchObject({
      status: "accepted",
      decidedBy: admin.id,
      stayId: result.stayId,
      personId: result.personId,
    });
    const after = occupancyByPanti({ pantiId: p.id })[0]!.occupancy;
    expect(after.census).toBe(before.census + 1);
    expect(after.available).toBe(before.available - 1);
    expect(auditCount("stay.admit")).toBeGreaterThan(0);
  });

  it("puts the person on an overflow place when the panti is full, and counts it", () => {
    const { p, beds: [bed], admin, outreach } = setup(1);
    acceptPlacement(admin.actor, createPlacement(outreach.actor, referralInput(p.id)).id, { bed: bed!.id, person: "new" });
    const second = acceptPlacement(admin.actor, createPlacement(outreach.actor, referralInput(p.id)).id, { bed: "overflow", person: "new" });
    expect(second.overflow).toBe(true);
    expect(second.bedLabel).toBe("XL-001");
    const third = acceptPlacement(admin.actor, createPlacement(outreach.actor, referralInput(p.id)).id, { bed: "overflow", person: "new" });
    expect(third.bedLabel).toBe("XL-002");
    expect(occupancyByPanti({ pantiId: p.id })[0]!.occupancy).toMatchObject({ capacity: 1, census: 3, overflow: 2, overCapacity: true });
  });

  it("gives the last free bed to one admission only: the second is a clear conflict and writes nothing", () => {
    const { p, beds: [bed], admin, outreach } = setup(1);
    const a = createPlacement(outreach.actor, referralInput(p.id));
    const b = createPlacement(outreach.actor, referralInput(p.id));
    acceptPlacement(admin.actor, a.id, { bed: bed!.id, person: "new" });
    const personsBefore = db.select().from(persons).all().length;
    expect(() => acceptPlacement(admin.actor, b.id, { bed: bed!.id, person: "new" })).toThrow(Conflict);
    expect(db.select().from(persons).all().length).toBe(personsBefore);
    expect(db.select().from(placements).where(eq(placements.id, b.id)).get()!.status).toBe("pending");
    const open = db.select().from(bedAssignments).where(and(eq(bedAssignments.bedId, bed!.id), isNull(bedAssignments.toAt))).all();
    expect(open).toHaveLength(1);
  });

  it("refuses a bed in the wrong ward, out of service, or in another panti", () => {
    const { p, admin, outreach } = setup(1);
    const { beds: [female] } = createRoom(p.id, 1, { sex: "female" });
    const other = createPanti();
    const { beds: [foreign] } = createRoom(other.id, 1, { sex: "male" });
    const ref = createPlacement(outreach.actor, referralInput(p.id));
    expect(() => acceptPlacement(admin.actor, ref.id, { bed: female!.id, person: "new" })).toThrow(InvalidInput);
    expect(() => acceptPlacement(admin.actor, ref.id, { bed: foreign!.id, person: "new" })).toThrow(InvalidInput);
    const { beds: [broken] } = createRoom(p.id, 1, { sex: "male" });
    db.update(beds).set({ status: "out_of_service" }).where(eq(beds.id, broken!.id)).run();
    expect(() => acceptPlacement(admin.actor, ref.id, { bed: broken!.id, person: "new" })).toThrow(Conflict);
    expect(db.select().from(placements).where(eq(placements.id, ref.id)).get()!.status).toBe("pending");
  });

  it("keeps a panti admin to referrals addressed to their panti", () => {
    const { p, beds: [bed], outreach } = setup();
    const ref = createPlacement(outreach.actor, referralInput(p.id));
    const stranger = createUser("panti_admin", createPanti().id);
    expect(() => acceptPlacement(stranger.actor, ref.id, { bed: bed!.id, person: "new" })).toThrow(NotFound);
    expect(() => acceptPlacement(outreach.actor, ref.id, { bed: bed!.id, person: "new" })).toThrow(PermissionDenied);
  });

  it("finds a returning person by NIK or a similar name, links them and flags the return", () => {
    const { p, beds: [bed1, bed2], admin, outreach } = setup();
    const first = createPlacement(outreach.actor, referralInput(p.id, { personName: "Soeparman", estimatedAge: 60 }));
    const admitted = acceptPlacement(admin.actor, first.id, { bed: bed1!.id, person: "new" });
    // The stay ends (exits come with their own issue; here we close it directly).
    db.update(stays).set({ exitedAt: new Date("2026-04-01T00:00:00Z"), exitOutcome: "returned_family" }).where(eq(stays.id, admitted.stayId)).run();
    db.update(bedAssignments).set({ toAt: new Date("2026-04-01T00:00:00Z") }).where(eq(bedAssignments.stayId, admitted.stayId)).run();

    const again = createPlacement(outreach.actor, referralInput(p.id, { personName: "Suparman", estimatedAge: 61, foundAt: new Date("2026-06-01T00:00:00Z") }));
    const candidates = personCandidates(admin.actor, getPlacement(admin.actor, again.id)!).candidates;
    expect(candidates[0]).toMatchObject({ personId: admitted.personId, reason: "name", openStay: false });
    expect(candidates[0]!.stays).toHaveLength(1);

    const result = acceptPlacement(admin.actor, again.id, { bed: bed2!.id, person: admitted.personId });
    expect(result).toMatchObject({ personId: admitted.personId, returning: true });
  });

  it("refuses to link a person who is still staying somewhere", () => {
    const { p, beds: [bed1, bed2], admin, outreach } = setup();
    const first = acceptPlacement(admin.actor, createPlacement(outreach.actor, referralInput(p.id)).id, { bed: bed1!.id, person: "new" });
    const again = createPlacement(outreach.actor, referralInput(p.id));
    expect(() => acceptPlacement(admin.actor, again.id, { bed: bed2!.id, person: first.personId })).toThrow(Conflict);
  });

  it("refuses to create a second person with a known NIK", () => {
    const { p, beds: [bed1, bed2], admin, outreach } = setup();
    acceptPlacement(admin.actor, createPlacement(outreach.actor, referralInput(p.id, { nik: "3173011505800099" })).id, { bed: bed1!.id, person: "new" });
    const dup = createPlacement(outreach.actor, referralInput(p.id, { nik: "3173011505800099" }));
    expect(personCandidates(admin.actor, getPlacement(admin.actor, dup.id)!).candidates[0]?.reason).toBe("nik");
    expect(() => acceptPlacement(admin.actor, dup.id, { bed: bed2!.id, person: "new" })).toThrow(InvalidInput);
  });
});

describe("other decisions", () => {
  it("declines with a reason, once", () => {
    const { p, admin, outreach } = setup();
    const ref = createPlacement(outreach.actor, referralInput(p.id));
    expect(() => declinePlacement(admin.actor, ref.id, " ")).toThrow(InvalidInput);
    declinePlacement(admin.actor, ref.id, "Bukan sasaran panti ini");
    expect(() => declinePlacement(admin.actor, ref.id, "Lagi")).toThrow(Conflict);
    expect(() => acceptPlacement(admin.actor, ref.id, { bed: "overflow", person: "new" })).toThrow(Conflict);
  });

  it("redirects to another panti: a new pending referral there, linked both ways", () => {
    const { p, admin, outreach } = setup();
    const elderly = createPanti({ type: "elderly" });
    const ref = createPlacement(outreach.actor, referralInput(p.id));
    const { newPlacementId } = redirectPlacement(admin.actor, ref.id, elderly.id, "Lansia, lebih cocok di PSTW");
    const old = db.select().from(placements).where(eq(placements.id, ref.id)).get()!;
    const next = db.select().from(placements).where(eq(placements.id, newPlacementId)).get()!;
    expect(old).toMatchObject({ status: "redirected", redirectedToId: newPlacementId });
    expect(next).toMatchObject({ status: "pending", targetPantiId: elderly.id, previousPlacementId: ref.id, personName: old.personName });
    expect(() => redirectPlacement(admin.actor, ref.id, elderly.id, "lagi")).toThrow(Conflict);
  });

  it("lets outreach cancel their own pending referral", () => {
    const { p, outreach } = setup();
    const ref = createPlacement(outreach.actor, referralInput(p.id));
    const jaktim = createUser("outreach", null, "sudin_jaktim");
    expect(() => cancelPlacement(jaktim.actor, ref.id, "salah input")).toThrow(NotFound);
    cancelPlacement(outreach.actor, ref.id, "Keluarga datang menjemput");
    expect(db.select().from(placements).where(eq(placements.id, ref.id)).get()!.status).toBe("cancelled");
  });
});

describe("matching", () => {
  it("ranks a panti for the category with free beds above an over-full one", () => {
    const fits = createPanti({ name: "AAA Werdha Lapang", type: "elderly", targetCategories: ["lansia_terlantar"] });
    createRoom(fits.id, 5, { sex: "female" });
    const full = createPanti({ name: "AAA Werdha Penuh", type: "elderly", targetCategories: ["lansia_terlantar"] });
    createRoom(full.id, 0, { sex: "female" });
    const ranked = matchPantiFor({ ppksCategory: "lansia_terlantar", sex: "female", birthDate: null, estimatedAge: 70, foundAt: new Date() });
    const ids = ranked.map((r) => r.pantiId);
    expect(ids.indexOf(fits.id)).toBeLessThan(ids.indexOf(full.id));
    expect(ranked.find((r) => r.pantiId === fits.id)!.freeBedsForSex).toBe(5);
  });
});
