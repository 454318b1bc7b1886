/**
 * FKD-MPU hand-offs: preparing and sending (signed, through the outbox, retried while the
 * partner is down), receiving (signature, replay, tamper, unknown partner, unknown version),
 * status reports both ways, decisions of the receiving province, and the audit of each.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { approvals, consents, familyContacts, handoffEvents, handoffs, outbox, persons, placements, tracingAttempts, tracingRequests } from "#db/schema";
import { Conflict, InvalidInput, NotFound, PermissionDenied } from "~/domain/errors";
import { handoffFormValues, handoffSchema, PACKET_VERSION, tracingAnswerSchema, type HandoffPacket } from "~/domain/handoffs";
import { consentSchema } from "~/domain/safeguarding";
import { recordConsent } from "~/services/safeguarding.server";
import { acceptHandoff, closeHandoff, confirmArrival, declineHandoff, discardHandoffDraft, prepareHandoff, sendHandoff, updateHandoffDraft } from "~/services/handoffs.server";
import { deliverOutbox, requeueOutbox } from "~/services/outbox.server";
import { receivePacket } from "~/services/packets.server";
import { answerTracing, requestTracing } from "~/services/tracing.server";
import { db } from "~/utils/db.server";
import { canonicalJson, instancePublicKey, verifyPacket } from "~/utils/signing.server";
import { auditCount, createPanti, createResident, createRoom, createUser } from "../factories";
import { acceptPlacement, redirectPlacement } from "~/services/placements.server";
import { caseFile, personSummary } from "~/queries/case-file.server";
import { incomingHandoffOfStay } from "~/queries/handoffs.server";
import { handoffFormFields } from "../factories/handoff-form";
import { fakePartner, incomingHandoffPacket, type FakePartner } from "../factories/handoffs";
import { approvePending, pendingApproval } from "../factories/approvals";

const form = (overrides: Record<string, string> = {}) => handoffSchema.parse(handoffFormFields(overrides));

let jabar: FakePartner;
beforeAll(async () => {
  jabar = await fakePartner("32", { withInstance: true });
});
afterAll(() => jabar.close());

function resident() {
  const home = createPanti();
  const { stay, person } = createResident(home.id, null);
  db.update(persons).set({ ppksCategory: "gelandangan", originProvince: "Jawa Barat" }).where(eq(persons.id, person.id)).run();
  return { home, stay, person, admin: createUser("panti_admin", home.id) };
}

describe("an outgoing hand-off", () => {
  it("is prepared as a draft, sent signed through the outbox, retried while the partner is down, then delivered", async () => {
    const { home, stay, admin } = resident();
    const { handoffId } = prepareHandoff(admin.actor, { pantiId: home.id, stayId: stay.id }, form(), new Date("2026-12-01T02:59:00Z"));
    expect(db.select().from(handoffs).where(eq(handoffs.id, handoffId)).get()).toMatchObject({ status: "draft", channel: "api" });
    approvePending("handoff", handoffId);
    const sent = sendHandoff(admin.actor, handoffId, new Date("2026-12-01T03:00:00Z"));
    expect(sent.channel).toBe("api");

    jabar.answers.push(503);
    const t0 = new Date("2026-12-01T03:00:01Z");
    expect(await deliverOutbox({ now: t0 })).toEqual({ delivered: 0, retrying: 1, rejected: 0 });
    const queued = db.select().from(outbox).where(eq(outbox.id, sent.outboxId!)).get()!;
    expect(queued).toMatchObject({ status: "pending", attempts: 1 });
    expect(queued.lastError).toMatch(/^503/);
    expect(queued.nextAttemptAt.getTime()).toBe(t0.getTime() + 30_000);
    // Not yet due: nothing is sent.
    expect(await deliverOutbox({ now: new Date(t0.getTime() + 10_000) })).toEqual({ delivered: 0, retrying: 0, rejected: 0 });
    expect(await deliverOutbox({ now: new Date(t0.getTime() + 31_000) })).toEqual({ delivered: 1, retrying: 0, rejected: 0 });
    expect(db.select().from(outbox).where(eq(outbox.id, sent.outboxId!)).get()).toMatchObject({ status: "delivered", attempts: 2, lastError: null });

    const delivered = jabar.received.at(-1)!;
    expect(delivered.path).toBe("/api/v1/handoffs");
    expect(verifyPacket(canonicalJson(delivered.body.packet), delivered.body.signature, instancePublicKey().publicKey)).toBe(true);
    expect(delivered.body.packet).toMatchObject({ version: 1, kind: "handoff", from: "31", to: "32", consent: { given: true } });
    // Only what the agreement needs: no case notes, no session records, no internal ids.
    expect(Object.keys(delivered.body.packet).sort()).toEqual(
      ["condition", "consent", "continuation", "documents", "documentsNote", "family", "from", "kind", "packetId", "person", "reason", "sender", "sentAt", "to", "travel", "version"],
    );
    expect(auditCount("handoff.prepare")).toBeGreaterThan(0);
    expect(auditCount("handoff.send")).toBeGreaterThan(0);
    expect(auditCount("outbox.deliver")).toBeGreaterThan(0);
  });

  it("gives up on a packet the partner refuses, keeps it visible, and sends it again when Dinsos queues it again", async () => {
    const { home, stay, admin } = resident();
    const { handoffId } = prepareHandoff(admin.actor, { pantiId: home.id, stayId: stay.id }, form());
    approvePending("handoff", handoffId);
    const { outboxId } = sendHandoff(admin.actor, handoffId);
    const at = new Date("2026-12-05T03:00:00Z");
    jabar.answers.push(422);
    expect(await deliverOutbox({ ids: [outboxId!], now: at })).toEqual({ delivered: 0, retrying: 0, rejected: 1 });
    expect(db.select().from(outbox).where(eq(outbox.id, outboxId!)).get()).toMatchObject({ status: "rejected", attempts: 1 });
    // Rejected packets are not retried by the timer.
    expect(await deliverOutbox({ now: new Date(at.getTime() + 86_400_000) })).toMatchObject({ delivered: 0 });
    expect(() => requeueOutbox(admin.actor, [outboxId!])).toThrow(PermissionDenied);
    expect(requeueOutbox(createUser("dinsos_admin").actor, [outboxId!])).toEqual([outboxId]);
    expect(await deliverOutbox({ ids: [outboxId!] })).toMatchObject({ delivered: 1 });
    expect(auditCount("outbox.reject")).toBeGreaterThan(0);
    expect(auditCount("outbox.requeue")).toBeGreaterThan(0);
  });

  it("moves with the partner's signed status reports; a repeated report changes nothing, one that goes back is a conflict", () => {
    const { home, stay, admin } = resident();
    const { handoffId } = prepareHandoff(admin.actor, { pantiId: home.id, stayId: stay.id }, form());
    approvePending("handoff", handoffId);
    sendHandoff(admin.actor, handoffId);
    const packetId = db.select().from(handoffs).where(eq(handoffs.id, handoffId)).get()!.packetId;
    const report = (status: string, extra: Record<string, unknown> = {}) =>
      jabar.signed({
        version: PACKET_VERSION, kind: "status", packetId: crypto.randomUUID(), from: "32", to: "31", handoffId: packetId,
        status, at: "2026-12-02T03:00:00.000Z", acceptedAs: null, condition: null, note: null, ...extra,
      });
    const accepted = report("accepted", { acceptedAs: "panti" });
    expect(receivePacket(accepted, { kind: "status", pathId: packetId })).toMatchObject({ ok: true, status: 200, replay: false });
    expect(receivePacket(accepted, { kind: "status", pathId: packetId })).toMatchObject({ ok: true, status: 200, replay: true });
    const events = db.select().from(handoffEvents).where(eq(handoffEvents.handoffId, handoffId)).all().map((e) => e.status);
    expect(events).toEqual(["draft", "sent", "received", "accepted"]);
    expect(receivePacket(report("received"), { kind: "status", pathId: packetId })).toMatchObject({ ok: false, status: 409, error: "conflict" });
    expect(receivePacket(report("arrived"), { kind: "status", pathId: "3b0c6f0e-9a4e-4b8e-8f1e-2f7a9d1c5e11" })).toMatchObject({ status: 400 });
    expect(receivePacket(report("arrived", { condition: "good" }), { kind: "status", pathId: packetId })).toMatchObject({ ok: true });
    expect(db.select().from(handoffs).where(eq(handoffs.id, handoffId)).get()).toMatchObject({ status: "arrived", arrivalCondition: "good", acceptedAs: "panti" });
    closeHandoff(admin.actor, handoffId, undefined);
    expect(db.select().from(handoffs).where(eq(handoffs.id, handoffId)).get()!.status).toBe("closed");
    expect(auditCount("handoff.status_received")).toBeGreaterThanOrEqual(2);
  });

  it("is refused for a closed stay, a second open hand-off, a province that is not a partner, and outside the panti", () => {
    const { home, stay, admin } = resident();
    expect(() => prepareHandoff(admin.actor, { pantiId: home.id, stayId: stay.id }, form({ partnerCode: "31" }))).toThrow(InvalidInput);
    expect(() => prepareHandoff(admin.actor, { pantiId: home.id, stayId: stay.id }, form({ partnerCode: "99" }))).toThrow(InvalidInput);
    prepareHandoff(admin.actor, { pantiId: home.id, stayId: stay.id }, form());
    expect(() => prepareHandoff(admin.actor, { pantiId: home.id, stayId: stay.id }, form())).toThrow(Conflict);
    const other = createUser("panti_admin", createPanti().id);
    expect(() => prepareHandoff(other.actor, { pantiId: home.id, stayId: stay.id }, form())).toThrow(NotFound);
    // The URL's panti and the stay must agree: another panti's id in the path finds nothing.
    expect(() => prepareHandoff(other.actor, { pantiId: other.pantiId!, stayId: stay.id }, form())).toThrow(NotFound);
    expect(() => prepareHandoff(createUser("dinsos_viewer").actor, { pantiId: home.id, stayId: stay.id }, form())).toThrow(PermissionDenied);
  });
});

describe("a draft hand-off", () => {
  it("is edited field by field with the same schema, keeps its packet id, and is audited with what changed", () => {
    const { home, stay, admin } = resident();
    const { handoffId } = prepareHandoff(admin.actor, { pantiId: home.id, stayId: stay.id }, form());
    const before = db.select().from(handoffs).where(eq(handoffs.id, handoffId)).get()!;
    const granted = approvePending("handoff", handoffId);
    // Another admin of the panti (not the preparer) edits every kind of field; Bali has no instance.
    const colleague = createUser("panti_admin", home.id);
    const edited = handoffSchema.parse(handoffFormFields({
      partnerCode: "51",
      destinationCity: "Denpasar",
      docKtp: undefined,
      docKk: "on",
      medication: "Amlodipin 5 mg",
      familyFound: "on",
      familyName: "Made Wirawan",
      familyRelation: "Kakak",
      familyAddress: "Jl. Gatot Subroto, Denpasar",
      plannedDate: "2026-12-20",
    }));
    updateHandoffDraft(colleague.actor, handoffId, edited);
    const after = db.select().from(handoffs).where(eq(handoffs.id, handoffId)).get()!;
    const packet = after.packet as HandoffPacket;
    expect(after).toMatchObject({ status: "draft", partnerCode: "51", channel: "file", plannedDate: "2026-12-20", packetId: before.packetId });
    expect(packet).toMatchObject({ to: "51", documents: ["kk"], condition: { medication: "Amlodipin 5 mg" }, family: { found: true, name: "Made Wirawan" }, travel: { destinationCity: "Denpasar" } });
    // The form shows the draft as it is now: its values parse back to the same input.
    expect(handoffSchema.parse(handoffFormValues(packet))).toEqual(edited);
    const audit = db.$client.prepare("select before, after from audit_log where action = 'handoff.update' and entity_id = ? order by id desc").get(String(handoffId)) as { before: string; after: string };
    expect(Object.keys(JSON.parse(audit.after)).sort()).toEqual(["condition", "documents", "family", "to", "travel"]);
    expect(JSON.parse(audit.before).to).toBe("32");
    // The approval was for the draft as it was: it is superseded and the edited draft waits again.
    expect(db.select().from(approvals).where(eq(approvals.id, granted.approvalId)).get()).toMatchObject({ status: "superseded" });
    expect(pendingApproval("handoff", handoffId)).toMatchObject({ requestedBy: colleague.id });
    expect(() => sendHandoff(admin.actor, handoffId)).toThrow(Conflict);
  });

  it("is discarded with a reason, which frees the stay for a new hand-off; neither a sent one nor another panti's may be edited or discarded", () => {
    const { home, stay, admin } = resident();
    const { handoffId } = prepareHandoff(admin.actor, { pantiId: home.id, stayId: stay.id }, form());
    const stranger = createUser("panti_admin", createPanti().id);
    expect(() => updateHandoffDraft(stranger.actor, handoffId, form())).toThrow(NotFound);
    expect(() => discardHandoffDraft(stranger.actor, handoffId, "Salah orang")).toThrow(NotFound);
    expect(() => discardHandoffDraft(createUser("dinsos_viewer").actor, handoffId, "Salah orang")).toThrow(PermissionDenied);
    discardHandoffDraft(createUser("dinsos_admin").actor, handoffId, "Keluarga membatalkan penjemputan");
    expect(db.select().from(handoffs).where(eq(handoffs.id, handoffId)).get()).toMatchObject({ status: "discarded" });
    expect(db.select().from(handoffEvents).where(eq(handoffEvents.handoffId, handoffId)).all().at(-1)).toMatchObject({ status: "discarded", note: "Keluarga membatalkan penjemputan" });
    expect(auditCount("handoff.discard")).toBeGreaterThan(0);
    // Discarded: no more edits, no sending, and a new hand-off may be prepared.
    expect(() => updateHandoffDraft(admin.actor, handoffId, form())).toThrow(Conflict);
    expect(() => sendHandoff(admin.actor, handoffId)).toThrow(Conflict);
    expect(pendingApproval("handoff", handoffId)).toBeUndefined();
    const next = prepareHandoff(admin.actor, { pantiId: home.id, stayId: stay.id }, form());
    approvePending("handoff", next.handoffId);
    sendHandoff(admin.actor, next.handoffId);
    expect(() => updateHandoffDraft(admin.actor, next.handoffId, form({ reason: "Diubah setelah dikirim" }))).toThrow(Conflict);
    expect(() => discardHandoffDraft(admin.actor, next.handoffId, "Terlambat")).toThrow(Conflict);
    expect((db.select().from(handoffs).where(eq(handoffs.id, next.handoffId)).get()!.packet as HandoffPacket).reason).toBe("Ingin pulang ke keluarga di Garut");
  });
});

describe("consent to share with the home province", () => {
  it("is recorded when the hand-off is prepared with it, and once withdrawn the hand-off is not sent nor its file given", () => {
    const { home, stay, person, admin } = resident();
    const prepared = new Date("2026-11-20T03:00:00Z");
    const { handoffId } = prepareHandoff(admin.actor, { pantiId: home.id, stayId: stay.id }, form(), prepared);
    const recorded = db.select().from(consents).where(eq(consents.personId, person.id)).all();
    expect(recorded).toMatchObject([{ purpose: "home_province", decision: "given", decidedOn: "2026-11-20", recordedBy: admin.id }]);
    expect(auditCount("consent.record")).toBeGreaterThan(0);

    // The person withdraws their consent before the hand-off leaves.
    recordConsent(admin.actor, { pantiId: home.id, stayId: stay.id }, consentSchema.parse({ purpose: "home_province", decision: "withdrawn", decidedOn: "2026-11-22" }), new Date("2026-11-22T03:00:00Z"));
    const before = db.select().from(handoffs).where(eq(handoffs.id, handoffId)).get();
    let refusal: unknown;
    try {
      approvePending("handoff", handoffId);
      sendHandoff(admin.actor, handoffId, new Date("2026-11-23T03:00:00Z"));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(Conflict);
    expect((refusal as Conflict).messageKey).toBe("handoff.error.noConsent");
    expect(db.select().from(handoffs).where(eq(handoffs.id, handoffId)).get()).toEqual(before);
    expect(db.select().from(outbox).where(sql`${outbox.handoffId} = ${handoffId}`).all()).toEqual([]);
  });
});

describe("receiving a hand-off packet", () => {
  const count = () => db.get<{ n: number }>(sql`select count(*) as n from handoffs where direction = 'incoming'`).n;

  it("takes a signed packet once: a replay answers as before, the same id with other content is a conflict", () => {
    const before = count();
    const envelope = jabar.signed({ ...incomingHandoffPacket() });
    expect(receivePacket(envelope, { kind: "handoff" })).toMatchObject({ ok: true, status: 201, replay: false, body: { status: "received" } });
    expect(receivePacket(envelope, { kind: "handoff" })).toMatchObject({ ok: true, status: 200, replay: true });
    const changed = jabar.signed({ ...envelope.packet, reason: "Alasan lain" });
    expect(receivePacket(changed, { kind: "handoff" })).toMatchObject({ ok: false, status: 409, error: "conflict" });
    expect(count()).toBe(before + 1);
    // The sender hears that it was received (queued for its instance).
    const report = db.select().from(outbox).where(eq(outbox.kind, "status")).all().at(-1)!;
    expect(JSON.parse(report.body).packet).toMatchObject({ kind: "status", status: "received", handoffId: envelope.packet.packetId, to: "32" });
    expect(auditCount("handoff.receive")).toBeGreaterThan(0);
  });

  it("refuses a tampered, unsigned or foreign packet, an unknown sender and an unknown version, each with its own code, keeping nothing", async () => {
    const before = count();
    const envelope = jabar.signed({ ...incomingHandoffPacket() });
    const tampered = { ...envelope, packet: { ...envelope.packet, reason: "diubah di jalan" } };
    expect(receivePacket(tampered, { kind: "handoff" })).toMatchObject({ status: 401, error: "invalid_signature" });
    expect(receivePacket({ packet: envelope.packet }, { kind: "handoff" })).toMatchObject({ status: 401, error: "missing_signature" });
    expect(receivePacket({ packet: envelope.packet, signature: "AAAA" }, { kind: "handoff" })).toMatchObject({ status: 401, error: "invalid_signature" });
    // Bali has no key in the registry; Jawa Tengah's key is Jawa Barat's: either way the sender is not known.
    const bali = jabar.signed({ ...incomingHandoffPacket("51") });
    expect(receivePacket(bali, { kind: "handoff" })).toMatchObject({ status: 403, error: "unknown_partner" });
    expect(receivePacket(jabar.signed({ ...incomingHandoffPacket("99") }), { kind: "handoff" })).toMatchObject({ status: 403, error: "unknown_partner" });
    expect(receivePacket(jabar.signed({ ...incomingHandoffPacket(), to: "33" }), { kind: "handoff" })).toMatchObject({ status: 422, error: "wrong_recipient" });
    expect(receivePacket(jabar.signed({ ...incomingHandoffPacket(), version: 2 }), { kind: "handoff" })).toMatchObject({
      status: 422,
      error: "unsupported_version",
      extra: { supported: [1] },
    });
    expect(receivePacket(jabar.signed({ ...incomingHandoffPacket(), extra: "x" }), { kind: "handoff" })).toMatchObject({ status: 400, error: "validation" });
    for (const junk of [null, 5, "x", [], {}, { packet: [] }, { packet: { version: 1 } }]) {
      expect(receivePacket(junk, { kind: "handoff" })).toMatchObject({ ok: false, status: 400 });
    }
    expect(count()).toBe(before);
    expect(auditCount("packet.refuse")).toBeGreaterThanOrEqual(6);
  });
});

describe("the receiving province", () => {
  function received() {
    const envelope = jabar.signed({ ...incomingHandoffPacket() });
    receivePacket(envelope, { kind: "handoff" });
    return db.select().from(handoffs).where(eq(handoffs.packetId, envelope.packet.packetId as string)).get()!;
  }

  it("accepts as a referral to a panti (the person's history comes with it), confirms the arrival, and reports each to the sender", () => {
    const row = received();
    const target = createPanti();
    const dinsos = createUser("dinsos_admin");
    const accepted = acceptHandoff(dinsos.actor, row.id, { acceptedAs: "panti", targetPantiId: target.id });
    const placement = db.select().from(placements).where(eq(placements.id, accepted.placementId!)).get()!;
    expect(placement).toMatchObject({ source: "handoff", targetPantiId: target.id, personName: "Rahmat Hidayat", status: "pending", ppksCategory: "gelandangan" });
    expect(placement.assessmentSummary).toContain("Lanjutkan pelatihan: Las");
    // The receiving panti's admin now sees it and confirms the arrival.
    const pantiAdmin = createUser("panti_admin", target.id);
    confirmArrival(pantiAdmin.actor, row.id, { condition: "with_note", note: "Lelah setelah perjalanan" });
    expect(db.select().from(handoffs).where(eq(handoffs.id, row.id)).get()).toMatchObject({ status: "arrived", arrivalCondition: "with_note", pantiId: target.id });
    const reports = db.select().from(outbox).where(eq(outbox.handoffId, row.id)).all().map((o) => JSON.parse(o.body).packet.status);
    expect(reports).toEqual(["received", "accepted", "arrived"]);
    expect(auditCount("handoff.accept")).toBeGreaterThan(0);
    expect(auditCount("handoff.arrival")).toBeGreaterThan(0);
  });

  it("declines with a reason; a panti admin cannot see or decide a hand-off not referred to their panti", () => {
    const row = received();
    const pantiAdmin = createUser("panti_admin", createPanti().id);
    expect(() => declineHandoff(pantiAdmin.actor, row.id, "Bukan kewenangan")).toThrow(NotFound);
    expect(() => acceptHandoff(createUser("dinsos_viewer").actor, row.id, { acceptedAs: "family" })).toThrow(PermissionDenied);
    declineHandoff(createUser("dinsos_admin").actor, row.id, "Keluarga tidak ditemukan di alamat itu");
    expect(db.select().from(handoffs).where(eq(handoffs.id, row.id)).get()).toMatchObject({ status: "declined", declineReason: "Keluarga tidak ditemukan di alamat itu" });
    expect(() => confirmArrival(createUser("dinsos_admin").actor, row.id, { condition: "good" })).toThrow(Conflict);
  });

  it("links the stay its referral became: the case file shows where the person came from, the arrival is confirmed from there", () => {
    const envelope = jabar.signed({ ...incomingHandoffPacket("32", { sentAt: "2026-11-20T02:00:37.000Z" }) });
    receivePacket(envelope, { kind: "handoff" });
    const row = db.select().from(handoffs).where(eq(handoffs.packetId, envelope.packet.packetId as string)).get()!;
    const first = createPanti();
    const target = createPanti();
    const { beds: targetBeds } = createRoom(target.id, 1, { sex: "mixed" });
    const dinsos = createUser("dinsos_admin");
    const { placementId } = acceptHandoff(dinsos.actor, row.id, { acceptedAs: "panti", targetPantiId: first.id });
    // The first panti redirects the referral; the hand-off follows it to the second.
    const firstAdmin = createUser("panti_admin", first.id);
    const { newPlacementId } = redirectPlacement(firstAdmin.actor, placementId!, target.id, "Lebih dekat ke keluarga");
    expect(db.select().from(handoffs).where(eq(handoffs.id, row.id)).get()).toMatchObject({ placementId: newPlacementId, pantiId: target.id });
    const pantiAdmin = createUser("panti_admin", target.id);
    // Admitted in the minute the packet was sent (admissions are entered to the minute): not "before it was found".
    const { stayId, personId } = acceptPlacement(pantiAdmin.actor, newPlacementId, { bed: targetBeds[0]!.id, person: "new", admittedAt: new Date("2026-11-20T02:00:00Z") });
    expect(db.select().from(handoffs).where(eq(handoffs.id, row.id)).get()).toMatchObject({ stayId, personId, pantiId: target.id, status: "accepted" });
    expect(auditCount("handoff.link_stay")).toBeGreaterThan(0);
    // The case file of the stay: from which hand-off and province, with the history of the packet.
    const file = caseFile(pantiAdmin.actor, target.id, stayId)!;
    expect(file.arrivedFrom).toMatchObject({ handoff: { id: row.id, status: "accepted" }, partner: { code: "32", name: "Jawa Barat" }, canConfirmArrival: true });
    expect(file.arrivedFrom!.packet.continuation.training).toBe("Las");
    // Another panti sees nothing of it; the stay's outgoing hand-offs are not mixed with it.
    expect(incomingHandoffOfStay(firstAdmin.actor, target.id, stayId)).toBeNull();
    expect(file.handoffs).toEqual([]);
    confirmArrival(pantiAdmin.actor, row.id, { condition: "good" });
    expect(caseFile(pantiAdmin.actor, target.id, stayId)!.arrivedFrom).toMatchObject({ handoff: { status: "arrived", arrivalCondition: "good" }, canConfirmArrival: false });
    // A stay comes from one hand-off at most.
    expect(() => db.update(handoffs).set({ stayId }).where(eq(handoffs.id, received().id)).run()).toThrow(/UNIQUE/);
  });

  it("refuses a referral to a panti the decision maker may not use, or that does not exist", () => {
    const row = received();
    expect(() => acceptHandoff(createUser("dinsos_admin").actor, row.id, { acceptedAs: "panti", targetPantiId: 999_999 })).toThrow(InvalidInput);
  });
});

describe("the person's right-to-know summary", () => {
  it("lists what was shared with partner provinces: hand-offs and tracing requests, with their status", () => {
    const { home, stay, admin } = resident();
    const { handoffId } = prepareHandoff(admin.actor, { pantiId: home.id, stayId: stay.id }, form());
    const { requestId } = requestTracing(admin.actor, { pantiId: home.id, stayId: stay.id }, {
      partnerCode: "32",
      description: "Laki-laki, sekitar 40 tahun",
      names: "Ujang",
      places: "Garut",
      language: "Sunda",
    });
    const summary = personSummary(createUser("dinsos_admin").actor, home.id, stay.id)!;
    expect(summary.stays[0]!.records).toMatchObject({
      handoffs: [{ id: handoffId, status: "draft", partnerName: "Jawa Barat" }],
      tracingRequests: [{ id: requestId, status: "open", partnerName: "Jawa Barat" }],
    });
  });
});

describe("tracing requests", () => {
  it("go to the partner signed; the partner's answer lands in the resident's family-tracing log, once", async () => {
    const { home, stay, person, admin } = resident();
    // The request leaves the province: only with the person's consent to share with it.
    recordConsent(admin.actor, { pantiId: home.id, stayId: stay.id }, consentSchema.parse({ purpose: "home_province", decision: "given", decidedOn: "2026-11-01" }), new Date("2026-11-01T03:00:00Z"));
    const { requestId, outboxId } = requestTracing(admin.actor, { pantiId: home.id, stayId: stay.id }, {
      partnerCode: "32",
      description: "Perempuan, sekitar 60 tahun, menyebut pasar dan masjid besar",
      names: "Ujang, Euis",
      places: "Pasar Ciawitali, Garut",
      language: "Sunda",
    });
    expect(await deliverOutbox({ ids: [outboxId] })).toMatchObject({ delivered: 1 });
    const sent = jabar.received.at(-1)!;
    expect(sent.path).toBe("/api/v1/tracing-requests");
    expect(sent.body.packet).toMatchObject({ kind: "tracing_request", language: "Sunda", person: { sex: "male" } });
    const packetId = sent.body.packet.packetId as string;
    const answer = jabar.signed({
      version: PACKET_VERSION, kind: "tracing_answer", packetId: crypto.randomUUID(), from: "32", to: "31", requestId: packetId,
      at: "2026-12-03T03:00:00.000Z", result: "family_located", notes: "Keluarga di Desa Sukamaju",
      contact: { name: "Euis Komariah", relation: "adik", phone: "+62 812 1111 2222", address: "Desa Sukamaju, Garut" },
    });
    expect(receivePacket(answer, { kind: "tracing_answer", pathId: packetId })).toMatchObject({ ok: true, status: 200, replay: false });
    expect(receivePacket(answer, { kind: "tracing_answer", pathId: packetId })).toMatchObject({ ok: true, replay: true });
    expect(db.select().from(tracingRequests).where(eq(tracingRequests.id, requestId)).get()).toMatchObject({ status: "answered" });
    const attempts = db.select().from(tracingAttempts).where(eq(tracingAttempts.stayId, stay.id)).all();
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ channel: "partner_province", result: "family_located" });
    expect(db.select().from(familyContacts).where(eq(familyContacts.personId, person.id)).all().map((c) => c.name)).toEqual(["Euis Komariah"]);
    expect(auditCount("tracing.request")).toBeGreaterThan(0);
    expect(auditCount("tracing.answer_received")).toBeGreaterThan(0);
  });

  it("from a partner are answered by Dinsos only, once, through the outbox", () => {
    const request = jabar.signed({
      version: PACKET_VERSION, kind: "tracing_request", packetId: crypto.randomUUID(), from: "32", to: "31", sentAt: "2026-12-01T03:00:00.000Z",
      person: { sex: "male", age: 30 }, description: "Laki-laki, logat Betawi", names: null, places: "Kampung Melayu", language: "Betawi", photo: null,
    });
    const received = receivePacket(request, { kind: "tracing_request" });
    expect(received).toMatchObject({ ok: true, status: 201 });
    const row = db.select().from(tracingRequests).where(eq(tracingRequests.packetId, request.packet.packetId as string)).get()!;
    const input = tracingAnswerSchema.parse({ result: "not_found", notes: "Belum ditemukan di Kampung Melayu" });
    expect(() => answerTracing(createUser("panti_admin", createPanti().id).actor, row.id, input)).toThrow(PermissionDenied);
    const { outboxId } = answerTracing(createUser("dinsos_admin").actor, row.id, input);
    expect(JSON.parse(db.select().from(outbox).where(eq(outbox.id, outboxId)).get()!.body).packet).toMatchObject({ kind: "tracing_answer", requestId: row.packetId, result: "not_found" });
    expect(() => answerTracing(createUser("dinsos_admin").actor, row.id, input)).toThrow(Conflict);
  });
});
