/**
 * The HTTP section of `npm run bench` (BENCH_HTTP=0 skips it): the built server (server.js) on
 * the bench's database, signed in as Dinsos, next to its floor. For each main page:
 * - its bare SQL: the statements of the root, layout and page loaders, replayed on the driver;
 * - its floor: a bare node:http server in this process that replays that SQL and sends the same
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
 * the server's resident memory: the most it reached through the run.
 */
import { spawnSync } from "node:child_process";
import http from "node:http";
import { performance } from "node:perf_hooks";
import type { LoaderFunctionArgs } from "@remix-run/node";
import autocannon from "autocannon";
import type { recordStatements } from "./statements";
import { referralBody, startServer } from "./server";

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

/** Signs in through the login form as a browser without JavaScript does; returns the session cookie. */
async function signInOverHttp(origin: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password, redirectTo: "/home" }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("__session") || c.includes("session"));
  if (response.status !== 302 || !cookie) throw new Error(`sign-in over HTTP failed: ${response.status}`);
  return cookie.split(";")[0]!;
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

  // The root loader (app/root.tsx, which tsx cannot import for its stylesheet): the user's language and its dictionary.
  const { getLang } = await import("~/utils/auth.server");
  const { dictionaryUrl } = await import("~/utils/dictionary.server");
  const rootLoader: Loader = async ({ request }) => {
    const lang = await getLang(request);
    return { lang, dictionary: dictionaryUrl(lang) };
  };
  const appLoader = (await import("~/routes/_app")).loader as Loader;
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
      label: `bed board (${largest.n} beds)`,
      path: `/panti/${largest.pantiId}`,
      params: { pantiId: String(largest.pantiId) },
      loaders: chain((await import("~/routes/_app.panti.$pantiId/route")).loader),
    },
    { label: "referral list", path: "/placements", params: {}, loaders: chain((await import("~/routes/_app.placements._index")).loader) },
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

  const apps = [] as { label: string; server: Awaited<ReturnType<typeof startServer>>; headers: Record<string, string>; peakKb: number }[];
  const floors = new Map<string, { body: Buffer; headers: http.OutgoingHttpHeaders; bare: () => unknown }>();
  const floorServer = http.createServer((req, res) => {
    const floor = floors.get(req.url ?? "");
    if (!floor) return void res.writeHead(404).end();
    floor.bare();
    res.writeHead(200, floor.headers);
    res.end(floor.body);
  });
  await new Promise<void>((resolve) => floorServer.listen(0, "127.0.0.1", resolve));
  const floorOrigin = `http://127.0.0.1:${(floorServer.address() as { port: number }).port}`;
  const sampler = setInterval(() => {
    for (const app of apps) {
      try {
        app.peakKb = Math.max(app.peakKb, app.server.memory().peakKb);
      } catch {
        // the server has exited
      }
    }
  }, 250);

  try {
    for (const { label, root } of roots) {
      const server = await startServer({ root, databaseUrl, env: { PANTI_BENCH_PAGE: "1" } });
      apps.push({ label, server, headers: { cookie: await signInOverHttp(server.origin, "admin", password) }, peakKb: 0 });
    }
    type Row = { app: string; minimal: boolean; label: string; kb: number; sql: number; floor: number; page: number; data: number; rps: { page: number; data: number; floor: number } };
    const rows: Row[] = [];
    for (const page of pages) {
      const args = (): LoaderFunctionArgs => ({
        request: new Request(`http://127.0.0.1${page.path}`, { headers: page.signedOut ? {} : { Cookie: cookie } }),
        params: page.params,
        context: { clientAddress: "bench" },
      });
      const { bare } = await recorder.record(() => Promise.all(page.loaders.map((loader) => loader(args()))));
      const targets = [];
      for (const [i, app] of apps.entries()) {
        const headers = page.signedOut ? {} : app.headers;
        const first = await get(app.server.origin + page.path, headers);
        if (page.minimal && first.status === 404) continue;
        if (first.status !== 200 || first.headers["content-encoding"] !== "gzip") throw new Error(`${page.path}: ${first.status} ${first.headers["content-encoding"]}`);
        const floorPath = `/${i}${page.path}`;
        floors.set(floorPath, {
          body: first.body,
          headers: { "content-type": first.headers["content-type"], "content-encoding": "gzip", "content-length": first.body.length },
          bare,
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
        const load = async (url: string, headers: Record<string, string>) => {
          const result = await autocannon({ url, connections: 10, duration: seconds, headers: { ...headers, "accept-encoding": "gzip" } });
          if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors under load`);
          return result.requests.total / result.duration;
        };
        const rps = { page: await load(target.pageUrl, target.headers), data: await load(target.dataUrl, target.headers), floor: await load(target.floorUrl, {}) };
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
    }
  } finally {
    clearInterval(sampler);
    agent.destroy();
    floorServer.close();
    for (const app of apps) app.server.stop();
  }
}
