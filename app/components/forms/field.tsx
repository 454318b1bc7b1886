import { Children, isValidElement, type ReactNode } from "react";
import { useT } from "~/utils/use-i18n";

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

/** Whether the control inside a field says it is required (useZodForm's register does, from the schema). */
function controlIsRequired(children: ReactNode): boolean {
  return Children.toArray(children).some(
    (child) => isValidElement<{ "aria-required"?: unknown; required?: unknown }>(child) && (child.props["aria-required"] === true || child.props.required === true),
  );
}

/**
 * A labelled field wrapper: label (with a marker when the field is required), the control, an
 * optional hint and the error. Required is read from the control, or given.
 */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: readonly string[] | string;
  required?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const marked = required ?? controlIsRequired(children);
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {marked ? (
          <abbr className="required-mark" title={t("form.required")} aria-hidden="true">
            *
          </abbr>
        ) : null}
      </label>
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
