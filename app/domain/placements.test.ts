import { describe, expect, it } from "vitest";
import { birthYearOf, checkTransition, isFinal, placementAge, placementInputSchema, placementApiSchema } from "./placements";
import { PLACEMENT_STATUSES } from "./enums";

const valid = {
  outreachUnit: "sudin_jakbar",
  officerName: "Rudi Hartono",
  foundAt: "2026-03-02T21:15",
  foundKota: "Jakarta Barat",
  reachMethod: "patrol",
  personName: "Siti Aminah",
  sex: "female",
  estimatedAge: "67",
  ppksCategory: "lansia_terlantar",
  assessmentSummary: "Lansia tidur di halte, tidak ingat alamat keluarga.",
  targetPantiId: "3",
};

describe("placement input", () => {
  it("parses a referral, reading local times as WIB", () => {
    const r = placementInputSchema.parse(valid);
    expect(r.foundAt.toISOString()).toBe("2026-03-02T14:15:00.000Z");
    expect(r.estimatedAge).toBe(67);
    expect(r.disabilitySubtypes).toEqual([]);
    expect(r.unidentified).toBe(false);
  });

  it("keeps names in any script as typed", () => {
    for (const name of ["Ngurah Rai", "Dewi Sartika-Putri", "O'Neil", "Nguyễn Văn An", "مريم", "Zoë Ünal"]) {
      expect(placementInputSchema.parse({ ...valid, personName: name }).personName).toBe(name.normalize("NFC"));
    }
  });

  it("refuses markup, unknown categories, future dates, bad NIK and huge strings, field by field", () => {
    const r = placementInputSchema.safeParse({
      ...valid,
      personName: "<script>alert(1)</script>",
      ppksCategory: "alien",
      foundAt: "2099-01-01T10:00",
      nik: "12345",
      assessmentSummary: "x".repeat(5000),
      birthDate: "2026-02-31",
    });
    expect(r.success).toBe(false);
    const fields = new Set(r.error!.issues.map((i) => String(i.path[0])));
    expect([...fields].sort()).toEqual(["assessmentSummary", "birthDate", "foundAt", "nik", "personName", "ppksCategory"]);
  });

  it("needs a name or an unidentified person with a description, and an age", () => {
    const r = placementInputSchema.safeParse({ ...valid, personName: undefined, estimatedAge: undefined });
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["personName", "placement.error.nameOrUnidentified"],
      ["estimatedAge", "placement.error.ageNeeded"],
    ]);
    const x = placementInputSchema.safeParse({ ...valid, personName: undefined, unidentified: "on" });
    expect(x.error!.issues.map((i) => i.path.join("."))).toEqual(["description"]);
    const ok = placementInputSchema.parse({ ...valid, personName: undefined, unidentified: "on", description: "Mr. X, ±40 th" });
    expect(ok.unidentified).toBe(true);
  });

  it("rejects unknown keys in API bodies", () => {
    const r = placementApiSchema.safeParse({ ...valid, targetPantiId: 3, estimatedAge: 67, isAdmin: true });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.code).toBe("unrecognized_keys");
  });

  it("computes age and birth year", () => {
    const at = new Date("2026-03-02T14:15:00Z");
    expect(placementAge({ birthDate: "1960-03-03", foundAt: at }, at)).toBe(65);
    expect(placementAge({ estimatedAge: 40, foundAt: at }, new Date("2028-03-03T00:00:00Z"))).toBe(42);
    expect(birthYearOf({ estimatedAge: 40, at })).toBe(1986);
    expect(birthYearOf({ birthDate: "1960-03-03", at })).toBe(1960);
  });
});

describe("placement status machine", () => {
  it("lets a pending referral be decided once, with reasons where needed", () => {
    expect(checkTransition("pending", "accepted")).toEqual({ ok: true });
    expect(checkTransition("pending", "declined", "Penuh, lansia dirujuk ke PSTW")).toEqual({ ok: true });
    expect(checkTransition("pending", "declined", "")).toMatchObject({ ok: false, messageKey: "placement.error.reasonRequired" });
  });

  it("refuses every move out of a final status", () => {
    for (const from of PLACEMENT_STATUSES.filter((s) => s !== "pending")) {
      expect(isFinal(from)).toBe(true);
      for (const to of PLACEMENT_STATUSES) {
        expect(checkTransition(from, to, "alasan cukup").ok).toBe(false);
      }
    }
    expect(checkTransition("pending", "pending").ok).toBe(false);
  });
});
