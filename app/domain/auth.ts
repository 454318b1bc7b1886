import * as z from "zod/mini";

export const signInSchema = z.object({
  username: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
  password: z.string().check(z.minLength(1), z.maxLength(256)),
  redirectTo: z.optional(z.string().check(z.maxLength(2000))),
});
