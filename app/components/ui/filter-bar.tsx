import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import { useT } from "~/utils/use-i18n";

/**
 * The filters of a list: a GET form, so every filtered view has its own URL (to bookmark, share
 * and go back to), with one "apply" button. Works without JavaScript.
 */
export function FilterBar({ children, label, className }: { children: ReactNode; label?: string; className?: string }) {
  const t = useT();
  return (
    <Form method="get" className={className ? `filters card ${className}` : "filters card"} aria-label={label ?? t("common.filters")}>
      {children}
      <button type="submit">{t("common.apply")}</button>
    </Form>
  );
}

export interface FilterOption {
  value: string | number;
  label: ReactNode;
}

/** A labelled select of a filter bar, with "all" first (the empty value). */
export function FilterSelect({
  name,
  label,
  options,
  value,
  allLabel,
  id,
}: {
  name: string;
  label: ReactNode;
  options: readonly FilterOption[];
  value: string | number | null | undefined;
  /** The text of the empty choice ("All" by default). */
  allLabel?: ReactNode;
  id?: string;
}) {
  const t = useT();
  const controlId = id ?? `filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={controlId}>{label}</label>
      <select id={controlId} name={name} defaultValue={value == null ? "" : String(value)}>
        <option value="">{allLabel ?? t("common.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
