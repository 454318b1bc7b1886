/**
 * The scope contract (docs/decisions/013-scope-contract.md): a query that reads personal data
 * takes the actor and puts the actor's scope in its `where` clause, so asking for another panti's
 * records — by id, or through a filter — returns nothing of that panti.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditLog, consents, followUps, incidents, placements, psychosocialSessions, sessionParticipants, stays } from "#db/schema";
import { auditPage } from "~/queries/audit.server";
import { bedBoard, openStayInPanti, residentsWithoutBed } from "~/queries/bed-board.server";
import { caseFile, caseHeader, groupSessionFormData, residentsOfPanti, sessionsOfPanti } from "~/queries/case-file.server";
import { followUpList, staleStays, stayForExit } from "~/queries/exits.server";
import { buildDataset } from "~/queries/exports.server";
import { dataQualityPeople, dataQualityReport, lengthOfStayReport, returnsPeople, returnsReport } from "~/queries/measures.server";
import { listPlacements } from "~/queries/placements.server";
import { consentsOfPerson, exitIncidentChoices, incidentReport, incidentsOfStay, readLogOfPerson, seriousIncidents } from "~/queries/safeguarding.server";
import { stayList } from "~/queries/reports.server";
import { reportReferralList } from "~/queries/report-referrals.server";
import { userList, userPage } from "~/queries/users.server";
import type { SessionUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { eq } from "drizzle-orm";
import { createPanti, createResident, createRoom, createUser, referralInput } from "../factories";
import { createPlacement } from "~/services/placements.server";
import { handoffSchema } from "~/domain/handoffs";
import { handoffDetail, handoffDraftFormData, handoffFormData, handoffList, handoffReport, handoffsOfStay, tracingFormData, tracingOfStay, tracingRequestDetail, tracingRequestList } from "~/queries/handoffs.server";
import { prepareHandoff, sendHandoff } from "~/services/handoffs.server";
import { requestTracing } from "~/services/tracing.server";
import { partnerProvinces } from "#db/schema";
import { ensurePartnerRegistry } from "../factories/handoffs";
import { handoffFormFields } from "../factories/handoff-form";
import { approvePending } from "../factories/approvals";

const NOW = new Date("2026-06-01T03:00:00Z");

/** Another panti's records of every kind the personal-data queries read. */
function theirPanti() {
  const theirs = createPanti({ type: "intake" });
  const { room } = createRoom(theirs.id, 1, { sex: "male" });
  // Open, without a bed, long past the intake norm: on the bed board, the residents and stale lists.
  const open = createResident(theirs.id, null, new Date("2026-01-05T03:00:00Z"));
  // Ended in May with follow-ups due.
  const ended = createResident(theirs.id, null, new Date("2026-02-01T03:00:00Z"));
  db.update(stays)
    .set({ exitedAt: new Date("2026-05-02T03:00:00Z"), exitOutcome: "returned_family" })
    .where(eq(stays.id, ended.stay.id))
    .run();
  db.insert(followUps).values({ stayId: ended.stay.id, pantiId: theirs.id, sequence: 1, dueDate: "2026-05-20" }).run();
  const session = db
    .insert(psychosocialSessions)
    .values({ pantiId: theirs.id, serviceCode: "konseling_individu", mode: "individual", providerName: "Ayu", sessionAt: new Date("2026-05-10T03:00:00Z"), durationMinutes: 45 })
    .returning()
    .get();
  db.insert(sessionParticipants).values({ sessionId: session.id, stayId: open.stay.id }).run();
  db.insert(auditLog).values({ at: new Date("2026-05-10T03:00:00Z"), action: "scope.test", entity: "stay", entityId: String(open.stay.id), pantiId: theirs.id }).run();
  db.insert(incidents)
    .values({ stayId: open.stay.id, pantiId: theirs.id, type: "violence", severity: "critical", occurredAt: new Date("2026-05-30T03:00:00Z"), description: "Perkelahian", actionTaken: "Dipisahkan" })
    .run();
  db.insert(consents).values({ personId: open.person.id, pantiId: theirs.id, purpose: "family", decision: "given", decidedOn: "2026-05-01" }).run();
  const staff = createUser("psychosocial", theirs.id);
  const outreach = createUser("outreach", null, "sudin_jakbar");
  const placement = createPlacement(outreach.actor, referralInput(theirs.id));
  // A hand-off of their resident to Jawa Barat (sent as a file) and a tracing request to it.
  ensurePartnerRegistry();
  db.update(partnerProvinces).set({ baseUrl: null }).where(eq(partnerProvinces.code, "32")).run();
  const dinsos = createUser("dinsos_admin").actor;
  const { handoffId } = prepareHandoff(dinsos, { pantiId: theirs.id, stayId: open.stay.id }, handoffSchema.parse(handoffFormFields()));
  approvePending("handoff", handoffId);
  sendHandoff(dinsos, handoffId);
  db.update(partnerProvinces).set({ baseUrl: "http://127.0.0.1:9" }).where(eq(partnerProvinces.code, "33")).run();
  const { requestId } = requestTracing(dinsos, { pantiId: theirs.id, stayId: open.stay.id }, { partnerCode: "33", description: "Laki-laki, sekitar 40 tahun, logat Tegal" });
  return { theirs, room, open, ended, placement, staff, handoffId, requestId };
}

