import { describe, expect, it } from "vitest";
import type { AttendanceCode, ProgressStatus } from "./enums";
import {
  attendanceRow,
  attendanceSheetSchema,
  attendanceTally,
  certificateNumber,
  certificatePrefix,
  checkSessionDate,
  classAccess,
  firstSessionSheetSchema,
  classPhase,
  classSchema,
  completionCheck,
  defaultSessionDate,
  enrolListShown,
  enrolmentWindow,
  isoWeekday,
  lowAttendance,
  meetsAttendanceThreshold,
  nextCertificateSequence,
  progressSchema,
  progressSummary,
  scheduleDates,
  seatsTaken,
} from "./programmes";

const tally = (...marks: (AttendanceCode | null)[]) => attendanceTally(marks);

describe("attendance rate", () => {
  it("is points earned over two points per session held (hadir 2, terlambat 1, izin 1, alpa 0)", () => {
    expect(tally("hadir", "hadir").rate).toBe(100);
    expect(tally("hadir", "terlambat").rate).toBe(75);
    expect(tally("izin", "alpa").rate).toBe(25);
    expect(tally("alpa", "alpa", "alpa", "alpa").rate).toBe(0);
    expect(tally("hadir", "terlambat", "izin", "alpa")).toMatchObject({ held: 4, marked: 4, earned: 4, possible: 8, rate: 50 });
  });

  it("counts a session without a mark as alpa", () => {
    expect(tally("hadir", null)).toMatchObject({ held: 2, marked: 1, earned: 2, possible: 4, rate: 50 });
  });

  it("has no rate before any session is held", () => {
    expect(tally()).toMatchObject({ held: 0, possible: 0, rate: null });
    expect(meetsAttendanceThreshold(tally(), 0)).toBe(false);
  });

  it("compares with the threshold exactly, at the boundary included", () => {
    // 3 sessions: H, H, T = 5/6 = 83.33...%
    expect(meetsAttendanceThreshold(tally("hadir", "hadir", "terlambat"), 83)).toBe(true);
    expect(meetsAttendanceThreshold(tally("hadir", "hadir", "terlambat"), 84)).toBe(false);
    // exactly 75%
    expect(meetsAttendanceThreshold(tally("hadir", "terlambat"), 75)).toBe(true);
    expect(meetsAttendanceThreshold(tally("hadir", "izin", "alpa", "hadir"), 75)).toBe(false);
    expect(lowAttendance(tally("hadir", "izin", "alpa", "hadir"), 75)).toBe(true);
    expect(lowAttendance(tally(), 75)).toBe(false);
  });

  it("counts only the sessions held while the resident was enrolled", () => {
    const sessions = [
      { id: 1, date: "2026-03-02" },
      { id: 2, date: "2026-03-04" },
      { id: 3, date: "2026-03-06" },
      { id: 4, date: "2026-03-09" },
    ];
    const marks = new Map<number, AttendanceCode>([
      [2, "hadir"],
      [3, "terlambat"],
    ]);
    // Enrolled on 3 March (Jakarta), left on 6 March: sessions 2 and 3 count.
    const window = enrolmentWindow({ enrolledAt: new Date("2026-03-02T18:00:00Z"), endedAt: new Date("2026-03-06T10:00:00Z") });
    expect(window).toEqual({ from: "2026-03-03", to: "2026-03-06" });
    const row = attendanceRow(sessions, marks, window);
    expect(row.letters).toBe(".HT.");
    expect(row.tally).toMatchObject({ held: 2, earned: 3, rate: 75 });
    const open = attendanceRow(sessions, marks, { from: "2026-03-02", to: null });
    expect(open.letters).toBe("-HT-");
    expect(open.tally.rate).toBe(37.5);
  });
});

describe("completion", () => {
  const modules = [11, 12, 13];
  const progress = (...entries: [number, ProgressStatus][]) => new Map(entries);
  const allCompetent = progress([11, "competent"], [12, "competent"], [13, "competent"]);

  it("completes when every active module is competent and attendance reaches the threshold", () => {
    const check = completionCheck({ activeModuleIds: modules, progress: allCompetent, tally: tally("hadir", "hadir", "terlambat", "hadir"), threshold: 75 });
    expect(check).toMatchObject({ eligible: true, problems: [], progress: { competent: 3, total: 3, percent: 100 } });
  });

  it("refuses with the modules still missing", () => {
    const check = completionCheck({
      activeModuleIds: modules,
      progress: progress([11, "competent"], [12, "in_progress"]),
      tally: tally("hadir", "hadir"),
      threshold: 75,
    });
    expect(check.eligible).toBe(false);
    expect(check.problems).toEqual(["modulesIncomplete"]);
    expect(check.missingModuleIds).toEqual([12, 13]);
    expect(check.progress).toMatchObject({ competent: 1, total: 3, percent: 33 });
  });

  it("refuses low attendance, and no session at all, even with every module competent", () => {
    expect(completionCheck({ activeModuleIds: modules, progress: allCompetent, tally: tally("hadir", "alpa"), threshold: 75 }).problems).toEqual([
      "lowAttendance",
    ]);
    expect(completionCheck({ activeModuleIds: modules, progress: allCompetent, tally: tally(), threshold: 0 }).problems).toEqual(["noSessions"]);
  });

  it("reports both problems together", () => {
    const check = completionCheck({ activeModuleIds: modules, progress: progress(), tally: tally("alpa"), threshold: 75 });
    expect(check.problems).toEqual(["modulesIncomplete", "lowAttendance"]);
  });

  it("ignores deactivated modules (only the active ones are passed) but needs at least one", () => {
    expect(progressSummary([11], progress([11, "competent"], [99, "not_started"]))).toEqual({ competent: 1, total: 1, percent: 100 });
    expect(completionCheck({ activeModuleIds: [], progress: progress(), tally: tally("hadir"), threshold: 75 }).problems).toEqual(["noModules"]);
  });

  it("honours a threshold of 0 and of 100", () => {
    expect(completionCheck({ activeModuleIds: [1], progress: progress([1, "competent"]), tally: tally("alpa"), threshold: 0 }).eligible).toBe(true);
    expect(completionCheck({ activeModuleIds: [1], progress: progress([1, "competent"]), tally: tally("hadir", "terlambat"), threshold: 100 }).eligible).toBe(false);
  });
});

