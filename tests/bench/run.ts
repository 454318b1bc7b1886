/**
 * npm run bench [-- --scale N] [--runs R]
 *
 * Seeds a fresh database at `--scale` years of history (default 10) and measures the shelter-list
 * loader (the real route loader, signed in as Dinsos, all panti) against the bare SQL it runs.
 * Prints medians and the ratio loader / SQL.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: process.env.SEED_SCALE ?? "10" },
    runs: { type: "string", default: "200" },
    keep: { type: "boolean", default: false },
  },
});
const scale = Number(values.scale);
const runs = Number(values.runs);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "panti-bench-"));
process.env.DATABASE_URL = path.join(dir, "bench.db");
process.env.SESSION_SECRET ??= "bench-secret";
const PASSWORD = "bench-password-1";

const { openDatabase } = await import("#db/connection");
const { seedDatabase } = await import("#db/seed");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function measure(label: string, fn: () => unknown, n: number) {
  for (let i = 0; i < Math.min(20, n); i++) fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  const m = median(times);
  console.log(`${label.padEnd(44)} median ${m.toFixed(3)} ms   p95 ${times.sort((a, b) => a - b)[Math.floor(n * 0.95)]!.toFixed(3)} ms`);
  return m;
}

const t0 = performance.now();
{
  const seedDb = openDatabase();
  const result = seedDatabase(seedDb, { scale, demoPassword: PASSWORD, now: new Date("2026-11-01T00:00:00+07:00"), log: () => {} });
  console.log(
    `Seeded scale ${scale} in ${((performance.now() - t0) / 1000).toFixed(1)} s: ` +
      Object.entries(result.counts)
        .filter(([k]) => ["panti", "beds", "persons", "stays", "bed_assignments"].includes(k))
        .map(([k, v]) => `${k} ${v}`)
        .join(", "),
  );
  seedDb.$client.close();
}

const { db } = await import("~/utils/db.server");
const { signIn } = await import("~/services/auth.server");
const { sessionCookie } = await import("~/utils/session.server");
const { occupancyQueries } = await import("~/queries/occupancy.server");
const { loader } = await import("~/routes/_app.panti._index");

const session = signIn({ username: "admin", password: PASSWORD, clientAddress: "bench" });
if (!session.ok) throw new Error("bench sign-in failed");
const cookie = (await sessionCookie().serialize(session.sessionId)).split(";")[0]!;
const request = () => new Request("http://127.0.0.1/panti", { headers: { Cookie: cookie } });

// The bare SQL of the list: the same three statements, prepared once, run on the driver.
const q = occupancyQueries({ pantiId: null });
const statements = [q.pantiRows, q.bedCounts, q.census].map((query) => {
  const { sql, params } = query.toSQL();
  return { stmt: db.$client.prepare(sql), params };
});
const bare = () => statements.map(({ stmt, params }) => stmt.all(...(params as unknown[])));

// The loader is async only for reading the cookie; time it end to end.
const loaderTimes: number[] = [];
for (let i = 0; i < 20; i++) await loader({ request: request(), params: {}, context: {} });
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  await loader({ request: request(), params: {}, context: {} });
  loaderTimes.push(performance.now() - t);
}
const loaderMedian = median(loaderTimes);
const sorted = [...loaderTimes].sort((a, b) => a - b);
console.log(
  `${"shelter list loader (/panti, all panti)".padEnd(44)} median ${loaderMedian.toFixed(3)} ms   p95 ${sorted[Math.floor(runs * 0.95)]!.toFixed(3)} ms`,
);
const sqlMedian = measure("bare SQL (3 statements)", bare, runs);
console.log(`ratio loader / SQL: ${(loaderMedian / sqlMedian).toFixed(2)}x over ${runs} runs`);

if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
else console.log(`database kept at ${process.env.DATABASE_URL}`);
