import * as z from "zod";
import { isCalendarDate, parseJakartaDateTime } from "./time";

/**
 * A checkbox: absent/false when unticked; "on" from a posted form or `true` from
 * react-hook-form when ticked.
 */
export const checkbox = () =>
  z
    .union([z.boolean(), z.enum(["on", "true", "1"])])
    .optional()
    .transform((v) => v === true || typeof v === "string");

/**
 * A positive integer id from a form or URL. In a form it is a choice (a select, a radio), so a
 * missing or wrong one says "choose one", not "enter a number".
 */
export const idField = () => z.coerce.number({ error: "error.choose_option" }).int("error.choose_option").positive("error.choose_option");

/** Repeated form fields (checkboxes): absent → [], one value → [value], react-hook-form's false → []. */
export const repeatedField = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v == null || v === false || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "" && x !== false) : [v]), z.array(item));
/** A calendar date YYYY-MM-DD from a date input. */
export const calendarDate = () => z.string().trim().refine(isCalendarDate, "error.date");

/** An instant from a datetime-local input, read in Asia/Jakarta. */
export const jakartaInstant = () =>
  z.string().transform((value, ctx) => {
    const date = parseJakartaDateTime(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message: "error.datetime" });
      return z.NEVER;
    }
    return date;
  });
