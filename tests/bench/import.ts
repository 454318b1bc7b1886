/**
 * npx tsx tests/bench/import.ts [--rows 5000] [--runs 3] [--stays 100000] [--keep]
 *
 * The batch upload of referrals on a fresh temporary database (db/seed.ts at a small scale, or
 * the reference lists and the panti registry when the seed is not available):
 * 1. builds a CSV of `--rows` referrals in memory (and the same rows as XLSX),
 * 2. previews it `--runs` times (read, check every row, store the batch) and reports rows/s,
 * 3. imports the last preview (one transaction, one insert and one audit row per referral),
 *    and reports rows/s,
 * 4. the upload of past stays: `--stays` stays (100,000 by default) in files of at most 8,000 rows,
 *    each previewed (read, check, people found again, bed and person overlaps) and imported, and
 *    reports rows/s for the whole; and the size of an 8,000-row file of each kind as CSV and XLSX.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "5000" },
    runs: { type: "string", default: "3" },
    stays: { type: "string", default: "100000" },
    keep: { type: "boolean", default: false },
  },
});
const rowCount = Number(values.rows);
const runs = Math.max(1, Number(values.runs));
const root = process.cwd();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "panti-import-bench-"));
const dbFile = path.join(dir, "bench.db");
process.env.DATABASE_URL = dbFile;
process.env.SESSION_SECRET ??= "bench-secret";

const { openDatabase } = await import("#db/connection");
const schema = await import("#db/schema");

// --- seed: the project's seed when there is one, else the reference lists and panti -------------
async function seed(): Promise<string> {
  const seedDb = openDatabase();
  try {
    if (fs.existsSync(path.join(root, "db/seed.ts"))) {
      try {
        const { seedDatabase } = (await import(path.join(root, "db/seed.ts"))) as {
          seedDatabase: (db: unknown, options: Record<string, unknown>) => unknown;
        };
        seedDatabase(seedDb, { scale: 0.05, demoPassword: "bench-password-1", log: () => {} });
        return "db/seed.ts (scale 0.05)";
      } catch (error) {
        console.log(`seedDatabase failed (${(error as Error).message.split("\n")[0]}); using the reference lists only`);
      }
    }
    const { loadReferenceData } = await import("#db/seed/reference");
    const ref = loadReferenceData();
    seedDb.transaction((tx) => {
      tx.insert(schema.ppksCategories).values(ref.ppksCategories).onConflictDoNothing().run();
      tx.insert(schema.disabilitySubtypes).values(ref.disabilitySubtypes).onConflictDoNothing().run();
      tx.insert(schema.rehabilitationStages).values(ref.rehabilitationStages).onConflictDoNothing().run();
      tx.insert(schema.outreachUnits).values(ref.outreachUnits).onConflictDoNothing().run();
      for (const p of ref.panti) {
        tx.insert(schema.panti)
          .values({ code: p.code, name: p.name, type: p.type, targetGroup: p.targetGroup, kota: p.kota, address: p.address })
          .onConflictDoNothing()
          .run();
      }
    });
    return "reference lists (db/reference)";
  } finally {
    seedDb.$client.close();
  }
}

const seededWith = await seed();

const { eq, sql } = await import("drizzle-orm");
const { db, closeDb } = await import("~/utils/db.server");
const { toCsv } = await import("~/utils/csv");
const { writeXlsx } = await import("~/utils/xlsx.server");
const { referralHeader, referralRows, stayHeader: stayColumns, stayRow: stayRowOf } = await import("./upload-files");
const { previewBatch, importBatch } = await import("~/services/placement-import.server");

const officer = db
  .insert(schema.users)
  .values({ username: `bench-p3s-${Date.now()}`, name: "Bench P3S", passwordHash: "-", role: "outreach", outreachUnit: "sudin_jakbar" })
  .returning()
  .get();
const actor = { id: officer.id, role: officer.role, pantiId: null, outreachUnit: officer.outreachUnit };
const codes = db.select({ code: schema.panti.code }).from(schema.panti).where(eq(schema.panti.active, true)).all().map((r) => r.code);
if (codes.length === 0) throw new Error("no panti seeded");

// --- the file -------------------------------------------------------------------------------------
const header = referralHeader();
const rows = referralRows(rowCount, codes);
const csv = new TextEncoder().encode(toCsv([header, ...rows]));
const xlsx = new Uint8Array(await writeXlsx(header, rows, { textColumns: header.map((_, i) => i) }));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
const rate = (ms: number) => `${Math.round(rowCount / (ms / 1000)).toLocaleString("en")} rows/s`;
const line = (label: string, ms: number, extra = "") => console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms   ${rate(ms).padStart(16)}${extra}`);

console.log(`Seeded with ${seededWith}: ${codes.length} active panti.`);
console.log(`${rowCount} rows: CSV ${(csv.length / 1e6).toFixed(2)} MB, XLSX ${(xlsx.length / 1e6).toFixed(2)} MB. Median of ${runs} preview runs.`);

async function previews(label: string, fileName: string, bytes: Uint8Array) {
  const times: number[] = [];
  let last = 0;
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const preview = await previewBatch(actor, { fileName, bytes });
    times.push(performance.now() - t0);
    if (preview.errors.length > 0) throw new Error(`unexpected errors: ${JSON.stringify(preview.errors.slice(0, 3))}`);
    last = preview.batchId;
  }
  line(label, median(times));
  return last;
}

// Warm-up (module caches, prepared statements), not counted.
await previewBatch(actor, { fileName: "warm.csv", bytes: new TextEncoder().encode(toCsv([header, ...rows.slice(0, 50)])) });

await previews("preview CSV (read + check + store)", "bench.csv", csv);
const batchId = await previews("preview XLSX (read + check + store)", "bench.xlsx", xlsx);

const t0 = performance.now();
const result = importBatch(actor, batchId);
const importMs = performance.now() - t0;
const made = db.get<{ n: number }>(sql`select count(*) as n from placements where batch_id = ${batchId}`).n;
line("import (one transaction)", importMs, `   ${made} placements, source batch`);
if (result.imported !== rowCount || made !== rowCount) throw new Error(`imported ${result.imported}, found ${made}`);

// --- past stays ------------------------------------------------------------------------------------
const { MAX_STAY_IMPORT_ROWS } = await import("~/domain/stay-import");
const { previewStays, importStays } = await import("~/services/stay-import.server");
const admin = db
  .insert(schema.users)
  .values({ username: `bench-admin-${Date.now()}`, name: "Bench Admin", passwordHash: "-", role: "dinsos_admin" })
  .returning()
  .get();
const adminActor = { id: admin.id, role: admin.role, pantiId: null, outreachUnit: null };
const stayCount = Number(values.stays);
const stayHeader = stayColumns();
const stayRow = (i: number) => stayRowOf(i, stayCount, codes, stayHeader);
const sizeOf = async (header: string[], sample: string[][]) => ({
  csv: toCsv([header, ...sample]).length,
  xlsx: (await writeXlsx(header, sample, { textColumns: header.map((_, i) => i) })).length,
});
const referralSample = Array.from({ length: 8_000 }, (_, i) => rows[i % rows.length]!);
const staySample = Array.from({ length: 8_000 }, (_, i) => stayRow(i));
const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const rs = await sizeOf(header, referralSample);
const ss = await sizeOf(stayHeader, staySample);
console.log(`8,000-row files: referrals CSV ${mb(rs.csv)}, XLSX ${mb(rs.xlsx)}; past stays CSV ${mb(ss.csv)}, XLSX ${mb(ss.xlsx)} (cap 5.00 MB).`);

let previewMs = 0;
let importMs2 = 0;
for (let from = 0; from < stayCount; from += MAX_STAY_IMPORT_ROWS) {
  const chunk = Array.from({ length: Math.min(MAX_STAY_IMPORT_ROWS, stayCount - from) }, (_, k) => stayRow(from + k));
  const bytes = new TextEncoder().encode(toCsv([stayHeader, ...chunk]));
  const p0 = performance.now();
  const preview = await previewStays(adminActor, { fileName: `stays-${from}.csv`, bytes });
  previewMs += performance.now() - p0;
  if (preview.errors.length > 0) throw new Error(`unexpected stay errors: ${JSON.stringify(preview.errors.slice(0, 3))}`);
  const i0 = performance.now();
  importStays(adminActor, preview.batchId);
  importMs2 += performance.now() - i0;
}
const stayRate = (ms: number) => `${Math.round(stayCount / (ms / 1000)).toLocaleString("en")} rows/s`;
const madeStays = db.get<{ n: number }>(sql`select count(*) as n from audit_log where action = 'stay.import'`).n;
console.log(`past stays: ${stayCount.toLocaleString("en")} rows in ${Math.ceil(stayCount / MAX_STAY_IMPORT_ROWS)} files of at most ${MAX_STAY_IMPORT_ROWS.toLocaleString("en")} (${madeStays.toLocaleString("en")} stays made)`);
console.log(`${"  preview (read + check + store)".padEnd(34)} ${previewMs.toFixed(0).padStart(7)} ms   ${stayRate(previewMs).padStart(16)}`);
console.log(`${"  import (one transaction a file)".padEnd(34)} ${importMs2.toFixed(0).padStart(7)} ms   ${stayRate(importMs2).padStart(16)}`);
console.log(`${"  preview + import".padEnd(34)} ${(previewMs + importMs2).toFixed(0).padStart(7)} ms   ${stayRate(previewMs + importMs2).padStart(16)}`);
if (madeStays !== stayCount) throw new Error(`imported ${madeStays} stays, expected ${stayCount}`);

closeDb();
if (values.keep) console.log(`Database kept at ${dbFile}`);
else fs.rmSync(dir, { recursive: true, force: true });
