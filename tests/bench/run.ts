/**
 * npm run bench [-- --scale N] [--runs R] [--only TEXT] [--http-runs N] [--http-seconds S] [--compare DIR]
 *
 * Seeds a fresh database at `--scale` years of history (default 10, i.e. 100k+ stays) plus the
 * Q1 2025 referrals, and measures the review loaders — the shelter list, the dashboard (12 months
 * and 10 years), the quarterly report, the annual report (/reports for 2024) — each as the real route loader signed in as Dinsos,
 * against the bare SQL it runs: the statements are recorded while the loader runs once, then
 * replayed on the driver with their parameters. Prints medians, p95 and the ratio loader / SQL.
 * Then the HTTP section (tests/bench/http.ts; BENCH_HTTP=0 skips it): the built server on the
 * same database, each main page against its floor, the API's posts/s and the server's memory.
 * `--only TEXT` runs the loader cases whose label contains TEXT. `--http-runs` requests one at a time per page (default 20), `--http-seconds` of load each (3);
 * `--compare DIR` serves another checkout's build beside this one, requests interleaved, for a
 * before/after on the same database, machine and moment.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { LoaderFunctionArgs } from "@remix-run/node";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: process.env.SEED_SCALE ?? "10" },
    runs: { type: "string", default: "30" },
    keep: { type: "boolean", default: false },
    /** Only the cases whose label contains this text. */
    only: { type: "string", default: "" },
    "http-runs": { type: "string", default: "20" },
    "http-seconds": { type: "string", default: "3" },
    /** Another checkout to serve beside this one in the HTTP section, interleaved (a before/after). */
    compare: { type: "string" },
  },
});
const scale = Number(values.scale);
const runs = Number(values.runs);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "panti-bench-"));
const dbFile = path.join(dir, "bench.db");
process.env.DATABASE_URL = dbFile;
process.env.SESSION_SECRET ??= "bench-secret";
const PASSWORD = "bench-password-1";
const NOW = new Date("2026-11-01T00:00:00+07:00");

const { openDatabase } = await import("#db/connection");
const { seedDatabase } = await import("#db/seed");
const { loadQ1_2025 } = await import("#db/fixtures/q1-2025");

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return { median: s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! };
}

const t0 = performance.now();
{
  const seedDb = openDatabase();
  seedDatabase(seedDb, { scale, demoPassword: PASSWORD, now: NOW, log: () => {} });
  loadQ1_2025(seedDb);
  console.log(
    `Seeded scale ${scale} in ${((performance.now() - t0) / 1000).toFixed(1)} s: ` +
      ["panti", "beds", "persons", "stays", "bed_assignments", "placements"]
        .map((k) => `${k} ${(seedDb.$client.prepare(`select count(*) as n from ${k}`).get() as { n: number }).n}`)
        .join(", "),
  );
  seedDb.$client.close();
}

const { recordStatements } = await import("./statements");
const { db } = await import("~/utils/db.server");
const { signIn } = await import("~/services/auth.server");
const { sessionCookie } = await import("~/utils/session.server");
const sqlRecorder = recordStatements(db.$client);

const session = signIn({ username: "admin", password: PASSWORD, clientAddress: "bench" });
if (!session.ok) throw new Error("bench sign-in failed");
const cookie = (await sessionCookie().serialize(session.sessionId)).split(";")[0]!;

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
const cases: { label: string; path: string; loader: Loader }[] = [
  { label: "shelter list /panti", path: "/panti", loader: (await import("~/routes/_app.panti._index")).loader as Loader },
  { label: "dashboard, last 12 months", path: "/dashboard?from=2025-11-01&to=2026-10-31", loader: (await import("~/routes/_app.dashboard/route")).loader as Loader },
  { label: "dashboard, 10 years", path: "/dashboard?from=2016-11-01&to=2026-10-31", loader: (await import("~/routes/_app.dashboard/route")).loader as Loader },
  { label: "quarterly report Q1 2025", path: "/reports/quarterly?year=2025&quarter=1", loader: (await import("~/routes/_app.reports.quarterly")).loader as Loader },
  { label: "annual report 2024 /reports", path: "/reports?from=2024-01-01&to=2024-12-31", loader: (await import("~/routes/_app.reports._index")).loader as Loader },
  { label: "placements list (page 1)", path: "/placements", loader: (await import("~/routes/_app.placements._index")).loader as Loader },
];

const args = (p: string): LoaderFunctionArgs => ({
  request: new Request(`http://127.0.0.1${p}`, { headers: { Cookie: cookie } }),
  params: {},
  context: {},
});

console.log(`\n${"loader".padEnd(32)} ${"median".padStart(9)} ${"p95".padStart(9)} ${"bare SQL".padStart(9)}  ratio  statements`);
for (const c of cases.filter((one) => one.label.includes(values.only))) {
  const { bare, prepared, statements } = await sqlRecorder.record(() => c.loader(args(c.path)));
  for (let i = 0; i < 3; i++) {
    await c.loader(args(c.path));
    bare();
  }
  const loaderTimes: number[] = [];
  const sqlTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await c.loader(args(c.path));
    loaderTimes.push(performance.now() - t);
    t = performance.now();
    bare();
    sqlTimes.push(performance.now() - t);
  }
  const l = stats(loaderTimes);
  const s = stats(sqlTimes);
  if (process.env.BENCH_DETAIL) {
    for (const one of prepared) {
      const t = performance.now();
      for (let i = 0; i < 5; i++) sqlRecorder.replay(one);
      console.log(`   ${((performance.now() - t) / 5).toFixed(2)}ms  ${one.s.sql.slice(0, 160).replace(/\s+/g, " ")}`);
    }
  }
  console.log(
    `${c.label.padEnd(32)} ${l.median.toFixed(2).padStart(7)}ms ${l.p95.toFixed(2).padStart(7)}ms ${s.median.toFixed(2).padStart(7)}ms  ${(l.median / s.median).toFixed(2).padStart(5)}x  ${statements.length}`,
  );
}
console.log(`(${runs} runs each, after warm-up; the loader time includes the session lookup and shaping the page data)`);

if (process.env.BENCH_HTTP !== "0") {
  const { httpSection } = await import("./http");
  await httpSection({
    roots: [
      ...(values.compare ? [{ label: "compared", root: path.resolve(values.compare) }] : []),
      { label: "this checkout", root: process.cwd() },
    ],
    databaseUrl: dbFile,
    password: PASSWORD,
    cookie,
    recorder: sqlRecorder,
    runs: Number(values["http-runs"]),
    seconds: Number(values["http-seconds"]),
  });
}

if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
else console.log(`database kept at ${process.env.DATABASE_URL}`);
