/**
 * Creates a Dinsos administrator on the server's console, with a generated password shown once
 * that must be changed at first sign-in. This is how a production database gets its first user.
 *
 *   npm run user:create-admin -- --username budi.santoso --name "Budi Santoso"
 */
import { parseArgs } from "node:util";
import { InvalidInput } from "~/domain/errors";
import { createAdministratorFromConsole } from "~/services/administrators.server";
import { closeDb } from "~/utils/db.server";
import "~/utils/dictionary.server";
import { translator } from "~/utils/i18n";
import { databaseFile } from "./connection";

const USAGE = 'Usage: npm run user:create-admin -- --username USERNAME --name "FULL NAME"';

function main(): number {
  let values: { username?: string; name?: string };
  try {
    ({ values } = parseArgs({ options: { username: { type: "string" }, name: { type: "string" } }, strict: true }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (!values.username || !values.name) {
    console.error(USAGE);
    return 2;
  }
  try {
    const admin = createAdministratorFromConsole({ username: values.username, name: values.name });
    console.log(
      `Created Dinsos administrator "${admin.username}" in ${databaseFile()}.\n\n` +
        `  one-time password: ${admin.password}\n\n` +
        "It is shown only now. Give it to the administrator in person; they must choose their own\n" +
        "password at first sign-in. Further users are created in the app (Admin → Users).",
    );
    return 0;
  } catch (error) {
    if (error instanceof InvalidInput) {
      const t = translator("en");
      for (const [field, keys] of Object.entries(error.fieldErrors)) console.error(`${field}: ${keys.map((k) => t.keyOrText(k)).join("; ")}`);
      return 1;
    }
    throw error;
  } finally {
    closeDb();
  }
}

process.exitCode = main();
