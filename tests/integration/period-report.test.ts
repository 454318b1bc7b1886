/**
 * Reports for any period, through the route as a browser asks for them (/reports?from&to): the
 * published Q1 2025 figures, an annual fixture whose every figure is counted by hand below,
 * capacity and census at the end of a past period, the reader's scope, refused periods, the
 * download and the list behind a figure.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loadQ1_2025, Q1_2025_BY_MONTH, Q1_2025_BY_UNIT, Q1_2025_TOTAL } from "#db/fixtures/q1-2025";
import { beds } from "#db/schema";
import { exitSchema } from "~/domain/exits";
import type { PlacementInput } from "~/domain/placements";
import { occupancyAt } from "~/queries/occupancy-history.server";
import { occupancyByPanti } from "~/queries/occupancy.server";
import { loader as reportsLoader } from "~/routes/_app.reports._index";
import { loader as referralsLoader } from "~/routes/_app.reports.referrals";
import { loader as quarterlyLoader } from "~/routes/_app.reports.quarterly";
import { loader as exportLoader } from "~/routes/export.$dataset.$format";
import { setBedStatus } from "~/services/beds.server";
import { recordExit } from "~/services/exits.server";
import { acceptPlacement, createPlacement, declinePlacement, redirectPlacement } from "~/services/placements.server";
import { transferResident } from "~/services/residents.server";
import { parseCsv } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { callRoute, getRequest, routeArgs } from "../routes";
import { cookieFor, createPanti, createRoom, createUser, familyExitInput, referralInput } from "../factories";

type ReportsData = Awaited<ReturnType<typeof reportsLoader>>["data"];
type Report = NonNullable<ReportsData["report"]>;

async function reportAt(path: string, cookie: string) {
  const answer = await callRoute(() => reportsLoader(routeArgs(getRequest(path, cookie))));
  return { status: answer.status, body: answer.body as ReportsData };
}

async function reportOf(path: string, cookie: string): Promise<Report> {
  const { status, body } = await reportAt(path, cookie);
  expect(status).toBe(200);
  return body.report!;
}

const byKey = <K extends string>(rows: readonly ({ n: number } & Record<K, string | null>)[], key: K) =>
  Object.fromEntries(rows.map((r) => [r[key] ?? "-", r.n]));

describe("the Q1 2025 published figures", () => {
  it("reproduce through /reports?from=2025-01-01&to=2025-03-31, as in the quarterly report", async () => {
    for (const code of ["PSBI-BD1", "PSBI-BD2", "PSBI-BD3"]) createPanti({ code, type: "intake" });
    expect(loadQ1_2025(db)).toBe(Q1_2025_TOTAL);
    const cookie = await cookieFor(createUser("dinsos_viewer").username);

    const report = await reportOf("/reports?from=2025-01-01&to=2025-03-31", cookie);
    expect(report.total).toBe(1579);
    expect(byKey(report.byUnit, "unit")).toEqual(Q1_2025_BY_UNIT);
    expect(byKey(report.byMonth, "month")).toEqual(Q1_2025_BY_MONTH);
    expect(report.placedTotal).toBe(1579);
    // Row totals and column totals of the unit × month table agree with the published ones.
    for (const [unit, n] of Object.entries(Q1_2025_BY_UNIT)) expect(report.byUnitMonth.filter((r) => r.unit === unit).reduce((a, r) => a + r.n, 0)).toBe(n);
    expect(report.byCategory.reduce((a, r) => a + r.n, 0)).toBe(1579);

    const quarterly = (await callRoute(() => quarterlyLoader(routeArgs(getRequest("/reports/quarterly?year=2025&quarter=1", cookie))))).body as { report: Report };
    expect(quarterly.report.byUnit).toEqual(report.byUnit);
    expect(quarterly.report.returnedFamily).toBe(report.returnedFamily);
    // Half a year and the whole year hold the same people; the quarter after holds none.
    expect((await reportOf("/reports?from=2025-01-01&to=2025-06-30", cookie)).total).toBe(1579);
    expect((await reportOf("/reports?from=2025-01-01&to=2025-12-31", cookie)).byUnit).toEqual(report.byUnit);
    expect((await reportOf("/reports?from=2025-04-01&to=2025-06-30", cookie)).total).toBe(0);
  });
});

/** Jakarta local time (WIB) as an instant. */
const wib = (local: string) => new Date(`${local}:00+07:00`);

