/**
 * npx tsx tests/bench/huge-bodies.ts [--port 3000] [--path /login] [--mb 2048] [--type ...]
 *     [--cookie "..."]
 *
 * Two huge uploads at once (one with Content-Length, one chunked) against a running server
 * (`node server.js`), while another client keeps doing GETs of /login on its own connection.
 * Prints, for each upload, the status and how soon it came, how much was sent before the server
 * closed the connection; and the GET latencies meanwhile. Only against 127.0.0.1.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    path: { type: "string", default: "/login" },
    mb: { type: "string", default: "2048" },
    type: { type: "string", default: "application/x-www-form-urlencoded" },
    cookie: { type: "string", default: "" },
  },
});
const host = "127.0.0.1";
const port = Number(values.port);
const total = Number(values.mb) * 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, 97);

interface UploadResult {
  name: string;
  chunked: boolean;
  status: number | null;
  answeredMs: number | null;
  sentMB: number;
  closedMs: number;
  outcome: string;
}

function upload(name: string, chunked: boolean): Promise<UploadResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    let sent = 0;
    let status: number | null = null;
    let answeredMs: number | null = null;
    let settled = false;
    const headers: Record<string, string> = { "Content-Type": values.type!, Cookie: values.cookie! };
    if (!chunked) headers["Content-Length"] = String(total);
    const req = http.request({ host, port, path: values.path, method: "POST", headers, agent: false });
    const done = (outcome: string) => {
      if (settled) return;
      settled = true;
      resolve({ name, chunked, status, answeredMs, sentMB: Math.round((sent / 1024 ** 2) * 10) / 10, closedMs: Math.round(performance.now() - started), outcome });
    };
    req.on("response", (res) => {
      status = res.statusCode ?? null;
      answeredMs = Math.round(performance.now() - started);
      res.resume();
    });
    req.on("error", (error: NodeJS.ErrnoException) => done(`closed by the server (${error.code ?? error.message})`));
    req.on("close", () => done(sent >= total ? "whole body sent" : "closed by the server"));
    const pump = () => {
      while (sent < total && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

const latencies: number[] = [];
let getErrors = 0;
let stop = false;

async function getter() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  while (!stop) {
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      http
        .get({ host, port, path: "/login", agent }, (res) => {
          res.resume();
          res.on("end", () => resolve());
        })
        .on("error", () => {
          getErrors++;
          resolve();
        });
    });
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  agent.destroy();
}

const gets = getter();
const started = performance.now();
const results = await Promise.all([upload("A", false), upload("B", true)]);
const uploadsMs = Math.round(performance.now() - started);
await new Promise((r) => setTimeout(r, 500));
stop = true;
await gets;
latencies.sort((a, b) => a - b);
const q = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]! * 10) / 10;
console.table(results);
console.log(`${values.path}: ${values.mb} MB each, both done in ${uploadsMs} ms; GETs meanwhile: ${latencies.length}, errors ${getErrors}, p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`);
