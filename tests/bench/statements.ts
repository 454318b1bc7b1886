/**
 * The bare SQL of a loader: every statement (SQL, parameters, and whether rows were read raw) a
 * piece of code runs is recorded while it runs once, then prepared again on the driver so that it
 * can be replayed with the same parameters, without drizzle, Remix or the page around it.
 */
import type Database from "better-sqlite3";

type Recorded = { sql: string; params: unknown[]; method: "all" | "get" | "run"; raw: boolean };
export type Prepared = { stmt: Database.Statement; s: Recorded };

export function recordStatements(client: Database.Database) {
  let recording: Recorded[] | null = null;
  const originalPrepare = client.prepare.bind(client);
  // The connection hands out the same statement again for the same SQL (db/connection.ts): wrap each once.
  const wrapped = new WeakSet<Database.Statement>();
  client.prepare = ((source: string) => {
    const stmt = originalPrepare(source);
    if (wrapped.has(stmt)) return stmt;
    wrapped.add(stmt);
    let raw = false;
    const originalRaw = stmt.raw.bind(stmt);
    stmt.raw = ((toggle?: boolean) => {
      raw = toggle !== false;
      originalRaw(raw);
      return stmt;
    }) as typeof stmt.raw;
    for (const method of ["all", "get", "run"] as const) {
      const original = (stmt[method] as (...a: unknown[]) => unknown).bind(stmt);
      (stmt as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        recording?.push({ sql: source, params, method, raw });
        return original(...params);
      };
    }
    return stmt;
  }) as typeof client.prepare;

  const replay = ({ stmt, s }: Prepared) => (s.method === "get" ? stmt.get(...s.params) : stmt.all(...s.params));

  /** Runs `work` once and returns its reads, prepared for replay (writes such as a session's touch are left out). */
  async function record(work: () => Promise<unknown>) {
    const all: Recorded[] = (recording = []);
    try {
      await work();
    } finally {
      recording = null;
    }
    const statements = all.filter((r) => r.method !== "run" && !/^\s*(insert|update|delete)/i.test(r.sql));
    const prepared: Prepared[] = statements.map((s) => {
      // A statement of its own, not the one the connection keeps for the app.
      const stmt = (Object.getPrototypeOf(client) as Database.Database).prepare.call(client, s.sql);
      if (s.raw) stmt.raw(true);
      return { stmt, s };
    });
    const bare = () => prepared.map(replay);
    return { bare, prepared, statements };
  }

  return { record, replay };
}
