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

// The messages, as the server has them through root.tsx (loaders translate flash messages and errors).
await import("~/utils/dictionary.server");
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
  { label: "placements list (page 1)", path: "/placements", loader: (await import("~/routes/_app.placements._index/route")).loader as Loader },
];

/** The route parameters of a path (only /panti/:pantiId/... has one here). */
const paramsOf = (p: string): Record<string, string> => {
  const m = /^\/panti\/(\d+)\//.exec(p);
  return m ? { pantiId: m[1]! } : {};
};
const args = (p: string): LoaderFunctionArgs => ({
  request: new Request(`http://127.0.0.1${p}`, { headers: { Cookie: cookie } }),
  params: paramsOf(p),
  context: {},
});

/** Records the statements one loader call runs, then replays them on the driver. */
async function measure(loader: Loader, p: string) {
  let result: unknown;
  const { bare, prepared, statements } = await sqlRecorder.record(async () => {
    result = await loader(args(p));
  });
  const replay = sqlRecorder.replay;
  for (let i = 0; i < 3; i++) {
    await loader(args(p));
    bare();
  }
  const loaderTimes: number[] = [];
  const sqlTimes: number[] = [];
  const sqlCpuTimes: number[] = [];
  const loaderCpuTimes: number[] = [];
  const cpuMs = (used: NodeJS.CpuUsage) => (used.user + used.system) / 1000;
  for (let i = 0; i < runs; i++) {
    const loaderCpu = process.cpuUsage();
    let t = performance.now();
    await loader(args(p));
    loaderTimes.push(performance.now() - t);
    loaderCpuTimes.push(cpuMs(process.cpuUsage(loaderCpu)));
    const cpu = process.cpuUsage();
    t = performance.now();
    bare();
    sqlTimes.push(performance.now() - t);
    sqlCpuTimes.push(cpuMs(process.cpuUsage(cpu)));
  }
  const detail = () => {
    for (const one of prepared) {
      const t = performance.now();
      for (let i = 0; i < 5; i++) replay(one);
      console.log(`   ${((performance.now() - t) / 5).toFixed(2)}ms  ${one.s.sql.slice(0, 160).replace(/\s+/g, " ")}`);
    }
  };
  return { result: result as Record<string, unknown>, loader: stats(loaderTimes), loaderCpu: stats(loaderCpuTimes), sql: stats(sqlTimes), sqlCpu: stats(sqlCpuTimes), statements: statements.length, detail };
}

// On a busy machine the wall-clock times include waiting for a core; the CPU time of the bare SQL
// (process.cpuUsage, microsecond resolution) shows the work itself.
console.log(`\n${"loader".padEnd(32)} ${"median".padStart(9)} ${"p95".padStart(9)} ${"CPU".padStart(9)} ${"bare SQL".padStart(9)} ${"SQL CPU".padStart(9)}  ratio  statements`);
for (const c of cases.filter((one) => one.label.includes(values.only))) {
  const m = await measure(c.loader, c.path);
  if (process.env.BENCH_DETAIL) m.detail();
  const l = m.loader;
  const s = m.sql;
  console.log(
    `${c.label.padEnd(32)} ${l.median.toFixed(2).padStart(7)}ms ${l.p95.toFixed(2).padStart(7)}ms ${m.loaderCpu.median.toFixed(2).padStart(7)}ms ${s.median.toFixed(2).padStart(7)}ms ${m.sqlCpu.median.toFixed(2).padStart(7)}ms  ${(l.median / s.median).toFixed(2).padStart(5)}x  ${m.statements}`,
  );
}
console.log(`(${runs} runs each, after warm-up; the loader time includes the session lookup and shaping the page data)`);

