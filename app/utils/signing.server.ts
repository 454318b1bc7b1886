/**
 * This instance's signing key for packets to partner provinces (FKD-MPU): an Ed25519 key pair
 * through node:crypto. The private key is PANTI_SIGNING_KEY (PKCS#8 PEM), or a file created once
 * at setup beside the database (`instance-key.pem`, mode 0600, never in git or in backups, like
 * the session secret). Partners know this instance by its public key (SPKI DER, base64), which
 * the registry page shows with a short fingerprint to read out over the phone.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseFile } from "#db/connection";

export const INSTANCE_KEY_FILE = "instance-key.pem";

/** Where the key file of a database lives (its own directory). */
export function instanceKeyPath(file = databaseFile()): string {
  const dir = file === ":memory:" ? path.resolve("data") : path.dirname(path.resolve(file));
  return path.join(dir, INSTANCE_KEY_FILE);
}

/** Creates the key file when there is none (and no PANTI_SIGNING_KEY); true when it made one. */
export function ensureInstanceKey(file = instanceKeyPath()): boolean {
  if (process.env.PANTI_SIGNING_KEY || fs.existsSync(file)) return false;
  const { privateKey } = generateKeyPairSync("ed25519");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600, flag: "wx" });
  return true;
}

let cached: { privateKey: KeyObject; publicKey: string } | undefined;

function instanceKey() {
  if (cached) return cached;
  let pem = process.env.PANTI_SIGNING_KEY;
  if (!pem) {
    const file = instanceKeyPath();
    ensureInstanceKey(file);
    pem = fs.readFileSync(file, "utf8");
  }
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("The signing key must be an Ed25519 private key (PKCS#8 PEM).");
  cached = { privateKey, publicKey: exportPublicKey(createPublicKey(privateKey)) };
  return cached;
}

function exportPublicKey(key: KeyObject): string {
  return key.export({ type: "spki", format: "der" }).toString("base64");
}

/** This instance's public key (SPKI DER, base64) and its fingerprint. */
export function instancePublicKey(): { publicKey: string; fingerprint: string } {
  const { publicKey } = instanceKey();
  return { publicKey, fingerprint: keyFingerprint(publicKey) };
}

/** The first 16 bytes of the key's SHA-256 in groups of four hex digits: "3f2a 91c0 …". */
export function keyFingerprint(publicKey: string): string {
  const hex = createHash("sha256").update(Buffer.from(publicKey, "base64")).digest("hex").slice(0, 32);
  return hex.match(/.{4}/g)!.join(" ");
}

/** The key as a KeyObject, or null when it is not an Ed25519 public key (SPKI DER, base64). */
export function parsePublicKey(publicKey: string): KeyObject | null {
  const text = publicKey.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  try {
    const key = createPublicKey({ key: Buffer.from(text, "base64"), format: "der", type: "spki" });
    return key.asymmetricKeyType === "ed25519" ? key : null;
  } catch {
    return null;
  }
}

/**
 * JSON with object keys in sorted order at every level and no insignificant space, so that the
 * same packet always gives the same bytes to sign, whoever serialised it.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Signs a packet: its canonical JSON and the Ed25519 signature of those bytes (base64). */
export function signPacket(packet: unknown): { body: string; signature: string } {
  const body = canonicalJson(packet);
  return { body, signature: sign(null, Buffer.from(body, "utf8"), instanceKey().privateKey).toString("base64") };
}

/** Whether `signature` is the signature of exactly these bytes by the holder of `publicKey`. */
export function verifyPacket(body: string, signature: string, publicKey: string): boolean {
  const key = parsePublicKey(publicKey);
  if (!key || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
  try {
    return verify(null, Buffer.from(body, "utf8"), key, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}

/** Forgets the loaded key (tests that switch keys). */
export function resetInstanceKey(): void {
  cached = undefined;
}
