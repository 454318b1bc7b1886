import { describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { bedAssignments, followUps, placements, stays } from "#db/schema";
import { Conflict, InvalidInput, NotFound, PermissionDenied } from "~/domain/errors";
import { exitSchema } from "~/domain/exits";
import { occupancyByPanti } from "~/queries/occupancy.server";
import { acceptPlacement, createPlacement } from "~/services/placements.server";
import { recordExit, recordFollowUp, undoExit } from "~/services/exits.server";
import { db } from "~/utils/db.server";
import { auditCount, createPanti, createRoom, createUser, referralInput } from "../factories";

function admitted(at = new Date("2026-03-02T15:00:00Z")) {
  const p = createPanti();
  const { beds } = createRoom(p.id, 2, { sex: "male" });
  const admin = createUser("panti_admin", p.id);
  const outreach = createUser("outreach", null, "sudin_jakbar");
  const ref = createPlacement(outreach.actor, referralInput(p.id, { foundAt: new Date(at.getTime() - 3_600_000) }));
  const result = acceptPlacement(admin.actor, ref.id, { bed: beds[0]!.id, person: "new", admittedAt: at });
  return { p, beds, admin, outreach, result };
}

const family = exitSchema.parse({
  outcome: "returned_family",
  exitedAt: "2026-04-10T10:00",
  familyName: "Sri Wahyuni",
  familyRelation: "anak",
  familyAddress: "Jl. Melati 3, Bekasi",
  docKtp: "on",
  docKk: "on",
  docSignedStatement: "on",
});

const openAssignment = (stayId: number) =>
  db.select().from(bedAssignments).where(and(eq(bedAssignments.stayId, stayId), isNull(bedAssignments.toAt))).get();

describe("recording an exit", () => {
  it("closes the stay, frees the bed, schedules follow-ups and writes the audit log, in one go", () => {
    const { p, admin, result } = admitted();
    const before = occupancyByPanti({ pantiId: p.id })[0]!.occupancy;
    const exit = recordExit(admin.actor, result.stayId, family, new Date("2026-04-10T04:00:00Z"));
    expect(exit.followUps).toBe(3);
    const stay = db.select().from(stays).where(eq(stays.id, result.stayId)).get()!;
    expect(stay).toMatchObject({ exitOutcome: "returned_family", exitDestination: "Sri Wahyuni (anak), Jl. Melati 3, Bekasi", exitRecordedBy: admin.id });
    expect(stay.exitDetails).toMatchObject({ documents: { ktp: true } });
    expect(openAssignment(result.stayId)).toBeUndefined();
    const after = occupancyByPanti({ pantiId: p.id })[0]!.occupancy;
    expect(after.census).toBe(before.census - 1);
    expect(after.available).toBe(before.available + 1);
    expect(db.select().from(followUps).where(eq(followUps.stayId, result.stayId)).all().map((f) => f.dueDate)).toEqual(["2026-05-10", "2026-07-10", "2026-10-10"]);
    expect(auditCount("stay.exit")).toBeGreaterThan(0);
  });

  it("refuses an exit before the admission, and a second exit of the same stay", () => {
    const { admin, result } = admitted();
    const early = exitSchema.parse({ outcome: "absconded", exitedAt: "2026-03-01T10:00" });
    expect(() => recordExit(admin.actor, result.stayId, early)).toThrow(InvalidInput);
    recordExit(admin.actor, result.stayId, exitSchema.parse({ outcome: "absconded", exitedAt: "2026-04-01T10:00" }));
    expect(() => recordExit(admin.actor, result.stayId, family)).toThrow(Conflict);
  });

  it("keeps other panti out", () => {
    const { result } = admitted();
    const stranger = createUser("panti_admin", createPanti().id);
    expect(() => recordExit(stranger.actor, result.stayId, family)).toThrow(NotFound);
    const viewer = createUser("dinsos_viewer");
    expect(() => recordExit(viewer.actor, result.stayId, family)).toThrow(PermissionDenied);
  });

  it("turns a transfer into a referral at the receiving panti, and the person comes back as a re-entry only after a real exit", () => {
    const { admin, outreach, p, result } = admitted();
    const receiving = createPanti({ type: "elderly" });
    const transfer = exitSchema.parse({ outcome: "transferred_panti", exitedAt: "2026-04-01T10:00", toPantiId: String(receiving.id), notes: "Perlu perawatan lansia" });
    const exit = recordExit(admin.actor, result.stayId, transfer);
    expect(exit.followUps).toBe(0);
    const referral = db.select().from(placements).where(eq(placements.id, exit.placementId!)).get()!;
    expect(referral).toMatchObject({ source: "transfer", targetPantiId: receiving.id, personId: result.personId, status: "pending" });

    const { beds } = createRoom(receiving.id, 1, { sex: "male" });
    const theirAdmin = createUser("panti_admin", receiving.id);
    const second = acceptPlacement(theirAdmin.actor, referral.id, { bed: beds[0]!.id, person: "new", admittedAt: new Date("2026-04-02T03:00:00Z") });
    expect(second.reentry).toBe(false);
    recordExit(theirAdmin.actor, second.stayId, { ...family, exitedAt: new Date("2026-05-01T03:00:00Z") });

    const third = acceptPlacement(admin.actor, createPlacement(outreach.actor, referralInput(p.id)).id, { bed: "overflow", person: result.personId });
    expect(third).toMatchObject({ reentry: true, returning: true });
    expect(db.select().from(stays).where(eq(stays.id, third.stayId)).get()!.previousStayId).toBe(second.stayId);
  });
});

describe("undoing an exit", () => {
  it("reopens the stay on its old bed within 72 hours, removing follow-ups", () => {
    const { admin, result, beds } = admitted();
    const at = new Date("2026-04-10T04:00:00Z");
    recordExit(admin.actor, result.stayId, family, at);
    const undone = undoExit(admin.actor, result.stayId, "Salah pilih penghuni", new Date(at.getTime() + 3600_000));
    expect(undone.bedRestored).toBe(true);
    expect(db.select().from(stays).where(eq(stays.id, result.stayId)).get()).toMatchObject({ exitedAt: null, exitOutcome: null });
    expect(openAssignment(result.stayId)!.bedId).toBe(beds[0]!.id);
    expect(db.select().from(followUps).where(eq(followUps.stayId, result.stayId)).all()).toHaveLength(0);
    expect(() => undoExit(admin.actor, result.stayId, "lagi")).toThrow(Conflict);
  });

  it("leaves it to Dinsos after the grace period", () => {
    const { admin, result } = admitted();
    const at = new Date("2026-04-10T04:00:00Z");
    recordExit(admin.actor, result.stayId, family, at);
    const late = new Date(at.getTime() + 73 * 3600_000);
    expect(() => undoExit(admin.actor, result.stayId, "Terlambat", late)).toThrow(PermissionDenied);
    const dinsos = createUser("dinsos_admin");
    expect(undoExit(dinsos.actor, result.stayId, "Koreksi data oleh Dinsos", late).stayId).toBe(result.stayId);
  });

  it("cancels a transfer's pending referral, and refuses once the other panti accepted", () => {
    const { admin, result } = admitted();
    const receiving = createPanti();
    const { beds } = createRoom(receiving.id, 1, { sex: "male" });
    const transfer = exitSchema.parse({ outcome: "transferred_panti", exitedAt: "2026-04-01T10:00", toPantiId: String(receiving.id), notes: "Pindah" });
    const at = new Date("2026-04-01T04:00:00Z");
    const exit = recordExit(admin.actor, result.stayId, transfer, at);
    undoExit(admin.actor, result.stayId, "Batal pindah", new Date(at.getTime() + 1000));
    expect(db.select().from(placements).where(eq(placements.id, exit.placementId!)).get()!.status).toBe("cancelled");

    const again = recordExit(admin.actor, result.stayId, transfer, at);
    acceptPlacement(createUser("panti_admin", receiving.id).actor, again.placementId!, { bed: beds[0]!.id, person: "new" });
    expect(() => undoExit(admin.actor, result.stayId, "Batal", new Date(at.getTime() + 2000))).toThrow(Conflict);
  });
});

describe("follow-ups", () => {
  it("records a contact once, not before the exit", () => {
    const { admin, result } = admitted();
    recordExit(admin.actor, result.stayId, family, new Date("2026-04-10T04:00:00Z"));
    const [first] = db.select().from(followUps).where(eq(followUps.stayId, result.stayId)).all();
    expect(() =>
      recordFollowUp(admin.actor, { followUpId: first!.id, contactedAt: new Date("2026-04-01T00:00:00Z"), channel: "phone", result: "stable" }),
    ).toThrow(InvalidInput);
    recordFollowUp(admin.actor, { followUpId: first!.id, contactedAt: new Date("2026-05-09T03:00:00Z"), channel: "phone", result: "stable", notes: "Sehat, tinggal bersama anak" });
    expect(db.select().from(followUps).where(eq(followUps.id, first!.id)).get()).toMatchObject({ result: "stable", channel: "phone" });
    expect(() =>
      recordFollowUp(admin.actor, { followUpId: first!.id, contactedAt: new Date("2026-05-09T03:00:00Z"), channel: "phone", result: "stable" }),
    ).toThrow(Conflict);
  });
});

describe("lists", () => {
  it("lists follow-ups due for the panti only, overdue first", async () => {
    const { followUpList } = await import("~/queries/exits.server");
    const { admin, result } = admitted();
    recordExit(admin.actor, result.stayId, family, new Date("2026-04-10T04:00:00Z"));
    const { rows } = followUpList(admin.actor, new Date("2026-07-08T00:00:00Z"));
    expect(rows.map((r) => [r.sequence, r.state])).toEqual([
      [1, "overdue"],
      [3, "due"],
    ]);
    const other = createPanti();
    expect(followUpList(createUser("panti_admin", other.id).actor, new Date("2026-07-08T00:00:00Z")).rows).toHaveLength(0);
  });

  it("lists intake stays past the 30-day norm without a bed or activity", async () => {
    const { staleStays } = await import("~/queries/exits.server");
    const { admin, result } = admitted(new Date("2026-01-02T03:00:00Z"));
    const now = new Date("2026-03-01T00:00:00Z");
    // Admission was logged on the real clock (today), so the stay has recent activity...
    expect(staleStays(admin.actor, now).rows.map((r) => r.stayId)).not.toContain(result.stayId);
    // ...until the resident loses their bed.
    db.update(bedAssignments).set({ toAt: now }).where(eq(bedAssignments.stayId, result.stayId)).run();
    expect(staleStays(admin.actor, now).rows.map((r) => r.stayId)).toContain(result.stayId);
    expect(admin).toBeTruthy();
  });
});
