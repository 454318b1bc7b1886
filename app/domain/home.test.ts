import { describe, expect, it } from "vitest";
import { homeSections, sessionDue, SESSION_DUE_DAYS } from "./home";

describe("homeSections", () => {
  it("gives an outreach officer of a unit their referrals", () => {
    expect(homeSections({ id: 1, role: "outreach", pantiId: null, outreachUnit: "P3S-JB" })).toEqual(["referrals"]);
  });
  it("gives an outreach officer without a unit nothing to refer for", () => {
    expect(homeSections({ id: 1, role: "outreach", pantiId: null, outreachUnit: null })).toEqual([]);
  });
  it("gives a panti admin the queue, approvals, beds, follow-ups and stays to review", () => {
    expect(homeSections({ id: 2, role: "panti_admin", pantiId: 3 })).toEqual(["queue", "approvals", "withoutBed", "followUps", "staleStays"]);
  });
  it("gives an instructor today's classes and a psychologist the residents they follow", () => {
    expect(homeSections({ id: 3, role: "instructor", pantiId: 3 })).toEqual(["todayClasses"]);
    expect(homeSections({ id: 4, role: "psychosocial", pantiId: 3 })).toEqual(["followedResidents", "followUps"]);
  });
  it("gives Dinsos the approvals (admins) and the review, and nothing of one panti", () => {
    expect(homeSections({ id: 5, role: "dinsos_admin", pantiId: null })).toEqual(["approvals", "review"]);
    expect(homeSections({ id: 6, role: "dinsos_viewer", pantiId: null })).toEqual(["review"]);
  });
  it("gives a panti role without a panti nothing", () => {
    expect(homeSections({ id: 7, role: "panti_admin", pantiId: null })).toEqual([]);
  });
});

describe("sessionDue", () => {
  const now = new Date("2026-12-01T03:00:00Z");
  it("is due without any session", () => expect(sessionDue(null, now)).toBe(true));
  it("is not due within the interval", () => expect(sessionDue(new Date(now.getTime() - 86_400_000), now)).toBe(false));
  it("is due once the interval has passed", () => {
    expect(sessionDue(new Date(now.getTime() - SESSION_DUE_DAYS * 86_400_000), now)).toBe(true);
  });
});
