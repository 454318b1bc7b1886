/** The process's memory by part (bytes), for the bench (app/routes/bench.memory.ts). */
import fs from "node:fs";
import v8 from "node:v8";

export interface MemoryParts {
  /** Resident set size, and its anonymous and file-backed (binary, libraries, mapped files) parts. */
  rss: number;
  anon: number;
  file: number;
  /** V8 heap: committed size by space (new, old, large objects, code, …) and what is in use. */
  heap: { committed: number; used: number; spaces: Record<string, number> };
  /** Outside the V8 heap but held by JavaScript objects (Buffers, ArrayBuffers). */
  external: number;
}

export function memoryParts(): MemoryParts {
  const status = fs.readFileSync("/proc/self/status", "utf8");
  const kb = (field: string) => 1024 * Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(
    v8
      .getHeapSpaceStatistics()
      .filter((space) => space.physical_space_size > 0)
      .map((space) => [space.space_name.replace(/_space$/, ""), space.physical_space_size]),
  );
  return {
    rss: kb("VmRSS"),
    anon: kb("RssAnon"),
    file: kb("RssFile") + kb("RssShmem"),
    heap: { committed: v8.getHeapStatistics().total_physical_size, used: usage.heapUsed, spaces },
    external: usage.external,
  };
}
