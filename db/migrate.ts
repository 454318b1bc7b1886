/** Applies the migrations in drizzle/ to DATABASE_URL (default ./data/panti.db). */
import { databaseFile, openDatabase } from "./connection";

const db = openDatabase();
db.$client.close();
console.log(`Migrated ${databaseFile()}`);
