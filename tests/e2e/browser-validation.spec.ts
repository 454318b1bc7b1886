/**
 * The forms that are not plain fields check themselves in the browser with the server's schema,
 * before anything is posted: the two upload forms (a missing, too large or old .xls file) and
 * the attendance sheet on a phone (a session not held yet without a mark; every bad row at once).
 * The class page's enrolment form, whose code loads when it comes into view, checks itself the
 * same way once scrolled to, opens its list of residents and enrols on a phone, and does both
 * without JavaScript; so does the case file's, in the sections of the file that load when they
 * come into view with their messages.
 */
import type { Page } from "@playwright/test";
import type Database from "better-sqlite3";
import { dictionaryRequests, E2E_PASSWORD, expect, expectAccessible, test } from "./fixtures";

/** Every POST the page sends from now on (a form that refuses itself in the browser sends none). */
function postsOf(page: Page): string[] {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  return posts;
}

/** YYYY-MM-DD in Jakarta. */
const jakartaDay = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

test("an upload form left empty, or given a file it would refuse, says so without posting", async ({ page, login }) => {
  await login("p3s.jakbar");
  await page.goto("/placements/import");
  const posts = postsOf(page);
  const fileError = page.locator("#import-file-error");

  await page.getByRole("button", { name: "Periksa berkas" }).click();
  await expect(fileError).toHaveText("Pilih berkas CSV atau XLSX.");
  await expect(page.locator("#import-file")).toBeFocused();
  await expect(page.locator("#import-file")).toHaveAttribute("aria-invalid", "true");

  // The error follows the file chosen.
  await page.locator("#import-file").setInputFiles({ name: "rujukan-lama.xls", mimeType: "application/vnd.ms-excel", buffer: Buffer.from("x") });
  await expect(fileError).toHaveText("Format .xls lama tidak didukung. Simpan sebagai .xlsx atau CSV.");
  await page.locator("#import-file").setInputFiles({ name: "besar.csv", mimeType: "text/csv", buffer: Buffer.alloc(5_000_001, 65) });
  await expect(fileError).toHaveText("Berkas lebih besar dari 5 MB. Bagi menjadi beberapa berkas.");
  await page.getByRole("button", { name: "Periksa berkas" }).click();
  await expect(fileError).toHaveText("Berkas lebih besar dari 5 MB. Bagi menjadi beberapa berkas.");
  await page.locator("#import-file").setInputFiles({ name: "rujukan.csv", mimeType: "text/csv", buffer: Buffer.from("nama\nBudi\n") });
  await expect(fileError).toHaveCount(0);
  expect(posts).toEqual([]);
});

test("the past stays' upload checks its file the same way", async ({ page, login }) => {
  await login("admin.bm1");
  await page.goto("/stays/import");
  const posts = postsOf(page);
  await page.getByRole("button", { name: "Periksa berkas" }).click();
  await expect(page.locator("#import-file-error")).toHaveText("Pilih berkas CSV atau XLSX.");
  expect(posts).toEqual([]);
});

