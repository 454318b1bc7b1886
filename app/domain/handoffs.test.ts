import { describe, expect, it } from "vitest";
import {
  buildHandoffPacket,
  canMove,
  deliveryOutcome,
  handoffPacketSchema,
  handoffSchema,
  HANDOFF_STATUSES,
  handoffFormValues,
  isOpen,
  nextAttemptDelayMs,
  pathTo,
  reportOutcome,
} from "./handoffs";
import { handoffFormFields } from "../../tests/factories/handoff-form";

const formInput = handoffFormFields();

describe("hand-off statuses", () => {
  it("go draft → sent → received → accepted or declined → arrived → closed, and nowhere else", () => {
    expect(canMove("draft", "sent")).toBe(true);
    expect(canMove("sent", "received")).toBe(true);
    expect(canMove("received", "accepted")).toBe(true);
    expect(canMove("received", "declined")).toBe(true);
    expect(canMove("accepted", "arrived")).toBe(true);
    expect(canMove("arrived", "closed")).toBe(true);
    expect(canMove("declined", "closed")).toBe(true);
    expect(canMove("draft", "received")).toBe(false);
    expect(canMove("declined", "arrived")).toBe(false);
    expect(canMove("closed", "draft")).toBe(false);
    for (const status of HANDOFF_STATUSES) expect(canMove(status, status)).toBe(false);
  });

  it("let a draft only be discarded besides being sent; a discarded draft goes nowhere and is no longer open", () => {
    expect(canMove("draft", "discarded")).toBe(true);
    for (const status of HANDOFF_STATUSES) {
      expect(canMove("discarded", status)).toBe(false);
      if (status !== "draft") expect(canMove(status, "discarded")).toBe(false);
    }
    expect(reportOutcome("discarded", "received")).toBe("refuse");
    expect(isOpen("discarded")).toBe(false);
    expect(isOpen("draft")).toBe(true);
  });

  it("find the way to a reported status, and refuse one that is behind or off the path", () => {
    expect(pathTo("sent", "arrived")).toEqual(["received", "accepted", "arrived"]);
    expect(pathTo("sent", "declined")).toEqual(["received", "declined"]);
    expect(reportOutcome("sent", "received")).toBe("apply");
    expect(reportOutcome("accepted", "accepted")).toBe("same");
    expect(reportOutcome("accepted", "received")).toBe("refuse");
    expect(reportOutcome("declined", "arrived")).toBe("refuse");
  });
});

describe("the hand-off form", () => {
  it("is filled from a draft's packet with the values the form posts, which parse back to the same input", () => {
    const input = handoffSchema.parse(handoffFormFields({ docKk: "on", familyFound: "on", familyName: "Euis Kurniasih", familyRelation: "Adik", familyAddress: "Garut", medication: "Metformin" }));
    const packet = buildHandoffPacket({
      packetId: "3f2a91c0-5b7e-4d1a-9c3e-8a6b2d4f7e10",
      from: "31",
      sentAt: new Date("2026-12-01T03:00:00Z"),
      sender: { office: "Dinas Sosial Provinsi DKI Jakarta", panti: null, contact: null },
      person: { name: "Asep", unidentified: false, description: null, sex: "male", birthDate: null, birthYear: 1980, nik: null, kk: null, originCity: null, ppksCategory: null, disabilitySubtypes: [] },
      stage: null,
      input,
    });
    const values = handoffFormValues(packet);
    expect(values).toMatchObject({ docKtp: "on", docKk: "on", familyFound: "on", consent: "on", partnerCode: "32" });
    expect(values).not.toHaveProperty("docBpjs");
    expect(handoffSchema.parse(values)).toEqual(input);
  });

  it("needs the person's consent, and the family's details when the family was found", () => {
    expect(handoffSchema.safeParse(formInput).success).toBe(true);
    const refused = handoffSchema.safeParse({ ...formInput, consent: undefined, familyFound: "on" });
    expect(refused.success).toBe(false);
    const paths = refused.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["consent", "familyName", "familyRelation", "familyAddress"]));
  });

  it("makes a packet with only what the agreement needs, that the receiver's schema reads", () => {
    const input = handoffSchema.parse(formInput);
    const packet = buildHandoffPacket({
      packetId: "3b0c6f0e-9a4e-4b8e-8f1e-2f7a9d1c5e11",
      from: "31",
      sentAt: new Date("2026-12-01T03:00:00Z"),
      sender: { office: "Dinas Sosial Provinsi DKI Jakarta", panti: "PSBI Bangun Daya 1", contact: "Budi" },
      person: {
        name: "Siti Aminah",
        unidentified: false,
        description: null,
        sex: "female",
        birthDate: null,
        birthYear: 1970,
        nik: null,
        kk: null,
        originCity: "Garut",
        ppksCategory: "gelandangan",
        disabilitySubtypes: [],
      },
      stage: "resosialisasi",
      input,
    });
    expect(handoffPacketSchema.parse(packet)).toEqual(packet);
    expect(packet).toMatchObject({ version: 1, kind: "handoff", to: "32", documents: ["ktp"], family: { found: false } });
  });
});

describe("the outbox", () => {
  it("backs off from 30 seconds, doubling, to at most 6 hours", () => {
    expect(nextAttemptDelayMs(1)).toBe(30_000);
    expect(nextAttemptDelayMs(2)).toBe(60_000);
    expect(nextAttemptDelayMs(5)).toBe(480_000);
    expect(nextAttemptDelayMs(40)).toBe(6 * 3_600_000);
  });

  it("retries when the partner is down or does not know us yet, and gives up on a refusal of the packet itself", () => {
    expect(deliveryOutcome(201)).toBe("delivered");
    expect(deliveryOutcome(200)).toBe("delivered");
    expect(deliveryOutcome(null)).toBe("retry");
    expect(deliveryOutcome(503)).toBe("retry");
    expect(deliveryOutcome(403)).toBe("retry");
    expect(deliveryOutcome(409)).toBe("rejected");
    expect(deliveryOutcome(422)).toBe("rejected");
  });
});
