import { Form } from "@remix-run/react";
import { signInSchema } from "~/domain/auth";
import { useT } from "~/utils/use-i18n";
import { Field, FormError } from "~/components/forms/field";
import { PasswordField } from "~/components/forms/password-field";
import { SubmitButton } from "~/components/forms/submit-button";
import { useZodForm, type ServerFormState } from "~/components/forms/use-zod-form";

export type SignInFormProps = {
  /** The action's answer to the last post (errors, the username typed, a message for the form). */
  server: ServerFormState | null | undefined;
  /** Where to go once signed in (the page that asked for it). */
  redirectTo: string;
};

/** The sign-in form: the same schema checks it here and in the action. */
export function SignInForm({ server, redirectTo }: SignInFormProps) {
  const t = useT();
  const { register, errorFor, onSubmit } = useZodForm(signInSchema, {
    defaultValues: { username: "", password: "", redirectTo },
    server,
  });
  return (
    <>
      <FormError message={server?.formError} />
      <Form method="post" className="stack" noValidate onSubmit={onSubmit}>
        <input type="hidden" {...register("redirectTo")} />
        <Field id="username" label={t("login.username")} error={errorFor("username")}>
          <input id="username" type="text" autoComplete="username" autoCapitalize="none" autoFocus {...register("username")} />
        </Field>
        <PasswordField id="password" label={t("login.password")} error={errorFor("password")} autoComplete="current-password" control={register("password")} />
        <SubmitButton>{t("login.submit")}</SubmitButton>
      </Form>
    </>
  );
}
