/**
 * Prepares the database before the app starts (`npm start` runs it): opens DATABASE_URL
 * (default ./data/panti.db), which applies pending migrations, and seeds it when it holds no
 * panti yet. The demo logins are printed and written to demo-logins.txt beside the database.
 *
 *   npx tsx db/setup.ts [--scale N]     (or SEED_SCALE=N; DEMO_PASSWORD=... to choose it)
 */
import fs from "node:fs";
import { count } from "drizzle-orm";
import { databaseFile, openDatabase, type Db } from "./connection";
import { panti } from "./schema";
import { generatePassword } from "../app/utils/password.server";
import { scaleFromArgs, seedDatabase } from "./seed";
import { demoLoginsPath, formatLogins, writeDemoLogins } from "./seed/logins";

function setup(): void {
  const file = databaseFile();
  const scale = scaleFromArgs(process.argv.slice(2));
  let db: Db | undefined;
  try {
    db = openDatabase();
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

    console.log(`Seeding ${file} with ${scale} year(s) of demo history ...`);
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
  } finally {
    db?.$client.close();
  }
}

try {
  setup();
} catch (error) {
  console.error(
    `Database setup failed for ${databaseFile()}: ${error instanceof Error ? error.message : String(error)}`,
  );
  if (process.env.DEBUG) console.error(error);
  process.exit(1);
}
