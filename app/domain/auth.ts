import * as z from "zod";

export const signInSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  redirectTo: z.string().max(2000).optional(),
});
