/**
 * The placements API and its tokens, on a real SQLite file: the token service, the admin page,
 * and the /api/v1 route modules called directly with Request objects.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { apiTokens, auditLog, placements } from "#db/schema";
import { placementRequestSchema, EXAMPLE_REQUEST, EXAMPLE_UNIDENTIFIED_REQUEST, type OpenApiDocument } from "~/api/openapi";
import { Conflict, NotFound, PermissionDenied } from "~/domain/errors";
import { placementApiSchema, placementFields } from "~/domain/placements";
import { action as postPlacement, loader as getPlacements } from "~/routes/api.v1.placements";
import { action as placementRefAction, loader as getPlacementByRef } from "~/routes/api.v1.placements.$ref";
import { loader as openApiLoader } from "~/routes/api.v1.openapi[.]json";
import { loader as docsLoader } from "~/routes/api.docs";
import { action as tokensAction, loader as tokensLoader } from "~/routes/_app.admin.api-tokens";
import { authenticateApiToken, createApiToken, hashApiToken, listApiTokens, revokeApiToken } from "~/services/api-tokens.server";
import { submitPlacementViaApi } from "~/services/placement-api.server";
import { declinePlacement, redirectPlacement } from "~/services/placements.server";
import { db } from "~/utils/db.server";
import { auditCount, cookieFor, createPanti, createUser } from "../factories";

const base = "http://127.0.0.1";

/** A JSON answer, read loosely: the assertions say what it must hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

/** A found-at time safely in the past, the same for a whole run. */
const FOUND_AT = new Date(Date.now() - 6 * 3_600_000).toISOString();

let refCounter = 0;
const nextRef = (prefix = "T") => `${prefix}-${++refCounter}`;

function validBody(targetPantiId: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    externalRef: nextRef(),
    officerName: "Rudi Hartono",
    foundAt: FOUND_AT,
    foundKota: "Jakarta Barat",
    foundPlace: "Kolong Tol Angke",
    reachMethod: "patrol",
    personName: "Budi Santoso",
    sex: "male",
    estimatedAge: 45,
    ppksCategory: "gelandangan",
    assessmentSummary: "Tidur di kolong tol, sehat, bersedia dibawa ke panti.",
    targetPantiId,
    ...overrides,
  };
}

interface PostOptions {
  token?: string | null;
  contentType?: string | null;
  lang?: string;
  /** Sent as is instead of JSON.stringify(body). */
  raw?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
}

function postRequest(body: unknown, options: PostOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== null) headers.Authorization = `Bearer ${options.token ?? secret}`;
  if (options.contentType !== null) headers["Content-Type"] = options.contentType ?? "application/json";
  if (options.lang) headers["Accept-Language"] = options.lang;
  return new Request(`${base}/api/v1/placements`, {
    method: "POST",
    headers,
    body: options.raw ?? JSON.stringify(body),
  });
}

