/**
 * Bed history is one truth: random admissions (to a chosen bed or an overflow place), bed moves,
 * exits and undone exits, each dated anywhere in a month and applied in any order through the
 * services. Whatever the services accept or refuse, afterwards:
 * - no bed holds two stays at the same time, and every bed assignment lies within its stay;
 * - a person is in one stay at a time (one open stay, no overlapping stays);
 * - the census history the dashboard shows equals, for every day, the stays open at its end.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { Conflict, InvalidInput, NotFound } from "~/domain/errors";
import { exitSchema } from "~/domain/exits";
import { startOfJakartaDay } from "~/domain/reports";
import { censusHistory } from "~/queries/reports.server";
import { recordExit, undoExit } from "~/services/exits.server";
import { acceptPlacement, createPlacement } from "~/services/placements.server";
import { moveBed } from "~/services/residents.server";
import { db } from "~/utils/db.server";
import { createPanti, createRoom, createUser, referralInput } from "../factories";

const MONTH_START = Date.parse("2026-03-01T00:00:00+07:00");
const DAYS = 30;
const HOUR = 3_600_000;
/** The clock of every operation: the services refuse what is dated in the future. */
const NOW = new Date(MONTH_START + (DAYS + 1) * 24 * HOUR);

type Op =
  | { kind: "admit"; person: number; bed: number | "overflow"; hour: number }
  | { kind: "move"; person: number; bed: number | "overflow"; hour: number }
  | { kind: "exit"; person: number; hour: number }
  | { kind: "undo"; person: number };

const PEOPLE = 6;
const BEDS = 3;
const at = (hour: number) => new Date(MONTH_START + hour * HOUR);
const hourArb = fc.integer({ min: 0, max: DAYS * 24 - 1 });
const personArb = fc.integer({ min: 0, max: PEOPLE - 1 });
const bedArb = fc.oneof(fc.integer({ min: 0, max: BEDS - 1 }), fc.constant("overflow" as const));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("admit" as const), person: personArb, bed: bedArb, hour: hourArb }),
  fc.record({ kind: fc.constant("move" as const), person: personArb, bed: bedArb, hour: hourArb }),
  fc.record({ kind: fc.constant("exit" as const), person: personArb, hour: hourArb }),
  fc.record({ kind: fc.constant("undo" as const), person: personArb }),
);

/** Runs one random history in a panti of its own and checks the invariants. */
function runHistory(ops: Op[]): void {
  const home = createPanti({ type: "intake" });
  const { beds } = createRoom(home.id, BEDS, { sex: "male" });
  const admin = createUser("panti_admin", home.id);
  const outreach = createUser("outreach", null, "sudin_jakbar");
  const personIds: (number | null)[] = Array.from({ length: PEOPLE }, () => null);
  const openStay: (number | null)[] = Array.from({ length: PEOPLE }, () => null);
  const lastStay: (number | null)[] = Array.from({ length: PEOPLE }, () => null);
  const bedId = (b: number | "overflow") => (b === "overflow" ? ("overflow" as const) : beds[b]!.id);

  for (const op of ops) {
    try {
      if (op.kind === "admit") {
        if (openStay[op.person] != null) continue;
        const referral = createPlacement(outreach.actor, referralInput(home.id, { personName: `Orang Acak ${op.person}`, foundAt: at(0) }));
        const existing = personIds[op.person];
        const result = acceptPlacement(admin.actor, referral.id, { bed: bedId(op.bed), person: existing ?? "new", admittedAt: at(op.hour) }, NOW);
        personIds[op.person] = result.personId;
        openStay[op.person] = result.stayId;
        lastStay[op.person] = result.stayId;
      } else if (op.kind === "move") {
        const stayId = openStay[op.person];
        if (stayId == null) continue;
        moveBed(admin.actor, stayId, bedId(op.bed), at(op.hour));
      } else if (op.kind === "exit") {
        const stayId = openStay[op.person];
        if (stayId == null) continue;
        const exitedAt = at(op.hour).toISOString();
        const input = exitSchema.parse({ outcome: "absconded", exitedAt: toJakartaInput(exitedAt) });
        recordExit(admin.actor, stayId, input, NOW);
        openStay[op.person] = null;
      } else {
        const stayId = lastStay[op.person];
        if (stayId == null || openStay[op.person] != null) continue;
        undoExit(admin.actor, stayId, "Salah catat", NOW);
        openStay[op.person] = stayId;
      }
    } catch (error) {
      // A refusal is an answer; anything else is a bug.
      if (!(error instanceof Conflict || error instanceof InvalidInput || error instanceof NotFound)) throw error;
    }
  }
  checkInvariants(home.id);
}

