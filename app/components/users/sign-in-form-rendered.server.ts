/**
 * The sign-in form as the server renders it, in place: a `.server` module is empty in the
 * browser build, so the sign-in page's scripts do not carry the form (nor zod and
 * react-hook-form); the browser loads it once the user starts using it (./lazy-sign-in-form.tsx).
 */
export { SignInForm } from "./sign-in-form";
