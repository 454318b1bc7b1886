/**
 * Restricted records through the routes: a person marked restricted in panti A is named to A's
 * staff and to Dinsos; panti B's admin (where the person once stayed) gets no name, NIK or birth
 * date through any list, search, duplicate candidates or URL, and cannot link them at admission.
 * Every case-file page view writes one row to the read log, which only Dinsos admins may open.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { caseFileReads, followUps, persons, stays } from "#db/schema";
import { followUpList } from "~/queries/exits.server";
import { stayList } from "~/queries/reports.server";
import type { Actor } from "~/domain/permissions";
import { RESTRICTED_NAME } from "~/domain/safeguarding";
import { createPlacement } from "~/services/placements.server";
import { loader as caseFileLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId._index/route";
import { action as restrictionAction, loader as restrictionLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.restriction";
import { loader as readsLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.reads";
import { loader as summaryLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.summary/route";
import { loader as residentsLoader } from "~/routes/_app.panti.$pantiId_.residents";
import { action as placementAction, loader as placementLoader } from "~/routes/_app.placements.$placementId/route";
import { loader as exitLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.exit";
import { loader as stageLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.stage";
import { loader as assessmentLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.assessment";
import { loader as planLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.plan";
import { loader as familyLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.family";
import { loader as identityLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.identity";
import { loader as newSessionLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.sessions.new";
import { loader as incidentLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.incidents.new";
import { loader as consentLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.consent";
import { db } from "~/utils/db.server";
import { auditCount, cookieFor, createPanti, createResident, createRoom, createUser, referralInput } from "../factories";
import { callRoute, getRequest, postForm, routeArgs } from "../routes";

const NAME = "Sulastri Wahyuningsih";
const NIK = "3173014404990007";
const BIRTH = "1999-04-04";

interface World {
  a: number;
  b: number;
  stayA: number;
  stayB: number;
  personId: number;
  bedB: number;
  cookies: { dinsos: string; viewer: string; adminA: string; adminB: string; psychA: string };
  outreach: ReturnType<typeof createUser>;
  adminB: Actor;
}
let w: World;

const caseParams = (pantiId: number, stayId: number) => ({ pantiId: String(pantiId), stayId: String(stayId) });
const casePath = (pantiId: number, stayId: number) => `/panti/${pantiId}/stays/${stayId}`;
const leaks = (body: unknown) => {
  const text = JSON.stringify(body);
  return [NAME, "Sulastri", NIK, BIRTH].filter((s) => text.includes(s));
};

beforeAll(async () => {
  const a = createPanti({ type: "women" });
  const b = createPanti({ type: "women" });
  const { beds: bedsA } = createRoom(a.id, 2);
  const { beds: bedsB } = createRoom(b.id, 3);
  // The person stayed in B first (closed), and now stays in A.
  const { person, stay: stayA } = createResident(a.id, bedsA[0]!.id, new Date("2026-05-01T03:00:00Z"));
  db.update(persons).set({ name: NAME, nik: NIK, birthDate: BIRTH, birthYear: 1999, sex: "female" }).where(eq(persons.id, person.id)).run();
  const stayB = db
    .insert(stays)
    .values({ personId: person.id, pantiId: b.id, admittedAt: new Date("2026-01-05T03:00:00Z"), exitedAt: new Date("2026-03-01T03:00:00Z"), exitOutcome: "own_request" })
    .returning()
    .get();
  db.insert(followUps).values({ stayId: stayB.id, pantiId: b.id, sequence: 1, dueDate: "2026-04-01" }).run();
  const dinsos = createUser("dinsos_admin");
  const viewer = createUser("dinsos_viewer");
  const adminA = createUser("panti_admin", a.id);
  const adminB = createUser("panti_admin", b.id);
  const psychA = createUser("psychosocial", a.id);
  w = {
    a: a.id,
    b: b.id,
    stayA: stayA.id,
    stayB: stayB.id,
    personId: person.id,
    bedB: bedsB[0]!.id,
    cookies: {
      dinsos: await cookieFor(dinsos.username),
      viewer: await cookieFor(viewer.username),
      adminA: await cookieFor(adminA.username),
      adminB: await cookieFor(adminB.username),
      psychA: await cookieFor(psychA.username),
    },
    outreach: createUser("outreach", null, "sudin_jakbar"),
    adminB: adminB.actor,
  };
});

const restrictForm = { intent: "restrict", category: "trafficking", reason: "Korban TPPO, pelaku masih mencari" };

describe("marking a record restricted", () => {
  it("is refused to panti B's admin and to psychosocial staff, and needs a reason", async () => {
    const onA = (cookie: string, fields = restrictForm) =>
      callRoute(() => restrictionAction(routeArgs(postForm(`${casePath(w.a, w.stayA)}/restriction`, cookie, fields), caseParams(w.a, w.stayA))));
    expect((await onA(w.cookies.adminB)).status).toBe(404);
    expect((await onA(w.cookies.psychA)).status).toBe(403);
    // B's own (closed) stay: the person's open stay is in A, so B's admin may not set the mark.
    const onB = await callRoute(() =>
      restrictionAction(routeArgs(postForm(`${casePath(w.b, w.stayB)}/restriction`, w.cookies.adminB, restrictForm), caseParams(w.b, w.stayB))),
    );
    expect(onB.status).toBe(403);
    const noReason = await onA(w.cookies.adminA, { intent: "restrict", category: "trafficking", reason: "" });
    expect(noReason.status).toBe(400);
    expect(db.select().from(persons).where(eq(persons.id, w.personId)).get()!.restricted).toBe(false);
  });

  it("is set by the admin of the panti of the open stay, with an audit row", async () => {
    const before = auditCount("person.restrict");
    const done = await callRoute(() =>
      restrictionAction(routeArgs(postForm(`${casePath(w.a, w.stayA)}/restriction`, w.cookies.adminA, restrictForm), caseParams(w.a, w.stayA))),
    );
    expect(done.status).toBe(302);
    expect(auditCount("person.restrict")).toBe(before + 1);
    const person = db.select().from(persons).where(eq(persons.id, w.personId)).get()!;
    expect(person).toMatchObject({ restricted: true, restrictionCategory: "trafficking" });
    const again = await callRoute(() =>
      restrictionAction(routeArgs(postForm(`${casePath(w.a, w.stayA)}/restriction`, w.cookies.adminA, restrictForm), caseParams(w.a, w.stayA))),
    );
    expect(again.status).toBe(409);
  });
});

describe("a restricted record seen from another panti", () => {
  it("shows panti B's admin the case file of their old stay without name, NIK or birth date", async () => {
    const page = await callRoute(() => caseFileLoader(routeArgs(getRequest(casePath(w.b, w.stayB), w.cookies.adminB), caseParams(w.b, w.stayB))));
    expect(page.status).toBe(200);
    const file = (page.body as { file: { person: { displayName: string; nik: string | null; birthDate: string | null; masked: boolean }; stayHistory: { pantiName: string }[] } }).file;
    expect(file.person).toMatchObject({ displayName: RESTRICTED_NAME, nik: null, birthDate: null, masked: true });
    // Where the person is now is not shown either.
    expect(file.stayHistory.map((s) => s.pantiName)).toContain(RESTRICTED_NAME);
    expect(leaks(page.body)).toEqual([]);
  });

  it("answers 404 to panti B's admin for the stay in A (URL tampering)", async () => {
    for (const run of [
      () => caseFileLoader(routeArgs(getRequest(casePath(w.a, w.stayA), w.cookies.adminB), caseParams(w.a, w.stayA))),
      () => caseFileLoader(routeArgs(getRequest(casePath(w.b, w.stayA), w.cookies.adminB), caseParams(w.b, w.stayA))),
      () => restrictionLoader(routeArgs(getRequest(`${casePath(w.a, w.stayA)}/restriction`, w.cookies.adminB), caseParams(w.a, w.stayA))),
      () => exitLoader(routeArgs(getRequest(`${casePath(w.a, w.stayA)}/exit`, w.cookies.adminB), caseParams(w.a, w.stayA))),
    ]) {
      const answer = await callRoute(run);
      expect(answer.status).toBe(404);
      expect(leaks(answer.body)).toEqual([]);
    }
  });

  it("keeps the name out of panti B's resident list and its search (by name and by NIK)", async () => {
    for (const q of ["", "?q=Sulastri", `?q=${NIK}`, "?q=Wahyu"]) {
      const sep = q ? "&" : "?";
      const list = await callRoute(() =>
        residentsLoader(routeArgs(getRequest(`/panti/${w.b}/residents${q}${sep}status=exited`, w.cookies.adminB), { pantiId: String(w.b) })),
      );
      expect(list.status).toBe(200);
      // (The page echoes the search text itself; the rows must add nothing.)
      const rows = (list.body as { rows: { displayName: string }[] }).rows;
      expect(leaks(rows)).toEqual([]);
      if (q) expect(rows).toEqual([]);
      else expect(rows.map((r) => r.displayName)).toContain(RESTRICTED_NAME);
    }
  });

  it("keeps the name out of panti B's follow-ups (and their download) and the report drill-down", () => {
    const due = followUpList(w.adminB, new Date("2026-06-01T03:00:00Z"), true).rows.filter((r) => r.stayId === w.stayB);
    expect(due.map((r) => r.displayName)).toEqual([RESTRICTED_NAME]);
    expect(leaks(due)).toEqual([]);
    const ended = stayList(w.adminB, { from: "2026-03-01", to: "2026-03-31" }).rows.filter((r) => r.stayId === w.stayB);
    expect(ended.map((r) => r.displayName)).toEqual([RESTRICTED_NAME]);
    expect(leaks(ended)).toEqual([]);
  });

  it("shows panti B's duplicate candidates only that a restricted record may match, and refuses to link it", async () => {
    const referral = createPlacement(w.outreach.actor, referralInput(w.b, { personName: NAME, nik: NIK, sex: "female", estimatedAge: 27 }));
    const params = { placementId: String(referral.id) };
    const page = await callRoute(() => placementLoader(routeArgs(getRequest(`/placements/${referral.id}`, w.cookies.adminB), params)));
    expect(page.status).toBe(200);
    const admission = (page.body as { admission: { candidates: { personId: number }[]; restrictedMatch: boolean } }).admission;
    expect(admission.restrictedMatch).toBe(true);
    expect(admission.candidates.map((c) => c.personId)).not.toContain(w.personId);
    // The referral itself carries the name the outreach officer typed; the candidates add nothing.
    expect(JSON.stringify(admission)).not.toContain(NAME);
    expect(JSON.stringify(admission)).not.toContain(BIRTH);

    const link = await callRoute(() =>
      placementAction(routeArgs(postForm(`/placements/${referral.id}`, w.cookies.adminB, { intent: "accept", person: String(w.personId), bed: String(w.bedB), admittedAt: "2026-06-01T10:00" }), params)),
    );
    expect(link.status).toBe(400);
    expect(db.select({ n: count() }).from(stays).where(eq(stays.personId, w.personId)).get()!.n).toBe(2);
  });

  it("still names the person to panti A's staff and to Dinsos", async () => {
    for (const cookie of [w.cookies.adminA, w.cookies.psychA, w.cookies.dinsos, w.cookies.viewer]) {
      const page = await callRoute(() => caseFileLoader(routeArgs(getRequest(casePath(w.a, w.stayA), cookie), caseParams(w.a, w.stayA))));
      expect(page.status).toBe(200);
      expect((page.body as { file: { person: { displayName: string } } }).file.person.displayName).toBe(NAME);
    }
  });
});

describe("who read the file", () => {
  const reads = () => db.select({ n: count() }).from(caseFileReads).where(eq(caseFileReads.personId, w.personId)).get()!.n;

  it("writes one row per case-file page view, and none for a refused one", async () => {
    const before = reads();
    await callRoute(() => caseFileLoader(routeArgs(getRequest(casePath(w.a, w.stayA), w.cookies.adminA), caseParams(w.a, w.stayA))));
    expect(reads()).toBe(before + 1);
    const row = db.select().from(caseFileReads).where(eq(caseFileReads.personId, w.personId)).orderBy(caseFileReads.id).all().at(-1)!;
    expect(row).toMatchObject({ stayId: w.stayA, pantiId: w.a, page: "case_file", restricted: true });
    await callRoute(() => caseFileLoader(routeArgs(getRequest(casePath(w.a, w.stayA), w.cookies.adminB), caseParams(w.a, w.stayA))));
    expect(reads()).toBe(before + 1);
  });

  it("writes one row for each page of the file, naming the page", async () => {
    const pages = [
      ["stage", stageLoader],
      ["assessment", assessmentLoader],
      ["plan", planLoader],
      ["family", familyLoader],
      ["identity", identityLoader],
      ["session_new", newSessionLoader],
      ["incidents", incidentLoader],
      ["consent", consentLoader],
      ["restriction", restrictionLoader],
      ["exit", exitLoader],
      ["summary", summaryLoader],
    ] as const;
    for (const [page, loader] of pages) {
      const before = reads();
      const answer = await callRoute(() => loader(routeArgs(getRequest(`${casePath(w.a, w.stayA)}/${page}`, w.cookies.dinsos), caseParams(w.a, w.stayA))));
      expect({ page, status: answer.status }).toEqual({ page, status: 200 });
      expect({ page, rows: reads() }).toEqual({ page, rows: before + 1 });
      const last = db.select().from(caseFileReads).where(eq(caseFileReads.personId, w.personId)).orderBy(caseFileReads.id).all().at(-1)!;
      expect(last.page).toBe(page);
    }
  });

  it("cannot be changed or removed", () => {
    expect(() => db.update(caseFileReads).set({ page: "stage" }).run()).toThrow(/append-only/);
    expect(() => db.delete(caseFileReads).run()).toThrow(/append-only/);
  });

  it("is a page for Dinsos admins only", async () => {
    const open = (cookie: string) =>
      callRoute(() => readsLoader(routeArgs(getRequest(`${casePath(w.a, w.stayA)}/reads`, cookie), caseParams(w.a, w.stayA))));
    const dinsos = await open(w.cookies.dinsos);
    expect(dinsos.status).toBe(200);
    const log = (dinsos.body as { log: { rows: { page: string; restricted: boolean }[]; total: number } }).log;
    expect(log.total).toBeGreaterThan(0);
    expect(log.rows[0]).toMatchObject({ page: "read_log" });
    for (const cookie of [w.cookies.adminA, w.cookies.viewer, w.cookies.psychA]) expect((await open(cookie)).status).toBe(403);
    expect((await open(w.cookies.adminB)).status).toBe(403);
    expect((await open("")).status).toBe(302);
  });
});

describe("the right-to-know summary", () => {
  const open = (cookie: string, pantiId: number, stayId: number) =>
    callRoute(() => summaryLoader(routeArgs(getRequest(`${casePath(pantiId, stayId)}/summary`, cookie), caseParams(pantiId, stayId))));

  it("is printed for Dinsos admins and the admin of the person's panti, and logged", async () => {
    const dinsos = await open(w.cookies.dinsos, w.a, w.stayA);
    expect(dinsos.status).toBe(200);
    const summary = (dinsos.body as { summary: { person: { displayName: string }; stays: { records: unknown }[]; reads: unknown[] } }).summary;
    expect(summary.person.displayName).toBe(NAME);
    expect(summary.stays).toHaveLength(2);
    expect(summary.stays.every((s) => s.records != null)).toBe(true);
    expect(summary.reads.length).toBeGreaterThan(0);
    const own = await open(w.cookies.adminA, w.a, w.stayA);
    expect(own.status).toBe(200);
    // A's admin sees where and when the person stayed in B, not B's records.
    expect((own.body as { summary: { stays: { records: unknown }[] } }).summary.stays.filter((s) => s.records == null)).toHaveLength(1);
  });

  it("is refused to others, and to panti B's admin (not the person's panti)", async () => {
    expect((await open(w.cookies.viewer, w.a, w.stayA)).status).toBe(403);
    expect((await open(w.cookies.psychA, w.a, w.stayA)).status).toBe(403);
    const other = await open(w.cookies.adminB, w.b, w.stayB);
    expect(other.status).toBe(404);
    expect(leaks(other.body)).toEqual([]);
  });
});

describe("lifting the mark", () => {
  it("needs a reason, is audited, and names the person to panti B again", async () => {
    const lift = (fields: Record<string, string>) =>
      callRoute(() => restrictionAction(routeArgs(postForm(`${casePath(w.a, w.stayA)}/restriction`, w.cookies.dinsos, fields), caseParams(w.a, w.stayA))));
    expect((await lift({ intent: "lift", reason: "" })).status).toBe(400);
    const before = auditCount("person.restriction_lift");
    expect((await lift({ intent: "lift", reason: "Risiko sudah tidak ada" })).status).toBe(302);
    expect(auditCount("person.restriction_lift")).toBe(before + 1);
    const page = await callRoute(() => caseFileLoader(routeArgs(getRequest(casePath(w.b, w.stayB), w.cookies.adminB), caseParams(w.b, w.stayB))));
    expect((page.body as { file: { person: { displayName: string } } }).file.person.displayName).toBe(NAME);
  });
});
