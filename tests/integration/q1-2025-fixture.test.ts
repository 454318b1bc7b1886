import { describe, expect, it } from "vitest";
import { jointCounts, q1_2025Referrals, Q1_2025_BY_MONTH, Q1_2025_BY_UNIT, Q1_2025_TOTAL } from "#db/fixtures/q1-2025";
import { jakartaDate } from "~/domain/time";

describe("Q1 2025 fixture", () => {
  it("balances a table to both margins", () => {
    const t = jointCounts([3, 5, 2], [4, 6]);
    expect(t.map((r) => r[0]! + r[1]!)).toEqual([3, 5, 2]);
    expect([0, 1].map((j) => t.reduce((a, r) => a + r[j]!, 0))).toEqual([4, 6]);
  });

  it("holds exactly the published figures, by unit and by month (Jakarta time)", () => {
    const rows = q1_2025Referrals();
    expect(rows).toHaveLength(Q1_2025_TOTAL);
    const byUnit: Record<string, number> = {};
    const byMonth: Record<string, number> = {};
    for (const r of rows) {
      byUnit[r.outreachUnit] = (byUnit[r.outreachUnit] ?? 0) + 1;
      const month = jakartaDate(r.foundAt).slice(0, 7);
      byMonth[month] = (byMonth[month] ?? 0) + 1;
    }
    expect(byUnit).toEqual(Q1_2025_BY_UNIT);
    expect(byMonth).toEqual(Q1_2025_BY_MONTH);
    expect(new Set(rows.map((r) => r.externalRef)).size).toBe(Q1_2025_TOTAL);
  });
});
