import { describe, expect, it } from "vitest";
import {
  canUndoExit,
  checkExitDate,
  exitDetails,
  exitSchema,
  followUpDueDates,
  followUpsToSchedule,
  followUpState,
  isPartnerProvince,
  isPositiveOutcome,
  isReentry,
} from "./exits";

const fields = (r: ReturnType<typeof exitSchema.safeParse>) => (r.success ? [] : r.error.issues.map((i) => i.path.join(".")).sort());

describe("exit details fit the outcome", () => {
  it("needs the family and the documents for a return to family", () => {
    const r = exitSchema.safeParse({ outcome: "returned_family", exitedAt: "2026-05-02T10:00", docKk: "on" });
    expect(fields(r)).toEqual(["docKtp", "docSignedStatement", "familyAddress", "familyName", "familyRelation"]);
    const ok = exitSchema.parse({
      outcome: "returned_family",
      exitedAt: "2026-05-02T10:00",
      familyName: "Sri Wahyuni",
      familyRelation: "anak",
      familyAddress: "Jl. Melati 3, Bekasi",
      docKtp: "on",
      docKk: "on",
      docSignedStatement: "on",
    });
    expect(exitDetails(ok)).toMatchObject({ familyName: "Sri Wahyuni", documents: { ktp: true, kk: true, rtRwLetter: false, signedStatement: true } });
  });

  it("needs province, city and transport for repatriation, and flags partner provinces", () => {
    expect(fields(exitSchema.safeParse({ outcome: "repatriated_home_region", exitedAt: "2026-05-02T10:00" }))).toEqual(["city", "province", "transport"]);
    const toPartner = { outcome: "repatriated_home_region", exitedAt: "2026-05-02T10:00", province: "Jawa Tengah", city: "Brebes", transport: "bus" };
    // A partner province of FKD-MPU: with its hand-off, or a recorded reason for going without one.
    expect(fields(exitSchema.safeParse(toPartner))).toEqual(["noHandoffReason"]);
    const ok = exitSchema.parse({ ...toPartner, noHandoffReason: "Keluarga menjemput sendiri dari panti" });
    expect(exitDetails(ok)).toMatchObject({ partnerProvince: true, handoffId: null, noHandoffReason: "Keluarga menjemput sendiri dari panti" });
    expect(exitDetails(exitSchema.parse({ ...toPartner, handoffId: "7" }))).toMatchObject({ handoffId: 7, noHandoffReason: null });
    expect(exitSchema.safeParse({ ...toPartner, province: "Sumatera Utara" }).success).toBe(true);
    expect(isPartnerProvince("Sumatera Utara")).toBe(false);
    expect(exitSchema.safeParse({ outcome: "repatriated_home_region", exitedAt: "2026-05-02T10:00", province: "Atlantis", city: "X", transport: "bus" }).success).toBe(false);
  });

  it("needs the receiving panti and a summary for a transfer, an institution for a referral, notes for other", () => {
    expect(fields(exitSchema.safeParse({ outcome: "transferred_panti", exitedAt: "2026-05-02T10:00" }))).toEqual(["notes", "toPantiId"]);
    expect(fields(exitSchema.safeParse({ outcome: "referred_hospital", exitedAt: "2026-05-02T10:00" }))).toEqual(["institutionName"]);
    expect(fields(exitSchema.safeParse({ outcome: "other", exitedAt: "2026-05-02T10:00" }))).toEqual(["notes"]);
    expect(exitSchema.safeParse({ outcome: "absconded", exitedAt: "2026-05-02T10:00" }).success).toBe(true);
    expect(fields(exitSchema.safeParse({ outcome: "escaped", exitedAt: "kemarin" }))).toEqual(["exitedAt", "outcome"]);
  });
});

