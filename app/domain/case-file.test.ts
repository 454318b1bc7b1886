import { describe, expect, it } from "vitest";
import {
  familyState,
  assessmentSchema,
  assessmentSchemaFor,
  canReadNotes,
  checkStageMove,
  familyContactSchema,
  familyLocated,
  identityStatus,
  identityStepSchema,
  isFutureDate,
  planReviewSchema,
  planSchema,
  sessionSchema,
  stageEnteredOn,
  stageMoveSchema,
  stageOfStay,
  stageOptions,
  stageTimeline,
  tracingAttemptSchema,
  type StageRecords,
} from "./case-file";

const none: StageRecords = { assessments: 0, plans: 0, planReviews: 0, sessions: 0 };
const all: StageRecords = { assessments: 1, plans: 1, planReviews: 1, sessions: 1 };

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("stage moves", () => {
  it("moves forward one stage at a time, each needing the previous stage's record", () => {
    expect(checkStageMove({ from: "pendekatan_awal", to: "asesmen", records: none, exited: false })).toEqual({ ok: true, direction: "forward" });
    expect(checkStageMove({ from: "asesmen", to: "rencana_intervensi", records: none, exited: false })).toMatchObject({
      ok: false,
      field: "to",
      messageKey: "caseFile.stage.needs.assessment",
    });
    expect(checkStageMove({ from: "asesmen", to: "rencana_intervensi", records: { ...none, assessments: 1 }, exited: false }).ok).toBe(true);
    expect(checkStageMove({ from: "rencana_intervensi", to: "intervensi", records: { ...none, assessments: 1 }, exited: false })).toMatchObject({
      messageKey: "caseFile.stage.needs.plan",
    });
    expect(checkStageMove({ from: "rencana_intervensi", to: "intervensi", records: { ...none, plans: 1 }, exited: false }).ok).toBe(true);
    expect(checkStageMove({ from: "intervensi", to: "resosialisasi", records: { ...none, plans: 1 }, exited: false })).toMatchObject({
      messageKey: "caseFile.stage.needs.reviewOrSession",
    });
    expect(checkStageMove({ from: "intervensi", to: "resosialisasi", records: { ...none, sessions: 1 }, exited: false }).ok).toBe(true);
    expect(checkStageMove({ from: "intervensi", to: "resosialisasi", records: { ...none, planReviews: 1 }, exited: false }).ok).toBe(true);
  });

  it("refuses skipping stages, staying put, and the exit stages", () => {
    expect(checkStageMove({ from: "pendekatan_awal", to: "rencana_intervensi", records: all, exited: false })).toMatchObject({
      messageKey: "caseFile.stage.error.oneAtATime",
    });
    expect(checkStageMove({ from: "asesmen", to: "asesmen", records: all, exited: false })).toMatchObject({ messageKey: "caseFile.stage.error.same" });
    expect(checkStageMove({ from: "resosialisasi", to: "terminasi", records: all, exited: false })).toMatchObject({
      messageKey: "caseFile.stage.error.byExit",
    });
    expect(checkStageMove({ from: "resosialisasi", to: "bimbingan_lanjut", records: all, exited: false }).ok).toBe(false);
    expect(checkStageMove({ from: "asesmen", to: "nonsense", records: all, exited: false }).ok).toBe(false);
  });

  it("moves back to any earlier stage with a reason of at least 3 characters", () => {
    expect(checkStageMove({ from: "intervensi", to: "asesmen", records: none, exited: false })).toMatchObject({ field: "reason" });
    expect(checkStageMove({ from: "intervensi", to: "asesmen", reason: " ab ", records: none, exited: false })).toMatchObject({ field: "reason" });
    expect(checkStageMove({ from: "intervensi", to: "asesmen", reason: "Asesmen ulang", records: none, exited: false })).toEqual({
      ok: true,
      direction: "back",
    });
  });

  it("never moves a closed stay", () => {
    expect(checkStageMove({ from: "asesmen", to: "pendekatan_awal", reason: "Salah", records: all, exited: true })).toMatchObject({
      ok: false,
      messageKey: "caseFile.stage.error.closed",
    });
  });

  it("offers the working stages with what each needs", () => {
    const options = stageOptions("asesmen", none);
    expect(options.map((o) => o.stage)).toEqual(["pendekatan_awal", "rencana_intervensi", "intervensi", "resosialisasi"]);
    expect(options.find((o) => o.stage === "pendekatan_awal")).toMatchObject({ direction: "back", allowed: true });
    expect(options.find((o) => o.stage === "rencana_intervensi")).toMatchObject({ allowed: false, messageKey: "caseFile.stage.needs.assessment" });
  });

  it("the form schema asks for a reason only when moving back", () => {
    expect(stageMoveSchema.safeParse({ from: "asesmen", to: "rencana_intervensi" }).success).toBe(true);
    const back = stageMoveSchema.safeParse({ from: "intervensi", to: "asesmen", reason: "x" });
    expect(issues(back)).toEqual({ reason: "caseFile.stage.error.reason" });
    expect(stageMoveSchema.safeParse({ from: "intervensi", to: "asesmen", reason: "Perlu asesmen ulang" }).success).toBe(true);
    expect(stageMoveSchema.safeParse({ from: "intervensi", to: "bogus" }).success).toBe(false);
  });
});

