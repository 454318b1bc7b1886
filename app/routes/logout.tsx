import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/services/auth.server";
import { clearSessionCookie, getSessionId } from "~/utils/auth.server";

export async function action({ request }: ActionFunctionArgs) {
  const sessionId = await getSessionId(request);
  if (sessionId) signOut(sessionId);
  return redirect("/login", { headers: { "Set-Cookie": await clearSessionCookie() } });
}

export async function loader() {
  return redirect("/home");
}
