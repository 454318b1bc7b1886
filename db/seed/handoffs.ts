/**
 * FKD-MPU hand-offs in the demo data, added after the population (deterministic for a given `now`):
 * outgoing hand-offs of residents from other provinces in each status a file-based hand-off goes
 * through (draft, sent, accepted by the partner's letter, and a closed one behind a repatriation
 * exit), two received from partners (one waiting in the queue, one declined), and a tracing
 * request each way. The demo registry has no partner instance connected, so nothing is sent.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../connection";
import * as schema from "../schema";
import { buildHandoffPacket, handoffSchema, PACKET_VERSION, type HandoffPacket, type HandoffStatus } from "../../app/domain/handoffs";
import { displayName } from "../../app/domain/persons";
import { ownProvinceCode } from "../../app/domain/provinces";
import { signPacket } from "../../app/utils/signing.server";
import { Random } from "./random";

const DAY = 86_400_000;

export interface HandoffSeedCounts {
  handoffs: number;
  tracingRequests: number;
}

export function seedHandoffs(db: Db, now: Date): HandoffSeedCounts {
  const OWN = ownProvinceCode(process.env.PANTI_PROVINCE);
  const rng = new Random(20250601);
  const uuid = () => {
    const hex = (n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join("");
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[rng.int(0, 3)]}${hex(3)}-${hex(12)}`;
  };
  const partners = db.select().from(schema.partnerProvinces).all().filter((p) => p.code !== OWN);
  const byName = new Map(partners.map((p) => [p.name, p]));
  const own = db.select().from(schema.partnerProvinces).where(eq(schema.partnerProvinces.code, OWN)).get();
  let handoffs = 0;
  let tracingRequests = 0;

  return db.transaction((tx) => {
    const residents = tx
      .select({ stay: schema.stays, person: schema.persons, pantiName: schema.panti.name })
      .from(schema.stays)
      .innerJoin(schema.persons, eq(schema.persons.id, schema.stays.personId))
      .innerJoin(schema.panti, eq(schema.panti.id, schema.stays.pantiId))
      .where(
        and(
          isNull(schema.stays.exitedAt),
          isNotNull(schema.persons.name),
          eq(schema.persons.unidentified, false),
          inArray(schema.persons.originProvince, [...byName.keys()]),
        ),
      )
      // Residents of a panti with a demo panti admin first: the draft's approval is theirs to ask for.
      .orderBy(sql`exists (select 1 from users u where u.role = 'panti_admin' and u.panti_id = ${schema.stays.pantiId}) desc`, asc(schema.stays.id))
      .limit(4)
      .all();
    const repatriated = tx
      .select({ stay: schema.stays, person: schema.persons, pantiName: schema.panti.name })
      .from(schema.stays)
      .innerJoin(schema.persons, eq(schema.persons.id, schema.stays.personId))
      .innerJoin(schema.panti, eq(schema.panti.id, schema.stays.pantiId))
      .where(and(eq(schema.stays.exitOutcome, "repatriated_home_region"), isNotNull(schema.persons.name), inArray(sql`json_extract(${schema.stays.exitDetails}, '$.province')`, [...byName.keys()])))
      .orderBy(desc(schema.stays.exitedAt))
      .limit(1)
      .all();

    // What leaves for the home province (a hand-off, a tracing request) leaves with the person's
    // consent to share with it, recorded the day before (docs/decisions/021-safeguarding.md).
    const consentToShare = (row: (typeof residents)[number], at: number) => {
      const decided = new Date(at - DAY);
      tx.insert(schema.consents)
        .values({ personId: row.person.id, pantiId: row.stay.pantiId, purpose: "home_province", decision: "given", decidedOn: decided.toISOString().slice(0, 10), createdAt: decided })
        .run();
    };

    const outgoing = (row: (typeof residents)[number], status: HandoffStatus, at: number) => {
      consentToShare(row, at);
      const partner = byName.get(row.person.originProvince ?? (row.stay.exitDetails?.province as string))!;
      const input = handoffSchema.parse({
        partnerCode: partner.code,
        destinationCity: row.person.originCity ?? (row.stay.exitDetails?.city as string | undefined) ?? partner.name,
        reason: "Warga binaan ingin pulang; keluarga di daerah asal bersedia menerima (data demo).",
        docKtp: row.person.nik ? "on" : undefined,
        docKk: row.person.kk ? "on" : undefined,
        health: "Sehat, tidak ada keluhan berarti.",
        psychosocial: "Stabil, kooperatif, siap kembali ke keluarga.",
        continueRehabilitation: "Bimbingan sosial lanjutan di daerah asal.",
        escort: "Pekerja sosial panti (demo)",
        transport: "bus",
        plannedDate: new Date(at + 7 * DAY).toISOString().slice(0, 10),
        consent: "on",
      });
      const packet: HandoffPacket = buildHandoffPacket({
        packetId: uuid(),
        from: OWN,
        sentAt: new Date(at),
        sender: { office: own?.office ?? "Dinas Sosial Provinsi DKI Jakarta", panti: row.pantiName, contact: "Data demo" },
        person: {
          name: row.person.name,
          unidentified: row.person.unidentified,
          description: row.person.description,
          sex: row.person.sex === "female" ? "female" : "male",
          birthDate: row.person.birthDate,
          birthYear: row.person.birthYear,
          nik: row.person.nik,
          kk: row.person.kk,
          originCity: row.person.originCity,
          ppksCategory: row.person.ppksCategory,
          disabilitySubtypes: row.person.disabilitySubtypes,
        },
        stage: row.stay.currentStage,
        input,
      });
      const sent = status !== "draft";
      const path: HandoffStatus[] = ["draft", "sent", "received", "accepted", "arrived", "closed"];
      const steps = path.slice(0, path.indexOf(status) + 1);
      const handoff = tx
        .insert(schema.handoffs)
        .values({
          packetId: packet.packetId,
          direction: "outgoing",
          partnerCode: partner.code,
          status,
          channel: "file",
          stayId: row.stay.id,
          personId: row.person.id,
          pantiId: row.stay.pantiId,
          personName: displayName(row.person),
          plannedDate: input.plannedDate,
          packet,
          signature: sent ? signPacket(packet).signature : null,
          sentAt: sent ? new Date(at) : null,
          acceptedAs: steps.includes("accepted") ? "family" : null,
          arrivalCondition: steps.includes("arrived") ? "good" : null,
          createdAt: new Date(at - DAY),
          statusChangedAt: new Date(at + (steps.length - 2) * DAY),
        })
        .returning({ id: schema.handoffs.id })
        .get();
      tx.insert(schema.handoffEvents)
        .values(steps.map((s, i) => ({ handoffId: handoff.id, at: new Date(at + (i - 1) * DAY), status: s, note: i > 1 ? "Jawaban lewat surat (data demo)" : null })))
        .run();
      handoffs++;
      return handoff.id;
    };

    const [draft, sent, accepted, tracingFor] = residents;
    if (draft) outgoing(draft, "draft", now.getTime() - DAY);
    if (sent) outgoing(sent, "sent", now.getTime() - 3 * DAY);
    if (accepted) outgoing(accepted, "accepted", now.getTime() - 10 * DAY);
    const done = repatriated[0];
    if (done?.stay.exitedAt) {
      const id = outgoing(done, "closed", done.stay.exitedAt.getTime() - 4 * DAY);
      tx.update(schema.stays)
        .set({ exitDetails: { ...(done.stay.exitDetails ?? {}), handoffId: id, noHandoffReason: null } })
        .where(eq(schema.stays.id, done.stay.id))
        .run();
    }

    // Received from partners: one waiting for Dinsos, one declined.
    for (const [code, status, name, days] of [
      ["33", "received", "Slamet Riyadi", 2],
      ["36", "declined", "Ujang Suherman", 12],
    ] as const) {
      const at = now.getTime() - days * DAY;
      const partner = partners.find((p) => p.code === code) ?? partners[0]!;
      const packet: HandoffPacket = {
        version: PACKET_VERSION,
        kind: "handoff",
        packetId: uuid(),
        from: partner.code,
        to: OWN,
        sentAt: new Date(at).toISOString(),
        sender: { office: partner.office, panti: null, contact: "Data demo" },
        person: { name, unidentified: false, description: null, sex: "male", birthDate: null, birthYear: 1980, nik: null, kk: null, originCity: "Jakarta Timur", ppksCategory: "gelandangan", disabilitySubtypes: [] },
        documents: [],
        documentsNote: null,
        reason: "Berasal dari Jakarta, ingin kembali ke keluarga (data demo).",
        condition: { health: "Sehat", medication: null, disability: null, psychosocial: "Stabil" },
        continuation: { rehabilitationStage: "resosialisasi", rehabilitation: null, treatment: null, training: null },
        family: { found: false, name: null, relation: null, address: null, phone: null },
        travel: { destinationCity: "Jakarta Timur", escort: "Petugas Dinsos (demo)", transport: "bus", plannedDate: new Date(at + 5 * DAY).toISOString().slice(0, 10) },
        consent: { given: true, note: null },
      };
      const row = tx
        .insert(schema.handoffs)
        .values({
          packetId: packet.packetId,
          direction: "incoming",
          partnerCode: partner.code,
          status,
          personName: name,
          plannedDate: packet.travel.plannedDate,
          packet,
          sentAt: new Date(at),
          declineReason: status === "declined" ? "Alamat keluarga di Jakarta tidak ditemukan (data demo)." : null,
          createdAt: new Date(at),
          statusChangedAt: new Date(at + (status === "declined" ? DAY : 0)),
        })
        .returning({ id: schema.handoffs.id })
        .get();
      tx.insert(schema.handoffEvents)
        .values([
          { handoffId: row.id, at: new Date(at), status: "received" as const, remote: true },
          ...(status === "declined" ? [{ handoffId: row.id, at: new Date(at + DAY), status: "declined" as const, note: "Alamat keluarga di Jakarta tidak ditemukan (data demo)." }] : []),
        ])
        .run();
      handoffs++;
    }

    // A tracing request each way, both open.
    if (tracingFor) {
      consentToShare(tracingFor, now.getTime() - 5 * DAY);
      const partner = byName.get(tracingFor.person.originProvince!)!;
      const packet = {
        version: PACKET_VERSION, kind: "tracing_request" as const, packetId: uuid(), from: OWN, to: partner.code, sentAt: new Date(now.getTime() - 5 * DAY).toISOString(),
        person: { sex: tracingFor.person.sex === "female" ? ("female" as const) : ("male" as const), age: null },
        description: "Menyebut nama kampung dan pasar di daerah asal (data demo).", names: null, places: tracingFor.person.originCity, language: null, photo: null,
      };
      tx.insert(schema.tracingRequests)
        .values({ packetId: packet.packetId, direction: "outgoing", partnerCode: partner.code, stayId: tracingFor.stay.id, pantiId: tracingFor.stay.pantiId, packet, createdAt: new Date(now.getTime() - 5 * DAY) })
        .run();
      tracingRequests++;
    }
    const tracingPartner = partners.find((p) => p.code === "35") ?? partners[0]!;
    const incoming = {
      version: PACKET_VERSION, kind: "tracing_request" as const, packetId: uuid(), from: tracingPartner.code, to: OWN, sentAt: new Date(now.getTime() - 4 * DAY).toISOString(),
      person: { sex: "female" as const, age: 55 }, description: "Perempuan, logat Betawi, menyebut Kampung Melayu (data demo).", names: "Mpok Ijah", places: "Kampung Melayu", language: "Betawi", photo: null,
    };
    tx.insert(schema.tracingRequests).values({ packetId: incoming.packetId, direction: "incoming", partnerCode: tracingPartner.code, packet: incoming, createdAt: new Date(now.getTime() - 4 * DAY) }).run();
    tracingRequests++;
    return { handoffs, tracingRequests };
  });
}
