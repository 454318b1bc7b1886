/**
 * The first Dinsos administrator of a production database, created from the server's console
 * (`npm run user:create-admin`): whoever can run commands on the server holds the database file
 * anyway, so the console is the one place an account may be made without signing in. Everyone
 * else is created by a Dinsos administrator in the app.
 */
import { eq } from "drizzle-orm";
import { users } from "#db/schema";
import { InvalidInput } from "~/domain/errors";
import { createUserSchema } from "~/domain/users";
import { generatePassword, hashPassword } from "~/utils/password.server";
import { appendAudit, writeTransaction } from "./audit.server";

export interface ConsoleAdminResult {
  id: number;
  username: string;
  /** Shown once on the console; the administrator must change it at first sign-in. */
  password: string;
}

export function createAdministratorFromConsole(input: { username: string; name: string }, now = new Date()): ConsoleAdminResult {
  const parsed = createUserSchema.safeParse({ username: input.username, name: input.name, role: "dinsos_admin" });
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    throw new InvalidInput(errors);
  }
  const { username, name } = parsed.data;
  const password = generatePassword();
  const passwordHash = hashPassword(password);
  return writeTransaction((tx) => {
    const taken = tx.select({ id: users.id }).from(users).where(eq(users.username, username)).get();
    if (taken) throw new InvalidInput({ username: ["users.error.usernameTaken"] });
    const user = tx
      .insert(users)
      .values({ username, name, passwordHash, role: "dinsos_admin", pantiId: null, outreachUnit: null, active: true, mustChangePassword: true, createdAt: now })
      .returning()
      .get();
    appendAudit(tx, {
      actorId: null,
      action: "user.create",
      entity: "user",
      entityId: user.id,
      after: { username, name, role: "dinsos_admin", via: "console", mustChangePassword: true, passwordGenerated: true },
      at: now,
    });
    return { id: user.id, username, password };
  });
}
