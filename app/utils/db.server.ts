import { openDatabase, type Db } from "#db/connection";

export type { Db };

declare global {
  var __pantiDb: Db | undefined;
}

/**
 * One connection per process, opened (and migrated) on first use.
 * Kept on globalThis so that development rebuilds do not open a new one each time.
 */
function connect(): Db {
  globalThis.__pantiDb ??= openDatabase();
  return globalThis.__pantiDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = connect();
    const value = Reflect.get(real, prop, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

/**
 * Something built once per connection and kept, typically drizzle queries prepared with
 * placeholders (`.prepare()`): building a drizzle query costs tens to hundreds of microseconds,
 * running a prepared one a few. For the statements of hot paths (the placements API, the audit
 * row of every write). A new connection (tests close and reopen theirs) gets its own.
 */
export function perConnection<T>(build: (db: Db) => T): () => T {
  const built = new WeakMap<object, T>();
  return () => {
    const real = connect();
    let value = built.get(real.$client);
    if (value === undefined) built.set(real.$client, (value = build(real)));
    return value;
  };
}

/** Opens the connection now: at server start, so that a damaged or edited database stops the start. */
export function openDb(): void {
  connect();
}

/** Closes the connection (tests and scripts). */
export function closeDb(): void {
  globalThis.__pantiDb?.$client.close();
  globalThis.__pantiDb = undefined;
}
