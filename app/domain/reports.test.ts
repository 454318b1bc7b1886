import { describe, expect, it } from "vitest";
import { currentQuarter, daysInRange, losSummary, monthsInRange, quarterPeriod, resolveFilter, resolveQuarter } from "./reports";
import type { Scope } from "./permissions";

const ALL: Scope = { kind: "all" };

describe("periods", () => {
  it("knows quarters, days and months on the calendar", () => {
    expect(quarterPeriod(2025, 1)).toEqual({ from: "2025-01-01", to: "2025-03-31" });
    expect(quarterPeriod(2024, 4)).toEqual({ from: "2024-10-01", to: "2024-12-31" });
    expect(daysInRange("2024-02-27", "2024-03-01")).toEqual(["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"]);
    expect(monthsInRange("2025-11-15", "2026-02-01")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("defaults to the last twelve months, swaps reversed dates and never reaches past today", () => {
    const now = new Date("2026-11-23T05:00:00Z");
    expect(resolveFilter({}, now, ALL)).toMatchObject({ from: "2025-11-24", to: "2026-11-23" });
    expect(resolveFilter({ from: "2026-05-01", to: "2026-01-01" }, now, ALL)).toMatchObject({ from: "2026-01-01", to: "2026-05-01" });
    expect(resolveFilter({ to: "2030-01-01" }, now, ALL).to).toBe("2026-11-23");
    expect(resolveFilter({ panti: 9 }, now, { kind: "panti", pantiId: 3 }).pantiId).toBe(3);
  });

  it("opens on the quarter holding today (in Jakarta) by default", () => {
    expect(resolveQuarter({}, new Date("2026-11-23T05:00:00Z"))).toEqual({ year: 2026, quarter: 4 });
    expect(resolveQuarter({}, new Date("2026-02-01T05:00:00Z"))).toEqual({ year: 2026, quarter: 1 });
    // 31 December 18:00 UTC is already 1 January in Jakarta.
    expect(resolveQuarter({}, new Date("2026-12-31T18:00:00Z"))).toEqual({ year: 2027, quarter: 1 });
    expect(resolveQuarter({ year: 2025, quarter: 1 }, new Date())).toEqual({ year: 2025, quarter: 1 });
  });
});

describe("length of stay", () => {
  it("gives the median and the distribution from counts per day", () => {
    const summary = losSummary([
      { days: 25, n: 3 },
      { days: 3, n: 1 },
      { days: 400, n: 1 },
      { days: 100, n: 1 },
    ]);
    expect(summary).toMatchObject({ n: 6, median: 25, le7: 1, le30: 3, le90: 0, le180: 1, le365: 0, gt365: 1 });
    expect(losSummary([{ days: 10, n: 1 }, { days: 20, n: 1 }]).median).toBe(15);
    expect(losSummary([]).median).toBeNull();
  });
});

describe("currentQuarter", () => {
  it("is the quarter of today in Jakarta", () => {
    expect(currentQuarter(new Date("2026-11-23T05:00:00Z"))).toEqual({ year: 2026, quarter: 4 });
    // 31 March, 20:00 UTC is already 1 April in Jakarta.
    expect(currentQuarter(new Date("2026-03-31T20:00:00Z"))).toEqual({ year: 2026, quarter: 2 });
  });
});
