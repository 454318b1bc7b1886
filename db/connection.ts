import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { changedAppliedMigrations } from "./migration-checksums";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_URL = "./data/panti.db";

/** The migrations folder, resolved from the project root (the server bundle lives in build/). */
export function migrationsFolder(): string {
  return path.resolve(process.env.PANTI_ROOT ?? process.cwd(), "drizzle");
}

/** Turns DATABASE_URL (a path, `file:` URL or `:memory:`) into a file name for better-sqlite3. */
export function databaseFile(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): string {
  if (url === ":memory:") return url;
  return url.startsWith("file:") ? url.slice("file:".length) : url;
}

/**
 * Opens the database with the settings the app relies on (WAL, foreign keys, busy timeout)
 * and applies pending migrations.
 */
export function openDatabase(url?: string): Db {
  const file = databaseFile(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // A writer waits up to 15 s for the lock (a 5,000-row batch import holds it for a few seconds).
  sqlite.pragma("busy_timeout = 15000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema }) as Db;
  const folder = migrationsFolder();
  const changed = changedAppliedMigrations(sqlite, folder);
  if (changed.length > 0) {
    sqlite.close();
    throw new Error(
      `The database ${path.resolve(file)} was built by migrations that have changed since it applied them ` +
        `(${changed.join("; ")}), so its schema may not be what this version expects. Landed migrations never ` +
        "change: restore the migration file from git and put the change in a new migration. For this database: " +
        "restore a backup made with this version (npm run db:restore -- FILE), or, if it holds only demo or " +
        "test data, delete it and run npm run db:setup.",
    );
  }
  migrate(db, { migrationsFolder: folder });
  return db;
}
