/**
 * npx tsx tests/bench/import.ts [--rows 5000] [--runs 3] [--keep]
 *
 * The batch upload of referrals on a fresh temporary database (db/seed.ts at a small scale, or
 * the reference lists and the panti registry when the seed is not available):
 * 1. builds a CSV of `--rows` referrals in memory (and the same rows as XLSX),
 * 2. previews it `--runs` times (read, check every row, store the batch) and reports rows/s,
 * 3. imports the last preview (one transaction, one insert and one audit row per referral),
 *    and reports rows/s.
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
const { IMPORT_COLUMNS } = await import("~/domain/placement-import");
const { PPKS_CATEGORIES } = await import("~/domain/reference");
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
const FIRST = ["Budi", "Siti", "Agus", "Dewi", "Joko", "Sri", "Rudi", "Wati", "Andi", "Nur"];
const LAST = ["Santoso", "Aminah", "Hartono", "Lestari", "Saputra", "Wahyuni", "Pratama", "Rahayu"];
const pad = (n: number) => String(n).padStart(2, "0");
const wib = (d: Date) => {
  const w = new Date(d.getTime() + 7 * 3_600_000);
  return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
};
const now = Date.now();
const header = IMPORT_COLUMNS.map((c) => c.header);
const rows: string[][] = Array.from({ length: rowCount }, (_, i) => {
  const category = PPKS_CATEGORIES[i % PPKS_CATEGORIES.length]!;
  const byField: Record<string, string> = {
    outreachUnit: "sudin_jakbar",
    officerName: "Rudi Hartono",
    foundAt: wib(new Date(now - (i + 1) * 3_600_000)),
    foundKota: "Jakarta Barat",
    foundKecamatan: "Tambora",
    foundKelurahan: "Jembatan Besi",
    foundPlace: `Kolong tol titik ${i % 40}`,
    reachMethod: i % 3 === 0 ? "patroli" : "patrol",
    personName: `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}`,
    unidentified: "tidak",
    description: "",
    sex: i % 2 === 0 ? "L" : "P",
    birthDate: i % 4 === 0 ? `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}` : "",
    estimatedAge: i % 4 === 0 ? "" : String(18 + (i % 60)),
    nik: i % 2 === 0 ? `3173${String(10_000_000_000 + i).padStart(12, "0")}` : "",
    kk: "",
    originProvince: "Jawa Tengah",
    originCity: "Brebes",
    ppksCategory: i % 5 === 0 ? category.nameId : category.code,
    disabilitySubtypes: i % 7 === 0 ? "fisik; mental" : "",
    assessmentSummary: "Ditemukan tidur di kolong tol, sehat, bersedia dibawa ke panti.",
    healthNotes: "Sehat",
    urgentNeeds: "Makan, pakaian",
    belongings: "Tas",
    targetPantiId: codes[i % codes.length]!,
    externalRef: `BENCH-${i}`,
  };
  return IMPORT_COLUMNS.map((c) => byField[c.field] ?? "");
});
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

closeDb();
if (values.keep) console.log(`Database kept at ${dbFile}`);
else fs.rmSync(dir, { recursive: true, force: true });
