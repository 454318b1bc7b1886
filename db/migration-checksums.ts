/**
 * Landed migrations never change. A database made at any earlier commit has already applied the
 * text a migration had then; drizzle applies each migration once (by its journal timestamp) and
 * never looks at it again, so an edited migration silently leaves such a database on a
 * different schema.
 *
 * drizzle/checksums.json records the SHA-256 of every migration file (the same hash drizzle
 * stores in __drizzle_migrations). The test in db/migrations.test.ts compares it with the files
 * and the journal, and openDatabase refuses a database that applied a migration whose file
 * has changed since.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

export const CHECKSUMS_FILE = "checksums.json";

export interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}

export interface Journal {
  version: string;
  dialect: string;
  entries: JournalEntry[];
}

export interface ChecksumRecord {
  note: string;
  /** File name (`0000_init.sql`) → SHA-256 of its bytes, hex. */
  migrations: Record<string, string>;
}

const NOTE =
  "SHA-256 of each landed migration. Never edit a landed migration: make a new one " +
  "(npm run db:generate, or npx drizzle-kit generate --custom --name NAME) and record it with npm run db:checksums.";

export function readJournal(folder: string): Journal {
  return JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as Journal;
}

export function readChecksums(folder: string): ChecksumRecord {
  const file = path.join(folder, CHECKSUMS_FILE);
  if (!fs.existsSync(file)) return { note: NOTE, migrations: {} };
  return JSON.parse(fs.readFileSync(file, "utf8")) as ChecksumRecord;
}

export function writeChecksums(folder: string, migrations: Record<string, string>): void {
  const sorted = Object.fromEntries(Object.entries(migrations).sort(([a], [b]) => a.localeCompare(b)));
  fs.writeFileSync(path.join(folder, CHECKSUMS_FILE), `${JSON.stringify({ note: NOTE, migrations: sorted }, null, 2)}\n`);
}

export function sha256(bytes: Buffer | string): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

/** The SQL files in the migrations folder, by name. */
export function migrationFiles(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".sql"))
    .sort();
}

const HOW_TO_CHANGE =
  "Landed migrations never change: databases made at earlier commits already applied the old text " +
  "and would not get the change. Restore the file (git checkout main -- drizzle/FILE) and put the change " +
  "in a new migration: npm run db:generate after editing db/schema.ts, or " +
  "npx drizzle-kit generate --custom --name WHAT_IT_DOES for hand-written SQL; then npm run db:checksums.";

/**
 * Everything that is wrong between the journal, the SQL files and the recorded checksums, each
 * as a sentence telling the developer what to do. Empty when all agree.
 */
export function migrationProblems(folder: string): string[] {
  const problems: string[] = [];
  const journal = readJournal(folder);
  const record = readChecksums(folder).migrations;
  const files = new Set(migrationFiles(folder));
  const rel = (name: string) => `drizzle/${name}`;

  // The journal and the files.
  let previousWhen = -Infinity;
  const journalFiles = new Set<string>();
  journal.entries.forEach((entry, position) => {
    const name = `${entry.tag}.sql`;
    journalFiles.add(name);
    if (entry.idx !== position) {
      problems.push(
        `Journal entry ${entry.tag} has idx ${entry.idx} at position ${position} of drizzle/meta/_journal.json: ` +
          "entries must be numbered 0, 1, 2 ... in order. Renumber the new migration (file, snapshot and journal entry) " +
          "instead of the landed ones.",
      );
    }
    if (!(entry.when > previousWhen)) {
      problems.push(
        `Journal entry ${entry.tag} has "when" ${entry.when}, not later than the entry before it (${previousWhen}). ` +
          "drizzle applies only migrations newer than the last one a database has, so this one would be skipped on " +
          'databases that already have the one before. Give the new migration a "when" later than every landed one.',
      );
    }
    previousWhen = entry.when;
    if (!files.has(name)) {
      problems.push(
        `${rel(name)} is in drizzle/meta/_journal.json but the file is missing. Restore it from git: ` +
          "a landed migration is never removed.",
      );
    }
  });
  for (const name of files) {
    if (!journalFiles.has(name)) {
      problems.push(
        `${rel(name)} is not in drizzle/meta/_journal.json, so it would never be applied. Create migrations with ` +
          "npm run db:generate (or npx drizzle-kit generate --custom --name NAME), which writes the journal entry; " +
          "or delete the stray file.",
      );
    }
  }

  // The files and the record.
  for (const name of files) {
    const actual = sha256(fs.readFileSync(path.join(folder, name)));
    const recorded = record[name];
    if (recorded === undefined) {
      problems.push(
        `${rel(name)} has no recorded checksum in drizzle/${CHECKSUMS_FILE}. If it is a new migration, record it ` +
          "with npm run db:checksums and commit the file with it.",
      );
    } else if (recorded !== actual) {
      problems.push(
        `${rel(name)} changed after it landed (recorded sha256 ${recorded.slice(0, 12)}…, the file now has ` +
          `${actual.slice(0, 12)}…). ${HOW_TO_CHANGE.replace("FILE", name)}`,
      );
    }
  }
  for (const name of Object.keys(record)) {
    if (!files.has(name)) {
      problems.push(
        `${rel(name)} is recorded in drizzle/${CHECKSUMS_FILE} but the file is gone. Restore it from git: ` +
          "databases made at earlier commits have applied it, and a fresh database needs it too.",
      );
    }
  }
  return problems;
}

/**
 * Compares the migrations a database has applied (drizzle keeps their hash and journal
 * timestamp in __drizzle_migrations) with the files now in the folder. Returns one sentence per
 * applied migration whose file has changed since; empty for a new database.
 */
export function changedAppliedMigrations(sqlite: Database.Database, folder: string): string[] {
  const table = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!table) return [];
  const applied = sqlite.prepare("select hash, created_at as createdAt from __drizzle_migrations").all() as {
    hash: string;
    createdAt: number | string;
  }[];
  const byWhen = new Map<number, { tag: string; hash: string }>();
  for (const entry of readJournal(folder).entries) {
    const file = path.join(folder, `${entry.tag}.sql`);
    if (!fs.existsSync(file)) continue;
    // drizzle hashes the file read as a string; the same bytes for any UTF-8 file.
    byWhen.set(entry.when, { tag: entry.tag, hash: sha256(fs.readFileSync(file).toString()) });
  }
  const changed: string[] = [];
  for (const row of applied) {
    const current = byWhen.get(Number(row.createdAt));
    if (current && current.hash !== row.hash) {
      changed.push(
        `migration drizzle/${current.tag}.sql was applied with sha256 ${row.hash.slice(0, 12)}… but the file now has ` +
          `${current.hash.slice(0, 12)}…`,
      );
    }
  }
  return changed;
}
