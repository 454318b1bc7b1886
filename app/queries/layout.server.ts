/**
 * What the app layout shows on every page beside the user: whether the database is the demo's
 * and the name of the province this deployment serves. The layout's loader reads them through
 * this one module because, in the browser build, every `.server` module a route imports is an
 * empty module, and one that several routes import is a file of its own that each of their pages
 * downloads (docs/decisions/018-page-speed.md, "fewer files before the first paint").
 */
import { isDemoDatabase } from "./audit.server";
import { ownProvinceName } from "./provinces.server";

export function layoutFacts(): { demo: boolean; province: string } {
  return { demo: isDemoDatabase(), province: ownProvinceName() };
}