/** A class of instruktur.tj1 and a past date of it with no session yet, with trainees on the roll. */
function unheldSession(sql: Database.Database): { classId: number; date: string } {
  const today = jakartaDay(new Date());
  const classes = sql
    .prepare(
      `select c.id, c.start_date as startDate, c.end_date as endDate from classes c
       join class_instructors ci on ci.class_id = c.id join users u on u.id = ci.user_id
       where u.username = 'instruktur.tj1' and c.status = 'active' order by c.id`,
    )
    .all() as { id: number; startDate: string; endDate: string }[];
  for (const cls of classes) {
    const held = new Set((sql.prepare("select date from class_sessions where class_id = ?").all(cls.id) as { date: string }[]).map((s) => s.date));
    const windows = (sql.prepare("select enrolled_at as enrolledAt, ended_at as endedAt from enrolments where class_id = ?").all(cls.id) as { enrolledAt: number; endedAt: number | null }[]).map(
      (e) => ({ from: jakartaDay(new Date(e.enrolledAt)), to: e.endedAt ? jakartaDay(new Date(e.endedAt)) : null }),
    );
    const last = cls.endDate < today ? cls.endDate : today;
    for (let at = new Date(`${last}T00:00:00Z`); jakartaDay(at) >= cls.startDate; at = new Date(at.getTime() - 86_400_000)) {
      const date = at.toISOString().slice(0, 10);
      const onRoll = windows.filter((w) => date >= w.from && (w.to === null || date <= w.to)).length;
      if (!held.has(date) && onRoll >= 2) return { classId: cls.id, date };
    }
  }
  throw new Error("the demo seed has no active class of instruktur.tj1 with a date not held yet and two trainees on the roll");
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("the attendance sheet shows its errors inline, every row at once, before posting", async ({ page, sql }) => {
    const { classId, date } = unheldSession(sql);
    // Signed in through the form (the header that the login fixture waits for is hidden on a phone).
    await page.goto("/login");
    await page.locator("#username").fill("instruktur.tj1");
    await page.locator("#password").fill(E2E_PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), page.getByRole("button", { name: "Masuk" }).click()]);
    await page.goto(`/classes/${classId}/attendance?date=${date}`);
    const rows = page.getByTestId("sheet-row");
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    const posts = postsOf(page);

    // A session not held yet, nothing marked: the reason is beside the save button.
    const save = page.getByRole("button", { name: "Simpan absensi" });
    await save.tap();
    const marksError = page.locator("#marks-error");
    await expect(marksError).toHaveText("Tandai paling sedikit satu peserta.");
    await expect(marksError).toBeInViewport();

    // Two rows whose status is not one of the four (as an altered page would post): each says so
    // in its own row, both at once, and "at least one" gives way to them.
    const [first, second] = [rows.nth(0), rows.nth(1)];
    for (const row of [first, second]) {
      await row.locator(".segmented").evaluate((group) => {
        const name = group.querySelector("input")!.name;
        group.insertAdjacentHTML("beforeend", `<input type="radio" name="${name}" value="sakit" checked hidden>`);
      });
    }
    await save.tap();
    for (const row of [first, second]) {
      await expect(row.getByRole("alert")).toHaveText("Pilih salah satu pilihan.");
      await expect(row.locator("fieldset")).toHaveAttribute("aria-invalid", "true");
    }
    await expect(marksError).toHaveCount(0);
    // The sheet still fits the phone, errors and all.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Choosing a real status clears that row's error as it is tapped (the altered page's extra
    // input taken out first: React refuses to update a radio group that has inputs it did not render).
    await first.locator('input[value="sakit"][hidden]').evaluate((input) => input.remove());
    await first.locator("label", { hasText: "Izin" }).tap();
    await expect(first.getByRole("alert")).toHaveCount(0);
    await expect(second.getByRole("alert")).toHaveText("Pilih salah satu pilihan.");
    expect(posts).toEqual([]);
  });
});

/** The running class of PSBR-TJ1 with the most trainees: its enrolment form is below the grid. */
function longestRunningClass(sql: Database.Database): number {
  const today = jakartaDay(new Date());
  const row = sql
    .prepare(
      `select c.id from classes c join panti p on p.id = c.panti_id
       where p.code = 'PSBR-TJ1' and c.status = 'active' and c.start_date <= ? and c.end_date >= ?
       order by (select count(*) from enrolments e where e.class_id = c.id) desc, c.id limit 1`,
    )
    .get(today, today) as { id: number } | undefined;
  if (!row) throw new Error("the demo seed has no running class at PSBR-TJ1");
  return row.id;
}

const CHOOSE_RESIDENT = "Pilih paling sedikit satu penghuni.";

/** Whether the page has loaded the enrolment form's own chunk (it loads when it comes into view). */
const loadedEnrolForm = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType("resource").some((entry) => /\/enrol-form-[^/]*\.js$/.test(entry.name)));

/**
 * Scrolls to the class page's enrolment form and waits until React runs it: the list narrows as
 * one types in its search only once the form is hydrated.
 */