describe("exit rules", () => {
  const admitted = new Date("2026-03-01T03:00:00Z");
  const now = new Date("2026-05-10T03:00:00Z");
  it("refuses dates before admission or in the future", () => {
    expect(checkExitDate(admitted, new Date("2026-02-28T03:00:00Z"), now)).toMatchObject({ ok: false, messageKey: "exit.error.beforeAdmission" });
    expect(checkExitDate(admitted, new Date("2026-05-11T03:00:00Z"), now)).toMatchObject({ ok: false, messageKey: "error.future" });
    expect(checkExitDate(admitted, admitted, now)).toEqual({ ok: true });
  });
  it("lets the panti undo within 72 hours, Dinsos always", () => {
    const recorded = new Date("2026-05-07T04:00:00Z");
    expect(canUndoExit(recorded, now, "panti_admin")).toBe(true);
    expect(canUndoExit(new Date("2026-05-07T02:59:00Z"), now, "panti_admin")).toBe(false);
    expect(canUndoExit(new Date("2020-01-01T00:00:00Z"), now, "dinsos_admin")).toBe(true);
  });
  it("counts positive outcomes", () => {
    expect(["returned_family", "repatriated_home_region", "independent_living", "adopted", "programme_completed"].every(isPositiveOutcome)).toBe(true);
    expect(["absconded", "deceased", "transferred_panti", "own_request"].some(isPositiveOutcome)).toBe(false);
  });
});

describe("follow-ups", () => {
  it("schedules 1, 3 and 6 months after the exit on the Jakarta calendar, clamping month ends", () => {
    expect(followUpDueDates(new Date("2026-01-30T20:00:00Z"))).toEqual([
      { sequence: 1, dueDate: "2026-02-28" },
      { sequence: 3, dueDate: "2026-04-30" },
      { sequence: 6, dueDate: "2026-07-31" },
    ]);
    expect(followUpDueDates(new Date("2026-10-15T03:00:00Z")).map((d) => d.dueDate)).toEqual(["2026-11-15", "2027-01-15", "2027-04-15"]);
  });
  it("grades due, overdue, upcoming and done", () => {
    expect(followUpState({ dueDate: "2026-05-01", doneAt: null }, "2026-05-10")).toBe("overdue");
    expect(followUpState({ dueDate: "2026-05-15", doneAt: null }, "2026-05-10")).toBe("due");
    expect(followUpState({ dueDate: "2026-06-15", doneAt: null }, "2026-05-10")).toBe("upcoming");
    expect(followUpState({ dueDate: "2026-05-01", doneAt: new Date() }, "2026-05-10")).toBe("done");
  });
});

describe("re-entry", () => {
  it("is a return after an exit that was not a transfer", () => {
    expect(isReentry(null, false)).toBe(false);
    expect(isReentry({ exitOutcome: "returned_family" }, false)).toBe(true);
    expect(isReentry({ exitOutcome: "transferred_panti" }, false)).toBe(false);
    expect(isReentry({ exitOutcome: "absconded" }, true)).toBe(false);
  });
});

describe("followUpsToSchedule", () => {
  it("schedules all three follow-ups for an exit recorded when it happens", () => {
    expect(followUpsToSchedule(new Date("2026-10-15T03:00:00Z"), "2026-10-15").map((d) => d.sequence)).toEqual([1, 3, 6]);
  });

  it("keeps a follow-up at most 30 days overdue for an exit recorded late, and none for an old exit", () => {
    // Exit on 15 Oct 2026, recorded on 1 Dec: the 1-month one (15 Nov) is 16 days overdue and kept.
    expect(followUpsToSchedule(new Date("2026-10-15T03:00:00Z"), "2026-12-01").map((d) => d.dueDate)).toEqual(["2026-11-15", "2027-01-15", "2027-04-15"]);
    // Recorded on 20 Dec: the 1-month one is 35 days overdue and left out.
    expect(followUpsToSchedule(new Date("2026-10-15T03:00:00Z"), "2026-12-20").map((d) => d.sequence)).toEqual([3, 6]);
    // An exit of 2024 imported in 2026: nothing to follow up any more.
    expect(followUpsToSchedule(new Date("2024-03-10T03:00:00Z"), "2026-12-01")).toEqual([]);
  });
});
