/**
 * The referral list's loader (the page is ./route.tsx, which re-exports it). It lives in a
 * `.server` module of the route's own so that the page's scripts do not name the server modules
 * it uses: in the browser build each of those is an empty module, and one that several routes
 * import is a file of its own, which the page would download before its first paint
 * (docs/decisions/018-page-speed.md, "fewer files before the first paint").
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { hasPermission, scopeFor } from "~/domain/permissions";
import { placementListFilterSchema } from "~/utils/loader-schemas.server";
import { activePantiOptions } from "~/queries/occupancy.server";
import { listPlacements } from "~/queries/placements.server";
import { requirePermission } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement:read");
  const url = new URL(request.url);
  const filter = placementListFilterSchema.parse(Object.fromEntries(url.searchParams));
  const readScope = scopeFor(user, "placement:read");
  const scope = readScope.kind === "all" ? "all" : readScope.kind === "unit" ? "outreach" : "panti";
  // A panti's queue opens on what is waiting.
  const status = filter.status ?? (scope === "panti" && !url.searchParams.has("status") ? "pending" : undefined);
  const list = listPlacements(user, { status, pantiId: filter.panti, unit: filter.unit, page: filter.page });
  return {
    ...list,
    filter: { ...filter, status },
    scope,
    now: new Date(),
    canCreate: hasPermission(user, "placement:create"),
    pantiOptions: scope === "all" ? activePantiOptions() : [],
  };
}
