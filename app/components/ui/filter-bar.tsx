import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import { useT } from "~/utils/use-i18n";

/**
 * The filters of a list: a GET form, so every filtered view has its own URL (to bookmark, share
 * and go back to), with one "apply" button. Works without JavaScript.
 */
export function FilterBar({
  children,
  label,
  className,
  submitLabel,
  submitClassName,
  actions,
  testId,
}: {
  children: ReactNode;
  label?: string;
  className?: string;
  /** The text of the button ("Apply" by default). */
  submitLabel?: ReactNode;
  submitClassName?: string;
  /** More controls after the button (a link that resets the filters). */
  actions?: ReactNode;
  testId?: string;
}) {
  const t = useT();
  return (
    <Form
      method="get"
      className={className ? `filters card ${className}` : "filters card"}
      aria-label={label ?? t("common.filters")}
      data-testid={testId}
    >
      {children}
      <button type="submit" className={submitClassName}>
        {submitLabel ?? t("common.apply")}
      </button>
      {actions}
    </Form>
  );
}

export interface FilterOption {
  value: string | number;
  label: ReactNode;
}

/** A labelled select of a filter bar, with "all" first (the empty value) unless `includeAll` is false. */
export function FilterSelect({
  name,
  label,
  options,
  value,
  allLabel,
  includeAll = true,
  id,
}: {
  name: string;
  label: ReactNode;
  options: readonly FilterOption[];
  value: string | number | null | undefined;
  /** The text of the empty choice ("All" by default). */
  allLabel?: ReactNode;
  /** False for a choice that always has a value (a year, a quarter): no empty "all" option. */
  includeAll?: boolean;
  id?: string;
}) {
  const t = useT();
  const controlId = id ?? `filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={controlId}>{label}</label>
      <select id={controlId} name={name} defaultValue={value == null ? "" : String(value)}>
        {includeAll ? <option value="">{allLabel ?? t("common.all")}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled date of a filter bar (a period's start or end). */
export function FilterDate({ name, label, value, id }: { name: string; label: ReactNode; value: string | null | undefined; id?: string }) {
  const controlId = id ?? `filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={controlId}>{label}</label>
      <input id={controlId} type="date" name={name} defaultValue={value ?? ""} />
    </div>
  );
}
