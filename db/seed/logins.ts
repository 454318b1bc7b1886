/** The demo logins: printed as a table and written next to the database file (mode 0600). */
import fs from "node:fs";
import path from "node:path";

export interface DemoLogin {
  username: string;
  role: string;
  panti: string | null;
  password: string;
}

export const DEMO_LOGINS_FILE = "demo-logins.txt";

/** Where the logins file of a database file lives (the database's own directory). */
export function demoLoginsPath(databaseFile: string): string {
  return path.join(path.dirname(path.resolve(databaseFile)), DEMO_LOGINS_FILE);
}

/** A plain-text table of the logins. */
export function formatLogins(logins: readonly DemoLogin[]): string {
  const header = ["username", "role", "panti", "password"];
  const rows = logins.map((l) => [l.username, l.role, l.panti ?? "-", l.password]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** Writes the logins file, readable by its owner only. */
export function writeDemoLogins(file: string, logins: readonly DemoLogin[], databaseFile: string): void {
  const text =
    `Demo logins for ${path.resolve(databaseFile)}\n` +
    `Created ${new Date().toISOString()}. Demo data only: change these before real use.\n\n` +
    formatLogins(logins) +
    "\n";
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { mode: 0o600 });
  // writeFileSync keeps the mode of an existing file: make sure it is 0600.
  fs.chmodSync(file, 0o600);
}
