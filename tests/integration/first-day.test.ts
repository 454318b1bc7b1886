/** Residents search by description and "Mrs. X"; enrolment from the case file; the class's enrol search. */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, bedAssignments, classes, enrolments, persons, programmes, stays } from "#db/schema";
import { loadReferenceData } from "#db/seed/reference";
import { residentsOfPanti } from "~/queries/case-file.server";
import { getPlacement, personCandidates } from "~/queries/placements.server";
import { classPage, enrolableClasses } from "~/queries/programmes.server";
import { acceptPlacement, createPlacement } from "~/services/placements.server";
import { action as caseFileAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";
import { jakartaDate } from "~/domain/time";
import { db } from "~/utils/db.server";
import { cookieFor, createPanti, createResident, createRoom, createUser, referralInput } from "../factories";
import { callRoute, postForm, routeArgs } from "../routes";

// The route enrols as of today: classes run from a month ago to three months ahead.
const NOW = new Date();
const day = (offset: number) => jakartaDate(new Date(NOW.getTime() + offset * 86_400_000));

function unidentified(pantiId: number, sex: "male" | "female", description: string) {
  const { person, stay } = createResident(pantiId, null);
  db.update(persons).set({ name: null, unidentified: true, sex, description }).where(eq(persons.id, person.id)).run();
  return stay;
}

function classOf(pantiId: number, overrides: Partial<typeof classes.$inferInsert> = {}) {
  db.insert(programmes).values(loadReferenceData().programmes).onConflictDoNothing().run();
  return db
    .insert(classes)
    .values({ pantiId, programmeCode: "komputer", name: "Komputer 1", startDate: day(-30), endDate: day(90), capacity: 10, scheduleDays: [1], startTime: "08:00", endTime: "11:00", status: "active", ...overrides })
    .returning()
    .get();
}

describe("searching residents", () => {
  it("finds an unidentified woman by 'Mrs. X' and by her description, and shows her description and age", () => {
    const p = createPanti();
    const admin = createUser("panti_admin", p.id);
    const her = unidentified(p.id, "female", "Rambut putih pendek, bekas luka di pipi kiri");
    const him = unidentified(p.id, "male", "Tato naga di lengan kanan");
    createResident(p.id, null);
    const search = (q: string) => residentsOfPanti(admin.actor, p.id, { status: "open", page: 1, q }, NOW)!.rows.map((r) => r.stayId);

    expect(search("Mrs. X")).toEqual([her.id]);
    expect(search("Mr. X")).toEqual([him.id]);
    expect(search("luka di pipi")).toEqual([her.id]);
    expect(search("TATO NAGA")).toEqual([him.id]);
    const row = residentsOfPanti(admin.actor, p.id, { status: "open", page: 1, q: "Mrs. X" }, NOW)!.rows[0]!;
    expect(row.description).toBe("Rambut putih pendek, bekas luka di pipi kiri");
  });

  it("narrows the class's list of residents to enrol", () => {
    const p = createPanti({ type: "youth" });
    const admin = createUser("panti_admin", p.id);
    const cls = classOf(p.id);
    const her = unidentified(p.id, "female", "Memakai kebaya biru");
    createResident(p.id, null);
    expect(classPage(admin.actor, cls.id, NOW)!.candidates).toHaveLength(2);
    expect(classPage(admin.actor, cls.id, NOW, { query: "kebaya" })!.candidates?.map((c) => c.stayId)).toEqual([her.id]);
  });
});

describe("enrolment from the case file", () => {
  it("offers the panti's open classes with a seat, and enrols the resident in the chosen one", async () => {
    const p = createPanti({ type: "youth" });
    const admin = createUser("panti_admin", p.id);
    const open = classOf(p.id);
    const full = classOf(p.id, { name: "Penuh", capacity: 1 });
    classOf(p.id, { name: "Selesai", status: "finished" });
    classOf(createPanti().id, { name: "Panti lain" });
    const other = createResident(p.id, null);
    db.insert(enrolments).values({ classId: full.id, stayId: other.stay.id, personId: other.person.id, enrolledAt: NOW }).run();
    const { person, stay } = createResident(p.id, null);

    expect(enrolableClasses(admin.actor, p.id, person.id, NOW).map((c) => c.id)).toEqual([open.id]);
    expect(enrolableClasses(createUser("psychosocial", p.id).actor, p.id, person.id, NOW)).toEqual([]);

    const cookie = await cookieFor(admin.username);
    const path = `/panti/${p.id}/stays/${stay.id}`;
    const params = { pantiId: String(p.id), stayId: String(stay.id) };
    const answer = await callRoute(() => caseFileAction(routeArgs(postForm(path, cookie, { classId: String(open.id) }), params)));
    expect(answer.status).toBe(302);
    expect(answer.location).toContain("saved=enrolment");
    expect(db.select().from(enrolments).where(eq(enrolments.stayId, stay.id)).all().map((e) => e.classId)).toEqual([open.id]);

    // No class chosen: the select says to choose one, not to enter a number.
    const empty = await callRoute(() => caseFileAction(routeArgs(postForm(path, cookie, { classId: "" }), params)));
    expect(empty.status).toBe(400);
    expect((empty.body as { errors: Record<string, string[]> }).errors.classId).toEqual(["Pilih salah satu pilihan."]);
  });
});

describe("linking a referral to a person on record", () => {
  it("shows where they disagree and applies only the fields chosen, in the same transaction, audited", () => {
    const p = createPanti();
    const { beds } = createRoom(p.id, 2, { sex: "male" });
    const admin = createUser("panti_admin", p.id);
    const outreach = createUser("outreach", null, "sudin_jakbar");
    const first = acceptPlacement(admin.actor, createPlacement(outreach.actor, referralInput(p.id, { nik: "3173010101900001", personName: "Yoga", originCity: "Jakarta Timur", estimatedAge: 30 })).id, { bed: beds[0]!.id, person: "new" });
    const ended = new Date("2026-04-01T00:00:00Z");
    db.update(stays).set({ exitedAt: ended, exitOutcome: "own_request" }).where(eq(stays.id, first.stayId)).run();
    db.update(bedAssignments).set({ toAt: ended }).where(eq(bedAssignments.stayId, first.stayId)).run();

    const again = createPlacement(outreach.actor, referralInput(p.id, { nik: "3173010101900001", personName: "Yoga Saputra", originCity: "Jakarta Barat", estimatedAge: 30, foundAt: new Date("2026-06-01T00:00:00Z") }));
    const candidate = personCandidates(admin.actor, getPlacement(admin.actor, again.id)!).candidates.find((c) => c.personId === first.personId)!;
    expect(candidate.differences.map((d) => [d.field, d.person, d.referral])).toEqual([
      ["name", "Yoga", "Yoga Saputra"],
      ["originCity", "Jakarta Timur", "Jakarta Barat"],
    ]);

    acceptPlacement(admin.actor, again.id, { bed: beds[1]!.id, person: first.personId, take: [`${first.personId}.name`] });
    const person = db.select().from(persons).where(eq(persons.id, first.personId)).get()!;
    expect(person).toMatchObject({ name: "Yoga Saputra", originCity: "Jakarta Timur" });
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "person.update")).all().find((a) => a.entityId === String(first.personId))!;
    expect(audit.before).toMatchObject({ name: "Yoga" });
    expect(audit.after).toMatchObject({ name: "Yoga Saputra", chosenFromReferral: ["name"] });
  });
});
