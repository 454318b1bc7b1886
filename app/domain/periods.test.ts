import { describe, expect, it } from "vitest";
import { monthWithin, nameOfPeriod, namedPeriodOf, periodDays, periodInput, periodSchema, quickChoices, resolvePeriod } from "./periods";

const parse = (from?: string, to?: string) => periodSchema.safeParse({ from, to });
const messages = (from?: string, to?: string) => {
  const r = parse(from, to);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("report periods", () => {
  it("accepts any real period of up to ten years", () => {
    expect(parse("2025-01-01", "2025-03-31").data).toEqual({ from: "2025-01-01", to: "2025-03-31" });
    expect(parse("2024-02-29", "2024-02-29").success).toBe(true);
    expect(parse("2015-01-01", "2024-12-31").success).toBe(true);
    expect(parse(undefined, undefined).success).toBe(true);
  });

  it("refuses impossible, reversed, half-given and too long periods with a message for the field", () => {
    expect(messages("2025-02-29", "2025-03-31")).toEqual(["from: period.error.date"]);
    expect(messages("2025-13-01", "2025-12-31")).toEqual(["from: period.error.date"]);
    expect(messages("tomorrow", "2025-12-31")).toEqual(["from: period.error.date"]);
    expect(messages("1999-12-31", "2000-01-31")).toEqual(["from: period.error.range"]);
    expect(messages("2025-04-01", "2025-03-31")).toEqual(["to: period.error.order"]);
    expect(messages("2025-04-01", undefined)).toEqual(["to: period.error.both"]);
    expect(messages(undefined, "2025-04-01")).toEqual(["from: period.error.both"]);
    expect(messages("2014-01-01", "2024-12-31")).toEqual(["to: period.error.tooLong"]);
  });

  it("reads empty query values as not given and defaults to the quarter holding today in Jakarta", () => {
    expect(periodInput(new URLSearchParams("from=&to=%20"))).toEqual({ from: undefined, to: undefined });
    expect(periodInput(new URLSearchParams("from=2024-01-01&to=2024-12-31"))).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(resolvePeriod({}, new Date("2026-11-23T05:00:00Z"))).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    // 30 June 17:00 UTC is midnight, 1 July, in Jakarta: the third quarter.
    expect(resolvePeriod({}, new Date("2026-06-30T17:00:00Z"))).toEqual({ from: "2026-07-01", to: "2026-09-30" });
    expect(resolvePeriod({ from: "2024-01-01", to: "2024-12-31" }, new Date())).toEqual({ from: "2024-01-01", to: "2024-12-31" });
  });

  it("knows months, quarters, half-years and years, leap days included", () => {
    expect(namedPeriodOf("month", "2024-02-10")).toEqual({ kind: "month", year: 2024, index: 2, from: "2024-02-01", to: "2024-02-29" });
    expect(namedPeriodOf("month", "2025-02-10").to).toBe("2025-02-28");
    expect(namedPeriodOf("quarter", "2025-05-31")).toMatchObject({ index: 2, from: "2025-04-01", to: "2025-06-30" });
    expect(namedPeriodOf("half", "2025-06-30")).toMatchObject({ index: 1, from: "2025-01-01", to: "2025-06-30" });
    expect(namedPeriodOf("half", "2025-07-01")).toMatchObject({ index: 2, from: "2025-07-01", to: "2025-12-31" });
    expect(namedPeriodOf("year", "2024-07-01")).toMatchObject({ index: 1, from: "2024-01-01", to: "2024-12-31" });
    expect(periodDays({ from: "2024-01-01", to: "2024-12-31" })).toBe(366);
    expect(periodDays({ from: "2025-01-01", to: "2025-12-31" })).toBe(365);
  });

  it("names a period that is exactly a month, quarter, half-year or year", () => {
    expect(nameOfPeriod({ from: "2025-01-01", to: "2025-03-31" })).toMatchObject({ kind: "quarter", year: 2025, index: 1 });
    expect(nameOfPeriod({ from: "2025-01-01", to: "2025-06-30" })).toMatchObject({ kind: "half", index: 1 });
    expect(nameOfPeriod({ from: "2024-01-01", to: "2024-12-31" })).toMatchObject({ kind: "year", year: 2024 });
    expect(nameOfPeriod({ from: "2024-02-01", to: "2024-02-29" })).toMatchObject({ kind: "month", index: 2 });
    expect(nameOfPeriod({ from: "2024-02-01", to: "2024-02-28" })).toBeNull();
    expect(nameOfPeriod({ from: "2024-01-15", to: "2024-12-31" })).toBeNull();
  });

  it("offers this and the last month, quarter, half-year and year", () => {
    const choices = quickChoices(new Date("2026-01-15T03:00:00Z"));
    const as = (kind: string) => choices.filter((c) => c.period.kind === kind).map((c) => `${c.which} ${c.period.from}..${c.period.to}`);
    expect(as("month")).toEqual(["this 2026-01-01..2026-01-31", "last 2025-12-01..2025-12-31"]);
    expect(as("quarter")).toEqual(["this 2026-01-01..2026-03-31", "last 2025-10-01..2025-12-31"]);
    expect(as("half")).toEqual(["this 2026-01-01..2026-06-30", "last 2025-07-01..2025-12-31"]);
    expect(as("year")).toEqual(["this 2026-01-01..2026-12-31", "last 2025-01-01..2025-12-31"]);
    // Just after midnight WIB on 1 March the "this month" is March, though it is still February in UTC.
    expect(quickChoices(new Date("2024-02-29T17:30:00Z"))[0]!.period).toMatchObject({ from: "2024-03-01", to: "2024-03-31" });
    expect(quickChoices(new Date("2024-03-10T03:00:00Z"))[1]!.period).toMatchObject({ from: "2024-02-01", to: "2024-02-29" });
  });

  it("cuts a month to the part inside the period", () => {
    expect(monthWithin({ from: "2024-01-15", to: "2024-03-10" }, "2024-01")).toEqual({ from: "2024-01-15", to: "2024-01-31" });
    expect(monthWithin({ from: "2024-01-15", to: "2024-03-10" }, "2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(monthWithin({ from: "2024-01-15", to: "2024-03-10" }, "2024-03")).toEqual({ from: "2024-03-01", to: "2024-03-10" });
  });
});
