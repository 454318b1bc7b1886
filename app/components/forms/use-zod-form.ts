/**
 * react-hook-form on top of a Remix <Form>: the same zod schema validates on submit and then as the user types;
 * a valid form is submitted the normal way (and without JavaScript the form still posts, with
 * the server's answer shown by the same field components).
 *
 * A form whose input is not a set of plain named fields (a file, one `mark.<id>` radio group per
 * row) is read as the server reads it: `readForm` validates the form's own FormData, through the
 * same conversion the server uses, and `formProps` goes on the <Form>.
 */
import { useMemo, useRef, type FormEvent } from "react";
import { useSubmit } from "@remix-run/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { get, useForm, type FieldErrors, type FieldValues, type Resolver } from "react-hook-form";
import type * as z from "zod/mini";
import { errorMap, formDataWithFiles, requiredFields } from "~/utils/validation";
import { useLang, useT } from "~/utils/use-i18n";

/** Empty strings and unticked checkboxes read as "not given", as FormData does on the server. */
function normalize(values: FieldValues): FieldValues {
  const out: FieldValues = {};
  for (const [key, value] of Object.entries(values)) {
    // An unticked checkbox (or group) is `false` in react-hook-form and absent in FormData.
    out[key] = (typeof value === "string" && value.trim() === "") || value === false ? undefined : value;
  }
  return out;
}

export interface ServerFormState {
  errors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
  formError?: string;
}

export function useZodForm<S extends z.ZodMiniType<unknown, FieldValues>>(
  schema: S,
  options: {
    defaultValues: Record<string, string | boolean>;
    server?: ServerFormState | null;
    /** Validate the form's FormData (files included) rather than the registered fields' values. */
    readForm?: boolean;
  },
) {
  const lang = useLang();
  const submit = useSubmit();
  const element = useRef<HTMLFormElement>(null);
  const readForm = options.readForm === true;
  const base = zodResolver(schema as never, { error: errorMap(lang) as never }) as unknown as Resolver<FieldValues>;
  const resolver: Resolver<FieldValues> = (values, context, opts) =>
    base(readForm && element.current ? formDataWithFiles(new FormData(element.current)) : normalize(values), context, opts);
  const initial: Record<string, string | boolean> = { ...options.defaultValues, ...(options.server?.values ?? {}) };
  const required = useMemo(() => requiredFields(schema as unknown as z.ZodMiniType), [schema]);
  // Errors appear on submit, then follow typing. Not on blur: an error appearing when a field
  // loses focus to the submit button moves the button away under the pointer, and the click
  // that should submit lands beside it.
  const form = useForm<FieldValues>({ resolver, mode: "onSubmit", reValidateMode: "onChange", defaultValues: initial, shouldFocusError: !readForm });
  const t = useT();

  /** Client errors first (they follow typing; custom messages are keys), else what the server said. */
  const errorFor = (name: string): string[] | undefined => {
    // `get` reads a dotted name ("mark.12") where react-hook-form nests it.
    const client = (get(form.formState.errors, name) as FieldErrors[string] | undefined)?.message;
    if (typeof client === "string" && client) return [t.keyOrText(client)];
    return options.server?.errors?.[name];
  };

  /**
   * A text input, select or textarea: react-hook-form's props plus the value in the server-rendered
   * HTML (register alone sets values only once JavaScript runs, so a form without it would come
   * back empty after a 400).
   */
  const register = (name: string) => {
    const value = initial[name];
    return {
      ...form.register(name),
      defaultValue: typeof value === "string" ? value : undefined,
      // Marks the field as required for screen readers and for <Field>'s marker, and as invalid
      // while it has an error (so pages need not repeat either).
      "aria-required": required.has(name) ? true : undefined,
      "aria-invalid": errorFor(name) ? true : undefined,
    };
  };

  // The checkboxes of a group (one name, a value each) share one registration: react-hook-form's
  // handlers and ref callback take the element they are given, and registering a name again only
  // repeats the work (a class's enrolment form has a checkbox per open stay of its panti).
  const groups = new Map<string, ReturnType<typeof form.register>>();
  /** A checkbox with this value, ticked when the initial value holds it (true, "on", or a list). */
  const checkbox = (name: string, value = "on") => {
    const current = initial[name];
    const checked =
      current === true || (typeof current === "string" && current.split(",").includes(value));
    let registered = groups.get(name);
    if (!registered) groups.set(name, (registered = form.register(name)));
    return { ...registered, value, defaultChecked: checked };
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const target = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void form.handleSubmit(
      () => submit(submitter ?? target),
      (errors) => (readForm ? focusFirstError(target, errors) : undefined),
    )(event);
  };

  /**
   * For `readForm`: the form's own props. After a refused submit, any change checks the whole
   * form again, so that an error that is no one field's (at least one mark) follows too.
   */
  const formProps = {
    ref: element,
    onSubmit,
    onChange: () => {
      if (form.formState.isSubmitted) void form.trigger();
    },
    noValidate: true,
  };

  return { form, errorFor, onSubmit, register, checkbox, formProps };
}

/** Moves the focus (and a phone's view) to the first control of the form that has an error. */
function focusFirstError(target: HTMLFormElement, errors: FieldErrors) {
  for (const control of Array.from(target.elements)) {
    const name = control.getAttribute("name");
    if (name && get(errors, name) && control instanceof HTMLElement) {
      control.focus();
      return;
    }
  }
}
