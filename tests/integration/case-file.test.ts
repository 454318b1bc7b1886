/**
 * The resident case file on a real database: stage rules with their history and audit, the
 * assessment and plan, psychosocial sessions and the confidentiality of their notes (in the
 * queries and in what the route loaders answer), family tracing and identity documents.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import {
  auditLog,
  classes,
  enrolments,
  identitySteps,
  interventionPlans,
  persons,
  programmes,
  psychosocialServices,
  psychosocialSessions,
  sessionParticipants,
  stageHistory,
  stays,
} from "#db/schema";
import {
  assessmentSchema,
  familyContactSchema,
  identityStepSchema,
  planReviewSchema,
  planSchema,
  PSYCHOSOCIAL_SERVICES,
  sessionSchema,
  stageMoveSchema,
  tracingAttemptSchema,
} from "~/domain/case-file";
import { Conflict, InvalidInput, NotFound, PermissionDenied } from "~/domain/errors";
import { caseFile, readSession, residentsOfPanti, sessionsOfPanti } from "~/queries/case-file.server";
import {
  addFamilyContact,
  moveStage,
  recordAssessment,
  recordIdentityStep,
  recordPlan,
  recordPlanReview,
  recordTracingAttempt,
} from "~/services/case-file.server";
import { recordSession } from "~/services/psychosocial.server";
import { loader as caseFileLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";
import { loader as sessionLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.sessions.$sessionId";
import { action as newSessionAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.sessions.new";
import { action as stageAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.stage";
import { action as identityAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.identity";
import { action as planAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.plan";
import { loader as residentsLoader } from "~/routes/_app.panti.$pantiId_.residents";
import { parseCsvRecords } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { cookieFor, createPanti, createResident, createRoom, createUser } from "../factories";
import { callRoute as call } from "../routes";
import { approvePending } from "../factories/approvals";

const NOTE = "Catatan rahasia: riwayat kekerasan dalam keluarga, trauma berat";

/** The psychosocial services reference rows (the factories do not load them). */
function ensureServices() {
  db.insert(psychosocialServices)
    .values(PSYCHOSOCIAL_SERVICES.map((s) => ({ ...s })))
    .onConflictDoNothing()
    .run();
}

function setup(type: "mental" | "intake" = "mental") {
  ensureServices();
  const p = createPanti({ type });
  const { beds } = createRoom(p.id, 4);
  const a = createResident(p.id, beds[0]!.id);
  const b = createResident(p.id, beds[1]!.id);
  return {
    p,
    beds,
    a,
    b,
    admin: createUser("panti_admin", p.id),
    psych: createUser("psychosocial", p.id),
    ref: { pantiId: p.id, stayId: a.stay.id },
  };
}

const session = (stayIds: number[], overrides: Record<string, unknown> = {}) =>
  sessionSchema.parse({
    serviceCode: stayIds.length > 1 ? "konseling_kelompok" : "konseling_individu",
    mode: stayIds.length > 1 ? "group" : "individual",
    providerName: "Anindya Puspitasari",
    sessionAt: "2026-03-01T10:00",
    durationMinutes: "45",
    summary: "Sesi berjalan baik, kooperatif",
    followUp: "Sesi lanjutan minggu depan",
    note: NOTE,
    stayIds: stayIds.map(String),
    ...overrides,
  });

const assessment = assessmentSchema.parse({
  assessedOn: "2026-01-15",
  problems: "Halusinasi dengar, tidak mengenali keluarga",
  strengths: "Mau mengikuti kegiatan",
  cluster: "moderate",
});
const plan = planSchema.parse({
  createdOn: "2026-01-20",
  "goals.0.goal": "Mandiri merawat diri",
  "goals.0.intervention": "Bimbingan ADL harian",
  "goals.0.targetDate": "2026-04-01",
  "goals.1.goal": "Keluarga ditemukan",
  "goals.1.intervention": "Penelusuran melalui Sudin",
  "goals.1.targetDate": "2026-05-01",
});

const stayRow = (id: number) => db.select().from(stays).where(eq(stays.id, id)).get()!;
const auditRows = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).all();

const base = "http://127.0.0.1";
const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} });
const get = (p: string, cookie: string) => new Request(base + p, { headers: { Cookie: cookie } });
const post = (p: string, cookie: string, fields: Record<string, string>) =>
  new Request(base + p, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });

