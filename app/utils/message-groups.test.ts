import { describe, expect, it } from "vitest";
import { loadPageGroups, messagesHandle, messagesWhenSeen, missingPageGroups, pageGroups, whenSeenGroups } from "./message-groups";

describe("the groups of the parts of a page loaded when seen", () => {
  const handle = { ...messagesHandle("casefile", "approvals"), ...messagesWhenSeen("programmes", "exits") };

  it("are not among the groups the page's document loads", () => {
    expect(pageGroups([{ handle }])).toEqual(["common", "approvals", "casefile"]);
  });

  it("are those of every matched route, in MESSAGE_GROUPS order, once each", () => {
    expect(whenSeenGroups([{ handle: messagesHandle("home") }, { handle }, { handle: messagesWhenSeen("exits", "handoffs") }, {}])).toEqual([
      "exits",
      "handoffs",
      "programmes",
    ]);
    expect(whenSeenGroups([{ handle: messagesHandle("home") }, { handle: undefined }])).toEqual([]);
  });

  it("are never missing on the server, which has every message", async () => {
    expect(missingPageGroups(["programmes", "exits"])).toEqual([]);
    await expect(loadPageGroups(["programmes"])).resolves.toBeUndefined();
  });
});
