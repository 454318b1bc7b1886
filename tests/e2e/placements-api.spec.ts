/**
 * The placements API over HTTP against the running e2e server: concurrent retries of one referral
 * create it once. The token is written straight into the e2e database (its SHA-256, as the token
 * service stores it), so no browser is needed.
 */
import { createHash, randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { expect, test, type APIResponse } from "@playwright/test";
import { E2E_DB } from "./e2e-env.js";

/** The e2e server's database (E2E_DATABASE_URL to point the spec at another server's). */
const DB_FILE = process.env.E2E_DATABASE_URL ?? E2E_DB;
const UNIT = "sudin_jakbar";
const run = `${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
/** One found-at time for the run: the same referral must be the same byte for byte. */
const FOUND_AT = new Date(Date.now() - 3_600_000).toISOString();

let sqlite: Database.Database;
let token = "";
let tokenId = 0;
let pantiId = 0;

test.beforeAll(() => {
  sqlite = new Database(DB_FILE);
  sqlite.pragma("busy_timeout = 5000");
  token = `pnt_${randomBytes(32).toString("base64url")}`;
  const hash = createHash("sha256").update(token).digest("hex");
  tokenId = Number(
    sqlite
      .prepare("insert into api_tokens (outreach_unit, name, token_hash, token_prefix) values (?, ?, ?, ?)")
      .run(UNIT, `E2E ${run}`, hash, token.slice(0, 8)).lastInsertRowid,
  );
  const panti = sqlite.prepare("select id from panti where active = 1 order by id limit 1").get() as { id: number } | undefined;
  if (!panti) throw new Error(`no active panti in ${DB_FILE}`);
  pantiId = panti.id;
});

test.afterAll(() => {
  sqlite.prepare("update api_tokens set revoked_at = ? where id = ?").run(Date.now(), tokenId);
  sqlite.close();
});

function referral(externalRef: string, officerName = "Rudi Hartono") {
  return {
    externalRef,
    officerName,
    foundAt: FOUND_AT,
    foundKota: "Jakarta Barat",
    foundPlace: "Kolong Tol Angke",
    reachMethod: "patrol",
    personName: "Budi Santoso",
    sex: "male",
    estimatedAge: 45,
    ppksCategory: "gelandangan",
    assessmentSummary: "Tidur di kolong tol, sehat, bersedia dibawa ke panti.",
    targetPantiId: pantiId,
  };
}

const headers = () => ({ Authorization: `Bearer ${token}`, "Content-Type": "application/json" });

function rowsWithRef(externalRef: string): number {
  return (sqlite.prepare("select count(*) as n from placements where outreach_unit = ? and external_ref = ?").get(UNIT, externalRef) as { n: number }).n;
}

async function answer(response: APIResponse) {
  return { status: response.status(), json: (await response.json()) as { id?: number; error?: string; placement?: { id: number } } };
}

test("20 parallel retries of one referral: one 201, nineteen 200, one row", async ({ request }) => {
  const externalRef = `E2E-${run}-same`;
  const body = referral(externalRef);
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => request.post("/api/v1/placements", { headers: headers(), data: body }).then(answer)),
  );
  const statuses = answers.map((a) => a.status);
  expect({ created: statuses.filter((s) => s === 201).length, replayed: statuses.filter((s) => s === 200).length }).toEqual({ created: 1, replayed: 19 });
  expect(new Set(answers.map((a) => a.json.id)).size).toBe(1);
  expect(rowsWithRef(externalRef)).toBe(1);

  const status = await request.get(`/api/v1/placements/${encodeURIComponent(externalRef)}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(status.status()).toBe(200);
  expect(((await status.json()) as { id: number; status: string })).toMatchObject({ id: answers[0]!.json.id, status: "pending" });
});

test("parallel different referrals under one reference: one 201, 200 only for the same body, 409 for the rest", async ({ request }) => {
  const externalRef = `E2E-${run}-mixed`;
  // Five different bodies, each sent four times, all at once.
  const officers = ["Rudi Hartono", "Siti Aminah", "Agus Salim", "Dewi Lestari", "Bambang Priyo"];
  const sent = officers.flatMap((officer) => Array.from({ length: 4 }, () => referral(externalRef, officer)));
  const answers = await Promise.all(
    sent.map((body) => request.post("/api/v1/placements", { headers: headers(), data: body }).then(answer)),
  );
  const created = answers.map((a, i) => ({ ...a, officer: sent[i]!.officerName })).filter((a) => a.status === 201);
  expect(created).toHaveLength(1);
  const winner = created[0]!;
  for (const [i, a] of answers.entries()) {
    if (a.status === 201) continue;
    const same = sent[i]!.officerName === winner.officer;
    expect({ officer: sent[i]!.officerName, status: a.status }).toEqual({ officer: sent[i]!.officerName, status: same ? 200 : 409 });
    expect(same ? a.json.id : a.json.placement?.id).toBe(winner.json.id);
  }
  expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
  expect(answers.filter((a) => a.status === 409)).toHaveLength(16);
  expect(rowsWithRef(externalRef)).toBe(1);
});

test("a wrong token is 401 and writes nothing", async ({ request }) => {
  const externalRef = `E2E-${run}-unauthorized`;
  const response = await request.post("/api/v1/placements", {
    headers: { Authorization: `Bearer pnt_${"x".repeat(43)}`, "Content-Type": "application/json" },
    data: referral(externalRef),
  });
  expect(response.status()).toBe(401);
  expect(rowsWithRef(externalRef)).toBe(0);
});
