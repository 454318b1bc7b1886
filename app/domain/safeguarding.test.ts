import { describe, expect, it } from "vitest";
import type { Actor } from "./permissions";
import {
  canRestrict,
  consentFor,
  consentSchema,
  incidentDateError,
  incidentSchema,
  incidentTypeForExit,
  liftRestrictionSchema,
  nameVisible,
  needsAttention,
  notifiedOf,
  restrictSchema,
  type ConsentRecord,
} from "./safeguarding";

const actor = (role: Actor["role"], pantiId: number | null = null): Actor => ({ id: 1, role, pantiId });

describe("restricted records", () => {
  const restricted = { restricted: true, homePantiId: 3 };

  it("names a restricted person only to Dinsos and to the staff of their panti", () => {
    expect(nameVisible(actor("dinsos_admin"), restricted)).toBe(true);
    expect(nameVisible(actor("dinsos_viewer"), restricted)).toBe(true);
    expect(nameVisible(actor("panti_admin", 3), restricted)).toBe(true);
    expect(nameVisible(actor("psychosocial", 3), restricted)).toBe(true);
    expect(nameVisible(actor("panti_admin", 4), restricted)).toBe(false);
    // Instructors teach the panti's residents face to face: named in their own panti only.
    expect(nameVisible(actor("instructor", 3), restricted)).toBe(true);
    expect(nameVisible(actor("instructor", 4), restricted)).toBe(false);
    expect(nameVisible(actor("outreach"), restricted)).toBe(false);
    expect(nameVisible(actor("panti_admin", 4), { restricted: true, homePantiId: null })).toBe(false);
  });

  it("names everyone else to anyone", () => {
    expect(nameVisible(actor("panti_admin", 4), { restricted: false, homePantiId: 3 })).toBe(true);
  });

  it("lets Dinsos admins and the admin of the panti of the open stay set the mark", () => {
    expect(canRestrict(actor("dinsos_admin"), null)).toBe(true);
    expect(canRestrict(actor("dinsos_admin"), 3)).toBe(true);
    expect(canRestrict(actor("panti_admin", 3), 3)).toBe(true);
    expect(canRestrict(actor("panti_admin", 3), null)).toBe(false);
    expect(canRestrict(actor("panti_admin", 4), 3)).toBe(false);
    expect(canRestrict(actor("psychosocial", 3), 3)).toBe(false);
    expect(canRestrict(actor("dinsos_viewer"), 3)).toBe(false);
  });

  it("needs a category and a reason to set the mark, a reason to lift it", () => {
    expect(restrictSchema.safeParse({ intent: "restrict", category: "trafficking", reason: "" }).success).toBe(false);
    expect(restrictSchema.safeParse({ intent: "restrict", category: "unknown", reason: "korban TPPO" }).success).toBe(false);
    expect(restrictSchema.parse({ intent: "restrict", category: "trafficking", reason: " korban TPPO " }).reason).toBe("korban TPPO");
    expect(liftRestrictionSchema.safeParse({ intent: "lift", reason: "  " }).success).toBe(false);
  });
});

