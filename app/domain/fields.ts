import * as z from "zod";

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
