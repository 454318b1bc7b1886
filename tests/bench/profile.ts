import autocannon from "autocannon";
import { startServer } from "./server";
const [dbFile, profDir, ...paths] = process.argv.slice(2);
const server = await startServer({ root: process.cwd(), databaseUrl: dbFile!, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profDir}`, "--import", "/tmp/exit-on-term.mjs"] });
const r = await fetch(`${server.origin}/login`, { method: "POST", redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ username: "admin", password: "bench-password-1", redirectTo: "/home" }) });
const cookie = r.headers.getSetCookie()[0]!.split(";")[0]!;
for (const p of paths) {
  const res = await autocannon({ url: server.origin + p, connections: 4, duration: Number(process.env.SECS ?? 8), headers: { cookie, "accept-encoding": "gzip" } });
  console.log(p, (res.requests.total / res.duration).toFixed(1), "req/s", res.non2xx, "non2xx");
}
server.stop();
await new Promise((r) => setTimeout(r, 2000));
