/**
 * The built server (server.js) started for a bench on a free port of 127.0.0.1 with its own
 * database, its memory by part, signing in over HTTP, and the JSON body of one referral for the
 * placements API.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { EXAMPLE_REQUEST } from "~/api/openapi";
import type { MemoryParts } from "~/utils/memory.server";
import { freePort } from "./ports";

export interface StartedServer {
  origin: string;
  child: ChildProcess;
  /**
   * The server's resident set size now and the most it has reached (VmHWM), and the two parts of
   * the resident set now: anonymous memory (the V8 heap and native allocations: the app's own)
   * and file-backed pages (the node binary and libraries, shared with other processes) — kB, from /proc.
   */
  memory: () => { rssKb: number; peakKb: number; anonKb: number; fileKb: number };
  /** Starts the peak (VmHWM) again from the resident set size now (/proc/PID/clear_refs). */
  resetPeak: () => void;
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
    return { rssKb: kb("VmRSS"), peakKb: kb("VmHWM"), anonKb: kb("RssAnon"), fileKb: kb("RssFile") + kb("RssShmem") };
  };
  const resetPeak = () => fs.writeFileSync(`/proc/${child.pid}/clear_refs`, "5");
  const cpuMs = () => {
    // Fields 14 and 15 of /proc/PID/stat (after the command name in parentheses): utime, stime.
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  return { origin, child, memory, resetPeak, cpuMs, stop };
}

/** The server's memory by part, from its bench-only route; null when the checkout has none. */
export async function memoryParts(origin: string): Promise<MemoryParts | null> {
  try {
    const response = await fetch(`${origin}/bench/memory`);
    return response.ok ? ((await response.json()) as MemoryParts) : null;
  } catch {
    return null;
  }
}

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
/** "RSS 241 MB = anonymous 190 MB (V8 heap 130 MB: new 32, old 60, …; external 8 MB; native and other 52 MB) + file-backed 51 MB". */
export function describeParts(parts: MemoryParts): string {
  const spaces = Object.entries(parts.heap.spaces)
    .filter(([, bytes]) => bytes >= 1048576)
    .map(([name, bytes]) => `${name.replace(/_/g, " ")} ${(bytes / 1048576).toFixed(0)}`)
    .join(", ");
  const native = parts.anon - parts.heap.committed - parts.external;
  return (
    `RSS ${mib(parts.rss)} = anonymous ${mib(parts.anon)} (V8 heap ${mib(parts.heap.committed)}, ${mib(parts.heap.used)} in use: ${spaces}; ` +
    `Buffers and other external ${mib(parts.external)}; native and the rest ${mib(Math.max(0, native))}) + file-backed ${mib(parts.file)}`
  );
}

/** Signs in through the login form as a browser without JavaScript does; returns the session cookie. */
export async function signInOverHttp(origin: string, username: string, password: string): Promise<string> {
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

/** One referral as an outreach unit's application posts it (the API's documented example), with its own reference. */
export function referralBody(externalRef: string, targetPantiId: number, foundAt: string): string {
  return JSON.stringify({ ...EXAMPLE_REQUEST, externalRef, foundAt, targetPantiId });
}
