import { describe, expect, it } from "vitest";
import { ageOn, isCalendarDate, jakartaDate, jakartaDateTimeInput, parseJakartaDateTime } from "./time";

describe("Jakarta time", () => {
  it("reads local date-times as WIB and keeps explicit offsets", () => {
    expect(parseJakartaDateTime("2026-01-01T00:30")!.toISOString()).toBe("2025-12-31T17:30:00.000Z");
    expect(parseJakartaDateTime("2026-01-01 07:00:15")!.toISOString()).toBe("2026-01-01T00:00:15.000Z");
    expect(parseJakartaDateTime("2026-01-01T00:30:00Z")!.toISOString()).toBe("2026-01-01T00:30:00.000Z");
    expect(parseJakartaDateTime("2026-01-01T00:30:00+09:00")!.toISOString()).toBe("2025-12-31T15:30:00.000Z");
  });
  it("refuses impossible dates and other text", () => {
    for (const bad of ["2026-02-30T10:00", "2026-13-01T10:00", "2026-01-01T24:00", "kemarin", "", "2026-01-01"]) {
      expect(parseJakartaDateTime(bad)).toBeNull();
    }
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2023-02-29")).toBe(false);
  });
  it("formats and computes ages on the Jakarta calendar", () => {
    const lateEvening = new Date("2026-03-01T18:00:00Z"); // 2 March 01:00 WIB
    expect(jakartaDate(lateEvening)).toBe("2026-03-02");
    expect(jakartaDateTimeInput(lateEvening)).toBe("2026-03-02T01:00");
    expect(ageOn("1960-03-02", lateEvening)).toBe(66);
    expect(ageOn("1960-03-03", lateEvening)).toBe(65);
  });
});
