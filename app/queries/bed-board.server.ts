/** A panti's profile and its bed board: rooms, beds and who holds each bed since when. */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { bedAssignments, beds, panti, persons, rooms, stays } from "#db/schema";
import type { Actor } from "~/domain/permissions";
import { displayName } from "~/domain/persons";
import { db } from "~/utils/db.server";
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

export interface RoomOnBoard {
  id: number;
  name: string;
  sex: "male" | "female" | "mixed";
  beds: BedOnBoard[];
}

/**
 * No masking needed: the board lists open stays of the panti only, read by that panti's staff or
 * by Dinsos (`panti:view`); an open stay's panti is the person's panti, where they are named.
 */
export function bedBoard(actor: Actor, pantiId: number): { rooms: RoomOnBoard[]; withoutBed: WithoutBed[] } {
  const roomRows = db
    .select({ id: rooms.id, name: rooms.name, sex: rooms.sex })
    .from(rooms)
    .where(eq(rooms.pantiId, pantiId))
    .orderBy(asc(rooms.name))
    .all();
  const bedRows = db
    .select({
      id: beds.id,
      roomId: beds.roomId,
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
      exitPending: sql<number>`exists (select 1 from approvals ap where ap.kind = 'exit' and ap.subject_id = ${stays.id} and ap.status = 'pending')`,
    })
    .from(beds)
    .leftJoin(bedAssignments, and(eq(bedAssignments.bedId, beds.id), isNull(bedAssignments.toAt)))
    .leftJoin(stays, eq(stays.id, bedAssignments.stayId))
    .leftJoin(persons, eq(persons.id, stays.personId))
    .where(onePantiWhere(actor, "panti:view", pantiId, beds.pantiId))
    .orderBy(asc(beds.roomId), sql`length(${beds.label})`, asc(beds.label))
    .all();

  const byRoom = new Map<number, RoomOnBoard>(roomRows.map((r) => [r.id, { ...r, beds: [] }]));
  for (const b of bedRows) {
    byRoom.get(b.roomId)?.beds.push({
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
    });
  }
  // Regular rooms first, rooms of extra places after them.
  const list = [...byRoom.values()].sort(
    (a, b) =>
      Number(a.beds.length > 0 && a.beds.every((x) => x.overflow)) -
        Number(b.beds.length > 0 && b.beds.every((x) => x.overflow)) || a.name.localeCompare(b.name, "id"),
  );
  return { rooms: list, withoutBed: residentsWithoutBed(actor, pantiId) };
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
    .leftJoin(bedAssignments, and(eq(bedAssignments.stayId, stays.id), isNull(bedAssignments.toAt)))
    .where(and(onePantiWhere(actor, "panti:view", pantiId, stays.pantiId), isNull(stays.exitedAt), isNull(bedAssignments.id)))
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
