/**
 * npx tsx tests/bench/uploads.ts [--scale 1] [--rows 8000] [--keep]
 *
 * The largest uploads through HTTP, against the built server (`npm run build` first) started with
 * the options of `npm run serve` (tests/bench/server.ts) on a fresh database seeded at `--scale`:
 * - a P3S officer uploads `--rows` referrals (8,000, the most one file takes) as XLSX, imports
 *   them, then as many others as CSV, and imports those;
 * - Dinsos uploads as many past stays as XLSX, imports them, then as CSV, and imports those.
 * Each step is a form post as a browser without JavaScript sends it. For each: the answer, its
 * time, and the server's peak resident memory during the step (VmHWM, started again from the
 * resident set before each step), with the resident set after it split into anonymous and
 * file-backed memory and, from /bench/memory, the V8 heap.
 * Then hostile workbooks on both pages (600,000 one-digit cells; a ZIP whose directory understates
 * its sheet, 120 MB of it), each to be refused with 400, and a page answered after them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    rows: { type: "string", default: "8000" },
    keep: { type: "boolean", default: false },
  },
});
const rowCount = Number(values.rows);
const PASSWORD = "bench-password-1";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "panti-uploads-bench-"));
const dbFile = path.join(dir, "bench.db");
process.env.DATABASE_URL = dbFile;
process.env.SESSION_SECRET ??= "bench-secret";

const { openDatabase } = await import("#db/connection");
const { seedDatabase } = await import("#db/seed");
const codes = (() => {
  const seedDb = openDatabase();
  try {
    seedDatabase(seedDb, { scale: Number(values.scale), demoPassword: PASSWORD, log: () => {} });
    return (seedDb.$client.prepare("select code from panti where active = 1 order by id").all() as { code: string }[]).map((r) => r.code);
  } finally {
    seedDb.$client.close();
  }
})();

const { toCsv } = await import("~/utils/csv");
const { writeXlsx } = await import("~/utils/xlsx.server");
const { referralHeader, referralRows, stayHeader, stayRow } = await import("./upload-files");
const { describeParts, memoryParts, signInOverHttp, startServer } = await import("./server");
const { MAIN, numberSheet, workbook } = await import("../xlsx-parts");

const files = async (header: string[], rows: string[][]) => ({
  xlsx: new Uint8Array(await writeXlsx(header, rows, { textColumns: header.map((_, i) => i) })),
  csv: new TextEncoder().encode(toCsv([header, ...rows])),
});
const referrals = {
  xlsx: (await files(referralHeader(), referralRows(rowCount, codes, { prefix: "UPLOAD-X-" }))).xlsx,
  csv: (await files(referralHeader(), referralRows(rowCount, codes, { prefix: "UPLOAD-C-" }))).csv,
};
// Two sets of people (distinct NIKs), so that the second file's stays do not overlap the first's.
const stays = {
  xlsx: (await files(stayHeader(), Array.from({ length: rowCount }, (_, i) => stayRow(i, 2 * rowCount, codes)))).xlsx,
  csv: (await files(stayHeader(), Array.from({ length: rowCount }, (_, i) => stayRow(rowCount + i, 2 * rowCount, codes)))).csv,
};
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
console.log(
  `${rowCount.toLocaleString("en")} rows a file: referrals XLSX ${mb(referrals.xlsx.length)} (${referralHeader().length} columns), CSV ${mb(referrals.csv.length)}; ` +
    `past stays XLSX ${mb(stays.xlsx.length)} (${stayHeader().length} columns), CSV ${mb(stays.csv.length)}`,
);

const server = await startServer({ root: process.cwd(), databaseUrl: dbFile, env: { PANTI_BENCH_PAGE: "1" } });
let failed = false;
try {
  const officer = await signInOverHttp(server.origin, "p3s.jakbar", PASSWORD);
  const admin = await signInOverHttp(server.origin, "admin", PASSWORD);
  const idle = server.memory();
  console.log(`Server started: ${(idle.rssKb / 1024).toFixed(0)} MB RSS\n`);
  console.log(`${"step".padEnd(34)} ${"answer".padStart(6)} ${"s".padStart(6)} ${"peak RSS".padStart(9)}  after the step`);

  /** One request; the server's peak resident memory during it, and its parts after it. */
  const step = async (label: string, send: () => Promise<Response>, expected: number) => {
    server.resetPeak();
    const started = performance.now();
    const response = await send();
    const body = await response.text();
    const seconds = (performance.now() - started) / 1000;
    const { peakKb } = server.memory();
    const parts = await memoryParts(server.origin);
    console.log(
      `${label.padEnd(34)} ${String(response.status).padStart(6)} ${seconds.toFixed(1).padStart(6)} ${`${(peakKb / 1024).toFixed(0)} MB`.padStart(9)}  ${parts ? describeParts(parts) : ""}`,
    );
    if (response.status !== expected) {
      failed = true;
      console.log(`  expected ${expected}: ${body.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").slice(0, 400)}`);
    }
    return body;
  };
  const upload = (page: string, cookie: string, name: string, bytes: Uint8Array, type: string) => {
    const form = new FormData();
    form.append("intent", "upload");
    form.append("file", new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
    return fetch(`${server.origin}${page}`, { method: "POST", headers: { cookie }, body: form });
  };
  const decide = (page: string, cookie: string, previewHtml: string) => {
    const batchId = /name="batchId" value="(\d+)"/.exec(previewHtml)?.[1];
    if (!batchId) throw new Error(`${page}: no previewed batch in the answer`);
    return fetch(`${server.origin}${page}`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "import", batchId }),
    });
  };
  const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  for (const [kind, page, cookie, set] of [
    ["referrals", "/placements/import", officer, referrals],
    ["past stays", "/stays/import", admin, stays],
  ] as const) {
    for (const format of ["xlsx", "csv"] as const) {
      const preview = await step(`${kind}, ${format.toUpperCase()}: preview`, () => upload(page, cookie, `upload.${format}`, set[format], format === "xlsx" ? XLSX_TYPE : "text/csv"), 200);
      if (!failed) await step(`${kind}, ${format.toUpperCase()}: import`, () => decide(page, cookie, preview), 302);
    }
  }
  const hostile = {
    cells: workbook([numberSheet(6_001, 100)]),
    bomb: workbook([
      {
        data: Buffer.concat([Buffer.from(`<worksheet ${MAIN}><sheetData>`), Buffer.alloc(120_000_000, 0x20), Buffer.from("</sheetData></worksheet>")]),
        declared: 1_000_000,
      },
    ]),
  };
  for (const [kind, page, cookie] of [
    ["referrals", "/placements/import", officer],
    ["past stays", "/stays/import", admin],
  ] as const) {
    for (const [name, bytes] of Object.entries(hostile)) await step(`${kind}, hostile XLSX (${name})`, () => upload(page, cookie, `${name}.xlsx`, bytes, XLSX_TYPE), 400);
  }
  await step("a page after them", () => fetch(`${server.origin}/placements/import`, { headers: { cookie: officer } }), 200);
  const end = server.memory();
  console.log(`\nServer memory: ${(end.peakKb / 1024).toFixed(0)} MB peak RSS in the last step, ${(end.rssKb / 1024).toFixed(0)} MB at the end`);
} finally {
  server.stop();
  if (values.keep) console.log(`database kept at ${dbFile}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
