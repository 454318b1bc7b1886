/**
 * The root route's loader (root.tsx re-exports it): the page's language and the versions of its
 * groups of messages. It lives in a `.server` module of its own so that the root's scripts, which
 * every page loads, do not name the server modules it uses: in the browser build each of those is
 * an empty module, and one that several routes import is a file of its own
 * (docs/decisions/018-page-speed.md, "fewer files before the first paint").
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLang } from "~/utils/auth.server";
import { groupVersions } from "~/utils/dictionary.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLang(request);
  return { lang, messages: groupVersions(lang) };
}
