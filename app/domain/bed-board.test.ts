import { describe, expect, it } from "vitest";
import { bedState, defaultRoomId, showsBed, shownInRoom, type RoomCounts } from "./bed-board";

const room = (id: number, counts: Partial<RoomCounts> = {}): RoomCounts => {
  const r = { id, free: 0, occupied: 0, out: 0, ...counts };
  return { ...r, beds: r.free + r.occupied + r.out };
};

describe("a bed's state", () => {
  it("is out of service, occupied or free", () => {
    expect(bedState({ status: "out_of_service", occupied: false })).toBe("out");
    expect(bedState({ status: "available", occupied: true })).toBe("occupied");
    expect(bedState({ status: "available", occupied: false })).toBe("free");
  });
  it("is shown by its own filter and by all", () => {
    expect(showsBed("all", "out")).toBe(true);
    expect(showsBed("free", "free")).toBe(true);
    expect(showsBed("free", "occupied")).toBe(false);
    expect(shownInRoom(room(1, { free: 2, occupied: 3, out: 1 }), "all")).toBe(6);
    expect(shownInRoom(room(1, { free: 2, occupied: 3, out: 1 }), "occupied")).toBe(3);
  });
});

describe("the room the board opens on", () => {
  const rooms = [room(1, { occupied: 10 }), room(2, { occupied: 4, out: 2 }), room(3, { free: 1, occupied: 5 })];

  it("is the first room with a free bed, where an admission or a move can go", () => {
    expect(defaultRoomId(rooms, "all")).toBe(3);
    expect(defaultRoomId(rooms, "free")).toBe(3);
  });
  it("is the first room with a bed the filter shows", () => {
    expect(defaultRoomId(rooms, "out")).toBe(2);
    expect(defaultRoomId(rooms, "occupied")).toBe(1);
  });
  it("is the room of the first bed a search found, when that room is on the board", () => {
    expect(defaultRoomId(rooms, "all", [2, 3])).toBe(2);
    expect(defaultRoomId(rooms, "all", [99])).toBe(3);
  });
  it("is the first room when no room has such a bed, and none without rooms", () => {
    expect(defaultRoomId([room(4, { occupied: 2 }), room(5)], "all")).toBe(4);
    expect(defaultRoomId([], "free")).toBeNull();
  });
});