async function enrolFormInView(page: Page) {
  const form = page.getByRole("form", { name: "Daftarkan penghuni" });
  // The loaded form takes the server markup's place, possibly while it is being scrolled to: then
  // the scroll goes again, to the new one.
  await expect(() => form.scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass();
  await expect.poll(() => loadedEnrolForm(page)).toBe(true);
  const search = page.getByRole("search", { name: "Cari penghuni" }).getByRole("searchbox");
  const shown = form.locator(".candidate-list > li:visible");
  expect(await shown.count()).toBeGreaterThan(0);
  await search.fill("tidak ada nama seperti ini");
  await expect(shown).toHaveCount(0);
  await search.fill("");
  await expect.poll(() => shown.count()).toBeGreaterThan(0);
  return form;
}

test.describe("the class page's enrolment form, loaded when it comes into view", () => {
  test.describe("on a short screen", () => {
    test.use({ viewport: { width: 1280, height: 500 } });

    test("checks itself in the browser with the server's messages, without posting", async ({ page, login, sql }) => {
      const classId = longestRunningClass(sql);
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      await login("admin.tj1");
      await page.goto(`/classes/${classId}?enrol=1`);
      const posts = postsOf(page);
      // Far below the first screen (more than the 400 px margin), the form is the server's markup
      // until it is about to be seen, the page loaded and idle.
      const form = page.getByRole("form", { name: "Daftarkan penghuni" });
      expect(await form.evaluate((el) => el.getBoundingClientRect().top - window.innerHeight)).toBeGreaterThan(500);
      await page.waitForLoadState("networkidle");
      expect(await loadedEnrolForm(page)).toBe(false);

      await enrolFormInView(page);
      await form.getByRole("button", { name: "Daftarkan yang dipilih" }).click();
      await expect(form.getByText(CHOOSE_RESIDENT)).toBeVisible();
      expect(posts).toEqual([]);
      expect(errors).toEqual([]);
    });
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

    test("enrols a resident once scrolled to", async ({ page, sql }) => {
      const classId = longestRunningClass(sql);
      await page.goto("/login");
      await page.locator("#username").fill("admin.tj1");
      await page.locator("#password").fill(E2E_PASSWORD);
      await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), page.getByRole("button", { name: "Masuk" }).click()]);
      await page.goto(`/classes/${classId}`);
      const rows = page.getByTestId("resident-row");
      const before = await rows.count();

      // The class has trainees: the card says how many residents can be enrolled, and lists them on request.
      const available = page.getByTestId("enrol-available");
      await expect(available).toContainText(/\d+ penghuni dapat didaftarkan\./);
      await expect(page.getByRole("form", { name: "Daftarkan penghuni" })).toHaveCount(0);
      await expectAccessible(page, "the class page with its grid");
      const count = Number(/\d+/.exec((await available.textContent()) ?? "")?.[0]);
      await available.scrollIntoViewIfNeeded();
      await available.getByRole("link", { name: "Pilih dari daftar" }).tap();
      await expect(page).toHaveURL(/[?&]enrol=1/);
      const form = await enrolFormInView(page);
      await expect(form.getByRole("checkbox")).toHaveCount(count);
      const first = form.getByRole("checkbox").first();
      await first.check();
      await form.getByRole("button", { name: "Daftarkan yang dipilih" }).tap();
      await expect(page.getByTestId("class-message")).toHaveText("1 penghuni didaftarkan.");
      await expect(rows).toHaveCount(before + 1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("opens the list, posts to the server, which refuses an empty choice and enrols a ticked resident", async ({ page, login, sql }) => {
      const classId = longestRunningClass(sql);
      await login("admin.tj1");
      await page.goto(`/classes/${classId}`);
      const form = page.getByRole("form", { name: "Daftarkan penghuni" });
      const rows = page.getByTestId("resident-row");
      const before = await rows.count();
      await expect(form).toHaveCount(0);
      await page.getByTestId("enrol-available").getByRole("link", { name: "Pilih dari daftar" }).click();
      await expect(page).toHaveURL(/[?&]enrol=1#class-enrol$/);

      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        form.getByRole("button", { name: "Daftarkan yang dipilih" }).click(),
      ]);
      expect(refused.status()).toBe(400);
      await expect(form.getByText(CHOOSE_RESIDENT)).toBeVisible();

      await form.getByRole("checkbox").first().check();
      await form.getByRole("button", { name: "Daftarkan yang dipilih" }).click();
      await expect(page.getByTestId("class-message")).toHaveText("1 penghuni didaftarkan.");
      await expect(rows).toHaveCount(before + 1);
    });
  });
});

/** An open stay of PSBR-TJ1 that a class of its panti could take now (the case file then shows the enrolment form). */
function stayToEnrol(sql: Database.Database): { pantiId: number; stayId: number } {
  const row = sql
    .prepare(
      `select s.panti_id as pantiId, s.id as stayId from stays s join panti p on p.id = s.panti_id
       where p.code = 'PSBR-TJ1' and s.exited_at is null
         and exists (select 1 from classes c where c.panti_id = s.panti_id and c.status <> 'finished' and c.end_date >= ?
           and not exists (select 1 from enrolments e where e.class_id = c.id and e.person_id = s.person_id)
           and (select count(*) from enrolments e where e.class_id = c.id and e.status in ('active', 'completed')) < c.capacity)
       order by s.id desc limit 1`,
    )
    .get(jakartaDay(new Date())) as { pantiId: number; stayId: number } | undefined;
  if (!row) throw new Error("the demo seed has no open stay at PSBR-TJ1 that a class could take");
  return row;
}

