/**
 * Server rendering, as Remix's default Node entry, plus the security headers of every document
 * and data response (app/utils/security-headers.server.ts): a fresh CSP nonce per document,
 * given to React's own inline scripts, to Remix's (<RemixServer nonce>, and through NonceProvider
 * to <Scripts> and <ScrollRestoration> in root.tsx); and `Cache-Control: no-store` on all of them.
 */
import type { ActionFunctionArgs, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { CoalescingStream } from "~/utils/coalesce.server";
import { NonceProvider } from "~/utils/nonce";
import { applyDocumentHeaders, applyDynamicHeaders, generateNonce } from "~/utils/security-headers.server";

const ABORT_DELAY = 5_000;

/**
 * Called by server.js before it listens: opens the database, which applies pending migrations
 * and refuses a damaged file or an edited migration with a clear message, before any request.
 */
export { openDb as openDatabaseAtStart } from "~/utils/db.server";
export { startOutboxTimer } from "~/services/outbox.server";

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const nonce = generateNonce();
  applyDocumentHeaders(responseHeaders, nonce);
  // Bots and SPA mode get the whole document at once; browsers get the shell as soon as it is ready.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // A render still unfinished after ABORT_DELAY is aborted. The timer is cleared once everything
    // is rendered (or the shell failed): until it fires it holds the whole render — the page's
    // React tree and loader data — so a finished page would otherwise stay in memory for five
    // seconds, which under load was most of the server's heap (docs/decisions/025-server-memory.md).
    let abortTimer: ReturnType<typeof setTimeout> | undefined;
    let rendered = false;
    const renderDone = () => {
      rendered = true;
      clearTimeout(abortTimer);
    };
    const ready = () => {
      shellRendered = true;
      const body = new CoalescingStream();
      const stream = createReadableStreamFromReadable(body);
      responseHeaders.set("Content-Type", "text/html");
      resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          renderDone();
          if (waitForAll) ready();
        },
        onShellReady() {
          if (!waitForAll) ready();
        },
        onShellError(error: unknown) {
          renderDone();
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors of the initial shell reject and are logged by Remix; log the later ones here.
          if (shellRendered) console.error(error);
        },
      },
    );
    if (!rendered) abortTimer = setTimeout(abort, ABORT_DELAY);
  });
}

/** Loader and action data fetched by the browser (single fetch `.data` requests). */
export function handleDataRequest(response: Response, _args: LoaderFunctionArgs | ActionFunctionArgs) {
  applyDynamicHeaders(response.headers);
  return response;
}
