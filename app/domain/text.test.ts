import { describe, expect, it } from "vitest";
import { snippet } from "./text";

describe("snippet", () => {
  it("keeps a short text whole, on one line", () => {
    expect(snippet("Laki-laki,\n  tato naga di lengan")).toBe("Laki-laki, tato naga di lengan");
  });
  it("cuts a long text at a word and marks the cut", () => {
    const text = "Perempuan sekitar 60 tahun, rambut putih pendek, bekas luka di pipi kiri, memakai kebaya biru";
    const out = snippet(text, 40)!;
    expect(out.endsWith("…")).toBe(true);
    expect(out.length).toBeLessThanOrEqual(41);
    expect(text.startsWith(out.slice(0, -1))).toBe(true);
  });
  it("gives nothing for an empty text", () => {
    expect(snippet(null)).toBeNull();
    expect(snippet("   ")).toBeNull();
  });
});
