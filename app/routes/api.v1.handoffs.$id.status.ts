/** POST /api/v1/handoffs/:id/status: the receiving province reports a hand-off's status (signed). */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiLanguage } from "~/domain/api-tokens";
import { answerPacket } from "~/services/packets.server";
import { methodNotAllowed } from "~/services/placement-api.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(apiLanguage(request.headers.get("Accept-Language")), "POST");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return answerPacket(request, { kind: "status", pathId: params.id ?? "" });
}
