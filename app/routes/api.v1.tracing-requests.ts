/** POST /api/v1/tracing-requests: a partner province asks this one to trace a resident's family (signed). */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiLanguage } from "~/domain/api-tokens";
import { answerPacket } from "~/services/packets.server";
import { methodNotAllowed } from "~/services/placement-api.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(apiLanguage(request.headers.get("Accept-Language")), "POST");
}

export async function action({ request }: ActionFunctionArgs) {
  return answerPacket(request, { kind: "tracing_request" });
}
