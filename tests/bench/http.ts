/**
 * The HTTP section of `npm run bench` (BENCH_HTTP=0 skips it): the built server (server.js) on
 * the bench's database, signed in as Dinsos, next to its floor. For each main page:
 * - its bare SQL: the statements of the root, layout and page loaders, replayed on the driver;
 * - its floor: a bare node:http server in a process of its own (floor-server.ts) that replays that SQL and sends the same
 *   gzipped bytes the app sent for the page (and headers saying so);
 * - one request at a time, interleaved: the page (HTML document), its single-fetch `.data`
 *   (every loader of the page, as a client navigation fetches it) and the floor, medians;
 * - 10 connections (autocannon) for a bounded time: page, `.data` and floor requests/s.
 * Two references come first, signed out: the minimal page (app/routes/bench.minimal-page.tsx,
 * served with PANTI_BENCH_PAGE=1: an empty loader and a one-line component through the same
 * server, root and entry), whose time is what Express, Remix and React cost for any page here,
 * and the sign-in page (no SQL either, a real form). Each page is then shown against two floors:
 * the bare node:http one, and the *stack floor*: the minimal page's time plus what the page's bare
 * floor costs beyond the minimal page's (its SQL, its larger body).
 * With `--compare DIR` (run.ts) another checkout's build is served beside this one on the same
 * database and measured in the same loops, requests interleaved: a before/after at one moment.
 * Then the placements API over HTTP (new referrals with distinct references, 10 connections), and
 * the server's resident memory: the most it reached through the run, and its parts at the highest
 * sample (/bench/memory, app/routes/bench.memory.ts: the V8 heap by space, Buffers, native memory,
 * file-backed pages).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";
import type { LoaderFunctionArgs } from "@remix-run/node";
import autocannon from "autocannon";
import type { MemoryParts } from "~/utils/memory.server";
import type { recordStatements } from "./statements";
import { describeParts, memoryParts, referralBody, signInOverHttp, startServer } from "./server";

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Params = Record<string, string>;

interface Page {
  label: string;
  path: string;
  params: Params;
  loaders: Loader[];
  /** Requested without the session (the sign-in page, the framework's own cost on a page without SQL). */
  signedOut?: boolean;
  /** The stack's floor (app/routes/bench.minimal-page.tsx): skipped for a checkout that has no such page. */
  minimal?: boolean;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET with the body read to the end, as it came over the wire (gzip not undone). */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { "accept-encoding": "gzip", ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - started }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

const dataPath = (p: string) => {
  const url = new URL(p, "http://x");
  return `${url.pathname === "/" ? "/_root" : url.pathname}.data${url.search}`;
};

