/**
 * Rehabilitation programmes on the real test database: the catalogue, classes, enrolment,
 * attendance, progress, completion and the training history (services and queries), then the
 * routes called directly with Requests and session cookies.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { attendance, auditLog, classSessions, enrolments, moduleProgress, persons, programmeModules, stays } from "#db/schema";
import { loadReferenceData } from "#db/seed/reference";
import { loadProgrammeModules, seedProgrammes } from "#db/seed/programmes";
import { Conflict, InvalidInput, NotFound, PermissionDenied } from "~/domain/errors";
import { exitSchema } from "~/domain/exits";
import { addDays, ATTENDANCE_STATUSES, attendanceSheetSchema } from "~/domain/programmes";
import { jakartaDate } from "~/domain/time";
import { attendanceSheet, classPage, enrolmentPage, listClasses, programmeCatalogue, trainingHistory } from "~/queries/programmes.server";
import { recordExit } from "~/services/exits.server";
import { acceptPlacement } from "~/services/placements.server";
import { transferResident } from "~/services/residents.server";
import {
  addModule,
  completeEnrolment,
  createClass,
  enrolResidents,
  finishClass,
  recordAttendance,
  recordOutcome,
  recordProgress,
  renameModule,
  setModuleActive,
  withdrawEnrolment,
} from "~/services/programmes.server";
import { loader as classesLoader } from "~/routes/_app.classes._index";
import { action as newClassAction, loader as newClassLoader } from "~/routes/_app.classes.new";
import { action as classAction, loader as classLoader } from "~/routes/_app.classes.$classId._index";
import { action as sheetAction, loader as sheetLoader } from "~/routes/_app.classes.$classId.attendance";
import { action as enrolmentAction, loader as enrolmentLoader } from "~/routes/_app.classes.$classId.enrolments.$enrolmentId._index/route";
import { loader as certificateLoader } from "~/routes/_app.classes.$classId.enrolments.$enrolmentId.certificate";
import { action as programmesAction, loader as programmesLoader } from "~/routes/_app.programmes";
import { loader as trainingLoader } from "~/routes/_app.residents.$personId.training";
import { db } from "~/utils/db.server";
import { parseCsvRecords } from "~/utils/csv";
import { cookieFor, createPanti, createResident, createRoom, createUser } from "../factories";
import { classInput, ensureProgrammeReference } from "../factories/programmes";
import { callRoute as call, postForm as post, routeArgs as args } from "../routes";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** Monday 9 March 2026, 10:00 in Jakarta. */
const NOW = new Date("2026-03-09T03:00:00Z");
/** A youth panti with an admin, an instructor, residents and a computer class they are enrolled in. */
function setup(options: { residents?: number; enrol?: number; overrides?: Record<string, unknown>; now?: Date } = {}) {
  ensureProgrammeReference();
  const now = options.now ?? NOW;
  const p = createPanti({ type: "youth" });
  const admin = createUser("panti_admin", p.id);
  const instructor = createUser("instructor", p.id);
  const residents = Array.from({ length: options.residents ?? 3 }, () => createResident(p.id, null));
  const cls = createClass(admin.actor, classInput([instructor.id], options.overrides), now);
  const enrolled = enrolResidents(
    admin.actor,
    cls.id,
    residents.slice(0, options.enrol ?? residents.length).map((r) => r.stay.id),
    new Date(now.getTime() - 7 * 86_400_000),
  );
  return { p, admin, instructor, residents, cls, enrolmentIds: enrolled.enrolmentIds };
}

const modulesOf = (code: string) =>
  db
    .select()
    .from(programmeModules)
    .where(and(eq(programmeModules.programmeCode, code), eq(programmeModules.active, true)))
    .all();

const sheet = (date: string, marks: Record<number, string>) =>
  attendanceSheetSchema.parse({ date, ...Object.fromEntries(Object.entries(marks).map(([id, s]) => [`mark.${id}`, s])) });

function fieldErrors(fn: () => unknown): Record<string, string[]> {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInput) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected InvalidInput");
}

const lastAudit = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(sql`${auditLog.id} desc`).get();

// ---------------------------------------------------------------------------------------------
// Reference files
// ---------------------------------------------------------------------------------------------

