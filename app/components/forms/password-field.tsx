import type { ReactNode } from "react";
import { Field } from "./field";
import type { useZodForm } from "./use-zod-form";

/**
 * A password field: the current password for the browser's password manager to fill, or a new
 * one (with its rules as the hint and their least length in the browser too).
 */
export function PasswordField({
  id,
  label,
  hint,
  error,
  autoComplete,
  minLength,
  control,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: readonly string[];
  autoComplete: "current-password" | "new-password";
  minLength?: number;
  /** What useZodForm's `register` gives for this field. */
  control: ReturnType<ReturnType<typeof useZodForm>["register"]>;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input id={id} type="password" autoComplete={autoComplete} minLength={minLength} aria-describedby={describedBy || undefined} {...control} />
    </Field>
  );
}
