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
  for (const name of names) {
    const raw = params[name];
    if (!raw || !ID.test(raw)) throw notFound();
    const id = Number(raw);
    if (!Number.isSafeInteger(id)) throw notFound();
    ids[name] = id;
  }
  return ids;
}
