/**
 * POST /api/v1/handoffs: a partner province's instance hands a person over (a signed hand-off
 * packet). Idempotent by packet id: 201 the first time, 200 with Idempotent-Replay after.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiLanguage } from "~/domain/api-tokens";
import { answerPacket } from "~/services/packets.server";
import { methodNotAllowed } from "~/services/placement-api.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(apiLanguage(request.headers.get("Accept-Language")), "POST");
}

export async function action({ request }: ActionFunctionArgs) {
  return answerPacket(request, { kind: "handoff" });
}
