import { describe, expect, it } from "vitest";
import {
  calendarDaysBetween,
  firstReturn,
  inReturnsDrill,
  jakartaDayOf,
  lengthStats,
  lengthStatsBy,
  parseMeasurePeriod,
  percentile,
  recordedLate,
  residentIssues,
  returnCohort,
  returnFigures,
  returnedInWindow,
  stayLengthDays,
  windowComplete,
  type ResidentFacts,
  type ReturnRow,
} from "./measures";

/** An instant given as Jakarta wall-clock time. */
const wib = (local: string) => new Date(`${local}+07:00`);

describe("calendar days in Jakarta", () => {
  it("count days on the Jakarta calendar, not by elapsed hours or UTC dates", () => {
    // 23:30 WIB on 1 Jan is 16:30 UTC; 00:30 WIB on 2 Jan is still 1 Jan in UTC.
    expect(jakartaDayOf(wib("2026-01-01T23:30:00"))).toBe("2026-01-01");
    expect(jakartaDayOf(wib("2026-01-02T00:30:00"))).toBe("2026-01-02");
    expect(stayLengthDays(wib("2026-01-01T23:30:00"), wib("2026-01-02T00:30:00"))).toBe(1);
    expect(stayLengthDays(wib("2026-01-01T00:10:00"), wib("2026-01-01T23:50:00"))).toBe(0);
    expect(calendarDaysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(calendarDaysBetween("2026-03-01", "2026-02-28")).toBe(-1);
  });
});

describe("the period of a measure page", () => {
  const now = wib("2026-11-23T10:00:00");
  it("defaults to the last twelve months and keeps a valid period", () => {
    expect(parseMeasurePeriod({}, now)).toEqual({ ok: true, period: { from: "2025-11-24", to: "2026-11-23" } });
    expect(parseMeasurePeriod({ from: "2025-01-01", to: "2025-03-31" }, now)).toEqual({ ok: true, period: { from: "2025-01-01", to: "2025-03-31" } });
    expect(parseMeasurePeriod({ from: "2025-01-01" }, now)).toEqual({ ok: true, period: { from: "2025-01-01", to: "2025-12-31" } });
    expect(parseMeasurePeriod({ to: "2025-12-31" }, now)).toEqual({ ok: true, period: { from: "2025-01-01", to: "2025-12-31" } });
  });
  it("refuses impossible dates, reversed and overlong periods with a message", () => {
    expect(parseMeasurePeriod({ from: "2025-02-30" }, now)).toMatchObject({ ok: false, error: "measures.error.date" });
    expect(parseMeasurePeriod({ from: "kemarin" }, now)).toMatchObject({ ok: false, error: "measures.error.date" });
    expect(parseMeasurePeriod({ from: "2025-05-01", to: "2025-01-01" }, now)).toMatchObject({ ok: false, error: "measures.error.order" });
    expect(parseMeasurePeriod({ from: "2000-01-01", to: "2025-01-01" }, now)).toMatchObject({ ok: false, error: "measures.error.span" });
    expect(parseMeasurePeriod({ from: "", to: "" }, now)).toMatchObject({ ok: true });
  });
});

describe("percentiles and length of stay", () => {
  it("takes the nearest rank for p90 and the middle for the median", () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11], 90)).toBe(10);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(lengthStats([1, 2, 3, 10])).toEqual({ n: 4, median: 2.5, mean: 4, p90: 10 });
    expect(lengthStats([1, 1, 2])).toEqual({ n: 3, median: 1, mean: 1.3, p90: 2 });
    expect(lengthStats([])).toEqual({ n: 0, median: null, mean: null, p90: null });
  });
  it("groups by a key, largest group first", () => {
    const rows = [{ k: "a", days: 1 }, { k: "b", days: 4 }, { k: "b", days: 6 }];
    expect(lengthStatsBy(rows, (r) => r.k)).toEqual([
      { key: "b", n: 2, median: 5, mean: 5, p90: 6 },
      { key: "a", n: 1, median: 1, mean: 1, p90: 1 },
    ]);
  });
});

