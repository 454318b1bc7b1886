import type { LoaderFunctionArgs } from "@remix-run/node";
import { stayTemplate } from "~/services/stay-import.server";
import { requirePermission } from "~/utils/auth.server";
import { fileDownload } from "~/utils/http.server";

/** The XLSX template for the upload of past stays: the expected headers and one example row. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "placement:decide");
  return fileDownload(await stayTemplate("xlsx"));
}
