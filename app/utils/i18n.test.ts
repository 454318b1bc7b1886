import { describe, expect, it, vi } from "vitest";
import { formatCalendarDate, formatDate, formatDateTime, formatNumber, formatPercent, formatTime, formatWait, isMessageKey, translator } from "./i18n";
import { messageGroups } from "./messages";

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

describe("formatDate, formatDateTime, formatNumber, formatPercent", () => {
  it("format in Jakarta time and the language's conventions, alternating languages", () => {
    const at = new Date("2026-11-22T18:30:00Z");
    for (let i = 0; i < 2; i++) {
      expect(formatDate("id", at)).toBe("23 Nov 2026");
      expect(formatDate("en", at)).toBe("23 Nov 2026");
      expect(formatDateTime("id", at)).toBe("23 Nov 2026, 01.30 WIB");
      expect(formatDateTime("en", at)).toBe("23 Nov 2026, 01:30 WIB");
      expect(formatNumber("id", 1234567)).toBe("1.234.567");
      expect(formatNumber("en", 1234567)).toBe("1,234,567");
      expect(formatNumber("id", 3.14159, 2)).toBe("3,14");
      expect(formatPercent("id", 42.25)).toBe("42,3%");
      expect(formatPercent("en", null)).toBe("–");
    }
    expect(formatDate("id", null)).toBe("–");
  });
});

describe("formatCalendarDate", () => {
  it("shows a day as it is, whatever the zone of the machine", () => {
    expect(formatCalendarDate("id", "2026-01-01")).toBe("1 Jan 2026");
    expect(formatCalendarDate("en", "2026-12-31")).toBe("31 Dec 2026");
    expect(formatCalendarDate("id", null)).toBe("–");
    expect(formatCalendarDate("id", "bukan tanggal")).toBe("bukan tanggal");
  });
});

describe("translator", () => {
  it("translates keys, fills parameters, and fails loudly in tests on an unknown run-time key", () => {
    const t = translator("en");
    expect(t("common.pageOf", { page: 2, pages: 5 })).toBe("Page 2 of 5");
    expect(t.dynamic(`status.${"pending"}`)).toBe(translator("en")("status.pending"));
    expect(() => t.dynamic("status.nonexistent")).toThrow(/No message for the key/);
    expect(t.keyOrText("error.required")).toBe(t("error.required"));
    expect(t.keyOrText("Already translated text.")).toBe("Already translated text.");
  });
});

describe("plurals", () => {
  it("choose the English form by the number, and leave Indonesian, which has none, as it is", () => {
    const en = translator("en");
    expect(en("placement.returning.count", { n: 1 })).toBe("1 earlier stay");
    expect(en("placement.returning.count", { n: 3 })).toBe("3 earlier stays");
    expect(en("quarterly.reachedTotal", { n: "1.579" })).toBe("Total reached: 1.579 people");
    expect(translator("id")("placement.returning.count", { n: 1 })).toBe("1 kali tinggal sebelumnya");
  });
});

describe("a page with one language's dictionary", () => {
  it("translates run-time keys in that language, as the browser of an English page does", () => {
    const both = globalThis.__pantiMessages;
    try {
      // The browser of an English page has the English dictionary only.
      globalThis.__pantiMessages = { en: both!.en! };
      const t = translator("en");
      expect(t.dynamic("approval.reason.child")).toBe("a child (under 18)");
      expect(t.keyOrText("approval.reason.restricted")).toBe("restricted record");
      expect(t("approval.reason.child")).toBe("a child (under 18)");
      globalThis.__pantiMessages = { id: both!.id! };
      expect(translator("id").dynamic("approval.reason.child")).toBe("anak (di bawah 18 tahun)");
    } finally {
      globalThis.__pantiMessages = both;
    }
  });
});

describe("a page with some groups of messages", () => {
  it("knows the keys of its groups and reports, once, a key of a group it has not loaded", () => {
    const both = globalThis.__pantiMessages;
    const page = globalThis as { document?: unknown };
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    page.document = {};
    try {
      const loaded = { ...messageGroups.common, ...messageGroups.approvals } as Record<string, { id: string; en: string }>;
      globalThis.__pantiMessages = { en: Object.fromEntries(Object.entries(loaded).map(([key, m]) => [key, m.en])) };
      const t = translator("en");
      expect(isMessageKey("approval.reason.child", "en")).toBe(true);
      expect(t.keyOrText("approval.reason.child")).toBe("a child (under 18)");
      expect(isMessageKey("home.work", "en")).toBe(false);
      expect(t("home.work")).toBe("home.work");
      expect(t.keyOrText("home.work")).toBe("home.work");
      expect(t.keyOrText("Too small: expected string to have >=1 characters")).toBe("Too small: expected string to have >=1 characters");
      expect(error).toHaveBeenCalledTimes(1);
      expect(String(error.mock.calls[0]![0])).toContain("Missing message: home.work");
    } finally {
      delete page.document;
      globalThis.__pantiMessages = both;
      error.mockRestore();
    }
  });
});
