import { describe, expect, it } from "vitest";
import { loadQ1_2025, Q1_2025_BY_MONTH, Q1_2025_BY_UNIT } from "#db/fixtures/q1-2025";
import { resolveFilter } from "~/domain/reports";
import {
  capacityPanel,
  censusHistory,
  exitsPanel,
  intakePanel,
  lengthOfStayPanel,
  quarterlyReport,
  reentryPanel,
  waitingPanel,
} from "~/queries/reports.server";
import { acceptPlacement, createPlacement } from "~/services/placements.server";
import { recordExit } from "~/services/exits.server";
import { exitSchema } from "~/domain/exits";
import { db } from "~/utils/db.server";
import { createPanti, createRoom, createUser, familyExitInput, referralInput } from "../factories";

describe("quarterly report", () => {
  it("reproduces the published Q1 2025 figures from the fixture", () => {
    for (const code of ["PSBI-BD1", "PSBI-BD2", "PSBI-BD3"]) createPanti({ code, type: "intake" });
    expect(loadQ1_2025(db)).toBe(1579);
    expect(loadQ1_2025(db)).toBe(0); // idempotent

    const report = quarterlyReport(2025, 1);
    expect(report.total).toBe(1579);
    expect(Object.fromEntries(report.byUnit.map((r) => [r.unit, r.n]))).toEqual(Q1_2025_BY_UNIT);
    expect(Object.fromEntries(report.byMonth.map((r) => [r.month, r.n]))).toEqual(Q1_2025_BY_MONTH);
    expect(report.placedTotal).toBe(1579);
    expect(report.byCategory.reduce((a, r) => a + r.n, 0)).toBe(1579);
    expect(report.returnedFamily).toBeGreaterThan(0);
    // The quarter before and after hold none of them.
    expect(quarterlyReport(2024, 4).total).toBe(0);
    expect(quarterlyReport(2025, 2).total).toBe(0);
  });
});

describe("dashboard panels", () => {
  function scenario() {
    const a = createPanti({ type: "elderly", kota: "Jakarta Timur" });
    const b = createPanti({ type: "intake", kota: "Jakarta Barat" });
    const { beds: bedsA } = createRoom(a.id, 2, { sex: "male" });
    const { beds: bedsB } = createRoom(b.id, 2, { sex: "male" });
    const adminA = createUser("panti_admin", a.id);
    const adminB = createUser("panti_admin", b.id);
    const outreach = createUser("outreach", null, "sudin_jakbar");
    const at = (d: string) => new Date(`${d}T03:00:00Z`);
    const admit = (pantiId: number, bedId: number, admin: typeof adminA, day: string) =>
      acceptPlacement(admin.actor, createPlacement(outreach.actor, referralInput(pantiId, { foundAt: at(day) })).id, {
        bed: bedId,
        person: "new",
        admittedAt: new Date(at(day).getTime() + 3_600_000),
      });
    const s1 = admit(a.id, bedsA[0]!.id, adminA, "2026-01-05");
    admit(a.id, bedsA[1]!.id, adminA, "2026-01-10");
    const s3 = admit(b.id, bedsB[0]!.id, adminB, "2026-01-07");
    createPlacement(outreach.actor, referralInput(b.id, { foundAt: at("2026-02-01") })); // still waiting
    recordExit(adminA.actor, s1.stayId, familyExitInput("2026-01-20T10:00"));
    recordExit(adminB.actor, s3.stayId, exitSchema.parse({ outcome: "absconded", exitedAt: "2026-01-25T10:00" }));
    return { a, b };
  }

  it("derives the daily census from stays and keeps a panti admin to their own panti", () => {
    const { a, b } = scenario();
    const now = new Date("2026-02-10T00:00:00Z");
    const own = resolveFilter({ from: "2026-01-01", to: "2026-01-31" }, now, { kind: "panti", pantiId: a.id });
    const history = censusHistory(own);
    const on = (d: string) => history.find((h) => h.day === d)!.census;
    expect(on("2026-01-04")).toBe(0);
    expect(on("2026-01-05")).toBe(1);
    expect(on("2026-01-10")).toBe(2);
    expect(on("2026-01-20")).toBe(1);
    expect(on("2026-01-31")).toBe(1);

    expect(exitsPanel(own)).toMatchObject({ total: 1, positive: 1, positivePct: 100 });
    expect(intakePanel(own).total).toBe(2);
    expect(capacityPanel(own).perPanti.map((p) => p.id)).toEqual([a.id]);
    expect(waitingPanel(own).total).toBe(0);
    expect(lengthOfStayPanel(own)).toEqual([expect.objectContaining({ type: "elderly", n: 1, median: 14, le30: 1 })]);

    const theirs = resolveFilter({ from: "2026-01-01", to: "2026-01-31" }, now, { kind: "panti", pantiId: b.id });
    expect(exitsPanel(theirs)).toMatchObject({ total: 1, positive: 0 });
    expect(waitingPanel(theirs).total).toBe(1);
    // A panti filter in the URL cannot widen a scoped user's view.
    expect(resolveFilter({ panti: b.id }, now, { kind: "panti", pantiId: a.id }).pantiId).toBe(a.id);
    expect(reentryPanel(own)).toMatchObject({ admissions: 2, reentries: 0 });
  });
});