describe("stage timeline", () => {
  const admittedAt = new Date("2026-01-10T03:00:00Z");

  it("treats a stay without history as in pendekatan_awal since admission", () => {
    const timeline = stageTimeline({ admittedAt, currentStage: "pendekatan_awal", exitedAt: null, followUps: 0, history: [] });
    expect(timeline).toEqual([{ stage: "pendekatan_awal", enteredAt: admittedAt, reason: null, recordedByName: null, implicit: true }]);
  });

  it("lists recorded moves in order, with the latest date each stage was entered", () => {
    const history = [
      { stage: "rencana_intervensi", enteredAt: new Date("2026-01-20T03:00:00Z"), reason: null },
      { stage: "asesmen", enteredAt: new Date("2026-01-12T03:00:00Z"), reason: null },
      { stage: "asesmen", enteredAt: new Date("2026-01-25T03:00:00Z"), reason: "Asesmen ulang" },
    ];
    const timeline = stageTimeline({ admittedAt, currentStage: "asesmen", exitedAt: null, followUps: 0, history });
    expect(timeline.map((e) => e.stage)).toEqual(["pendekatan_awal", "asesmen", "rencana_intervensi", "asesmen"]);
    expect(stageEnteredOn(timeline)).toEqual({
      pendekatan_awal: admittedAt,
      asesmen: new Date("2026-01-25T03:00:00Z"),
      rencana_intervensi: new Date("2026-01-20T03:00:00Z"),
    });
  });

  it("keeps the admission first when the stay later moved back to pendekatan_awal", () => {
    const history = [
      { stage: "pendekatan_awal", enteredAt: new Date("2026-01-20T03:00:00Z"), reason: "Belum siap" },
      { stage: "asesmen", enteredAt: new Date("2026-01-25T03:00:00Z"), reason: null },
    ];
    const timeline = stageTimeline({ admittedAt, currentStage: "asesmen", exitedAt: null, followUps: 0, history });
    expect(timeline.map((e) => [e.stage, e.implicit])).toEqual([
      ["pendekatan_awal", true],
      ["pendekatan_awal", false],
      ["asesmen", false],
    ]);
    const recorded = stageTimeline({
      admittedAt,
      currentStage: "pendekatan_awal",
      exitedAt: null,
      followUps: 0,
      history: [{ stage: "pendekatan_awal", enteredAt: admittedAt, reason: null }],
    });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.implicit).toBe(false);
  });

  it("shows a current stage set before history was kept with an unknown date", () => {
    const timeline = stageTimeline({ admittedAt, currentStage: "intervensi", exitedAt: null, followUps: 0, history: [] });
    expect(timeline.map((e) => [e.stage, e.enteredAt])).toEqual([
      ["pendekatan_awal", admittedAt],
      ["intervensi", null],
    ]);
  });

  it("derives terminasi or bimbingan_lanjut from the exit", () => {
    const exitedAt = new Date("2026-03-01T03:00:00Z");
    expect(stageOfStay({ currentStage: "resosialisasi", exitedAt, followUps: 3 })).toBe("bimbingan_lanjut");
    expect(stageOfStay({ currentStage: "intervensi", exitedAt, followUps: 0 })).toBe("terminasi");
    expect(stageOfStay({ currentStage: "terminasi", exitedAt, followUps: 3 })).toBe("terminasi");
    expect(stageOfStay({ currentStage: "intervensi", exitedAt: null, followUps: 0 })).toBe("intervensi");
    const timeline = stageTimeline({ admittedAt, currentStage: "resosialisasi", exitedAt, followUps: 0, history: [] });
    expect(timeline[timeline.length - 1]).toMatchObject({ stage: "terminasi", enteredAt: exitedAt, implicit: true });
  });
});

