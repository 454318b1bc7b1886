/**
 * GET /bench/memory: the server's memory by part, for `npm run bench` only (404 unless the server
 * runs with PANTI_BENCH_PAGE=1, like /bench/minimal-page): the resident set and its anonymous and
 * file-backed parts (/proc/self/status), the V8 heap by space, and the memory of Buffers and other
 * objects outside the heap. The bench samples it through its run and prints the parts at the
 * highest resident set (docs/decisions/025-server-memory.md).
 */
import { notFound } from "~/utils/auth.server";
import { memoryParts } from "~/utils/memory.server";

export async function loader() {
  if (process.env.PANTI_BENCH_PAGE !== "1") throw notFound();
  return Response.json(memoryParts(), { headers: { "Cache-Control": "no-store" } });
}