describe("incidents", () => {
  const valid = {
    type: "absconding",
    severity: "high",
    occurredAt: "2026-11-20T21:15",
    description: "Tidak ada di kamar saat apel malam",
    actionTaken: "Pencarian di sekitar panti, lapor polsek",
    toldPolice: "on",
  };

  it("parses the form with the boxes ticked", () => {
    const input = incidentSchema.parse(valid);
    expect(input.occurredAt.toISOString()).toBe("2026-11-20T14:15:00.000Z");
    expect(notifiedOf(input)).toEqual(["police"]);
  });

  it("returns every error at once", () => {
    const result = incidentSchema.safeParse({ type: "fire", severity: "", occurredAt: "yesterday", description: "", actionTaken: "" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path[0]);
    expect(new Set(paths)).toEqual(new Set(["type", "severity", "occurredAt", "description", "actionTaken"]));
  });

  it("refuses an incident in the future", () => {
    const now = new Date("2026-11-20T00:00:00Z");
    expect(incidentDateError(new Date("2026-11-21T00:00:00Z"), now)).toBe("incident.error.future");
    expect(incidentDateError(new Date("2026-11-19T00:00:00Z"), now)).toBeNull();
  });

  it("shows serious, recent, unacknowledged incidents", () => {
    const now = new Date("2026-11-30T00:00:00Z");
    const at = new Date("2026-11-25T00:00:00Z");
    expect(needsAttention({ severity: "critical", occurredAt: at, acknowledgedAt: null }, now)).toBe(true);
    expect(needsAttention({ severity: "high", occurredAt: at, acknowledgedAt: null }, now)).toBe(true);
    expect(needsAttention({ severity: "medium", occurredAt: at, acknowledgedAt: null }, now)).toBe(false);
    expect(needsAttention({ severity: "high", occurredAt: at, acknowledgedAt: now }, now)).toBe(false);
    expect(needsAttention({ severity: "high", occurredAt: new Date("2026-11-10T00:00:00Z"), acknowledgedAt: null }, now)).toBe(false);
  });

  it("links absconding and death to the exits of that outcome", () => {
    expect(incidentTypeForExit("absconded")).toBe("absconding");
    expect(incidentTypeForExit("deceased")).toBe("death");
    expect(incidentTypeForExit("returned_family")).toBeNull();
  });
});

describe("consentFor", () => {
  const consents: ConsentRecord[] = [
    { id: 1, purpose: "family", decision: "given", decidedOn: "2026-01-10", expiresOn: "2026-12-31" },
    { id: 2, purpose: "home_province", decision: "given", decidedOn: "2026-01-10", expiresOn: null },
    { id: 3, purpose: "home_province", decision: "withdrawn", decidedOn: "2026-06-01", expiresOn: null },
    { id: 4, purpose: "hospital", decision: "refused", decidedOn: "2026-02-01", expiresOn: null },
  ];
  const person = { consents };

  it("is none when nothing was recorded for the purpose", () => {
    expect(consentFor(person, "research", "2026-07-01")).toEqual({ state: "none", allowed: false, record: null });
  });

  it("allows a consent given and not expired, and marks it expiring in its last 30 days", () => {
    expect(consentFor(person, "family", "2026-07-01")).toMatchObject({ state: "given", allowed: true });
    expect(consentFor(person, "family", "2026-12-15")).toMatchObject({ state: "expiring", allowed: true });
    expect(consentFor(person, "family", "2026-12-31")).toMatchObject({ state: "expiring", allowed: true });
    expect(consentFor(person, "family", "2027-01-01")).toMatchObject({ state: "expired", allowed: false });
  });

  it("lets the latest decision on or before the date decide", () => {
    expect(consentFor(person, "home_province", "2026-03-01")).toMatchObject({ state: "given", allowed: true });
    expect(consentFor(person, "home_province", "2026-06-01")).toMatchObject({ state: "withdrawn", allowed: false });
    expect(consentFor(person, "family", "2026-01-09")).toMatchObject({ state: "none", allowed: false });
    expect(consentFor(person, "hospital", "2026-03-01")).toMatchObject({ state: "refused", allowed: false });
  });

  it("reads a Date in Jakarta time", () => {
    // 2026-12-31T18:00Z is already 1 January 2027 in Jakarta.
    expect(consentFor(person, "family", new Date("2026-12-31T18:00:00Z")).state).toBe("expired");
  });

  it("asks who decided on the person's behalf and why", () => {
    const result = consentSchema.safeParse({ purpose: "family", decision: "given", decidedOn: "2026-01-10", onBehalf: "on" });
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(["decidedBy", "onBehalfReason"]);
    expect(consentSchema.safeParse({ purpose: "family", decision: "given", decidedOn: "2026-01-10", expiresOn: "2026-01-01" }).success).toBe(false);
  });
});
