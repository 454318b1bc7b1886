import { describe, expect, it } from "vitest";
import { MESSAGE_GROUPS } from "./message-groups";
import { messageGroups, messages } from "./messages";

const FILES: Record<string, Record<string, { id: string; en?: string }>> = messageGroups;

describe("messages", () => {
  it("define each key in one file only (a second definition silently wins over the first)", () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [file, entries] of Object.entries(FILES)) {
      for (const key of Object.keys(entries)) {
        const other = seen.get(key);
        if (other) twice.push(`${key}: ${other} and ${file}`);
        seen.set(key, file);
      }
    }
    expect(twice).toEqual([]);
    expect(Object.keys(messages)).toHaveLength(seen.size);
  });

  it("are in groups that the browser knows by name, one a message file (app/utils/message-groups.ts)", async () => {
    expect(Object.keys(messageGroups).sort()).toEqual([...MESSAGE_GROUPS].sort());
    const { readdirSync } = await import("node:fs");
    const files = readdirSync(new URL(".", import.meta.url)).filter((f) => /^messages\.\w+\.ts$/.test(f) && !f.endsWith(".test.ts"));
    expect(files.map((f) => f.split(".")[1]).sort()).toEqual(MESSAGE_GROUPS.filter((g) => g !== "common").sort());
  });

  it("keep the audit log's words in its group: the log page asks whether a code has words (isMessageKey) and must get the server's answer", () => {
    const elsewhere = Object.entries(FILES)
      .filter(([group]) => group !== "audit")
      .flatMap(([group, entries]) => Object.keys(entries).filter((key) => /^audit(Action|Entity|Key)\./.test(key)).map((key) => `${group}: ${key}`));
    expect(elsewhere).toEqual([]);
  });

  it("have an Indonesian text for every key and an English one that is not left empty", () => {
    const empty = Object.entries(messages as Record<string, { id: string; en?: string }>)
      .filter(([, m]) => !m.id.trim() || (m.en !== undefined && !m.en.trim()))
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });
});
