import * as z from "zod/mini";
import { checkbox, idField } from "./fields";
import { BED_SHOWS } from "./bed-board";
import { BED_STATUSES, ROOM_SEXES, type RoomSex } from "./enums";

const id = idField();

export const setBedStatusSchema = z.object({
  intent: z.literal("bed-status"),
  bedId: id,
  status: z.enum(BED_STATUSES),
  /** The status the user saw: a stale form is refused instead of flipping the bed back. */
  expectedStatus: z.enum(BED_STATUSES),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(200))),
}).check(z.refine((v) => v.status !== "out_of_service" || (v.reason && v.reason.length >= 3), {
  path: ["reason"],
  message: "bed.error.reasonRequired",
}));
export type SetBedStatusInput = z.output<typeof setBedStatusSchema>;

/** The bed board's filter and search (the room is an id of the query string, read apart). */
export const boardFilterSchema = z.object({
  show: z.catch(z.enum(BED_SHOWS), "all"),
  q: z.catch(z.string().check(z.trim(), z.maxLength(100)), ""),
});

export const MAX_BEDS_PER_ACTION = 200;

export const addRoomSchema = z.object({
  intent: z.literal("add-room"),
  name: z.string().check(z.trim(), z.minLength(2), z.maxLength(80)),
  sex: z.enum(ROOM_SEXES),
  bedCount: z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_BEDS_PER_ACTION)),
  labelPrefix: z.optional(z.string().check(z.trim(), z.maxLength(6), z.regex(/^[A-Za-z0-9]*$/, "bed.error.prefix"))),
  overflow: checkbox(),
});
export type AddRoomInput = z.output<typeof addRoomSchema>;

export const addBedsSchema = z.object({
  intent: z.literal("add-beds"),
  roomId: id,
  bedCount: z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_BEDS_PER_ACTION)),
  overflow: checkbox(),
});
export type AddBedsInput = z.output<typeof addBedsSchema>;

/**
 * The next `count` bed labels for a room: PREFIX-NN continuing after the highest number in use
 * with that prefix (labels that do not follow the pattern are left alone).
 */
export function nextBedLabels(existing: readonly string[], count: number, prefix: string): string[] {
  const pattern = new RegExp(`^${prefix.replace(/[^A-Za-z0-9]/g, "")}-(\\d+)$`);
  let highest = 0;
  for (const label of existing) {
    const match = pattern.exec(label);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  const width = Math.max(2, String(highest + count).length);
  const labels: string[] = [];
  for (let i = 1; i <= count; i++) {
    labels.push(`${prefix}-${String(highest + i).padStart(width, "0")}`);
  }
  return labels;
}

/** A default label prefix from a room name: its initials, e.g. "Wisma Melati 2" → "WM2". */
export function labelPrefixFor(roomName: string): string {
  const words = roomName.trim().split(/\s+/).filter(Boolean);
  const prefix = words
    .map((w) => (/^\d+$/.test(w) ? w : w[0]!.toUpperCase()))
    .join("")
    .replace(/[^A-Za-z0-9]/g, "");
  return prefix.slice(0, 6) || "B";
}

/** Whether a room of this sex fits a panti that serves `served`. */
export function roomFitsPanti(sex: RoomSex, served: "male" | "female" | "any"): boolean {
  if (served === "any") return true;
  return sex === served;
}
