/**
 * The enrolment form as the server renders it, in place: a `.server` module is empty in the
 * browser build, so the class page's scripts do not carry the form (nor zod and react-hook-form);
 * the browser loads it when it comes into view (./lazy-enrol-form.tsx, `lazyWhenSeen`).
 */
export { EnrolForm } from "./enrol-form";