/** A loader's or action's status and body, whether it returned or threw a Response. */

describe("rehabilitation stages", () => {
  it("moves forward one stage at a time, each step needing the previous stage's record", () => {
    const { admin, ref } = setup();
    const move = (from: string, to: string, reason?: string) => moveStage(admin.actor, ref, stageMoveSchema.parse({ from, to, reason }));

    move("pendekatan_awal", "asesmen");
    expect(() => move("asesmen", "rencana_intervensi")).toThrow(InvalidInput);
    recordAssessment(admin.actor, ref, assessment);
    move("asesmen", "rencana_intervensi");
    expect(() => move("rencana_intervensi", "intervensi")).toThrow(InvalidInput);
    const { planId } = recordPlan(admin.actor, ref, plan);
    // A draft plan is not yet the plan: it counts once a second person approved it.
    expect(() => move("rencana_intervensi", "intervensi")).toThrow(InvalidInput);
    approvePending("plan", planId);
    move("rencana_intervensi", "intervensi");
    try {
      move("intervensi", "resosialisasi");
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidInput).fieldErrors).toEqual({ to: ["caseFile.stage.needs.reviewOrSession"] });
    }
    recordPlanReview(admin.actor, ref, planReviewSchema.parse({ planId: String(planId), reviewedOn: "2026-02-10", notes: "Ada kemajuan" }));
    const result = move("intervensi", "resosialisasi");
    expect(result).toMatchObject({ stage: "resosialisasi", direction: "forward" });

    expect(stayRow(ref.stayId).currentStage).toBe("resosialisasi");
    const history = db.select().from(stageHistory).where(eq(stageHistory.stayId, ref.stayId)).all();
    expect(history.map((h) => h.stage)).toEqual(["asesmen", "rencana_intervensi", "intervensi", "resosialisasi"]);
    expect(history.every((h) => h.recordedBy === admin.id)).toBe(true);
    const audit = auditRows("stay.stage").filter((r) => r.entityId === String(ref.stayId));
    expect(audit).toHaveLength(4);
    expect(audit[0]).toMatchObject({ userId: admin.id, pantiId: ref.pantiId, before: { stage: "intervensi" } });
  });

  it("moves back with a reason, refuses skips, exit stages, stale forms and closed stays", () => {
    const { admin, psych, ref } = setup();
    moveStage(psych.actor, ref, stageMoveSchema.parse({ from: "pendekatan_awal", to: "asesmen" }));
    expect(() => moveStage(admin.actor, ref, { from: "asesmen", to: "pendekatan_awal", reason: "x" })).toThrow(InvalidInput);
    moveStage(admin.actor, ref, stageMoveSchema.parse({ from: "asesmen", to: "pendekatan_awal", reason: "Belum siap diasesmen" }));
    const last = db.select().from(stageHistory).where(eq(stageHistory.stayId, ref.stayId)).orderBy(desc(stageHistory.id)).get()!;
    expect(last).toMatchObject({ stage: "pendekatan_awal", reason: "Belum siap diasesmen" });

    recordAssessment(admin.actor, ref, assessment);
    expect(() => moveStage(admin.actor, ref, { from: "pendekatan_awal", to: "rencana_intervensi" })).toThrow(InvalidInput);
    expect(() => moveStage(admin.actor, ref, { from: "pendekatan_awal", to: "terminasi" })).toThrow(InvalidInput);
    // A form shown for another stage than the current one: someone moved it meanwhile.
    expect(() => moveStage(admin.actor, ref, { from: "asesmen", to: "rencana_intervensi" })).toThrow(Conflict);

    db.update(stays).set({ exitedAt: new Date("2026-03-01T00:00:00Z"), exitOutcome: "absconded" }).where(eq(stays.id, ref.stayId)).run();
    expect(() => moveStage(admin.actor, ref, { from: "pendekatan_awal", to: "asesmen" })).toThrow(Conflict);
  });

  it("keeps other panti out (not found) and read-only roles out (forbidden)", () => {
    const { ref } = setup();
    const stranger = createUser("panti_admin", createPanti().id);
    expect(() => moveStage(stranger.actor, ref, { from: "pendekatan_awal", to: "asesmen" })).toThrow(NotFound);
    // Their own panti id with this stay: not found either (the stay is looked up with the panti).
    expect(() => moveStage(stranger.actor, { pantiId: stranger.pantiId!, stayId: ref.stayId }, { from: "pendekatan_awal", to: "asesmen" })).toThrow(
      NotFound,
    );
    expect(() => moveStage(createUser("dinsos_viewer").actor, ref, { from: "pendekatan_awal", to: "asesmen" })).toThrow(PermissionDenied);
    expect(() => moveStage(createUser("instructor", ref.pantiId).actor, ref, { from: "pendekatan_awal", to: "asesmen" })).toThrow(PermissionDenied);
    expect(stayRow(ref.stayId).currentStage).toBe("pendekatan_awal");
  });

  it("shows a new stay in pendekatan_awal since its admission, and each stage's date", () => {
    const { admin, a, ref } = setup();
    let file = caseFile(admin.actor, ref.pantiId, ref.stayId)!;
    expect(file.stages.find((s) => s.current)).toMatchObject({ code: "pendekatan_awal", enteredAt: a.stay.admittedAt });
    moveStage(admin.actor, ref, { from: "pendekatan_awal", to: "asesmen" }, new Date("2026-01-12T02:00:00Z"));
    file = caseFile(admin.actor, ref.pantiId, ref.stayId)!;
    expect(file.stages.find((s) => s.current)).toMatchObject({ code: "asesmen", enteredAt: new Date("2026-01-12T02:00:00Z") });
    expect(file.stages.find((s) => s.code === "intervensi")).toMatchObject({ reached: false, enteredAt: null });
  });
});