/** Whether the page has loaded the chunk of the case file's later sections (they load when they come into view). */
const loadedLaterSections = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType("resource").some((entry) => /\/later-sections-[^/]*\.js$/.test(entry.name)));

test.describe("the case file's later sections, loaded when they come into view", () => {
  test.use({ viewport: { width: 1280, height: 500 } });
  const enrolForm = (page: Page, name = "Daftarkan ke kelas") => page.getByRole("form", { name });
  /** Whether React renders the form (its code has arrived), not the server's markup kept in place. */
  const rendered = (page: Page, name?: string) => enrolForm(page, name).evaluate((form) => Object.keys(form).some((key) => key.startsWith("__reactFiber")));

  test("the enrolment form checks itself in the browser in both languages, without posting, and enrols", async ({ page, login, sql }) => {
    const { pantiId, stayId } = stayToEnrol(sql);
    await login("admin.tj1");
    const dictionaries = dictionaryRequests(page);
    await page.goto(`/panti/${pantiId}/stays/${stayId}`);
    const posts = postsOf(page);
    // Far below the first screen, the sections are the server's markup, and their messages not loaded either.
    const form = enrolForm(page);
    expect(await form.evaluate((el) => el.getBoundingClientRect().top - window.innerHeight)).toBeGreaterThan(500);
    await page.waitForLoadState("networkidle");
    expect(await loadedLaterSections(page)).toBe(false);
    expect(dictionaries).toEqual(["id.common.js", "id.approvals.casefile.safeguarding.js"]);

    await form.scrollIntoViewIfNeeded();
    await expect.poll(() => rendered(page)).toBe(true);
    expect(dictionaries).toEqual(["id.common.js", "id.approvals.casefile.safeguarding.js", "id.exits.exports.handoffs.programmes.provinces.js"]);
    await form.getByRole("button", { name: "Daftarkan ke kelas" }).click();
    await expect(form.getByText("Pilih salah satu pilihan.")).toBeVisible();
    await expect(form.locator("#classId")).toHaveAttribute("aria-invalid", "true");
    // The sections shown by React have their texts: the consent purposes (exports) and the hand-offs.
    await expect(page.getByTestId("consents")).toContainText("Keluarga");
    expect(posts).toEqual([]);

    await page.getByRole("banner").getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const english = enrolForm(page, "Enrol in the class");
    await english.scrollIntoViewIfNeeded();
    await expect.poll(() => rendered(page, "Enrol in the class")).toBe(true);
    await english.getByRole("button", { name: "Enrol in the class" }).click();
    await expect(english.getByText("Choose one of the options.")).toBeVisible();
    expect(posts.filter((url) => !url.endsWith("/set-language"))).toEqual([]);
    await page.getByRole("banner").getByRole("button", { name: "Bahasa Indonesia" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "id");

    const again = enrolForm(page);
    await again.scrollIntoViewIfNeeded();
    await expect.poll(() => rendered(page)).toBe(true);
    const select = again.locator("#classId");
    const label = (await select.locator("option").nth(1).textContent())!.trim();
    await select.selectOption({ label });
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get("saved") === "enrolment"),
      again.getByRole("button", { name: "Daftarkan ke kelas" }).click(),
    ]);
    await expect(page.getByTestId("saved-message")).toHaveText("Terdaftar di kelas.");
    await expect(page.locator("section#enrol")).toContainText(label.split(" · ")[0]!);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the enrolment form posts to the server, which refuses an empty choice and enrols", async ({ page, login, sql }) => {
      const { pantiId, stayId } = stayToEnrol(sql);
      await login("admin.tj1");
      await page.goto(`/panti/${pantiId}/stays/${stayId}`);
      const form = enrolForm(page);
      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        form.getByRole("button", { name: "Daftarkan ke kelas" }).click(),
      ]);
      expect(refused.status()).toBe(400);
      await expect(form.getByText("Pilih salah satu pilihan.")).toBeVisible();

      const select = form.locator("#classId");
      const label = (await select.locator("option").nth(1).textContent())!.trim();
      await select.selectOption({ label });
      await form.getByRole("button", { name: "Daftarkan ke kelas" }).click();
      await expect(page.getByTestId("saved-message")).toHaveText("Terdaftar di kelas.");
      await expect(page.locator("section#enrol")).toContainText(label.split(" · ")[0]!);
    });
  });
});
