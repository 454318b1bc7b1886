import type { LoaderFunctionArgs } from "@remix-run/node";
import * as z from "zod";
import { periodInput, periodSchema } from "~/domain/periods";
import { buildDataset, DATASETS, datasetPermission } from "~/queries/exports.server";
import { forbidden, getLang, notFound, requirePermission } from "~/utils/auth.server";
import { EXPORT_FORMATS, exportResponse } from "~/utils/export.server";
import { parseJson } from "~/utils/validation";

const paramsSchema = z.object({ dataset: z.enum(DATASETS), format: z.enum(EXPORT_FORMATS) });

/** GET /export/:dataset/:format?…filters — a list or report as CSV or XLSX, in the user's scope. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  const user = await requirePermission(request, datasetPermission(parsed.data.dataset));
  const url = new URL(request.url);
  const lang = await getLang(request);
  if (parsed.data.dataset === "period") {
    const period = parseJson(periodSchema, periodInput(url.searchParams), lang);
    if (!period.ok) throw new Response(Object.values(period.errors).flat().join(" "), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const dataset = buildDataset(user, parsed.data.dataset, url.searchParams, lang);
  if (!dataset) throw forbidden();
  return exportResponse(dataset, parsed.data.format);
}
