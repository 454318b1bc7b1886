/**
 * Domain schemas that a page uses in its loader only, imported by the route through this
 * server-only module. Imported straight from a domain module, such a schema keeps that module's
 * shared browser chunk in the page's scripts, and zod with it, as soon as another page uses the
 * module in the browser: esbuild's code splitting leaves the import of a shared chunk in place
 * even when nothing of it is used. A `.server` module is empty in the browser build, so the page
 * loads neither (docs/decisions/018-page-speed.md). The schemas stay those of app/domain.
 * The bed board's action schemas come this way too: its forms load when they come into view
 * (docs/decisions/026-bed-board-by-room.md), and so do the class page's (its enrolment form),
 * the case file's and the sign-in page's (its form loads once the user starts using it).
 */
export { placementListFilterSchema } from "~/domain/placements";
export { reportFilterSchema, resolveFilter } from "~/domain/reports";
export { addBedsSchema, addRoomSchema, boardFilterSchema, setBedStatusSchema } from "~/domain/beds";
export { caseEnrolSchema, enrolSchema, finishClassSchema } from "~/domain/programmes";
export { signInSchema } from "~/domain/auth";
