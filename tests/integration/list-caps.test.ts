/**
 * No silent caps: the follow-up and stale-stay lists page through every row (once each, with the
 * total shown), and their downloads hold every row, well past the 500 rows the lists used to stop at
 * and past one read batch of a download; a form that picks residents offers all of them.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { followUps, persons, stays } from "#db/schema";
import { FOLLOW_UPS_PAGE_SIZE, STALE_STAYS_PAGE_SIZE } from "~/queries/exits.server";
import { loader as followUpsLoader } from "~/routes/_app.follow-ups";
import { loader as groupSessionLoader } from "~/routes/_app.panti.$pantiId_.sessions.new";
import { loader as staleStaysLoader } from "~/routes/_app.stale-stays";
import { loader as exportLoader } from "~/routes/export.$dataset.$format";
import { parseCsv } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { getRequest, routeArgs } from "../routes";
import { cookieFor, createPanti, createUser, ensureReference } from "../factories";

const DAY = 86_400_000;

/** `n` people with a stay each in the panti, admitted (and exited, when given) at the same instants. */
function stayRows(pantiId: number, n: number, admittedAt: Date, exitedAt: Date | null) {
  ensureReference();
  return db.transaction((tx) =>
    Array.from({ length: n }, (_, i) => {
      const person = tx.insert(persons).values({ name: `Warga Daftar ${pantiId}-${i}`, sex: "male" }).returning().get();
      return tx
        .insert(stays)
        .values({ personId: person.id, pantiId, admittedAt, exitedAt, exitOutcome: exitedAt ? "returned_family" : null })
        .returning()
        .get();
    }),
  );
}

/** Every page of a list loader, from page 1 to the page count it reports. */
async function allPages<T extends { rows: unknown[]; total: number; page: number; pageCount: number }>(
  load: (page: number) => Promise<T>,
) {
  const first = await load(1);
  const pages = [first];
  for (let page = 2; page <= first.pageCount; page++) pages.push(await load(page));
  return pages;
}

async function csvOf(cookie: string, dataset: string) {
  const response = (await exportLoader(routeArgs(getRequest(`/export/${dataset}/csv?for=internal`, cookie), { dataset, format: "csv" }))) as Response;
  expect(response.status).toBe(200);
  return parseCsv((await response.text()).replace(/^\uFEFF/, "")).filter((r) => r.some((c) => c !== ""));
}

describe("the follow-up list and its download", () => {
  it("page through every follow-up not yet done, once each, and the download holds them all", async () => {
    const p = createPanti({ name: "Panti Sosial Bina Laras Daftar" });
    const other = createPanti();
    const exitedAt = new Date(Date.now() - 400 * DAY);
    // 700 exits × 3 follow-ups = 2,100: past the old cap (500) and one download batch (2,000); many
    // share a due date, so the order must break ties by id.
    const exited = stayRows(p.id, 700, new Date(exitedAt.getTime() - 30 * DAY), exitedAt);
    const due = ["2025-01-10", "2025-03-10", "2025-06-10"];
    db.transaction((tx) => {
      for (const s of exited) for (const [i, dueDate] of due.entries()) tx.insert(followUps).values({ stayId: s.id, pantiId: p.id, sequence: [1, 3, 6][i]!, dueDate }).run();
      // Done, and another panti's: not in the list.
      tx.update(followUps).set({ doneAt: new Date(), channel: "phone", result: "stable" }).where(and(eq(followUps.stayId, exited[0]!.id), eq(followUps.sequence, 1))).run();
    });
    const [otherStay] = stayRows(other.id, 1, new Date(exitedAt.getTime() - 30 * DAY), exitedAt);
    db.insert(followUps).values({ stayId: otherStay!.id, pantiId: other.id, sequence: 1, dueDate: "2025-01-10" }).run();
    const expected = 700 * 3 - 1;

    const admin = createUser("panti_admin", p.id);
    const cookie = await cookieFor(admin.username);
    const pages = await allPages((page) => followUpsLoader(routeArgs(getRequest(`/follow-ups?page=${page}`, cookie))));
    expect(pages[0]!.total).toBe(expected);
    expect(pages[0]!.pageCount).toBe(Math.ceil(expected / FOLLOW_UPS_PAGE_SIZE));
    expect(pages.every((pg) => pg.rows.length <= FOLLOW_UPS_PAGE_SIZE)).toBe(true);
    const ids = pages.flatMap((pg) => pg.rows.map((r) => r.id));
    expect(ids).toHaveLength(expected);
    expect(new Set(ids).size).toBe(expected);
    expect(pages.flatMap((pg) => pg.rows).every((r) => r.pantiId === p.id)).toBe(true);
    // Due first, across page boundaries.
    const dueDates = pages.flatMap((pg) => pg.rows.map((r) => r.dueDate));
    expect([...dueDates].sort()).toEqual(dueDates);

    const csv = await csvOf(cookie, "follow-ups");
    expect(csv.length - 1).toBe(expected);
    expect(csv.slice(1).filter((r) => r[2] !== p.name)).toHaveLength(0);
    // Each follow-up once: a person appears once per remaining sequence.
    const lines = new Set(csv.slice(1).map((r) => `${r[1]}|${r[3]}`));
    expect(lines.size).toBe(expected);
  });
});

describe("the stale-stay list and its download", () => {
  it("page through every stay to review, once each, and the download holds them all", async () => {
    const p = createPanti({ name: "Panti Sosial Kedoya Daftar", type: "intake" });
    // 2,050 open stays without a bed, admitted 60 days ago at the same instant.
    stayRows(p.id, 2050, new Date(Date.now() - 60 * DAY), null);
    const admin = createUser("panti_admin", p.id);
    const cookie = await cookieFor(admin.username);

    const pages = await allPages((page) => staleStaysLoader(routeArgs(getRequest(`/stale-stays?page=${page}`, cookie))));
    expect(pages[0]!.total).toBe(2050);
    expect(pages[0]!.pageCount).toBe(Math.ceil(2050 / STALE_STAYS_PAGE_SIZE));
    const ids = pages.flatMap((pg) => pg.rows.map((r) => r.stayId));
    expect(ids).toHaveLength(2050);
    expect(new Set(ids).size).toBe(2050);
    // A page past the end is empty but still tells the total.
    const beyond = await staleStaysLoader(routeArgs(getRequest(`/stale-stays?page=999`, cookie)));
    expect(beyond).toMatchObject({ rows: [], total: 2050 });

    const csv = await csvOf(cookie, "stale-stays");
    expect(csv.length - 1).toBe(2050);
    expect(new Set(csv.slice(1).map((r) => r[0])).size).toBe(2050);
  });
});

describe("the group-session form", () => {
  it("offers every current resident of the panti, past the 1,000 it used to stop at", async () => {
    const p = createPanti({ name: "Panti Sosial Bina Laras Besar" });
    stayRows(p.id, 1005, new Date(Date.now() - 10 * DAY), null);
    const psych = createUser("psychosocial", p.id);
    const cookie = await cookieFor(psych.username);
    const form = await groupSessionLoader(routeArgs(getRequest(`/panti/${p.id}/sessions/new`, cookie), { pantiId: String(p.id) }));
    expect(form.residents).toHaveLength(1005);
    expect(new Set(form.residents.map((r) => r.stayId)).size).toBe(1005);
  });
});
