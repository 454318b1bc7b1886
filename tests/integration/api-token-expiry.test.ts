/**
 * API tokens with an expiry date: the administrator chooses one (or none) on the token page, the
 * list shows it, and the API refuses an expired token with 401 `token_expired`.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { apiTokens } from "#db/schema";
import { loader as getPlacementByRef } from "~/routes/api.v1.placements.$ref";
import { action as postPlacement } from "~/routes/api.v1.placements";
import { action as tokensAction, loader as tokensLoader } from "~/routes/_app.admin.api-tokens";
import { checkApiToken, createApiToken } from "~/services/api-tokens.server";
import { InvalidInput } from "~/domain/errors";
import { db } from "~/utils/db.server";
import { cookieFor, createUser } from "../factories";

const base = "http://127.0.0.1";
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

async function respond(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function getByRef(token: string, lang = "en") {
  const request = new Request(`${base}/api/v1/placements/TIDAK-ADA`, {
    headers: { Authorization: `Bearer ${token}`, "Accept-Language": lang },
  });
  const response = await respond(() => getPlacementByRef(args(request, { ref: "TIDAK-ADA" })));
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}

describe("API token expiry", () => {
  it("refuses an expired token with 401 token_expired; one not yet expired works", async () => {
    const admin = createUser("dinsos_admin");
    // Created in January to expire at the end of 31 January (WIB): long past now.
    const expired = createApiToken(admin.actor, { outreachUnit: "sudin_jakbar", name: "Aplikasi lama", expiresOn: "2026-01-31" }, new Date("2026-01-02T03:00:00Z"));
    const current = createApiToken(admin.actor, { outreachUnit: "sudin_jakbar", name: "Aplikasi baru", expiresOn: "2099-12-31" });
    const forever = createApiToken(admin.actor, { outreachUnit: "sudin_jakbar", name: "Aplikasi tetap" });
    expect(db.select().from(apiTokens).where(eq(apiTokens.id, expired.token.id)).get()!.expiresAt).toEqual(new Date("2026-01-31T17:00:00Z"));

    const refused = await getByRef(expired.secret);
    expect(refused.status).toBe(401);
    expect(refused.json).toEqual({ error: "token_expired", message: "The API token has expired. Ask the Dinsos administrator for a new token." });
    expect(refused.headers.get("WWW-Authenticate")).toContain('error="invalid_token"');
    expect((await getByRef(expired.secret, "id")).json.message).toBe("Token API sudah kedaluwarsa. Minta token baru kepada admin Dinsos.");
    const posted = await respond(() =>
      postPlacement(args(new Request(`${base}/api/v1/placements`, { method: "POST", headers: { Authorization: `Bearer ${expired.secret}`, "Content-Type": "application/json" }, body: "{}" }))),
    );
    expect(posted.status).toBe(401);
    expect(((await posted.json()) as { error: string }).error).toBe("token_expired");

    // Past authentication, the unknown reference is simply not found.
    expect((await getByRef(current.secret)).status).toBe(404);
    expect((await getByRef(forever.secret)).status).toBe(404);

    // The boundary: the last instant of the chosen day works, midnight WIB does not.
    expect(checkApiToken(current.secret, new Date("2099-12-31T16:59:59Z")).ok).toBe(true);
    expect(checkApiToken(current.secret, new Date("2099-12-31T17:00:00Z"))).toEqual({ ok: false, reason: "expired" });
    // A revoked or unknown token stays a plain 401 unauthorized.
    expect(checkApiToken("pnt_" + "x".repeat(43))).toEqual({ ok: false, reason: "unknown" });
  });

  it("refuses an expiry date already past", () => {
    const admin = createUser("dinsos_admin");
    expect(() =>
      createApiToken(admin.actor, { outreachUnit: "sudin_jakbar", name: "Terlambat", expiresOn: "2026-03-01" }, new Date("2026-03-02T00:00:00Z")),
    ).toThrow(InvalidInput);
  });

  it("lets the administrator choose an expiry on the token page and lists it", async () => {
    const admin = createUser("dinsos_admin");
    const cookie = await cookieFor(admin.username);
    const form = (fields: Record<string, string>) =>
      new Request(`${base}/admin/api-tokens`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      });

    const late = (await tokensAction(args(form({ intent: "create", outreachUnit: "sudin_jaksel", name: "Aplikasi Jaksel", expiresOn: "2020-01-01" })))) as {
      init?: { status?: number };
      data: { errors?: Record<string, string[]> };
    };
    expect(late.init?.status).toBe(400);
    expect(late.data.errors?.expiresOn).toEqual(["Tanggal berakhir sudah lewat: pilih hari ini atau sesudahnya."]);

    const created = (await tokensAction(args(form({ intent: "create", outreachUnit: "sudin_jaksel", name: "Aplikasi Jaksel", expiresOn: "2099-06-30" })))) as {
      data: { secret: string; created: { prefix: string } };
    };
    expect(created.data.secret).toMatch(/^pnt_/);
    const noExpiry = (await tokensAction(args(form({ intent: "create", outreachUnit: "sudin_jaksel", name: "Aplikasi Jaksel 2", expiresOn: "" })))) as {
      data: { created: { prefix: string } };
    };

    const page = await tokensLoader(args(new Request(`${base}/admin/api-tokens`, { headers: { Cookie: cookie } })));
    const row = page.tokens.find((t) => t.tokenPrefix === created.data.created.prefix)!;
    expect(row.expiresAt).toEqual(new Date("2099-06-30T17:00:00Z"));
    expect(row.expired).toBe(false);
    expect(page.tokens.find((t) => t.tokenPrefix === noExpiry.data.created.prefix)!.expiresAt).toBeNull();
  });
});
