import { z } from "zod";
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

/** A positive integer id from a form or URL. */
export const idField = () => z.coerce.number().int().positive();

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
