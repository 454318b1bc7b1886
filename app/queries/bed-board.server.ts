/** A panti's profile and its bed board: its rooms, the beds of one room and who holds each bed since when. */
import { and, asc, eq, isNull, notExists, or, sql, type AnyColumn } from "drizzle-orm";
import { bedAssignments, beds, panti, persons, rooms, stays } from "#db/schema";
import { bedState, defaultRoomId, type BedShow, type BedState, type RoomCounts } from "~/domain/bed-board";
import type { Actor } from "~/domain/permissions";
import { displayName } from "~/domain/persons";
import { db } from "~/utils/db.server";
import { containsLike, personSearchWhere } from "./person-search.server";
import { onePantiWhere } from "./scope.server";

export function pantiProfile(pantiId: number) {
  return db.select().from(panti).where(eq(panti.id, pantiId)).get() ?? null;
}

export interface BedOnBoard {
  id: number;
  label: string;
  status: "available" | "out_of_service";
  overflow: boolean;
  statusReason: string | null;
  /** `exitPending`: an exit of the resident waits for approval (the bed stays theirs until then). */
  occupant: { stayId: number; personId: number; name: string; unidentified: boolean; since: Date; exitPending: boolean } | null;
}

/** A room of the board with its beds counted by state (`overflowRoom`: every bed an extra place). */
export interface RoomOnBoard extends RoomCounts {
  name: string;
  sex: "male" | "female" | "mixed";
  overflowRoom: boolean;
  /** Residents of the room whose exit waits for approval. */
  exitPending: number;
}

/** A bed found by the board's search, anywhere in the panti. */
export interface BedMatch {
  bedId: number;
  label: string;
  roomId: number;
  roomName: string;
  state: BedState;
  occupant: { stayId: number; name: string } | null;
}

/** What the board shows: one room (the address's, or the default), the filter, a search. */
export interface BoardChoice {
  roomId: number | null;
  show: BedShow;
  q: string;
}

/** At most this many beds found by a search are listed. */
export const BOARD_SEARCH_LIMIT = 20;

/** Whether an exit of the stay waits for approval (the bed stays theirs until then). */
const exitPendingOf = (stayId: AnyColumn) =>
  sql<number>`exists (select 1 from approvals ap where ap.kind = 'exit' and ap.subject_id = ${stayId} and ap.status = 'pending')`;

/**
 * The bed board of a panti: every room with its counts, the beds of the chosen room only, and the
 * beds a search finds; null when the address names a room that is not the panti's.
 *
 * No masking needed: the board lists open stays of the panti only, read by that panti's staff or
 * by Dinsos (`panti:view`); an open stay's panti is the person's panti, where they are named.
 */
export function bedBoard(actor: Actor, pantiId: number, choice: BoardChoice) {
  const rooms = roomOverview(actor, pantiId);
  const found = choice.q ? findBeds(actor, pantiId, choice.q) : null;
  const roomId = choice.roomId ?? defaultRoomId(rooms, choice.show, found?.matches.map((m) => m.roomId));
  const room = rooms.find((r) => r.id === roomId) ?? null;
  if (choice.roomId != null && !room) return null;
  return {
    rooms,
    room,
    beds: room ? bedsOfRoom(actor, pantiId, room.id) : [],
    found,
    withoutBed: residentsWithoutBed(actor, pantiId),
  };
}

/** Every room of the panti with its beds counted by state: regular rooms first, rooms of extra places after them. */
function roomOverview(actor: Actor, pantiId: number): RoomOnBoard[] {
  const rows = db
    .select({
      id: rooms.id,
      name: rooms.name,
      sex: rooms.sex,
      beds: sql<number>`count(${beds.id})`,
      free: sql<number>`count(case when ${beds.status} = 'available' and ${bedAssignments.id} is null then 1 end)`,
      occupied: sql<number>`count(${bedAssignments.id})`,
      out: sql<number>`count(case when ${beds.status} = 'out_of_service' then 1 end)`,
      overflow: sql<number>`count(case when ${beds.overflow} then 1 end)`,
      exitPending: sql<number>`count(case when ${exitPendingOf(bedAssignments.stayId)} then 1 end)`,
    })
    .from(rooms)
    .leftJoin(beds, eq(beds.roomId, rooms.id))
    .leftJoin(bedAssignments, and(eq(bedAssignments.bedId, beds.id), isNull(bedAssignments.toAt)))
    .where(onePantiWhere(actor, "panti:view", pantiId, rooms.pantiId))
    .groupBy(rooms.id)
    .all();
  return rows
    .map(({ overflow, ...r }) => ({ ...r, overflowRoom: r.beds > 0 && overflow === r.beds }))
    .sort((a, b) => Number(a.overflowRoom) - Number(b.overflowRoom) || a.name.localeCompare(b.name, "id"));
}

/**
 * The beds of one room of the panti, with who holds each since when: read through the room
 * (`beds_room_label_uq`), the room's panti checked in the join. A plain `beds.panti_id` condition
 * would let SQLite read the panti's beds by `beds_panti_idx` and filter them by room (all 865 of
 * the largest panti for one room of 30).
 */
