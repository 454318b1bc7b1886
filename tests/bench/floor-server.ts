/**
 * The bare floor of the HTTP bench (tests/bench/http.ts), in a process of its own so that its CPU
 * time per request can be read from /proc beside the app server's, whatever else the machine
 * runs: a node:http server on DATABASE (read-only) that, for each path it was given over IPC,
 * replays the page's recorded statements and sends the page's gzipped bytes.
 *   node --import tsx tests/bench/floor-server.ts DATABASE   (prints its port)
 */
import http from "node:http";
import Database from "better-sqlite3";
import { listenOnFreePort } from "./ports";

type Statement = { sql: string; params: unknown[]; method: "all" | "get" | "run"; raw: boolean };
type Floor = { path: string; statements: Statement[]; body: Uint8Array; headers: http.OutgoingHttpHeaders };

const sqlite = new Database(process.argv[2]!, { readonly: true });
const floors = new Map<string, { replay: () => void; body: Buffer; headers: http.OutgoingHttpHeaders }>();

process.on("message", (floor: Floor) => {
  const prepared = floor.statements.map((s) => {
    const stmt = sqlite.prepare(s.sql);
    if (s.raw) stmt.raw(true);
    return { stmt, s };
  });
  floors.set(floor.path, {
    replay: () => {
      for (const { stmt, s } of prepared) {
        if (s.method === "get") stmt.get(...s.params);
        else stmt.all(...s.params);
      }
    },
    body: Buffer.from(floor.body),
    headers: floor.headers,
  });
  process.send!({ ready: floor.path });
});

const server = http.createServer((req, res) => {
  const floor = floors.get(req.url ?? "");
  if (!floor) return void res.writeHead(404).end();
  floor.replay();
  res.writeHead(200, floor.headers);
  res.end(floor.body);
});
process.stdout.write(`${await listenOnFreePort(server)}\n`);