describe("assessment and plan", () => {
  it("requires the cluster in a mental-health panti only", () => {
    const mental = setup("mental");
    const withoutCluster = { ...assessment, cluster: undefined };
    try {
      recordAssessment(mental.admin.actor, mental.ref, withoutCluster);
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidInput).fieldErrors).toEqual({ cluster: ["caseFile.assessment.error.cluster"] });
    }
    const intake = setup("intake");
    expect(recordAssessment(intake.admin.actor, intake.ref, withoutCluster).assessmentId).toBeGreaterThan(0);
    expect(() => recordAssessment(intake.admin.actor, intake.ref, { ...withoutCluster, assessedOn: "2099-01-01" })).toThrow(InvalidInput);
    expect(() => recordAssessment(intake.admin.actor, intake.ref, { ...withoutCluster, assessedOn: "2025-12-01" })).toThrow(InvalidInput);
    expect(auditRows("assessment.create")[0]).toMatchObject({ userId: intake.admin.id, pantiId: intake.p.id });
  });

  it("reviews a plan over time, updating its goals' statuses", () => {
    const { admin, ref, b } = setup();
    const { planId } = recordPlan(admin.actor, ref, plan);
    recordPlanReview(
      admin.actor,
      ref,
      planReviewSchema.parse({ planId: String(planId), reviewedOn: "2026-03-01", notes: "Tujuan pertama tercapai", "goals.0.status": "achieved" }),
    );
    const stored = db.select().from(interventionPlans).where(eq(interventionPlans.id, planId)).get()!;
    expect(stored.goals.map((g) => g.status)).toEqual(["achieved", "open"]);
    const file = caseFile(admin.actor, ref.pantiId, ref.stayId)!;
    expect(file.plans[0]!.reviews.map((r) => r.notes)).toEqual(["Tujuan pertama tercapai"]);
    // Another stay's route cannot review this stay's plan, nor a review precede its plan.
    expect(() =>
      recordPlanReview(admin.actor, { pantiId: ref.pantiId, stayId: b.stay.id }, { planId, reviewedOn: "2026-03-02", notes: "Salah berkas", goals: [] }),
    ).toThrow(NotFound);
    expect(() => recordPlanReview(admin.actor, ref, { planId, reviewedOn: "2026-01-01", notes: "Terlalu awal", goals: [] })).toThrow(InvalidInput);
  });
});

