import type { LoaderFunctionArgs } from "@remix-run/node";
import * as z from "zod";
import { buildDataset, DATASETS, datasetPermission } from "~/queries/exports.server";
import { forbidden, getLang, notFound, requirePermission } from "~/utils/auth.server";
import { EXPORT_FORMATS, exportResponse } from "~/utils/export.server";

const paramsSchema = z.object({ dataset: z.enum(DATASETS), format: z.enum(EXPORT_FORMATS) });

/** GET /export/:dataset/:format?…filters — a list or report as CSV or XLSX, in the user's scope. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  const user = await requirePermission(request, datasetPermission(parsed.data.dataset));
  const dataset = buildDataset(user, parsed.data.dataset, new URL(request.url).searchParams, await getLang(request));
  if (!dataset) throw forbidden();
  return exportResponse(dataset, parsed.data.format);
}