describe("certificates", () => {
  it("numbers certificates per panti and year", () => {
    expect(certificateNumber("PSBR-TJ1", 2026, 7)).toBe("SERT/PSBR-TJ1/2026/0007");
    const prefix = certificatePrefix("PSBR-TJ1", 2026);
    expect(nextCertificateSequence(prefix, [])).toBe(1);
    expect(nextCertificateSequence(prefix, ["SERT/PSBR-TJ1/2026/0002", "SERT/PSBR-TJ1/2026/0011", "SERT/PSBR-TJ1/2025/0099", "SERT/PSBR-TJ2/2026/0500"])).toBe(12);
  });
});

describe("class access", () => {
  const cls = { pantiId: 5, instructorIds: [42] };
  it("lets Dinsos see every class, a panti admin their panti's, an instructor only the classes they teach", () => {
    expect(classAccess({ id: 1, role: "dinsos_viewer", pantiId: null }, "class:read", cls)).toBe("allowed");
    expect(classAccess({ id: 1, role: "dinsos_viewer", pantiId: null }, "class:teach", cls)).toBe("forbidden");
    expect(classAccess({ id: 2, role: "panti_admin", pantiId: 5 }, "class:manage", cls)).toBe("allowed");
    expect(classAccess({ id: 2, role: "panti_admin", pantiId: 6 }, "class:manage", cls)).toBe("not_found");
    expect(classAccess({ id: 2, role: "panti_admin", pantiId: 5 }, "class:teach", cls)).toBe("forbidden");
    expect(classAccess({ id: 42, role: "instructor", pantiId: 5 }, "class:teach", cls)).toBe("allowed");
    expect(classAccess({ id: 43, role: "instructor", pantiId: 5 }, "class:teach", cls)).toBe("not_found");
    expect(classAccess({ id: 43, role: "instructor", pantiId: 5 }, "class:read", cls)).toBe("not_found");
    expect(classAccess({ id: 42, role: "instructor", pantiId: 5 }, "class:manage", cls)).toBe("forbidden");
    expect(classAccess({ id: 9, role: "outreach", pantiId: null, outreachUnit: "sudin_jakbar" }, "class:read", cls)).toBe("forbidden");
  });
});

describe("class dates and schedule", () => {
  const cls = { startDate: "2026-03-02", endDate: "2026-06-30", scheduleDays: [1, 3, 5], status: "active" as const };

  it("knows the ISO weekday and the schedule dates", () => {
    expect(isoWeekday("2026-03-02")).toBe(1);
    expect(isoWeekday("2026-03-08")).toBe(7);
    expect(scheduleDates(cls.scheduleDays, "2026-03-02", "2026-03-09")).toEqual(["2026-03-02", "2026-03-04", "2026-03-06", "2026-03-09"]);
  });

  it("accepts a session date in the class's range (off-schedule with a warning), refuses outside and future", () => {
    expect(checkSessionDate(cls, "2026-03-04", "2026-04-01")).toEqual({ ok: true, offSchedule: false });
    expect(checkSessionDate(cls, "2026-03-07", "2026-04-01")).toEqual({ ok: true, offSchedule: true });
    expect(checkSessionDate(cls, "2026-03-01", "2026-04-01")).toEqual({ ok: false, messageKey: "attendance.error.outsideClass" });
    expect(checkSessionDate(cls, "2026-07-01", "2026-08-01")).toEqual({ ok: false, messageKey: "attendance.error.outsideClass" });
    expect(checkSessionDate(cls, "2026-04-02", "2026-04-01")).toEqual({ ok: false, messageKey: "attendance.error.future" });
    expect(defaultSessionDate(cls, "2026-04-01")).toBe("2026-04-01");
    expect(defaultSessionDate(cls, "2026-01-01")).toBe("2026-03-02");
    expect(defaultSessionDate(cls, "2026-12-01")).toBe("2026-06-30");
  });

  it("derives the phase from the dates unless the class was closed", () => {
    expect(classPhase(cls, "2026-02-01")).toBe("planned");
    expect(classPhase(cls, "2026-03-02")).toBe("active");
    expect(classPhase(cls, "2026-07-01")).toBe("finished");
    expect(classPhase({ ...cls, status: "finished" }, "2026-04-01")).toBe("finished");
  });

  it("counts active and completed enrolments as seats taken", () => {
    expect(seatsTaken(["active", "completed", "left_before_completion", "withdrawn", "active"])).toBe(3);
  });

  it("lists the residents to enrol when asked, when searched, or while the class has no trainee", () => {
    expect(enrolListShown({ asked: false, searched: false, trainees: 14 })).toBe(false);
    expect(enrolListShown({ asked: true, searched: false, trainees: 14 })).toBe(true);
    expect(enrolListShown({ asked: false, searched: true, trainees: 14 })).toBe(true);
    expect(enrolListShown({ asked: false, searched: false, trainees: 0 })).toBe(true);
  });
});