describe("psychosocial sessions", () => {
  it("records an individual session and a group session of residents of the same panti", () => {
    const { p, psych, a, b, beds } = setup();
    const one = recordSession(psych.actor, { pantiId: p.id, stayId: a.stay.id }, session([a.stay.id]));
    expect(one.participants).toBe(1);
    const group = recordSession(psych.actor, { pantiId: p.id }, session([a.stay.id, b.stay.id]));
    expect(group.participants).toBe(2);
    expect(db.select().from(sessionParticipants).where(eq(sessionParticipants.sessionId, group.sessionId)).all()).toHaveLength(2);

    // Someone of another panti cannot join a group here.
    const other = createPanti();
    const outsider = createResident(other.id, createRoom(other.id, 1).beds[0]!.id);
    expect(() => recordSession(psych.actor, { pantiId: p.id }, session([a.stay.id, outsider.stay.id]))).toThrow(InvalidInput);
    // A stay of another panti behind this panti's URL is not found.
    expect(() => recordSession(psych.actor, { pantiId: p.id, stayId: outsider.stay.id }, session([outsider.stay.id]))).toThrow(NotFound);
    // A resident who left cannot take part; a session cannot precede the admission.
    const left = createResident(p.id, beds[2]!.id);
    db.update(stays).set({ exitedAt: new Date("2026-02-01T00:00:00Z"), exitOutcome: "absconded" }).where(eq(stays.id, left.stay.id)).run();
    expect(() => recordSession(psych.actor, { pantiId: p.id }, session([a.stay.id, left.stay.id]))).toThrow(InvalidInput);
    expect(() => recordSession(psych.actor, { pantiId: p.id }, session([a.stay.id, b.stay.id], { sessionAt: "2026-01-01T10:00" }))).toThrow(
      InvalidInput,
    );
  });

  it("lets only psychosocial staff of the panti and Dinsos admins record sessions", () => {
    const { p, a, admin } = setup();
    expect(() => recordSession(admin.actor, { pantiId: p.id, stayId: a.stay.id }, session([a.stay.id]))).toThrow(PermissionDenied);
    const elsewhere = createUser("psychosocial", createPanti().id);
    expect(() => recordSession(elsewhere.actor, { pantiId: p.id, stayId: a.stay.id }, session([a.stay.id]))).toThrow(NotFound);
    expect(recordSession(createUser("dinsos_admin").actor, { pantiId: p.id, stayId: a.stay.id }, session([a.stay.id])).sessionId).toBeGreaterThan(0);
  });

  it("keeps the note out of the audit log: it records only that a note was written", () => {
    const { p, psych, a } = setup();
    const { sessionId } = recordSession(psych.actor, { pantiId: p.id, stayId: a.stay.id }, session([a.stay.id]));
    const row = auditRows("psychosocial.session_create").find((r) => r.entityId === String(sessionId))!;
    expect(row.after).toMatchObject({ withNote: true, stayIds: [a.stay.id] });
    expect(JSON.stringify(row)).not.toContain("rahasia");
  });
});