describe("reference files", () => {
  it("attendance statuses in code match db/reference/attendance-statuses.csv (codes and points)", () => {
    const rows = parseCsvRecords(fs.readFileSync(path.resolve("db/reference/attendance-statuses.csv"), "utf8"));
    expect(ATTENDANCE_STATUSES.map((s) => [s.code, s.nameId, s.points])).toEqual(rows.map((r) => [r.code, r.name_id, Number(r.points)]));
  });

  it("gives every programme 3 to 6 modules with both names", () => {
    const codes = loadReferenceData().programmes.map((p) => p.code);
    const modules = loadProgrammeModules();
    for (const code of codes) {
      const own = modules.filter((m) => m.programmeCode === code);
      expect(own.length, code).toBeGreaterThanOrEqual(3);
      expect(own.length, code).toBeLessThanOrEqual(6);
      expect(own.map((m) => m.position)).toEqual(own.map((_, i) => i + 1));
    }
    expect(modules.every((m) => codes.includes(m.programmeCode) && m.nameId && m.nameEn)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------------

describe("the programme catalogue", () => {
  it("is seeded from the reference file and edited by Dinsos with an audit trail", () => {
    ensureProgrammeReference();
    const komputer = programmeCatalogue().find((p) => p.code === "komputer")!;
    expect(komputer.modules.map((m) => m.code)).toEqual(["mengetik", "dokumen_perkantoran", "lembar_kerja", "keamanan_internet"]);

    const dinsos = createUser("dinsos_admin");
    const added = addModule(dinsos.actor, { programmeCode: "komputer", code: "desain_grafis", nameId: "Desain grafis dasar", nameEn: "Basic graphic design" });
    expect(added.position).toBe(5);
    expect(lastAudit("programme_module.create")?.entityId).toBe(String(added.id));
    expect(fieldErrors(() => addModule(dinsos.actor, { programmeCode: "komputer", code: "desain_grafis", nameId: "Lagi", nameEn: "Again" }))).toEqual({
      code: ["programme.error.codeTaken"],
    });
    expect(fieldErrors(() => addModule(dinsos.actor, { programmeCode: "nope", code: "x1", nameId: "Lagi", nameEn: "Again" }))).toEqual({
      programmeCode: ["programme.error.unknown"],
    });

    renameModule(dinsos.actor, { moduleId: added.id, nameId: "Desain grafis", nameEn: "Graphic design" });
    expect(lastAudit("programme_module.rename")).toMatchObject({ before: { nameId: "Desain grafis dasar" }, after: { nameId: "Desain grafis" } });
    setModuleActive(dinsos.actor, { moduleId: added.id, active: false });
    expect(() => setModuleActive(dinsos.actor, { moduleId: added.id, active: false })).toThrow(Conflict);
    expect(modulesOf("komputer").map((m) => m.code)).not.toContain("desain_grafis");

    const pantiAdmin = createUser("panti_admin", createPanti().id);
    expect(() => addModule(pantiAdmin.actor, { programmeCode: "komputer", code: "lain", nameId: "Lain", nameEn: "Other" })).toThrow(PermissionDenied);
    expect(() => renameModule(dinsos.actor, { moduleId: 999_999, nameId: "X y", nameEn: "X y" })).toThrow(NotFound);
  });
});

// ---------------------------------------------------------------------------------------------
// Classes and enrolment
// ---------------------------------------------------------------------------------------------

describe("creating classes", () => {
  it("creates a class at the panti admin's panti with that panti's instructors, and audits it", () => {
    const { cls, p, instructor } = setup();
    expect(cls).toMatchObject({ pantiId: p.id, status: "active", attendanceThreshold: 75, scheduleDays: [1, 3, 5] });
    expect(lastAudit("class.create")).toMatchObject({ entityId: String(cls.id), pantiId: p.id });
    const page = classPage(createUser("dinsos_viewer").actor, cls.id, NOW)!;
    expect(page.instructors.map((i) => i.id)).toEqual([instructor.id]);
    expect(page.modules).toHaveLength(4);
  });

  it("refuses instructors of another panti or other roles, a taken name, and roles without class:manage", () => {
    const { p, admin, cls } = setup();
    const elsewhere = createUser("instructor", createPanti().id);
    const psychologist = createUser("psychosocial", p.id);
    expect(fieldErrors(() => createClass(admin.actor, classInput([elsewhere.id]), NOW))).toEqual({ instructorIds: ["class.error.instructorNotHere"] });
    expect(fieldErrors(() => createClass(admin.actor, classInput([psychologist.id]), NOW))).toEqual({ instructorIds: ["class.error.instructorNotHere"] });
    const here = createUser("instructor", p.id);
    expect(fieldErrors(() => createClass(admin.actor, classInput([here.id], { name: cls.name }), NOW))).toEqual({ name: ["class.error.nameTaken"] });
    expect(() => createClass(here.actor, classInput([here.id]), NOW)).toThrow(PermissionDenied);
    expect(() => createClass(createUser("dinsos_viewer").actor, classInput([here.id]), NOW)).toThrow(PermissionDenied);
  });

  it("lets Dinsos create a class at a chosen panti, which must be given", () => {
    ensureProgrammeReference();
    const p = createPanti();
    const instructor = createUser("instructor", p.id);
    const dinsos = createUser("dinsos_admin");
    expect(fieldErrors(() => createClass(dinsos.actor, classInput([instructor.id]), NOW))).toEqual({ pantiId: ["error.required"] });
    const cls = createClass(dinsos.actor, classInput([instructor.id], { pantiId: String(p.id), startDate: "2026-04-06" }), NOW);
    expect(cls).toMatchObject({ pantiId: p.id, status: "planned" });
  });
});

describe("enrolling residents", () => {
  it("enrols current residents, each once, within capacity, all or nothing, with an error per resident", () => {
    const { p, admin, cls, residents } = setup({ residents: 5, enrol: 2, overrides: { capacity: "4" } });
    // Exited resident, a resident of another panti, one already enrolled: each gets its own error.
    const exited = residents[2]!;
    recordExit(admin.actor, exited.stay.id, exitSchema.parse({ outcome: "absconded", exitedAt: "2026-03-05T10:00" }), NOW);
    const stranger = createResident(createPanti().id, null);
    const errors = fieldErrors(() => enrolResidents(admin.actor, cls.id, [residents[3]!.stay.id, exited.stay.id, stranger.stay.id, residents[0]!.stay.id, 999_999], NOW));
    expect(errors).toEqual({
      [`stay.${exited.stay.id}`]: ["enrolment.error.exited"],
      [`stay.${stranger.stay.id}`]: ["enrolment.error.notResident"],
      [`stay.${residents[0]!.stay.id}`]: ["enrolment.error.alreadyEnrolled"],
      "stay.999999": ["enrolment.error.notResident"],
      stayIds: ["enrolment.error.someRefused"],
    });
    expect(db.select().from(enrolments).where(eq(enrolments.classId, cls.id)).all()).toHaveLength(2);

    // Capacity 4 with 2 taken: three more is one too many.
    const newcomer = createResident(p.id, null);
    expect(fieldErrors(() => enrolResidents(admin.actor, cls.id, [residents[3]!.stay.id, residents[4]!.stay.id, newcomer.stay.id], NOW))).toEqual({
      stayIds: ["enrolment.error.overCapacity"],
    });
    const ok = enrolResidents(admin.actor, cls.id, [residents[3]!.stay.id, residents[4]!.stay.id], NOW);
    expect(ok.enrolled).toBe(2);
    expect(lastAudit("class.enrol")).toMatchObject({ entityId: String(cls.id), pantiId: p.id });
  });

  it("keeps other panti and other roles out", () => {
    const { cls, residents, instructor } = setup({ enrol: 1 });
    const otherAdmin = createUser("panti_admin", createPanti().id);
    expect(() => enrolResidents(otherAdmin.actor, cls.id, [residents[1]!.stay.id], NOW)).toThrow(NotFound);
    expect(() => enrolResidents(instructor.actor, cls.id, [residents[1]!.stay.id], NOW)).toThrow(PermissionDenied);
    expect(() => enrolResidents(createUser("dinsos_viewer").actor, cls.id, [residents[1]!.stay.id], NOW)).toThrow(PermissionDenied);
  });

  it("frees the seat of a withdrawn trainee, and refuses enrolments once the class is closed", () => {
    const { admin, cls, enrolmentIds, residents, p } = setup({ residents: 2, enrol: 2, overrides: { capacity: "2" } });
    const extra = createResident(p.id, null);
    expect(fieldErrors(() => enrolResidents(admin.actor, cls.id, [extra.stay.id], NOW)).stayIds).toEqual(["enrolment.error.overCapacity"]);
    withdrawEnrolment(admin.actor, cls.id, enrolmentIds[0]!, "Pindah ke kelas menjahit", NOW);
    expect(() => withdrawEnrolment(admin.actor, cls.id, enrolmentIds[0]!, "Lagi", NOW)).toThrow(Conflict);
    expect(enrolResidents(admin.actor, cls.id, [extra.stay.id], NOW).enrolled).toBe(1);
    finishClass(admin.actor, cls.id, NOW);
    expect(() => finishClass(admin.actor, cls.id, NOW)).toThrow(Conflict);
    expect(() => enrolResidents(admin.actor, cls.id, [residents[0]!.stay.id], NOW)).toThrow(Conflict);
  });
});

// ---------------------------------------------------------------------------------------------
// Attendance
// ---------------------------------------------------------------------------------------------

describe("attendance", () => {
  it("records a session's sheet, then corrections, with before and after in the audit log", () => {
    const { instructor, cls, enrolmentIds } = setup();
    const [a, b, c] = enrolmentIds as [number, number, number];
    const first = recordAttendance(instructor.actor, cls.id, sheet("2026-03-04", { [a]: "hadir", [b]: "terlambat" }), NOW);
    expect(first).toMatchObject({ created: true, changed: 2, offSchedule: false });
    expect(lastAudit("class.attendance")).toMatchObject({ entity: "class_session", after: { date: "2026-03-04", marks: { [a]: "hadir", [b]: "terlambat" } } });

    const again = recordAttendance(instructor.actor, cls.id, sheet("2026-03-04", { [a]: "hadir", [b]: "izin", [c]: "alpa" }), NOW);
    expect(again).toMatchObject({ sessionId: first.sessionId, created: false, changed: 2 });
    expect(lastAudit("class.attendance_correct")).toMatchObject({ before: { marks: { [b]: "terlambat" } }, after: { marks: { [b]: "izin", [c]: "alpa" } } });
    expect(db.select().from(attendance).where(eq(attendance.sessionId, first.sessionId)).all()).toHaveLength(3);
    expect(db.select().from(classSessions).where(eq(classSessions.classId, cls.id)).all()).toHaveLength(1);

    // A make-up session on a Saturday is accepted, with the warning flag.
    expect(recordAttendance(instructor.actor, cls.id, sheet("2026-03-07", { [a]: "hadir" }), NOW).offSchedule).toBe(true);
  });

  it("refuses dates outside the class or in the future, and residents not enrolled that day", () => {
    const { instructor, cls, enrolmentIds, admin } = setup();
    const other = setup();
    expect(fieldErrors(() => recordAttendance(instructor.actor, cls.id, sheet("2026-03-01", { [enrolmentIds[0]!]: "hadir" }), NOW))).toEqual({
      date: ["attendance.error.outsideClass"],
    });
    expect(fieldErrors(() => recordAttendance(instructor.actor, cls.id, sheet("2026-03-11", { [enrolmentIds[0]!]: "hadir" }), NOW))).toEqual({
      date: ["attendance.error.future"],
    });
    expect(fieldErrors(() => recordAttendance(instructor.actor, cls.id, sheet("2026-03-04", { [other.enrolmentIds[0]!]: "hadir" }), NOW))).toEqual({
      [`mark.${other.enrolmentIds[0]}`]: ["attendance.error.notEnrolled"],
    });
    // Enrolled on 2 March (NOW − 7 days): not on the roll on... the class's first day is 2 March, so enrol someone later.
    const late = createResident(cls.pantiId, null);
    const [lateId] = enrolResidents(admin.actor, cls.id, [late.stay.id], NOW).enrolmentIds;
    expect(fieldErrors(() => recordAttendance(instructor.actor, cls.id, sheet("2026-03-06", { [lateId!]: "hadir" }), NOW))).toEqual({
      [`mark.${lateId}`]: ["attendance.error.notOnRoll"],
    });
    expect(fieldErrors(() => recordAttendance(instructor.actor, cls.id, sheet("2026-03-06", {}), NOW))).toEqual({ marks: ["attendance.error.noMarks"] });
  });

  it("lets only the class's instructors (and Dinsos admin) write: others get 404, roles without it 403", () => {
    const { cls, enrolmentIds, admin, p } = setup();
    const colleague = createUser("instructor", p.id);
    const input = sheet("2026-03-04", { [enrolmentIds[0]!]: "hadir" });
    expect(() => recordAttendance(colleague.actor, cls.id, input, NOW)).toThrow(NotFound);
    expect(() => recordAttendance(createUser("instructor", createPanti().id).actor, cls.id, input, NOW)).toThrow(NotFound);
    expect(() => recordAttendance(admin.actor, cls.id, input, NOW)).toThrow(PermissionDenied);
    expect(() => recordAttendance(createUser("dinsos_viewer").actor, cls.id, input, NOW)).toThrow(PermissionDenied);
    expect(recordAttendance(createUser("dinsos_admin").actor, cls.id, input, NOW).changed).toBe(1);
    expect(attendanceSheet(colleague.actor, cls.id, "2026-03-04", NOW)).toBeNull();
  });

  it("closes open enrolments when the stay ends, and the trainee leaves the roll", () => {
    const { admin, instructor, cls, enrolmentIds, residents } = setup();
    recordExit(admin.actor, residents[0]!.stay.id, exitSchema.parse({ outcome: "own_request", exitedAt: "2026-03-05T10:00" }), NOW);
    const row = db.select().from(enrolments).where(eq(enrolments.id, enrolmentIds[0]!)).get()!;
    expect(row).toMatchObject({ status: "left_before_completion" });
    expect(fieldErrors(() => recordAttendance(instructor.actor, cls.id, sheet("2026-03-06", { [enrolmentIds[0]!]: "hadir" }), NOW))).toEqual({
      [`mark.${enrolmentIds[0]}`]: ["attendance.error.notOnRoll"],
    });
    // Before the exit, a correction is still possible.
    expect(recordAttendance(instructor.actor, cls.id, sheet("2026-03-04", { [enrolmentIds[0]!]: "izin" }), NOW).changed).toBe(1);
    const sheetOn6 = attendanceSheet(instructor.actor, cls.id, "2026-03-06", NOW)!;
    expect(sheetOn6.rows.map((r) => r.enrolmentId)).not.toContain(enrolmentIds[0]);
  });
});

// ---------------------------------------------------------------------------------------------
// Progress, completion, outcome
// ---------------------------------------------------------------------------------------------

function allCompetent(actor: Parameters<typeof recordProgress>[0], classId: number, enrolmentId: number) {
  for (const m of modulesOf("komputer")) {
    recordProgress(actor, classId, enrolmentId, { moduleId: m.id, status: "competent", score: 80, assessedOn: "2026-03-06" }, NOW);
  }
}

describe("progress and completion", () => {
  it("records module progress with score or note and date, audited, and refuses bad modules and dates", () => {
    const { instructor, cls, enrolmentIds } = setup();
    const [first] = modulesOf("komputer");
    recordProgress(instructor.actor, cls.id, enrolmentIds[0]!, { moduleId: first!.id, status: "in_progress", note: "Sudah 20 kata per menit", assessedOn: "2026-03-04" }, NOW);
    recordProgress(instructor.actor, cls.id, enrolmentIds[0]!, { moduleId: first!.id, status: "competent", score: 85, assessedOn: "2026-03-06" }, NOW);
    const row = db.select().from(moduleProgress).where(eq(moduleProgress.enrolmentId, enrolmentIds[0]!)).get()!;
    expect(row).toMatchObject({ status: "competent", score: 85, note: null, assessedOn: "2026-03-06", recordedBy: instructor.id });
    expect(lastAudit("enrolment.progress")).toMatchObject({ before: { status: "in_progress" }, after: { status: "competent", score: 85 } });

    const tataBoga = modulesOf("tata_boga")[0]!;
    expect(fieldErrors(() => recordProgress(instructor.actor, cls.id, enrolmentIds[0]!, { moduleId: tataBoga.id, status: "in_progress", assessedOn: "2026-03-06" }, NOW))).toEqual({
      moduleId: ["progress.error.module"],
    });
    expect(fieldErrors(() => recordProgress(instructor.actor, cls.id, enrolmentIds[0]!, { moduleId: first!.id, status: "in_progress", assessedOn: "2026-03-10" }, NOW))).toEqual({
      assessedOn: ["error.future"],
    });
    expect(fieldErrors(() => recordProgress(instructor.actor, cls.id, enrolmentIds[0]!, { moduleId: first!.id, status: "in_progress", assessedOn: "2026-02-01" }, NOW))).toEqual({
      assessedOn: ["progress.error.beforeEnrolment"],
    });
    const other = setup();
    expect(() => recordProgress(instructor.actor, other.cls.id, other.enrolmentIds[0]!, { moduleId: first!.id, status: "in_progress", assessedOn: "2026-03-06" }, NOW)).toThrow(
      NotFound,
    );
    // An enrolment of another class through this class's URL is not found.
    expect(() => recordProgress(instructor.actor, cls.id, other.enrolmentIds[0]!, { moduleId: first!.id, status: "in_progress", assessedOn: "2026-03-06" }, NOW)).toThrow(
      NotFound,
    );
  });

  it("offers every resident not yet enrolled, past the 1,000 it used to stop at", () => {
    const { admin, cls } = setup({ residents: 1006, enrol: 1 });
    const page = classPage(admin.actor, cls.id, NOW, { asked: true })!;
    expect(page.candidates).toHaveLength(1005);
    expect(new Set(page.candidates?.map((c) => c.stayId)).size).toBe(1005);
    expect(page.candidateCount).toBe(1005);
  });

  it("counts the residents to enrol without listing them, unless asked, searched or the class has no trainee", () => {
    const { admin, instructor, cls, residents } = setup({ residents: 4, enrol: 2 });
    const closed = classPage(admin.actor, cls.id, NOW)!;
    expect(closed.candidates).toBeNull();
    expect(closed.candidateCount).toBe(2);
    expect(classPage(admin.actor, cls.id, NOW, { asked: true })!.candidates?.map((c) => c.stayId).sort()).toEqual([residents[2]!.stay.id, residents[3]!.stay.id].sort());
    expect(classPage(admin.actor, cls.id, NOW, { query: residents[3]!.person.name! })!.candidates?.map((c) => c.stayId)).toEqual([residents[3]!.stay.id]);
    // Its instructor does not enrol: neither a list nor a count.
    expect(classPage(instructor.actor, cls.id, NOW, { asked: true })).toMatchObject({ candidates: null, candidateCount: 0 });
    // A new class of the panti, without trainees, lists them at once.
    const empty = createClass(admin.actor, classInput([instructor.id], { name: "Kelas Kosong" }), NOW);
    expect(classPage(admin.actor, empty.id, NOW)!.candidates).toHaveLength(4);
  });

  it("completes with a certificate number only when every module is competent and attendance reaches the threshold", () => {
    const { instructor, admin, cls, enrolmentIds, p } = setup();
    const [a, b, c] = enrolmentIds as [number, number, number];
    recordAttendance(instructor.actor, cls.id, sheet("2026-03-02", { [a]: "hadir", [b]: "hadir", [c]: "alpa" }), NOW);
    recordAttendance(instructor.actor, cls.id, sheet("2026-03-04", { [a]: "terlambat", [b]: "hadir", [c]: "izin" }), NOW);
    recordAttendance(instructor.actor, cls.id, sheet("2026-03-06", { [a]: "hadir", [b]: "izin" }), NOW);
    // a: 2+1+2 = 5/6 = 83.3%; b: 2+2+1 = 5/6; c: 0+1+0 (unmarked = alpa) = 1/6.
    const page = classPage(admin.actor, cls.id, NOW)!;
    const byId = new Map(page.residents.map((r) => [r.enrolmentId, r]));
    expect(page.sessions.map((s) => s.date)).toEqual(["2026-03-02", "2026-03-04", "2026-03-06"]);
    expect(byId.get(a)).toMatchObject({ letters: "HTH", rate: 83.3, low: false });
    expect(byId.get(c)).toMatchObject({ letters: "AI-", rate: 16.7, low: true });
    expect(page.counts.low).toBe(1);

    // Modules missing: refused with a clear message.
    try {
      completeEnrolment(instructor.actor, cls.id, a, NOW);
      throw new Error("expected a conflict");
    } catch (error) {
      expect(error).toBeInstanceOf(Conflict);
      expect((error as Conflict).messageKey).toBe("enrolment.complete.notMet");
      expect((error as Conflict).params).toEqual({ competent: 0, total: 4, rate: "83.3", threshold: 75 });
    }
    allCompetent(instructor.actor, cls.id, a);
    allCompetent(instructor.actor, cls.id, c);
    expect(classPage(admin.actor, cls.id, NOW)!.residents.find((r) => r.enrolmentId === a)).toMatchObject({ eligible: true, progress: { competent: 4, total: 4 } });

    const done = completeEnrolment(instructor.actor, cls.id, a, NOW);
    expect(done.certificateNumber).toBe(`SERT/${p.code}/2026/0001`);
    expect(() => completeEnrolment(instructor.actor, cls.id, a, NOW)).toThrow(Conflict);
    // Low attendance: refused even with every module competent.
    expect(() => completeEnrolment(admin.actor, cls.id, c, NOW)).toThrow(Conflict);

    // The panti admin may complete too; numbers run on per panti and year.
    allCompetent(instructor.actor, cls.id, b);
    expect(completeEnrolment(admin.actor, cls.id, b, NOW).certificateNumber).toBe(`SERT/${p.code}/2026/0002`);
    expect(lastAudit("enrolment.complete")).toMatchObject({ after: { certificateNumber: `SERT/${p.code}/2026/0002` } });

    // Progress can no longer change after completion; the outcome can be recorded.
    const m = modulesOf("komputer")[0]!;
    expect(() => recordProgress(instructor.actor, cls.id, a, { moduleId: m.id, status: "in_progress", assessedOn: "2026-03-06" }, NOW)).toThrow(Conflict);
    recordOutcome(admin.actor, cls.id, a, { outcome: "on_the_job_training", outcomeNotes: "Magang di warnet Kebon Jeruk" }, NOW);
    expect(db.select().from(enrolments).where(eq(enrolments.id, a)).get()).toMatchObject({ status: "completed", outcome: "on_the_job_training" });
    expect(() => recordOutcome(admin.actor, cls.id, c, { outcome: "working" }, NOW)).toThrow(Conflict);
    expect(() => recordOutcome(instructor.actor, cls.id, a, { outcome: "working" }, NOW)).toThrow(PermissionDenied);
    // Another panti's admin cannot complete.
    expect(() => completeEnrolment(createUser("panti_admin", createPanti().id).actor, cls.id, c, NOW)).toThrow(NotFound);
    expect(() => completeEnrolment(createUser("dinsos_viewer").actor, cls.id, c, NOW)).toThrow(PermissionDenied);
  });

  it("stops counting a deactivated module", () => {
    const { instructor, cls, enrolmentIds } = setup({ residents: 1 });
    recordAttendance(instructor.actor, cls.id, sheet("2026-03-02", { [enrolmentIds[0]!]: "hadir" }), NOW);
    const [m1, m2, m3, m4] = modulesOf("komputer");
    for (const m of [m1, m2, m3]) recordProgress(instructor.actor, cls.id, enrolmentIds[0]!, { moduleId: m!.id, status: "competent", note: "Lulus uji praktik", assessedOn: "2026-03-06" }, NOW);
    expect(enrolmentPage(instructor.actor, cls.id, enrolmentIds[0]!, NOW)!.check.eligible).toBe(false);
    const dinsos = createUser("dinsos_admin");
    setModuleActive(dinsos.actor, { moduleId: m4!.id, active: false });
    try {
      expect(enrolmentPage(instructor.actor, cls.id, enrolmentIds[0]!, NOW)!.check).toMatchObject({ eligible: true, progress: { competent: 3, total: 3 } });
    } finally {
      setModuleActive(dinsos.actor, { moduleId: m4!.id, active: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Scope of the read models, and the training history across panti
// ---------------------------------------------------------------------------------------------

describe("who sees which class", () => {
  it("shows Dinsos all (filtered by panti), a panti admin their panti's, an instructor only their classes", () => {
    const one = setup();
    const two = setup();
    const colleague = createUser("instructor", one.p.id);
    const dinsos = createUser("dinsos_viewer");
    const all = listClasses(dinsos.actor, {}, NOW).rows.map((r) => r.id);
    expect(all).toEqual(expect.arrayContaining([one.cls.id, two.cls.id]));
    expect(listClasses(dinsos.actor, { panti: two.p.id }, NOW).rows.map((r) => r.id)).toEqual([two.cls.id]);
    expect(listClasses(one.admin.actor, {}, NOW).rows.map((r) => r.id)).toEqual([one.cls.id]);
    expect(listClasses(one.instructor.actor, {}, NOW).rows.map((r) => r.id)).toEqual([one.cls.id]);
    expect(listClasses(colleague.actor, {}, NOW).rows).toEqual([]);
    expect(listClasses(one.admin.actor, { phase: "finished" }, NOW).rows).toEqual([]);
    expect(listClasses(one.admin.actor, { phase: "active" }, NOW).rows.map((r) => r.id)).toEqual([one.cls.id]);
    expect(classPage(colleague.actor, one.cls.id, NOW)).toBeNull();
    expect(classPage(two.admin.actor, one.cls.id, NOW)).toBeNull();
    expect(classPage(one.instructor.actor, one.cls.id, NOW)!.can).toEqual({ teach: true, manage: false, complete: true });
    expect(classPage(one.admin.actor, one.cls.id, NOW)!.can).toEqual({ teach: false, manage: true, complete: true });
  });

  it("follows a person's training across a transfer; panti staff see their entries and a count of the rest", () => {
    const first = setup({ residents: 1 });
    const person = first.residents[0]!.person;
    db.update(persons).set({ ppksCategory: "anak_terlantar" }).where(eq(persons.id, person.id)).run();
    recordAttendance(first.instructor.actor, first.cls.id, sheet("2026-03-02", { [first.enrolmentIds[0]!]: "hadir" }), NOW);

    // Transferred to another panti, admitted there, and enrolled in a class there.
    const receiving = createPanti({ type: "youth" });
    const { beds } = createRoom(receiving.id, 1, { sex: "male" });
    const theirAdmin = createUser("panti_admin", receiving.id);
    const theirInstructor = createUser("instructor", receiving.id);
    const transfer = transferResident(first.admin.actor, first.residents[0]!.stay.id, { toPantiId: receiving.id, reason: "Lanjut pembinaan" }, new Date("2026-03-10T03:00:00Z"));
    const admission = acceptPlacement(theirAdmin.actor, transfer.placementId, { bed: beds[0]!.id, person: "new", admittedAt: new Date("2026-03-11T03:00:00Z") });
    expect(db.select().from(enrolments).where(eq(enrolments.id, first.enrolmentIds[0]!)).get()!.status).toBe("left_before_completion");
    const later = new Date("2026-03-16T03:00:00Z");
    const cls2 = createClass(theirAdmin.actor, classInput([theirInstructor.id], { programmeCode: "tata_boga", name: "Tata Boga Angkatan 12" }), later);
    enrolResidents(theirAdmin.actor, cls2.id, [admission.stayId], later);

    const dinsos = trainingHistory(createUser("dinsos_viewer").actor, person.id, later)!;
    expect(dinsos.entries.map((e) => e.pantiId)).toEqual([receiving.id, first.p.id]);
    expect(dinsos.entries[1]).toMatchObject({ status: "left_before_completion", rate: 100, held: 1 });
    expect(dinsos.hidden).toBe(0);

    const theirs = trainingHistory(theirAdmin.actor, person.id, later)!;
    expect(theirs.entries.map((e) => e.classId)).toEqual([cls2.id]);
    expect(theirs.hidden).toBe(1);
    // The first panti still sees its own entry (the person had a stay there).
    expect(trainingHistory(first.admin.actor, person.id, later)!.entries.map((e) => e.classId)).toEqual([first.cls.id]);
    expect(trainingHistory(theirInstructor.actor, person.id, later)!.hidden).toBe(1);
    // Nobody else's business: an unrelated panti, an instructor who never taught them.
    expect(trainingHistory(createUser("panti_admin", createPanti().id).actor, person.id, later)).toBeNull();
    expect(trainingHistory(createUser("instructor", receiving.id).actor, person.id, later)).toBeNull();
    // A panti admin whose panti had the person, even without a class: an empty history with the note.
    const stayOnly = createResident(createPanti().id, null);
    const stayAdmin = createUser("panti_admin", db.select().from(stays).where(eq(stays.id, stayOnly.stay.id)).get()!.pantiId);
    expect(trainingHistory(stayAdmin.actor, stayOnly.person.id, later)).toMatchObject({ entries: [], hidden: 0 });
  });
});

describe("the demo seed", () => {
  it("seeds classes at PSBR-TJ1 for instruktur.tj1 with sessions, attendance and progress", () => {
    ensureProgrammeReference();
    const p = createPanti({ code: "PSBR-TJ1", name: "Panti Sosial Bina Remaja Taruna Jaya 1", type: "youth" });
    const instructor = createUser("instructor", p.id);
    db.run(sql`update users set username = 'instruktur.tj1' where id = ${instructor.id}`);
    createUser("panti_admin", p.id);
    const now = new Date("2026-11-23T05:00:00Z");
    for (let i = 0; i < 20; i++) createResident(p.id, null, new Date(now.getTime() - (300 - i * 10) * 86_400_000));
    const counts = seedProgrammes(db, 7, now);
    expect(counts.classes).toBe(3);
    expect(counts.sessions).toBeGreaterThan(50);
    expect(counts.attendance).toBeGreaterThan(500);
    expect(counts.certificates).toBeGreaterThan(0);
    const list = listClasses(instructor.actor, {}, now).rows;
    expect(list.map((c) => c.phase).sort()).toEqual(["active", "active", "finished"]);
    // Seeding again changes nothing.
    expect(seedProgrammes(db, 7, now).classes).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Routes: loaders and actions with Requests and cookies
// ---------------------------------------------------------------------------------------------

const base = "http://127.0.0.1";
const get = (p: string, cookie?: string) => new Request(base + p, { headers: cookie ? { Cookie: cookie } : {} });


/** A class running today (real time: the loaders use the clock). */
function liveSetup() {
  const today = jakartaDate(new Date());
  return setup({ now: new Date(), overrides: { startDate: addDays(today, -21), endDate: addDays(today, 60), scheduleDays: ["1", "2", "3", "4", "5", "6", "7"] } });
}

describe("class routes", () => {
  it("sends anonymous users to sign in and answers 403 to roles without class access", async () => {
    const anon = await call(() => classesLoader(args(get("/classes"))));
    expect(anon.status).toBe(302);
    const outreach = await cookieFor(createUser("outreach").username);
    expect((await call(() => classesLoader(args(get("/classes", outreach))))).status).toBe(403);
    const psychosocial = await cookieFor(createUser("psychosocial", createPanti().id).username);
    expect((await call(() => classesLoader(args(get("/classes", psychosocial))))).status).toBe(403);
  });

  it("lists only an instructor's own classes and hides other panti's class pages (404)", async () => {
    const one = liveSetup();
    const two = liveSetup();
    const instructor = await cookieFor(one.instructor.username);
    const list = (await classesLoader(args(get("/classes", instructor)))) as { rows: { id: number; meetsToday: boolean }[] };
    expect(list.rows.map((r) => r.id)).toEqual([one.cls.id]);
    expect(list.rows[0]!.meetsToday).toBe(true);
    const id = { classId: String(two.cls.id) };
    expect((await call(() => classLoader(args(get(`/classes/${two.cls.id}`, instructor), id)))).status).toBe(404);
    const otherAdmin = await cookieFor(one.admin.username);
    expect((await call(() => classLoader(args(get(`/classes/${two.cls.id}`, otherAdmin), id)))).status).toBe(404);
    const ownAdmin = await cookieFor(two.admin.username);
    expect((await call(() => classLoader(args(get(`/classes/${two.cls.id}`, ownAdmin), id)))).status).toBe(200);
    expect((await call(() => classLoader(args(get(`/classes/abc`, otherAdmin), { classId: "abc" })))).status).toBe(404);
  });

  it("creates a class from the form (field errors first) and redirects to it", async () => {
    ensureProgrammeReference();
    const p = createPanti({ type: "youth" });
    const admin = await cookieFor(createUser("panti_admin", p.id).username);
    const instructor = createUser("instructor", p.id);
    const options = (await newClassLoader(args(get("/classes/new", admin)))) as { instructors: { id: number }[]; pantiId: number };
    expect(options.pantiId).toBe(p.id);
    expect(options.instructors.map((i) => i.id)).toEqual([instructor.id]);
    const bad = await call(() =>
      newClassAction(args(post("/classes/new", admin, { programmeCode: "komputer", name: "K", startTime: "10:00", endTime: "09:00", startDate: "2026-03-02", endDate: "2026-02-01", capacity: "0" }))),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as { errors: Record<string, string[]> }).errors).sort()).toEqual(["capacity", "endDate", "endTime", "instructorIds", "name", "scheduleDays"]);
    const good = await call(() =>
      newClassAction(
        args(
          post("/classes/new", admin, {
            programmeCode: "komputer",
            name: "Komputer Angkatan Rute",
            instructorIds: String(instructor.id),
            scheduleDays: ["2", "4"],
            startTime: "13:00",
            endTime: "15:00",
            startDate: "2026-03-02",
            endDate: "2026-06-30",
            capacity: "12",
          }),
        ),
      ),
    );
    expect(good.status).toBe(302);
    expect(good.headers?.get("Location")).toMatch(/^\/classes\/\d+\?created=1$/);
    const instructorCookie = await cookieFor(instructor.username);
    expect((await call(() => newClassAction(args(post("/classes/new", instructorCookie, { programmeCode: "komputer" }))))).status).toBe(403);
  });

  it("enrols from the class page with an error beside each refused resident", async () => {
    const { p, admin, cls, residents, instructor } = liveSetup();
    const cookie = await cookieFor(admin.username);
    const id = { classId: String(cls.id) };
    const page = (await classLoader(args(get(`/classes/${cls.id}`, cookie), id))) as { candidates: unknown[] | null; candidateCount: number; can: { manage: boolean } };
    expect(page.can.manage).toBe(true);
    expect(page).toMatchObject({ candidates: null, candidateCount: 0 });
    expect(await classLoader(args(get(`/classes/${cls.id}?enrol=1`, cookie), id))).toMatchObject({ candidates: [], candidateCount: 0 });
    const fresh = createResident(p.id, null);
    const res = await call(() => classAction(args(post(`/classes/${cls.id}`, cookie, { intent: "enrol", stayIds: [String(fresh.stay.id), String(residents[0]!.stay.id)] }), id)));
    expect(res.status).toBe(400);
    const errors = (res.body as { errors: Record<string, string[]> }).errors;
    expect(errors[`stay.${residents[0]!.stay.id}`]).toEqual(["Sudah terdaftar di kelas ini."]);
    const ok = await call(() => classAction(args(post(`/classes/${cls.id}`, cookie, { intent: "enrol", stayIds: String(fresh.stay.id) }), id)));
    expect(ok.status).toBe(200);
    const instructorCookie = await cookieFor(instructor.username);
    expect((await call(() => classAction(args(post(`/classes/${cls.id}`, instructorCookie, { intent: "enrol", stayIds: String(fresh.stay.id) }), id)))).status).toBe(403);
  });

  it("takes attendance on the sheet: field errors for bad dates and residents, 404 for another's class, 403 without class:teach", async () => {
    const { cls, instructor, admin, enrolmentIds } = liveSetup();
    const other = liveSetup();
    const cookie = await cookieFor(instructor.username);
    const id = { classId: String(cls.id) };
    const today = jakartaDate(new Date());
    const loaded = (await sheetLoader(args(get(`/classes/${cls.id}/attendance`, cookie), id))) as { date: string; rows: { enrolmentId: number }[] };
    expect(loaded.date).toBe(today);
    expect(loaded.rows.map((r) => r.enrolmentId).sort()).toEqual([...enrolmentIds].sort());

    const marks = Object.fromEntries(enrolmentIds.map((e) => [`mark.${e}`, "hadir"]));
    const ok = await call(() => sheetAction(args(post(`/classes/${cls.id}/attendance`, cookie, { date: today, ...marks }), id)));
    expect(ok.status).toBe(200);
    expect((ok.body as { message: string }).message).toMatch(/tersimpan \(3 perubahan\)/);

    const outside = await call(() => sheetAction(args(post(`/classes/${cls.id}/attendance`, cookie, { date: addDays(today, -60), ...marks }), id)));
    expect(outside.status).toBe(400);
    expect((outside.body as { errors: Record<string, string[]> }).errors.date).toEqual(["Tanggal di luar periode kelas."]);
    const stranger = await call(() => sheetAction(args(post(`/classes/${cls.id}/attendance`, cookie, { date: today, [`mark.${other.enrolmentIds[0]}`]: "hadir" }), id)));
    expect(stranger.status).toBe(400);
    expect((stranger.body as { errors: Record<string, string[]> }).errors[`mark.${other.enrolmentIds[0]}`]).toEqual(["Bukan peserta kelas ini."]);
    const garbage = await call(() => sheetAction(args(post(`/classes/${cls.id}/attendance`, cookie, { date: today, [`mark.${enrolmentIds[0]}`]: "sakit" }), id)));
    expect(garbage.status).toBe(400);

    const otherInstructor = await cookieFor(other.instructor.username);
    expect((await call(() => sheetAction(args(post(`/classes/${cls.id}/attendance`, otherInstructor, { date: today, ...marks }), id)))).status).toBe(404);
    expect((await call(() => sheetLoader(args(get(`/classes/${cls.id}/attendance`, otherInstructor), id)))).status).toBe(404);
    const adminCookie = await cookieFor(admin.username);
    expect((await call(() => sheetAction(args(post(`/classes/${cls.id}/attendance`, adminCookie, { date: today, ...marks }), id)))).status).toBe(403);
    const viewer = await cookieFor(createUser("dinsos_viewer").username);
    expect((await call(() => sheetLoader(args(get(`/classes/${cls.id}/attendance`, viewer), id)))).status).toBe(403);
  });

  it("records progress, refuses completion with a clear message (409), and serves the certificate once completed", async () => {
    const { cls, instructor, admin, enrolmentIds } = liveSetup();
    const cookie = await cookieFor(instructor.username);
    const today = jakartaDate(new Date());
    const e = enrolmentIds[0]!;
    const id = { classId: String(cls.id), enrolmentId: String(e) };
    const url = `/classes/${cls.id}/enrolments/${e}`;
    const noEvidence = await call(() => enrolmentAction(args(post(url, cookie, { intent: "progress", moduleId: String(modulesOf("komputer")[0]!.id), status: "competent", assessedOn: today }), id)));
    expect(noEvidence.status).toBe(400);
    expect((noEvidence.body as { errors: Record<string, string[]> }).errors.score).toEqual(["Untuk kompeten, isi nilai atau catatan."]);

    const refused = await call(() => enrolmentAction(args(post(url, cookie, { intent: "complete" }), id)));
    expect(refused.status).toBe(409);
    expect((refused.body as { formError: string }).formError).toMatch(/^Belum memenuhi syarat lulus: 0 dari 4 modul kompeten/);

    await sheetAction(args(post(`/classes/${cls.id}/attendance`, cookie, { date: today, [`mark.${e}`]: "hadir" }), { classId: String(cls.id) }));
    for (const m of modulesOf("komputer")) {
      const res = await call(() => enrolmentAction(args(post(url, cookie, { intent: "progress", moduleId: String(m.id), status: "competent", score: "90", assessedOn: today }), id)));
      expect(res.status).toBe(200);
    }
    const before = (await call(() => certificateLoader(args(get(`${url}/certificate`, cookie), id)))).body as { enrolment: { status: string } };
    expect(before.enrolment.status).toBe("active");
    const done = await call(() => enrolmentAction(args(post(url, cookie, { intent: "complete" }), id)));
    expect(done.status).toBe(200);
    const page = (await enrolmentLoader(args(get(url, cookie), id))) as { enrolment: { status: string; certificateNumber: string } };
    expect(page.enrolment).toMatchObject({ status: "completed" });
    expect(page.enrolment.certificateNumber).toMatch(/^SERT\/P-\d+\/\d{4}\/0001$/);

    // The outcome is the panti admin's to record, not the instructor's.
    expect((await call(() => enrolmentAction(args(post(url, cookie, { intent: "outcome", outcome: "working" }), id)))).status).toBe(403);
    const adminCookie = await cookieFor(admin.username);
    expect((await call(() => enrolmentAction(args(post(url, adminCookie, { intent: "outcome", outcome: "working", outcomeNotes: "Bengkel komputer" }), id)))).status).toBe(200);
    // The panti admin cannot record progress (no class:teach).
    expect((await call(() => enrolmentAction(args(post(url, adminCookie, { intent: "progress", moduleId: "1", status: "in_progress", assessedOn: today }), id)))).status).toBe(403);
  });

  it("keeps the catalogue to Dinsos admin and the training history to those it concerns", async () => {
    ensureProgrammeReference();
    const dinsos = await cookieFor(createUser("dinsos_admin").username);
    const admin = await cookieFor(createUser("panti_admin", createPanti().id).username);
    expect((await call(() => programmesLoader(args(get("/programmes", admin))))).status).toBe(403);
    expect((await call(() => programmesLoader(args(get("/programmes", dinsos))))).status).toBe(200);
    const bad = await call(() => programmesAction(args(post("/programmes", dinsos, { intent: "add-module", programmeCode: "las", code: "9x", nameId: "", nameEn: "Pipe welding" }))));
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as { errors: Record<string, string[]> }).errors).sort()).toEqual(["code", "nameId"]);
    const good = await call(() => programmesAction(args(post("/programmes", dinsos, { intent: "add-module", programmeCode: "las", code: "las_pipa", nameId: "Las pipa", nameEn: "Pipe welding" }))));
    expect(good.status).toBe(200);

    const { residents } = liveSetup();
    const personId = String(residents[0]!.person.id);
    expect((await call(() => trainingLoader(args(get(`/residents/${personId}/training`, admin), { personId })))).status).toBe(404);
    const history = await call(() => trainingLoader(args(get(`/residents/${personId}/training`, dinsos), { personId })));
    expect(history.status).toBe(200);
    expect((history.body as { entries: unknown[] }).entries).toHaveLength(1);
    const outreach = await cookieFor(createUser("outreach").username);
    expect((await call(() => trainingLoader(args(get(`/residents/${personId}/training`, outreach), { personId })))).status).toBe(403);
  });
});
