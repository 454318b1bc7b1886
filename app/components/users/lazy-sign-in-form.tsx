import { lazyWhenSeen } from "~/components/ui/lazy-when-seen";
import { whenUsed } from "~/components/ui/when-used";
import type { SignInFormProps } from "./sign-in-form";
import * as rendered from "./sign-in-form-rendered.server";

// Unique across pages: `lazyWhenSeen` tells hydration from a client render by this id being in the document.
const FORM_ID = "sign-in";

/** The form, rendered by the server in place and loaded in the browser once the user starts using it. */
const SignInForm = lazyWhenSeen(() => import("./sign-in-form").then((module) => module.SignInForm), rendered.SignInForm, { when: whenUsed });

/** Loads the form's code now (a client-side navigation to the sign-in page: it has no server markup to show meanwhile). */
export const preloadSignInForm = SignInForm.preload;

/**
 * The sign-in form, whose code (zod, react-hook-form, the form kit: a fifth of the page's
 * JavaScript) loads on the user's first focus, press or key in it (`lazyWhenSeen` with `whenUsed`):
 * until then the server's form is a plain POST to the same action. It is the first page every
 * user opens, usually on a phone.
 */
export function LazySignInForm(props: SignInFormProps) {
  return (
    <div id={FORM_ID}>
      <SignInForm watch={FORM_ID} {...props} />
    </div>
  );
}
