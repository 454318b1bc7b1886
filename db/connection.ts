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

/** Thrown by openDatabase for a file that fails PRAGMA quick_check or is no SQLite database. */
export class DamagedDatabaseError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    const shown = problems.slice(0, 3).join("; ") + (problems.length > 3 ? ` (and ${problems.length - 3} more)` : "");
    super(
      `The database ${path.resolve(file)} is damaged (${shown}). Panti will not use it. Keep the file for ` +
        "inspection, stop here and restore the latest good backup: npm run db:restore -- backups/panti-YYYYMMDD-HHMMSS.db " +
        '(README, "Backup and restore").',
    );
    this.name = "DamagedDatabaseError";
  }
}

/** PRAGMA quick_check: the problems it lists, or none for a sound file. */
export function quickCheck(sqlite: Database.Database): string[] {
  const rows = sqlite.pragma("quick_check", { simple: false }) as { quick_check: string }[];
  return rows.map((r) => r.quick_check).filter((line) => line !== "ok");
}

/** How many distinct statements a connection keeps prepared (the app runs a few hundred). */
const PREPARED_STATEMENTS = 1_000;

/**
 * Keeps the statements of a connection prepared, by their SQL text. drizzle prepares every query
 * again each time it runs, and preparing costs more than running for most of the app's queries
 * (for the insert of a referral, with its indexes and foreign keys, several times more). A
 * statement taken from the cache has its result modes reset (drizzle switches `raw` on for the
 * queries with selected fields); one that is still being iterated is not shared. The least
 * recently used statement makes room beyond PREPARED_STATEMENTS (SQL with inlined lists differs
 * by length). SQLite re-prepares a statement by itself after a schema change.
 */
export function reuseStatements(sqlite: Database.Database, capacity = PREPARED_STATEMENTS): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const prepared = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = prepared.get(source);
    if (cached && !cached.busy) {
      prepared.delete(source);
      prepared.set(source, cached);
      if (cached.reader) cached.raw(false).pluck(false).expand(false);
      return cached;
    }
    const stmt = prepare(source);
    if (cached) return stmt;
    prepared.set(source, stmt);
    if (prepared.size > capacity) prepared.delete(prepared.keys().next().value!);
    return stmt;
  }) as typeof sqlite.prepare;
}

/**
 * Opens the database with the settings the app relies on (WAL, foreign keys, busy timeout),
 * refuses a damaged file (PRAGMA quick_check) or one built by since-edited migrations, and
 * applies pending migrations.
 */
export function openDatabase(url?: string): Db {
  const file = databaseFile(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    // A writer waits up to 15 s for the lock (a 5,000-row batch import holds it for a few seconds).
    sqlite.pragma("busy_timeout = 15000");
    sqlite.pragma("synchronous = NORMAL");
    // A damaged file is refused before anything reads or writes it (a few tenths of a second
    // on a database with ten years of history; see docs/decisions/008-backups.md).
    const problems = file === ":memory:" ? [] : quickCheck(sqlite);
    if (problems.length > 0) throw new DamagedDatabaseError(file, problems);
  } catch (error) {
    sqlite.close();
    if (error instanceof DamagedDatabaseError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === "SQLITE_CORRUPT" || code === "SQLITE_NOTADB") {
      throw new DamagedDatabaseError(file, [error instanceof Error ? error.message : String(error)]);
    }
    throw error;
  }
  reuseStatements(sqlite);
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