/** Runs a route function; a thrown Response is the answer too. */
async function respond(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function post(body: unknown, options: PostOptions = {}) {
  const response = await respond(() => postPlacement(args(postRequest(body, options))));
  return { status: response.status, headers: response.headers, json: (await response.json()) as Json };
}

async function getByRef(ref: string, token: string | null = secret) {
  const request = new Request(`${base}/api/v1/placements/${encodeURIComponent(ref)}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const response = await respond(() => getPlacementByRef(args(request, { ref })));
  return { status: response.status, json: (await response.json()) as Json };
}

function rowsWithRef(ref: string) {
  return db.select().from(placements).where(eq(placements.externalRef, ref)).all();
}

let secret = "";
let tokenId = 0;
let pantiId = 0;
let admin: ReturnType<typeof createUser>;

beforeAll(() => {
  const target = createPanti({ code: "PSBI-API", name: "Panti Sosial Bina Insan API" });
  pantiId = target.id;
  admin = createUser("dinsos_admin");
  const created = createApiToken(admin.actor, { outreachUnit: "sudin_jakbar", name: "Aplikasi Sudin Jakbar" });
  secret = created.secret;
  tokenId = created.token.id;
});

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

describe("API tokens", () => {
  it("shows the secret once and stores only its SHA-256 and prefix; the audit log has neither secret nor hash", () => {
    const { secret: s, token } = createApiToken(admin.actor, { outreachUnit: "sudin_jaktim", name: "Aplikasi Sudin Jaktim" }, new Date("2026-11-01T02:00:00Z"));
    expect(s).toMatch(/^pnt_[A-Za-z0-9_-]{43}$/);
    const row = db.select().from(apiTokens).where(eq(apiTokens.id, token.id)).get()!;
    expect(row.tokenHash).toBe(hashApiToken(s));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenPrefix).toBe(s.slice(0, 8));
    expect(JSON.stringify(row)).not.toContain(s.slice(8));
    const audit = db.select().from(auditLog).where(and(eq(auditLog.action, "api_token.create"), eq(auditLog.entityId, String(token.id)))).get()!;
    expect(audit.userId).toBe(admin.id);
    expect(JSON.stringify(audit)).not.toContain(s.slice(8));
    expect(JSON.stringify(audit)).not.toContain(row.tokenHash);
    expect(audit.after).toEqual({ outreachUnit: "sudin_jaktim", name: "Aplikasi Sudin Jaktim", tokenPrefix: row.tokenPrefix, expiresAt: null });
    expect(token).toMatchObject({ outreachUnit: "sudin_jaktim", name: "Aplikasi Sudin Jaktim", lastUsedAt: null, revokedAt: null });
  });

  it("lists tokens with unit, name, prefix, creation, last use and revocation", () => {
    const list = listApiTokens(admin.actor);
    const mine = list.find((t) => t.id === tokenId)!;
    expect(mine).toMatchObject({
      outreachUnit: "sudin_jakbar",
      outreachUnitName: "Satgas P3S Suku Dinas Sosial Jakarta Barat",
      name: "Aplikasi Sudin Jakbar",
      tokenPrefix: secret.slice(0, 8),
      revokedAt: null,
    });
    expect(mine.createdAt).toBeInstanceOf(Date);
    expect(mine).not.toHaveProperty("tokenHash");
  });

  it("authenticates a valid token only", () => {
    expect(authenticateApiToken(secret)).toEqual({ tokenId, outreachUnit: "sudin_jakbar", name: "Aplikasi Sudin Jakbar" });
    expect(authenticateApiToken(`${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(authenticateApiToken("pnt_short")).toBeNull();
    expect(authenticateApiToken(null)).toBeNull();
  });

  it("revokes once, with an audit entry; the token stops working", () => {
    const { secret: s, token } = createApiToken(admin.actor, { outreachUnit: "sudin_jakbar", name: "Cadangan" });
    const before = auditCount("api_token.revoke");
    const revoked = revokeApiToken(admin.actor, token.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(auditCount("api_token.revoke")).toBe(before + 1);
    expect(authenticateApiToken(s)).toBeNull();
    expect(() => revokeApiToken(admin.actor, token.id)).toThrow(Conflict);
    expect(() => revokeApiToken(admin.actor, 999_999)).toThrow(NotFound);
  });

  it("is for Dinsos administrators only", () => {
    const viewer = createUser("dinsos_viewer");
    const outreach = createUser("outreach", null, "sudin_jakbar");
    for (const actor of [viewer.actor, outreach.actor]) {
      expect(() => createApiToken(actor, { outreachUnit: "sudin_jakbar", name: "Curian" })).toThrow(PermissionDenied);
      expect(() => listApiTokens(actor)).toThrow(PermissionDenied);
      expect(() => revokeApiToken(actor, tokenId)).toThrow(PermissionDenied);
    }
  });
});

describe("token page", () => {
  const form = (cookie: string, fields: Record<string, string>) =>
    new Request(`${base}/admin/api-tokens`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  type Result = { type?: string; data?: Json; init?: { status?: number; headers?: Record<string, string> } };

  it("refuses other roles with 403", async () => {
    const cookie = await cookieFor(createUser("outreach", null, "sudin_jakbar").username);
    const response = await respond(() => tokensLoader(args(new Request(`${base}/admin/api-tokens`, { headers: { Cookie: cookie } }))) as Promise<never>);
    expect(response.status).toBe(403);
  });

  it("creates a token (secret shown once, not cached), lists it, and revokes it", async () => {
    const cookie = await cookieFor(admin.username);
    const created = (await tokensAction(args(form(cookie, { intent: "create", outreachUnit: "sudin_jaksel", name: "Aplikasi Sudin Jaksel" })))) as unknown as Result;
    expect(created.data?.secret).toMatch(/^pnt_/);
    // Not cached: app/entry.server.tsx sets no-store on every page and data response (security-headers.test.ts).
    const page = await tokensLoader(args(new Request(`${base}/admin/api-tokens`, { headers: { Cookie: cookie } })));
    const row = page.tokens.find((t) => t.tokenPrefix === created.data?.created.prefix)!;
    expect(row.name).toBe("Aplikasi Sudin Jaksel");
    expect(JSON.stringify(page)).not.toContain(created.data!.secret.slice(8));

    const invalid = (await tokensAction(args(form(cookie, { intent: "create", outreachUnit: "sudin_jaksel", name: "<i>x</i>" })))) as unknown as Result;
    expect(invalid.init?.status).toBe(400);
    expect(invalid.data?.errors).toHaveProperty("name");

    const revoked = (await tokensAction(args(form(cookie, { intent: "revoke", tokenId: String(row.id) })))) as unknown as Result;
    expect(revoked.data?.ok).toBe(true);
    const again = (await tokensAction(args(form(cookie, { intent: "revoke", tokenId: String(row.id) })))) as unknown as Result;
    expect(again.init?.status).toBe(409);
  });
});

// ---------------------------------------------------------------------------
// POST /api/v1/placements
// ---------------------------------------------------------------------------

describe("POST /api/v1/placements: creating and retrying", () => {
  it("creates with 201 and Location, then replays the same body with 200: one row", async () => {
    const body = validBody(pantiId);
    const first = await post(body);
    expect(first.status).toBe(201);
    expect(first.json).toEqual({
      id: expect.any(Number),
      status: "pending",
      externalRef: body.externalRef,
      targetPanti: { id: pantiId, code: "PSBI-API", name: "Panti Sosial Bina Insan API" },
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      links: { self: `/api/v1/placements/${body.externalRef as string}` },
    });
    expect(first.headers.get("Location")).toBe(`/api/v1/placements/${body.externalRef as string}`);
    expect(first.headers.get("Content-Type")).toMatch(/^application\/json/);

    const replay = await post(body);
    expect(replay.status).toBe(200);
    expect(replay.headers.get("Idempotent-Replay")).toBe("true");
    expect(replay.json).toEqual(first.json);
    expect(rowsWithRef(body.externalRef as string)).toHaveLength(1);
  });

  it("records the source, the token and the unit; audits with no user and the token id; updates last use", async () => {
    const body = validBody(pantiId);
    const { json } = await post(body);
    const row = db.select().from(placements).where(eq(placements.id, json.id)).get()!;
    expect(row).toMatchObject({ source: "api", apiTokenId: tokenId, createdBy: null, outreachUnit: "sudin_jakbar", officerName: "Rudi Hartono" });
    const audit = db.select().from(auditLog).where(and(eq(auditLog.action, "placement.create"), eq(auditLog.entityId, String(row.id)))).get()!;
    expect(audit.userId).toBeNull();
    expect(audit.after).toMatchObject({ source: "api", apiTokenId: tokenId, externalRef: body.externalRef });
    const token = db.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).get()!;
    expect(token.lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("treats the same referral written differently as a replay (unit given, keys reordered, another time zone, defaults spelt out)", async () => {
    const body = validBody(pantiId);
    expect((await post(body)).status).toBe(201);
    const local = new Date(new Date(FOUND_AT).getTime() + 7 * 3_600_000).toISOString().replace("Z", "+07:00");
    const rewritten = Object.fromEntries(Object.entries({ ...body, outreachUnit: "sudin_jakbar", foundAt: local, unidentified: false, disabilitySubtypes: [] }).reverse());
    const replay = await post(rewritten);
    expect(replay.status).toBe(200);
    expect(rowsWithRef(body.externalRef as string)).toHaveLength(1);
  });

  it("answers 409 with the existing referral for the same reference with other content, and writes nothing", async () => {
    const body = validBody(pantiId);
    const first = await post(body);
    const conflict = await post({ ...body, personName: "Orang Lain" });
    expect(conflict.status).toBe(409);
    expect(conflict.json).toEqual({
      error: "conflict",
      message: expect.stringContaining("externalRef"),
      placement: { id: first.json.id, status: "pending" },
    });
    expect(rowsWithRef(body.externalRef as string)).toHaveLength(1);
    // The original content is still a replay afterwards.
    expect((await post(body)).status).toBe(200);
  });

  it("keeps references per unit: another unit may use the same one", async () => {
    const other = createApiToken(admin.actor, { outreachUnit: "sudin_jakut", name: "Aplikasi Sudin Jakut" });
    const body = validBody(pantiId);
    expect((await post(body)).status).toBe(201);
    expect((await post(body, { token: other.secret })).status).toBe(201);
    expect(rowsWithRef(body.externalRef as string).map((r) => r.outreachUnit).sort()).toEqual(["sudin_jakbar", "sudin_jakut"]);
  });

  it("accepts an unidentified person with disabilities", async () => {
    const res = await post(validBody(pantiId, { personName: undefined, unidentified: true, description: "Laki-laki, sekitar 40 tahun, kaos merah.", disabilitySubtypes: ["mental", "fisik"] }));
    expect(res.status).toBe(201);
  });
});

describe("POST /api/v1/placements: refusals", () => {
  it.each([
    ["no Authorization header", { token: null }],
    ["another scheme", { headers: { Authorization: "Basic dXNlcjpwYXNz" }, token: null }],
    ["an unknown token", { token: `pnt_${"x".repeat(43)}` }],
    ["a malformed token", { token: "not-a-token" }],
  ] as [string, PostOptions][])("401 for %s", async (_name, options) => {
    const res = await post(validBody(pantiId), options);
    expect({ status: res.status, error: res.json.error, auth: res.headers.get("WWW-Authenticate") }).toEqual({
      status: 401,
      error: "unauthorized",
      auth: 'Bearer realm="panti"',
    });
  });

  it("401 for a revoked token, before anything else is looked at", async () => {
    const { secret: s, token } = createApiToken(admin.actor, { outreachUnit: "sudin_jakbar", name: "Lama" });
    revokeApiToken(admin.actor, token.id);
    const res = await post("not even json", { token: s, contentType: "text/plain" });
    expect(res.status).toBe(401);
    expect(res.json.message).toMatch(/revoked/);
  });

  it("refuses a token revoked while its request was on the way, and writes nothing", () => {
    const { secret: s, token } = createApiToken(admin.actor, { outreachUnit: "sudin_jakbar", name: "Sebentar" });
    const caller = authenticateApiToken(s)!;
    revokeApiToken(admin.actor, token.id);
    const input = placementApiSchema.parse(validBody(pantiId));
    const ref = input.externalRef!;
    expect(() => submitPlacementViaApi(caller, { ...input, outreachUnit: "sudin_jakbar" })).toThrow(NotFound);
    expect(rowsWithRef(ref)).toHaveLength(0);
  });

  it.each([
    ["text/plain", "text/plain"],
    ["a form", "application/x-www-form-urlencoded"],
    ["no Content-Type", null],
  ] as [string, string | null][])("415 for %s", async (_name, contentType) => {
    const res = await post(validBody(pantiId), { contentType, ...(contentType === null ? { raw: new TextEncoder().encode(JSON.stringify(validBody(pantiId))) } : {}) });
    expect({ status: res.status, error: res.json.error }).toEqual({ status: 415, error: "unsupported_media_type" });
  });

  it("413 for a body over 64 KB, streamed or declared", async () => {
    const big = validBody(pantiId, { assessmentSummary: "a".repeat(70 * 1024) });
    const streamed = await post(big);
    expect({ status: streamed.status, error: streamed.json.error }).toEqual({ status: 413, error: "payload_too_large" });
    const declared = await post(validBody(pantiId), { headers: { "Content-Length": String(65 * 1024) } });
    expect(declared.status).toBe(413);
    // Just under the limit is read and validated (a field error, not 413).
    const under = await post(validBody(pantiId, { assessmentSummary: "a".repeat(60 * 1024) }));
    expect(under.status).toBe(400);
    expect(under.json.fields).toHaveProperty("assessmentSummary");
  });

  it.each([
    ["an empty body", ""],
    ["a cut-off object", '{"officerName": "Rudi"'],
    ["single quotes", "{'officerName': 'Rudi'}"],
    ["a trailing comma", '{"a": 1,}'],
    ["NaN", "NaN"],
    ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ["deep nesting, cut off", "[".repeat(60_000)],
  ] as [string, string | Uint8Array<ArrayBuffer>][])("400 invalid_json for %s", async (_name, raw) => {
    const res = await post(null, { raw });
    expect({ status: res.status, error: res.json.error }).toEqual({ status: 400, error: "invalid_json" });
  });

  const inactive = () => createPanti({ active: false }).id;

  /** [case, body (or a function of the target panti), the field that must carry an error] */
  const malformed: [string, (panti: number) => unknown, string][] = [
    ["null", () => null, "_body"],
    ["an array", () => [], "_body"],
    ["an array holding a valid referral", (p) => [validBody(p)], "_body"],
    ["a string", () => "referral", "_body"],
    ["a number", () => 42, "_body"],
    ["no externalRef", (p) => validBody(p, { externalRef: undefined }), "externalRef"],
    ["externalRef with spaces", (p) => validBody(p, { externalRef: "JKB 001" }), "externalRef"],
    ["externalRef of 101 characters", (p) => validBody(p, { externalRef: "A".repeat(101) }), "externalRef"],
    ["externalRef as a number", (p) => validBody(p, { externalRef: 123 }), "externalRef"],
    ["a huge officerName", (p) => validBody(p, { officerName: "Rudi ".repeat(12_000) }), "officerName"],
    ["officerName as a number", (p) => validBody(p, { officerName: 123 }), "officerName"],
    ["officerName null", (p) => validBody(p, { officerName: null }), "officerName"],
    ["personName as an object", (p) => validBody(p, { personName: { first: "Budi" } }), "personName"],
    ["a script tag in the assessment", (p) => validBody(p, { assessmentSummary: "<script>alert(1)</script> sehat" }), "assessmentSummary"],
    ["a javascript: link in the description", (p) => validBody(p, { description: "javascript:alert(1)" }), "description"],
    ["a control character", (p) => validBody(p, { foundPlace: "Halte\u0000Grogol" }), "foundPlace"],
    ["an unknown category", (p) => validBody(p, { ppksCategory: "alien" }), "ppksCategory"],
    ["an unknown disability", (p) => validBody(p, { disabilitySubtypes: ["flying"] }), "disabilitySubtypes"],
    ["disabilities as an object", (p) => validBody(p, { disabilitySubtypes: { fisik: true } }), "disabilitySubtypes"],
    ["an unknown sex", (p) => validBody(p, { sex: "x" }), "sex"],
    ["reachMethod null", (p) => validBody(p, { reachMethod: null }), "reachMethod"],
    ["foundAt in the future", (p) => validBody(p, { foundAt: new Date(Date.now() + 86_400_000).toISOString() }), "foundAt"],
    ["foundAt in words", (p) => validBody(p, { foundAt: "yesterday" }), "foundAt"],
    ["foundAt as a number", (p) => validBody(p, { foundAt: 1_763_000_000_000 }), "foundAt"],
    ["foundAt before 2000", (p) => validBody(p, { foundAt: "1999-12-31T10:00:00Z" }), "foundAt"],
    ["foundAt as an array", (p) => validBody(p, { foundAt: [FOUND_AT] }), "foundAt"],
    ["birthDate in the future", (p) => validBody(p, { birthDate: "2099-01-01" }), "birthDate"],
    ["birthDate 30 February", (p) => validBody(p, { birthDate: "1980-02-30" }), "birthDate"],
    ["targetPantiId as text", (p) => validBody(p, { targetPantiId: "abc" }), "targetPantiId"],
    ["targetPantiId as a numeric string", (p) => validBody(p, { targetPantiId: String(p) }), "targetPantiId"],
    ["targetPantiId in an array", (p) => validBody(p, { targetPantiId: [p] }), "targetPantiId"],
    ["targetPantiId negative", (p) => validBody(p, { targetPantiId: -1 }), "targetPantiId"],
    ["targetPantiId fractional", (p) => validBody(p, { targetPantiId: 1.5 }), "targetPantiId"],
    ["targetPantiId huge", (p) => validBody(p, { targetPantiId: 1e300 }), "targetPantiId"],
    ["an unknown target panti", (p) => validBody(p, { targetPantiId: 999_999 }), "targetPantiId"],
    ["an inactive target panti", (p) => validBody(p, { targetPantiId: inactive() }), "targetPantiId"],
    ["estimatedAge 500", (p) => validBody(p, { estimatedAge: 500 }), "estimatedAge"],
    ["estimatedAge null", (p) => validBody(p, { estimatedAge: null }), "estimatedAge"],
    ["estimatedAge true", (p) => validBody(p, { estimatedAge: true }), "estimatedAge"],
    ["a NIK of 15 digits", (p) => validBody(p, { nik: "317101010101001" }), "nik"],
    ["unidentified as 'yes'", (p) => validBody(p, { unidentified: "yes" }), "unidentified"],
    ["neither a name nor unidentified", (p) => validBody(p, { personName: undefined }), "personName"],
    ["unidentified without a description", (p) => validBody(p, { personName: undefined, unidentified: true }), "description"],
    ["neither a birth date nor an age", (p) => validBody(p, { estimatedAge: undefined }), "estimatedAge"],
    ["an unknown field", (p) => validBody(p, { colour: "red" }), "colour"],
    ["an unknown unit", (p) => validBody(p, { outreachUnit: "nowhere" }), "outreachUnit"],
    ["another unit than the token's", (p) => validBody(p, { outreachUnit: "sudin_jaktim" }), "outreachUnit"],
  ];

  it.each(malformed)("400 validation for %s", async (_name, build, field) => {
    const body = build(pantiId);
    const res = await post(body);
    expect({ status: res.status, error: res.json.error, fieldNamed: Object.keys(res.json.fields ?? {}).includes(field) }).toEqual({
      status: 400,
      error: "validation",
      fieldNamed: true,
    });
  });

  it("400 for deeply nested JSON (valid JSON, but not a referral)", async () => {
    const res = await post(null, { raw: `{"disabilitySubtypes": ${"[".repeat(30_000)}${"]".repeat(30_000)}}` });
    expect({ status: res.status, error: res.json.error }).toEqual({ status: 400, error: "validation" });
  });

  it("400 for a __proto__ key (an unknown field, not a prototype)", async () => {
    const raw = JSON.stringify(validBody(pantiId)).replace(/^\{/, '{"__proto__": {"isAdmin": true},');
    const res = await post(null, { raw });
    expect(res.status).toBe(400);
    expect(res.json.fields).toHaveProperty("__proto__");
  });

  it("reports every problem at once, in English by default and in Indonesian on request", async () => {
    const body = validBody(pantiId, { externalRef: undefined, ppksCategory: "alien", colour: "red" });
    const en = await post(body);
    expect(en.json).toEqual({
      error: "validation",
      message: "Some fields are invalid; see fields.",
      fields: {
        externalRef: ["Required: your unit's unique reference for this referral (it makes retries safe)."],
        ppksCategory: ["Choose one of the options."],
        colour: ["Unknown field."],
      },
    });
    const id = await post(body, { lang: "id-ID,id;q=0.9" });
    expect(id.json.message).toBe("Ada isian yang tidak valid; lihat fields.");
    expect(id.json.fields.ppksCategory).toEqual(["Pilih salah satu pilihan."]);
    expect(id.json.fields.colour).toEqual(["Isian tidak dikenal."]);
  });

  it("wrote nothing for any of the refused requests", () => {
    const n = db.get<{ n: number }>(sql`select count(*) as n from placements where officer_name like 'Rudi %' and length(officer_name) > 100`).n;
    expect(n).toBe(0);
    expect(rowsWithRef("JKB 001")).toHaveLength(0);
  });

  it("never answers 500 whatever a field holds", async () => {
    const junk: unknown[] = [null, true, false, 0, -1, 1.5, 2 ** 53, "", " ", "x".repeat(5_000), [], {}, [[]], { a: { b: [] } }, "<script>alert(1)</script>", "\u0000", "😀".repeat(50), "2026-02-30"];
    const statuses = new Set<number>();
    for (const field of Object.keys(placementFields)) {
      for (const value of junk) {
        const body = validBody(pantiId, { [field]: value });
        if (field !== "externalRef") body.externalRef = nextRef("J");
        const res = await post(body);
        statuses.add(res.status);
        if (res.status !== 201 && res.status !== 400) throw new Error(`${field}=${JSON.stringify(value)} → ${res.status}`);
      }
    }
    expect([...statuses].sort()).toEqual([201, 400]);
  });

  it("405 for other methods", async () => {
    const get = await respond(() => getPlacements(args(new Request(`${base}/api/v1/placements`))));
    expect(get.status).toBe(405);
    expect(get.headers.get("Allow")).toBe("POST");
    expect(((await get.json()) as { error: string }).error).toBe("method_not_allowed");
    const put = await respond(() => postPlacement(args(new Request(`${base}/api/v1/placements`, { method: "PUT", body: "{}" }))));
    expect(put.status).toBe(405);
  });
});

// ---------------------------------------------------------------------------
// GET /api/v1/placements/:ref
// ---------------------------------------------------------------------------

describe("GET /api/v1/placements/:ref", () => {
  it("follows a referral from pending to declined, with the reason", async () => {
    const body = validBody(pantiId);
    const created = await post(body);
    const pending = await getByRef(body.externalRef as string);
    expect(pending.status).toBe(200);
    expect(pending.json).toMatchObject({ id: created.json.id, status: "pending", decidedAt: null, reason: null, redirectedTo: null });

    const pantiAdmin = createUser("panti_admin", pantiId);
    declinePlacement(pantiAdmin.actor, created.json.id, "Bukan sasaran panti ini");
    const declined = await getByRef(body.externalRef as string);
    expect(declined.json).toMatchObject({ status: "declined", reason: "Bukan sasaran panti ini", decidedAt: expect.any(String) });
  });

  it("shows where a redirected referral went", async () => {
    const elderly = createPanti({ type: "elderly", code: "PSTW-API", name: "Panti Werdha API" });
    const body = validBody(pantiId, { externalRef: "JKB/2026#77" });
    const created = await post(body);
    expect(created.json.links.self).toBe("/api/v1/placements/JKB%2F2026%2377");
    const pantiAdmin = createUser("panti_admin", pantiId);
    redirectPlacement(pantiAdmin.actor, created.json.id, elderly.id, "Lansia, lebih cocok di panti werdha");
    const res = await getByRef("JKB/2026#77");
    expect(res.json).toMatchObject({
      status: "redirected",
      reason: "Lansia, lebih cocok di panti werdha",
      targetPanti: { id: pantiId },
      redirectedTo: { status: "pending", targetPanti: { id: elderly.id, code: "PSTW-API", name: "Panti Werdha API" } },
    });
  });

  it("finds only the caller's unit's referrals; 404 otherwise, 401 without a token", async () => {
    const body = validBody(pantiId);
    await post(body);
    const other = createApiToken(admin.actor, { outreachUnit: "sudin_jakpus", name: "Aplikasi Sudin Jakpus" });
    expect((await getByRef(body.externalRef as string, other.secret)).status).toBe(404);
    expect((await getByRef("NO-SUCH-REF")).json).toEqual({ error: "not_found", message: "No referral of your unit has this reference." });
    expect((await getByRef(body.externalRef as string, null)).status).toBe(401);
    const post405 = await respond(() => placementRefAction(args(new Request(`${base}/api/v1/placements/x`, { method: "POST" }), { ref: "x" })));
    expect(post405.status).toBe(405);
  });
});

// ---------------------------------------------------------------------------
// The OpenAPI document and the docs page
// ---------------------------------------------------------------------------

describe("OpenAPI document", () => {
  it("is served as JSON at /api/v1/openapi.json", async () => {
    const response = await openApiLoader();
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    const doc = (await response.json()) as OpenApiDocument;
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths["/api/v1/placements"]!.post!.responses).sort()).toEqual(["200", "201", "400", "401", "409", "413", "415"]);
    expect(Object.keys(doc.paths["/api/v1/placements/{ref}"]!.get!.responses).sort()).toEqual(["200", "401", "404"]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("describes exactly the fields of the shared schema, each in both languages, with externalRef required", () => {
    const schema = placementRequestSchema();
    expect(Object.keys(schema.properties!).sort()).toEqual(Object.keys(placementFields).sort());
    expect(schema.required).toContain("externalRef");
    expect(schema.additionalProperties).toBe(false);
    for (const property of Object.values(schema.properties!)) {
      expect(property.description).toBeTruthy();
      expect(property["x-description-id"]).toBeTruthy();
    }
  });

  it("has examples the API accepts", async () => {
    for (const example of [EXAMPLE_REQUEST, EXAMPLE_UNIDENTIFIED_REQUEST]) {
      expect(placementApiSchema.safeParse(example).success).toBe(true);
      const res = await post({ ...example, externalRef: nextRef("EX"), targetPantiId: pantiId });
      expect(res.status).toBe(201);
    }
  });

  it("feeds the docs page", async () => {
    const data = await docsLoader(args(new Request(`${base}/api/docs`)));
    expect(data.origin).toBe(base);
    expect(data.document.paths).toHaveProperty("/api/v1/placements");
  });
});
