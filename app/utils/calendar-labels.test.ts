import { describe, expect, it } from "vitest";
import { formatDayShort, formatMonthShort } from "./calendar-labels";

describe("calendar labels", () => {
  it("names months and days in the user's language", () => {
    expect(formatMonthShort("id", "2025-12")).toBe("Des 2025");
    expect(formatMonthShort("en", "2026-01")).toBe("Jan 2026");
    expect(formatDayShort("id", "2025-12-13")).toBe("13 Des");
    expect(formatDayShort("en", "2025-12-13")).toBe("13 Dec");
  });
  it("leaves anything else as it is", () => {
    expect(formatMonthShort("id", "2025")).toBe("2025");
    expect(formatDayShort("en", "13/12/2025")).toBe("13/12/2025");
  });
});
