/**
 * The measure reports on a real database, with figures worked out by hand: returns after a
 * positive exit, length of stay, data quality; each drill-down lists exactly the people counted.
 */
import { describe, expect, it } from "vitest";
import { bedAssignments, persons, placements, stageHistory, stays } from "#db/schema";
import { dataQualityPeople, dataQualityReport, lengthOfStayReport, returnsPeople, returnsReport } from "~/queries/measures.server";
import { stayList } from "~/queries/reports.server";
import { db } from "~/utils/db.server";
import { createPanti, createRoom, createUser } from "../factories";

/** An instant given as Jakarta wall-clock time. */
const wib = (local: string) => new Date(`${local}+07:00`);
const NOW = wib("2026-06-01T10:00:00");

type PersonInput = Partial<typeof persons.$inferInsert>;
let people = 0;
let nik = 3171010101800000;
function person(overrides: PersonInput = {}) {
  return db
    .insert(persons)
    .values({ name: `Orang ${++people}`, sex: "male", ...overrides })
    .returning()
    .get();
}

function stay(personId: number, pantiId: number, admitted: string, overrides: Partial<typeof stays.$inferInsert> = {}) {
  const admittedAt = wib(admitted);
  return db
    .insert(stays)
    .values({ personId, pantiId, admittedAt, createdAt: admittedAt, ...overrides })
    .returning()
    .get();
}

/** A stay that ended with an outcome, its exit recorded when it happened unless told otherwise. */
function ended(personId: number, pantiId: number, admitted: string, exited: string, outcome: string, overrides: Partial<typeof stays.$inferInsert> = {}) {
  return stay(personId, pantiId, admitted, { exitedAt: wib(exited), exitOutcome: outcome, exitRecordedAt: wib(exited), ...overrides });
}

function referral(personId: number, pantiId: number, found: string) {
  db.insert(placements)
    .values({ outreachUnit: "sudin_jakbar", officerName: "Rudi", foundAt: wib(found), reachMethod: "patrol", sex: "male", ppksCategory: "gelandangan", targetPantiId: pantiId, personId, status: "declined" })
    .run();
}

