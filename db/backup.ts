/**
 * npm run db:backup [-- --out FILE]
 *
 * Copies DATABASE_URL (default ./data/panti.db) with SQLite's online backup API: safe while the
 * app is running and writing. Default destination: ./backups/panti-YYYYMMDD-HHMMSS.db (WIB).
 * The copy is checked with PRAGMA integrity_check and readable by its owner only (0600).
 * The session secret (.session-secret) is not copied: see docs/decisions/008-backups.md.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { databaseFile } from "./connection";
import { DEFAULT_BACKUP_DIR, backupDatabase, defaultBackupName } from "./backups";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const source = databaseFile();
  const destination = values.out ?? path.join(DEFAULT_BACKUP_DIR, defaultBackupName());
  const result = await backupDatabase(source, destination);
  const mib = (result.bytes / 1024 / 1024).toFixed(1);
  console.log(
    `Backed up ${path.resolve(source)} to ${result.file} (${mib} MiB, ${result.pages} pages): ` +
      `copied in ${(result.copyMs / 1000).toFixed(2)} s, integrity_check ok in ${(result.checkMs / 1000).toFixed(2)} s.`,
  );
  const shown = path.relative(process.cwd(), result.file);
  console.log(`Keep a copy off this machine. Restore with: npm run db:restore -- ${shown.startsWith("..") ? result.file : shown}`);
}

main().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