describe("confidential notes", () => {
  function withSession() {
    const ctx = setup();
    const { sessionId } = recordSession(ctx.psych.actor, { pantiId: ctx.p.id, stayId: ctx.a.stay.id }, session([ctx.a.stay.id]));
    return { ...ctx, sessionId };
  }
  const noteReads = (sessionId: number) =>
    db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "psychosocial.note_read"), eq(auditLog.entityId, String(sessionId))))
      .all();

  it("never puts the note in the case file, for anyone", () => {
    const { p, a, psych, admin } = withSession();
    for (const actor of [psych.actor, admin.actor, createUser("dinsos_admin").actor, createUser("dinsos_viewer").actor]) {
      const file = caseFile(actor, p.id, a.stay.id)!;
      expect(file.sessions).toHaveLength(1);
      expect(file.sessions[0]).toMatchObject({ summary: "Sesi berjalan baik, kooperatif", providerName: "Anindya Puspitasari" });
      expect(JSON.stringify(file)).not.toContain(NOTE);
    }
    const list = sessionsOfPanti(admin.actor, p.id, { page: 1 })!;
    expect(list.rows).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(NOTE);
  });

  it("gives the note to psychosocial staff of the panti and Dinsos admins, logging every read", () => {
    const { p, a, psych, sessionId } = withSession();
    const first = readSession(psych.actor, p.id, a.stay.id, sessionId)!;
    expect(first.confidential).toEqual({ note: NOTE });
    readSession(psych.actor, p.id, a.stay.id, sessionId);
    const dinsos = createUser("dinsos_admin");
    expect(readSession(dinsos.actor, p.id, a.stay.id, sessionId)!.confidential).toEqual({ note: NOTE });
    const reads = noteReads(sessionId);
    expect(reads).toHaveLength(3);
    expect(reads.map((r) => r.userId).sort()).toEqual([psych.id, psych.id, dinsos.id].sort());
    expect(reads[0]).toMatchObject({ entity: "psychosocial_session", pantiId: p.id });
    expect(reads.every((r) => r.at instanceof Date)).toBe(true);
  });

  it("shows everyone else that the session took place, without the note and without logging a read", () => {
    const { p, a, admin, sessionId } = withSession();
    for (const actor of [admin.actor, createUser("dinsos_viewer").actor]) {
      const seen = readSession(actor, p.id, a.stay.id, sessionId)!;
      expect(seen.session).toMatchObject({ id: sessionId, serviceCode: "konseling_individu", summary: "Sesi berjalan baik, kooperatif" });
      expect(seen.confidential).toBeNull();
      expect(JSON.stringify(seen)).not.toContain(NOTE);
    }
    expect(noteReads(sessionId)).toHaveLength(0);
    // Another panti's psychosocial staff: the session is not theirs to find.
    const elsewhere = createUser("psychosocial", createPanti().id);
    expect(readSession(elsewhere.actor, elsewhere.pantiId!, a.stay.id, sessionId)).toBeNull();
  });

  it("keeps the note out of everything the route loaders answer to a panti admin", async () => {
    const { p, a, admin, psych, sessionId } = withSession();
    const params = { pantiId: String(p.id), stayId: String(a.stay.id), sessionId: String(sessionId) };
    const adminCookie = await cookieFor(admin.username);
    const file = await call(() => caseFileLoader(args(get(`/panti/${p.id}/stays/${a.stay.id}`, adminCookie), params)));
    expect(file.status).toBe(200);
    expect(JSON.stringify(file.body)).not.toContain(NOTE);
    const seen = await call(() => sessionLoader(args(get(`/panti/${p.id}/stays/${a.stay.id}/sessions/${sessionId}`, adminCookie), params)));
    expect(seen.status).toBe(200);
    expect(JSON.stringify(seen.body)).toContain("Sesi berjalan baik");
    expect(JSON.stringify(seen.body)).not.toContain(NOTE);
    expect(noteReads(sessionId)).toHaveLength(0);

    const psychCookie = await cookieFor(psych.username);
    const read = await call(() => sessionLoader(args(get(`/panti/${p.id}/stays/${a.stay.id}/sessions/${sessionId}`, psychCookie), params)));
    expect(JSON.stringify(read.body)).toContain(NOTE);
    expect(noteReads(sessionId)).toHaveLength(1);
    // The psychologist's case file does not carry the note either: it opens per session.
    const own = await call(() => caseFileLoader(args(get(`/panti/${p.id}/stays/${a.stay.id}`, psychCookie), params)));
    expect(JSON.stringify(own.body)).not.toContain(NOTE);
  });

  it("records a session with its note through the form, and answers bad input with field errors", async () => {
    const { p, a, psych } = setup();
    const cookie = await cookieFor(psych.username);
    const url = `/panti/${p.id}/stays/${a.stay.id}/sessions/new`;
    const params = { pantiId: String(p.id), stayId: String(a.stay.id) };
    const bad = await call(() =>
      newSessionAction(args(post(url, cookie, { mode: "individual", stayIds: String(a.stay.id), serviceCode: "x", durationMinutes: "0" }), params)),
    );
    expect(bad.status).toBe(400);
    const errors = (bad.body as { errors: Record<string, string[]> }).errors;
    expect(Object.keys(errors).sort()).toEqual(["durationMinutes", "providerName", "serviceCode", "sessionAt", "summary"]);
    expect(errors.summary).toEqual(["Wajib diisi."]);

    const ok = await call(() =>
      newSessionAction(
        args(
          post(url, cookie, {
            mode: "individual",
            stayIds: String(a.stay.id),
            serviceCode: "konseling_trauma",
            providerName: "Anindya Puspitasari",
            sessionAt: "2026-03-02T09:30",
            durationMinutes: "50",
            summary: "Konseling trauma tahap awal",
            note: NOTE,
          }),
          params,
        ),
      ),
    );
    expect(ok).toMatchObject({ status: 302, location: `/panti/${p.id}/stays/${a.stay.id}?saved=session` });
    const stored = db.select().from(psychosocialSessions).where(eq(psychosocialSessions.pantiId, p.id)).get()!;
    expect(stored).toMatchObject({ note: NOTE, providerUserId: null, durationMinutes: 50, mode: "individual" });
  });
});