describe("identity and family", () => {
  it("takes each document's latest step", () => {
    const status = identityStatus([
      { id: 1, document: "nik", status: "requested", stepOn: "2026-02-01", number: null },
      { id: 2, document: "nik", status: "issued", stepOn: "2026-03-01", number: "3174011501800001" },
      { id: 3, document: "bpjs", status: "in_process", stepOn: "2026-03-02", number: null },
      { id: 4, document: "bpjs", status: "rejected", stepOn: "2026-03-02", number: null },
      { id: 5, document: "nik", status: "in_process", stepOn: "2026-02-15", number: null },
    ]);
    expect(status.nik?.status).toBe("issued");
    expect(status.bpjs?.status).toBe("rejected");
    expect(status.ektp).toBeNull();
    expect(status.kk).toBeNull();
  });

  it("finds the latest attempt that located the family", () => {
    const a = { result: "family_located", attemptedAt: new Date("2026-02-01T00:00:00Z") };
    const b = { result: "family_located", attemptedAt: new Date("2026-02-05T00:00:00Z") };
    expect(familyLocated([{ result: "no_answer", attemptedAt: new Date() }])).toBeNull();
    expect(familyLocated([b, a, { result: "not_found", attemptedAt: new Date() }])).toBe(b);
  });

  it("lets only psychosocial staff of the panti and dinsos_admin read notes", () => {
    expect(canReadNotes({ id: 1, role: "psychosocial", pantiId: 3 }, 3)).toBe(true);
    expect(canReadNotes({ id: 1, role: "psychosocial", pantiId: 4 }, 3)).toBe(false);
    expect(canReadNotes({ id: 1, role: "dinsos_admin", pantiId: null }, 3)).toBe(true);
    for (const role of ["dinsos_viewer", "panti_admin", "instructor", "outreach"] as const) {
      expect(canReadNotes({ id: 1, role, pantiId: 3, outreachUnit: "sudin_jakbar" }, 3)).toBe(false);
    }
  });

  it("reads dates in Jakarta when checking for the future", () => {
    // 2026-03-01 20:00 UTC is already 2 March in Jakarta.
    expect(isFutureDate("2026-03-02", new Date("2026-03-01T20:00:00Z"))).toBe(false);
    expect(isFutureDate("2026-03-03", new Date("2026-03-01T20:00:00Z"))).toBe(true);
  });
});

