/**
 * The review panels read calendar buckets from indexes (decision 019); they must give exactly the
 * figures derived straight from the rows. Random stays and referrals, many of them a few
 * milliseconds either side of midnight in Jakarta, in random panti of several types and kota;
 * for random periods and filters, every panel equals the same figure counted here in JavaScript
 * from the rows themselves (the census as the stays open at the end of each day).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { panti, persons, placements, stays } from "#db/schema";
import { EXIT_OUTCOMES, OUTREACH_UNITS, PPKS_CATEGORIES } from "~/domain/reference";
import { addDays, daysInRange, losSummary, periodInstants, startOfJakartaDay, type ReportFilter } from "~/domain/reports";
import { jakartaDate } from "~/domain/time";
import { censusHistory, exitsPanel, intakePanel, lengthOfStayPanel, reentryPanel } from "~/queries/reports.server";
import { db } from "~/utils/db.server";
import { createPanti } from "../factories";

const DAY = 86_400_000;
const FIRST_DAY = "2025-12-20";
const SPAN_DAYS = 60;
const EDGES = [0, 1, -1, 7 * 3_600_000, DAY - 1];

const dayArb = fc.integer({ min: 0, max: SPAN_DAYS - 1 });
/** An instant on a random day: often right at a Jakarta midnight, or a millisecond either side. */
const instantArb = fc
  .tuple(dayArb, fc.oneof(fc.constantFrom(...EDGES), fc.integer({ min: 0, max: DAY - 1 })))
  .map(([day, offset]) => startOfJakartaDay(FIRST_DAY).getTime() + day * DAY + offset);

const stayArb = fc.record({
  panti: fc.nat(5),
  admitted: instantArb,
  /** null: still open; otherwise the length in ms (0 = left the same instant). */
  length: fc.option(fc.oneof(fc.constantFrom(0, 1, DAY - 1, DAY, DAY + 1), fc.integer({ min: 0, max: 40 * DAY })), { nil: null }),
  outcome: fc.constantFrom(...EXIT_OUTCOMES.map((o) => o.code)),
  reentry: fc.boolean(),
});
const referralArb = fc.record({
  panti: fc.nat(5),
  found: instantArb,
  unit: fc.option(fc.constantFrom(...OUTREACH_UNITS.map((u) => u.code)), { nil: null }),
  category: fc.constantFrom(...PPKS_CATEGORIES.slice(0, 5).map((c) => c.code)),
});
const filterArb = fc.record({
  from: dayArb,
  days: fc.integer({ min: 1, max: SPAN_DAYS }),
  long: fc.boolean(),
  narrow: fc.constantFrom("none", "panti", "type", "kota", "type+kota"),
  panti: fc.nat(5),
});

type StayRow = typeof stays.$inferSelect;
type PlacementRow = typeof placements.$inferSelect;

/** The same figures, counted from the rows of the filtered panti. */
function derived(filter: ReportFilter, inFilter: (pantiId: number) => boolean, typeOf: Map<number, string>) {
  const { start, end } = periodInstants(filter);
  const allStays = db.select().from(stays).all().filter((s) => inFilter(s.pantiId));
  const allReferrals = db.select().from(placements).all().filter((p) => inFilter(p.targetPantiId));
  const t = (d: Date | null) => d?.getTime() ?? null;
  const inPeriod = (d: Date | null) => d != null && d >= start && d < end;
  const tally = <T,>(rows: T[], key: (r: T) => string) => {
    const out = new Map<string, number>();
    for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + 1);
    return out;
  };
  const census = daysInRange(filter.from, filter.to).map((day) => {
    const endOfDay = startOfJakartaDay(day).getTime() + DAY;
    const open = allStays.filter((s) => t(s.admittedAt)! < endOfDay && (s.exitedAt == null || t(s.exitedAt)! >= endOfDay));
    return { day, census: open.length };
  });
  const found = allReferrals.filter((p: PlacementRow) => inPeriod(p.foundAt));
  const ended = allStays.filter((s: StayRow) => inPeriod(s.exitedAt));
  const byType = new Map<string, { days: number; n: number }[]>();
  for (const s of ended) {
    const type = typeOf.get(s.pantiId)!;
    byType.set(type, [...(byType.get(type) ?? []), { days: Math.floor((t(s.exitedAt)! - t(s.admittedAt)!) / DAY), n: 1 }]);
  }
  const admitted = allStays.filter((s) => inPeriod(s.admittedAt));
  return {
    census,
    byUnit: tally(found, (p) => `${jakartaDate(p.foundAt).slice(0, 7)} ${p.outreachUnit}`),
    byCategory: tally(found, (p) => p.ppksCategory),
    byOutcome: tally(ended, (s) => s.exitOutcome!),
    los: new Map([...byType.entries()].map(([type, list]) => [type, losSummary(list)])),
    admissions: admitted.length,
    reentries: admitted.filter((s) => s.reentry).length,
  };
}

