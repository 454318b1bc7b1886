/**
 * npx tsx tests/bench/profile.ts DATABASE PROFILE_DIR|- PATH... (after npm run build; SECS=8)
 *
 * The built server on DATABASE under node --cpu-prof (PROFILE_DIR "-" for none), signed in as
 * the bench's Dinsos administrator, each PATH driven by autocannon with 4 connections for SECS
 * seconds; the profile is written to PROFILE_DIR when the server stops.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { startServer } from "./server";
const [dbFile, profDir, ...paths] = process.argv.slice(2);
// --cpu-prof writes the profile when the process exits normally: make SIGTERM such an exit.
const exitOnTerm = path.join(os.tmpdir(), "panti-exit-on-term.mjs");
fs.writeFileSync(exitOnTerm, 'process.on("SIGTERM", () => process.exit(0));\n');
const server = await startServer({ root: process.cwd(), databaseUrl: dbFile!, env: { PANTI_BENCH_PAGE: "1" }, nodeArgs: profDir === "-" ? [] : ["--cpu-prof", `--cpu-prof-dir=${profDir}`, "--import", exitOnTerm] });
const r = await fetch(`${server.origin}/login`, { method: "POST", redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ username: "admin", password: "bench-password-1", redirectTo: "/home" }) });
const cookie = r.headers.getSetCookie()[0]!.split(";")[0]!;
for (const p of paths) {
  const res = await autocannon({ url: server.origin + p, connections: 4, duration: Number(process.env.SECS ?? 8), headers: { cookie, "accept-encoding": "gzip" } });
  console.log(p, (res.requests.total / res.duration).toFixed(1), "req/s", res.non2xx, "non2xx");
}
server.stop();
await new Promise((r) => setTimeout(r, 2000));