/** Every changed query, asked about the other panti's records. */
function readAll(actor: SessionUser | ReturnType<typeof createUser>["actor"], t: ReturnType<typeof theirPanti>) {
  const id = t.theirs.id;
  const params = new URLSearchParams();
  const may = { from: "2026-05-01", to: "2026-05-31" };
  // The board opened on its default room with a search for the room's bed, and on the room by its id.
  const board = bedBoard(actor, id, { roomId: null, show: "all", q: "R-01" });
  return {
    followUps: followUpList(actor, NOW, true).rows.filter((r) => r.pantiId === id),
    stale: staleStays(actor, NOW).rows.filter((r) => r.pantiId === id),
    stayList: stayList(actor, { from: "2026-05-01", to: "2026-05-31", pantiId: id }).rows,
    reportReferrals: reportReferralList(actor, { from: "2026-01-01", to: "2026-12-31", pantiId: id }).rows,
    audit: auditPage(actor, { panti: id, action: "scope." }).rows,
    board: board ? [...board.rooms, ...board.beds, ...(board.found?.matches ?? []), ...board.withoutBed] : [],
    boardRoom: bedBoard(actor, id, { roomId: t.room.id, show: "all", q: "" })?.beds ?? [],
    withoutBed: residentsWithoutBed(actor, id),
    openStay: openStayInPanti(actor, id, t.open.stay.id) ? [1] : [],
    exitStay: stayForExit(actor, id, t.ended.stay.id) ? [1] : [],
    caseHeader: caseHeader(actor, id, t.open.stay.id) ? [1] : [],
    caseFile: caseFile(actor, id, t.open.stay.id) ? [1] : [],
    residents: residentsOfPanti(actor, id, { status: "open", page: 1 })?.rows ?? [],
    sessions: sessionsOfPanti(actor, id, { page: 1 })?.rows ?? [],
    groupSession: groupSessionFormData(actor, id)?.residents ?? [],
    placements: listPlacements(actor, { pantiId: id }).rows.filter((r) => r.id === t.placement.id),
    exportFollowUps: Array.from((buildDataset(actor as SessionUser, "follow-ups", params, "id")?.rows ?? []) as Iterable<unknown[]>).filter((r) => r.includes(t.theirs.name)),
    users: userList(actor, { panti: id }).rows,
    userPage: userPage(actor, t.staff.id) ? [1] : [],
    dataQuality: dataQualityReport(actor, may, {}, NOW).rows.filter((r) => r.id === id && r.residents > 0),
    dataQualityPeople: dataQualityPeople(actor, may, { check: "no_bed", panti: id }, NOW).all,
    returns: returnsReport(actor, may, NOW).total.exits > 0 ? [1] : [],
    returnsPeople: returnsPeople(actor, may, { show: "exits" }, NOW).all.filter((r) => r.pantiId === id),
    lengthOfStay: lengthOfStayReport(actor, may).total.n > 0 ? [1] : [],
    exportDataQuality: Array.from((buildDataset(actor as SessionUser, "data-quality", new URLSearchParams({ check: "no_bed" }), "id")?.rows ?? []) as Iterable<unknown[]>).filter((r) => r.includes(t.theirs.name)),
    exportReturns: Array.from((buildDataset(actor as SessionUser, "returns", new URLSearchParams({ ...may, show: "exits" }), "id")?.rows ?? []) as Iterable<unknown[]>).filter((r) => r.includes(t.theirs.name)),
    incidentsOfStay: incidentsOfStay(actor, id, t.open.stay.id),
    exitIncidents: exitIncidentChoices(actor, id, t.open.stay.id),
    seriousIncidents: seriousIncidents(actor, NOW).filter((r) => r.pantiId === id),
    incidentList: incidentReport(actor, { pantiId: id, page: 1 }).rows,
    incidentCounts: incidentReport(actor, { pantiId: id, page: 1 }).counts,
    consents: consentsOfPerson(actor, id, t.open.person.id).rows,
    readLog: (caseFile(createUser("dinsos_admin").actor, id, t.open.stay.id), readLogOfPerson(actor, id, t.open.person.id, 1)?.rows ?? []),
    handoffs: handoffList(actor, { page: 1 }).rows.filter((r) => r.id === t.handoffId),
    handoffDetail: handoffDetail(actor, t.handoffId) ? [1] : [],
    stayHandoffs: handoffsOfStay(actor, id, t.open.stay.id),
    handoffForm: handoffFormData(actor, id, t.open.stay.id) ? [1] : [],
    handoffDraftForm: handoffDraftFormData(actor, t.handoffId) ? [1] : [],
    handoffReport: handoffReport(actor).byPartner,
    tracingForm: tracingFormData(actor, id, t.open.stay.id) ? [1] : [],
    tracingList: tracingRequestList(actor, {}).filter((r) => r.id === t.requestId),
    tracingDetail: tracingRequestDetail(actor, t.requestId) ? [1] : [],
    stayTracing: tracingOfStay(actor, id, t.open.stay.id),
    exportStale: Array.from((buildDataset(actor as SessionUser, "stale-stays", params, "id")?.rows ?? []) as Iterable<unknown[]>).filter((r) => r.includes(t.theirs.name)),
  };
}

