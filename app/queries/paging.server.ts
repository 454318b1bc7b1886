/**
 * Numbered pages that cost the same at any depth (decision 019). A list reads one page of ids
 * from the index that already holds its filter and order (skipping entries of that index only,
 * never whole rows), then the page's rows by id; it counts its rows up to COUNT_LIMIT and, past
 * that, says "more than 10,000" and offers the next page while there is one.
 */
import { count, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { db } from "~/utils/db.server";

/** A list counts its rows up to this many; beyond, it shows "more than" this. */
export const COUNT_LIMIT = 10_000;

/** The rows matching `where`, counted up to COUNT_LIMIT + 1 (a walk of at most that many index entries). */
export function boundedCount(table: SQLiteTable, where: SQL | undefined): { total: number; exact: boolean } {
  const matching = db
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(COUNT_LIMIT + 1)
    .as("matching");
  const n = db.select({ n: count() }).from(matching).get()?.n ?? 0;
  return n > COUNT_LIMIT ? { total: COUNT_LIMIT, exact: false } : { total: n, exact: true };
}

/**
 * The pager's figures: with an exact count, every page is numbered; past COUNT_LIMIT, the pages
 * run to the one after this while `hasNext` (one more id than a page was found).
 */
export function pageFigures(page: number, pageSize: number, counted: { total: number; exact: boolean }, hasNext: boolean) {
  const pageCount = counted.exact ? Math.max(1, Math.ceil(counted.total / pageSize)) : hasNext ? page + 1 : page;
  return { page, pageCount, total: counted.total, totalExact: counted.exact };
}

/** A query of ids, filtered and ordered, that can still take its limit and offset. */
interface IdQuery {
  limit(n: number): { offset(n: number): { all(): { id: number }[] } };
}

/** The ids of one page (reading one more, to tell whether another page follows) and whether it does. */
export function pageOfIds(query: IdQuery, page: number, pageSize: number): { ids: number[]; hasNext: boolean } {
  const ids = query
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize)
    .all()
    .map((r) => r.id);
  return { ids: ids.slice(0, pageSize), hasNext: ids.length > pageSize };
}

/** The page figures of a paginated list: its total, the page shown and how many pages there are. */
export function pageOf(total: number, page: number, pageSize: number) {
  return { total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
