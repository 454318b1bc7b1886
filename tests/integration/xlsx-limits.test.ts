/**
 * Hostile and broken workbooks through both upload pages (referrals, past stays): each bound of the
 * XLSX reader (app/utils/xlsx.server.ts) answers 400 with its message on the file field — never a
 * 500, never a heap exhausted — and the next, ordinary upload is previewed as usual. The files are
 * written part by part (tests/xlsx-parts.ts), so that they can be what no spreadsheet program writes.
 */
import { describe, expect, it } from "vitest";
import { action as referralsAction } from "~/routes/_app.placements.import";
import { action as staysAction } from "~/routes/_app.stays.import";
import { translator } from "~/utils/i18n";
import { languageCookie } from "~/utils/session.server";
import { MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_HELD_BYTES, MAX_UNPACKED_BYTES } from "~/utils/xlsx.server";
import { MAX_IMPORT_ROWS } from "~/domain/placement-import";
import { cookieFor, createPanti, createUser } from "../factories";
import { BASE, callRoute as call, routeArgs as args } from "../routes";
import { referralHeader, referralRows, stayHeader, stayRow } from "../bench/upload-files";
import { MAIN, numberSheet, rowXml, sheetXml, workbook, xml } from "../xlsx-parts";

const t = translator("id");
const en = translator("en");

let n = 0;
/** A valid referral, and a valid past stay, of the upload's columns (the bench's rows), never the same one twice. */
const referral = (code: string) => referralRows(1, [code], { prefix: `LIM-${++n}-` })[0]!;
const stay = (code: string) => stayRow(++n, 1_000, [code]);

type Page = { path: string; action: (a: ReturnType<typeof args>) => Promise<unknown>; header: string[]; row: (code: string) => string[]; cookie: () => Promise<string> };

const pages: Page[] = [
  {
    path: "/placements/import",
    action: referralsAction,
    header: referralHeader(),
    row: referral,
    cookie: () => cookieFor(createUser("outreach", null, "sudin_jakbar").username),
  },
  { path: "/stays/import", action: staysAction, header: stayHeader(), row: stay, cookie: () => cookieFor(createUser("dinsos_admin").username) },
];