describe("review panels", () => {
  it("equal the figures derived from the rows, at every Jakarta midnight edge", () => {
    const home = [
      createPanti({ type: "intake", kota: "Jakarta Barat" }),
      createPanti({ type: "intake", kota: "Jakarta Timur" }),
      createPanti({ type: "elderly", kota: "Jakarta Barat" }),
      createPanti({ type: "children", kota: "Jakarta Timur" }),
      createPanti({ type: "elderly", kota: "Jakarta Timur" }),
      createPanti({ type: "children", kota: "Jakarta Barat" }),
    ];
    const typeOf = new Map(db.select({ id: panti.id, type: panti.type }).from(panti).all().map((p) => [p.id, p.type as string]));

    fc.assert(
      fc.property(fc.array(stayArb, { maxLength: 30 }), fc.array(referralArb, { maxLength: 30 }), fc.array(filterArb, { minLength: 1, maxLength: 4 }), (stayRows, referrals, filters) => {
        db.delete(stays).run();
        db.delete(placements).run();
        for (const s of stayRows) {
          const person = db.insert(persons).values({ name: "Warga", sex: "male" }).returning({ id: persons.id }).get();
          db.insert(stays)
            .values({
              personId: person.id,
              pantiId: home[s.panti]!.id,
              admittedAt: new Date(s.admitted),
              exitedAt: s.length == null ? null : new Date(s.admitted + s.length),
              exitOutcome: s.length == null ? null : s.outcome,
              reentry: s.reentry,
            })
            .run();
        }
        for (const r of referrals) {
          db.insert(placements)
            .values({
              outreachUnit: r.unit,
              officerName: "Petugas",
              foundAt: new Date(r.found),
              reachMethod: "patrol",
              sex: "male",
              ppksCategory: r.category,
              targetPantiId: home[r.panti]!.id,
            })
            .run();
        }
        for (const f of filters) {
          const from = f.long ? addDays(FIRST_DAY, -3 * 366 - f.from) : addDays(FIRST_DAY, f.from);
          const to = f.long ? addDays(FIRST_DAY, f.days) : addDays(from, f.days - 1);
          const one = home[f.panti]!;
          const filter: ReportFilter = {
            from,
            to,
            pantiId: f.narrow === "panti" ? one.id : undefined,
            type: f.narrow.includes("type") ? one.type : undefined,
            kota: f.narrow.includes("kota") ? one.kota! : undefined,
          };
          const inFilter = (pantiId: number) => {
            const p = home.find((h) => h.id === pantiId)!;
            return (filter.pantiId == null || p.id === filter.pantiId) && (!filter.type || p.type === filter.type) && (!filter.kota || p.kota === filter.kota);
          };
          const want = derived(filter, inFilter, typeOf);

          expect(censusHistory(filter)).toEqual(want.census);
          const intake = intakePanel(filter);
          expect(new Map(intake.byUnit.map((r) => [`${r.month} ${r.unit}`, r.n]))).toEqual(want.byUnit);
          expect(new Map(intake.byCategory.map((r) => [r.category, r.n]))).toEqual(want.byCategory);
          expect(intake.byCategory.map((r) => r.n)).toEqual([...want.byCategory.values()].sort((a, b) => b - a));
          const exits = exitsPanel(filter);
          expect(new Map(exits.byOutcome.map((r) => [r.outcome, r.n]))).toEqual(want.byOutcome);
          expect(new Map(lengthOfStayPanel(filter).map(({ type, ...summary }) => [type, summary]))).toEqual(want.los);
          expect(reentryPanel(filter)).toMatchObject({ admissions: want.admissions, reentries: want.reentries });
        }
      }),
      { numRuns: 60 },
    );
  });
});
