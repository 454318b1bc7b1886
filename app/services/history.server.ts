/**
 * Writing the past: what the historical imports (the referral import's accepted rows, the stays
 * import) share. `loadHistory` reads what the checks need once (people, the beds of the panti
 * concerned and their whole history); `checkHistory` finds each row's person and every overlap
 * (app/domain/history.ts); `writeStays` inserts the new people, the stays, their beds, exits and
 * follow-ups with prepared statements, inside the caller's transaction.
 */
import { eq, inArray } from "drizzle-orm";
import { bedAssignments, beds, followUps, panti, persons, rooms, stays } from "#db/schema";
import { bedFits } from "~/domain/matching";
import { followUpsToSchedule, isPositiveOutcome, isReentry } from "~/domain/exits";
import {
  bedLabelKey,
  checkOverlaps,
  matchRows,
  PersonIndex,
  type HeldInterval,
  type HistoryIssue,
  type HistoryStay,
  type PersonRef,
} from "~/domain/history";
import type { Sex } from "~/domain/enums";
import type { Actor } from "~/domain/permissions";
import { REHABILITATION_STAGES } from "~/domain/reference";
import { jakartaDate } from "~/domain/time";
import type { AuditEntry, Tx } from "./audit.server";
import { preparedInsert } from "./bulk.server";
import type { db } from "~/utils/db.server";

type Handle = Tx | typeof db;

interface BedInfo {
  id: number;
  label: string;
  roomName: string;
  roomSex: "male" | "female" | "mixed";
  overflow: boolean;
  pantiId: number;
}

export interface HistoryContext {
  index: PersonIndex;
  bedsByLabel: Map<string, BedInfo[]>;
  bedHistory: Map<number, HeldInterval[]>;
  pantiNames: Map<number, string>;
}

const CHUNK = 500;
const FIRST_STAGE = REHABILITATION_STAGES[0].code;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Everyone (for matching), and the beds of the given panti with everyone who ever held them. */
export function loadHistory(tx: Handle, pantiIds: readonly number[]): HistoryContext {
  const people = tx.select({ id: persons.id, nik: persons.nik, name: persons.name, sex: persons.sex, birthYear: persons.birthYear }).from(persons).all();
  const pantiNames = new Map(tx.select({ id: panti.id, name: panti.name }).from(panti).all().map((p) => [p.id, p.name]));
  const bedsByLabel = new Map<string, BedInfo[]>();
  const bedHistory = new Map<number, HeldInterval[]>();
  for (const ids of chunks([...new Set(pantiIds)])) {
    const rows = tx
      .select({ id: beds.id, label: beds.label, roomName: rooms.name, roomSex: rooms.sex, overflow: beds.overflow, pantiId: beds.pantiId })
      .from(beds)
      .innerJoin(rooms, eq(rooms.id, beds.roomId))
      .where(inArray(beds.pantiId, ids))
      .all();
    for (const bed of rows) {
      for (const key of [bedKey(bed.pantiId, bed.label), bedKey(bed.pantiId, `${bed.roomName}/${bed.label}`)]) {
        const list = bedsByLabel.get(key) ?? [];
        list.push(bed);
        bedsByLabel.set(key, list);
      }
    }
    const held = tx
      .select({ bedId: bedAssignments.bedId, from: bedAssignments.fromAt, to: bedAssignments.toAt, pantiId: beds.pantiId })
      .from(bedAssignments)
      .innerJoin(beds, eq(beds.id, bedAssignments.bedId))
      .where(inArray(beds.pantiId, ids))
      .all();
    for (const h of held) {
      const list = bedHistory.get(h.bedId) ?? [];
      list.push({ from: h.from.getTime(), to: h.to?.getTime() ?? null, row: null, pantiName: pantiNames.get(h.pantiId) });
      bedHistory.set(h.bedId, list);
    }
  }
  return { index: new PersonIndex(people), bedsByLabel, bedHistory, pantiNames };
}

const bedKey = (pantiId: number, label: string) => `${pantiId}\u0000${bedLabelKey(label)}`;

