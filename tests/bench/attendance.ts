/**
 * npx tsx tests/bench/attendance.ts [--residents 40] [--sessions 200] [--runs 50]
 *
 * The class page of a big class on a fresh temporary database: a class of `--residents` trainees
 * with `--sessions` sessions of attendance (every cell marked) and some module progress, built
 * through the services. Measures, over `--runs` runs after a warm-up:
 * - the class page loader (the real route loader, signed in as the class's instructor): the
 *   attendance grid with each trainee's rate and progress;
 * - rendering the grid component to HTML (server-side render of the same data): as the page
 *   shows it by default (the last 30 sessions) and with every session (`?sessions=all`);
 * and prints the medians.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    residents: { type: "string", default: "40" },
    sessions: { type: "string", default: "200" },
    runs: { type: "string", default: "50" },
  },
});
const residentCount = Number(values.residents);
const sessionCount = Number(values.sessions);
const runs = Number(values.runs);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "panti-attendance-bench-"));
process.env.DATABASE_URL = path.join(dir, "bench.db");
process.env.SESSION_SECRET ??= "bench-secret";
// React as the server runs it (production build: no development checks).
process.env.NODE_ENV = "production";

const { createElement } = await import("react");
const { renderToString } = await import("react-dom/server");
const { MemoryRouter } = await import("react-router-dom");

const { db, closeDb } = await import("~/utils/db.server");
const schema = await import("#db/schema");
const { loadReferenceData } = await import("#db/seed/reference");
const { seedProgrammeModules } = await import("#db/seed/programmes");
const { createPanti, createResident, createUser, cookieFor } = await import("../factories");
const { classSchema, attendanceSheetSchema, scheduleDates, addDays } = await import("~/domain/programmes");
const { jakartaDate, parseJakartaDateTime } = await import("~/domain/time");
const services = await import("~/services/programmes.server");
const route = await import("~/routes/_app.classes.$classId._index");
await import("~/utils/dictionary.server");
const { translator } = await import("~/utils/i18n");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

// --- data: a 40-trainee class with 200 sessions, built through the services --------------------------
const t0 = performance.now();
const ref = loadReferenceData();
db.insert(schema.programmes).values(ref.programmes).onConflictDoNothing().run();
db.insert(schema.attendanceStatuses).values(ref.attendanceStatuses).onConflictDoNothing().run();
seedProgrammeModules(db);

const now = new Date();
const today = jakartaDate(now);
const days = [1, 2, 3, 4, 5];
// Start far enough back for `sessionCount` weekday sessions before today.
let start = addDays(today, -Math.ceil((sessionCount / days.length) * 7) - 14);
while (new Date(`${start}T00:00:00Z`).getUTCDay() !== 1) start = addDays(start, -1);
const dates = scheduleDates(days, start, addDays(today, -1)).slice(0, sessionCount);
if (dates.length < sessionCount) throw new Error("not enough weekdays before today");

const p = createPanti({ type: "youth", code: "PSBR-BENCH", name: "Panti Bench" });
const admin = createUser("panti_admin", p.id);
const instructor = createUser("instructor", p.id);
const admitted = parseJakartaDateTime(`${addDays(start, -30)}T09:00`)!;
const stays = Array.from({ length: residentCount }, () => createResident(p.id, null, admitted).stay.id);
const cls = services.createClass(
  admin.actor,
  classSchema.parse({
    programmeCode: "tata_boga",
    name: "Tata Boga Angkatan 12",
    instructorIds: [String(instructor.id)],
    scheduleDays: days.map(String),
    startTime: "08:00",
    endTime: "11:00",
    startDate: start,
    endDate: addDays(today, 60),
    capacity: String(residentCount),
  }),
  parseJakartaDateTime(`${addDays(start, -7)}T09:00`)!,
);
const { enrolmentIds } = services.enrolResidents(admin.actor, cls.id, stays, parseJakartaDateTime(`${start}T07:00`)!);
const codes = ["hadir", "hadir", "hadir", "hadir", "hadir", "hadir", "terlambat", "izin", "alpa"];
dates.forEach((date, d) => {
  const marks = Object.fromEntries(enrolmentIds.map((id, i) => [`mark.${id}`, codes[(i * 7 + d * 3) % codes.length]!]));
  services.recordAttendance(instructor.actor, cls.id, attendanceSheetSchema.parse({ date, ...marks }), parseJakartaDateTime(`${date}T11:00`)!);
});
const modules = db.select().from(schema.programmeModules).all().filter((m) => m.programmeCode === "tata_boga");
enrolmentIds.forEach((id, i) => {
  modules.slice(0, i % (modules.length + 1)).forEach((m) => {
    services.recordProgress(instructor.actor, cls.id, id, { moduleId: m.id, status: "competent", score: 80, assessedOn: dates[dates.length - 1]! }, now);
  });
});
const attendanceRows = db.$client.prepare("select count(*) as n from attendance").get() as { n: number };
console.log(
  `Built a class of ${enrolmentIds.length} trainees with ${dates.length} sessions (${attendanceRows.n} attendance rows) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

// --- measure -------------------------------------------------------------------------------------
const cookie = await cookieFor(instructor.username);
const args = () => ({
  request: new Request(`http://127.0.0.1/classes/${cls.id}`, { headers: { Cookie: cookie } }),
  params: { classId: String(cls.id) },
  context: {},
});
type PageData = Awaited<ReturnType<typeof route.loader>>;
const t = translator("id");
const render = (page: PageData, recent?: number) =>
  renderToString(createElement(MemoryRouter, null, createElement(route.AttendanceGrid, { page, t, lang: "id", recent })));

const first = await route.loader(args());
if (first.residents.length !== residentCount || first.sessions.length !== sessionCount) throw new Error("unexpected grid size");
const html = render(first);
const htmlRecent = render(first, 30);
for (let i = 0; i < 5; i++) render(await route.loader(args()));

const loaderTimes: number[] = [];
const renderTimes: number[] = [];
const recentTimes: number[] = [];
let page: PageData = first;
for (let i = 0; i < runs; i++) {
  let started = performance.now();
  page = await route.loader(args());
  loaderTimes.push(performance.now() - started);
  started = performance.now();
  render(page, 30);
  recentTimes.push(performance.now() - started);
  started = performance.now();
  render(page);
  renderTimes.push(performance.now() - started);
}
const json = JSON.stringify(page);
console.log(`\nclass page, ${residentCount} trainees × ${sessionCount} sessions, ${runs} runs`);
console.log(`  loader (grid, rates, progress)   median ${median(loaderTimes).toFixed(2)} ms   p95 ${p95(loaderTimes).toFixed(2)} ms   payload ${(json.length / 1024).toFixed(1)} KiB`);
console.log(`  grid to HTML, last 30 sessions   median ${median(recentTimes).toFixed(2)} ms   p95 ${p95(recentTimes).toFixed(2)} ms   HTML ${(htmlRecent.length / 1024).toFixed(1)} KiB`);
console.log(`  grid to HTML, all sessions       median ${median(renderTimes).toFixed(2)} ms   p95 ${p95(renderTimes).toFixed(2)} ms   HTML ${(html.length / 1024).toFixed(1)} KiB`);
console.log(`  loader + default grid            median ${median(loaderTimes.map((l, i) => l + recentTimes[i]!)).toFixed(2)} ms`);

closeDb();
fs.rmSync(dir, { recursive: true, force: true });
