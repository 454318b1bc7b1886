/**
 * Landed migrations never change: the committed migrations agree with the journal and with
 * drizzle/checksums.json; a database migrated one journal entry at a time ends with the same
 * schema as a fresh one; a database that applied a migration since edited is refused on open.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrationsFolder, openDatabase } from "./connection";
import { CHECKSUMS_FILE, migrationProblems, readJournal, sha256, type Journal } from "./migration-checksums";

const repoFolder = migrationsFolder();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "panti-migrations-"));
let n = 0;

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of the project's drizzle/ folder to break on purpose; returns the project root of the copy. */
function copyOfMigrations(): { root: string; folder: string } {
  const root = path.join(tmp, `root-${++n}`);
  const folder = path.join(root, "drizzle");
  fs.cpSync(repoFolder, folder, { recursive: true });
  return { root, folder };
}

function writeJournal(folder: string, journal: Journal): void {
  fs.writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify(journal, null, 2));
}

/** Everything a schema consists of, in a comparable order, plus what drizzle recorded as applied. */
function schemaOf(file: string) {
  const sqlite = new Database(file, { readonly: true });
  try {
    return {
      objects: sqlite
        .prepare("select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%' order by type, name")
        .all(),
      applied: sqlite.prepare("select hash, created_at from __drizzle_migrations order by created_at").all(),
    };
  } finally {
    sqlite.close();
  }
}

/**
 * Opens (and so migrates) a database the way the app does, with the migrations folder of the
 * project at `root`.
 */
function openWithRoot(root: string, file: string): void {
  const previous = process.env.PANTI_ROOT;
  process.env.PANTI_ROOT = root;
  try {
    openDatabase(file).$client.close();
  } finally {
    if (previous === undefined) delete process.env.PANTI_ROOT;
    else process.env.PANTI_ROOT = previous;
  }
}

/** Migrates one database one journal entry at a time and a second one in one go. */
function stepwiseAndFresh(folder: string, root: string) {
  const journal = readJournal(folder);
  const stepwise = path.join(tmp, `stepwise-${++n}.db`);
  const fresh = path.join(tmp, `fresh-${n}.db`);
  for (let k = 1; k <= journal.entries.length; k++) {
    writeJournal(folder, { ...journal, entries: journal.entries.slice(0, k) });
    openWithRoot(root, stepwise);
  }
  writeJournal(folder, journal);
  openWithRoot(root, fresh);
  return { stepwise: schemaOf(stepwise), fresh: schemaOf(fresh) };
}

describe("the committed migrations", () => {
  it("agree with drizzle/meta/_journal.json and drizzle/checksums.json", () => {
    // Each problem says what to do: make a new migration, or record a new one (npm run db:checksums).
    expect(migrationProblems(repoFolder).join("\n\n")).toBe("");
  });

  it("give the same schema migrated one journal entry at a time as in one go", () => {
    const { root, folder } = copyOfMigrations();
    const { stepwise, fresh } = stepwiseAndFresh(folder, root);
    expect(readJournal(repoFolder).entries.length).toBeGreaterThan(1);
    expect(fresh.applied).toHaveLength(readJournal(repoFolder).entries.length);
    expect(stepwise).toEqual(fresh);
  });
});

describe("the migration check", () => {
  let root: string;
  let folder: string;
  beforeEach(() => ({ root, folder } = copyOfMigrations()));
  const journal = () => readJournal(folder);

  function addMigration(tag: string, sql: string, when = Math.max(...journal().entries.map((e) => e.when)) + 1000) {
    const j = journal();
    fs.writeFileSync(path.join(folder, `${tag}.sql`), sql);
    writeJournal(folder, { ...j, entries: [...j.entries, { idx: j.entries.length, version: "6", when, tag, breakpoints: true }] });
  }

  it("reports an edited landed migration and says to make a new one", () => {
    fs.appendFileSync(path.join(folder, "0000_init.sql"), "\nCREATE INDEX `x_idx` ON `panti` (`name`);\n");
    const problems = migrationProblems(folder);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/drizzle\/0000_init\.sql changed after it landed/);
    expect(problems[0]).toMatch(/new migration/);
  });

  it("reports a new migration without a recorded checksum and names the script that records it", () => {
    addMigration("0099_new_thing", "CREATE TABLE `new_thing` (`id` integer PRIMARY KEY);\n");
    expect(migrationProblems(folder)).toEqual([expect.stringMatching(/0099_new_thing\.sql has no recorded checksum.*npm run db:checksums/)]);
  });

  it("reports a recorded migration whose file is gone", () => {
    const j = journal();
    const last = j.entries.at(-1)!;
    fs.rmSync(path.join(folder, `${last.tag}.sql`));
    writeJournal(folder, { ...j, entries: j.entries.slice(0, -1) });
    expect(migrationProblems(folder)).toEqual([expect.stringMatching(new RegExp(`${last.tag}\\.sql is recorded in drizzle/${CHECKSUMS_FILE} but the file is gone`))]);
  });

  it("reports a journal entry without its file, and a file without a journal entry", () => {
    const j = journal();
    fs.renameSync(path.join(folder, `${j.entries[1]!.tag}.sql`), path.join(folder, "0001_renamed.sql"));
    const problems = migrationProblems(folder).join("\n");
    expect(problems).toMatch(new RegExp(`${j.entries[1]!.tag}\\.sql is in drizzle/meta/_journal.json but the file is missing`));
    expect(problems).toMatch(/0001_renamed\.sql is not in drizzle\/meta\/_journal\.json/);
  });

  it("reports journal entries out of order, which drizzle would skip on databases that have the later one", () => {
    addMigration("0099_too_early", "CREATE TABLE `too_early` (`id` integer PRIMARY KEY);\n", journal().entries[0]!.when - 1);
    const checksums = JSON.parse(fs.readFileSync(path.join(folder, CHECKSUMS_FILE), "utf8"));
    checksums.migrations["0099_too_early.sql"] = sha256(fs.readFileSync(path.join(folder, "0099_too_early.sql")));
    fs.writeFileSync(path.join(folder, CHECKSUMS_FILE), JSON.stringify(checksums));
    expect(migrationProblems(folder)).toEqual([expect.stringMatching(/0099_too_early has "when" .* not later than the entry before it/)]);
    // ... and the step-by-step comparison sees the table that an upgraded database never gets.
    const { stepwise, fresh } = stepwiseAndFresh(folder, root);
    expect(fresh.objects).toContainEqual(expect.objectContaining({ name: "too_early" }));
    expect(stepwise.objects).not.toContainEqual(expect.objectContaining({ name: "too_early" }));
  });
});

describe("opening a database", () => {
  let file: string;
  beforeEach(() => {
    file = path.join(tmp, `open-${++n}.db`);
    openDatabase(file).$client.close();
  });
  afterEach(() => fs.rmSync(file, { force: true }));

  it("opens a database whose applied migrations match the files", () => {
    expect(() => openDatabase(file).$client.close()).not.toThrow();
  });

  it("refuses a database that applied a migration whose file has changed since", () => {
    const sqlite = new Database(file);
    const first = readJournal(repoFolder).entries[0]!;
    sqlite.prepare("update __drizzle_migrations set hash = ? where created_at = ?").run(sha256("older text"), first.when);
    sqlite.close();
    expect(() => openDatabase(file)).toThrow(
      new RegExp(`${path.basename(file)} was built by migrations that have changed.*drizzle/${first.tag}\\.sql.*restore a backup`),
    );
  });
});
