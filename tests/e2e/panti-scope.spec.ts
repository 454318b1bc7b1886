/**
 * Scope: a panti admin sees only their own panti; another panti's page is 404 (not theirs to
 * know about) for them, 403 for a role without the permission, and a sign-in for anonymous users.
 */
import type Database from "better-sqlite3";
import { E2E_PASSWORD, expect, pantiIdByCode, test } from "./fixtures";

/**
 * Names of the residents currently staying in a panti (named persons only), except those that are
 * part of the signed-in user's own name, which the page header shows (a resident called "Ujang"
 * and an officer called "Ujang Saputra").
 */
function residentNames(sql: Database.Database, pantiId: number, signedIn?: string): string[] {
  const rows = sql
    .prepare(
      `select distinct pe.name from stays s join persons pe on pe.id = s.person_id
        where s.panti_id = ? and s.exited_at is null and pe.name is not null and length(pe.name) >= 5
          and instr(coalesce((select name from users where username = ?), ''), pe.name) = 0`,
    )
    .all(pantiId, signedIn ?? null) as { name: string }[];
  return rows.map((r) => r.name);
}

/** The names of `names` that occur in `text` (expected: none). */
function leaked(text: string, names: readonly string[]): string[] {
  return names.filter((name) => text.includes(name));
}

test.describe("panti scope", () => {
  test("a panti admin sees only their own panti and opens its bed board", async ({ page, login, sql }) => {
    const bd1 = pantiIdByCode(sql, "PSBI-BD1");
    await login("admin.bd1");
    await page.goto("/panti");
    const rows = page.getByTestId("panti-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute("data-code", "PSBI-BD1");

    await rows.first().getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/panti/${bd1}$`));
    await expect(page.getByTestId("bed-board")).toBeVisible();
    await expect(page.getByTestId("bed").first()).toBeVisible();
  });

  test("another panti's page answers 404 to a panti admin and shows none of its residents", async ({
    page,
    login,
    sql,
  }) => {
    const bm1 = pantiIdByCode(sql, "PSTW-BM1");
    const bm1Name = (sql.prepare("select name from panti where id = ?").get(bm1) as { name: string }).name;
    const names = residentNames(sql, bm1, "admin.bd1");
    expect(names.length, "PSTW-BM1 has residents in the seed").toBeGreaterThan(0);

    await login("admin.bd1");
    const response = await page.goto(`/panti/${bm1}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
    // The error is shown in the page's place: the navigation and the signed-in user stay.
    await expect(page.getByRole("navigation", { name: "Menu" })).toBeVisible();
    await expect(page.getByTestId("current-user")).toBeVisible();
    await expect(page.getByTestId("bed-board")).toHaveCount(0);
    const html = await page.content();
    expect(leaked(html, names), "residents of PSTW-BM1 in the page").toEqual([]);
    expect(html).not.toContain(bm1Name);

    // The same through the API request context (it shares the signed-in cookies).
    const direct = await page.request.get(`/panti/${bm1}`);
    expect(direct.status()).toBe(404);
    const body = await direct.text();
    expect(leaked(body, names), "residents of PSTW-BM1 in the response").toEqual([]);
    // And the data request a client-side navigation makes (Remix single fetch).
    const data = await page.request.get(`/panti/${bm1}.data`);
    expect(data.status()).toBe(404);
    expect(leaked(await data.text(), names), "residents of PSTW-BM1 in the data response").toEqual([]);

    // Nor may they change it: taking one of its beds out of service is refused, the bed unchanged.
    const bed = sql
      .prepare(
        `select b.id, b.status from beds b where b.panti_id = ?
          order by b.status = 'available' desc,
                   exists (select 1 from bed_assignments ba where ba.bed_id = b.id and ba.to_at is null), b.id
          limit 1`,
      )
      .get(bm1) as { id: number; status: string };
    const post = await page.request.post(`/panti/${bm1}`, {
      form: {
        intent: "bed-status",
        bedId: String(bed.id),
        status: bed.status === "available" ? "out_of_service" : "available",
        expectedStatus: bed.status,
        reason: "Uji cakupan e2e",
      },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(404);
    expect((sql.prepare("select status from beds where id = ?").get(bed.id) as { status: string }).status).toBe(
      bed.status,
    );
  });

  test("an outreach officer sees the shelter list but gets 403 on a panti's page", async ({ page, login, sql }) => {
    const bm1 = pantiIdByCode(sql, "PSTW-BM1");
    const names = residentNames(sql, bm1, "p3s.jakbar");
    await login("p3s.jakbar");

    await page.goto("/panti");
    const active = (sql.prepare("select count(*) as n from panti where active = 1").get() as { n: number }).n;
    await expect(page.getByTestId("panti-row")).toHaveCount(active);
    // Free places only: no link into a panti's bed board.
    await expect(page.getByTestId("panti-table").getByRole("link")).toHaveCount(0);

    const response = await page.goto(`/panti/${bm1}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Akses ditolak" })).toBeVisible();
    const html = await page.content();
    expect(leaked(html, names), "residents of PSTW-BM1 in the page").toEqual([]);
    expect((await page.request.get(`/panti/${bm1}`)).status()).toBe(403);
  });

  test("anonymous access to the shelter list redirects to the sign-in page, and back after it", async ({ page }) => {
    await page.goto("/panti");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fpanti$/);
    await expect(page.getByLabel("Nama pengguna")).toBeVisible();
    await expect(page.getByLabel("Kata sandi")).toBeVisible();
    const direct = await page.request.get("/panti", { maxRedirects: 0 });
    expect(direct.status()).toBe(302);
    expect(direct.headers()["location"]).toMatch(/^\/login/);

    await page.getByLabel("Nama pengguna").fill("admin");
    await page.getByLabel("Kata sandi").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page).toHaveURL(/\/panti$/);
    await expect(page.getByTestId("panti-table")).toBeVisible();
  });
});