describe("family tracing", () => {
  it("records contacts and attempts, and shows a located family prominently", () => {
    const { admin, ref, b } = setup();
    const { contactId } = addFamilyContact(
      admin.actor,
      ref,
      familyContactSchema.parse({ name: "Sri Wahyuni", relation: "kakak", phone: "0812 3456 7890", address: "Jl. Melati 3, Bekasi" }),
    );
    recordTracingAttempt(admin.actor, ref, tracingAttemptSchema.parse({ attemptedAt: "2026-02-01T10:00", channel: "phone", result: "no_answer" }));
    expect(caseFile(admin.actor, ref.pantiId, ref.stayId)!.family.located).toBeNull();
    const located = recordTracingAttempt(
      admin.actor,
      ref,
      tracingAttemptSchema.parse({ attemptedAt: "2026-02-05T10:00", channel: "home_visit", result: "family_located", contactId: String(contactId) }),
    );
    expect(located.familyLocated).toBe(true);
    const file = caseFile(admin.actor, ref.pantiId, ref.stayId)!;
    expect(file.family.located).toMatchObject({ contactName: "Sri Wahyuni", result: "family_located" });
    expect(file.family.contacts.map((c) => c.name)).toEqual(["Sri Wahyuni"]);
    expect(residentsOfPanti(admin.actor, ref.pantiId, { status: "open", page: 1 })!.rows.find((r) => r.stayId === ref.stayId)!.familyLocated).toBe(true);

    // Another resident's contact cannot be used for this one.
    expect(() =>
      recordTracingAttempt(admin.actor, { pantiId: ref.pantiId, stayId: b.stay.id }, {
        attemptedAt: new Date("2026-02-05T03:00:00Z"),
        channel: "phone",
        result: "contact_found",
        contactId,
      }),
    ).toThrow(InvalidInput);
  });
});

describe("identity documents", () => {
  function unidentified() {
    const ctx = setup();
    db.update(persons).set({ name: null, unidentified: true, description: "Laki-laki ±40 tahun, bekas luka di dahi" }).where(eq(persons.id, ctx.a.person.id)).run();
    return ctx;
  }
  const step = (input: Record<string, string>) => identityStepSchema.parse(input);

  it("identifies an unidentified person when their NIK is issued, and a name is then required", () => {
    const { admin, ref, a } = unidentified();
    recordIdentityStep(admin.actor, ref, step({ document: "nik", status: "requested", stepOn: "2026-02-01" }));
    try {
      recordIdentityStep(admin.actor, ref, step({ document: "nik", status: "issued", stepOn: "2026-03-01", number: "3174011501800001" }));
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidInput).fieldErrors).toEqual({ name: ["caseFile.identity.error.nameRequired"] });
    }
    const result = recordIdentityStep(
      admin.actor,
      ref,
      step({ document: "nik", status: "issued", stepOn: "2026-03-01", number: "3174011501800001", name: "Slamet Riyadi" }),
    );
    expect(result.identified).toBe(true);
    expect(db.select().from(persons).where(eq(persons.id, a.person.id)).get()).toMatchObject({
      nik: "3174011501800001",
      name: "Slamet Riyadi",
      unidentified: false,
    });
    expect(auditRows("person.identify")[0]).toMatchObject({ entityId: String(a.person.id), after: { nik: "3174011501800001" } });
    const file = caseFile(admin.actor, ref.pantiId, ref.stayId)!;
    expect(file.person).toMatchObject({ displayName: "Slamet Riyadi", unidentified: false, nik: "3174011501800001" });
    expect(file.identity.status.nik).toMatchObject({ status: "issued" });
  });

  it("refuses a NIK that someone else holds, as a field error, changing nothing", () => {
    const { admin, ref, b, a } = unidentified();
    db.update(persons).set({ nik: "3174011501800002" }).where(eq(persons.id, b.person.id)).run();
    try {
      recordIdentityStep(
        admin.actor,
        ref,
        step({ document: "nik", status: "issued", stepOn: "2026-03-01", number: "3174011501800002", name: "Slamet Riyadi" }),
      );
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidInput).fieldErrors).toEqual({ number: ["caseFile.identity.error.nikTaken"] });
    }
    expect(db.select().from(persons).where(eq(persons.id, a.person.id)).get()).toMatchObject({ nik: null, unidentified: true });
    expect(db.select().from(identitySteps).where(eq(identitySteps.personId, a.person.id)).all()).toHaveLength(0);
  });

  it("derives the e-KTP and BPJS status from each document's latest step", () => {
    const { admin, ref } = setup();
    recordIdentityStep(admin.actor, ref, step({ document: "bpjs", status: "requested", stepOn: "2026-02-01" }));
    recordIdentityStep(admin.actor, ref, step({ document: "bpjs", status: "issued", stepOn: "2026-02-20", number: "0001234567890" }));
    recordIdentityStep(admin.actor, ref, step({ document: "ektp", status: "in_process", stepOn: "2026-02-10" }));
    const { identity } = caseFile(admin.actor, ref.pantiId, ref.stayId)!;
    expect(identity.status.bpjs).toMatchObject({ status: "issued", number: "0001234567890" });
    expect(identity.status.ektp).toMatchObject({ status: "in_process" });
    expect(identity.status.kk).toBeNull();
  });

  it("answers a taken NIK through the form with the message beside the number field", async () => {
    const { admin, p, a, b } = unidentified();
    db.update(persons).set({ nik: "3174011501800003" }).where(eq(persons.id, b.person.id)).run();
    const cookie = await cookieFor(admin.username);
    const url = `/panti/${p.id}/stays/${a.stay.id}/identity`;
    const res = await call(() =>
      identityAction(
        args(post(url, cookie, { document: "nik", status: "issued", stepOn: "2026-03-01", number: "3174011501800003", name: "Slamet" }), {
          pantiId: String(p.id),
          stayId: String(a.stay.id),
        }),
      ),
    );
    expect(res.status).toBe(400);
    expect((res.body as { errors: Record<string, string[]> }).errors.number![0]).toMatch(/sudah tercatat/);
  });
});

