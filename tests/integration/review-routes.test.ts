import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loader as dashboardLoader } from "~/routes/_app.dashboard/route";
import { loader as exportLoader } from "~/routes/export.$dataset.$format";
import { loader as listLoader } from "~/routes/_app.panti._index";
import { loader as quarterlyLoader } from "~/routes/_app.reports.quarterly";
import { parseCsv } from "~/utils/csv";
import { cookieFor, createPanti, createResident, createRoom, createUser } from "../factories";

const args = (path: string, cookie: string, params: Record<string, string> = {}) => ({
  request: new Request(`http://127.0.0.1${path}`, { headers: { Cookie: cookie } }),
  params,
  context: {},
});

async function status(fn: () => Promise<unknown>): Promise<number> {
  try {
    const r = await fn();
    return r instanceof Response ? r.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

function world() {
  const a = createPanti({ name: "Panti Sosial Alfa", type: "elderly", kota: "Jakarta Timur" });
  const b = createPanti({ name: "Panti Sosial Beta", type: "intake", kota: "Jakarta Barat" });
  const { beds: bedsA } = createRoom(a.id, 3);
  const { beds: bedsB } = createRoom(b.id, 2);
  createResident(a.id, bedsA[0]!.id);
  createResident(b.id, bedsB[0]!.id);
  createResident(b.id, bedsB[1]!.id);
  createResident(b.id, null);
  return { a, b };
}

describe("exports", () => {
  it("download the shelter list as CSV and XLSX with the same figures as the page", async () => {
    world();
    const cookie = await cookieFor(createUser("dinsos_viewer").username);
    const page = await listLoader(args("/panti", cookie));

    const csv = (await exportLoader(args("/export/panti/csv", cookie, { dataset: "panti", format: "csv" }))) as Response;
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    expect(csv.headers.get("Content-Disposition")).toMatch(/attachment; filename="panti-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = parseCsv(await csv.text());
    expect(rows[0]![0]).toBe("Panti");
    expect(rows[0]).toContain("Kapasitas");
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    for (const row of page.rows) {
      const line = byName.get(row.name)!;
      expect(Number(line[4])).toBe(row.occupancy.capacity);
      expect(Number(line[8])).toBe(row.occupancy.census);
    }

    const xlsx = (await exportLoader(args("/export/panti/xlsx", cookie, { dataset: "panti", format: "xlsx" }))) as Response;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Panti");
    expect(sheet.rowCount).toBe(page.rows.length + 1);
    const censusColumn = rows[0]!.indexOf("Penghuni") + 1;
    const total = Array.from({ length: page.rows.length }, (_, i) => Number(sheet.getRow(i + 2).getCell(censusColumn).value)).reduce((x, y) => x + y, 0);
    expect(total).toBe(page.total.census);
  });

  it("write CSV that Excel opens as UTF-8 and that runs no formula", async () => {
    createPanti({ name: '=HYPERLINK("http://x","Alfa")', type: "elderly", kota: "Jakarta Timur; Utara" });
    const cookie = await cookieFor(createUser("dinsos_viewer").username);
    const csv = (await exportLoader(args("/export/panti/csv", cookie, { dataset: "panti", format: "csv" }))) as Response;
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('"\'=HYPERLINK(""http://x"",""Alfa"")"');
    expect(text).toContain('"Jakarta Timur; Utara"');
    const row = parseCsv(text).find((r) => r[1]?.startsWith("P-"))!;
    expect(row[0]).toBe(`'=HYPERLINK("http://x","Alfa")`);
  });

  it("keep a panti admin's exports to their own panti and refuse what their role cannot see", async () => {
    const { a, b } = world();
    const cookie = await cookieFor(createUser("panti_admin", a.id).username);
    const csv = (await exportLoader(args("/export/capacity/csv", cookie, { dataset: "capacity", format: "csv" }))) as Response;
    const rows = parseCsv(await csv.text());
    expect(rows.slice(1).map((r) => r[0])).toEqual(["Panti Sosial Alfa"]);
    expect(await status(() => exportLoader(args(`/export/capacity/csv?panti=${b.id}`, cookie, { dataset: "capacity", format: "csv" })))).toBe(403);
    const instructor = await cookieFor(createUser("instructor", a.id).username);
    expect(await status(() => exportLoader(args("/export/quarterly/csv", instructor, { dataset: "quarterly", format: "csv" })))).toBe(403);
    expect(await status(() => exportLoader(args("/export/nope/csv", cookie, { dataset: "nope", format: "csv" })))).toBe(404);
  });
});

describe("dashboard", () => {
  it("shows a panti admin only their own panti's numbers, whatever the URL asks", async () => {
    const { a, b } = world();
    const cookie = await cookieFor(createUser("panti_admin", a.id).username);
    const data = await dashboardLoader(args(`/dashboard?panti=${b.id}`, cookie));
    expect(data.scoped).toBe(true);
    expect(data.capacity.perPanti.map((p) => p.id)).toEqual([a.id]);
    expect(data.capacity.total.census).toBe(1);
    expect(JSON.stringify(data)).not.toContain("Panti Sosial Beta");

    const dinsos = await cookieFor(createUser("dinsos_viewer").username);
    const all = await dashboardLoader(args("/dashboard", dinsos));
    expect(all.capacity.perPanti.map((p) => p.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await status(() => dashboardLoader(args("/dashboard", cookie)))).toBe(200);
    const outreach = await cookieFor(createUser("outreach").username);
    expect(await status(() => dashboardLoader(args("/dashboard", outreach)))).toBe(403);
  });

  it("answers the quarterly report in the panti admin's scope", async () => {
    const { a } = world();
    const cookie = await cookieFor(createUser("panti_admin", a.id).username);
    const data = await quarterlyLoader(args("/reports/quarterly?year=2025&quarter=1", cookie));
    expect(data.report).toMatchObject({ year: 2025, quarter: 1, total: 0 });
    // Without a choice it opens on the quarter that holds today.
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "Asia/Jakarta" });
    const opened = await quarterlyLoader(args("/reports/quarterly", cookie));
    expect(opened.report).toMatchObject({ year: Number(today.slice(0, 4)), quarter: Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1 });
  });
});