/** "2026-03-04T10:00" in Jakarta, as the exit form sends it. */
function toJakartaInput(iso: string): string {
  return new Date(Date.parse(iso) + 7 * HOUR).toISOString().slice(0, 16);
}

function checkInvariants(pantiId: number): void {
  const overlappingBeds = db.all(sql`
    select a.id, b.id from bed_assignments a
    join bed_assignments b on a.bed_id = b.bed_id and a.id < b.id
    join beds on beds.id = a.bed_id
    where beds.panti_id = ${pantiId}
      and a.from_at < coalesce(b.to_at, 9e15) and b.from_at < coalesce(a.to_at, 9e15)`);
  expect(overlappingBeds, "a bed held by two stays at once").toEqual([]);

  const outsideStay = db.all(sql`
    select ba.id from bed_assignments ba join stays s on s.id = ba.stay_id
    where s.panti_id = ${pantiId}
      and (ba.from_at < s.admitted_at or (ba.to_at is not null and ba.to_at < ba.from_at)
           or (s.exited_at is not null and (ba.to_at is null or ba.to_at > s.exited_at)))`);
  expect(outsideStay, "a bed assignment outside its stay").toEqual([]);

  const overlappingStays = db.all(sql`
    select a.id, b.id from stays a join stays b on a.person_id = b.person_id and a.id < b.id
    where a.panti_id = ${pantiId}
      and a.admitted_at < coalesce(b.exited_at, 9e15) and b.admitted_at < coalesce(a.exited_at, 9e15)`);
  expect(overlappingStays, "one person in two stays at once").toEqual([]);

  const history = censusHistory({ from: "2026-03-01", to: "2026-03-30", pantiId });
  for (const { day, census } of history) {
    const endOfDay = startOfJakartaDay(day).getTime() + 24 * HOUR;
    const open = db.get<{ n: number }>(sql`
      select count(*) as n from stays
      where panti_id = ${pantiId} and admitted_at < ${endOfDay} and (exited_at is null or exited_at >= ${endOfDay})`).n;
    expect(census, `census on ${day}`).toBe(open);
  }
}

describe("bed history under random admissions, moves and exits in any date order", () => {
  it("keeps one stay per bed at a time, one stay per person, and a census equal to the open stays", () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), (ops) => {
        runs++;
        runHistory(ops);
      }),
      { seed: 20261201, numRuns: 200 },
    );
    expect(runs).toBe(200);
  });

  it("refuses a back-dated admission onto a bed someone held since that date", () => {
    const home = createPanti({ type: "intake" });
    const { beds } = createRoom(home.id, 1, { sex: "male" });
    const admin = createUser("panti_admin", home.id);
    const outreach = createUser("outreach", null, "sudin_jakbar");
    const first = createPlacement(outreach.actor, referralInput(home.id, { personName: "Budi Pertama", foundAt: at(0) }));
    const { stayId } = acceptPlacement(admin.actor, first.id, { bed: beds[0]!.id, person: "new", admittedAt: at(100) }, NOW);
    recordExit(admin.actor, stayId, exitSchema.parse({ outcome: "absconded", exitedAt: toJakartaInput(at(300).toISOString()) }), NOW);
    const second = createPlacement(outreach.actor, referralInput(home.id, { personName: "Joko Kedua", foundAt: at(0) }));
    expect(() => acceptPlacement(admin.actor, second.id, { bed: beds[0]!.id, person: "new", admittedAt: at(200) }, NOW)).toThrow(Conflict);
    // After the first one left, the bed is free.
    expect(acceptPlacement(admin.actor, second.id, { bed: beds[0]!.id, person: "new", admittedAt: at(301) }, NOW).bedId).toBe(beds[0]!.id);
  });
});
