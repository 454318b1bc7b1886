/**
 * The built server (server.js) started for a bench on a free port of 127.0.0.1 with its own
 * database, and the JSON body of one referral for the placements API.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { EXAMPLE_REQUEST } from "~/api/openapi";
import { freePort } from "./ports";

export interface StartedServer {
  origin: string;
  child: ChildProcess;
  /** The server's resident set size now, and the most it has reached (kB, from /proc). */
  memory: () => { rssKb: number; peakKb: number };
  /** The CPU time the server has used so far (user + system, ms, from /proc; clock ticks of 10 ms). */
  cpuMs: () => number;
  stop: () => void;
}

/** The node options `npm run serve` starts the server with (the heap limit), so the bench measures the same process. */
function servedWith(root: string): string[] {
  const scripts = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts?: Record<string, string> }).scripts ?? {};
  const match = /^node (.*)server\.js$/.exec(scripts.serve ?? "");
  return match ? match[1]!.trim().split(/\s+/).filter(Boolean) : [];
}

/** `node server.js` from `root` on `databaseUrl`; resolves once `readyPath` answers 2xx. */
export async function startServer({
  root,
  databaseUrl,
  readyPath = "/api/v1/openapi.json",
  env = {},
  nodeArgs = [],
}: {
  root: string;
  databaseUrl: string;
  readyPath?: string;
  env?: Record<string, string>;
  /** Options for node before server.js (e.g. --cpu-prof). */
  nodeArgs?: string[];
}): Promise<StartedServer> {
  if (!fs.existsSync(path.join(root, "build/index.js"))) throw new Error("no build/index.js: run `npm run build` first");
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...servedWith(root), ...nodeArgs, "server.js"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", LOG_REQUESTS: "false", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = () => {
    if (child.exitCode === null) child.kill("SIGTERM");
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}${readyPath}`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      stop();
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const memory = () => {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
    return { rssKb: kb("VmRSS"), peakKb: kb("VmHWM") };
  };
  const cpuMs = () => {
    // Fields 14 and 15 of /proc/PID/stat (after the command name in parentheses): utime, stime.
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  return { origin, child, memory, cpuMs, stop };
}

/** One referral as an outreach unit's application posts it (the API's documented example), with its own reference. */
export function referralBody(externalRef: string, targetPantiId: number, foundAt: string): string {
  return JSON.stringify({ ...EXAMPLE_REQUEST, externalRef, foundAt, targetPantiId });
}