describe("the case file", () => {
  it("lists every stay of the person across panti, with re-entries, linking only to stays the user may read", () => {
    const { p, admin, a, ref } = setup();
    const other = createPanti({ type: "intake" });
    const earlier = db
      .insert(stays)
      .values({
        personId: a.person.id,
        pantiId: other.id,
        admittedAt: new Date("2025-06-01T03:00:00Z"),
        exitedAt: new Date("2025-07-01T03:00:00Z"),
        exitOutcome: "own_request",
      })
      .returning()
      .get();
    db.update(stays).set({ reentry: true, previousStayId: earlier.id }).where(eq(stays.id, ref.stayId)).run();
    const file = caseFile(admin.actor, p.id, ref.stayId)!;
    expect(file.stay.reentry).toBe(true);
    expect(file.stayHistory.map((h) => [h.pantiName, h.canOpen, h.reentry])).toEqual([
      [p.name, true, true],
      [other.name, false, false],
    ]);
    expect(caseFile(createUser("dinsos_viewer").actor, p.id, ref.stayId)!.stayHistory.every((h) => h.canOpen)).toBe(true);
    expect(file.bed).toMatchObject({ label: "R-01" });
    // Another panti's stay through this panti's URL is not found.
    expect(caseFile(admin.actor, p.id, earlier.id)).toBeNull();
  });

  it("lists training enrolments when there are any", () => {
    const { admin, p, a, ref } = setup();
    expect(caseFile(admin.actor, p.id, ref.stayId)!.enrolments).toEqual([]);
    db.insert(programmes).values({ code: "uji_komputer", nameId: "Komputer", nameEn: "Computer", kind: "vocational" }).onConflictDoNothing().run();
    const cls = db
      .insert(classes)
      .values({
        pantiId: p.id,
        programmeCode: "uji_komputer",
        name: "Angkatan I",
        startDate: "2026-02-01",
        endDate: "2026-04-30",
        capacity: 20,
        scheduleDays: [1, 3],
        startTime: "09:00",
        endTime: "12:00",
      })
      .returning()
      .get();
    db.insert(enrolments).values({ classId: cls.id, stayId: ref.stayId, personId: a.person.id, enrolledAt: new Date("2026-02-01T02:00:00Z") }).run();
    expect(caseFile(admin.actor, p.id, ref.stayId)!.enrolments).toMatchObject([{ className: "Angkatan I", programmeNameId: "Komputer", status: "active" }]);
  });

  it("derives terminasi or bimbingan_lanjut for a closed stay, and refuses further writes", () => {
    const { admin, ref } = setup();
    db.update(stays).set({ exitedAt: new Date("2026-03-01T03:00:00Z"), exitOutcome: "absconded" }).where(eq(stays.id, ref.stayId)).run();
    const file = caseFile(admin.actor, ref.pantiId, ref.stayId)!;
    expect(file.stay.stage).toBe("terminasi");
    expect(file.can).toMatchObject({ write: false, recordSession: false });
    expect(() => recordAssessment(admin.actor, ref, assessment)).toThrow(Conflict);
  });
});