describe("returns after a positive exit", () => {
  function scenario() {
    const a = createPanti({ type: "intake" });
    const b = createPanti({ type: "elderly" });
    const p = Array.from({ length: 9 }, () => person());
    // P1: home to family 10 Jan 2024, admitted again in B on day 51.
    const s1 = ended(p[1]!.id, a.id, "2023-12-01T10:00:00", "2024-01-10T10:00:00", "returned_family");
    stay(p[1]!.id, b.id, "2024-03-01T10:00:00");
    // P2: repatriated 15 Jan 2024, referred again on day 230 (before the stay of day 260).
    const s2 = ended(p[2]!.id, a.id, "2023-12-01T10:00:00", "2024-01-15T10:00:00", "repatriated_home_region");
    referral(p[2]!.id, a.id, "2024-09-01T10:00:00");
    ended(p[2]!.id, a.id, "2024-10-01T10:00:00", "2024-10-20T10:00:00", "own_request");
    // P3: independent 1 Feb 2024 from B, back on day 486.
    const s3 = ended(p[3]!.id, b.id, "2023-06-01T10:00:00", "2024-02-01T10:00:00", "independent_living");
    stay(p[3]!.id, a.id, "2025-06-01T10:00:00");
    // P4: home to family, never back.
    const s4 = ended(p[4]!.id, a.id, "2024-01-20T10:00:00", "2024-02-10T10:00:00", "returned_family");
    // P5: absconded and back: not a positive exit.
    ended(p[5]!.id, a.id, "2024-01-20T10:00:00", "2024-02-15T10:00:00", "absconded");
    stay(p[5]!.id, a.id, "2024-03-01T10:00:00", { exitedAt: wib("2024-03-05T10:00:00"), exitOutcome: "absconded" });
    // P6: two positive exits in the period: the first counts, the second stay is the return (day 27).
    const s6 = ended(p[6]!.id, a.id, "2023-12-20T10:00:00", "2024-01-05T10:00:00", "returned_family");
    ended(p[6]!.id, a.id, "2024-02-01T10:00:00", "2024-03-10T10:00:00", "returned_family");
    // P7 left at 23:30 WIB on 31 Dec 2023 (outside); P8 at 00:30 WIB on 1 Jan 2024 (inside), both still in UTC 2023.
    ended(p[7]!.id, a.id, "2023-12-01T10:00:00", "2023-12-31T23:30:00", "returned_family");
    const s8 = ended(p[8]!.id, a.id, "2023-12-01T10:00:00", "2024-01-01T00:30:00", "returned_family");
    return { a, b, s1, s2, s3, s4, s6, s8 };
  }
  const period = { from: "2024-01-01", to: "2024-03-31" };

  it("counts each person's first positive exit and their first return in 0–180, 181–365 and 366–730 days", () => {
    const { a, b, s1, s2, s3, s6 } = scenario();
    const dinsos = createUser("dinsos_viewer").actor;
    const report = returnsReport(dinsos, period, NOW);
    const own = (rows: typeof report.byType) => rows.filter((r) => r.key === "intake" || r.key === "elderly");
    expect(report.total.exits).toBe(6);
    expect(report.total.m6).toEqual({ eligible: 6, pending: 0, returned: 2, pct: 33.3 });
    expect(report.total.m12).toEqual({ eligible: 6, pending: 0, returned: 1, pct: 16.7 });
    expect(report.total.m24).toEqual({ eligible: 6, pending: 0, returned: 1, pct: 16.7 });
    expect(report.total.total).toEqual({ eligible: 6, pending: 0, returned: 4, pct: 66.7 });
    const byOutcome = Object.fromEntries(report.byOutcome.map((r) => [r.key, [r.exits, r.m6.returned, r.m12.returned, r.m24.returned, r.total.returned]]));
    expect(byOutcome).toEqual({ returned_family: [4, 2, 0, 0, 2], repatriated_home_region: [1, 0, 1, 0, 1], independent_living: [1, 0, 0, 1, 1] });
    expect(own(report.byType).map((r) => [r.key, r.exits, r.m6.returned, r.m12.returned, r.m24.returned])).toEqual([
      ["intake", 5, 2, 1, 0],
      ["elderly", 1, 0, 0, 1],
    ]);

    // The drill-downs list exactly the people counted.
    const ids = (drill: Parameters<typeof returnsPeople>[2]) => returnsPeople(dinsos, period, drill, NOW).all.map((r) => r.stayId).sort((x, y) => x - y);
    expect(ids({ show: "returned", window: "m6" })).toEqual([s1.id, s6.id].sort((x, y) => x - y));
    expect(ids({ show: "returned", window: "m12" })).toEqual([s2.id]);
    expect(ids({ show: "returned", window: "m24", type: "elderly" })).toEqual([s3.id]);
    expect(ids({ show: "exits", outcome: "returned_family" })).toHaveLength(4);
    const p2 = returnsPeople(dinsos, period, { show: "returned", window: "m12" }, NOW).list.rows[0]!;
    expect(p2).toMatchObject({ returnKind: "referral", returnDays: 230 });

    // B's admin sees B's exits only: P3, not P1 who came back to B.
    const adminB = createUser("panti_admin", b.id).actor;
    const mine = returnsReport(adminB, period, NOW);
    expect(mine.total.exits).toBe(1);
    expect(mine.total.m24.returned).toBe(1);
    expect(returnsPeople(adminB, period, { show: "exits" }, NOW).all.map((r) => r.stayId)).toEqual([s3.id]);
    expect(returnsPeople(adminB, period, { show: "exits", type: "intake" }, NOW).all).toEqual([]);
    expect(a.id).not.toBe(b.id);
  });

  it("leaves out exits whose window is not complete yet, and says so", () => {
    const c = createPanti({ type: "homeless" });
    const p = person();
    ended(p.id, c.id, "2025-11-01T10:00:00", "2025-12-01T10:00:00", "returned_family");
    const q = person();
    ended(q.id, c.id, "2025-11-01T10:00:00", "2026-01-10T10:00:00", "adopted");
    const adminC = createUser("panti_admin", c.id).actor;
    // 1 Dec 2025 + 180 days = 30 May 2026 (past on 1 June); 10 Jan 2026 + 180 = 9 July 2026.
    const report = returnsReport(adminC, { from: "2025-12-01", to: "2026-01-31" }, NOW);
    expect(report.total.exits).toBe(2);
    expect(report.total.m6).toEqual({ eligible: 1, pending: 1, returned: 0, pct: 0 });
    expect(report.total.m12).toEqual({ eligible: 0, pending: 2, returned: 0, pct: null });
    expect(returnsPeople(adminC, { from: "2025-12-01", to: "2026-01-31" }, { show: "eligible", window: "m6" }, NOW).all).toHaveLength(1);
  });
});

