/**
 * The access matrix for ids that arrive in a form body, not in the URL: a user scoped to one
 * panti posts, through the route actions, ids of another panti's person, bed, room, stay, class,
 * enrolment, module, plan, family contact, follow-up, batch, instructor, token or user. Each is
 * refused (400 or 404, or 403 for a role that may not act at all), no message names the other
 * panti, and nothing in the database changes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { attendanceStatuses, classes, followUps, panti, persons, placementBatches, programmeModules, programmes, stays } from "#db/schema";
import { loadReferenceData } from "#db/seed/reference";
import { seedProgrammeModules } from "#db/seed/programmes";
import { familyContactSchema, planSchema } from "~/domain/case-file";
import { classSchema } from "~/domain/programmes";
import { addFamilyContact, recordPlan } from "~/services/case-file.server";
import { createPlacement } from "~/services/placements.server";
import { createClass, enrolResidents } from "~/services/programmes.server";
import { recordSession } from "~/services/psychosocial.server";
import { createApiToken } from "~/services/api-tokens.server";
import { action as placementAction } from "~/routes/_app.placements.$placementId/route";
import { action as moveAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.move";
import { action as pantiAction } from "~/routes/_app.panti.$pantiId/route";
import { action as classAction } from "~/routes/_app.classes.$classId._index";
import { action as attendanceAction } from "~/routes/_app.classes.$classId.attendance";
import { action as enrolmentAction } from "~/routes/_app.classes.$classId.enrolments.$enrolmentId._index/route";
import { action as newClassAction } from "~/routes/_app.classes.new";
import { action as groupSessionAction } from "~/routes/_app.panti.$pantiId_.sessions.new";
import { loader as sessionLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.sessions.$sessionId";
import { action as familyAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.family";
import { action as planAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.plan";
import { action as followUpAction } from "~/routes/_app.follow-ups";
import { action as importAction } from "~/routes/_app.placements.import";
import { action as apiTokensAction } from "~/routes/_app.admin.api-tokens";
import { action as userAction } from "~/routes/_app.admin.users.$userId/route";
import { db } from "~/utils/db.server";
import { cookieFor, createPanti, createResident, createRoom, createUser, ensureReference, referralInput, individualSessionInput } from "../factories";
import { postForm as post } from "../routes";

const base = "http://127.0.0.1";

/** Status and JSON text of what an action answered (a thrown Response counts as the answer). */
async function answer(fn: () => Promise<unknown>): Promise<{ status: number; text: string }> {
  try {
    const result = await fn();
    if (result instanceof Response) return { status: result.status, text: await result.text() };
    const r = result as { type?: string; data?: unknown; init?: { status?: number } };
    if (r?.type === "DataWithResponseInit") return { status: r.init?.status ?? 200, text: JSON.stringify(r.data) };
    return { status: 200, text: JSON.stringify(result) };
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    return { status: thrown.status, text: await thrown.text() };
  }
}

