/**
 * Consent where data leaves the panti, and masking where another panti could see a restricted
 * person: a tracing request needs the person's consent to share with the home province; a
 * download that names people states its purpose, and for a recipient outside only the persons
 * who consented to it are in the file (every such download audited); an old class of a panti a
 * restricted trainee has left shows them masked to its instructor and admin.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { auditLog, consents, followUps, partnerProvinces, persons, stays, tracingRequests } from "#db/schema";
import { Conflict } from "~/domain/errors";
import { RESTRICTED_NAME, consentSchema } from "~/domain/safeguarding";
import { tracingFormData } from "~/queries/handoffs.server";
import { attendanceSheet, classPage, enrolmentPage, trainingHistory } from "~/queries/programmes.server";
import { returnsPeople } from "~/queries/measures.server";
import { personCandidates } from "~/queries/placements.server";
import { createClass, enrolResidents } from "~/services/programmes.server";
import { recordConsent } from "~/services/safeguarding.server";
import { requestTracing } from "~/services/tracing.server";
import { loader as exportLoader } from "~/routes/export.$dataset.$format";
import { action as tracingAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.tracing-request";
import { db } from "~/utils/db.server";
import { parseCsv } from "~/utils/csv";
import { cookieFor, createPanti, createResident, createUser } from "../factories";
import { ensurePartnerRegistry } from "../factories/handoffs";
import { classInput, ensureProgrammeReference } from "../factories/programmes";
import { BASE, callRoute, getRequest, routeArgs } from "../routes";

const NAME = "Sulastri Wahyuningsih";
const NIK = "3173014404990007";
const BIRTH = "1999-04-04";
const leaks = (body: unknown) => {
  const text = JSON.stringify(body);
  return [NAME, "Sulastri", NIK, BIRTH].filter((s) => text.includes(s));
};

function restrict(personId: number) {
  db.update(persons).set({ restricted: true, restrictionCategory: "trafficking", restrictionReason: "Korban TPPO", restrictedAt: new Date() }).where(eq(persons.id, personId)).run();
}

// ---------------------------------------------------------------------------------------------
// Tracing requests
// ---------------------------------------------------------------------------------------------

describe("a tracing request", () => {
  beforeAll(() => {
    ensurePartnerRegistry();
    // Tracing requests go to a partner that runs an instance (this one answers nothing: the packet waits).
    db.update(partnerProvinces).set({ baseUrl: "http://127.0.0.1:9" }).where(eq(partnerProvinces.code, "32")).run();
  });
  const input = { partnerCode: "32", description: "Perempuan, sekitar 60 tahun, menyebut pasar dan masjid besar", places: "Garut" };

  it("is refused without a consent to share with the home province, which the form shows up front", () => {
    const home = createPanti();
    const { stay } = createResident(home.id, null);
    const admin = createUser("panti_admin", home.id);
    expect(tracingFormData(admin.actor, home.id, stay.id)?.consent).toEqual({ purpose: "home_province", state: "none", allowed: false, expiresOn: null });
    expect(() => requestTracing(admin.actor, { pantiId: home.id, stayId: stay.id }, input)).toThrow(new Conflict("tracing.error.noConsent"));
    expect(db.select().from(tracingRequests).where(eq(tracingRequests.stayId, stay.id)).all()).toHaveLength(0);
  });

  it("goes with a consent decided on the person's behalf, and stops once it is withdrawn", () => {
    const home = createPanti();
    const { stay } = createResident(home.id, null);
    const admin = createUser("panti_admin", home.id);
    const ref = { pantiId: home.id, stayId: stay.id };
    const onBehalf = consentSchema.parse({ purpose: "home_province", decision: "given", decidedOn: "2026-11-01", expiresOn: "2027-11-01", onBehalf: "on", decidedBy: "Kepala panti", onBehalfReason: "Disabilitas mental berat: tidak dapat memutuskan" });
    recordConsent(admin.actor, ref, onBehalf, new Date("2026-11-01T03:00:00Z"));
    expect(tracingFormData(admin.actor, home.id, stay.id)?.consent).toMatchObject({ state: "given", allowed: true, expiresOn: "2027-11-01" });
    const { requestId } = requestTracing(admin.actor, ref, input, new Date("2026-11-02T03:00:00Z"));
    const audit = db.select().from(auditLog).where(and(eq(auditLog.action, "tracing.request"), eq(auditLog.entityId, String(requestId)))).get();
    expect(audit?.after).toMatchObject({ consent: "home_province" });

    recordConsent(admin.actor, ref, consentSchema.parse({ purpose: "home_province", decision: "withdrawn", decidedOn: "2026-11-20" }), new Date("2026-11-20T03:00:00Z"));
    expect(() => requestTracing(admin.actor, ref, input, new Date("2026-11-21T03:00:00Z"))).toThrow(Conflict);
  });

  it("answers the form with the reason in the user's language, the values kept", async () => {
    const home = createPanti();
    const { stay } = createResident(home.id, null);
    const cookie = await cookieFor(createUser("panti_admin", home.id).username);
    const body = new FormData();
    body.set("partnerCode", "32");
    body.set("description", input.description);
    const request = new Request(`${BASE}/panti/${home.id}/stays/${stay.id}/tracing-request`, { method: "POST", headers: { Cookie: cookie }, body });
    const answer = await callRoute(() => tracingAction(routeArgs(request, { pantiId: String(home.id), stayId: String(stay.id) })));
    expect(answer.status).toBe(409);
    const failed = answer.body as { formError: string; values: Record<string, string> };
    expect(failed.formError).toContain("persetujuan berbagi data dengan provinsi asal");
    expect(failed.values.description).toBe(input.description);
  });
});

// ---------------------------------------------------------------------------------------------
// Downloads that name people
// ---------------------------------------------------------------------------------------------

describe("a download that names people", () => {
  let w: { pantiId: number; cookie: string; userId: number; names: { consented: string; refused: string; restricted: string } };

  beforeAll(async () => {
    const p = createPanti();
    const exited = (name: string) => {
      const { person, stay } = createResident(p.id, null, new Date("2025-06-01T03:00:00Z"));
      db.update(persons).set({ name }).where(eq(persons.id, person.id)).run();
      db.update(stays).set({ exitedAt: new Date("2025-09-01T03:00:00Z"), exitOutcome: "returned_family" }).where(eq(stays.id, stay.id)).run();
      db.insert(followUps).values({ stayId: stay.id, pantiId: p.id, sequence: 1, dueDate: "2025-10-01" }).run();
      return person.id;
    };
    const consented = exited("Ahmad Fauzi");
    const refused = exited("Budi Santoso");
    const restricted = exited(NAME);
    for (const personId of [consented, restricted]) db.insert(consents).values({ personId, pantiId: p.id, purpose: "hospital", decision: "given", decidedOn: "2025-08-01" }).run();
    db.insert(consents).values({ personId: refused, pantiId: p.id, purpose: "hospital", decision: "refused", decidedOn: "2025-08-01" }).run();
    restrict(restricted);
    const admin = createUser("panti_admin", p.id);
    w = { pantiId: p.id, cookie: await cookieFor(admin.username), userId: admin.id, names: { consented: "Ahmad Fauzi", refused: "Budi Santoso", restricted: NAME } };
  });

  const download = (query: string) => callRoute(() => exportLoader(routeArgs(getRequest(`/export/follow-ups/csv${query}`, w.cookie), { dataset: "follow-ups", format: "csv" })));
  const csvOf = async (answer: Awaited<ReturnType<typeof download>>) => parseCsv((await answer.response!.text()).replace(/^\uFEFF/, "")).filter((r) => r.some((c) => c !== ""));
  const lastAudit = () => db.select().from(auditLog).where(and(eq(auditLog.action, "export.named"), eq(auditLog.userId, w.userId))).orderBy(desc(auditLog.id)).get();

  it("must state its purpose", async () => {
    const answer = await download("");
    expect(answer.status).toBe(400);
    expect(await answer.response!.text()).toContain("harus menyebut tujuannya");
    // Anonymised research takes the reports without names, never a list of people.
    expect((await download("?for=research")).status).toBe(400);
  });

  it("for internal work holds everyone in the list, and is audited with its purpose and row count", async () => {
    const answer = await download("?for=internal");
    expect(answer.status).toBe(200);
    const names = (await csvOf(answer)).slice(1).map((r) => r[1]);
    expect(names.sort()).toEqual([w.names.consented, w.names.refused, w.names.restricted].sort());
    expect(lastAudit()).toMatchObject({ entity: "export", entityId: "follow-ups", pantiId: w.pantiId, after: { purpose: "internal", format: "csv", rows: 3 } });
  });

  it("for a hospital leaves out who did not consent to it and the restricted record, and says how many", async () => {
    const answer = await download("?for=hospital");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Disposition")).toContain("bimbingan-lanjut-hospital-");
    const rows = (await csvOf(answer)).slice(1);
    expect(rows[0]![1]).toBe(w.names.consented);
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toContain("2 orang tidak disertakan");
    expect(JSON.stringify(rows)).not.toContain(w.names.refused);
    expect(leaks(rows)).toEqual([]);
    expect(lastAudit()).toMatchObject({ after: { purpose: "hospital", rows: 1, leftOut: { no_consent: 1, restricted: 1, unlinked: 0 } } });
  });

  it("for a recipient nobody consented to is refused with the reason", async () => {
    const before = lastAudit()?.id;
    const answer = await download("?for=family");
    expect(answer.status).toBe(409);
    expect(await answer.response!.text()).toContain("Tidak ada orang dalam daftar ini yang persetujuannya untuk Keluarga berlaku");
    expect(lastAudit()?.id).toBe(before);
  });
});

describe("a download for internal work", () => {
  it("never names a restricted person to a panti they have left", async () => {
    const left = createPanti();
    const now = createPanti();
    const { person, stay } = createResident(left.id, null, new Date("2025-06-01T03:00:00Z"));
    db.update(persons).set({ name: "Wulandari Restricted", nik: "3173014404990055" }).where(eq(persons.id, person.id)).run();
    db.update(stays).set({ exitedAt: new Date("2025-09-01T03:00:00Z"), exitOutcome: "transferred_panti" }).where(eq(stays.id, stay.id)).run();
    db.insert(followUps).values({ stayId: stay.id, pantiId: left.id, sequence: 1, dueDate: "2025-10-01" }).run();
    db.insert(stays).values({ personId: person.id, pantiId: now.id, admittedAt: new Date("2025-09-01T05:00:00Z") }).run();
    restrict(person.id);
    const cookie = await cookieFor(createUser("panti_admin", left.id).username);
    const answer = await callRoute(() => exportLoader(routeArgs(getRequest("/export/follow-ups/csv?for=internal", cookie), { dataset: "follow-ups", format: "csv" })));
    expect(answer.status).toBe(200);
    const text = await answer.response!.text();
    expect(text).toContain(RESTRICTED_NAME);
    expect(text).not.toContain("Wulandari");
    expect(text).not.toContain("3173014404990055");
  });
});

// ---------------------------------------------------------------------------------------------
// Masking in class lists and the measures' lists of people
// ---------------------------------------------------------------------------------------------

describe("a restricted trainee who has left the panti of the class", () => {
  const NOW = new Date("2026-03-09T03:00:00Z");
  let w: {
    a: number;
    classId: number;
    enrolmentId: number;
    personId: number;
    instructorA: ReturnType<typeof createUser>;
    adminA: ReturnType<typeof createUser>;
    instructorB: ReturnType<typeof createUser>;
  };

  beforeAll(() => {
    ensureProgrammeReference();
    const a = createPanti({ type: "youth" });
    const b = createPanti({ type: "youth" });
    const adminA = createUser("panti_admin", a.id);
    const instructorA = createUser("instructor", a.id);
    const { person, stay } = createResident(a.id, null, new Date("2026-02-01T03:00:00Z"));
    const other = createResident(a.id, null, new Date("2026-02-01T03:00:00Z"));
    db.update(persons).set({ name: NAME, nik: NIK, birthDate: BIRTH, birthYear: 1999, sex: "female" }).where(eq(persons.id, person.id)).run();
    const cls = createClass(adminA.actor, classInput([instructorA.id]), NOW);
    const { enrolmentIds } = enrolResidents(adminA.actor, cls.id, [stay.id, other.stay.id], new Date("2026-03-02T03:00:00Z"));
    restrict(person.id);
    w = { a: a.id, classId: cls.id, enrolmentId: enrolmentIds[0]!, personId: person.id, instructorA, adminA, instructorB: createUser("instructor", b.id) };
    // Named to the instructor while the trainee stays in the class's panti.
    expect(classPage(instructorA.actor, cls.id, NOW)?.residents.map((r) => r.name)).toContain(NAME);
    // Then they move to panti B (a transfer: the stay in A ends, one in B begins).
    db.update(stays).set({ exitedAt: new Date("2026-03-05T03:00:00Z"), exitOutcome: "transferred_panti" }).where(eq(stays.id, stay.id)).run();
    db.insert(stays).values({ personId: person.id, pantiId: b.id, admittedAt: new Date("2026-03-05T05:00:00Z") }).run();
  });

  it("is masked to the class's instructor and admin: class page, attendance sheet, enrolment page, certificate data, training history", () => {
    for (const viewer of [w.instructorA, w.adminA]) {
      const page = classPage(viewer.actor, w.classId, NOW)!;
      expect(page.residents.map((r) => r.name)).toContain(RESTRICTED_NAME);
      const sheet = attendanceSheet(viewer.actor, w.classId, "2026-03-04", NOW);
      if (sheet) expect(sheet.rows.map((r) => r.name)).toContain(RESTRICTED_NAME);
      const enrolment = enrolmentPage(viewer.actor, w.classId, w.enrolmentId, NOW)!;
      expect(enrolment.person).toMatchObject({ name: RESTRICTED_NAME, birthDate: null, birthYear: null, masked: true });
      expect(leaks([page, sheet, enrolment])).toEqual([]);
    }
    expect(trainingHistory(w.adminA.actor, w.personId, NOW)?.person).toMatchObject({ name: RESTRICTED_NAME, masked: true });
  });

  it("is named to Dinsos, and an instructor of another panti sees nothing of the class", () => {
    const dinsos = createUser("dinsos_admin").actor;
    expect(classPage(dinsos, w.classId, NOW)?.residents.map((r) => r.name)).toContain(NAME);
    expect(enrolmentPage(dinsos, w.classId, w.enrolmentId, NOW)?.person).toMatchObject({ name: NAME, birthDate: BIRTH, masked: false });
    expect(classPage(w.instructorB.actor, w.classId, NOW)).toBeNull();
  });

  it("is masked in the returns list of the panti they left", () => {
    const other = createPanti();
    const { person, stay } = createResident(other.id, null, new Date("2025-01-05T03:00:00Z"));
    db.update(persons).set({ name: "Rahmawati Restricted" }).where(eq(persons.id, person.id)).run();
    db.update(stays).set({ exitedAt: new Date("2025-02-01T03:00:00Z"), exitOutcome: "returned_family" }).where(eq(stays.id, stay.id)).run();
    // Back on the street and now in another panti.
    db.insert(stays).values({ personId: person.id, pantiId: w.a, admittedAt: new Date("2025-04-01T03:00:00Z") }).run();
    restrict(person.id);
    const adminOther = createUser("panti_admin", other.id).actor;
    const people = returnsPeople(adminOther, { from: "2025-01-01", to: "2025-03-31" }, { show: "exits", page: 1 }, new Date("2026-03-09T03:00:00Z"));
    const names = people.all.filter((r) => r.personId === person.id).map((r) => r.displayName);
    expect(names).toEqual([RESTRICTED_NAME]);
    const named = returnsPeople(createUser("dinsos_viewer").actor, { from: "2025-01-01", to: "2025-03-31" }, { show: "exits", page: 1 }, new Date("2026-03-09T03:00:00Z"));
    expect(named.all.filter((r) => r.personId === person.id).map((r) => r.displayName)).toEqual(["Rahmawati Restricted"]);
  });
});

describe("duplicate candidates of a restricted person", () => {
  it("name them to the staff of their own panti and only hint at them elsewhere", () => {
    const a = createPanti();
    const b = createPanti();
    // Stays in another panti, and persons without a stay, so that a person's id and their stay's differ.
    for (let i = 0; i < 3; i++) createResident(b.id, null);
    for (let i = 0; i < 2; i++) db.insert(persons).values({ name: `Tanpa tinggal ${i}`, sex: "male" }).run();
    const { person } = createResident(a.id, null);
    const nik = "3173014404990099";
    db.update(persons).set({ name: "Kartini Restricted", nik, sex: "female", birthYear: 1999 }).where(eq(persons.id, person.id)).run();
    restrict(person.id);
    const referral = { nik, personName: "Kartini Restricted", sex: "female" as const, birthDate: null, estimatedAge: 27, foundAt: new Date("2026-03-01T03:00:00Z") };
    const own = personCandidates(createUser("panti_admin", a.id).actor, referral);
    expect(own.candidates.map((c) => c.personId)).toContain(person.id);
    const elsewhere = personCandidates(createUser("panti_admin", b.id).actor, referral);
    expect(elsewhere.candidates.map((c) => c.personId)).not.toContain(person.id);
    expect(elsewhere.restrictedMatch).toBe(true);
    expect(JSON.stringify(elsewhere)).not.toContain("Kartini");
  });
});