async function upload(page: Page, cookie: string, bytes: Uint8Array, lang?: "en") {
  const form = new FormData();
  form.append("intent", "upload");
  form.append("file", new File([bytes as Uint8Array<ArrayBuffer>], "berkas.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const headers: Record<string, string> = { Cookie: lang ? `${cookie}; ${(await languageCookie.serialize(lang)).split(";")[0]}` : cookie };
  return new Request(`${BASE}${page.path}`, { method: "POST", headers, body: form });
}

type Body = { ok: boolean; errors?: Record<string, string[]>; preview?: { validCount: number; errors: unknown[] } };

/** A good file of one row for the page. */
const goodFile = (page: Page, code: string) => workbook([sheetXml(rowXml(1, page.header) + rowXml(2, page.row(code)))]);

/** Posts the hostile file and expects 400 with `message`, then an ordinary file and expects its preview. */
async function refusedThenFine(page: Page, bytes: Uint8Array, message: string) {
  const code = createPanti({ type: "elderly" }).code;
  const cookie = await page.cookie();
  const refused = await call(async () => page.action(args(await upload(page, cookie, bytes))));
  expect(refused.status).toBe(400);
  expect((refused.body as Body).errors).toEqual({ file: [message] });
  const fine = await call(async () => page.action(args(await upload(page, cookie, goodFile(page, code)))));
  expect(fine.status, JSON.stringify(fine.body)).toBe(200);
  expect((fine.body as Body).preview).toMatchObject({ validCount: 1, errors: [] });
}

describe.each(pages)("XLSX bounds on $path", (page) => {
  it("refuses more cells than the bound, though rows and columns are each within theirs", async () => {
    const columns = 100;
    const rows = Math.ceil(MAX_CELLS / columns) + 1;
    expect(rows).toBeLessThanOrEqual(MAX_IMPORT_ROWS);
    const bytes = workbook([numberSheet(rows, columns)]);
    expect(bytes.length).toBeLessThan(5_000_000);
    await refusedThenFine(page, bytes, t("import.error.tooManyCells", { max: MAX_CELLS }));
  });

  it("refuses a value beyond the last column it reads", async () => {
    const cells = [...page.header];
    cells[MAX_COLUMNS] = "jauh";
    await refusedThenFine(page, workbook([sheetXml(rowXml(1, cells))]), t("import.error.tooManyColumns", { max: MAX_COLUMNS }));
  });

  it("refuses a row of a million empty cells before building it", async () => {
    const row = `<row r="1">${'<c r="A1"/>'.repeat(1_000_000)}</row>`;
    await refusedThenFine(page, workbook([sheetXml(row)]), t("import.error.tooManyColumns", { max: MAX_COLUMNS }));
  });

  it("refuses a cell longer than a spreadsheet keeps, and says which, in English too", async () => {
    const cells = [...page.header];
    const long = [...page.row("X")];
    long[1] = "a".repeat(MAX_CELL_CHARS + 1);
    const bytes = workbook([sheetXml(rowXml(1, cells) + rowXml(2, long))]);
    await refusedThenFine(page, bytes, t("import.error.cellTooLong", { cell: "B2", max: MAX_CELL_CHARS }));
    const cookie = await page.cookie();
    const english = await call(async () => page.action(args(await upload(page, cookie, bytes, "en"))));
    expect(english.status).toBe(400);
    expect((english.body as Body).errors).toEqual({ file: [en("import.error.cellTooLong", { cell: "B2", max: MAX_CELL_CHARS })] });
  });

  it("refuses a file with more rows than the upload takes, reading no further", async () => {
    const bytes = workbook([sheetXml(rowXml(1, page.header) + numberSheet(MAX_IMPORT_ROWS + 50, 1, 2).toString().replace(/^[\s\S]*<sheetData>|<\/sheetData>[\s\S]*$/g, ""))]);
    await refusedThenFine(page, bytes, t("import.error.tooManyRows", { max: MAX_IMPORT_ROWS }));
  });

  it("refuses a ZIP that declares more unpacked bytes than the bound, before inflating anything", async () => {
    const bytes = workbook([{ data: sheetXml(""), declared: MAX_UNPACKED_BYTES + 1 }]);
    await refusedThenFine(page, bytes, t("import.error.unpacked", { max: MAX_UNPACKED_BYTES / 1_000_000 }));
  });

  it("stops a zip bomb that declares less than it holds", async () => {
    // 120 MB of spaces inside the sheet data deflate to about 120 KB; the directory says 1 MB.
    const bomb = Buffer.concat([Buffer.from(`<worksheet ${MAIN}><sheetData>`), Buffer.alloc(120_000_000, 0x20), Buffer.from("</sheetData></worksheet>")]);
    const lying = workbook([{ data: bomb, declared: 1_000_000 }]);
    expect(lying.length).toBeLessThan(1_000_000);
    await refusedThenFine(page, lying, t("import.error.xlsx"));
  }, 30_000);

  it("refuses millions of tiny shared strings before keeping them, and shared strings over their size", async () => {
    const tiny = xml(`<sst ${MAIN}>${"<si><t>x</t></si>".repeat(MAX_CELLS + 1)}</sst>`);
    await refusedThenFine(page, workbook([sheetXml(rowXml(1, page.header))], [{ name: "xl/sharedStrings.xml", data: tiny }]), t("import.error.tooManyCells", { max: MAX_CELLS }));

    const strings = xml(`<sst ${MAIN}>${`<si><t>${"b".repeat(1000)}</t></si>`.repeat(MAX_HELD_BYTES / 1000)}</sst>`);
    const bytes = workbook([sheetXml(rowXml(1, page.header))], [{ name: "xl/sharedStrings.xml", data: strings }]);
    await refusedThenFine(page, bytes, t("import.error.unpacked", { max: MAX_HELD_BYTES / 1_000_000 }));
  });

  it("reads only the first sheet: hundreds of others, broken or huge, are never unpacked", async () => {
    const code = createPanti({ type: "elderly" }).code;
    const cookie = await page.cookie();
    const first = sheetXml(rowXml(1, page.header) + rowXml(2, page.row(code)), '<dimension ref="A1:XFD1048576"/>');
    const broken = { data: Buffer.from("this is not XML <<<"), stored: true };
    const huge = numberSheet(100, 100);
    const bytes = workbook([first, ...Array.from({ length: 300 }, (_, i) => (i % 2 ? broken : huge))]);
    const res = await call(async () => page.action(args(await upload(page, cookie, bytes))));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((res.body as Body).preview).toMatchObject({ validCount: 1, errors: [] });
  });
});
