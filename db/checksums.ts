/**
 * Records the SHA-256 of each new migration in drizzle/checksums.json (npm run db:checksums),
 * then checks the folder as the test does. A recorded checksum is never overwritten: a landed
 * migration that changed is reported, and the way out is a new migration.
 *
 *   npx tsx db/checksums.ts           record new migrations, then check
 *   npx tsx db/checksums.ts --check   check only, write nothing
 */
import fs from "node:fs";
import path from "node:path";
import { migrationsFolder } from "./connection";
import { CHECKSUMS_FILE, migrationProblems, readChecksums, readJournal, sha256, writeChecksums } from "./migration-checksums";

function main(): number {
  const folder = migrationsFolder();
  const checkOnly = process.argv.includes("--check");
  const recorded = { ...readChecksums(folder).migrations };
  const added: string[] = [];
  if (!checkOnly) {
    for (const entry of readJournal(folder).entries) {
      const name = `${entry.tag}.sql`;
      const file = path.join(folder, name);
      if (recorded[name] !== undefined || !fs.existsSync(file)) continue;
      recorded[name] = sha256(fs.readFileSync(file));
      added.push(name);
    }
    if (added.length > 0) writeChecksums(folder, recorded);
  }
  for (const name of added) console.log(`Recorded drizzle/${name} in drizzle/${CHECKSUMS_FILE}`);

  const problems = migrationProblems(folder);
  if (problems.length === 0) {
    console.log(`Migrations and drizzle/${CHECKSUMS_FILE} agree (${Object.keys(recorded).length} migrations).`);
    return 0;
  }
  console.error(problems.map((p) => `- ${p}`).join("\n"));
  return 1;
}

process.exitCode = main();
