/**
 * The bed board by room: the page lists every room with its counts and loads the beds of one room,
 * chosen by `?room=` (or the default), with the filter and a search kept; a room id that is not
 * the panti's is not found, whoever asks; a bed's form and a move come back to the room.
 */
import { describe, expect, it } from "vitest";
import { action as pantiAction, loader as pantiLoader } from "~/routes/_app.panti.$pantiId/route";
import { action as moveAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.move";
import { bedsOfRoomQuery } from "~/queries/bed-board.server";
import { db } from "~/utils/db.server";
import { beds } from "#db/schema";
import { eq } from "drizzle-orm";
import { bedById, cookieFor, createPanti, createResident, createRoom, createUser } from "../factories";
import { callRoute as call, getRequest as get, postForm as post, routeArgs as args } from "../routes";

type Board = Awaited<ReturnType<typeof pantiLoader>>;

/** A panti of three rooms (full; one bed out of service and one occupied; two free beds) and a resident without a bed. */
async function world() {
  const home = createPanti({ sexServed: "male" });
  const full = createRoom(home.id, 2, { sex: "male" });
  const mixed = createRoom(home.id, 3, { sex: "male" });
  const free = createRoom(home.id, 2, { sex: "male" });
  const residents = full.beds.map((b) => createResident(home.id, b.id));
  const inMixed = createResident(home.id, mixed.beds[1]!.id);
  const withoutBed = createResident(home.id, null);
  db.update(beds).set({ status: "out_of_service", statusReason: "Atap bocor" }).where(eq(beds.id, mixed.beds[0]!.id)).run();
  const other = createPanti();
  const otherRoom = createRoom(other.id, 2);
  const admin = await cookieFor(createUser("panti_admin", home.id).username);
  return { home, full, mixed, free, residents, inMixed, withoutBed, other, otherRoom, admin };
}

async function board(path: string, cookie: string, pantiId: number): Promise<Board> {
  const answer = await call(() => pantiLoader(args(get(path, cookie), { pantiId: String(pantiId) })));
  expect(answer.status, path).toBe(200);
  return answer.body as Board;
}

const status = async (path: string, cookie: string, pantiId: number) =>
  (await call(() => pantiLoader(args(get(path, cookie), { pantiId: String(pantiId) })))).status;

describe("the bed board by room", () => {
  it("lists every room with its counts and loads the beds of the first room with a free bed only", async () => {
    const w = await world();
    const page = await board(`/panti/${w.home.id}`, w.admin, w.home.id);
    expect(page.board.rooms.map((r) => ({ id: r.id, beds: r.beds, free: r.free, occupied: r.occupied, out: r.out }))).toEqual([
      { id: w.full.room.id, beds: 2, free: 0, occupied: 2, out: 0 },
      { id: w.mixed.room.id, beds: 3, free: 1, occupied: 1, out: 1 },
      { id: w.free.room.id, beds: 2, free: 2, occupied: 0, out: 0 },
    ]);
    expect(page.board.room?.id).toBe(w.mixed.room.id);
    expect(page.board.beds.map((b) => b.id)).toEqual(w.mixed.beds.map((b) => b.id));
    // The summary and the residents without a bed are the whole panti's.
    expect(page.occupancy).toMatchObject({ census: 4, outOfService: 1 });
    expect(page.board.withoutBed.map((r) => r.stayId)).toEqual([w.withoutBed.stay.id]);
  });

  it("reads the beds of the room through the room's index, not the panti's beds", async () => {
    const w = await world();
    const actor = createUser("panti_admin", w.home.id).actor;
    const { sql, params } = bedsOfRoomQuery(actor, w.home.id, w.mixed.room.id).toSQL();
    const plan = (db.$client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH beds USING (COVERING )?INDEX beds_room_label_uq \(room_id=\?\)/));
    expect(plan.join("\n")).not.toMatch(/beds_panti_idx/);
  });

  it("opens the room of the address, and the first room with a bed the filter shows", async () => {
    const w = await world();
    const chosen = await board(`/panti/${w.home.id}?room=${w.full.room.id}`, w.admin, w.home.id);
    expect(chosen.board.room?.id).toBe(w.full.room.id);
    expect(chosen.board.beds.map((b) => b.occupant?.stayId)).toEqual(w.residents.map((r) => r.stay.id));
    const occupied = await board(`/panti/${w.home.id}?show=occupied`, w.admin, w.home.id);
    expect(occupied.board.room?.id).toBe(w.full.room.id);
    expect(occupied.filter).toEqual({ show: "occupied", q: "" });
    // A filter that is not one is all beds.
    expect((await board(`/panti/${w.home.id}?show=attic`, w.admin, w.home.id)).filter.show).toBe("all");
  });

  it("finds a resident or a bed anywhere in the panti and opens on the room of the first found", async () => {
    const w = await world();
    const name = w.inMixed.person.name!;
    const page = await board(`/panti/${w.home.id}?q=${encodeURIComponent(name.toLowerCase())}`, w.admin, w.home.id);
    expect(page.board.found?.matches).toEqual([
      expect.objectContaining({ bedId: w.mixed.beds[1]!.id, roomId: w.mixed.room.id, state: "occupied", occupant: { stayId: w.inMixed.stay.id, name } }),
    ]);
    expect(page.board.room?.id).toBe(w.mixed.room.id);
    // A bed label matches in every room that has it; the room of the address stays.
    const byLabel = await board(`/panti/${w.home.id}?q=R-02&room=${w.free.room.id}`, w.admin, w.home.id);
    expect(byLabel.board.found?.matches.map((m) => m.roomId)).toEqual(expect.arrayContaining([w.full.room.id, w.mixed.room.id, w.free.room.id]));
    expect(byLabel.board.room?.id).toBe(w.free.room.id);
    // LIKE's wildcards are text: "%" finds nothing.
    expect((await board(`/panti/${w.home.id}?q=%25`, w.admin, w.home.id)).board.found?.matches).toEqual([]);
  });

  it("answers 404 for a room of another panti, a malformed room id, and finds nothing of another panti", async () => {
    const w = await world();
    const dinsos = await cookieFor(createUser("dinsos_admin").username);
    for (const cookie of [w.admin, dinsos]) {
      expect(await status(`/panti/${w.home.id}?room=${w.otherRoom.room.id}`, cookie, w.home.id)).toBe(404);
      for (const bad of ["abc", "0", "-1", "1.5", "99999999999999999999"]) {
        expect(await status(`/panti/${w.home.id}?room=${bad}`, cookie, w.home.id), bad).toBe(404);
      }
    }
    // Another panti's page with its own room is still not the admin's.
    expect(await status(`/panti/${w.other.id}?room=${w.otherRoom.room.id}`, w.admin, w.other.id)).toBe(404);
    expect(await status(`/panti/${w.other.id}?room=${w.otherRoom.room.id}`, dinsos, w.other.id)).toBe(200);
    // A search of one panti does not reach the beds of another.
    const otherResident = createResident(w.other.id, w.otherRoom.beds[0]!.id);
    const page = await board(`/panti/${w.home.id}?q=${encodeURIComponent(otherResident.person.name!)}`, dinsos, w.home.id);
    expect(page.board.found?.matches).toEqual([]);
  });

  it("changes a bed from the room's view and refuses a bed of another panti posted there", async () => {
    const w = await world();
    const roomPath = `/panti/${w.home.id}?room=${w.free.room.id}&show=free`;
    /** Takes a bed out of service from the room's view. */
    const takeOut = (bedId: number) =>
      call(() =>
        pantiAction(
          args(post(roomPath, w.admin, { intent: "bed-status", bedId: String(bedId), status: "out_of_service", expectedStatus: "available", reason: "Kasur rusak" }), {
            pantiId: String(w.home.id),
          }),
        ),
      );
    expect((await takeOut(w.free.beds[0]!.id)).status).toBe(200);
    expect(bedById(w.free.beds[0]!.id)!.status).toBe("out_of_service");
    const after = await board(roomPath, w.admin, w.home.id);
    expect(after.board.room).toMatchObject({ id: w.free.room.id, free: 1, out: 1 });

    const tampered = await takeOut(w.otherRoom.beds[0]!.id);
    expect(tampered.status).toBe(404);
    expect(bedById(w.otherRoom.beds[0]!.id)!.status).toBe("available");
  });

  it("comes back from a move on the room of the new bed", async () => {
    const w = await world();
    const stay = w.residents[0]!.stay;
    const bed = w.free.beds[1]!;
    const moved = await call(() =>
      moveAction(args(post(`/panti/${w.home.id}/stays/${stay.id}/move`, w.admin, { intent: "move", bed: String(bed.id) }), { pantiId: String(w.home.id), stayId: String(stay.id) })),
    );
    expect(moved.status).toBe(302);
    expect(moved.location).toBe(`/panti/${w.home.id}?room=${w.free.room.id}&moved=${bed.label}#board-room`);
  });
});
