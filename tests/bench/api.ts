/**
 * npx tsx tests/bench/api.ts [--requests 1000] [--concurrency 4] [--keep]
 *
 * The placements API on a fresh temporary database (reference lists and the panti registry):
 * 1. the route action called directly, `--requests` times with distinct references (then the same
 *    requests again: idempotent replays), reporting requests/s and median latency;
 * 2. when the app is built (build/index.js), `node server.js` on a free port with the same
 *    database, and `--requests` POSTs over HTTP with `--concurrency` in flight.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { referralBody, startServer } from "./server";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "4" },
    keep: { type: "boolean", default: false },
  },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const root = process.cwd();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "panti-api-bench-"));
const dbFile = path.join(dir, "bench.db");
process.env.DATABASE_URL = dbFile;
process.env.SESSION_SECRET ??= "bench-secret";

const { openDatabase } = await import("#db/connection");
const schema = await import("#db/schema");

// --- seed: the project's seed when there is one, else the reference lists and panti -------------
async function seed() {
  const seedDb = openDatabase();
  try {
    if (fs.existsSync(path.join(root, "db/seed.ts"))) {
      try {
        const { seedDatabase } = (await import(path.join(root, "db/seed.ts"))) as {
          seedDatabase: (db: unknown, options: Record<string, unknown>) => unknown;
        };
        seedDatabase(seedDb, { scale: 0, demoPassword: "bench-password-1", now: new Date(), log: () => {} });
        return "db/seed.ts (scale 0)";
      } catch (error) {
        console.log(`seedDatabase failed (${(error as Error).message.split("\n")[0]}); using the reference lists only`);
      }
    }
    const { loadReferenceData } = await import("#db/seed/reference");
    const ref = loadReferenceData();
    seedDb.transaction((tx) => {
      tx.insert(schema.ppksCategories).values(ref.ppksCategories).onConflictDoNothing().run();
      tx.insert(schema.disabilitySubtypes).values(ref.disabilitySubtypes).onConflictDoNothing().run();
      tx.insert(schema.rehabilitationStages).values(ref.rehabilitationStages).onConflictDoNothing().run();
      tx.insert(schema.outreachUnits).values(ref.outreachUnits).onConflictDoNothing().run();
      for (const p of ref.panti) {
        tx.insert(schema.panti)
          .values({
            code: p.code,
            name: p.name,
            type: p.type,
            targetGroup: p.targetGroup,
            targetCategories: p.targetCategories,
            sexServed: p.sexServed,
            kota: p.kota,
            address: p.address,
            declaredCapacity: p.capacity,
          })
          .onConflictDoNothing()
          .run();
      }
    });
    return "reference lists (db/reference)";
  } finally {
    seedDb.$client.close();
  }
}

const seededWith = await seed();

await import("~/utils/dictionary.server");
const { eq, sql } = await import("drizzle-orm");
const { db } = await import("~/utils/db.server");
const { createApiToken } = await import("~/services/api-tokens.server");
const { action } = await import("~/routes/api.v1.placements");

const adminUser = db
  .insert(schema.users)
  .values({ username: `bench-admin-${Date.now()}`, name: "Bench admin", passwordHash: "-", role: "dinsos_admin" })
  .returning()
  .get();
const { secret } = createApiToken({ id: adminUser.id, role: "dinsos_admin", pantiId: null }, { outreachUnit: "sudin_jakbar", name: "Bench" });
const target = db.select({ id: schema.panti.id }).from(schema.panti).where(eq(schema.panti.active, true)).orderBy(schema.panti.id).get();
if (!target) throw new Error("no panti seeded");
const pantiCount = db.get<{ n: number }>(sql`select count(*) as n from panti`).n;

const foundAt = new Date(Date.now() - 3_600_000).toISOString();
const body = (ref: string) => referralBody(ref, target.id, foundAt);
const headers = { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

function report(label: string, times: number[], wallMs: number, statuses: Map<number, number>) {
  const counts = [...statuses].map(([s, n]) => `${s}×${n}`).join(" ");
  console.log(
    `${label.padEnd(40)} ${(times.length / (wallMs / 1000)).toFixed(0).padStart(6)} req/s   median ${median(times).toFixed(3)} ms   p95 ${p95(times).toFixed(3)} ms   [${counts}]`,
  );
}

console.log(`Seeded with ${seededWith}: ${pantiCount} panti. ${requests} requests per run.`);

// --- 1. the route action, called directly ---------------------------------------------------------
async function direct(label: string, prefix: string) {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    const request = new Request("http://127.0.0.1/api/v1/placements", { method: "POST", headers, body: body(`${prefix}-${i}`) });
    const t0 = performance.now();
    const response = await action({ request, params: {}, context: {} });
    await response.text();
    times.push(performance.now() - t0);
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  }
  report(label, times, performance.now() - started, statuses);
}

// Warm-up (module caches, prepared statements), not counted.
for (let i = 0; i < 20; i++) {
  await action({ request: new Request("http://127.0.0.1/api/v1/placements", { method: "POST", headers, body: body(`WARM-${i}`) }), params: {}, context: {} });
}
await direct("direct action: new referrals (201)", "D");
await direct("direct action: replays (200)", "D");

// --- 2. over HTTP, against the built server -------------------------------------------------------
async function overHttp(): Promise<boolean> {
  if (!fs.existsSync(path.join(root, "build/index.js"))) {
    console.log("HTTP: skipped (no build/index.js; run `npx remix build` first)");
    return false;
  }
  const server = await startServer({ root, databaseUrl: dbFile });
  const { origin } = server;
  try {
    for (let i = 0; i < 20; i++) {
      await (await fetch(`${origin}/api/v1/placements`, { method: "POST", headers, body: body(`HWARM-${i}`) })).text();
    }
    const run = async (label: string, prefix: string, method: "POST" | "GET" = "POST") => {
      const times: number[] = [];
      const statuses = new Map<number, number>();
      let nextIndex = 0;
      const started = performance.now();
      const worker = async () => {
        for (let i = nextIndex++; i < requests; i = nextIndex++) {
          const t0 = performance.now();
          const response =
            method === "POST"
              ? await fetch(`${origin}/api/v1/placements`, { method: "POST", headers, body: body(`${prefix}-${i}`) })
              : await fetch(`${origin}/api/v1/placements/${prefix}-${i}`, { headers });
          await response.text();
          times.push(performance.now() - t0);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      report(label, times, performance.now() - started, statuses);
    };
    await run(`HTTP, concurrency ${concurrency}: new (201)`, "H");
    await run(`HTTP, concurrency ${concurrency}: replays (200)`, "H");
    await run(`HTTP, concurrency ${concurrency}: GET status (200)`, "H", "GET");
    return true;
  } finally {
    server.stop();
  }
}

const http = await overHttp();

const rows = db.get<{ n: number }>(sql`select count(*) as n from placements where source = 'api'`).n;
const expected = (http ? 40 : 20) + (http ? 2 : 1) * requests;
console.log(`Referrals in the database: ${rows} (expected ${expected}: replays add none)`);

const { closeDb } = await import("~/utils/db.server");
closeDb();
if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
else console.log(`Database kept at ${dbFile}`);
