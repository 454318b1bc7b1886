import { describe, expect, it } from "vitest";
import { addRoomSchema, labelPrefixFor, nextBedLabels, roomFitsPanti, setBedStatusSchema } from "./beds";

describe("bed labels", () => {
  it("continues after the highest number with the prefix", () => {
    expect(nextBedLabels(["A-01", "A-02", "A-07", "X-99", "odd"], 3, "A")).toEqual(["A-08", "A-09", "A-10"]);
  });
  it("starts at 01 and widens when needed", () => {
    expect(nextBedLabels([], 2, "B")).toEqual(["B-01", "B-02"]);
    expect(nextBedLabels(["B-99"], 1, "B")).toEqual(["B-100"]);
  });
  it("derives a prefix from a room name", () => {
    expect(labelPrefixFor("Wisma Melati 2")).toBe("WM2");
    expect(labelPrefixFor("  ")).toBe("B");
  });
});

describe("room sex", () => {
  it("fits the sexes the panti serves", () => {
    expect(roomFitsPanti("female", "any")).toBe(true);
    expect(roomFitsPanti("female", "male")).toBe(false);
    expect(roomFitsPanti("male", "male")).toBe(true);
  });
});

describe("schemas", () => {
  it("requires a reason to take a bed out of service", () => {
    const r = setBedStatusSchema.safeParse({ intent: "bed-status", bedId: "4", status: "out_of_service", expectedStatus: "available" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["reason"]);
    const ok = setBedStatusSchema.safeParse({ intent: "bed-status", bedId: "4", status: "available", expectedStatus: "out_of_service" });
    expect(ok.success && ok.data.bedId).toBe(4);
  });
  it("parses an add-room form and refuses nonsense", () => {
    const ok = addRoomSchema.parse({ intent: "add-room", name: " Wisma Mawar ", sex: "female", bedCount: "12", overflow: "on" });
    expect(ok).toMatchObject({ name: "Wisma Mawar", bedCount: 12, overflow: true });
    const bad = addRoomSchema.safeParse({ intent: "add-room", name: "<script>", sex: "x", bedCount: "9999", labelPrefix: "A B" });
    expect(bad.success).toBe(false);
    const fields = bad.error!.issues.map((i) => i.path[0]).sort();
    expect(fields).toEqual(["bedCount", "labelPrefix", "sex"]);
  });
});
