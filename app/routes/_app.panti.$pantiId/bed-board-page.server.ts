/**
 * The bed board's loader and action (the page is ./route.tsx, which re-exports them). They live in
 * a `.server` module of the route's own so that the page's scripts do not name the server modules
 * they use: in the browser build each of those is an empty module, and one that several routes
 * import is a file of its own, which the page would download before its first paint
 * (docs/decisions/018-page-speed.md, "fewer files before the first paint").
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { addBedsSchema, addRoomSchema, boardFilterSchema, setBedStatusSchema } from "~/utils/loader-schemas.server";
import { canOnPanti } from "~/domain/permissions";
import { bedBoard, pantiProfile } from "~/queries/bed-board.server";
import { occupancyByPanti } from "~/queries/occupancy.server";
import { addBeds, addRoom, setBedStatus } from "~/services/beds.server";
import { getLang, notFound, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/body.server";
import { badRequest, formValues, submitForm } from "~/utils/http.server";
import { translator } from "~/utils/i18n";
import { idParams, searchIdParam } from "~/utils/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pantiId } = idParams(params, "pantiId");
  const user = await requirePermission(request, "panti:view", pantiId);
  const profile = pantiProfile(pantiId);
  if (!profile) throw notFound();
  const { searchParams } = new URL(request.url);
  const filter = boardFilterSchema.parse(Object.fromEntries(searchParams));
  // One room's beds: a room of another panti (or none) is not found.
  const board = bedBoard(user, pantiId, { ...filter, roomId: searchIdParam(searchParams, "room") });
  if (!board) throw notFound();
  const [row] = occupancyByPanti({ pantiId });
  return {
    panti: profile,
    occupancy: row!.occupancy,
    board,
    filter,
    canManage: canOnPanti(user, "bed:manage", pantiId),
    canMove: canOnPanti(user, "resident:move", pantiId),
    canReadCase: canOnPanti(user, "case:read", pantiId),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { pantiId } = idParams(params, "pantiId");
  const user = await requirePermission(request, "bed:manage", pantiId);
  const lang = await getLang(request);
  const t = translator(lang);
  const formData = await readForm(request);
  const read = { formData, lang };
  const intent = formData.get("intent");
  const done = (message: string) => data({ ok: true as const, intent, message });

  switch (intent) {
    case "bed-status": {
      const submitted = await submitForm(request, setBedStatusSchema, (input) => setBedStatus(user, pantiId, input), read);
      if (!submitted.ok) return submitted.response;
      return done(t("panti.bedStatus.done", { label: submitted.result.label }));
    }
    case "add-room": {
      const submitted = await submitForm(request, addRoomSchema, (input) => addRoom(user, pantiId, input), read);
      if (!submitted.ok) return submitted.response;
      const { name, bedCount } = submitted.result;
      return done(t("panti.addRoom.done", { name, n: bedCount }));
    }
    case "add-beds": {
      const submitted = await submitForm(request, addBedsSchema, (input) => addBeds(user, pantiId, input), read);
      if (!submitted.ok) return submitted.response;
      const { roomName, bedCount } = submitted.result;
      return done(t("panti.addBeds.done", { room: roomName, n: bedCount }));
    }
  }
  return badRequest({ errors: { intent: [t("error.invalid")] }, values: formValues(formData), formError: t("error.invalid") });
}
