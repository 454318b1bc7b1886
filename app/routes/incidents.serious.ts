import type { LoaderFunctionArgs } from "@remix-run/node";
import { seriousIncidents } from "~/queries/safeguarding.server";
import { requireUser } from "~/utils/auth.server";

/** The serious incidents the signed-in user should see on their home page (none for most roles). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { incidents: seriousIncidents(user) };
}
