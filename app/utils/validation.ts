/**
 * One form contract for server and client: a zod schema parses the input; on failure the
 * action answers 400 with `{ errors: { field: [message] }, values }` and the form shows each
 * message beside its field, keeping what the user typed. Messages are in the user's language.
 */
import type * as z from "zod/mini";
import { translator, type Lang, type T } from "./i18n";

export type FieldErrors = Record<string, string[]>;

export interface FormFailure {
  ok: false;
  errors: FieldErrors;
  values: Record<string, string>;
  /** A message for the whole form (e.g. a conflict), shown above the fields. */
  formError?: string;
}

export type ParseResult<Out> = { ok: true; data: Out } | FormFailure;

/** A zod error map that speaks the user's language. Custom messages given as keys are translated. */
export function errorMap(lang: Lang): z.core.$ZodErrorMap {
  const t = translator(lang);
  return (issue) => issueMessage(t, issue);
}

function issueMessage(t: T, issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null || issue.input === "") {
        return t("error.required");
      }
      return issue.expected === "number" || issue.expected === "int"
        ? t("error.number")
        : t("error.invalid");
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1
          ? t("error.required")
          : t("error.min_length", { min: String(issue.minimum) });
      }
      if (issue.origin === "array" || issue.origin === "set") return t("error.choose_one");
      return t("error.min_value", { min: String(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return t("error.max_length", { max: String(issue.maximum) });
      return t("error.max_value", { max: String(issue.maximum) });
    case "invalid_format":
      return t("error.format");
    case "invalid_value":
      // zod 4 reports a missing choice as an invalid value: say it is required.
      if (issue.input === undefined || issue.input === null || issue.input === "") return t("error.required");
      return t("error.choose_option");
    default:
      return t("error.invalid");
  }
}

/** Translates a message that may be a key (custom messages in schemas are keys like "error.nik"). */
export function translateMessage(lang: Lang, message: string): string {
  return translator(lang).keyOrText(message);
}

/** Field errors keyed by dotted path, from a zod error. */
export function fieldErrors(error: z.core.$ZodError, lang: Lang): FieldErrors {
  const t = translator(lang);
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(t.keyOrText(issue.message));
  }
  return out;
}

/** The submitted text values, to put back into the form. Files and passwords are not echoed. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || /password/i.test(key)) continue;
    values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}

/**
 * FormData to a plain object for zod: repeated keys become arrays, empty strings become undefined.
 * One pass over the entries (a form of thousands of fields stays linear); a key such as
 * "__proto__" becomes an ordinary own property.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of formData.entries()) {
    let list = grouped.get(key);
    if (!list) grouped.set(key, (list = []));
    if (typeof value === "string") list.push(value);
  }
  const out: Record<string, unknown> = {};
  const set = (key: string, value: unknown) =>
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  for (const [key, all] of grouped) {
    if (all.length > 1 || key.endsWith("[]")) {
      set(key.replace(/\[\]$/, ""), all.filter((v) => v !== ""));
    } else {
      const v = all[0];
      set(key, v === undefined || v.trim() === "" ? undefined : v);
    }
  }
  return out;
}

/**
 * A multipart form as the upload schemas read it: the text fields as `formDataToObject` reads
 * them, and each file as the File itself. The server parses an upload with it, and the browser
 * checks the same object, read from the form, before posting.
 */
export function formDataWithFiles(formData: FormData): Record<string, unknown> {
  const out = formDataToObject(formData);
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function parseForm<S extends z.ZodMiniType>(
  schema: S,
  formData: FormData,
  lang: Lang,
): ParseResult<z.output<S>> {
  const result = schema.safeParse(formDataToObject(formData), { error: errorMap(lang) });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrors(result.error, lang), values: formValues(formData) };
}

/** For JSON bodies (API): the same schema, the same messages. */
export function parseJson<S extends z.ZodMiniType>(
  schema: S,
  body: unknown,
  lang: Lang,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(body, { error: errorMap(lang) });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrors(result.error, lang) };
}

/**
 * The fields a schema requires: those whose own schema refuses "not given" (an empty input reads
 * as undefined, as in FormData). Looks through transforms and refinements to the object; for a
 * union, the fields every branch requires. Conditional requirements (a refinement that needs a
 * field only with another's value) are not visible here and are not marked.
 */
export function requiredFields(schema: z.ZodMiniType): ReadonlySet<string> {
  // By the definition's type, not `instanceof z.core.…`: reading the `core` namespace as a value
  // would keep all of zod (every locale) in the browser bundle.
  const def = schema._zod.def as z.core.$ZodTypes["_zod"]["def"];
  if (def.type === "pipe") return requiredFields(def.in as z.ZodMiniType);
  if (def.type === "union") {
    const sets = (def.options as z.ZodMiniType[]).map(requiredFields);
    return new Set([...(sets[0] ?? [])].filter((name) => sets.every((s) => s.has(name))));
  }
  if (def.type === "object") {
    const shape = def.shape as Record<string, z.ZodMiniType>;
    return new Set(Object.keys(shape).filter((name) => !shape[name]!.safeParse(undefined).success));
  }
  return new Set();
}
