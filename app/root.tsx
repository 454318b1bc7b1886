import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import styles from "~/styles/app.css";
import { getLang } from "~/utils/auth.server";
import { dictionaryUrl } from "~/utils/dictionary.server";
import { DEFAULT_LANG, DICTIONARY_SCRIPT_ID, translator } from "~/utils/i18n";
import { ErrorPage } from "~/components/ui/error-page";
import { useNonce } from "~/utils/nonce";

// In the browser zod would probe for `new Function` (its JIT), which the Content-Security-Policy
// forbids and reports as a violation; the server keeps the JIT. zod 4 keeps its settings in this
// global object (zod/v4/core, `globalConfig`), whichever of the two runs first: setting it here
// rather than through `z.config` keeps zod out of the root chunk, so pages without a schema load none.
if (typeof document !== "undefined") {
  const zodSettings = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
  (zodSettings.__zod_globalConfig ??= {}).jitless = true;
}

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Panti — Dinas Sosial DKI Jakarta" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLang(request);
  return { lang, dictionary: dictionaryUrl(lang) };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const lang = data?.lang ?? DEFAULT_LANG;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        {/* The messages of this language (app/utils/dictionary.server.ts), with the app's scripts
            rather than in the head, where it would compete with the stylesheet; entry.client.tsx
            hydrates once it has run. */}
        <script id={DICTIONARY_SCRIPT_ID} defer src={data?.dictionary ?? `/i18n/${lang}.js`} nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
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