const repatriatedTo = (province: string, exitedAt: string) =>
  exitSchema.parse({ outcome: "repatriated_home_region", exitedAt, province, city: "Kota Asal", transport: "bus", noHandoffReason: "Diantar keluarga sendiri" });

/**
 * A year of one intake panti (A) and one elderly panti (B), with the edges that go wrong:
 *
 * | ref | unit    | found (WIB)          | category         | what happens                                                    |
 * |-----|---------|----------------------|------------------|-----------------------------------------------------------------|
 * | R0  | jakbar  | 2023-12-31 23:55     | gelandangan      | A, bed 1 from 23:58; home to family 2024-01-20 (stay spans the year end) |
 * | R1  | jakbar  | 2024-01-01 00:05     | gelandangan      | A, bed 2; home to family 2024-07-01 00:15 (June in UTC)         |
 * | R2  | jaktim  | 2024-02-29 10:00     | pengemis         | A, bed 1 (leap day); repatriated to Jawa Tengah 2024-03-01 00:30 |
 * | R3  | jaktim  | 2024-03-15 09:00     | lansia_terlantar | A, bed 3; transferred to B 2024-04-10, B bed 1, still there     |
 * | R4  | satgas  | 2024-07-01 00:10     | gelandangan      | declined by A (July in WIB, June in UTC)                        |
 * | R8  | jakut   | 2024-09-09 10:00     | anak_jalanan     | A, bed 2, still there                                          |
 * | R7  | jakbar  | 2024-11-05 09:00     | pengemis         | redirected A → B, B bed 2; repatriated to Jawa Barat 2024-12-31 23:00 |
 * | R5  | satgas  | 2024-12-31 23:59     | gelandangan      | A, bed 1 from 2025-01-01 00:10 (placed in 2024, in from 2025)   |
 * | R6  | jakbar  | 2025-01-01 00:00     | gelandangan      | waiting (2025 in WIB, 2024 in UTC)                              |
 */
async function annualFixture() {
  const a = createPanti({ name: "PSBI Uji Alfa", type: "intake" });
  const b = createPanti({ name: "PSTW Uji Beta", type: "elderly" });
  const { beds: bedsA } = createRoom(a.id, 3);
  const { beds: bedsB } = createRoom(b.id, 2);
  // The beds were there before the year began.
  db.update(beds).set({ createdAt: wib("2023-06-01T08:00") }).run();
  const adminA = createUser("panti_admin", a.id);
  const adminB = createUser("panti_admin", b.id);
  const refer = (unit: PlacementInput["outreachUnit"], foundAt: string, ppksCategory: PlacementInput["ppksCategory"]) =>
    createPlacement(createUser("outreach", null, unit).actor, referralInput(a.id, { outreachUnit: unit, foundAt: wib(foundAt), ppksCategory })).id;
  const admit = (admin: typeof adminA, placementId: number, bedId: number, at: string) => acceptPlacement(admin.actor, placementId, { bed: bedId, person: "new", admittedAt: wib(at) });

  const r0 = admit(adminA, refer("sudin_jakbar", "2023-12-31T23:55", "gelandangan"), bedsA[0]!.id, "2023-12-31T23:58");
  const r1 = admit(adminA, refer("sudin_jakbar", "2024-01-01T00:05", "gelandangan"), bedsA[1]!.id, "2024-01-01T02:00");
  recordExit(adminA.actor, r0.stayId, familyExitInput("2024-01-20T10:00"));
  const r2 = admit(adminA, refer("sudin_jaktim", "2024-02-29T10:00", "pengemis"), bedsA[0]!.id, "2024-02-29T12:00");
  recordExit(adminA.actor, r2.stayId, repatriatedTo("Jawa Tengah", "2024-03-01T00:30"));
  const r3 = admit(adminA, refer("sudin_jaktim", "2024-03-15T09:00", "lansia_terlantar"), bedsA[2]!.id, "2024-03-15T11:00");
  const transfer = transferResident(adminA.actor, r3.stayId, { toPantiId: b.id, reason: "Lansia, perlu perawatan panti werdha." }, wib("2024-04-10T10:00"));
  acceptPlacement(adminB.actor, transfer.placementId, { bed: bedsB[0]!.id, person: "new", admittedAt: wib("2024-04-10T14:00") });
  recordExit(adminA.actor, r1.stayId, familyExitInput("2024-07-01T00:15"));
  declinePlacement(adminA.actor, refer("satgas_dinsos", "2024-07-01T00:10", "gelandangan"), "Sudah kembali ke keluarganya sendiri.");
  admit(adminA, refer("sudin_jakut", "2024-09-09T10:00", "anak_jalanan"), bedsA[1]!.id, "2024-09-09T13:00");
  const redirected = redirectPlacement(adminA.actor, refer("sudin_jakbar", "2024-11-05T09:00", "pengemis"), b.id, "Lebih cocok di panti werdha.");
  const r7 = admit(adminB, redirected.newPlacementId, bedsB[1]!.id, "2024-11-05T15:00");
  recordExit(adminB.actor, r7.stayId, repatriatedTo("Jawa Barat", "2024-12-31T23:00"));
  admit(adminA, refer("satgas_dinsos", "2024-12-31T23:59", "gelandangan"), bedsA[0]!.id, "2025-01-01T00:10");
  refer("sudin_jakbar", "2025-01-01T00:00", "gelandangan");

  // Since then: bed 3 of A went out of service and B got two more beds.
  setBedStatus(createUser("dinsos_admin").actor, a.id, { bedId: bedsA[2]!.id, status: "out_of_service", expectedStatus: "available", reason: "Rangka patah" });
  createRoom(b.id, 2);
  return { a, b, adminA, adminB };
}

