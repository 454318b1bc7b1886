/** POST /api/v1/tracing-requests/:id/answer: the partner's answer to a tracing request this instance sent (signed). */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiLanguage } from "~/domain/api-tokens";
import { answerPacket } from "~/services/packets.server";
import { methodNotAllowed } from "~/services/placement-api.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(apiLanguage(request.headers.get("Accept-Language")), "POST");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return answerPacket(request, { kind: "tracing_answer", pathId: params.id ?? "" });
}
