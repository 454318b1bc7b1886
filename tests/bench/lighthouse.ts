/**
 * npm run lighthouse [-- --runs N] [--app DIR] [--compare DIR] [--no-build] [--pages login,dashboard,...] [--keep]
 *
 * Lighthouse 12.2 (mobile profile: simulated slow 4G and a 4× slower CPU) on Debian's chromium
 * against the built app on a fresh demo database (db/setup.ts, scale 1), signed in as the Dinsos
 * administrator through the session cookie. For sign-in, the shelter list, the bed board of the
 * largest panti (as it opens: every room's counts and the beds of one room), the referral list, a case file, a class page and the dashboard it prints the
 * performance score, LCP, TBT and the JavaScript transferred (gzipped, as the server sends it),
 * medians over `--runs` runs (default 1). Targets (issue 14): dashboard ≥ 90 with TBT ≤ 200 ms,
 * the other pages ≥ 95, at most 120 KB of JavaScript on pages without charts. With
 * `BENCH_PORTS=FROM-TO` the server and Chrome listen on ports of that range (tests/bench/ports.ts).
 * `--compare DIR` serves another checkout's build ("before") beside this one ("after") on the same
 * database and runs each page on both in turn, before then after, `--runs` times: the scores of a
 * shared machine move with its load, so a before/after is only fair in the same window. It then
 * prints the median and the range (lowest–highest) of the score and of LCP for each. `--keep`
 * keeps the reports.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "./ports";
import { startServer } from "./server";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "1" },
    app: { type: "string", default: process.cwd() },
    compare: { type: "string" },
    "no-build": { type: "boolean", default: false },
    pages: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const root = path.resolve(values.app);
const compared = values.compare ? path.resolve(values.compare) : null;
const runs = Number(values.runs);
const chrome = process.env.CHROME_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chrome)) throw new Error(`no chromium at ${chrome}: sudo apt-get install -y chromium (or set CHROME_PATH)`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "panti-lighthouse-"));
const databaseUrl = path.join(dir, "demo.db");
const password = "lighthouse-password-1";
const env = { ...process.env, DATABASE_URL: databaseUrl, DEMO_PASSWORD: password, SEED_SCALE: "1", CHROME_PATH: chrome, SESSION_SECRET: process.env.SESSION_SECRET ?? "lighthouse-secret" };

function run(command: string, args: string[], cwd = root) {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

if (!values["no-build"]) {
  console.log("Building…");
  run("npx", ["remix", "build"]);
  if (compared) run("npx", ["remix", "build"], compared);
}
console.log("Demo database…");
run(path.join(process.cwd(), "node_modules/.bin/tsx"), ["db/setup.ts"]);

const { default: Database } = await import("better-sqlite3");
const sqlite = new Database(databaseUrl, { readonly: true });
const one = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params) as T;
const largest = one<{ pantiId: number }>("select panti_id as pantiId from beds group by panti_id order by count(*) desc, panti_id limit 1");
const stay = one<{ id: number }>("select id from stays where panti_id = ? and exited_at is null order by admitted_at desc, id desc limit 1", largest.pantiId);
const klass = one<{ id: number }>("select class_id as id from enrolments group by class_id order by count(*) desc, class_id limit 1");
sqlite.close();

const allPages = [
  { key: "login", label: "sign-in", path: "/login", signedIn: false },
  { key: "shelters", label: "shelter list", path: "/panti", signedIn: true },
  { key: "beds", label: "bed board", path: `/panti/${largest.pantiId}`, signedIn: true },
  { key: "placements", label: "referral list", path: "/placements", signedIn: true },
  { key: "case", label: "case file", path: `/panti/${largest.pantiId}/stays/${stay.id}`, signedIn: true },
  { key: "class", label: "class page", path: `/classes/${klass.id}`, signedIn: true },
  { key: "dashboard", label: "dashboard", path: "/dashboard", signedIn: true },
];
const wanted = values.pages?.split(",");
const pages = wanted ? allPages.filter((p) => wanted.includes(p.key)) : allPages;

const serve = (at: string) => startServer({ root: at, databaseUrl, readyPath: "/login", env: { SESSION_SECRET: env.SESSION_SECRET } });
const targets = [...(compared ? [{ label: "before", server: await serve(compared) }] : []), { label: compared ? "after" : "", server: await serve(root) }];
try {
  // Both servers use the same database and secret: one session cookie signs in to either.
  const origin = targets[0]!.server.origin;
  const signIn = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: "admin", password, redirectTo: "/home" }),
  });
  const cookie = signIn.headers.getSetCookie()[0]?.split(";")[0];
  if (signIn.status !== 302 || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);

  const lighthouse = path.join(process.cwd(), "node_modules/lighthouse/cli/index.js");
  type Result = { score: number; lcp: number; tbt: number; js: number; scripts: number };
  const measure = async (at: string, page: (typeof pages)[number], out: string): Promise<Result> => {
    run(process.execPath, [
      lighthouse,
      at + page.path,
      "--quiet",
      "--only-categories=performance",
      "--output=json",
      `--output-path=${out}`,
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
      // Chrome's debugging port, from BENCH_PORTS when that is set.
      `--port=${await freePort()}`,
      ...(page.signedIn ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
    ]);
    const report = JSON.parse(fs.readFileSync(out, "utf8")) as {
      finalDisplayedUrl: string;
      categories: { performance: { score: number } };
      audits: Record<string, { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number; url?: string }[] } }>;
    };
    if (new URL(report.finalDisplayedUrl).pathname !== new URL(at + page.path).pathname) {
      throw new Error(`${page.path} ended at ${report.finalDisplayedUrl} (not signed in?)`);
    }
    const scripts = (report.audits["network-requests"]?.details?.items ?? []).filter((r) => r.resourceType === "Script");
    return {
      score: Math.round(report.categories.performance.score * 100),
      lcp: report.audits["largest-contentful-paint"]!.numericValue! / 1000,
      tbt: report.audits["total-blocking-time"]!.numericValue!,
      js: scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024,
      scripts: scripts.length,
    };
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const range = (xs: number[], digits: number) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;
  console.log(
    `\n${"page".padEnd(16)} ${compared ? "build ".padEnd(7) : ""}${"score".padStart(5)} ${"LCP s".padStart(6)} ${"TBT ms".padStart(7)} ${"JS KiB".padStart(7)} ${"scripts".padStart(7)}` +
      `${compared ? `  ${"scores".padEnd(9)} ${"LCP range".padEnd(11)}` : ""}  path`,
  );
  for (const page of pages) {
    const results = targets.map(() => [] as Result[]);
    for (let i = 0; i < runs; i++) {
      for (const [t, target] of targets.entries()) {
        results[t]!.push(await measure(target.server.origin, page, path.join(dir, `${page.key}-${target.label || "run"}-${i}.json`)));
      }
    }
    for (const [t, target] of targets.entries()) {
      const rs = results[t]!;
      const m = (key: keyof Result) => median(rs.map((r) => r[key]));
      console.log(
        `${page.label.padEnd(16)} ${compared ? target.label.padEnd(7) : ""}${String(m("score")).padStart(5)} ${m("lcp").toFixed(2).padStart(6)} ${m("tbt").toFixed(0).padStart(7)} ${m("js").toFixed(1).padStart(7)} ${String(m("scripts")).padStart(7)}` +
          `${compared ? `  ${range(rs.map((r) => r.score), 0).padEnd(9)} ${range(rs.map((r) => r.lcp), 2).padEnd(11)}` : ""}  ${page.path}`,
      );
    }
  }
  console.log(
    `(lighthouse 12.2.3, mobile profile, ${runs} run${runs === 1 ? "" : "s"} each${compared ? `, before = ${compared}, each run before then after` : ""}, median; JS = transfer size of the page's scripts)`,
  );
} finally {
  for (const { server } of targets) server.stop();
  if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(`reports kept in ${dir}`);
}