describe("form schemas", () => {
  const valid = {
    programmeCode: "tata_boga",
    name: "Tata Boga Angkatan 12",
    instructorIds: ["3"],
    scheduleDays: ["5", "1", "3", "1"],
    startTime: "08:00",
    endTime: "11:30",
    startDate: "2026-03-02",
    endDate: "2026-08-28",
    capacity: "20",
  };

  it("parses a class, with one checkbox or many, and the default threshold", () => {
    const parsed = classSchema.parse(valid);
    expect(parsed).toMatchObject({ instructorIds: [3], scheduleDays: [1, 3, 5], capacity: 20, attendanceThreshold: 75 });
    expect(classSchema.parse({ ...valid, instructorIds: "4", scheduleDays: "2" })).toMatchObject({ instructorIds: [4], scheduleDays: [2] });
  });

  it("refuses a class without instructor or day, with times or dates the wrong way round", () => {
    const result = classSchema.safeParse({ ...valid, instructorIds: undefined, scheduleDays: false, endTime: "07:00", endDate: "2026-03-01", attendanceThreshold: "120" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["instructorIds", "scheduleDays", "attendanceThreshold"]));
    const second = classSchema.safeParse({ ...valid, endTime: "07:00", endDate: "2026-03-01" });
    expect(second.error!.issues.map((i) => i.path.join("."))).toEqual(["endTime", "endDate"]);
  });

  it("reads the attendance sheet's rows and names the bad one", () => {
    expect(attendanceSheetSchema.parse({ date: "2026-03-04", "mark.12": "hadir", "mark.13": "izin", other: "x" })).toEqual({
      date: "2026-03-04",
      marks: [
        { enrolmentId: 12, status: "hadir" },
        { enrolmentId: 13, status: "izin" },
      ],
    });
    const bad = attendanceSheetSchema.safeParse({ date: "2026-03-04", "mark.12": "sakit" });
    expect(bad.error!.issues[0]!.path).toEqual(["mark.12"]);
    expect(attendanceSheetSchema.safeParse({ date: "2026-02-30" }).success).toBe(false);
  });

  it("names every bad row of the sheet at once, and a session not held yet needs one mark", () => {
    const bad = attendanceSheetSchema.safeParse({ date: "2026-03-04", "mark.12": "sakit", "mark.13": "hadir", "mark.14": "", "mark.x": "hadir" });
    expect(bad.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["mark.12", "error.choose_option"],
      ["mark.14", "error.choose_option"],
      ["mark.x", "error.choose_option"],
    ]);
    // A held session may be posted with no mark (its marks stay); a new one may not.
    expect(attendanceSheetSchema.parse({ date: "2026-03-04" })).toEqual({ date: "2026-03-04", marks: [] });
    const empty = firstSessionSheetSchema.safeParse({ date: "2026-03-04" });
    expect(empty.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["marks", "attendance.error.noMarks"]]);
    expect(firstSessionSheetSchema.parse({ date: "2026-03-04", "mark.12": "alpa" })).toEqual({ date: "2026-03-04", marks: [{ enrolmentId: 12, status: "alpa" }] });
    // Bad rows are named, not hidden behind "no mark".
    expect(firstSessionSheetSchema.safeParse({ date: "2026-03-04", "mark.12": "sakit" }).error!.issues.map((i) => i.path.join("."))).toEqual(["mark.12"]);
  });

  it("needs a score or a note to call a module competent", () => {
    expect(progressSchema.safeParse({ moduleId: "1", status: "competent", assessedOn: "2026-03-04" }).error!.issues[0]!.path).toEqual(["score"]);
    expect(progressSchema.parse({ moduleId: "1", status: "competent", score: "85", assessedOn: "2026-03-04" }).score).toBe(85);
    expect(progressSchema.safeParse({ moduleId: "1", status: "competent", score: "101", assessedOn: "2026-03-04" }).success).toBe(false);
    expect(progressSchema.parse({ moduleId: "1", status: "in_progress", assessedOn: "2026-03-04" }).score).toBeUndefined();
  });
});
