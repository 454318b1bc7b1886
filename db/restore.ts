/**
 * npm run db:restore -- FILE
 *
 * Replaces DATABASE_URL (default ./data/panti.db) by a backup made with npm run db:backup.
 * Stop the app first: the restore refuses while another process holds the database. The backup
 * is checked (PRAGMA integrity_check, a Panti database this version can open) before anything
 * is changed; the database it replaces is kept beside it as <file>.before-restore-<time>.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { databaseFile } from "./connection";
import { restoreDatabase } from "./backups";

function main(): void {
  const { positionals } = parseArgs({ allowPositionals: true });
  if (positionals.length !== 1) {
    console.error("Usage: npm run db:restore -- backups/panti-YYYYMMDD-HHMMSS.db   (stop the app first)");
    process.exit(2);
  }
  const target = databaseFile();
  const result = restoreDatabase(positionals[0]!, target);
  console.log(`Restored ${path.resolve(positionals[0]!)} into ${result.file}.`);
  if (result.previous) console.log(`The database it replaced is kept as ${result.previous} (delete it when no longer needed).`);
  console.log(
    "Start the app again: it applies any newer migrations on start. Everyone signs in again (the restore ends " +
      "every session); the restore is recorded in the audit log.",
  );
}

try {
  main();
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