describe("form schemas", () => {
  it("asks mental-health panti for the cluster", () => {
    const input = { assessedOn: "2026-02-01", problems: "Halusinasi, tidak mau makan" };
    expect(assessmentSchema.safeParse(input).success).toBe(true);
    expect(issues(assessmentSchemaFor("mental").safeParse(input))).toHaveProperty("cluster");
    expect(assessmentSchemaFor("mental").safeParse({ ...input, cluster: "moderate" }).success).toBe(true);
    expect(assessmentSchemaFor("intake").safeParse(input).success).toBe(true);
    const bad = issues(assessmentSchema.safeParse({ assessedOn: "2026-02-30", problems: "<b>x</b>", cluster: "severe" }));
    expect(Object.keys(bad).sort()).toEqual(["assessedOn", "cluster", "problems"]);
  });

  it("reads plan goals from posted rows and from react-hook-form, skipping blank rows", () => {
    const posted = planSchema.parse({
      createdOn: "2026-02-01",
      "goals.0.goal": "Mandiri merawat diri",
      "goals.0.intervention": "Bimbingan ADL harian",
      "goals.0.targetDate": "2026-04-01",
      "goals.1.goal": "",
      "goals.2.goal": "Kontak keluarga",
      "goals.2.intervention": "Penelusuran keluarga",
      "goals.2.targetDate": "2026-03-01",
      "goals.2.status": "achieved",
    });
    expect(posted.goals).toEqual([
      { goal: "Mandiri merawat diri", intervention: "Bimbingan ADL harian", targetDate: "2026-04-01", status: "open" },
      { goal: "Kontak keluarga", intervention: "Penelusuran keluarga", targetDate: "2026-03-01", status: "achieved" },
    ]);
    const nested = planSchema.parse({
      createdOn: "2026-02-01",
      goals: [{ goal: "Mandiri", intervention: "Bimbingan", targetDate: "2026-04-01", status: "open" }, { goal: "", intervention: "" }],
    });
    expect(nested.goals).toHaveLength(1);
  });

  it("gives each bad goal field its own error, keyed like the form field", () => {
    const result = planSchema.safeParse({
      createdOn: "2026-02-01",
      "goals.1.goal": "Kerja",
      "goals.1.targetDate": "2026-01-01",
    });
    expect(issues(result)).toEqual({
      "goals.1.intervention": "caseFile.plan.error.intervention",
      "goals.1.targetDate": "caseFile.plan.error.targetBeforePlan",
    });
    expect(issues(planSchema.safeParse({ createdOn: "2026-02-01" }))).toEqual({ "goals.0.goal": "caseFile.plan.error.oneGoal" });
  });

  it("reads a review with goal statuses", () => {
    const review = planReviewSchema.parse({ planId: "4", reviewedOn: "2026-03-01", notes: "Ada kemajuan", "goals.0.status": "achieved" });
    expect(review).toMatchObject({ planId: 4, goals: [{ status: "achieved" }] });
    expect(issues(planReviewSchema.safeParse({ planId: "4", reviewedOn: "2026-03-01", notes: "ok" }))).toHaveProperty("notes");
  });

  it("checks sessions: one resident for an individual session, two or more for a group", () => {
    const base = {
      serviceCode: "konseling_individu",
      mode: "individual",
      providerName: "Anindya Puspitasari",
      sessionAt: "2026-03-01T10:00",
      durationMinutes: "45",
      summary: "Sesi berjalan baik",
      note: "Catatan rahasia",
    };
    const one = sessionSchema.parse({ ...base, stayIds: "7" });
    expect(one).toMatchObject({ stayIds: [7], durationMinutes: 45, sessionAt: new Date("2026-03-01T03:00:00Z") });
    expect(issues(sessionSchema.safeParse({ ...base, stayIds: ["7", "8"] }))).toEqual({ stayIds: "psychosocial.error.individualOne" });
    expect(issues(sessionSchema.safeParse({ ...base, mode: "group", serviceCode: "konseling_kelompok", stayIds: ["7"] }))).toEqual({
      stayIds: "psychosocial.error.groupTwo",
    });
    expect(sessionSchema.parse({ ...base, mode: "group", stayIds: ["7", "8", "8"] }).stayIds).toEqual([7, 8]);
    const bad = issues(sessionSchema.safeParse({ ...base, serviceCode: "x", durationMinutes: "0", sessionAt: "kemarin", summary: "", stayIds: "7" }));
    expect(Object.keys(bad).sort()).toEqual(["durationMinutes", "serviceCode", "sessionAt", "summary"]);
  });

  it("checks family contacts and tracing attempts", () => {
    expect(familyContactSchema.safeParse({ name: "Sri Wahyuni", relation: "kakak", phone: "0812-3456-7890" }).success).toBe(true);
    expect(Object.keys(issues(familyContactSchema.safeParse({ name: "1", relation: "", phone: "abc" }))).sort()).toEqual(["name", "phone", "relation"]);
    expect(tracingAttemptSchema.parse({ attemptedAt: "2026-03-01T09:00", channel: "phone", result: "family_located", contactId: "3" })).toMatchObject({
      contactId: 3,
      result: "family_located",
    });
    expect(Object.keys(issues(tracingAttemptSchema.safeParse({ attemptedAt: "x", channel: "fax", result: "?" }))).sort()).toEqual([
      "attemptedAt",
      "channel",
      "result",
    ]);
  });

  it("checks identity numbers by document", () => {
    expect(identityStepSchema.parse({ document: "nik", status: "issued", stepOn: "2026-03-01", number: "3174 0115 0180 0001" }).number).toBe(
      "3174011501800001",
    );
    expect(issues(identityStepSchema.safeParse({ document: "nik", status: "issued", stepOn: "2026-03-01" }))).toEqual({
      number: "caseFile.identity.error.numberRequired",
    });
    expect(issues(identityStepSchema.safeParse({ document: "kk", status: "requested", stepOn: "2026-03-01", number: "123" }))).toEqual({
      number: "error.sixteen_digits",
    });
    expect(issues(identityStepSchema.safeParse({ document: "bpjs", status: "issued", stepOn: "2026-03-01", number: "123" }))).toEqual({
      number: "caseFile.identity.error.bpjsNumber",
    });
    expect(identityStepSchema.safeParse({ document: "bpjs", status: "requested", stepOn: "2026-03-01" }).success).toBe(true);
  });
});

describe("familyState", () => {
  const exitedAt = new Date("2026-03-01T03:00:00Z");
  it("says returned to the family after such an exit, even without a tracing attempt that located them", () => {
    expect(familyState(null, { exitOutcome: "returned_family", exitedAt })).toEqual({ kind: "returned", outcome: "returned_family", at: exitedAt });
    expect(familyState(null, { exitOutcome: "repatriated_home_region", exitedAt }).kind).toBe("returned");
  });
  it("says located or not located otherwise", () => {
    const at = new Date("2026-02-01T03:00:00Z");
    expect(familyState({ attemptedAt: at }, { exitOutcome: null, exitedAt: null })).toEqual({ kind: "located", at });
    expect(familyState(null, { exitOutcome: "absconded", exitedAt })).toEqual({ kind: "notLocated" });
  });
});
