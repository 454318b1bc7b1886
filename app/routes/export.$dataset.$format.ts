import type { LoaderFunctionArgs } from "@remix-run/node";
import * as z from "zod/mini";
import { periodInput, periodSchema } from "~/domain/periods";
import { Conflict, InvalidInput } from "~/domain/errors";
import { DATASETS, datasetPermission } from "~/queries/exports.server";
import { exportDataset } from "~/services/exports.server";
import { forbidden, getLang, notFound, requirePermission } from "~/utils/auth.server";
import { EXPORT_FORMATS, exportResponse, type Dataset } from "~/utils/export.server";
import { translator } from "~/utils/i18n";
import { parseJson } from "~/utils/validation";

const paramsSchema = z.object({ dataset: z.enum(DATASETS), format: z.enum(EXPORT_FORMATS) });

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * GET /export/:dataset/:format?…filters — a list or report as CSV or XLSX, in the user's scope.
 * A list of people also takes `for`: internal work, or the recipient's consent purpose.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  const user = await requirePermission(request, datasetPermission(parsed.data.dataset));
  const url = new URL(request.url);
  const lang = await getLang(request);
  if (parsed.data.dataset === "period") {
    const period = parseJson(periodSchema, periodInput(url.searchParams), lang);
    if (!period.ok) throw text(Object.values(period.errors).flat().join(" "), 400);
  }
  let dataset: Dataset | null;
  try {
    dataset = exportDataset(user, parsed.data.dataset, url.searchParams, lang, parsed.data.format);
  } catch (error) {
    const t = translator(lang);
    if (error instanceof InvalidInput) throw text(Object.values(error.fieldErrors).flat().map((m) => t.keyOrText(m)).join(" "), 400);
    if (error instanceof Conflict) throw text(t.dynamic(error.messageKey, error.params), 409);
    throw error;
  }
  if (!dataset) throw forbidden();
  return exportResponse(dataset, parsed.data.format);
}
