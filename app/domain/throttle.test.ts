import { describe, expect, it } from "vitest";
import {
  accountAddressKey,
  accountKeyRange,
  addressOfAccountKey,
  THROTTLE_RETENTION_MS,
  THROTTLE_RULES,
  throttleDelayMs,
  throttledUntil,
  throttleWait,
} from "./throttle";

const { account, address } = THROTTLE_RULES;
const now = new Date("2030-01-01T00:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("throttleDelayMs", () => {
  it("lets the first three failures of an account from one address cost nothing", () => {
    expect([0, 1, 2, 3].map((n) => throttleDelayMs(account, n))).toEqual([0, 0, 0, 0]);
  });

  it("then doubles the delay from 2 seconds up to a cap of 15 minutes", () => {
    expect([4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => throttleDelayMs(account, n) / 1000)).toEqual([
      2, 4, 8, 16, 32, 64, 128, 256, 512,
    ]);
    expect(throttleDelayMs(account, 13)).toBe(15 * 60_000);
    expect(throttleDelayMs(account, 10_000)).toBe(15 * 60_000);
  });

  it("gives an address twenty free failures before it grows the same way", () => {
    expect(throttleDelayMs(address, 20)).toBe(0);
    expect(throttleDelayMs(address, 21)).toBe(2000);
    expect(throttleDelayMs(address, 24)).toBe(16_000);
    expect(throttleDelayMs(address, 40)).toBe(15 * 60_000);
  });

  it("never decreases as failures add up, and never exceeds the cap", () => {
    let previous = 0;
    for (let n = 0; n < 200; n++) {
      const delay = throttleDelayMs(account, n);
      expect(delay).toBeGreaterThanOrEqual(previous);
      expect(delay).toBeLessThanOrEqual(account.capMs);
      previous = delay;
    }
  });

  it("keeps failures long enough for every window", () => {
    for (const rule of Object.values(THROTTLE_RULES)) expect(THROTTLE_RETENTION_MS).toBeGreaterThanOrEqual(rule.windowMs);
  });
});

describe("throttledUntil", () => {
  it("counts the delay from the last failure", () => {
    expect(throttledUntil(account, { count: 5, lastAt: ago(1000) }, now)).toEqual(new Date(now.getTime() + 3000));
    expect(throttledUntil(account, { count: 5, lastAt: ago(4000) }, now)).toBeNull();
    expect(throttledUntil(account, { count: 3, lastAt: now }, now)).toBeNull();
    expect(throttledUntil(account, { count: 0, lastAt: null }, now)).toBeNull();
  });
});

describe("throttleWait", () => {
  it("takes the longest of the waits, in whole seconds rounded up", () => {
    const wait = throttleWait(now, [
      { rule: account, stats: { count: 4, lastAt: ago(500) } },
      { rule: address, stats: { count: 22, lastAt: ago(100) } },
    ]);
    expect(wait).toEqual({ until: new Date(now.getTime() + 3900), retryAfterSeconds: 4 });
  });

  it("is null when no check imposes a wait", () => {
    expect(
      throttleWait(now, [
        { rule: account, stats: { count: 3, lastAt: now } },
        { rule: address, stats: { count: 20, lastAt: now } },
      ]),
    ).toBeNull();
  });
});

describe("failure keys", () => {
  it("keep one username's keys from every address inside one range, and no other username's", () => {
    const { from, to } = accountKeyRange("Budi.Santoso");
    const inside = (key: string) => key >= from && key < to;
    expect(inside(accountAddressKey("budi.santoso", "10.0.0.1"))).toBe(true);
    expect(inside(accountAddressKey(" BUDI.SANTOSO ", "2001:db8::1"))).toBe(true);
    expect(inside(accountAddressKey("budi.santoso2", "10.0.0.1"))).toBe(false);
    expect(inside(accountAddressKey("budi.santos", "10.0.0.1"))).toBe(false);
    // A typed username that contains the separator cannot pass for another username's key.
    expect(inside(accountAddressKey("budi.santoso|10.0.0.1", "10.9.9.9"))).toBe(false);
    expect(addressOfAccountKey(accountAddressKey("budi.santoso", "2001:db8::1"))).toBe("2001:db8::1");
  });
});
