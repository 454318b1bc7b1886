import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { Suspense, useState } from "react";
import styles from "~/styles/app.css";
import { DEFAULT_LANG, translator } from "~/utils/i18n";
import { documentScripts, groupsUrl, loadGroups, missingGroups, pageGroups, rememberPage } from "~/utils/message-groups";
import { useLang } from "~/utils/use-i18n";
import { ErrorPage } from "~/components/ui/page-kit";
import { useNonce } from "~/utils/nonce";
import * as stylesheet from "~/utils/stylesheet.server";
import type { loader } from "./root.server";

export { loader } from "./root.server";

// In the browser zod would probe for `new Function` (its JIT), which the Content-Security-Policy
// forbids and reports as a violation; the server keeps the JIT. zod 4 keeps its settings in this
// global object (zod/v4/core, `globalConfig`), whichever of the two runs first: setting it here
// rather than through `z.config` keeps zod out of the root chunk, so pages without a schema load none.
if (typeof document !== "undefined") {
  const zodSettings = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
  (zodSettings.__zod_globalConfig ??= {}).jitless = true;
}

export const links: LinksFunction = () => [{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }];

export const meta: MetaFunction = () => [{ title: "Panti — Dinas Sosial DKI Jakarta" }];

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const lang = data?.lang ?? DEFAULT_LANG;
  const groups = pageGroups(useMatches());
  // The scripts of the document's first page: a later page loads what it lacks (MessagesGate).
  // Without root data (an error before the root loader), the whole dictionary of the language.
  const [scripts] = useState(() =>
    data?.messages ? documentScripts(groups).map((part) => groupsUrl(lang, part, data.messages)) : [`/i18n/${lang}.js`],
  );
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {/* The stylesheet inline (6–7 KB gzipped): the first paint waits for no second request.
            The server writes its text; in the browser the module is empty and React leaves the
            element's text as the server wrote it. */}
        <style nonce={nonce} dangerouslySetInnerHTML={{ __html: stylesheet.stylesheetText?.(styles) ?? "" }} suppressHydrationWarning />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        {/* The page's groups of messages in its language (app/utils/message-groups.ts), with the
            app's scripts rather than in the head, where they would compete with the stylesheet;
            entry.client.tsx hydrates once they have run. */}
        {scripts.map((src) => (
          <script key={src} defer src={src} nonce={nonce} />
        ))}
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/**
 * Renders the page once the messages of its routes are there: after a client-side navigation to
 * a route whose groups the page has not loaded, it suspends until they are (Remix renders
 * navigations in a transition, so the previous page stays on screen meanwhile); the route's
 * module has usually started loading them already (messagesHandle). loadGroups resolves on
 * failure and timeout too: the page then shows keys rather than wait forever.
 */
function MessagesGate({ children }: { children: React.ReactNode }) {
  const lang = useLang();
  const versions = useRouteLoaderData<typeof loader>("root")?.messages;
  if (!versions) return children;
  rememberPage(lang, versions);
  const missing = missingGroups(lang, pageGroups(useMatches()));
  if (missing.length) throw loadGroups(lang, missing, versions);
  return children;
}

export default function App() {
  return (
    <Suspense>
      <MessagesGate>
        <Outlet />
      </MessagesGate>
    </Suspense>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const t = translator(data?.lang ?? DEFAULT_LANG);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <div className="standalone">
      <ErrorPage status={status} t={t} />
    </div>
  );
}