/** The fixture once for the file (the database lives as long as the file's tests). */
let fixture: ReturnType<typeof annualFixture> | undefined;
const theYear = () => (fixture ??= annualFixture());

const MONTHS_2024 = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"].map((m) => `2024-${m}`);
const monthly = (counts: Record<string, number>) => MONTHS_2024.map((month) => ({ month, n: counts[month] ?? 0 }));

describe("the annual view", () => {
  it("reproduces the fixture's 2024 figures, counted by hand", async () => {
    const { a, b } = await theYear();
    const cookie = await cookieFor(createUser("dinsos_viewer").username);
    const report = await reportOf("/reports?from=2024-01-01&to=2024-12-31", cookie);

    // Reached: R1 R2 R3 R4 R8 R7 R5 — not R0 (2023), R6 (2025), the transfer nor the redirect's new referral.
    expect(report.total).toBe(7);
    expect(report.byUnit).toEqual([
      { unit: "satgas_dinsos", n: 2 },
      { unit: "sudin_jakut", n: 1 },
      { unit: "sudin_jakbar", n: 2 },
      { unit: "sudin_jaktim", n: 2 },
    ]);
    expect(report.months).toEqual(MONTHS_2024);
    expect(report.byMonth).toEqual(monthly({ "2024-01": 1, "2024-02": 1, "2024-03": 1, "2024-07": 1, "2024-09": 1, "2024-11": 1, "2024-12": 1 }));
    const cells = Object.fromEntries(report.byUnitMonth.map((r) => [`${r.unit} ${r.month}`, r.n]));
    expect(cells).toEqual({
      "satgas_dinsos 2024-07": 1,
      "satgas_dinsos 2024-12": 1,
      "sudin_jakut 2024-09": 1,
      "sudin_jakbar 2024-01": 1,
      "sudin_jakbar 2024-11": 1,
      "sudin_jaktim 2024-02": 1,
      "sudin_jaktim 2024-03": 1,
    });
    expect(report.byCategory).toEqual([
      { category: "gelandangan", n: 3 },
      { category: "pengemis", n: 2 },
      { category: "anak_jalanan", n: 1 },
      { category: "lansia_terlantar", n: 1 },
    ]);
    // Placed: in A R1 R2 R3 R8 R5; in B the transfer of R3 and the redirected R7.
    expect(report.placedByPanti).toEqual([
      { pantiId: a.id, name: a.name, n: 5 },
      { pantiId: b.id, name: b.name, n: 2 },
    ]);
    expect(report.placedTotal).toBe(7);
    // Home to family: R0 in January (its stay began in 2023), R1 in July (June in UTC).
    expect(report.returnedFamily).toBe(2);
    expect(report.returnedFamilyByMonth).toEqual(monthly({ "2024-01": 1, "2024-07": 1 }));
    // Repatriated: R2 in March (February in UTC), R7 on the last evening of the year.
    expect(report.repatriated).toBe(2);
    expect(report.repatriatedByMonth).toEqual(monthly({ "2024-03": 1, "2024-12": 1 }));
    expect(report.repatriatedByProvince).toEqual([
      { province: "Jawa Barat", n: 1 },
      { province: "Jawa Tengah", n: 1 },
    ]);

    // Capacity and census at midnight WIB, 1 January 2025: A 3 beds, R8 in; B 2 beds, R3 in
    // (R7 left at 23:00, R5 came at 00:10, bed 3 went out of service and B's new beds came later).
    expect(report.capacity.current).toBe(false);
    expect(report.capacity.at).toEqual(wib("2025-01-01T00:00"));
    const at = Object.fromEntries(report.capacity.perPanti.map((p) => [p.id, p.occupancy]));
    expect(at[a.id]).toMatchObject({ capacity: 3, occupied: 1, census: 1, overflow: 0, available: 2, outOfService: 0 });
    expect(at[b.id]).toMatchObject({ capacity: 2, occupied: 1, census: 1, overflow: 0 });
    expect(report.capacity.total).toMatchObject({ capacity: 5, census: 2 });
  });

  it("shows the capacity and census of today, not of the period's end, only for a period not yet over", async () => {
    const { a, b } = await theYear();
    const live = Object.fromEntries(occupancyByPanti({ pantiId: null }).map((p) => [p.id, p.occupancy]));
    expect(live[a.id]).toMatchObject({ capacity: 2, census: 2, outOfService: 1 });
    expect(live[b.id]).toMatchObject({ capacity: 4, census: 1 });
    // Derived from history at this instant, the figures are the live ones.
    const now = occupancyAt(new Date(), {});
    for (const p of now.perPanti) expect(p.occupancy).toEqual(live[p.id]);
    // The end of 2024, and the middle of it (R1 R3 in A; nobody yet in B).
    const end = Object.fromEntries(occupancyAt(wib("2025-01-01T00:00"), {}).perPanti.map((p) => [p.id, p.occupancy]));
    expect(end[a.id]).toMatchObject({ capacity: 3, census: 1 });
    const march = Object.fromEntries(occupancyAt(wib("2024-04-01T00:00"), {}).perPanti.map((p) => [p.id, p.occupancy]));
    expect(march[a.id]).toMatchObject({ capacity: 3, occupied: 2, census: 2 });
    expect(march[b.id]).toMatchObject({ capacity: 2, census: 0 });

    const cookie = await cookieFor(createUser("dinsos_viewer").username);
    const thisYear = new Date().getFullYear();
    const current = await reportOf(`/reports?from=${thisYear}-01-01&to=${thisYear}-12-31`, cookie);
    expect(current.capacity.current).toBe(true);
    expect(Object.fromEntries(current.capacity.perPanti.map((p) => [p.id, p.occupancy]))).toEqual(live);
  });

  it("keeps a panti admin to their own panti's figures and refuses roles without reports", async () => {
    const { a, b, adminA, adminB } = await theYear();
    const mine = await reportOf("/reports?from=2024-01-01&to=2024-12-31", await cookieFor(adminA.username));
    // Every 2024 referral was addressed to A first; A placed five and sent two home to family.
    expect(mine).toMatchObject({ total: 7, placedTotal: 5, returnedFamily: 2, repatriated: 1 });
    expect(mine.placedByPanti.map((p) => p.pantiId)).toEqual([a.id]);
    expect(mine.capacity.perPanti.map((p) => p.id)).toEqual([a.id]);

    const theirs = await reportOf("/reports?from=2024-01-01&to=2024-12-31", await cookieFor(adminB.username));
    expect(theirs).toMatchObject({ total: 0, placedTotal: 2, returnedFamily: 0, repatriated: 1 });
    expect(theirs.repatriatedByProvince).toEqual([{ province: "Jawa Barat", n: 1 }]);
    expect(theirs.capacity.perPanti.map((p) => p.id)).toEqual([b.id]);

    // The list behind a figure holds the same people, in the reader's scope only.
    const list = async (cookie: string, query: string) =>
      ((await callRoute(() => referralsLoader(routeArgs(getRequest(`/reports/referrals?from=2024-01-01&to=2024-12-31${query}`, cookie))))).body as { total: number; rows: { pantiId: number }[] });
    const viewer = await cookieFor(createUser("dinsos_viewer").username);
    expect((await list(viewer, "&unit=sudin_jakbar")).total).toBe(2);
    expect((await list(viewer, "&category=gelandangan")).total).toBe(3);
    expect((await list(viewer, `&placed=1&panti=${b.id}`)).total).toBe(2);
    expect((await list(viewer, "")).total).toBe(7);
    expect((await list(await cookieFor(adminB.username), "")).total).toBe(0);
    expect((await list(await cookieFor(adminB.username), `&placed=1&panti=${a.id}`)).total).toBe(0);
    expect((await list(await cookieFor(adminA.username), "&placed=1")).rows.every((r) => r.pantiId === a.id)).toBe(true);

    for (const role of ["outreach", "instructor", "psychosocial"] as const) {
      const user = createUser(role, role === "outreach" ? null : a.id);
      expect((await reportAt("/reports?from=2024-01-01&to=2024-12-31", await cookieFor(user.username))).status).toBe(403);
    }
  });

  it("downloads the annual view as CSV and XLSX with the page's figures", async () => {
    const { a } = await theYear();
    const cookie = await cookieFor(createUser("dinsos_viewer").username);
    const path = "/export/period/csv?from=2024-01-01&to=2024-12-31";
    const csv = (await callRoute(() => exportLoader(routeArgs(getRequest(path, cookie), { dataset: "period", format: "csv" })))).response!;
    expect(csv.headers.get("Content-Disposition")).toContain("laporan-2024-01-01-2024-12-31");
    const rows = parseCsv(await csv.text());
    const find = (block: string, item: string, month = "") => rows.find((r) => r[0] === block && r[1] === item && r[2] === month)?.[3];
    expect(find("PPKS yang dijangkau", "Total")).toBe("7");
    expect(find("Per bulan", "Total", "Juli 2024")).toBe("1");
    expect(find("Ditempatkan per panti", a.name)).toBe("5");
    expect(find("Dipulangkan per provinsi tujuan", "Jawa Tengah")).toBe("1");
    expect(find("Kapasitas dan penghuni pada akhir periode", `${a.name} · Kapasitas`)).toBe("3");

    const xlsx = (await callRoute(() => exportLoader(routeArgs(getRequest(path.replace("csv", "xlsx"), cookie), { dataset: "period", format: "xlsx" })))).response!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(rows.length);
  });
});

