/** The instance's Ed25519 key and signed packets for partner provinces. */
import fs from "node:fs";
import path from "node:path";
import { generateKeyPairSync } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import {
  canonicalJson,
  ensureInstanceKey,
  instanceKeyPath,
  instancePublicKey,
  keyFingerprint,
  parsePublicKey,
  resetInstanceKey,
  signPacket,
  verifyPacket,
} from "~/utils/signing.server";

afterEach(() => {
  delete process.env.PANTI_SIGNING_KEY;
  resetInstanceKey();
});

const otherKey = () => generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "der" }).toString("base64");

describe("the instance key", () => {
  it("is created once beside the database, readable by its owner only, and then reused", () => {
    const file = instanceKeyPath();
    expect(path.dirname(file)).toBe(path.dirname(path.resolve(process.env.DATABASE_URL!)));
    fs.rmSync(file, { force: true });
    expect(ensureInstanceKey(file)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureInstanceKey(file)).toBe(false);
    const first = instancePublicKey();
    resetInstanceKey();
    expect(instancePublicKey()).toEqual(first);
    expect(first.fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    expect(keyFingerprint(first.publicKey)).toBe(first.fingerprint);
  });

  it("can come from PANTI_SIGNING_KEY instead, and refuses a key that is not Ed25519", () => {
    const pair = generateKeyPairSync("ed25519");
    process.env.PANTI_SIGNING_KEY = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(instancePublicKey().publicKey).toBe(pair.publicKey.export({ type: "spki", format: "der" }).toString("base64"));
    resetInstanceKey();
    process.env.PANTI_SIGNING_KEY = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(() => instancePublicKey()).toThrow(/Ed25519/);
  });
});

describe("signed packets", () => {
  const packet = { kind: "repatriation", id: "DKI-2026-0001", person: { name: "Siti Aminah", birthYear: 1958 }, documents: ["ktp", "kk"] };

  it("verify with the sender's public key, whatever the order of the keys", () => {
    const { body, signature } = signPacket(packet);
    const { publicKey } = instancePublicKey();
    expect(verifyPacket(body, signature, publicKey)).toBe(true);
    expect(canonicalJson({ documents: ["ktp", "kk"], person: { birthYear: 1958, name: "Siti Aminah" }, id: "DKI-2026-0001", kind: "repatriation" })).toBe(body);
  });

  it("fail when one byte changed, with another key, or with a malformed key or signature", () => {
    const { body, signature } = signPacket(packet);
    const { publicKey } = instancePublicKey();
    expect(verifyPacket(body.replace("Siti", "Sita"), signature, publicKey)).toBe(false);
    expect(verifyPacket(body, signature, otherKey())).toBe(false);
    expect(verifyPacket(body, "not a signature!", publicKey)).toBe(false);
    expect(verifyPacket(body, signature, "AAAA")).toBe(false);
    expect(verifyPacket(body, signature.slice(4), publicKey)).toBe(false);
  });

  it("accept only Ed25519 public keys as partners' keys", () => {
    expect(parsePublicKey(otherKey())).not.toBeNull();
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "der" }).toString("base64");
    expect(parsePublicKey(rsa)).toBeNull();
    expect(parsePublicKey("-----BEGIN PUBLIC KEY-----")).toBeNull();
    expect(parsePublicKey("")).toBeNull();
  });
});