if (!values.only) {
// Paginated lists: the SQL of the first, a middle and the last page (target: at most 5 ms each).
const one = <T>(source: string, ...params: unknown[]) => db.$client.prepare(source).get(...params) as T;
const biggest = one<{ id: number }>("select panti_id as id from stays group by panti_id order by count(*) desc limit 1").id;
const auditCursor = (offset: number) => {
  const row = one<{ at: number; id: number } | undefined>("select at, id from audit_log order by at desc, id desc limit 1 offset ?", offset);
  return row ? `${row.at}.${row.id}` : null;
};
const auditEntries = one<{ n: number }>("select count(*) as n from audit_log").n;
/** The last page: from the page's own count, or (a count stopped at its limit) from a full count. */
const numbered = (key: string, fullCount?: string) => (data: Record<string, unknown>) => {
  if (data.totalExact === false && fullCount) return Math.ceil(one<{ n: number }>(fullCount).n / 50);
  return key === "classes" ? Math.max(1, Math.ceil(Number(data.total) / Number(data.pageSize))) : Number(data[key]);
};
const tenYears = `exited_at >= ${Date.parse("2016-11-01T00:00:00+07:00")} and exited_at < ${Date.parse("2026-11-01T00:00:00+07:00")}`;
const withPage = (p: string, page: number) => (page <= 1 ? p : `${p}${p.includes("?") ? "&" : "?"}page=${page}`);
type ListCase = { label: string; path: string; loader: Loader; pages?: (data: Record<string, unknown>) => number; cursorPath?: (at: "middle" | "last") => string | null };
const route = async (name: string) => (await import(`../../app/routes/${name}`)).loader as Loader;
const lists: ListCase[] = [
  { label: "referrals, all", path: "/placements", loader: await route("_app.placements._index/route"), pages: numbered("pageCount", "select count(*) as n from placements") },
  { label: "referrals, accepted", path: "/placements?status=accepted", loader: await route("_app.placements._index/route"), pages: numbered("pageCount", "select count(*) as n from placements where status = 'accepted'") },
  { label: "referrals, one panti", path: `/placements?panti=${biggest}`, loader: await route("_app.placements._index/route"), pages: numbered("pageCount", `select count(*) as n from placements where target_panti_id = ${biggest}`) },
  { label: "referrals, one unit", path: "/placements?unit=sudin_jakbar", loader: await route("_app.placements._index/route"), pages: numbered("pageCount", "select count(*) as n from placements where outreach_unit = 'sudin_jakbar'") },
  { label: "residents, open", path: `/panti/${biggest}/residents`, loader: await route("_app.panti.$pantiId_.residents"), pages: numbered("pages") },
  { label: "residents, exited", path: `/panti/${biggest}/residents?status=exited`, loader: await route("_app.panti.$pantiId_.residents"), pages: numbered("pages", `select count(*) as n from stays where panti_id = ${biggest} and exited_at is not null`) },
  { label: "follow-ups, upcoming too", path: "/follow-ups?upcoming=1", loader: await route("_app.follow-ups"), pages: numbered("pageCount", "select count(*) as n from follow_ups where done_at is null") },
  { label: "stays to review", path: "/stale-stays", loader: await route("_app.stale-stays"), pages: numbered("pageCount") },
  { label: "report stays, 10 years", path: "/reports/stays?from=2016-11-01&to=2026-10-31", loader: await route("_app.reports.stays"), pages: numbered("pageCount", `select count(*) as n from stays where ${tenYears}`) },
  { label: "report stays, one outcome", path: "/reports/stays?from=2016-11-01&to=2026-10-31&outcome=returned_family", loader: await route("_app.reports.stays"), pages: numbered("pageCount", `select count(*) as n from stays where ${tenYears} and exit_outcome = 'returned_family'`) },
  { label: "report stays, re-entries", path: "/reports/stays?from=2016-11-01&to=2026-10-31&reentry=1", loader: await route("_app.reports.stays"), pages: numbered("pageCount") },
  {
    label: "audit log",
    path: "/admin/audit",
    loader: await route("_app.admin.audit"),
    cursorPath: (at) => {
      const cursor = auditCursor(at === "middle" ? Math.floor(auditEntries / 2) : Math.max(0, auditEntries - 51));
      return cursor ? `/admin/audit?before=${cursor}` : null;
    },
  },
  { label: "users", path: "/admin/users", loader: await route("_app.admin.users._index"), pages: numbered("pageCount") },
  { label: "classes", path: "/classes", loader: await route("_app.classes._index"), pages: numbered("classes") },
];
type Measured = Awaited<ReturnType<typeof measure>>;
const cell = (m: Measured | null) => (m == null ? "-" : `${m.sql.median.toFixed(2)} (${m.sqlCpu.median.toFixed(2)})`).padStart(15);
console.log(`\n${"list (SQL ms of one page)".padEnd(28)} ${"pages".padStart(6)} ${"first (CPU)".padStart(15)} ${"middle (CPU)".padStart(15)} ${"last (CPU)".padStart(15)}  statements`);
for (const c of lists) {
  const first = await measure(c.loader, c.path);
  const last = c.pages ? c.pages(first.result) : null;
  const pathAt = (at: "middle" | "last") =>
    c.cursorPath ? c.cursorPath(at) : last != null && last > 1 ? withPage(c.path, at === "middle" ? Math.ceil(last / 2) : last) : null;
  const middlePath = pathAt("middle");
  const lastPath = pathAt("last");
  const middle = middlePath ? await measure(c.loader, middlePath) : null;
  const end = lastPath ? await measure(c.loader, lastPath) : null;
  if (process.env.BENCH_DETAIL) (end ?? first).detail();
  const pages = c.cursorPath ? `~${Math.ceil(auditEntries / 50)}` : String(last);
  console.log(
    `${c.label.padEnd(28)} ${pages.padStart(6)} ${cell(first)} ${cell(middle)} ${cell(end)}  ${[first, middle, end].filter(Boolean).map((m) => m!.statements).join("/")}`,
  );
}
console.log(`(SQL medians of ${runs} runs, wall clock and CPU time; "-" where the list has one page)`);

}

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