describe("returns after a positive exit", () => {
  const row = (over: Partial<ReturnRow>): ReturnRow => ({
    personId: 1,
    stayId: 1,
    pantiId: 1,
    pantiType: "intake",
    outcome: "returned_family",
    exitedAt: wib("2024-01-10T10:00:00"),
    nextStayAt: null,
    nextReferralAt: null,
    ...over,
  });

  it("keeps each person's first positive exit and leaves other outcomes out", () => {
    const rows = [
      row({ personId: 1, stayId: 2, exitedAt: wib("2024-03-01T10:00:00") }),
      row({ personId: 1, stayId: 1, exitedAt: wib("2024-01-01T10:00:00") }),
      row({ personId: 2, stayId: 3, outcome: "absconded" }),
      row({ personId: 3, stayId: 4, outcome: "transferred_panti" }),
      row({ personId: 4, stayId: 5, outcome: "programme_completed" }),
    ];
    expect(returnCohort(rows).map((r) => r.stayId)).toEqual([1, 5]);
  });

  it("takes the earlier of a new stay and a new referral", () => {
    expect(firstReturn({ nextStayAt: 200, nextReferralAt: 100 })).toEqual({ at: 100, kind: "referral" });
    expect(firstReturn({ nextStayAt: 100, nextReferralAt: 100 })).toEqual({ at: 100, kind: "stay" });
    expect(firstReturn({ nextStayAt: 100, nextReferralAt: null })).toEqual({ at: 100, kind: "stay" });
    expect(firstReturn({ nextStayAt: null, nextReferralAt: null })).toBeNull();
  });

  it("counts a window only once its last day is past, with day 180 in the first window and 181 in the second", () => {
    // Exit 10 Jan 2024: day 180 is 8 Jul 2024, day 365 is 9 Jan 2025, day 730 is 9 Jan 2026.
    expect(windowComplete("2024-01-10", "m6", "2024-07-08")).toBe(false);
    expect(windowComplete("2024-01-10", "m6", "2024-07-09")).toBe(true);
    expect(windowComplete("2024-01-10", "m24", "2026-01-09")).toBe(false);
    expect(windowComplete("2024-01-10", "m24", "2026-01-10")).toBe(true);
    const day180 = row({ nextStayAt: wib("2024-07-08T23:00:00") });
    const day181 = row({ nextReferralAt: wib("2024-07-09T00:30:00") });
    const today = "2026-06-01";
    expect(returnedInWindow(day180, "m6", today)).toBe(true);
    expect(returnedInWindow(day180, "m12", today)).toBe(false);
    expect(returnedInWindow(day181, "m6", today)).toBe(false);
    expect(returnedInWindow(day181, "m12", today)).toBe(true);
    expect(returnedInWindow(day181, "total", "2026-01-09")).toBe(false); // the 730-day window is not complete
    expect(returnedInWindow(day181, "total", "2026-01-10")).toBe(true);
  });

  it("sums a group per window, leaving out exits whose window is not complete", () => {
    const today = "2025-03-01";
    const rows = [
      row({ exitedAt: wib("2024-01-10T10:00:00"), nextStayAt: wib("2024-02-01T10:00:00") }), // day 22
      row({ exitedAt: wib("2024-01-10T10:00:00"), nextStayAt: wib("2024-10-01T10:00:00") }), // day 265
      row({ exitedAt: wib("2024-01-10T10:00:00") }),
      row({ exitedAt: wib("2024-12-01T10:00:00"), nextStayAt: wib("2024-12-05T10:00:00") }), // 6-month window open
    ];
    const figures = returnFigures(rows, today);
    expect(figures.exits).toBe(4);
    expect(figures.m6).toEqual({ eligible: 3, pending: 1, returned: 1, pct: 33.3 });
    expect(figures.m12).toEqual({ eligible: 3, pending: 1, returned: 1, pct: 33.3 });
    expect(figures.m24).toEqual({ eligible: 0, pending: 4, returned: 0, pct: null });
    expect(figures.total).toEqual({ eligible: 0, pending: 4, returned: 0, pct: null });
    expect(rows.filter((r) => inReturnsDrill(r, { window: "m6", show: "returned" }, today))).toEqual([rows[0]]);
    expect(rows.filter((r) => inReturnsDrill(r, { window: "m6", show: "eligible" }, today))).toHaveLength(3);
    expect(rows.filter((r) => inReturnsDrill(r, { show: "exits", outcome: "adopted" }, today))).toHaveLength(0);
  });
});

describe("data-quality checks", () => {
  const resident = (over: Partial<ResidentFacts>): ResidentFacts => ({
    nik: "3171010101800001",
    birthYear: 1980,
    birthDate: null,
    estimatedBirthYear: 1980,
    originProvince: "DKI Jakarta",
    originCity: "Jakarta Barat",
    unidentified: false,
    admittedAt: wib("2026-05-01T10:00:00"),
    hasBed: true,
    lastStageAt: wib("2026-05-20T10:00:00"),
    ...over,
  });
  const today = "2026-06-01";

  it("finds nothing wrong with a complete record", () => {
    expect(residentIssues(resident({}), today, 90)).toEqual([]);
  });

  it("flags missing NIK, birth year, origin and a missing bed", () => {
    expect(residentIssues(resident({ nik: null, birthYear: null, estimatedBirthYear: null, originCity: " ", hasBed: false }), today, 90)).toEqual([
      "missing_nik",
      "missing_birth_year",
      "missing_origin",
      "no_bed",
    ]);
  });

  it("flags unidentified people after more than 30 days, and a stage unchanged for N days or more", () => {
    // Admitted 1 May: 31 days on 1 June.
    expect(residentIssues(resident({ unidentified: true, admittedAt: wib("2026-05-02T00:10:00") }), today, 90)).not.toContain("unidentified");
    expect(residentIssues(resident({ unidentified: true, admittedAt: wib("2026-05-01T23:50:00") }), today, 90)).toContain("unidentified");
    expect(residentIssues(resident({ lastStageAt: wib("2026-03-03T23:59:00") }), today, 90)).toContain("no_stage_change");
    expect(residentIssues(resident({ lastStageAt: wib("2026-03-04T00:01:00") }), today, 90)).not.toContain("no_stage_change");
    expect(residentIssues(resident({ lastStageAt: null, admittedAt: wib("2026-05-02T10:00:00") }), today, 30)).toContain("no_stage_change");
  });

  it("calls a record late when entered more than seven calendar days after its event", () => {
    expect(recordedLate(wib("2026-05-01T23:00:00"), wib("2026-05-08T23:59:00"))).toBe(false);
    expect(recordedLate(wib("2026-05-01T23:00:00"), wib("2026-05-09T00:01:00"))).toBe(true);
    expect(recordedLate(wib("2026-05-01T23:00:00"), null)).toBe(false);
  });
});
