/** The signed file of a hand-off, for a partner province without an instance: `{ packet, signature }`. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { handoffDetail } from "~/queries/handoffs.server";
import { handoffFile } from "~/services/handoffs.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { runService } from "~/utils/http.server";
import { getLang } from "~/utils/auth.server";
import { idParams } from "~/utils/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { handoffId } = idParams(params, "handoffId");
  const user = await requirePermission(request, "handoff:prepare");
  if (!handoffDetail(user, handoffId)) throw notFound();
  const outcome = runService(await getLang(request), {}, () => handoffFile(user, handoffId));
  if (!outcome.ok) return outcome.response;
  return new Response(outcome.result.json, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="serah-terima-${outcome.result.packetId}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
