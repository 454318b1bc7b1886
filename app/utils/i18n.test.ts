import { describe, expect, it } from "vitest";
import { formatTime, formatWait } from "./i18n";

describe("formatWait", () => {
  it("says seconds under a minute and whole minutes, rounded up, from there", () => {
    expect(formatWait("id", 1)).toBe("1 detik");
    expect(formatWait("en", 1)).toBe("1 second");
    expect(formatWait("en", 4)).toBe("4 seconds");
    expect(formatWait("id", 59.2)).toBe("1 menit");
    expect(formatWait("id", 61)).toBe("2 menit");
    expect(formatWait("en", 60)).toBe("1 minute");
    expect(formatWait("en", 900)).toBe("15 minutes");
  });
});

describe("formatTime", () => {
  it("shows the Jakarta clock time", () => {
    const at = new Date("2030-01-01T03:05:00Z");
    expect(formatTime("id", at)).toBe("10.05 WIB");
    expect(formatTime("en", at)).toBe("10:05 WIB");
  });
});
