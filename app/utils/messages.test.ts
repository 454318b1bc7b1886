import { describe, expect, it } from "vitest";
import { apiMessages } from "./messages.api";
import { bodyMessages } from "./messages.body";
import { caseFileMessages } from "./messages.casefile";
import { dashboardMessages } from "./messages.dashboard";
import { exitMessages } from "./messages.exits";
import { periodMessages } from "./messages.period";
import { historyMessages } from "./messages.history";
import { importMessages } from "./messages.import";
import { measureMessages } from "./messages.measures";
import { placementMessages } from "./messages.placements";
import { programmeMessages } from "./messages.programmes";
import { provinceMessages } from "./messages.provinces";
import { safeguardingMessages } from "./messages.safeguarding";
import { handoffMessages } from "./messages.handoffs";
import { userMessages } from "./messages.users";
import { homeMessages } from "./messages.home";
import { auditMessages } from "./messages.audit";
import { approvalMessages } from "./messages.approvals";
import { coreMessages, messages } from "./messages";

const FILES: Record<string, Record<string, { id: string; en?: string }>> = {
  "messages.ts": coreMessages,
  "messages.api.ts": apiMessages,
  "messages.body.ts": bodyMessages,
  "messages.casefile.ts": caseFileMessages,
  "messages.dashboard.ts": dashboardMessages,
  "messages.exits.ts": exitMessages,
  "messages.period.ts": periodMessages,
  "messages.history.ts": historyMessages,
  "messages.import.ts": importMessages,
  "messages.measures.ts": measureMessages,
  "messages.placements.ts": placementMessages,
  "messages.programmes.ts": programmeMessages,
  "messages.provinces.ts": provinceMessages,
  "messages.safeguarding.ts": safeguardingMessages,
  "messages.handoffs.ts": handoffMessages,
  "messages.users.ts": userMessages,
  "messages.home.ts": homeMessages,
  "messages.audit.ts": auditMessages,
  "messages.approvals.ts": approvalMessages,
};

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

  it("have an Indonesian text for every key and an English one that is not left empty", () => {
    const empty = Object.entries(messages as Record<string, { id: string; en?: string }>)
      .filter(([, m]) => !m.id.trim() || (m.en !== undefined && !m.en.trim()))
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });
});