describe("the residents list and the forms' routes", () => {
  it("searches the panti's residents by name and filters by stage and by status", async () => {
    const { p, admin, a, b } = setup();
    moveStage(admin.actor, { pantiId: p.id, stayId: b.stay.id }, { from: "pendekatan_awal", to: "asesmen" });
    const cookie = await cookieFor(admin.username);
    const list = async (qs: string) => {
      const res = await call(() => residentsLoader(args(get(`/panti/${p.id}/residents${qs}`, cookie), { pantiId: String(p.id) })));
      return (res.body as { rows: { stayId: number; stage: string }[] }).rows.map((r) => r.stayId);
    };
    expect((await list("")).sort()).toEqual([a.stay.id, b.stay.id].sort());
    expect(await list(`?q=${encodeURIComponent(a.person.name!)}`)).toEqual([a.stay.id]);
    expect(await list("?stage=asesmen")).toEqual([b.stay.id]);
    expect(await list("?status=exited")).toEqual([]);
    expect(await list("?q=%25")).toEqual([]);
  });

  it("answers a stage move back without a reason with a field error, and a valid move with a redirect", async () => {
    const { p, a, admin } = setup();
    const cookie = await cookieFor(admin.username);
    const params = { pantiId: String(p.id), stayId: String(a.stay.id) };
    const url = `/panti/${p.id}/stays/${a.stay.id}/stage`;
    const skip = await call(() => stageAction(args(post(url, cookie, { from: "pendekatan_awal", to: "intervensi" }), params)));
    expect(skip.status).toBe(400);
    expect((skip.body as { errors: Record<string, string[]> }).errors.to).toEqual(["Maju hanya satu tahap sekaligus."]);
    const ok = await call(() => stageAction(args(post(url, cookie, { from: "pendekatan_awal", to: "asesmen" }), params)));
    expect(ok).toMatchObject({ status: 302, location: `/panti/${p.id}/stays/${a.stay.id}?saved=stage` });
    const back = await call(() => stageAction(args(post(url, cookie, { from: "asesmen", to: "pendekatan_awal", reason: "" }), params)));
    expect(back.status).toBe(400);
    expect(Object.keys((back.body as { errors: Record<string, string[]> }).errors)).toEqual(["reason"]);
  });

  it("gives each bad plan goal field its error under the field's own name", async () => {
    const { p, a, admin } = setup();
    const cookie = await cookieFor(admin.username);
    const res = await call(() =>
      planAction(
        args(
          post(`/panti/${p.id}/stays/${a.stay.id}/plan`, cookie, {
            intent: "plan",
            createdOn: "2026-02-01",
            "goals.0.goal": "Bekerja",
            "goals.0.targetDate": "2026-01-01",
          }),
          { pantiId: String(p.id), stayId: String(a.stay.id) },
        ),
      ),
    );
    expect(res.status).toBe(400);
    const body = res.body as { errors: Record<string, string[]>; values: Record<string, string> };
    expect(Object.keys(body.errors).sort()).toEqual(["goals.0.intervention", "goals.0.targetDate"]);
    expect(body.values["goals.0.goal"]).toBe("Bekerja");
  });
});

describe("reference", () => {
  it("keeps the psychosocial services equal to the CSV the seed loads", () => {
    const file = path.resolve(__dirname, "../../db/reference/psychosocial-services.csv");
    const rows = parseCsvRecords(fs.readFileSync(file, "utf8"));
    expect(rows.map((r) => ({ code: r.code, nameId: r.name_id, nameEn: r.name_en }))).toEqual(PSYCHOSOCIAL_SERVICES.map((s) => ({ ...s })));
  });

  it("has no note column in any list query's SQL but the one that logs the read", () => {
    const source = fs.readFileSync(path.resolve(__dirname, "../../app/queries/case-file.server.ts"), "utf8");
    expect(source.match(/psychosocialSessions\.note\b/g)).toHaveLength(1);
  });
});
