import * as z from "zod/mini";
import { isCalendarDate, parseJakartaDateTime } from "./time";

/**
 * A checkbox: absent/false when unticked; "on" from a posted form or `true` from
 * react-hook-form when ticked.
 */
export const checkbox = () =>
  z.pipe(z.optional(z.union([z.boolean(), z.enum(["on", "true", "1"])])), z.transform((v) => v === true || typeof v === "string"));

/**
 * A positive integer id from a form or URL. In a form it is a choice (a select, a radio), so a
 * missing or wrong one says "choose one", not "enter a number".
 */
export const idField = () => z.coerce.number({ error: "error.choose_option" }).check(z.int("error.choose_option"), z.positive("error.choose_option"));

/** Repeated form fields (checkboxes): absent → [], one value → [value], react-hook-form's false → []. */
export const repeatedField = <T extends z.ZodMiniType>(item: T) =>
  z.pipe(z.transform((v) => (v == null || v === false || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "" && x !== false) : [v])), z.array(item));
/** A calendar date YYYY-MM-DD from a date input. */
export const calendarDate = () => z.string().check(z.trim(), z.refine(isCalendarDate, "error.date"));

/** An instant from a datetime-local input, read in Asia/Jakarta. */
export const jakartaInstant = () =>
  z.pipe(z.string(), z.transform((value, ctx) => {
    const date = parseJakartaDateTime(value);
    if (!date) {
      transformIssue(ctx, "error.datetime");
      return z.NEVER;
    }
    return date;
  }));

/**
 * Refuses the value inside a `z.transform` (whose context, in zod mini, has no `addIssue`): the
 * same custom issue as classic zod's `ctx.addIssue({ code: "custom", message, path })`.
 */
export function transformIssue(ctx: z.core.ParsePayload, message: string, path?: PropertyKey[]): void {
  ctx.issues.push({ code: "custom", message, input: ctx.value, ...(path ? { path } : {}) });
}
