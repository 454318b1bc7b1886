import type { LoaderFunctionArgs } from "@remix-run/node";
import { importTemplate } from "~/services/placement-import.server";
import { requirePermission } from "~/utils/auth.server";

/** The CSV template for the batch upload of referrals: the expected headers and one example row. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "placement:create");
  const file = await importTemplate("csv");
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
