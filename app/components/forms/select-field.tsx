import { TRACING_RESULTS } from "~/domain/enums";
import { TRANSPORT_MODES } from "~/domain/exits";
import { useT } from "~/utils/use-i18n";
import { Field } from "./field";

/** A labelled select of a form: the options, an optional empty "choose" first, a hint and its error. */
export function SelectField({
  id,
  label,
  hint,
  error,
  control,
  options,
  choose,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: readonly string[];
  /** What `register(name)` gives. */
  control: object;
  options: readonly { value: string; label: string }[];
  /** The text of an empty first choice, when the field may start empty. */
  choose?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select id={id} {...control} aria-invalid={error ? true : undefined} aria-describedby={hint ? `${id}-hint` : undefined}>
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

/** The means of transport of a repatriation (exit form, hand-off form). */
export function TransportField({ control, error, choose }: { control: object; error?: readonly string[]; choose?: string }) {
  const t = useT();
  return (
    <SelectField id="transport" label={t("exit.transport")} error={error} control={control} choose={choose} options={TRANSPORT_MODES.map((m) => ({ value: m, label: t(`transport.${m}`) }))} />
  );
}

/** The result of a family-tracing attempt (the family page, the answer to a partner's request). */
export function TracingResultField({ control, error }: { control: object; error?: readonly string[] }) {
  const t = useT();
  return (
    <SelectField id="result" label={t("caseFile.family.result")} error={error} control={control} options={TRACING_RESULTS.map((r) => ({ value: r, label: t(`tracingResult.${r}`) }))} />
  );
}