describe("length of stay by outcome and panti type", () => {
  it("gives count, median, mean and p90 in Jakarta calendar days, and the stays list holds the same stays", () => {
    const c = createPanti({ type: "children" });
    const d = createPanti({ type: "youth" });
    const p = () => person().id;
    ended(p(), c.id, "2025-01-01T08:00:00", "2025-01-11T08:00:00", "returned_family"); // 10
    ended(p(), c.id, "2024-12-31T23:30:00", "2025-01-02T00:30:00", "absconded"); // 2 calendar days (25 hours)
    ended(p(), c.id, "2024-12-01T10:00:00", "2025-01-30T10:00:00", "returned_family"); // 60
    ended(p(), d.id, "2024-10-03T10:00:00", "2025-01-31T23:59:00", "returned_family"); // 120
    ended(p(), d.id, "2024-10-03T10:00:00", "2025-02-01T00:01:00", "returned_family"); // after the period
    ended(p(), d.id, "2025-01-20T10:00:00", "2025-01-25T10:00:00", "absconded"); // 5
    const period = { from: "2025-01-01", to: "2025-01-31" };
    const dinsos = createUser("dinsos_admin").actor;
    const report = lengthOfStayReport(dinsos, period);
    expect(report.byOutcome).toEqual([
      { key: "returned_family", n: 3, median: 60, mean: 63.3, p90: 120 },
      { key: "absconded", n: 2, median: 3.5, mean: 3.5, p90: 5 },
    ]);
    expect(report.byType).toEqual([
      { key: "children", n: 3, median: 10, mean: 24, p90: 60 },
      { key: "youth", n: 2, median: 62.5, mean: 62.5, p90: 120 },
    ]);
    expect(report.total).toEqual({ n: 5, median: 10, mean: 39.4, p90: 120 });
    expect(stayList(dinsos, { ...period, outcome: "returned_family" }).total).toBe(3);
    expect(stayList(dinsos, { ...period, type: "youth" }).total).toBe(2);
    // D's admin: D's stays only.
    const adminD = createUser("panti_admin", d.id).actor;
    expect(lengthOfStayReport(adminD, period).total).toEqual({ n: 2, median: 62.5, mean: 62.5, p90: 120 });
  });
});

