/** GET /i18n/id.common-HASH.home-HASH.js: groups of messages of one language for the browser (public; app/utils/dictionary.server.ts). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { dictionaryResponse } from "~/utils/dictionary.server";
import { notFound } from "~/utils/auth.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const response = dictionaryResponse(params.file ?? "");
  if (!response) throw notFound();
  return response;
}
