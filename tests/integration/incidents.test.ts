/**
 * Incidents: recorded on an open stay of the panti (validation, scope, audit), the serious ones on
 * the home page until acknowledged, counts per panti and type, and the exit as absconded or
 * deceased that links its incident. Services directly, and the routes through HTTP.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { incidents, stays } from "#db/schema";
import { Conflict, InvalidInput, NotFound, PermissionDenied } from "~/domain/errors";
import { exitSchema } from "~/domain/exits";
import { incidentSchema } from "~/domain/safeguarding";
import { jakartaDateTimeInput } from "~/domain/time";
import { incidentReport, seriousIncidents } from "~/queries/safeguarding.server";
import { recordExit, undoExit } from "~/services/exits.server";
import { acknowledgeIncident, recordIncident } from "~/services/safeguarding.server";
import { action as incidentAction, loader as incidentLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.incidents.new";
import { action as incidentsAction, loader as incidentsLoader } from "~/routes/_app.incidents";
import { loader as seriousLoader } from "~/routes/incidents.serious";
import { db } from "~/utils/db.server";
import { auditCount, cookieFor, createPanti, createResident, createRoom, createUser } from "../factories";
import { callRoute, getRequest, postForm, routeArgs } from "../routes";

const NOW = new Date("2026-06-01T03:00:00Z");

function setup() {
  const own = createPanti();
  const other = createPanti();
  const { beds } = createRoom(own.id, 2);
  const { stay } = createResident(own.id, beds[0]!.id, new Date("2026-04-01T03:00:00Z"));
  return {
    own,
    other,
    stay,
    ref: { pantiId: own.id, stayId: stay.id },
    admin: createUser("panti_admin", own.id),
    otherAdmin: createUser("panti_admin", other.id),
    psych: createUser("psychosocial", own.id),
    instructor: createUser("instructor", own.id),
    dinsos: createUser("dinsos_admin"),
  };
}

const input = (overrides: Record<string, string> = {}) =>
  incidentSchema.parse({
    type: "absconding",
    severity: "high",
    occurredAt: "2026-05-30T21:15",
    description: "Tidak ada saat apel malam",
    actionTaken: "Dicari di sekitar panti, lapor polsek",
    toldPolice: "on",
    toldFamily: "on",
    ...overrides,
  });

describe("recording an incident", () => {
  it("stores it with who was told, and appends an audit row", () => {
    const w = setup();
    const before = auditCount("incident.record");
    const { incidentId } = recordIncident(w.admin.actor, w.ref, input({ toldOther: "Ketua RT" }), NOW);
    const row = db.select().from(incidents).where(eq(incidents.id, incidentId)).get()!;
    expect(row).toMatchObject({ stayId: w.stay.id, pantiId: w.own.id, type: "absconding", severity: "high", notified: ["family", "police"], notifiedOther: "Ketua RT", recordedBy: w.admin.id });
    expect(auditCount("incident.record")).toBe(before + 1);
    // Psychosocial staff record incidents too.
    expect(() => recordIncident(w.psych.actor, w.ref, input(), NOW)).not.toThrow();
  });

  it("refuses another panti's staff (not found) and roles without the permission", () => {
    const w = setup();
    expect(() => recordIncident(w.otherAdmin.actor, w.ref, input(), NOW)).toThrow(NotFound);
    expect(() => recordIncident(w.otherAdmin.actor, { pantiId: w.other.id, stayId: w.stay.id }, input(), NOW)).toThrow(NotFound);
    expect(() => recordIncident(w.instructor.actor, w.ref, input(), NOW)).toThrow(PermissionDenied);
  });

  it("refuses a date in the future or before the admission, and a closed stay", () => {
    const w = setup();
    expect(() => recordIncident(w.admin.actor, w.ref, input({ occurredAt: "2026-06-05T10:00" }), NOW)).toThrow(InvalidInput);
    expect(() => recordIncident(w.admin.actor, w.ref, input({ occurredAt: "2026-03-01T10:00" }), NOW)).toThrow(InvalidInput);
    db.update(stays).set({ exitedAt: new Date("2026-05-31T03:00:00Z"), exitOutcome: "own_request" }).where(eq(stays.id, w.stay.id)).run();
    expect(() => recordIncident(w.admin.actor, w.ref, input(), NOW)).toThrow(Conflict);
  });
});

describe("serious incidents and their counts", () => {
  it("show high and critical incidents of the last 14 days until acknowledged, to the panti admin and Dinsos", () => {
    const w = setup();
    const serious = recordIncident(w.admin.actor, w.ref, input({ severity: "critical", type: "self_harm" }), NOW).incidentId;
    recordIncident(w.admin.actor, w.ref, input({ severity: "low", type: "illness" }), NOW);
    recordIncident(w.admin.actor, w.ref, input({ severity: "high", type: "injury", occurredAt: "2026-05-01T10:00" }), NOW);
    const ids = (actor: typeof w.admin.actor) => seriousIncidents(actor, NOW).map((i) => i.id);
    expect(ids(w.admin.actor)).toContain(serious);
    expect(ids(w.dinsos.actor)).toContain(serious);
    expect(ids(w.admin.actor)).toHaveLength(1);
    expect(ids(w.otherAdmin.actor)).not.toContain(serious);
    expect(ids(w.psych.actor)).toEqual([]);
    expect(ids(createUser("dinsos_viewer").actor)).toContain(serious);
    expect(ids(createUser("outreach", null, "sudin_jakbar").actor)).toEqual([]);

    expect(() => acknowledgeIncident(w.otherAdmin.actor, serious, NOW)).toThrow(NotFound);
    const before = auditCount("incident.acknowledge");
    acknowledgeIncident(w.admin.actor, serious, NOW);
    expect(auditCount("incident.acknowledge")).toBe(before + 1);
    expect(ids(w.admin.actor)).toEqual([]);
    expect(() => acknowledgeIncident(w.dinsos.actor, serious, NOW)).toThrow(Conflict);
  });

  it("are counted per panti and type in the actor's report scope", () => {
    const w = setup();
    recordIncident(w.admin.actor, w.ref, input({ type: "violence" }), NOW);
    recordIncident(w.admin.actor, w.ref, input({ type: "violence", severity: "low" }), NOW);
    recordIncident(w.admin.actor, w.ref, input({ type: "injury" }), NOW);
    const mine = incidentReport(w.admin.actor, { page: 1 });
    expect(mine.counts).toEqual([expect.objectContaining({ pantiId: w.own.id, total: 3, counts: expect.objectContaining({ violence: 2, injury: 1, death: 0 }) })]);
    expect(incidentReport(w.admin.actor, { page: 1, type: "violence", severity: "low" }).total).toBe(1);
    expect(incidentReport(w.otherAdmin.actor, { page: 1, pantiId: w.own.id }).total).toBe(0);
    expect(incidentReport(w.dinsos.actor, { page: 1, pantiId: w.own.id }).total).toBe(3);
  });
});

describe("an exit as absconded or deceased", () => {
  const exit = (outcome: string, incidentId?: number) =>
    exitSchema.parse({ outcome, exitedAt: "2026-05-31T08:00", notes: "Keluar", ...(incidentId ? { incidentId: String(incidentId) } : {}) });

  it("links the stay's incident of that type, and undo clears the link", () => {
    const w = setup();
    const { incidentId } = recordIncident(w.admin.actor, w.ref, input(), NOW);
    recordExit(w.admin.actor, w.stay.id, exit("absconded", incidentId), NOW);
    expect(db.select().from(stays).where(eq(stays.id, w.stay.id)).get()!.exitIncidentId).toBe(incidentId);
    undoExit(w.admin.actor, w.stay.id, "Salah catat", new Date(NOW.getTime() + 60_000));
    expect(db.select().from(stays).where(eq(stays.id, w.stay.id)).get()!.exitIncidentId).toBeNull();
  });

  it("refuses an incident of another type or of another stay", () => {
    const w = setup();
    const { incidentId } = recordIncident(w.admin.actor, w.ref, input({ type: "injury" }), NOW);
    expect(() => recordExit(w.admin.actor, w.stay.id, exit("absconded", incidentId), NOW)).toThrow(InvalidInput);
    const { stay: second } = createResident(w.own.id, null, new Date("2026-04-01T03:00:00Z"));
    const death = recordIncident(w.admin.actor, { pantiId: w.own.id, stayId: second.id }, input({ type: "death", severity: "critical" }), NOW).incidentId;
    expect(() => recordExit(w.admin.actor, w.stay.id, exit("deceased", death), NOW)).toThrow(InvalidInput);
  });
});

describe("the incident routes", () => {
  it("record an incident from the case file, with every error at once", async () => {
    const w = setup();
    const cookie = await cookieFor(w.admin.username);
    const path = `/panti/${w.own.id}/stays/${w.stay.id}/incidents/new`;
    const params = { pantiId: String(w.own.id), stayId: String(w.stay.id) };
    expect((await callRoute(() => incidentLoader(routeArgs(getRequest(path, cookie), params)))).status).toBe(200);
    const bad = await callRoute(() => incidentAction(routeArgs(postForm(path, cookie, { intent: "incident", type: "", severity: "", occurredAt: "", description: "", actionTaken: "" }), params)));
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as { errors: Record<string, unknown> }).errors).sort()).toEqual(["actionTaken", "description", "occurredAt", "severity", "type"]);
    const good = await callRoute(() =>
      incidentAction(
        routeArgs(
          postForm(path, cookie, { intent: "incident", type: "violence", severity: "critical", occurredAt: "2026-05-30T10:00", description: "Dipukul penghuni lain", actionTaken: "Dipisahkan, dibawa ke puskesmas", toldHealth: "on" }),
          params,
        ),
      ),
    );
    expect(good.status).toBe(302);
    expect(good.location).toBe(`/panti/${w.own.id}/stays/${w.stay.id}?saved=incident`);

    const otherCookie = await cookieFor(w.otherAdmin.username);
    expect((await callRoute(() => incidentLoader(routeArgs(getRequest(path, otherCookie), params)))).status).toBe(404);
    const instructorCookie = await cookieFor(w.instructor.username);
    expect((await callRoute(() => incidentLoader(routeArgs(getRequest(path, instructorCookie), params)))).status).toBe(403);
  });

  it("show serious incidents to the panti admin, the list and counts, and acknowledge", async () => {
    const w = setup();
    // The home page counts back from the real clock.
    const recent = jakartaDateTimeInput(new Date(Date.now() - 2 * 86_400_000));
    const { incidentId } = recordIncident(w.admin.actor, w.ref, input({ severity: "critical", occurredAt: recent }), new Date());
    const cookie = await cookieFor(w.admin.username);
    const serious = await callRoute(() => seriousLoader(routeArgs(getRequest("/incidents/serious", cookie))));
    expect((serious.body as { incidents: { id: number }[] }).incidents.map((i) => i.id)).toContain(incidentId);
    const page = await callRoute(() => incidentsLoader(routeArgs(getRequest("/incidents?type=absconding", cookie))));
    expect(page.status).toBe(200);
    const body = page.body as { total: number; rows: { id: number; canAcknowledge: boolean }[] };
    expect(body.total).toBe(1);
    expect(body.rows[0]).toMatchObject({ id: incidentId });
    const ack = await callRoute(() => incidentsAction(routeArgs(postForm("/incidents", cookie, { intent: "acknowledge", incidentId: String(incidentId) }))));
    expect(ack.status).toBe(200);
    const psychCookie = await cookieFor(w.psych.username);
    expect((await callRoute(() => incidentsLoader(routeArgs(getRequest("/incidents", psychCookie))))).status).toBe(403);
  });
});
