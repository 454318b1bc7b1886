/**
 * The browser entry: Remix's default hydration, once the page's messages are there. The
 * dictionary of the page's language is a deferred script of its own (root.tsx,
 * app/utils/dictionary.server.ts) and Remix's module script is async, so either may run first:
 * hydrating before the dictionary has run would render message keys instead of the texts the
 * server sent. Should the dictionary fail to load, the page hydrates anyway.
 */
import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DICTIONARY_SCRIPT_ID } from "~/utils/i18n";

function messagesLoaded(): Promise<void> {
  const script = document.getElementById(DICTIONARY_SCRIPT_ID);
  const lang = document.documentElement.lang;
  if (!script || globalThis.__pantiMessages?.[lang as "id"]) return Promise.resolve();
  return new Promise((resolve) => {
    script.addEventListener("load", () => resolve(), { once: true });
    script.addEventListener("error", () => resolve(), { once: true });
  });
}

void messagesLoaded().then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
