/**
 * POST /api/v1/placements: an outreach unit's app refers a person to a panti.
 * Bearer token → JSON body → shared schema → one idempotent service call → 201, 200 or 409.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiLanguage } from "~/domain/api-tokens";
import { InvalidInput, NotFound } from "~/domain/errors";
import {
  apiError,
  apiJson,
  methodNotAllowed,
  parsePlacementApiBody,
  readJsonBody,
  requireApiCaller,
  submitPlacementViaApi,
  unauthorized,
  validationError,
} from "~/services/placement-api.server";
import { translator } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(apiLanguage(request.headers.get("Accept-Language")), "POST");
}

export async function action({ request }: ActionFunctionArgs) {
  const lang = apiLanguage(request.headers.get("Accept-Language"));
  if (request.method !== "POST") return methodNotAllowed(lang, "POST");
  const caller = requireApiCaller(request, lang);
  const body = await readJsonBody(request, lang);
  const parsed = parsePlacementApiBody(body, caller, lang);
  if (!parsed.ok) return validationError(lang, parsed.fields);

  let result: ReturnType<typeof submitPlacementViaApi>;
  try {
    result = submitPlacementViaApi(caller, parsed.data);
  } catch (error) {
    if (error instanceof NotFound) return unauthorized(lang);
    if (error instanceof InvalidInput) {
      const t = translator(lang);
      const fields = Object.fromEntries(Object.entries(error.fieldErrors).map(([field, keys]) => [field, keys.map((k) => t.dynamic(k))]));
      return validationError(lang, fields);
    }
    throw error;
  }

  const { placement } = result;
  if (result.outcome === "conflict") {
    const t = translator(lang);
    return apiError(409, "conflict", t("api.error.conflict"), { placement });
  }
  if (result.outcome === "replayed") {
    return apiJson(result.placement, 200, { "Idempotent-Replay": "true", "Content-Location": result.placement.links.self });
  }
  return apiJson(result.placement, 201, { Location: result.placement.links.self });
}
