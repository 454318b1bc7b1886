import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { beds } from "#db/schema";
import { Conflict, InvalidInput, NotFound, PermissionDenied } from "~/domain/errors";
import { occupancyByPanti } from "~/queries/occupancy.server";
import { addBeds, addRoom, setBedStatus } from "~/services/beds.server";
import { db } from "~/utils/db.server";
import { auditCount, bedById, createPanti, createResident, createRoom, createUser } from "../factories";

describe("bed management", () => {
  it("takes a free bed out of service and back, with the audit log, and capacity follows", () => {
    const p = createPanti();
    const { beds: [bed] } = createRoom(p.id, 3);
    const admin = createUser("panti_admin", p.id);
    const before = auditCount("bed.take_out_of_service");

    setBedStatus(admin.actor, p.id, { bedId: bed!.id, status: "out_of_service", expectedStatus: "available", reason: "Kasur rusak" });
    expect(bedById(bed!.id)).toMatchObject({ status: "out_of_service", statusReason: "Kasur rusak" });
    expect(occupancyByPanti({ pantiId: p.id })[0]!.occupancy).toMatchObject({ capacity: 2, outOfService: 1 });
    expect(auditCount("bed.take_out_of_service")).toBe(before + 1);

    setBedStatus(admin.actor, p.id, { bedId: bed!.id, status: "available", expectedStatus: "out_of_service" });
    expect(bedById(bed!.id)).toMatchObject({ status: "available", statusReason: null });
    expect(occupancyByPanti({ pantiId: p.id })[0]!.occupancy.capacity).toBe(3);
  });

  it("refuses to take an occupied bed out of service", () => {
    const p = createPanti();
    const { beds: [bed] } = createRoom(p.id, 1);
    createResident(p.id, bed!.id);
    const admin = createUser("panti_admin", p.id);
    expect(() =>
      setBedStatus(admin.actor, p.id, { bedId: bed!.id, status: "out_of_service", expectedStatus: "available", reason: "Rusak" }),
    ).toThrow(Conflict);
    expect(bedById(bed!.id)!.status).toBe("available");
  });

  it("refuses a stale form (the bed changed since the page was loaded)", () => {
    const p = createPanti();
    const { beds: [bed] } = createRoom(p.id, 1);
    const admin = createUser("panti_admin", p.id);
    setBedStatus(admin.actor, p.id, { bedId: bed!.id, status: "out_of_service", expectedStatus: "available", reason: "Rusak" });
    expect(() =>
      setBedStatus(admin.actor, p.id, { bedId: bed!.id, status: "out_of_service", expectedStatus: "available", reason: "Rusak" }),
    ).toThrow(Conflict);
  });

  it("keeps panti admins to their own panti (not found) and viewers out (forbidden)", () => {
    const mine = createPanti();
    const theirs = createPanti();
    const { beds: [theirBed] } = createRoom(theirs.id, 1);
    const admin = createUser("panti_admin", mine.id);
    const viewer = createUser("dinsos_viewer");
    expect(() =>
      setBedStatus(admin.actor, mine.id, { bedId: theirBed!.id, status: "out_of_service", expectedStatus: "available", reason: "x x x" }),
    ).toThrow(NotFound);
    // Dinsos may change any panti's beds, but only through that panti: a bed id of another is not found.
    const dinsos = createUser("dinsos_admin");
    expect(() =>
      setBedStatus(dinsos.actor, mine.id, { bedId: theirBed!.id, status: "out_of_service", expectedStatus: "available", reason: "x x x" }),
    ).toThrow(NotFound);
    expect(() => addRoom(admin.actor, theirs.id, { name: "Wisma X", sex: "male", bedCount: 2, overflow: false })).toThrow(NotFound);
    expect(() => addRoom(viewer.actor, theirs.id, { name: "Wisma X", sex: "male", bedCount: 2, overflow: false })).toThrow(
      PermissionDenied,
    );
    expect(bedById(theirBed!.id)!.status).toBe("available");
  });

  it("adds a room with labelled beds, refuses a duplicate name, and adds overflow places", () => {
    const p = createPanti({ sexServed: "male" });
    const admin = createUser("panti_admin", p.id);
    const room = addRoom(admin.actor, p.id, { name: "Wisma Melati", sex: "male", bedCount: 3, overflow: false });
    const labels = db.select({ label: beds.label }).from(beds).where(eq(beds.roomId, room.roomId)).all();
    expect(labels.map((l) => l.label)).toEqual(["WM-01", "WM-02", "WM-03"]);
    expect(() => addRoom(admin.actor, p.id, { name: "Wisma Melati", sex: "male", bedCount: 1, overflow: false })).toThrow(
      InvalidInput,
    );
    expect(() => addRoom(admin.actor, p.id, { name: "Wisma Mawar", sex: "female", bedCount: 1, overflow: false })).toThrow(
      InvalidInput,
    );

    addBeds(admin.actor, p.id, { roomId: room.roomId, bedCount: 2, overflow: true });
    const all = db.select().from(beds).where(eq(beds.roomId, room.roomId)).all();
    expect(all.map((b) => b.label)).toEqual(["WM-01", "WM-02", "WM-03", "WM-04", "WM-05"]);
    // Overflow places do not add capacity.
    expect(occupancyByPanti({ pantiId: p.id })[0]!.occupancy.capacity).toBe(3);
  });

  it("will not add beds to another panti's room", () => {
    const mine = createPanti();
    const theirs = createPanti();
    const { room } = createRoom(theirs.id, 1);
    const admin = createUser("panti_admin", mine.id);
    expect(() => addBeds(admin.actor, mine.id, { roomId: room.id, bedCount: 1, overflow: false })).toThrow(InvalidInput);
  });
});

describe("occupancy query", () => {
  it("counts residents on regular beds, on overflow places and without a bed", () => {
    const p = createPanti();
    const { beds: regular } = createRoom(p.id, 2);
    const { beds: extra } = createRoom(p.id, 2, { overflow: true });
    createResident(p.id, regular[0]!.id);
    createResident(p.id, regular[1]!.id);
    createResident(p.id, extra[0]!.id);
    createResident(p.id, null);
    const row = occupancyByPanti({ pantiId: p.id })[0]!;
    expect(row.occupancy).toMatchObject({ capacity: 2, occupied: 2, available: 0, overflow: 2, census: 4, occupancyPct: 200 });
    expect(row.occupancy.overCapacity).toBe(true);
  });
});
