/**
 * The page kit: what every page's document uses beside React and Remix — its title (`pageTitle`,
 * `titleOf`), the groups of messages its routes declare (`messagesHandle`), its header, its error
 * pages, the language switch and the navigation's plain links (which the lists use too). The browser build puts modules in one file per set of routes
 * that reach them (esbuild's code splitting), so these small modules, each reached by nearly but
 * not exactly the same routes, were seven files on every page. The root, the app layout and the
 * pages outside the layout import them through this module, and every other page reaches its
 * header, title, messages and error boundary anyway: every route that reaches one of them reaches
 * them all, and they are one file, two with the language switch and the plain links, which the
 * pages that use those import from here (docs/decisions/018-page-speed.md; tests/e2e/bundle.spec.ts
 * checks it).
 */
export { ErrorPage } from "./error-page";
export { LanguageSwitch } from "./language-switch";
export { PageHeader, type Crumb } from "./page-header";
export { NavAnchor, PlainLink, useFollowLinks } from "./plain-links";
export { RouteErrorBoundary } from "./route-error-boundary";
export { messagesHandle } from "~/utils/message-groups";
export { pageTitle, titleOf } from "~/utils/meta";
