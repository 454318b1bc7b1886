/** Route parameters: ids in the URL are positive integers, or the page is simply not found. */
import type { Params } from "@remix-run/react";
import { notFound } from "./auth.server";

const ID = /^[1-9]\d{0,15}$/;

/**
 * The named ids of a route (`idParams(params, "pantiId", "stayId")`), as numbers; a missing or
 * malformed one throws 404.
 */
export function idParams<K extends string>(params: Params, ...names: K[]): Record<K, number> {
  const ids = {} as Record<K, number>;
  for (const name of names) ids[name] = idOf(params[name]);
  return ids;
}

/**
 * An id chosen in the query string (`?room=12`): null when absent or empty, a number when it is a
 * positive integer; anything else is a page that is not found, as for an id of the path.
 */
export function searchIdParam(searchParams: URLSearchParams, name: string): number | null {
  const raw = searchParams.get(name);
  return raw ? idOf(raw) : null;
}

function idOf(raw: string | undefined): number {
  if (!raw || !ID.test(raw)) throw notFound();
  const id = Number(raw);
  if (!Number.isSafeInteger(id)) throw notFound();
  return id;
}
