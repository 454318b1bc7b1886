/**
 * The management forms as the server renders them, in place: a `.server` module is empty in the
 * browser build, so the page's scripts do not carry the forms (nor zod and react-hook-form); the
 * browser loads them when they come into view (./lazy-manage-forms.tsx, `lazyWhenSeen`).
 */
export { ManageForms } from "./manage-forms";
