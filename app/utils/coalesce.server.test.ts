import { describe, expect, it } from "vitest";
import { CoalescingStream } from "./coalesce.server";

async function collect(stream: CoalescingStream): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return chunks;
}

describe("CoalescingStream", () => {
  it("joins the pieces written in one turn into one chunk, bytes and order unchanged", async () => {
    const stream = new CoalescingStream();
    const read = collect(stream);
    for (let i = 0; i < 100; i++) stream.write(`<p>${i}</p>`);
    stream.end();
    const chunks = await read;
    expect(chunks).toHaveLength(1);
    expect(Buffer.concat(chunks).toString()).toBe(Array.from({ length: 100 }, (_, i) => `<p>${i}</p>`).join(""));
  });

  it("sends a piece written later as soon as it is written", async () => {
    const stream = new CoalescingStream();
    const chunks: string[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
    stream.write("shell");
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(chunks).toEqual(["shell"]);
    stream.write("later");
    stream.end();
    await new Promise((resolve) => stream.on("end", resolve));
    expect(chunks).toEqual(["shell", "later"]);
  });
});