export function bedsOfRoomQuery(actor: Actor, pantiId: number, roomId: number) {
  return db
    .select({
      id: beds.id,
      label: beds.label,
      status: beds.status,
      overflow: beds.overflow,
      statusReason: beds.statusReason,
      stayId: stays.id,
      personId: persons.id,
      name: persons.name,
      unidentified: persons.unidentified,
      sex: persons.sex,
      since: bedAssignments.fromAt,
      exitPending: exitPendingOf(stays.id),
    })
    .from(beds)
    .innerJoin(rooms, and(eq(rooms.id, beds.roomId), onePantiWhere(actor, "panti:view", pantiId, rooms.pantiId)))
    .leftJoin(bedAssignments, and(eq(bedAssignments.bedId, beds.id), isNull(bedAssignments.toAt)))
    .leftJoin(stays, eq(stays.id, bedAssignments.stayId))
    .leftJoin(persons, eq(persons.id, stays.personId))
    .where(eq(beds.roomId, roomId))
    .orderBy(sql`length(${beds.label})`, asc(beds.label));
}

function bedsOfRoom(actor: Actor, pantiId: number, roomId: number): BedOnBoard[] {
  return bedsOfRoomQuery(actor, pantiId, roomId)
    .all()
    .map((b) => ({
      id: b.id,
      label: b.label,
      status: b.status,
      overflow: b.overflow,
      statusReason: b.statusReason,
      occupant:
        b.stayId != null && b.personId != null && b.sex != null && b.since != null
          ? {
              stayId: b.stayId,
              personId: b.personId,
              name: displayName({ name: b.name, unidentified: Boolean(b.unidentified), sex: b.sex }),
              unidentified: Boolean(b.unidentified),
              since: b.since,
              exitPending: Boolean(b.exitPending),
            }
          : null,
    }));
}

/** Beds of the panti whose label or resident (name, NIK, description, "Mr. X") matches `q`, room by room. */
function findBeds(actor: Actor, pantiId: number, q: string): { matches: BedMatch[]; more: boolean } {
  const rows = db
    .select({
      bedId: beds.id,
      label: beds.label,
      status: beds.status,
      roomId: rooms.id,
      roomName: rooms.name,
      stayId: stays.id,
      name: persons.name,
      unidentified: persons.unidentified,
      sex: persons.sex,
    })
    .from(beds)
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .leftJoin(bedAssignments, and(eq(bedAssignments.bedId, beds.id), isNull(bedAssignments.toAt)))
    .leftJoin(stays, eq(stays.id, bedAssignments.stayId))
    .leftJoin(persons, eq(persons.id, stays.personId))
    .where(
      and(
        onePantiWhere(actor, "panti:view", pantiId, beds.pantiId),
        or(sql`${beds.label} like ${containsLike(q)} escape '\\'`, personSearchWhere(q)),
      ),
    )
    .orderBy(asc(rooms.name), sql`length(${beds.label})`, asc(beds.label))
    .limit(BOARD_SEARCH_LIMIT + 1)
    .all();
  return {
    matches: rows.slice(0, BOARD_SEARCH_LIMIT).map((r) => ({
      bedId: r.bedId,
      label: r.label,
      roomId: r.roomId,
      roomName: r.roomName,
      state: bedState({ status: r.status, occupied: r.stayId != null }),
      occupant:
        r.stayId != null && r.sex != null
          ? { stayId: r.stayId, name: displayName({ name: r.name, unidentified: Boolean(r.unidentified), sex: r.sex }) }
          : null,
    })),
    more: rows.length > BOARD_SEARCH_LIMIT,
  };
}

export interface WithoutBed {
  stayId: number;
  personId: number;
  name: string;
  admittedAt: Date;
}

/** Open stays of the panti that hold no bed (its own residents: named to its staff, as on the board). */
export function residentsWithoutBed(actor: Actor, pantiId: number): WithoutBed[] {
  return db
    .select({
      stayId: stays.id,
      personId: persons.id,
      name: persons.name,
      unidentified: persons.unidentified,
      sex: persons.sex,
      admittedAt: stays.admittedAt,
    })
    .from(stays)
    .innerJoin(persons, eq(persons.id, stays.personId))
    // Checked on each open stay before its person is read (as a left join, SQLite read the person
    // of every open stay first: ten times the time for the largest panti).
    .where(
      and(
        onePantiWhere(actor, "panti:view", pantiId, stays.pantiId),
        isNull(stays.exitedAt),
        notExists(
          db
            .select({ one: sql`1` })
            .from(bedAssignments)
            .where(and(eq(bedAssignments.stayId, stays.id), isNull(bedAssignments.toAt))),
        ),
      ),
    )
    .orderBy(asc(stays.admittedAt))
    .all()
    .map((r) => ({
      stayId: r.stayId,
      personId: r.personId,
      name: displayName({ name: r.name, unidentified: r.unidentified, sex: r.sex }),
      admittedAt: r.admittedAt,
    }));
}

/** An open stay of the panti with its person and current bed, or null (the panti's own resident: named). */
export function openStayInPanti(actor: Actor, pantiId: number, stayId: number) {
  const row = db
    .select({
      stayId: stays.id,
      admittedAt: stays.admittedAt,
      personId: persons.id,
      name: persons.name,
      unidentified: persons.unidentified,
      sex: persons.sex,
      ppksCategory: persons.ppksCategory,
      birthDate: persons.birthDate,
      birthYear: persons.birthYear,
      bedId: beds.id,
      bedLabel: beds.label,
    })
    .from(stays)
    .innerJoin(persons, eq(persons.id, stays.personId))
    .leftJoin(bedAssignments, and(eq(bedAssignments.stayId, stays.id), isNull(bedAssignments.toAt)))
    .leftJoin(beds, eq(beds.id, bedAssignments.bedId))
    .where(and(eq(stays.id, stayId), onePantiWhere(actor, "resident:move", pantiId, stays.pantiId), isNull(stays.exitedAt)))
    .get();
  return row ? { ...row, displayName: displayName({ name: row.name, unidentified: row.unidentified, sex: row.sex }) } : null;
}
