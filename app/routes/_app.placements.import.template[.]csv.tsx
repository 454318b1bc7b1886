import type { LoaderFunctionArgs } from "@remix-run/node";
import { importTemplate } from "~/services/placement-import.server";
import { requirePermission } from "~/utils/auth.server";
import { fileDownload } from "~/utils/http.server";

/** The CSV template for the batch upload of referrals: the expected headers and one example row. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "placement:create");
  return fileDownload(await importTemplate("csv"));
}
