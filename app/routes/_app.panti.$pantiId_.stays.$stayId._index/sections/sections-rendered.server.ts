/**
 * The parts of the case file that load when they come into view, as the server renders them, in
 * place: a `.server` module is empty in the browser build, so the page's scripts do not carry
 * them (./lazy-sections.tsx, `lazyWhenSeen`).
 */
export { ArrivedFromSection } from "./arrived-from";
export { LaterSections } from "./later-sections";
