/**
 * Prepares the database before the app starts: opens DATABASE_URL (default ./data/panti.db),
 * which applies pending migrations, then
 *
 * - demo (`npm start`, the default): seeds an empty database with the demo data and prints the
 *   demo logins (also written to demo-logins.txt beside the database);
 * - production (`npm run start:production`, or `--production`, or PANTI_MODE=production): never
 *   seeds demo people or users. An empty database gets the reference lists and the panti
 *   registry only; a database that holds demo data is refused. The first administrator is
 *   created with `npm run user:create-admin`.
 *
 *   npx tsx db/setup.ts [--scale N] [--production]   (SEED_SCALE=N; DEMO_PASSWORD=... to choose it)
 */
import fs from "node:fs";
import { and, count, eq } from "drizzle-orm";
import { databaseFile, openDatabase, type Db } from "./connection";
import { auditLog, panti, users } from "./schema";
import { generatePassword } from "../app/utils/password.server";
import { ensureInstanceKey, instanceKeyPath } from "../app/utils/signing.server";
import { scaleFromArgs, seedDatabase, seedReference } from "./seed";
import { DEFAULT_PROVINCE_CODE, ownProvinceCode } from "../app/domain/provinces";
import { DEMO_SEED_ACTION } from "./seed/markers";
import { demoLoginsPath, formatLogins, writeDemoLogins } from "./seed/logins";

class SetupRefused extends Error {}

function productionMode(args: readonly string[], env = process.env): boolean {
  return args.includes("--production") || env.PANTI_MODE === "production";
}

function holdsDemoData(db: Db): boolean {
  return db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, DEMO_SEED_ACTION)).get() != null;
}

function setupProduction(db: Db, file: string): void {
  if (holdsDemoData(db)) {
    throw new SetupRefused(
      `${file} holds demo data (demo people and users with a shared password) and must not hold real records.\n` +
        "Point DATABASE_URL to a new file for production, or run `npm start` for the demo.",
    );
  }
  const [row] = db.select({ n: count() }).from(panti).all();
  if ((row?.n ?? 0) === 0) {
    const counts = seedReference(db);
    console.log(`Production database created: ${file} (reference lists and ${counts.panti} panti; no people, no users).`);
  } else {
    console.log(`Production database ready: ${file} (${row!.n} panti).`);
  }
  const admins = db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "dinsos_admin"), eq(users.active, true)))
    .get();
  if ((admins?.n ?? 0) === 0) {
    console.log(
      'No active Dinsos administrator yet: create one with\n  npm run user:create-admin -- --username USERNAME --name "FULL NAME"',
    );
  }
  if (process.env.COOKIE_SECURE !== "true") {
    console.warn("Warning: COOKIE_SECURE is not \"true\". Serve the app over HTTPS and set COOKIE_SECURE=true.");
  }
  if (!process.env.SESSION_SECRET) {
    console.warn("Note: SESSION_SECRET is unset; the secret generated in .session-secret beside the database is used (back it up with the database).");
  }
}

function setupDemo(db: Db, file: string, scale: number): void {
  const [row] = db.select({ n: count() }).from(panti).all();
  const loginsFile = file === ":memory:" ? null : demoLoginsPath(file);

  if ((row?.n ?? 0) > 0) {
    console.log(`Database ready: ${file} (${row!.n} panti).`);
    if (loginsFile && fs.existsSync(loginsFile)) {
      console.log(`Demo logins: ${loginsFile}`);
    } else {
      console.log("No demo logins file beside it: sign in with the accounts you created.");
    }
    return;
  }

  const what =
    ownProvinceCode(process.env.PANTI_PROVINCE) === DEFAULT_PROVINCE_CODE ? `${scale} year(s) of DEMO history` : "the small DEMO registry of its province";
  console.log(`Seeding ${file} with ${what} (not for real records) ...`);
  const started = performance.now();
  const password = process.env.DEMO_PASSWORD || generatePassword();
  const { logins, counts } = seedDatabase(db, { scale, demoPassword: password });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Seeded in ${seconds} s: ${counts.panti} panti, ${counts.beds} beds, ` +
      `${counts.persons} persons, ${counts.stays} stays.`,
  );
  console.log(`\nDemo logins (every role; demo data only):\n\n${formatLogins(logins)}\n`);
  if (loginsFile) {
    writeDemoLogins(loginsFile, logins, file);
    console.log(`Also written to ${loginsFile} (readable by you only).`);
  }
  console.log("For real use, see \"Production\" in README.md: `npm run start:production` never seeds demo data.");
}

function setup(): void {
  const args = process.argv.slice(2);
  const file = databaseFile();
  let db: Db | undefined;
  try {
    db = openDatabase();
    // The key this instance signs its packets to partner provinces with (never in git or backups).
    if (file !== ":memory:" && ensureInstanceKey()) console.log(`Created this instance's signing key: ${instanceKeyPath()} (readable by you only).`);
    if (productionMode(args)) setupProduction(db, file);
    else setupDemo(db, file, scaleFromArgs(args));
  } finally {
    db?.$client.close();
  }
}

try {
  setup();
} catch (error) {
  if (error instanceof SetupRefused) {
    console.error(`Refused: ${error.message}`);
  } else {
    console.error(`Database setup failed for ${databaseFile()}: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.DEBUG) console.error(error);
  }
  process.exit(1);
}
