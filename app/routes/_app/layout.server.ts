/**
 * The app layout's loader (the layout is ./route.tsx, which re-exports it): the user, the
 * navigation they may use, whether the database is the demo's and the province this deployment
 * serves. It lives in a `.server` module of the route's own so that the layout's scripts, which
 * every page loads, do not name the server modules it uses: in the browser build each of those
 * is an empty module, and one that several routes import is a file of its own
 * (docs/decisions/018-page-speed.md, "fewer files before the first paint").
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { canOnPanti, hasPermission } from "~/domain/permissions";
import { isDemoDatabase } from "~/queries/audit.server";
import { ownProvinceName } from "~/queries/provinces.server";
import { requireUser } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    demo: isDemoDatabase(),
    province: ownProvinceName(),
    user: {
      name: user.name,
      username: user.username,
      role: user.role,
      pantiName: user.pantiName,
    },
    nav: {
      panti: hasPermission(user, "panti:list"),
      dashboard: hasPermission(user, "report:read"),
      placements: hasPermission(user, "placement:read"),
      classes: hasPermission(user, "class:read"),
      programmes: hasPermission(user, "programme:manage"),
      residents: user.pantiId != null && canOnPanti(user, "case:read", user.pantiId) ? `/panti/${user.pantiId}/residents` : null,
      followUps: hasPermission(user, "followup:record"),
      staleStays: hasPermission(user, "stay:exit"),
      incidents: hasPermission(user, "report:read"),
      staysImport: hasPermission(user, "placement:decide") && hasPermission(user, "stay:exit"),
      users: hasPermission(user, "user:manage"),
      audit: hasPermission(user, "audit:read"),
      apiTokens: hasPermission(user, "api_token:manage"),
      provinces: hasPermission(user, "province:manage"),
      handoffs: hasPermission(user, "handoff:read"),
      approvals: hasPermission(user, "approval:decide"),
    },
  };
}