export async function httpSection({
  roots,
  databaseUrl,
  password,
  cookie,
  recorder,
  runs,
  seconds,
}: {
  /** The checkouts to build and serve; two or more are measured side by side, interleaved (a before/after). */
  roots: { label: string; root: string }[];
  databaseUrl: string;
  password: string;
  /** A session cookie for calling loaders in this process. */
  cookie: string;
  recorder: ReturnType<typeof recordStatements>;
  runs: number;
  seconds: number;
}) {
  const { db } = await import("~/utils/db.server");
  const client = db.$client;
  const one = <T>(sql: string, ...params: unknown[]) => client.prepare(sql).get(...params) as T;

  for (const { label, root } of roots) {
    console.log(`\nHTTP: building ${label}…`);
    const build = spawnSync("npx", ["remix", "build"], { cwd: root, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
  }
  const largest = one<{ pantiId: number; n: number }>("select panti_id as pantiId, count(*) as n from beds group by panti_id order by n desc, panti_id limit 1");
  const stay = one<{ id: number }>("select id from stays where panti_id = ? and exited_at is null order by admitted_at desc, id desc limit 1", largest.pantiId);
  const klass = one<{ id: number }>("select class_id as id from enrolments group by class_id order by count(*) desc, class_id limit 1");

  // The root loader, from its own module (app/root.tsx, which re-exports it, imports the stylesheet, which tsx cannot).
  const rootLoader = (await import("~/root.server")).loader as Loader;
  const appLoader = (await import("~/routes/_app/route")).loader as Loader;
  const chain = (loader: unknown): Loader[] => [rootLoader, appLoader, loader as Loader];
  const pages: Page[] = [
    { label: "minimal Remix page (reference)", path: "/bench/minimal-page", params: {}, loaders: [rootLoader], signedOut: true, minimal: true },
    {
      label: "sign-in (reference)",
      path: "/login",
      params: {},
      loaders: [rootLoader, (await import("~/routes/login")).loader as Loader],
      signedOut: true,
    },
    { label: "shelter list", path: "/panti", params: {}, loaders: chain((await import("~/routes/_app.panti._index")).loader) },
    {
      // As it opens: the overview of every room and the beds of its default room.
      label: `bed board (${largest.n} beds, as opened)`,
      path: `/panti/${largest.pantiId}`,
      params: { pantiId: String(largest.pantiId) },
      loaders: chain((await import("~/routes/_app.panti.$pantiId/route")).loader),
    },
    { label: "referral list", path: "/placements", params: {}, loaders: chain((await import("~/routes/_app.placements._index/route")).loader) },
    {
      label: "case file",
      path: `/panti/${largest.pantiId}/stays/${stay.id}`,
      params: { pantiId: String(largest.pantiId), stayId: String(stay.id) },
      loaders: chain((await import("~/routes/_app.panti.$pantiId_.stays.$stayId._index/route")).loader),
    },
    { label: "class page", path: `/classes/${klass.id}`, params: { classId: String(klass.id) }, loaders: chain((await import("~/routes/_app.classes.$classId._index")).loader) },
    {
      label: "dashboard 12 months",
      path: "/dashboard?from=2025-11-01&to=2026-10-31",
      params: {},
      loaders: chain((await import("~/routes/_app.dashboard/route")).loader),
    },
  ];

  type App = {
    label: string;
    server: Awaited<ReturnType<typeof startServer>>;
    headers: Record<string, string>;
    peakKb: number;
    /** The server's memory by part (app/routes/bench.memory.ts) at the highest resident set sampled; null without that route. */
    parts: MemoryParts | null;
    sampling: boolean;
  };
  const apps = [] as App[];
  // The floor runs in a process of its own (tests/bench/floor-server.ts) so that its CPU time per
  // request can be read beside the app's: on a shared machine wall-clock times mostly measure the wait.
  const floorServer = spawn(process.execPath, ["--import", "tsx", "tests/bench/floor-server.ts", databaseUrl], {
    stdio: ["ignore", "pipe", "inherit", "ipc"],
    serialization: "advanced",
  });
  const floorPort = await new Promise<number>((resolve, reject) => {
    floorServer.stdout!.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    floorServer.once("exit", () => reject(new Error("the floor server did not start")));
  });
  const floorOrigin = `http://127.0.0.1:${floorPort}`;
  const floorCpuMs = () => {
    const fields = fs.readFileSync(`/proc/${floorServer.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  const setFloor = (floor: { path: string; statements: unknown[]; body: Buffer; headers: http.OutgoingHttpHeaders }) =>
    new Promise<void>((resolve) => {
      const ready = (message: { ready?: string }) => {
        if (message.ready !== floor.path) return;
        floorServer.off("message", ready);
        resolve();
      };
      floorServer.on("message", ready);
      floorServer.send(floor);
    });
  const sampler = setInterval(() => {
    for (const app of apps) {
      try {
        app.peakKb = Math.max(app.peakKb, app.server.memory().peakKb);
      } catch {
        // the server has exited
      }
      if (app.parts && !app.sampling) {
        app.sampling = true;
        void memoryParts(app.server.origin)
          .then((parts) => {
            if (parts && app.parts && parts.rss > app.parts.rss) app.parts = parts;
          })
          .finally(() => (app.sampling = false));
      }
    }
  }, 250);

  try {
    for (const { label, root } of roots) {
      const server = await startServer({ root, databaseUrl, env: { PANTI_BENCH_PAGE: "1" } });
      const headers = { cookie: await signInOverHttp(server.origin, "admin", password) };
      apps.push({ label, server, headers, peakKb: 0, parts: await memoryParts(server.origin), sampling: false });
    }
    type Rates = { page: number; data: number; floor: number };
    type Row = { app: string; minimal: boolean; label: string; kb: number; sql: number; floor: number; page: number; data: number; rps: Rates; cpu: Rates };
    const rows: Row[] = [];
    for (const page of pages) {
      const args = (): LoaderFunctionArgs => ({
        request: new Request(`http://127.0.0.1${page.path}`, { headers: page.signedOut ? {} : { Cookie: cookie } }),
        params: page.params,
        context: { clientAddress: "bench" },
      });
      const { bare, statements } = await recorder.record(() => Promise.all(page.loaders.map((loader) => loader(args()))));
      const targets = [];
      for (const [i, app] of apps.entries()) {
        const headers = page.signedOut ? {} : app.headers;
        const first = await get(app.server.origin + page.path, headers);
        if (page.minimal && first.status === 404) continue;
        if (first.status !== 200 || first.headers["content-encoding"] !== "gzip") throw new Error(`${page.path}: ${first.status} ${first.headers["content-encoding"]}`);
        const floorPath = `/${i}${page.path}`;
        await setFloor({
          path: floorPath,
          statements,
          body: first.body,
          headers: { "content-type": first.headers["content-type"], "content-encoding": "gzip", "content-length": first.body.length },
        });
        targets.push({
          app,
          headers,
          kb: first.body.length / 1024,
          pageUrl: app.server.origin + page.path,
          dataUrl: app.server.origin + dataPath(page.path),
          floorUrl: floorOrigin + floorPath,
          times: { sql: [] as number[], page: [] as number[], data: [] as number[], floor: [] as number[] },
        });
      }
      // Warm-up: the server's code for this page compiled and optimised before anything is timed.
      for (let i = 0; i < 30; i++) for (const target of targets) await Promise.all([get(target.pageUrl, target.headers), get(target.dataUrl, target.headers)]);
      for (let i = 0; i < runs + 3; i++) {
        for (const target of targets) {
          const t = performance.now();
          bare();
          const sql = performance.now() - t;
          const p = await get(target.pageUrl, target.headers);
          const d = await get(target.dataUrl, target.headers);
          const f = await get(target.floorUrl, {});
          if (p.status !== 200 || d.status !== 200 || f.status !== 200) throw new Error(`${page.path}: ${p.status} / ${d.status} / ${f.status}`);
          if (i < 3) continue;
          target.times.sql.push(sql);
          target.times.page.push(p.ms);
          target.times.data.push(d.ms);
          target.times.floor.push(f.ms);
        }
      }
      for (const target of targets) {
        /** Requests/s, and the CPU time the serving process spent per request (ms). */
        const load = async (url: string, headers: Record<string, string>, cpuMs: () => number) => {
          const before = cpuMs();
          const result = await autocannon({ url, connections: 10, duration: seconds, headers: { ...headers, "accept-encoding": "gzip" } });
          if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors under load`);
          return { rps: result.requests.total / result.duration, cpu: (cpuMs() - before) / Math.max(1, result.requests.total) };
        };
        const onPage = await load(target.pageUrl, target.headers, target.app.server.cpuMs);
        const onData = await load(target.dataUrl, target.headers, target.app.server.cpuMs);
        const onFloor = await load(target.floorUrl, {}, floorCpuMs);
        const rps = { page: onPage.rps, data: onData.rps, floor: onFloor.rps };
        const cpu = { page: onPage.cpu, data: onData.cpu, floor: onFloor.cpu };
        rows.push({
          app: target.app.label,
          minimal: Boolean(page.minimal),
          label: apps.length > 1 ? `${page.label} [${target.app.label}]` : page.label,
          kb: target.kb,
          sql: median(target.times.sql),
          floor: median(target.times.floor),
          page: median(target.times.page),
          data: median(target.times.data),
          rps,
          cpu,
        });
      }
    }

    const ms = (v: number) => v.toFixed(2).padStart(8);
    const n = (v: number) => v.toFixed(0).padStart(7);
    // The stack floor of a page: the minimal page's time, plus what its bare floor costs beyond the minimal page's.
    const stackFloor = (r: Row) => {
      const minimal = rows.find((m) => m.minimal && m.app === r.app);
      return minimal ? minimal.page + Math.max(0, r.floor - minimal.floor) : NaN;
    };
    const x = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}x` : "-").padStart(6);
    console.log(
      `\n${"page".padEnd(34)} ${"KiB gz".padStart(7)} ${"SQL ms".padStart(8)} ${"floor ms".padStart(8)} ${"stack ms".padStart(8)} ${"page ms".padStart(8)} ${"/floor".padStart(6)} ${"/stack".padStart(6)} ${".data ms".padStart(8)} ${"/floor".padStart(6)}`,
    );
    for (const r of rows) {
      const stack = stackFloor(r);
      console.log(
        `${r.label.padEnd(34)} ${r.kb.toFixed(1).padStart(7)} ${ms(r.sql)} ${ms(r.floor)} ${Number.isFinite(stack) ? ms(stack) : "-".padStart(8)} ${ms(r.page)} ${x(r.page, r.floor)} ${x(r.page, stack)} ${ms(r.data)} ${x(r.data, r.floor)}`,
      );
    }
    console.log(
      `(one request at a time, medians of ${runs}, page / .data / floor interleaved; floor = a bare node:http server replaying the page's SQL and sending its gzipped bytes; ` +
        `stack = the minimal Remix page's time plus the page's floor beyond the minimal page's floor)`,
    );
    console.log(`\n${"10 connections, req/s".padEnd(34)} ${"page".padStart(7)} ${".data".padStart(7)} ${"floor".padStart(7)}  floor/page`);
    for (const r of rows) console.log(`${r.label.padEnd(34)} ${n(r.rps.page)} ${n(r.rps.data)} ${n(r.rps.floor)} ${(r.rps.floor / r.rps.page).toFixed(2).padStart(6)}x`);
    console.log(`(autocannon, ${seconds} s each)`);

    // CPU time per request of the serving process under that load: what the machine's other work
    // does not change much, unlike the wall-clock figures above. Stack floor: the minimal page's
    // CPU per request plus what the page's floor costs beyond the minimal page's floor.
    const stackCpu = (r: Row) => {
      const minimal = rows.find((m) => m.minimal && m.app === r.app);
      return minimal ? minimal.cpu.page + Math.max(0, r.cpu.floor - minimal.cpu.floor) : NaN;
    };
    console.log(
      `\n${"CPU ms a request, 10 connections".padEnd(34)} ${"floor".padStart(7)} ${"stack".padStart(7)} ${"page".padStart(7)} ${"/floor".padStart(6)} ${"/stack".padStart(6)} ${".data".padStart(7)} ${"/floor".padStart(6)}`,
    );
    for (const r of rows) {
      const stack = stackCpu(r);
      console.log(
        `${r.label.padEnd(34)} ${r.cpu.floor.toFixed(2).padStart(7)} ${Number.isFinite(stack) ? stack.toFixed(2).padStart(7) : "-".padStart(7)} ${r.cpu.page.toFixed(2).padStart(7)} ${x(r.cpu.page, r.cpu.floor)} ${x(r.cpu.page, stack)} ${r.cpu.data.toFixed(2).padStart(7)} ${x(r.cpu.data, r.cpu.floor)}`,
      );
    }
    console.log("(user + system time of the server process and of the floor process over each load run, from /proc, divided by the requests served; 10 ms ticks)");

    // --- the placements API over HTTP -------------------------------------------------------------
    const { createApiToken } = await import("~/services/api-tokens.server");
    const admin = one<{ id: number }>("select id from users where role = 'dinsos_admin' order by id limit 1");
    const target = one<{ id: number }>("select id from panti where active = 1 order by id limit 1");
    const { secret } = createApiToken({ id: admin.id, role: "dinsos_admin", pantiId: null }, { outreachUnit: "sudin_jakbar", name: "Bench HTTP" });
    const foundAt = new Date(Date.now() - 3_600_000).toISOString();
    let next = 0;
    for (const app of apps) {
      const cpuBefore = app.server.cpuMs();
      const api = await autocannon({
        url: `${app.server.origin}/api/v1/placements`,
        connections: 10,
        duration: Math.max(seconds, 5),
        requests: [
          {
            method: "POST",
            headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
            setupRequest: (request) => ({ ...request, body: referralBody(`BENCH-HTTP-${next++}`, target.id, foundAt) }),
          },
        ],
      });
      const name = apps.length > 1 ? ` [${app.label}]` : "";
      console.log(
        `\nAPI over HTTP${name}, 10 connections: ${(api["2xx"] / api.duration).toFixed(0)} posts/s (median ${api.latency.p50} ms, p99 ${api.latency.p99} ms; ${api["2xx"]} created, ${api.non2xx} refused); ` +
          `server CPU ${((app.server.cpuMs() - cpuBefore) / Math.max(1, api["2xx"])).toFixed(2)} ms a post`,
      );
    }
    const created = one<{ n: number }>("select count(*) as n from placements where external_ref like 'BENCH-HTTP-%'").n;
    console.log(`Referrals created over HTTP in the database: ${created}`);
    for (const app of apps) {
      app.peakKb = Math.max(app.peakKb, app.server.memory().peakKb);
      const name = apps.length > 1 ? ` [${app.label}]` : "";
      console.log(`Server memory${name}: ${(app.peakKb / 1024).toFixed(0)} MB peak RSS through the HTTP run, ${(app.server.memory().rssKb / 1024).toFixed(0)} MB at the end`);
      if (app.parts) console.log(`  at the highest sample: ${describeParts(app.parts)}`);
    }
  } finally {
    clearInterval(sampler);
    agent.destroy();
    floorServer.kill();
    for (const app of apps) app.server.stop();
  }
}
