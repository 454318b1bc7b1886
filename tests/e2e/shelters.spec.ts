/**
 * The shelter list as Dinsos sees it: every active panti, and every figure equal to what the
 * occupancy definitions (app/domain/capacity.ts) give when computed here, independently, with
 * SQL on the e2e database.
 */
import type Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { expect, parseIdNumber, test } from "./fixtures";

interface Figures {
  capacity: number;
  occupied: number;
  available: number;
  overflow: number;
  census: number;
}

interface ExpectedRow extends Figures {
  code: string;
  type: string;
  overCapacity: boolean;
}

/**
 * Expected figures per active panti, straight from the tables:
 * - capacity: regular (non-overflow) beds in service;
 * - occupied: regular beds in service held by an open bed assignment;
 * - census: open stays (with or without a bed), never less than the occupied beds;
 * - overflow: census beyond the occupied regular beds; available: capacity − occupied.
 */
function expectedRows(sql: Database.Database, type?: string): ExpectedRow[] {
  const rows = sql
    .prepare(
      `select p.code, p.type,
              (select count(*) from beds b
                where b.panti_id = p.id and b.overflow = 0 and b.status = 'available') as capacity,
              (select count(*) from beds b
                 join bed_assignments ba on ba.bed_id = b.id and ba.to_at is null
                where b.panti_id = p.id and b.overflow = 0 and b.status = 'available') as occupied,
              (select count(*) from stays s
                where s.panti_id = p.id and s.exited_at is null) as open_stays
         from panti p
        where p.active = 1 and (? is null or p.type = ?)
        order by p.code`,
    )
    .all(type ?? null, type ?? null) as {
    code: string;
    type: string;
    capacity: number;
    occupied: number;
    open_stays: number;
  }[];
  return rows.map((r) => {
    const occupied = Math.min(r.occupied, r.capacity);
    const census = Math.max(r.open_stays, occupied);
    return {
      code: r.code,
      type: r.type,
      capacity: r.capacity,
      occupied,
      available: r.capacity - occupied,
      overflow: census - occupied,
      census,
      overCapacity: census > r.capacity,
    };
  });
}

function sum(rows: readonly Figures[], key: keyof Figures): number {
  return rows.reduce((acc, r) => acc + r[key], 0);
}

/** Every row of the shelter list as rendered: its code, figures and whether it is marked. */
async function renderedRows(page: Page) {
  const rows = await page.getByTestId("panti-row").evaluateAll((trs) =>
    trs.map((tr) => {
      const cell = (col: string) => tr.querySelector(`td[data-col="${col}"]`)?.textContent ?? null;
      return {
        code: tr.getAttribute("data-code"),
        capacity: cell("capacity"),
        occupied: cell("occupied"),
        available: cell("available"),
        overflow: cell("overflow"),
        census: cell("census"),
        overCapacity: tr.classList.contains("over-capacity"),
      };
    }),
  );
  return rows
    .map((r) => ({
      code: r.code ?? "",
      capacity: parseIdNumber(r.capacity),
      occupied: parseIdNumber(r.occupied),
      available: parseIdNumber(r.available),
      overflow: parseIdNumber(r.overflow),
      census: parseIdNumber(r.census),
      overCapacity: r.overCapacity,
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** The network totals above the table. */
async function renderedTotals(page: Page) {
  const value = async (id: string) => parseIdNumber(await page.getByTestId(id).textContent());
  return {
    capacity: await value("total-capacity"),
    census: await value("total-census"),
    available: await value("total-available"),
    overflow: await value("total-overflow"),
  };
}

function totalsOf(rows: readonly Figures[]) {
  return {
    capacity: sum(rows, "capacity"),
    census: sum(rows, "census"),
    available: sum(rows, "available"),
    overflow: sum(rows, "overflow"),
  };
}

test.describe("shelter list (Dinsos)", () => {
  test.beforeEach(async ({ login }) => {
    await login("admin");
  });

  test("shows every active panti with figures equal to the SQL computation, and the network totals", async ({
    page,
    sql,
  }) => {
    await page.goto("/panti");
    await expect(page.getByTestId("panti-table")).toBeVisible();
    // The e2e database is a demo database, and every page says so.
    await expect(page.getByTestId("demo-banner")).toContainText("Data demo");

    const expected = expectedRows(sql);
    expect(expected, "the seed has the 27 provincial panti").toHaveLength(27);
    // The marking check below means something only when both kinds of rows are there.
    expect(expected.some((r) => r.overCapacity), "some panti are over capacity in the seed").toBe(true);
    expect(expected.some((r) => !r.overCapacity), "some panti are within capacity in the seed").toBe(true);

    const rendered = await renderedRows(page);
    expect(rendered.map((r) => r.code)).toEqual(expected.map((r) => r.code));
    // Row by row, figure by figure (toEqual prints the differing rows).
    expect(rendered).toEqual(expected.map(({ type: _type, ...rest }) => rest));

    // Over capacity is marked exactly when census > capacity.
    for (const row of expected) {
      const tr = page.locator(`[data-testid="panti-row"][data-code="${row.code}"]`);
      if (row.overCapacity) await expect(tr, row.code).toHaveClass(/\bover-capacity\b/);
      else await expect(tr, row.code).not.toHaveClass(/\bover-capacity\b/);
    }

    expect(await renderedTotals(page)).toEqual(totalsOf(expected));
  });

  test("filtering by type narrows the list to the panti of that type", async ({ page, sql }) => {
    await page.goto("/panti");
    await page.getByLabel("Jenis panti").selectOption("elderly");
    await page.getByRole("button", { name: "Terapkan" }).click();
    await expect(page).toHaveURL(/[?&]type=elderly\b/);

    const expected = expectedRows(sql, "elderly");
    expect(expected.length, "the seed has elderly panti").toBeGreaterThan(1);
    expect(expected.every((r) => r.code.startsWith("PSTW-"))).toBe(true);
    await expect(page.getByTestId("panti-row")).toHaveCount(expected.length);

    const rendered = await renderedRows(page);
    expect(rendered).toEqual(expected.map(({ type: _type, ...rest }) => rest));
    expect(await renderedTotals(page)).toEqual(totalsOf(expected));
  });
});