describe("data quality per panti", () => {
  function scenario() {
    const e = createPanti({ type: "intake" });
    const f = createPanti({ type: "intake" });
    const { beds } = createRoom(e.id, 5);
    const bed = (stayId: number, i: number, from: string) => db.insert(bedAssignments).values({ stayId, bedId: beds[i]!.id, fromAt: wib(from) }).run();
    const complete = { nik: null as string | null, birthYear: 1980, estimatedBirthYear: 1980, originProvince: "DKI Jakarta", originCity: "Jakarta Barat" };
    const identified = () => ({ ...complete, nik: String(++nik) });
    // R1: complete, stage changed 20 May.
    const r1 = stay(person(identified()).id, e.id, "2026-05-01T10:00:00");
    bed(r1.id, 0, "2026-05-01T10:00:00");
    db.insert(stageHistory).values({ stayId: r1.id, stage: "asesmen", enteredAt: wib("2026-05-20T10:00:00") }).run();
    // R2: unidentified since 30 April (32 days), nothing known, no bed.
    const r2 = stay(person({ name: null, unidentified: true }).id, e.id, "2026-04-30T22:00:00");
    // R3: unidentified since 2 May 00:30 (30 days: not yet), no NIK, admission entered 7 days later (not late).
    const r3 = stay(person({ ...complete, name: null, unidentified: true }).id, e.id, "2026-05-02T00:30:00", { createdAt: wib("2026-05-09T23:00:00") });
    bed(r3.id, 1, "2026-05-02T00:30:00");
    // R4: stage unchanged since 3 March 23:00 (90 days); R5 since 4 March 01:00 (89 days).
    const r4 = stay(person(identified()).id, e.id, "2026-01-01T10:00:00");
    bed(r4.id, 2, "2026-01-01T10:00:00");
    db.insert(stageHistory).values({ stayId: r4.id, stage: "asesmen", enteredAt: wib("2026-03-03T23:00:00") }).run();
    const r5 = stay(person(identified()).id, e.id, "2026-01-01T10:00:00");
    bed(r5.id, 3, "2026-01-01T10:00:00");
    db.insert(stageHistory).values({ stayId: r5.id, stage: "asesmen", enteredAt: wib("2026-03-04T01:00:00") }).run();
    // X1: exit on 10 May entered 8 days later; X2: admission on 3 May entered 9 days later.
    const x1 = ended(person(identified()).id, e.id, "2026-03-01T10:00:00", "2026-05-10T10:00:00", "returned_family", { exitRecordedAt: wib("2026-05-18T09:00:00") });
    const x2 = ended(person(identified()).id, e.id, "2026-05-03T10:00:00", "2026-05-20T10:00:00", "absconded", { createdAt: wib("2026-05-12T10:00:00") });
    // F: one resident without a NIK.
    const r6 = stay(person({ name: "Warga Panti Lain" }).id, f.id, "2026-05-05T10:00:00");
    return { e, f, r1, r2, r3, r4, r5, r6, x1, x2 };
  }
  const period = { from: "2026-05-01", to: "2026-05-31" };

  it("counts each check per panti with its share, and lists exactly the people counted", () => {
    const { e, f, r2, r3, r4, r5, x1, x2 } = scenario();
    const admin = createUser("panti_admin", e.id).actor;
    const report = dataQualityReport(admin, period, {}, NOW);
    expect(report.rows).toHaveLength(1);
    const row = report.rows[0]!;
    expect(row).toMatchObject({ id: e.id, residents: 5, admissions: 3, exits: 2 });
    expect(row.counts).toEqual({ missing_nik: 2, missing_birth_year: 1, missing_origin: 1, unidentified: 1, no_bed: 1, no_stage_change: 1, late_admission: 1, late_exit: 1 });
    expect(row.pct).toMatchObject({ missing_nik: 40, missing_birth_year: 20, no_stage_change: 20, late_admission: 33.3, late_exit: 50 });

    const ids = (check: Parameters<typeof dataQualityPeople>[2]["check"], extra: { days?: number; panti?: number } = {}) =>
      dataQualityPeople(admin, period, { check, ...extra }, NOW).all.map((r) => r.stayId);
    expect(ids("missing_nik").sort()).toEqual([r2.id, r3.id].sort());
    expect(ids("unidentified")).toEqual([r2.id]);
    expect(ids("no_bed")).toEqual([r2.id]);
    expect(ids("no_stage_change")).toEqual([r4.id]);
    expect(ids("late_admission")).toEqual([x2.id]);
    expect(ids("late_exit")).toEqual([x1.id]);
    // N = 30: everyone whose stage has not moved for 30 days or more (R3 is at exactly 30).
    expect(ids("no_stage_change", { days: 30 }).sort()).toEqual([r2.id, r3.id, r4.id, r5.id].sort());
    expect(dataQualityReport(admin, period, { days: 30 }, NOW).rows[0]!.counts.no_stage_change).toBe(4);
    // Another panti's id through the filter gives nothing.
    expect(ids("missing_nik", { panti: f.id })).toEqual([]);
  });

  it("shows Dinsos every panti, with the other panti's resident", () => {
    const { e, f, r6 } = scenario();
    const dinsos = createUser("dinsos_viewer").actor;
    const report = dataQualityReport(dinsos, period, {}, NOW);
    expect(report.rows.find((r) => r.id === f.id)).toMatchObject({ residents: 1, counts: expect.objectContaining({ missing_nik: 1, no_bed: 1 }) });
    expect(report.rows.find((r) => r.id === e.id)?.residents).toBe(5);
    expect(dataQualityPeople(dinsos, period, { check: "missing_nik", panti: f.id }, NOW).all.map((r) => r.stayId)).toEqual([r6.id]);
  });
});
