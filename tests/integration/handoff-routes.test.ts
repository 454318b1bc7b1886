/**
 * The hand-off routes: the receiving API answers with its status codes and JSON error shape;
 * the pages and their actions answer each role as the access matrix says, and an id of another
 * panti's hand-off or stay — in the URL or in the form — finds nothing (404).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { consents, handoffs, partnerProvinces, persons, tracingRequests } from "#db/schema";
import { openApiDocument, operationsByTag } from "~/api/openapi";
import { loader as openApiLoader } from "~/routes/api.v1.openapi[.]json";
import { handoffPacketSchema, handoffSchema } from "~/domain/handoffs";
import { action as receiveAction, loader as receiveLoader } from "~/routes/api.v1.handoffs";
import { action as statusAction } from "~/routes/api.v1.handoffs.$id.status";
import { action as detailAction, loader as detailLoader } from "~/routes/_app.handoffs.$handoffId._index/route";
import { loader as listLoader } from "~/routes/_app.handoffs._index";
import { loader as outboxLoader } from "~/routes/_app.handoffs.outbox";
import { loader as reportLoader } from "~/routes/_app.handoffs.report";
import { loader as fileLoader } from "~/routes/_app.handoffs.$handoffId.file[.]json";
import { action as prepareAction, loader as prepareLoader } from "~/routes/_app.panti.$pantiId_.stays.$stayId.handoff";
import { action as editAction, loader as editLoader } from "~/routes/_app.handoffs.$handoffId.edit";
import { action as tracingAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.tracing-request";
import { prepareHandoff, sendHandoff } from "~/services/handoffs.server";
import { receivePacket } from "~/services/packets.server";
import { db } from "~/utils/db.server";
import { cookieFor, createPanti, createResident, createUser } from "../factories";
import { handoffFormFields } from "../factories/handoff-form";
import { fakePartner, incomingHandoffPacket, type FakePartner } from "../factories/handoffs";
import { BASE, callRoute, getRequest, postForm, routeArgs } from "../routes";
import { approvePending } from "../factories/approvals";

let jabar: FakePartner;
let bali: FakePartner;
beforeAll(async () => {
  jabar = await fakePartner("32");
  // Bali receives by file: no instance address.
  bali = await fakePartner("51");
});
afterAll(async () => {
  await jabar.close();
  await bali.close();
});

const postJson = (path: string, body: unknown, contentType = "application/json") =>
  new Request(BASE + path, { method: "POST", headers: { "Content-Type": contentType }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("POST /api/v1/handoffs", () => {
  it("answers 201, then 200 with Idempotent-Replay, and a JSON error with a code for each refusal", async () => {
    const envelope = jabar.signed({ ...incomingHandoffPacket() });
    const first = await receiveAction(routeArgs(postJson("/api/v1/handoffs", envelope)));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ handoffId: envelope.packet.packetId, status: "received" });
    const again = await receiveAction(routeArgs(postJson("/api/v1/handoffs", envelope)));
    expect(again.status).toBe(200);
    expect(again.headers.get("Idempotent-Replay")).toBe("true");
    const tampered = await receiveAction(routeArgs(postJson("/api/v1/handoffs", { ...envelope, packet: { ...envelope.packet, reason: "x" } })));
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toMatchObject({ error: "invalid_signature", message: expect.any(String) });
    // The body reader throws its refusals, as for the placements API.
    const refused = async (body: unknown, type?: string) => (await callRoute(() => receiveAction(routeArgs(postJson("/api/v1/handoffs", body, type))))).status;
    expect(await refused("{not json")).toBe(400);
    expect(await refused(envelope, "text/plain")).toBe(415);
    expect(await refused("x".repeat(70_000))).toBe(413);
    expect((await receiveLoader(routeArgs(getRequest("/api/v1/handoffs")))).status).toBe(405);
    const version = await receiveAction(routeArgs(postJson("/api/v1/handoffs", jabar.signed({ ...incomingHandoffPacket(), version: 9 }))));
    expect(version.status).toBe(422);
    expect(await version.json()).toMatchObject({ error: "unsupported_version", supported: [1] });
  });

  it("answers 404 for a status report of a hand-off this province never sent", async () => {
    const id = crypto.randomUUID();
    const report = jabar.signed({ version: 1, kind: "status", packetId: crypto.randomUUID(), from: "32", to: "31", handoffId: id, status: "received", at: "2026-12-01T00:00:00.000Z", acceptedAs: null, condition: null, note: null });
    const answer = await statusAction(routeArgs(postJson(`/api/v1/handoffs/${id}/status`, report), { id }));
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ error: "not_found" });
  });

  it("is documented in /api/v1/openapi.json with the receiver's own packet schema", () => {
    const doc = openApiDocument();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/handoffs", "/api/v1/handoffs/{id}/status", "/api/v1/tracing-requests", "/api/v1/tracing-requests/{id}/answer"]));
    expect(Object.keys(doc.components.schemas.HandoffPacket!.properties!).sort()).toEqual(Object.keys(handoffPacketSchema.shape).sort());
    expect(Object.keys(doc.paths["/api/v1/handoffs"]!.post!.responses).sort()).toEqual(["200", "201", "400", "401", "403", "409", "413", "415", "422"]);
  });
});

const form = handoffFormFields({
  partnerCode: "51",
  destinationCity: "Denpasar",
  reason: "Pulang ke keluarga di Denpasar",
  docKtp: undefined,
  escort: "Made Wirawan",
  transport: "plane",
  plannedDate: "2026-12-20",
});

function world() {
  const home = createPanti();
  const other = createPanti();
  const { stay, person } = createResident(home.id, null);
  db.update(persons).set({ ppksCategory: "gelandangan" }).where(eq(persons.id, person.id)).run();
  const own = createUser("panti_admin", home.id);
  const { handoffId } = prepareHandoff(own.actor, { pantiId: home.id, stayId: stay.id }, handoffSchema.parse(form));
  approvePending("handoff", handoffId);
  sendHandoff(own.actor, handoffId);
  const envelope = jabar.signed({ ...incomingHandoffPacket() });
  receivePacket(envelope, { kind: "handoff" });
  const incoming = db.select().from(handoffs).where(eq(handoffs.packetId, envelope.packet.packetId as string)).get()!;
  return { home, other, stay, own, handoffId, incomingId: incoming.id };
}

describe("/api/docs", () => {
  it("renders every operation of /api/v1/openapi.json, each once, from the same document", async () => {
    const served = (await (await openApiLoader()).json()) as ReturnType<typeof openApiDocument>;
    const described = Object.entries(served.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
    const rendered = operationsByTag(openApiDocument()).flatMap((g) => g.operations.map((o) => `${o.method} ${o.path}`));
    expect(rendered.sort()).toEqual(described.sort());
    expect(described).toEqual(expect.arrayContaining(["post /api/v1/handoffs", "post /api/v1/handoffs/{id}/status", "post /api/v1/tracing-requests", "post /api/v1/tracing-requests/{id}/answer", "post /api/v1/placements"]));
  });
});

describe("the hand-off pages", () => {
  it("answer each role: own panti and Dinsos see the hand-off, another panti 404, roles without hand-offs 403", async () => {
    const w = world();
    const who = {
      dinsos_admin: createUser("dinsos_admin"),
      dinsos_viewer: createUser("dinsos_viewer"),
      own: w.own,
      other: createUser("panti_admin", w.other.id),
      psychosocial: createUser("psychosocial", w.home.id),
      outreach: createUser("outreach", null, "sudin_jakbar"),
    };
    const expected: Record<keyof typeof who, { outgoing: number; incoming: number; list: number; outbox: number; file: number }> = {
      dinsos_admin: { outgoing: 200, incoming: 200, list: 200, outbox: 200, file: 200 },
      dinsos_viewer: { outgoing: 200, incoming: 200, list: 200, outbox: 200, file: 403 },
      own: { outgoing: 200, incoming: 404, list: 200, outbox: 404, file: 200 },
      other: { outgoing: 404, incoming: 404, list: 200, outbox: 404, file: 404 },
      psychosocial: { outgoing: 403, incoming: 403, list: 403, outbox: 403, file: 403 },
      outreach: { outgoing: 403, incoming: 403, list: 403, outbox: 403, file: 403 },
    };
    for (const [name, user] of Object.entries(who) as [keyof typeof who, (typeof who)[keyof typeof who]][]) {
      const cookie = await cookieFor(user.username);
      const status = async (fn: () => Promise<unknown>) => (await callRoute(fn)).status;
      const seen = {
        outgoing: await status(() => detailLoader(routeArgs(getRequest(`/handoffs/${w.handoffId}`, cookie), { handoffId: String(w.handoffId) }))),
        incoming: await status(() => detailLoader(routeArgs(getRequest(`/handoffs/${w.incomingId}`, cookie), { handoffId: String(w.incomingId) }))),
        list: await status(() => listLoader(routeArgs(getRequest("/handoffs", cookie)))),
        outbox: await status(() => outboxLoader(routeArgs(getRequest("/handoffs/outbox", cookie)))),
        file: await status(() => fileLoader(routeArgs(getRequest(`/handoffs/${w.handoffId}/file.json`, cookie), { handoffId: String(w.handoffId) }))),
      };
      expect({ name, seen }).toEqual({ name, seen: expected[name] });
    }
    const report = await callRoute(async () => reportLoader(routeArgs(getRequest("/handoffs/report", await cookieFor(who.other.username)))));
    expect((report.body as Awaited<ReturnType<typeof reportLoader>>).byPartner).toEqual([]);
  });

  it("refuse a decision on another panti's or an unassigned hand-off, and a hand-off of a stay through another panti's URL", async () => {
    const w = world();
    const other = await cookieFor(createUser("panti_admin", w.other.id).username);
    const own = await cookieFor(w.own.username);
    // The panti admin may not decide an incoming hand-off no one referred to their panti.
    const decide = await callRoute(() => detailAction(routeArgs(postForm(`/handoffs/${w.incomingId}`, own, { intent: "decline", reason: "Bukan untuk kami" }), { handoffId: String(w.incomingId) })));
    expect(decide.status).toBe(404);
    const close = await callRoute(() => detailAction(routeArgs(postForm(`/handoffs/${w.handoffId}`, other, { intent: "close" }), { handoffId: String(w.handoffId) })));
    expect(close.status).toBe(404);
    // Their own panti in the URL, the other panti's stay: not found.
    const params = { pantiId: String(w.other.id), stayId: String(w.stay.id) };
    expect((await callRoute(() => prepareLoader(routeArgs(getRequest(`/panti/${w.other.id}/stays/${w.stay.id}/handoff`, other), params)))).status).toBe(404);
    expect((await callRoute(() => prepareAction(routeArgs(postForm(`/panti/${w.other.id}/stays/${w.stay.id}/handoff`, other, form), params)))).status).toBe(404);
    expect(db.select().from(handoffs).where(eq(handoffs.stayId, w.stay.id)).all()).toHaveLength(1);
  });

  it("return every error of the form at once, keeping what was typed", async () => {
    const w = world();
    const cookie = await cookieFor(createUser("panti_admin", w.home.id).username);
    const { stay } = createResident(w.home.id, null);
    const params = { pantiId: String(w.home.id), stayId: String(stay.id) };
    const answer = await callRoute(() => prepareAction(routeArgs(postForm("/x", cookie, { ...form, consent: "", health: "", familyFound: "on" }), params)));
    expect(answer.status).toBe(400);
    const body = answer.body as { errors: Record<string, string[]>; values: Record<string, string> };
    expect(Object.keys(body.errors).sort()).toEqual(["consent", "familyAddress", "familyName", "familyRelation", "health"]);
    expect(body.values.destinationCity).toBe("Denpasar");
  });
});

describe("editing and discarding a draft", () => {
  it("shows the draft in the preparing form, saves every field, returns all errors at once, and leaves a sent hand-off alone", async () => {
    const w = world();
    const { stay } = createResident(w.home.id, null);
    const { handoffId } = prepareHandoff(w.own.actor, { pantiId: w.home.id, stayId: stay.id }, handoffSchema.parse(form));
    const params = { handoffId: String(handoffId) };
    const own = await cookieFor(w.own.username);
    const shown = await callRoute(() => editLoader(routeArgs(getRequest(`/handoffs/${handoffId}/edit`, own), params)));
    expect(shown.status).toBe(200);
    expect((shown.body as { values: Record<string, string> }).values).toMatchObject({ partnerCode: "51", destinationCity: "Denpasar", transport: "plane", consent: "on" });
    // Another panti's admin: not found, to look at or to post.
    const other = await cookieFor(createUser("panti_admin", w.other.id).username);
    expect((await callRoute(() => editLoader(routeArgs(getRequest(`/handoffs/${handoffId}/edit`, other), params)))).status).toBe(404);
    expect((await callRoute(() => editAction(routeArgs(postForm(`/handoffs/${handoffId}/edit`, other, form), params)))).status).toBe(404);
    const invalid = await callRoute(() => editAction(routeArgs(postForm(`/handoffs/${handoffId}/edit`, own, { ...form, consent: "", escort: "", familyFound: "on" }), params)));
    expect(invalid.status).toBe(400);
    const body = invalid.body as { errors: Record<string, string[]>; values: Record<string, string> };
    expect(Object.keys(body.errors).sort()).toEqual(["consent", "escort", "familyAddress", "familyName", "familyRelation"]);
    expect(body.values.destinationCity).toBe("Denpasar");
    const saved = await callRoute(() => editAction(routeArgs(postForm(`/handoffs/${handoffId}/edit`, own, { ...form, escort: "Ni Luh Putu (peksos)" }), params)));
    expect(saved.location).toBe(`/handoffs/${handoffId}?saved=edited`);
    expect(db.select().from(handoffs).where(eq(handoffs.id, handoffId)).get()!.packet).toMatchObject({ travel: { escort: "Ni Luh Putu (peksos)" } });
    // The sent hand-off of the world: its edit page leads back to it, and a post is a conflict.
    const sent = { handoffId: String(w.handoffId) };
    expect((await callRoute(() => editLoader(routeArgs(getRequest(`/handoffs/${w.handoffId}/edit`, own), sent)))).location).toBe(`/handoffs/${w.handoffId}`);
    expect((await callRoute(() => editAction(routeArgs(postForm(`/handoffs/${w.handoffId}/edit`, own, form), sent)))).status).toBe(409);
  });

  it("discards a draft from its page with a reason (required), after which a new one can be prepared", async () => {
    const w = world();
    const { stay } = createResident(w.home.id, null);
    const { handoffId } = prepareHandoff(w.own.actor, { pantiId: w.home.id, stayId: stay.id }, handoffSchema.parse(form));
    const own = await cookieFor(w.own.username);
    const params = { handoffId: String(handoffId) };
    const shown = await callRoute(() => detailLoader(routeArgs(getRequest(`/handoffs/${handoffId}`, own), params)));
    expect((shown.body as { detail: { can: { edit: boolean } } }).detail.can.edit).toBe(true);
    const empty = await callRoute(() => detailAction(routeArgs(postForm(`/handoffs/${handoffId}`, own, { intent: "discard", reason: "" }), params)));
    expect(empty.status).toBe(400);
    expect(Object.keys((empty.body as { errors: object }).errors)).toEqual(["reason"]);
    const done = await callRoute(() => detailAction(routeArgs(postForm(`/handoffs/${handoffId}`, own, { intent: "discard", reason: "Salah tujuan provinsi" }), params)));
    expect(done.body).toMatchObject({ ok: true, message: "discarded" });
    expect(db.select().from(handoffs).where(eq(handoffs.id, handoffId)).get()!.status).toBe("discarded");
    // Nothing more to do with it: no edit, no sending, no signed file.
    const after = await callRoute(() => detailLoader(routeArgs(getRequest(`/handoffs/${handoffId}`, own), params)));
    expect((after.body as { detail: { can: Record<string, boolean> } }).detail.can).toMatchObject({ edit: false, send: false, file: false, close: false });
    expect((await callRoute(() => fileLoader(routeArgs(getRequest(`/handoffs/${handoffId}/file.json`, own), params)))).status).toBe(409);
    const again = await callRoute(() => prepareAction(routeArgs(postForm("/x", own, form), { pantiId: String(w.home.id), stayId: String(stay.id) })));
    expect(again.status).toBe(302);
  });
});

describe("junk from the network", () => {
  it("never makes the receiver fail: random JSON and spoilt signed packets get a 4xx with a code", async () => {
    const base = jabar.signed({ ...incomingHandoffPacket() });
    const spoilt = fc.record({ key: fc.constantFrom(...Object.keys(base.packet), "extra", "__proto__"), value: fc.jsonValue({ maxDepth: 2 }), resign: fc.boolean() }).map(({ key, value, resign }) => {
      const packet = JSON.parse(JSON.stringify(base.packet)) as Record<string, unknown>;
      packet[key] = value;
      // Half signed again by the partner (so the fields are checked), half not (so the signature is).
      return resign ? jabar.signed(packet) : { ...base, packet };
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 4 }), spoilt), async (body) => {
        const answer = await callRoute(() => receiveAction(routeArgs(postJson("/api/v1/handoffs", JSON.stringify(body) ?? "null"))));
        expect(answer.status).toBeLessThan(500);
        if (answer.status >= 400) expect(await answer.response!.clone().json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      }),
      { numRuns: 150 },
    );
  });
});

describe("a tracing request from the family page", () => {
  it("carries an optional small photo, and refuses one too large or of another kind", async () => {
    // Tracing requests go to a partner that runs an instance (this one answers nothing: the packet waits).
    db.update(partnerProvinces).set({ baseUrl: "http://127.0.0.1:9" }).where(eq(partnerProvinces.code, "32")).run();
    const home = createPanti();
    const { stay, person } = createResident(home.id, null);
    db.insert(consents).values({ personId: person.id, pantiId: home.id, purpose: "home_province", decision: "given", decidedOn: "2026-01-10" }).run();
    const cookie = await cookieFor(createUser("panti_admin", home.id).username);
    const params = { pantiId: String(home.id), stayId: String(stay.id) };
    const post = (photo: Blob | null) => {
      const body = new FormData();
      body.set("partnerCode", "32");
      body.set("description", "Laki-laki, sekitar 40 tahun, logat Sunda");
      if (photo) body.set("photo", photo, "foto");
      return new Request(`${BASE}/panti/${home.id}/stays/${stay.id}/tracing-request`, { method: "POST", headers: { Cookie: cookie }, body });
    };
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: "image/png" });
    const sent = await callRoute(() => tracingAction(routeArgs(post(png), params)));
    expect(sent.status).toBe(302);
    const row = db.select().from(tracingRequests).where(eq(tracingRequests.stayId, stay.id)).get()!;
    expect((row.packet as { photo: string }).photo).toMatch(/^data:image\/png;base64,/);
    const big = await callRoute(() => tracingAction(routeArgs(post(new Blob([new Uint8Array(40_000)], { type: "image/jpeg" })), params)));
    expect(big.status).toBe(400);
    expect(Object.keys((big.body as { errors: Record<string, string[]> }).errors)).toEqual(["photo"]);
    const gif = await callRoute(() => tracingAction(routeArgs(post(new Blob([new Uint8Array(10)], { type: "image/gif" })), params)));
    expect(gif.status).toBe(400);
  });
});
