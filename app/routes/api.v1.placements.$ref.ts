/**
 * GET /api/v1/placements/:ref: the outcome of a referral the caller's unit sent, by the unit's own
 * reference. Another unit's reference is simply not found.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiLanguage } from "~/domain/api-tokens";
import { apiError, apiJson, methodNotAllowed, placementStatusByRef, requireApiCaller } from "~/services/placement-api.server";
import { translator } from "~/utils/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = apiLanguage(request.headers.get("Accept-Language"));
  const caller = requireApiCaller(request, lang);
  const ref = params.ref ?? "";
  const placement = ref.length > 0 && ref.length <= 200 ? placementStatusByRef(caller, ref) : null;
  if (!placement) return apiError(404, "not_found", translator(lang)("api.error.notFound"));
  return apiJson(placement);
}

export async function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(apiLanguage(request.headers.get("Accept-Language")), "GET");
}
