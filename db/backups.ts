/**
 * Backups and restores of the SQLite database (npm run db:backup, npm run db:restore).
 *
 * A backup goes through SQLite's online backup API (better-sqlite3 `db.backup`), so it is a
 * consistent snapshot even while the app writes; copying the file (`cp`) during writes is not.
 * Each copy is checked with PRAGMA integrity_check before it is kept, and is a single
 * self-contained file (rollback journal mode, no -wal beside it), readable by its owner only.
 * See docs/decisions/008-backups.md.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrationsFolder } from "./connection";
import { changedAppliedMigrations, readJournal } from "./migration-checksums";

export const DEFAULT_BACKUP_DIR = "./backups";

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
  /** Milliseconds spent copying, and checking the copy. */
  copyMs: number;
  checkMs: number;
}

export interface RestoreResult {
  file: string;
  /** The database that was replaced, kept beside it (null when there was none). */
  previous: string | null;
}

/** `panti-YYYYMMDD-HHMMSS.db`, in Jakarta time (WIB, UTC+7, no daylight saving). */
export function defaultBackupName(now = new Date()): string {
  const wib = new Date(now.getTime() + 7 * 3600_000).toISOString(); // 2026-12-01T16:05:09.123Z
  const stamp = `${wib.slice(0, 10).replaceAll("-", "")}-${wib.slice(11, 19).replaceAll(":", "")}`;
  return `panti-${stamp}.db`;
}

/**
 * PRAGMA integrity_check on a file: the problems it lists, or none when the file is sound.
 * A file that is no SQLite database at all gives one problem saying so.
 */
export function integrityProblems(file: string): string[] {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { fileMustExist: true });
    const rows = sqlite.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).filter((line) => line !== "ok");
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    sqlite?.close();
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, "r+");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // Not every file system lets a directory be opened for fsync; the rename is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function removeWithSidecars(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

/**
 * Copies the database at `source` to `destination` (which must not exist) with the online
 * backup API while other connections keep reading and writing, then checks the copy.
 * The copy is written under a temporary name and renamed into place only once it passed
 * PRAGMA integrity_check.
 */
export async function backupDatabase(source: string, destination: string): Promise<BackupResult> {
  if (source === ":memory:") throw new Error("DATABASE_URL is :memory:; there is no file to back up");
  if (!fs.existsSync(source)) throw new Error(`No database at ${path.resolve(source)}`);
  if (fs.existsSync(destination)) throw new Error(`${path.resolve(destination)} exists already; choose another name`);
  const dir = path.dirname(path.resolve(destination));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const partial = path.join(dir, `.${path.basename(destination)}.partial-${process.pid}`);
  // Created empty with mode 0600 first, so that the copy is never readable by others.
  fs.closeSync(fs.openSync(partial, "wx", 0o600));

  const sqlite = new Database(source, { fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 15000");
    const started = performance.now();
    // After the first (empty) step, copy every page in one step: the snapshot is then taken
    // in one read transaction, which in WAL mode never blocks the app's writers. Copying a
    // few pages at a time instead would restart from the beginning after each write the app
    // commits, and might never finish under a steady load.
    const progress = await sqlite.backup(partial, { progress: () => 0x7fffffff });
    const copyMs = performance.now() - started;

    const copy = new Database(partial, { fileMustExist: true });
    try {
      // A self-contained file: rollback journal mode, so no -wal is needed to read it.
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    const checked = performance.now();
    const problems = integrityProblems(partial);
    const checkMs = performance.now() - checked;
    if (problems.length > 0) {
      throw new Error(`The copy failed PRAGMA integrity_check (${problems.slice(0, 3).join("; ")}); nothing was kept`);
    }
    fs.chmodSync(partial, 0o600);
    fsyncFile(partial);
    fs.renameSync(partial, destination);
    fsyncDir(dir);
    return { file: path.resolve(destination), bytes: fs.statSync(destination).size, pages: progress.totalPages, copyMs, checkMs };
  } finally {
    sqlite.close();
    removeWithSidecars(partial);
  }
}

/**
 * Whether another connection (the running app) holds the database: asking for an exclusive
 * lock without waiting fails while any other connection has the file open in WAL mode.
 */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { fileMustExist: true, timeout: 0 });
    sqlite.pragma("locking_mode = EXCLUSIVE");
    sqlite.exec("BEGIN EXCLUSIVE");
    sqlite.exec("COMMIT");
    return false;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") return true;
    // A damaged or foreign file cannot tell; the restore goes on (it is what a restore is for).
    return false;
  } finally {
    sqlite?.close();
  }
}

