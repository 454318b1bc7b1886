/**
 * A partner province for hand-off tests: its own Ed25519 key (signing packets as its instance
 * would), registered in the test database's registry, and optionally a fake instance on a local
 * node:http server that records what it was sent and answers with the status it is told to.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { generateKeyPairSync, randomUUID, sign } from "node:crypto";
import { eq } from "drizzle-orm";
import { partnerProvinces } from "#db/schema";
import { loadReferenceData } from "#db/seed/reference";
import { PACKET_VERSION, type HandoffPacket } from "~/domain/handoffs";
import { db } from "~/utils/db.server";
import { canonicalJson } from "~/utils/signing.server";

export function ensurePartnerRegistry() {
  db.insert(partnerProvinces).values(loadReferenceData().partnerProvinces).onConflictDoNothing().run();
}

export interface FakePartner {
  code: string;
  publicKey: string;
  /** `{ packet, signature }` signed with the partner's key. */
  signed: (packet: Record<string, unknown>) => { packet: Record<string, unknown>; signature: string };
  /** Requests the fake instance received: path and parsed body. */
  received: { path: string; body: { packet: Record<string, unknown>; signature: string } }[];
  /** The status the fake instance answers with next (default 201). */
  answers: number[];
  baseUrl: string | null;
  close: () => Promise<void>;
}

/** Registers the partner (its key, and the fake instance's address when `withInstance`). */
export async function fakePartner(code = "32", options: { withInstance?: boolean } = {}): Promise<FakePartner> {
  ensurePartnerRegistry();
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const publicText = publicKey.export({ type: "spki", format: "der" }).toString("base64");
  const received: FakePartner["received"] = [];
  const answers: number[] = [];
  let server: http.Server | null = null;
  let baseUrl: string | null = null;
  if (options.withInstance) {
    server = http.createServer((req, res) => {
      let text = "";
      req.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      req.on("end", () => {
        const status = answers.shift() ?? 201;
        if (status < 300) received.push({ path: req.url ?? "", body: JSON.parse(text) as FakePartner["received"][number]["body"] });
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(JSON.stringify(status < 300 ? { status: "received" } : { error: "unavailable", message: "down for maintenance" }));
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  db.update(partnerProvinces).set({ publicKey: publicText, baseUrl, active: true }).where(eq(partnerProvinces.code, code)).run();
  return {
    code,
    publicKey: publicText,
    signed: (packet) => ({ packet, signature: sign(null, Buffer.from(canonicalJson(packet), "utf8"), privateKey).toString("base64") }),
    received,
    answers,
    baseUrl,
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}

/** A hand-off packet as a partner's instance would send it to DKI Jakarta (31). */
export function incomingHandoffPacket(from = "32", overrides: Partial<HandoffPacket> = {}): HandoffPacket {
  return {
    version: PACKET_VERSION,
    kind: "handoff",
    packetId: randomUUID(),
    from,
    to: "31",
    sentAt: "2026-11-20T02:00:00.000Z",
    sender: { office: "Dinas Sosial Provinsi Jawa Barat", panti: "UPTD PSBK Bandung", contact: "Asep Sunandar" },
    person: {
      name: "Rahmat Hidayat",
      unidentified: false,
      description: null,
      sex: "male",
      birthDate: null,
      birthYear: 1985,
      nik: null,
      kk: null,
      originCity: "Jakarta Timur",
      ppksCategory: "gelandangan",
      disabilitySubtypes: [],
    },
    documents: ["ktp"],
    documentsNote: null,
    reason: "Ingin pulang ke keluarga di Jakarta Timur",
    condition: { health: "Sehat", medication: null, disability: null, psychosocial: "Stabil" },
    continuation: { rehabilitationStage: "resosialisasi", rehabilitation: "Bimbingan sosial", treatment: null, training: "Las" },
    family: { found: true, name: "Siti Rahmawati", relation: "kakak", address: "Cakung, Jakarta Timur", phone: null },
    travel: { destinationCity: "Jakarta Timur", escort: "Dedi Mulyadi (peksos)", transport: "train", plannedDate: "2026-11-25" },
    consent: { given: true, note: null },
    ...overrides,
  };
}