describe("the scope contract", () => {
  it("gives a panti's staff nothing of another panti, whatever id or filter they pass", () => {
    const t = theirPanti();
    const mine = createPanti({ type: "intake" });
    for (const role of ["panti_admin", "psychosocial", "instructor"] as const) {
      const actor = createUser(role, mine.id).actor;
      const seen = readAll(actor, t);
      for (const [query, rows] of Object.entries(seen)) expect({ role, query, rows }).toEqual({ role, query, rows: [] });
    }
    // An outreach officer and a panti-scoped role without a panti see none of it either.
    for (const actor of [createUser("outreach", null, "sudin_jakut").actor, createUser("panti_admin", null).actor]) {
      const seen = readAll(actor, t);
      for (const [query, rows] of Object.entries(seen)) expect({ role: actor.role, query, rows }).toEqual({ role: actor.role, query, rows: [] });
    }
  });

  it("still shows every panti to Dinsos (the checks above are not empty by accident)", () => {
    const t = theirPanti();
    const seen = readAll(createUser("dinsos_admin").actor, t);
    for (const [query, rows] of Object.entries(seen)) expect({ query, found: rows.length > 0 }).toEqual({ query, found: true });
    const own = readAll(createUser("panti_admin", t.theirs.id).actor, t);
    expect(own.followUps).toHaveLength(1);
    expect(own.residents.length).toBeGreaterThan(0);
    expect(own.placements).toHaveLength(1);
    expect(db.select().from(placements).where(eq(placements.id, t.placement.id)).get()).toBeTruthy();
  });

  it("has no personal-data query that takes a bare panti filter instead of the actor", () => {
    // Query functions of these files read persons, stays and their records. The exceptions read
    // no person (panti rows, beds, catalogue, aggregate figures) or work on a record already read
    // through a scoped query.
    const files = ["audit", "bed-board", "case-file", "exits", "exports", "handoffs", "measure-exports", "measures", "placements", "programmes", "reports", "report-referrals", "safeguarding", "users"];
    const exceptions = new Set([
      "isDemoDatabase",
      "pantiProfile",
      "pantiSummary",
      "datasetPermission",
      "matchCandidates",
      "matchPantiFor",
      "bedChoices",
      "programmeCatalogue",
      "containsPattern",
      // The referral list's ORDER BY: reads nothing.
      "placementListOrder",
      "newUserForm",
      // The consent of persons already read through a scoped query (a stay, a list's rows).
      "consentOfPersons",
      "consentOfPerson",
      // Parses a list's query string; reads nothing.
      "parseHandoffFilters",
      // Aggregate, non-personal figures: a plain panti filter built by resolveFilter from the scope.
      "capacityPanel",
      "censusHistory",
      "intakePanel",
      "exitsPanel",
      "lengthOfStayPanel",
      "reentryPanel",
      "waitingPanel",
      "programmesPanel",
      "quarterlyReport",
      "periodReport",
    ]);
    const offenders: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(path.resolve("app/queries", `${file}.server.ts`), "utf8");
      for (const match of source.matchAll(/^export function (\w+)\(\s*([^)]*)/gm)) {
        const [, name, params] = match as unknown as [string, string, string];
        if (exceptions.has(name)) continue;
        if (!/^\w+: (Actor|SessionUser)\b/.test(params.trim())) offenders.push(`${file}: ${name}`);
      }
      if (/pantiId(\?)?: number \| null/.test(source)) offenders.push(`${file}: a "pantiId: number | null" parameter`);
    }
    expect(offenders).toEqual([]);
  });
});
