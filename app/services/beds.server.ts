/** Rooms and beds of a panti: adding them and taking beds out of service. */
import { and, eq, isNull } from "drizzle-orm";
import { bedAssignments, beds, panti, rooms } from "#db/schema";
import {
  labelPrefixFor,
  nextBedLabels,
  roomFitsPanti,
  type AddBedsInput,
  type AddRoomInput,
  type SetBedStatusInput,
} from "~/domain/beds";
import { Conflict, InvalidInput, NotFound } from "~/domain/errors";
import type { Actor } from "~/domain/permissions";
import { appendAudit, writeTransaction, type Tx } from "./audit.server";
import { authorizePanti } from "./guard.server";

function assertCanManage(actor: Actor, pantiId: number) {
  authorizePanti(actor, "bed:manage", pantiId);
}

function loadPanti(tx: Tx, pantiId: number) {
  const row = tx.select().from(panti).where(eq(panti.id, pantiId)).get();
  if (!row) throw new NotFound("panti");
  return row;
}

/** Takes a bed of the panti out of service or back; a bed of another panti is not found. */
export function setBedStatus(actor: Actor, pantiId: number, input: Omit<SetBedStatusInput, "intent">, now = new Date()) {
  return writeTransaction((tx) => {
    assertCanManage(actor, pantiId);
    const bed = tx.select().from(beds).where(and(eq(beds.id, input.bedId), eq(beds.pantiId, pantiId))).get();
    if (!bed) throw new NotFound("bed");
    if (bed.status !== input.expectedStatus || bed.status === input.status) {
      throw new Conflict("bed.error.sameStatus", { label: bed.label });
    }
    if (input.status === "out_of_service") {
      const open = tx
        .select({ id: bedAssignments.id })
        .from(bedAssignments)
        .where(and(eq(bedAssignments.bedId, bed.id), isNull(bedAssignments.toAt)))
        .get();
      if (open) throw new Conflict("bed.error.occupied", { label: bed.label });
    }
    const after = {
      status: input.status,
      statusReason: input.status === "out_of_service" ? (input.reason ?? null) : null,
      statusChangedAt: now,
    };
    tx.update(beds).set(after).where(eq(beds.id, bed.id)).run();
    appendAudit(tx, {
      actorId: actor.id,
      action: input.status === "out_of_service" ? "bed.take_out_of_service" : "bed.return_to_service",
      entity: "bed",
      entityId: bed.id,
      pantiId: bed.pantiId,
      before: { status: bed.status, statusReason: bed.statusReason },
      after: { status: after.status, statusReason: after.statusReason },
      at: now,
    });
    return { bedId: bed.id, label: bed.label, status: input.status };
  });
}

export function addRoom(actor: Actor, pantiId: number, input: Omit<AddRoomInput, "intent">) {
  return writeTransaction((tx) => {
    assertCanManage(actor, pantiId);
    const home = loadPanti(tx, pantiId);
    if (!roomFitsPanti(input.sex, home.sexServed)) {
      throw new InvalidInput({ sex: [`room.error.sexOfPanti.${home.sexServed}`] });
    }
    const taken = tx
      .select({ id: rooms.id })
      .from(rooms)
      .where(and(eq(rooms.pantiId, pantiId), eq(rooms.name, input.name)))
      .get();
    if (taken) throw new InvalidInput({ name: ["room.error.nameTaken"] });

    const room = tx
      .insert(rooms)
      .values({ pantiId, name: input.name, sex: input.sex })
      .returning()
      .get();
    const prefix = input.labelPrefix || labelPrefixFor(input.name);
    const labels = nextBedLabels([], input.bedCount, prefix);
    tx.insert(beds)
      .values(labels.map((label) => ({ pantiId, roomId: room.id, label, overflow: input.overflow })))
      .run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "room.create",
      entity: "room",
      entityId: room.id,
      pantiId,
      after: { name: room.name, sex: room.sex, beds: labels, overflow: input.overflow },
    });
    return { roomId: room.id, name: room.name, bedCount: labels.length };
  });
}

export function addBeds(actor: Actor, pantiId: number, input: Omit<AddBedsInput, "intent">) {
  return writeTransaction((tx) => {
    assertCanManage(actor, pantiId);
    const room = tx
      .select()
      .from(rooms)
      .where(and(eq(rooms.id, input.roomId), eq(rooms.pantiId, pantiId)))
      .get();
    if (!room) throw new InvalidInput({ roomId: ["error.choose_option"] });
    const existing = tx.select({ label: beds.label }).from(beds).where(eq(beds.roomId, room.id)).all();
    const existingLabels = existing.map((b) => b.label);
    const prefix = commonPrefix(existingLabels) ?? labelPrefixFor(room.name);
    const labels = nextBedLabels(existingLabels, input.bedCount, prefix);
    tx.insert(beds)
      .values(labels.map((label) => ({ pantiId, roomId: room.id, label, overflow: input.overflow })))
      .run();
    appendAudit(tx, {
      actorId: actor.id,
      action: "bed.create",
      entity: "room",
      entityId: room.id,
      pantiId,
      after: { beds: labels, overflow: input.overflow },
    });
    return { roomName: room.name, bedCount: labels.length };
  });
}

/** The prefix used by most labels of a room ("A" for ...), if any. */
function commonPrefix(labels: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const label of labels) {
    const match = /^([A-Za-z0-9]+)-\d+$/.exec(label);
    if (match) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [prefix, count] of counts) {
    if (count > bestCount) [best, bestCount] = [prefix, count];
  }
  return best;
}