describe("a period that cannot be read", () => {
  it("gets a clear message beside the date, in the user's language, and no report (400, never 500)", async () => {
    const cookie = await cookieFor(createUser("dinsos_viewer").username);
    for (const [query, field, message] of [
      ["?from=2024-02-30&to=2024-12-31", "from", "Bukan tanggal yang ada"],
      ["?from=2024-12-31&to=2024-01-01", "to", "Tanggal akhir tidak boleh sebelum tanggal awal"],
      ["?from=2024-01-01", "to", "Isi tanggal awal dan tanggal akhir"],
      ["?from=2000-01-01&to=2024-12-31", "to", "paling panjang 10 tahun"],
      ["?from=%27%3Bdrop&to=2024-13-01", "to", "Bukan tanggal yang ada"],
    ] as const) {
      const { status, body } = await reportAt(`/reports${query}`, cookie);
      expect({ query, status }).toEqual({ query, status: 400 });
      expect(body.report).toBeNull();
      expect(body.errors[field]?.join(" ")).toContain(message);
    }
    const english = await reportAt("/reports?from=2024-04-01&to=2024-03-01", `${cookie}; panti_lang=ImVuIg%3D%3D`);
    expect(english.body.errors.to).toEqual(["The last day cannot be before the first day."]);

    const download = await callRoute(() => exportLoader(routeArgs(getRequest("/export/period/csv?from=2024-02-30&to=2024-03-01", cookie), { dataset: "period", format: "csv" })));
    expect(download.status).toBe(400);
    expect(await download.response!.text()).toContain("Bukan tanggal yang ada");
    expect((await callRoute(() => referralsLoader(routeArgs(getRequest("/reports/referrals?from=2024-05-01&to=2024-04-01&unit=sudin_jakbar", cookie))))).status).toBe(400);
    // No period at all: the quarter holding today.
    const quarter = Math.floor(new Date(Date.now() + 7 * 3_600_000).getUTCMonth() / 3);
    const open = await reportOf("/reports", cookie);
    expect(Number(open.period.from.slice(5, 7))).toBe(quarter * 3 + 1);
    // The quarterly report opens on the same quarter.
    const quarterly = (await callRoute(() => quarterlyLoader(routeArgs(getRequest("/reports/quarterly", cookie))))).body as { report: Report & { quarter: number } };
    expect(quarterly.report.quarter).toBe(quarter + 1);
  });
});