/** A bed by its label in the panti ("A-01", or "Room / A-01" when labels repeat across rooms), for the person's sex. */
export function findBed(context: HistoryContext, pantiId: number, label: string, sex: Sex): { bedId: number } | { key: string; params?: Record<string, string> } {
  const found = context.bedsByLabel.get(bedKey(pantiId, label)) ?? [];
  if (found.length === 0) return { key: "history.error.unknownBed", params: { label } };
  if (found.length > 1) return { key: "history.error.bedAmbiguous", params: { label, rooms: found.map((b) => b.roomName).join(", ") } };
  const bed = found[0]!;
  const fits = bedFits({ id: bed.id, label: bed.label, roomName: bed.roomName, roomSex: bed.roomSex, overflow: bed.overflow, inService: true, occupied: false }, sex);
  return fits ? { bedId: bed.id } : { key: "admission.error.bedWrongWard" };
}

/** Stays already recorded for a person, as the overlap check and the writer need them. */
export interface KnownStay extends HeldInterval {
  stayId: number;
  exitOutcome: string | null;
}

/** Each row's person and every overlap with the database or an earlier row. */
export function checkHistory(tx: Handle, context: HistoryContext, rows: readonly HistoryStay[]) {
  const people = matchRows(rows, context.index);
  const known = [...new Set(people.flatMap((p) => (p.kind === "existing" ? [p.personId] : [])))];
  const personStays = new Map<number, KnownStay[]>();
  for (const ids of chunks(known)) {
    const found = tx
      .select({ personId: stays.personId, stayId: stays.id, from: stays.admittedAt, to: stays.exitedAt, pantiId: stays.pantiId, exitOutcome: stays.exitOutcome })
      .from(stays)
      .where(inArray(stays.personId, ids))
      .all();
    for (const s of found) {
      const list = personStays.get(s.personId) ?? [];
      list.push({ from: s.from.getTime(), to: s.to?.getTime() ?? null, row: null, pantiName: context.pantiNames.get(s.pantiId), stayId: s.stayId, exitOutcome: s.exitOutcome });
      personStays.set(s.personId, list);
    }
  }
  const issues: HistoryIssue[] = checkOverlaps(rows, people, personStays, context.bedHistory);
  return { people, personStays, issues };
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

export interface NewPerson {
  nik: string | null;
  kk: string | null;
  name: string | null;
  unidentified: boolean;
  description: string | null;
  sex: Sex;
  birthDate: string | null;
  estimatedBirthYear: number | null;
  birthYear: number | null;
  originProvince: string | null;
  originCity: string | null;
  ppksCategory: string;
  disabilitySubtypes: string[];
}

export interface StayExit {
  exitedAt: Date;
  outcome: string;
  destination: string | null;
  details: Record<string, unknown>;
  notes: string | null;
}

export interface StayWrite {
  row: number;
  person: PersonRef;
  /** The person to create when `person` is new (the first row naming them). */
  newPerson: NewPerson;
  pantiId: number;
  placementId: number | null;
  admittedAt: Date;
  bedId: number | null;
  stage: string | null;
  exit: StayExit | null;
}

/**
 * Inserts the stays (and the people that are new) in admission order, so that each stay knows the
 * person's previous one and whether it is a re-entry. Positive exits get the follow-ups still
 * worth making (none for exits older than the follow-up window). Returns, per write in the order
 * given, the stay and the person.
 */
export function writeStays(
  tx: Tx,
  actor: Actor,
  writes: readonly StayWrite[],
  personStays: ReadonlyMap<number, readonly KnownStay[]>,
  audit: (entry: AuditEntry) => void,
  now: Date,
): { stayId: number; personId: number; followUps: number }[] {
  const insertPerson = preparedInsert(tx, persons, [
    "nik", "kk", "name", "unidentified", "description", "sex", "birthDate", "estimatedBirthYear", "birthYear",
    "originProvince", "originCity", "ppksCategory", "disabilitySubtypes",
  ]);
  const insertStay = preparedInsert(tx, stays, [
    "personId", "pantiId", "placementId", "admittedAt", "currentStage", "exitedAt", "exitOutcome", "exitDestination",
    "exitDetails", "exitNotes", "exitRecordedAt", "exitRecordedBy", "previousStayId", "reentry",
  ]);
  const insertBed = preparedInsert(tx, bedAssignments, ["stayId", "bedId", "fromAt", "toAt"]);
  const insertFollowUp = preparedInsert(tx, followUps, ["stayId", "pantiId", "sequence", "dueDate"]);
  const today = jakartaDate(now);

  const newIds = new Map<number, number>();
  const last = new Map<number, { id: number; admittedAt: number; exitOutcome: string | null }>();
  for (const [personId, list] of personStays) {
    for (const s of list) {
      const seen = last.get(personId);
      if (!seen || s.from > seen.admittedAt) last.set(personId, { id: s.stayId, admittedAt: s.from, exitOutcome: s.exitOutcome });
    }
  }
  const order = writes.map((_, i) => i).sort((a, b) => writes[a]!.admittedAt.getTime() - writes[b]!.admittedAt.getTime() || a - b);
  const result: { stayId: number; personId: number; followUps: number }[] = new Array(writes.length);
  for (const i of order) {
    const w = writes[i]!;
    let personId: number;
    // A new person is recorded in the audit row of their first stay (one row per stay, not two).
    let created = false;
    if (w.person.kind === "existing") {
      personId = w.person.personId;
    } else {
      const made = newIds.get(w.person.firstRow);
      if (made === undefined) {
        personId = insertPerson(w.newPerson);
        newIds.set(w.person.firstRow, personId);
        created = true;
      } else {
        personId = made;
      }
    }
    // The previous stay is the latest admitted before this one (of the database or the file).
    const previous = last.get(personId);
    const before = previous && previous.admittedAt < w.admittedAt.getTime() ? previous : null;
    const stayId = insertStay({
      personId,
      pantiId: w.pantiId,
      placementId: w.placementId,
      admittedAt: w.admittedAt,
      currentStage: w.stage ?? FIRST_STAGE,
      exitedAt: w.exit?.exitedAt ?? null,
      exitOutcome: w.exit?.outcome ?? null,
      exitDestination: w.exit?.destination ?? null,
      exitDetails: w.exit?.details ?? null,
      exitNotes: w.exit?.notes ?? null,
      exitRecordedAt: w.exit ? now : null,
      exitRecordedBy: w.exit ? actor.id : null,
      previousStayId: before?.id ?? null,
      reentry: isReentry(before ? { exitOutcome: before.exitOutcome } : null, false),
    });
    if (!previous || w.admittedAt.getTime() > previous.admittedAt) last.set(personId, { id: stayId, admittedAt: w.admittedAt.getTime(), exitOutcome: w.exit?.outcome ?? null });
    if (w.bedId !== null) insertBed({ stayId, bedId: w.bedId, fromAt: w.admittedAt, toAt: w.exit?.exitedAt ?? null });
    let scheduled = 0;
    if (w.exit && isPositiveOutcome(w.exit.outcome)) {
      for (const due of followUpsToSchedule(w.exit.exitedAt, today)) {
        insertFollowUp({ stayId, pantiId: w.pantiId, sequence: due.sequence, dueDate: due.dueDate });
        scheduled++;
      }
    }
    audit({
      actorId: actor.id,
      action: "stay.import",
      entity: "stay",
      entityId: stayId,
      pantiId: w.pantiId,
      after: {
        row: w.row,
        personId,
        person: w.person.kind === "existing" ? w.person.reason : created ? "created" : "new",
        placementId: w.placementId,
        bedId: w.bedId,
        admittedAt: w.admittedAt.toISOString(),
        exitedAt: w.exit?.exitedAt.toISOString() ?? null,
        outcome: w.exit?.outcome ?? null,
        followUps: scheduled,
      },
      at: now,
    });
    result[i] = { stayId, personId, followUps: scheduled };
  }
  return result;
}
