/**
 * The ports the bench's servers listen on: any free port, or with `BENCH_PORTS=FROM-TO` (a
 * machine shared with other work, where each user keeps to a range) the first free one of that range.
 */
import net from "node:net";

function range(): number[] | null {
  const match = /^(\d+)-(\d+)$/.exec(process.env.BENCH_PORTS ?? "");
  if (!match) return null;
  const [from, to] = [Number(match[1]), Number(match[2])];
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** Listens on the first port that is free (of `BENCH_PORTS`, or any); resolves with it. */
export async function listenOnFreePort(server: net.Server, host = "127.0.0.1"): Promise<number> {
  for (const port of range() ?? [0]) {
    const listening = await new Promise<boolean>((resolve, reject) => {
      const failed = (error: NodeJS.ErrnoException) => (error.code === "EADDRINUSE" ? resolve(false) : reject(error));
      server.once("error", failed);
      server.listen(port, host, () => {
        server.off("error", failed);
        resolve(true);
      });
    });
    if (listening) return (server.address() as net.AddressInfo).port;
  }
  throw new Error(`no free port in BENCH_PORTS=${process.env.BENCH_PORTS}`);
}

/** A port that was free a moment ago, for a server another process starts. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  const port = await listenOnFreePort(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
