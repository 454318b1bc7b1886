import { Field } from "./field";

/** A labelled select of a form: the options, an optional empty "choose" first, and its error. */
export function SelectField({
  id,
  label,
  error,
  control,
  options,
  choose,
}: {
  id: string;
  label: string;
  error?: readonly string[];
  /** What `register(name)` gives. */
  control: object;
  options: readonly { value: string; label: string }[];
  /** The text of an empty first choice, when the field may start empty. */
  choose?: string;
}) {
  return (
    <Field id={id} label={label} error={error}>
      <select id={id} {...control} aria-invalid={error ? true : undefined}>
        {choose !== undefined ? <option value="">{choose}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
