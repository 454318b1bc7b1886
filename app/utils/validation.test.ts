import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { sessionSchema } from "~/domain/case-file";
import { formDataToObject, formDataWithFiles, parseForm, requiredFields } from "./validation";

const schema = z.object({
  name: z.string().check(z.trim(), z.minLength(2), z.maxLength(5)),
  count: z.coerce.number().check(z.int(), z.gte(1)),
  kind: z.enum(["a", "b"]),
  tags: z.optional(z.array(z.string())),
});

function form(entries: [string, string][]) {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

describe("parseForm", () => {
  it("returns typed data", () => {
    const r = parseForm(schema, form([["name", "Budi"], ["count", "3"], ["kind", "a"], ["tags[]", "x"], ["tags[]", "y"]]), "id");
    expect(r).toEqual({ ok: true, data: { name: "Budi", count: 3, kind: "a", tags: ["x", "y"] } });
  });

  it("gives field errors in Indonesian and keeps what was typed, never echoing passwords", () => {
    const r = parseForm(schema, form([["name", "Bambang Sutrisno"], ["count", "abc"], ["kind", "z"], ["password", "secret"]]), "id");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.name).toEqual(["Paling banyak 5 karakter."]);
    expect(r.errors.count).toEqual(["Isi dengan angka."]);
    expect(r.errors.kind).toEqual(["Pilih salah satu pilihan."]);
    expect(r.values).toEqual({ name: "Bambang Sutrisno", count: "abc", kind: "z" });
  });

  it("speaks English when asked and treats blanks as missing", () => {
    const r = parseForm(schema, form([["name", "  "], ["kind", "a"], ["count", "1"]]), "en");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.name).toEqual(["Required."]);
  });
});

describe("formDataToObject", () => {
  it("groups repeated keys, keeps a __proto__ field as an ordinary property and reads tens of thousands of fields", () => {
    const out = formDataToObject(form([["a", "1"], ["a", "2"], ["__proto__", "x"], ["b", " "], ["c[]", "z"]]));
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(["a", "__proto__", "b", "c"]);
    expect(out.a).toEqual(["1", "2"]);
    expect(Object.getOwnPropertyDescriptor(out, "__proto__")?.value).toBe("x");
    expect(out.b).toBeUndefined();
    expect(out.c).toEqual(["z"]);

    const many = form(Array.from({ length: 50_000 }, (_, i) => [`f${i}`, "1"] as [string, string]));
    const out50k = formDataToObject(many);
    expect(Object.keys(out50k)).toHaveLength(50_000);
    expect(out50k.f49999).toBe("1");
  });
});

describe("formDataWithFiles", () => {
  it("reads the text fields as formDataToObject does and each file as the File itself", () => {
    const fd = form([["intent", "upload"], ["outreachUnit", ""]]);
    const file = new File(["a,b"], "rujukan.csv", { type: "text/csv" });
    fd.append("file", file);
    const out = formDataWithFiles(fd);
    expect(out).toEqual({ intent: "upload", outreachUnit: undefined, file });
    expect(out.file).toBe(file);
  });
});

describe("requiredFields", () => {
  it("lists the fields whose schema refuses an empty input, through refinements and transforms", () => {
    const schema = z.pipe(z.object({
      name: z.string().check(z.minLength(1)),
      age: z.coerce.number().check(z.int()),
      note: z.optional(z.string()),
      kind: z._default(z.enum(["a", "b"]), "a"),
    }).check(z.superRefine(() => undefined)), z.transform((v) => v));
    expect([...requiredFields(schema)].sort()).toEqual(["age", "name"]);
  });

  it("marks for a union only what every branch requires", () => {
    const schema = z.discriminatedUnion("intent", [
      z.object({ intent: z.literal("a"), name: z.string(), x: z.string() }),
      z.object({ intent: z.literal("b"), name: z.string(), y: z.optional(z.string()) }),
    ]);
    expect([...requiredFields(schema)].sort()).toEqual(["intent", "name"]);
  });

  it("reads a real form schema: the psychosocial session", () => {
    const required = requiredFields(sessionSchema);
    expect(required.has("summary")).toBe(true);
    expect(required.has("serviceCode")).toBe(true);
    expect(required.has("followUp")).toBe(false);
    expect(required.has("note")).toBe(false);
  });
});
