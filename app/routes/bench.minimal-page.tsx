/**
 * GET /bench/minimal-page: the smallest page of the app, for `npm run bench` only (404 unless the
 * server runs with PANTI_BENCH_PAGE=1). An empty loader and a one-line component, rendered through
 * the same server.js, root (its loader, document and scripts) and entry.server as every page: its
 * time is what Express, Remix and React cost for any page here, the floor of the stack that the
 * bench shows each page against beside the bare node:http floor (docs/decisions/018-page-speed.md).
 */
import { notFound } from "~/utils/auth.server";

export async function loader() {
  if (process.env.PANTI_BENCH_PAGE !== "1") throw notFound();
  return null;
}

export default function MinimalPage() {
  return <p>Panti</p>;
}