/** What keeps a sound file from being restored by this version: no Panti database, or a newer one. */
function compatibilityProblems(file: string): string[] {
  const sqlite = new Database(file, { fileMustExist: true, readonly: true });
  try {
    const tables = new Set(
      (sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name),
    );
    if (!tables.has("__drizzle_migrations") || !tables.has("audit_log")) {
      return ["it is no Panti database (it has no __drizzle_migrations or audit_log table)"];
    }
    const folder = migrationsFolder();
    const known = new Set(readJournal(folder).entries.map((e) => e.when));
    const applied = sqlite.prepare("select created_at as createdAt from __drizzle_migrations").all() as { createdAt: number | string }[];
    const unknown = applied.filter((r) => !known.has(Number(r.createdAt)));
    if (unknown.length > 0) {
      return [
        `it was made by a newer version of Panti (${unknown.length} migration(s) this version does not know); ` +
          "restore it with that version",
      ];
    }
    return changedAppliedMigrations(sqlite, folder);
  } finally {
    sqlite.close();
  }
}

/**
 * In the restored copy: ends every session (one ended after the backup was taken, by sign-out,
 * password reset or deactivation, would otherwise be valid again) and appends the restore to
 * the audit log.
 */
function endSessionsAndRecord(file: string, backupFile: string, now: Date): void {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    sqlite.transaction(() => {
      const ended = sqlite.prepare("delete from sessions").run().changes;
      sqlite
        .prepare("insert into audit_log (at, user_id, action, entity, entity_id, panti_id, before, after) values (?, null, 'database.restore', 'database', null, null, null, ?)")
        .run(now.getTime(), JSON.stringify({ backup: path.basename(backupFile), sessionsEnded: ended }));
    })();
  } finally {
    sqlite.close();
  }
}

/**
 * Replaces the database at `target` by the backup `backupFile`. The backup is copied beside the
 * target first and checked there (integrity_check, a Panti database this version can open);
 * only then is the current database moved aside (kept as `<target>.before-restore-<stamp>`,
 * with its -wal) and the checked copy renamed into place. Every session ends (everyone signs in
 * again) and the restore is appended to the audit log. Refuses while another process holds
 * the database: the app must be stopped first.
 */
export function restoreDatabase(backupFile: string, target: string, now = new Date()): RestoreResult {
  if (target === ":memory:") throw new Error("DATABASE_URL is :memory:; there is no file to restore into");
  if (!fs.existsSync(backupFile)) throw new Error(`No backup at ${path.resolve(backupFile)}`);
  if (path.resolve(backupFile) === path.resolve(target)) throw new Error("The backup and the database are the same file");
  if (databaseInUse(target)) {
    throw new Error(
      `The database ${path.resolve(target)} is open in another process (the app is running?). ` +
        "Stop the app first, then run the restore again. Nothing was changed.",
    );
  }
  const dir = path.dirname(path.resolve(target));
  fs.mkdirSync(dir, { recursive: true });
  const incoming = path.join(dir, `.${path.basename(target)}.restore-${process.pid}`);
  removeWithSidecars(incoming);
  try {
    fs.copyFileSync(backupFile, incoming);
    fs.chmodSync(incoming, 0o600);
    const damaged = integrityProblems(incoming);
    if (damaged.length > 0) {
      throw new Error(
        `The backup ${path.resolve(backupFile)} is damaged (PRAGMA integrity_check: ${damaged.slice(0, 3).join("; ")}). ` +
          "It was not restored and nothing was changed: choose an older backup.",
      );
    }
    const copy = new Database(incoming, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    const incompatible = compatibilityProblems(incoming);
    if (incompatible.length > 0) {
      throw new Error(
        `The backup ${path.resolve(backupFile)} cannot be restored: ${incompatible.join("; ")}. Nothing was changed.`,
      );
    }
    endSessionsAndRecord(incoming, backupFile, now);
    fsyncFile(incoming);

    let previous: string | null = null;
    if (fs.existsSync(target)) {
      const stamp = defaultBackupName(now).slice("panti-".length, -".db".length);
      previous = `${target}.before-restore-${stamp}`;
      for (let k = 2; fs.existsSync(previous); k++) previous = `${target}.before-restore-${stamp}-${k}`;
      // The current database keeps its -wal under the new name, so that it can still be opened
      // whole; a -wal left under the old name would be replayed into the restored file.
      try {
        fs.linkSync(target, previous);
      } catch {
        fs.copyFileSync(target, previous);
      }
      for (const sidecar of ["-wal", "-journal"]) {
        if (fs.existsSync(`${target}${sidecar}`)) fs.renameSync(`${target}${sidecar}`, `${previous}${sidecar}`);
      }
    }
    // Whatever is left under the old name belongs to the old file: the shared-memory index is
    // rebuilt on open, and a stray -wal or -journal would be replayed into the restored one.
    for (const sidecar of ["-wal", "-shm", "-journal"]) fs.rmSync(`${target}${sidecar}`, { force: true });
    fs.renameSync(incoming, target);
    fsyncDir(dir);
    return { file: path.resolve(target), previous: previous && path.resolve(previous) };
  } finally {
    removeWithSidecars(incoming);
  }
}