/** Every row of every data table (not the audit log, sign-in failures or sessions), as one string. */
function fingerprint(): string {
  const tables = db.all<{ name: string }>(
    sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not in ('audit_log', 'login_failures', 'sessions') order by name`,
  );
  return tables.map(({ name }) => `${name}:${JSON.stringify(db.all(sql.raw(`select * from "${name}" order by rowid`)))}`).join("\n");
}

interface World {
  mine: { id: number; name: string };
  theirs: { id: number; name: string };
  cookies: { admin: string; psych: string; instructor: string };
  placementId: number;
  candidateElsewhereId: number;
  strangerPersonId: number;
  myStayId: number;
  myBedFree: number;
  myRoomId: number;
  theirBedFree: number;
  theirRoomId: number;
  theirStayId: number;
  theirSecondStayId: number;
  theirPlanId: number;
  theirContactId: number;
  theirFollowUpId: number;
  theirSessionId: number;
  myClassId: number;
  theirEnrolmentId: number;
  myEnrolmentId: number;
  otherModuleId: number;
  theirInstructorId: number;
  myInstructorId: number;
  batchId: number;
  tokenId: number;
  someUserId: number;
  inactivePantiId: number;
}
let w: World;

beforeAll(async () => {
  ensureReference();
  const ref = loadReferenceData();
  db.insert(programmes).values(ref.programmes).onConflictDoNothing().run();
  db.insert(attendanceStatuses).values(ref.attendanceStatuses).onConflictDoNothing().run();
  seedProgrammeModules(db);

  const mine = createPanti({ type: "intake" });
  const theirs = createPanti({ type: "intake", name: "Panti Rahasia Seberang" });
  const inactive = createPanti({ active: false });
  const { room: myRoom, beds: myBeds } = createRoom(mine.id, 4);
  const { room: theirRoom, beds: theirBeds } = createRoom(theirs.id, 4);

  const dinsos = createUser("dinsos_admin");
  const admin = createUser("panti_admin", mine.id);
  const psych = createUser("psychosocial", mine.id);
  const myInstructor = createUser("instructor", mine.id);
  const theirAdmin = createUser("panti_admin", theirs.id);
  const theirPsych = createUser("psychosocial", theirs.id);
  const theirInstructor = createUser("instructor", theirs.id);
  const outreach = createUser("outreach", null, "sudin_jakbar");

  // Residents: one here, two there (one of them named like the referral: a candidate staying elsewhere).
  const { stay: myStay } = createResident(mine.id, myBeds[0]!.id);
  const { person: stranger, stay: theirStay } = createResident(theirs.id, theirBeds[0]!.id);
  const { person: namesake, stay: theirSecondStay } = createResident(theirs.id, theirBeds[1]!.id);
  db.update(persons).set({ name: "Bambang Sutrisno" }).where(eq(persons.id, stranger.id)).run();
  db.update(persons).set({ name: "Yoga Saputra" }).where(eq(persons.id, namesake.id)).run();
  const placement = createPlacement(outreach.actor, referralInput(mine.id, { personName: "Yoga Saputra", estimatedAge: undefined }));

  const { planId } = recordPlan(theirAdmin.actor, { pantiId: theirs.id, stayId: theirStay.id }, planSchema.parse({
    createdOn: "2026-02-01",
    "goals.0.goal": "Kembali ke keluarga",
    "goals.0.intervention": "Penelusuran keluarga",
    "goals.0.targetDate": "2026-06-01",
  }));
  const { contactId } = addFamilyContact(theirAdmin.actor, { pantiId: theirs.id, stayId: theirStay.id }, familyContactSchema.parse({ name: "Sri Wahyuni", relation: "kakak" }));
  const { sessionId } = recordSession(theirPsych.actor, { pantiId: theirs.id, stayId: theirStay.id }, individualSessionInput(theirStay.id, "Catatan rahasia panti seberang"));
  const followUp = db
    .insert(followUps)
    .values({ stayId: theirStay.id, pantiId: theirs.id, dueDate: "2026-05-01", sequence: 1 })
    .returning()
    .get();

  const classOf = (pantiId: number, instructorId: number, actor = dinsos.actor) =>
    createClass(actor, classSchema.parse({
      pantiId: String(pantiId),
      programmeCode: "komputer",
      name: `Komputer ${pantiId}-${instructorId}`,
      instructorIds: String(instructorId),
      scheduleDays: ["1", "2", "3", "4", "5", "6", "7"],
      startTime: "08:00",
      endTime: "11:00",
      startDate: "2026-01-05",
      endDate: "2027-12-31",
      capacity: "10",
    }), new Date("2026-01-05T01:00:00Z"));
  const myClass = classOf(mine.id, myInstructor.id);
  const theirClass = classOf(theirs.id, theirInstructor.id);
  const [myEnrolmentId] = enrolResidents(dinsos.actor, myClass.id, [myStay.id], new Date("2026-01-06T01:00:00Z")).enrolmentIds;
  const [theirEnrolmentId] = enrolResidents(dinsos.actor, theirClass.id, [theirStay.id], new Date("2026-01-06T01:00:00Z")).enrolmentIds;
  const otherModule = db
    .select({ id: programmeModules.id })
    .from(programmeModules)
    .where(sql`${programmeModules.programmeCode} <> 'komputer'`)
    .get()!;

  const batch = db
    .insert(placementBatches)
    .values({ uploadedBy: dinsos.id, outreachUnit: "sudin_jakbar", fileName: "rujukan.csv", format: "csv", rowCount: 0, validCount: 0, rows: [], errors: [] })
    .returning()
    .get();
  const { token } = createApiToken(dinsos.actor, { outreachUnit: "sudin_jakbar", name: "Aplikasi Sudin" });

  w = {
    mine: { id: mine.id, name: mine.name },
    theirs: { id: theirs.id, name: theirs.name },
    cookies: { admin: await cookieFor(admin.username), psych: await cookieFor(psych.username), instructor: await cookieFor(myInstructor.username) },
    placementId: placement.id,
    candidateElsewhereId: namesake.id,
    strangerPersonId: stranger.id,
    myStayId: myStay.id,
    myBedFree: myBeds[1]!.id,
    myRoomId: myRoom.id,
    theirBedFree: theirBeds[2]!.id,
    theirRoomId: theirRoom.id,
    theirStayId: theirStay.id,
    theirSecondStayId: theirSecondStay.id,
    theirPlanId: planId,
    theirContactId: contactId,
    theirFollowUpId: followUp.id,
    theirSessionId: sessionId,
    myClassId: myClass.id,
    theirEnrolmentId: theirEnrolmentId!,
    myEnrolmentId: myEnrolmentId!,
    otherModuleId: otherModule.id,
    theirInstructorId: theirInstructor.id,
    myInstructorId: myInstructor.id,
    batchId: batch.id,
    tokenId: token.id,
    someUserId: theirAdmin.id,
    inactivePantiId: inactive.id,
  };
});

interface Tamper {
  field: string;
  run: () => Promise<unknown>;
  expected: number;
}

const pantiPath = () => `/panti/${w.mine.id}`;
const stayPath = (rest: string) => `/panti/${w.mine.id}/stays/${w.myStayId}${rest}`;
const stayParams = () => ({ pantiId: String(w.mine.id), stayId: String(w.myStayId) });
const ctx = {};

const TAMPERS: Tamper[] = [
  {
    field: "accept: person (someone who is no candidate for this referral)",
    run: () => placementAction({ request: post(`/placements/${w.placementId}`, w.cookies.admin, { intent: "accept", bed: String(w.myBedFree), person: String(w.strangerPersonId) }), params: { placementId: String(w.placementId) }, context: ctx }),
    expected: 400,
  },
  {
    field: "accept: bed (another panti's)",
    run: () => placementAction({ request: post(`/placements/${w.placementId}`, w.cookies.admin, { intent: "accept", bed: String(w.theirBedFree), person: "new" }), params: { placementId: String(w.placementId) }, context: ctx }),
    expected: 400,
  },
  {
    field: "redirect: target panti (inactive)",
    run: () => placementAction({ request: post(`/placements/${w.placementId}`, w.cookies.admin, { intent: "redirect", toPantiId: String(w.inactivePantiId), reason: "Lebih cocok di sana" }), params: { placementId: String(w.placementId) }, context: ctx }),
    expected: 400,
  },
  {
    field: "move: bed (another panti's)",
    run: () => moveAction({ request: post(stayPath("/move"), w.cookies.admin, { intent: "move", bed: String(w.theirBedFree) }), params: stayParams(), context: ctx }),
    expected: 400,
  },
  {
    field: "transfer: target panti (inactive)",
    run: () => moveAction({ request: post(stayPath("/move"), w.cookies.admin, { intent: "transfer", toPantiId: String(w.inactivePantiId), reason: "Pindah panti" }), params: stayParams(), context: ctx }),
    expected: 400,
  },
  {
    field: "bed status: bed (another panti's)",
    run: () => pantiAction({ request: post(pantiPath(), w.cookies.admin, { intent: "bed-status", bedId: String(w.theirBedFree), status: "out_of_service", expectedStatus: "available", reason: "Kasur rusak" }), params: { pantiId: String(w.mine.id) }, context: ctx }),
    expected: 404,
  },
  {
    field: "add beds: room (another panti's)",
    run: () => pantiAction({ request: post(pantiPath(), w.cookies.admin, { intent: "add-beds", roomId: String(w.theirRoomId), bedCount: "2" }), params: { pantiId: String(w.mine.id) }, context: ctx }),
    expected: 400,
  },
  {
    field: "enrol: stay (another panti's resident)",
    run: () => classAction({ request: post(`/classes/${w.myClassId}`, w.cookies.admin, { stayIds: String(w.theirSecondStayId) }), params: { classId: String(w.myClassId) }, context: ctx }),
    expected: 400,
  },
  {
    field: "attendance: enrolment (another class's)",
    run: () => attendanceAction({ request: post(`/classes/${w.myClassId}/attendance`, w.cookies.instructor, { date: "2026-03-02", [`mark.${w.theirEnrolmentId}`]: "hadir" }), params: { classId: String(w.myClassId) }, context: ctx }),
    expected: 400,
  },
  {
    field: "progress: module (another programme's)",
    run: () => enrolmentAction({ request: post(`/classes/${w.myClassId}/enrolments/${w.myEnrolmentId}`, w.cookies.instructor, { intent: "progress", moduleId: String(w.otherModuleId), status: "in_progress", assessedOn: "2026-03-02" }), params: { classId: String(w.myClassId), enrolmentId: String(w.myEnrolmentId) }, context: ctx }),
    expected: 400,
  },
  {
    field: "withdraw: enrolment (another panti's class, under this class)",
    run: () => enrolmentAction({ request: post(`/classes/${w.myClassId}/enrolments/${w.theirEnrolmentId}`, w.cookies.admin, { intent: "withdraw", reason: "Pindah kelas" }), params: { classId: String(w.myClassId), enrolmentId: String(w.theirEnrolmentId) }, context: ctx }),
    expected: 404,
  },
  {
    field: "new class: instructor (another panti's)",
    run: () => newClassAction({ request: post("/classes/new", w.cookies.admin, { programmeCode: "komputer", name: "Kelas Komputer Sore", instructorIds: String(w.theirInstructorId), scheduleDays: "1", startTime: "13:00", endTime: "15:00", startDate: "2026-04-01", endDate: "2026-06-30", capacity: "10" }), params: {}, context: ctx }),
    expected: 400,
  },
  {
    field: "group session: stays (another panti's residents)",
    run: () => groupSessionAction({ request: post(`${pantiPath()}/sessions/new`, w.cookies.psych, { mode: "group", stayIds: [String(w.myStayId), String(w.theirStayId)], serviceCode: "bimbingan_sosial", providerName: "Petugas Uji", sessionAt: "2026-03-05T10:00", durationMinutes: "30", summary: "Bimbingan kelompok" }), params: { pantiId: String(w.mine.id) }, context: ctx }),
    expected: 400,
  },
  {
    field: "tracing attempt: family contact (another person's)",
    run: () => familyAction({ request: post(stayPath("/family"), w.cookies.admin, { intent: "attempt", attemptedAt: "2026-03-02T10:00", channel: "phone", result: "family_located", contactId: String(w.theirContactId) }), params: stayParams(), context: ctx }),
    expected: 400,
  },
  {
    field: "plan review: plan (another stay's)",
    run: () => planAction({ request: post(stayPath("/plan"), w.cookies.admin, { intent: "review", planId: String(w.theirPlanId), reviewedOn: "2026-03-02", notes: "Ada kemajuan" }), params: stayParams(), context: ctx }),
    expected: 404,
  },
  {
    field: "follow-up: follow-up (another panti's)",
    run: () => followUpAction({ request: post("/follow-ups", w.cookies.admin, { intent: "follow-up", followUpId: String(w.theirFollowUpId), contactedAt: "2026-05-02T10:00", channel: "phone", result: "stable" }), params: {}, context: ctx }),
    expected: 404,
  },
  {
    field: "batch import: batch (another user's)",
    run: () => importAction({ request: post("/placements/import", w.cookies.admin, { intent: "discard", batchId: String(w.batchId) }), params: {}, context: ctx }),
    expected: 403,
  },
  {
    field: "API token revoke: token (by a panti admin)",
    run: () => apiTokensAction({ request: post("/admin/api-tokens", w.cookies.admin, { intent: "revoke", tokenId: String(w.tokenId) }), params: {}, context: ctx }),
    expected: 403,
  },
  {
    field: "user admin: user (by a panti admin)",
    run: () => userAction({ request: post(`/admin/users/${w.someUserId}`, w.cookies.admin, { intent: "deactivate" }), params: { userId: String(w.someUserId) }, context: ctx }),
    expected: 403,
  },
  {
    field: "session note: session (another panti's, under this panti's stay)",
    run: () => sessionLoader({ request: new Request(base + stayPath(`/sessions/${w.theirSessionId}`), { headers: { Cookie: w.cookies.psych } }), params: { ...stayParams(), sessionId: String(w.theirSessionId) }, context: ctx }),
    expected: 404,
  },
];

describe("access matrix: ids in the body are checked against the actor's scope", () => {
  it.each(TAMPERS)("$field → $expected, nothing changes, no other panti named", async ({ run, expected }) => {
    const before = fingerprint();
    const { status, text } = await answer(run);
    expect(status).toBe(expected);
    expect(text).not.toContain(w.theirs.name);
    expect(text).not.toContain("Catatan rahasia");
    expect(fingerprint()).toBe(before);
  });

  it("links a candidate who stays elsewhere with a 409 that does not name their panti", async () => {
    const before = fingerprint();
    const { status, text } = await answer(() =>
      placementAction({ request: post(`/placements/${w.placementId}`, w.cookies.admin, { intent: "accept", bed: String(w.myBedFree), person: String(w.candidateElsewhereId) }), params: { placementId: String(w.placementId) }, context: ctx }),
    );
    expect(status).toBe(409);
    expect(text).toContain("panti lain");
    expect(text).not.toContain(w.theirs.name);
    expect(fingerprint()).toBe(before);
  });

  it("creates a panti admin's class at their own panti, whatever panti the body names", async () => {
    const { status } = await answer(() =>
      newClassAction({ request: post("/classes/new", w.cookies.admin, { pantiId: String(w.theirs.id), programmeCode: "komputer", name: "Kelas Komputer Malam", instructorIds: String(w.myInstructorId), scheduleDays: "2", startTime: "18:00", endTime: "20:00", startDate: "2026-04-01", endDate: "2026-06-30", capacity: "10" }), params: {}, context: ctx }),
    );
    expect(status).toBe(302);
    const created = db.select({ pantiId: classes.pantiId }).from(classes).where(eq(classes.name, "Kelas Komputer Malam")).get();
    expect(created?.pantiId).toBe(w.mine.id);
  });

  it("still admits with the untampered form: a new person on a bed of this panti", async () => {
    const { status } = await answer(() =>
      placementAction({ request: post(`/placements/${w.placementId}`, w.cookies.admin, { intent: "accept", bed: String(w.myBedFree), person: "new" }), params: { placementId: String(w.placementId) }, context: ctx }),
    );
    expect(status).toBe(200);
    const admitted = db.select().from(stays).where(eq(stays.placementId, w.placementId)).get();
    expect(admitted?.pantiId).toBe(w.mine.id);
    expect(db.select().from(panti).where(eq(panti.id, w.theirs.id)).get()?.name).toBe(w.theirs.name);
  });
});
