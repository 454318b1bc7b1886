import { describe, expect, it } from "vitest";
import { parseIdleMinutes, refreshedExpiry, sessionExpiry, SESSION_IDLE_MINUTES_DEFAULT } from "./sessions";

const MINUTE = 60_000;
const limits = { idleMs: 60 * MINUTE, maxAgeMs: 7 * 24 * 60 * MINUTE };
const t0 = new Date("2026-11-20T01:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);

describe("session expiry", () => {
  it("slides an idle timeout forward, never past the absolute lifetime", () => {
    expect(sessionExpiry(t0, t0, limits)).toEqual(at(60));
    expect(sessionExpiry(t0, at(30), limits)).toEqual(at(90));
    const nearEnd = at(7 * 24 * 60 - 10);
    expect(sessionExpiry(t0, nearEnd, limits)).toEqual(at(7 * 24 * 60));
  });

  it("is rewritten only when it moves by a minute or more", () => {
    const session = { createdAt: t0, expiresAt: at(60) };
    expect(refreshedExpiry(session, at(0.5), limits)).toBeNull();
    expect(refreshedExpiry(session, at(1), limits)).toEqual(at(61));
    expect(refreshedExpiry(session, at(45), limits)).toEqual(at(105));
    // At the cap nothing moves any more.
    expect(refreshedExpiry({ createdAt: t0, expiresAt: at(7 * 24 * 60) }, at(7 * 24 * 60 - 5), limits)).toBeNull();
    // A shorter idle timeout configured since brings a far expiry forward.
    expect(refreshedExpiry({ createdAt: t0, expiresAt: at(7 * 24 * 60) }, at(1), limits)).toEqual(at(61));
  });

  it("reads SESSION_IDLE_MINUTES strictly", () => {
    expect(parseIdleMinutes(undefined)).toBe(SESSION_IDLE_MINUTES_DEFAULT);
    expect(parseIdleMinutes("")).toBe(SESSION_IDLE_MINUTES_DEFAULT);
    expect(parseIdleMinutes(" 15 ")).toBe(15);
    for (const bad of ["0", "-5", "1.5", "sejam", "60m"]) expect(() => parseIdleMinutes(bad)).toThrow(/SESSION_IDLE_MINUTES/);
  });
});
