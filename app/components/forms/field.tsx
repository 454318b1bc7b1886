import type { ReactNode } from "react";

/** The messages for one field, announced to screen readers. */
export function FieldError({ id, messages }: { id?: string; messages?: readonly string[] | string }) {
  const list = typeof messages === "string" ? [messages] : messages;
  if (!list || list.length === 0) return null;
  return (
    <span className="error" id={id} role="alert">
      {list.join(" ")}
    </span>
  );
}

/** The message of a whole form (a conflict, a refusal that is no one field's), announced at once. */
export function FormError({ message, testId }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <div className="alert error" role="alert" data-testid={testId}>
      {message}
    </div>
  );
}

/** A labelled field wrapper: label, the control, an optional hint and the error. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: readonly string[] | string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldError id={`${id}-error`} messages={error} />
    </div>
  );
}
