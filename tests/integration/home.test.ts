import { describe, expect, it } from "vitest";
import { classes, classInstructors, programmes } from "#db/schema";
import { loadReferenceData } from "#db/seed/reference";
import { followedResidents, homeWork } from "~/queries/home.server";
import { recordSession } from "~/services/psychosocial.server";
import { createPlacement } from "~/services/placements.server";
import { db } from "~/utils/db.server";
import { createPanti, createResident, createRoom, createUser, individualSessionInput, referralInput } from "../factories";

// A Monday in Jakarta.
const NOW = new Date("2026-03-09T03:00:00Z");

describe("the home's work items", () => {
  it("shows an outreach officer their unit's referrals, and a panti admin the queue and residents without a bed", () => {
    const p = createPanti();
    createRoom(p.id, 2, { sex: "male" });
    const outreach = createUser("outreach", null, "sudin_jakbar");
    const admin = createUser("panti_admin", p.id);
    const placement = createPlacement(outreach.actor, referralInput(p.id));
    const { stay } = createResident(p.id, null);

    const officerHome = homeWork(outreach.actor, NOW);
    expect(officerHome.sections).toEqual(["referrals"]);
    expect(officerHome.referrals!.rows.map((r) => r.id)).toContain(placement.id);

    const adminHome = homeWork(admin.actor, NOW);
    expect(adminHome.waiting).toBe(1);
    expect(adminHome.withoutBed!.rows.map((r) => r.stayId)).toEqual([stay.id]);
    expect(adminHome.referrals).toBeUndefined();

    // Another panti's admin sees neither.
    const stranger = createUser("panti_admin", createPanti().id);
    const strangerHome = homeWork(stranger.actor, NOW);
    expect(strangerHome.waiting).toBe(0);
    expect(strangerHome.withoutBed!.total).toBe(0);
  });

  it("shows an instructor the classes they teach that meet today, with nobody else's", () => {
    const ref = loadReferenceData();
    db.insert(programmes).values(ref.programmes).onConflictDoNothing().run();
    const p = createPanti({ type: "youth" });
    const instructor = createUser("instructor", p.id);
    const colleague = createUser("instructor", p.id);
    const base = { pantiId: p.id, programmeCode: "komputer", startDate: "2026-03-02", endDate: "2026-06-26", capacity: 10, startTime: "08:00", endTime: "11:00", status: "active" as const };
    const monday = db.insert(classes).values({ ...base, name: "Senin", scheduleDays: [1, 3] }).returning().get();
    const tuesday = db.insert(classes).values({ ...base, name: "Selasa", scheduleDays: [2] }).returning().get();
    const theirs = db.insert(classes).values({ ...base, name: "Kelas lain", scheduleDays: [1] }).returning().get();
    db.insert(classInstructors).values([
      { classId: monday.id, userId: instructor.id },
      { classId: tuesday.id, userId: instructor.id },
      { classId: theirs.id, userId: colleague.id },
    ]).run();
    expect(homeWork(instructor.actor, NOW).todayClasses!.map((c) => c.id)).toEqual([monday.id]);
  });

  it("shows a psychologist the current residents they had sessions with, due ones first", () => {
    const p = createPanti();
    const psychologist = createUser("psychosocial", p.id);
    const seen = createResident(p.id, null, new Date("2026-01-10T03:00:00Z"));
    createResident(p.id, null);
    recordSession(psychologist.actor, { pantiId: p.id, stayId: seen.stay.id }, individualSessionInput(seen.stay.id), NOW);
    const rows = followedResidents(psychologist.actor, p.id, NOW);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ stayId: seen.stay.id, due: false });
    // Three weeks later the next session is due.
    expect(followedResidents(psychologist.actor, p.id, new Date(NOW.getTime() + 21 * 86_400_000))[0]!.due).toBe(true);
    // A colleague follows nobody; another panti's psychologist sees nothing.
    expect(followedResidents(createUser("psychosocial", p.id).actor, p.id, NOW)).toEqual([]);
    expect(followedResidents(createUser("psychosocial", createPanti().id).actor, p.id, NOW)).toEqual([]);
  });

  it("gives Dinsos the network's waiting referrals", () => {
    const viewer = createUser("dinsos_viewer");
    const home = homeWork(viewer.actor, NOW);
    expect(home.sections).toEqual(["review"]);
    expect(typeof home.waiting).toBe("number");
  });
});
