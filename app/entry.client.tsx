/**
 * The browser entry: Remix's default hydration, once the page's messages are there. The page's
 * groups of messages are deferred scripts of their own (root.tsx, app/utils/message-groups.ts)
 * and Remix's module script is async, so either may run first: hydrating before the messages
 * have run would render message keys instead of the texts the server sent. Should a script fail
 * to load, the page hydrates anyway.
 */
import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

/**
 * Resolves once the page's deferred scripts, its messages among them, have run or failed: the
 * browser runs them all before DOMContentLoaded (Remix's module script, async, does not wait).
 */
function messagesLoaded(): Promise<void> {
  const timing = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  const fired = document.readyState === "complete" || (document.readyState === "interactive" && (timing?.domContentLoadedEventStart ?? 1) > 0);
  if (fired) return Promise.resolve();
  return new Promise((resolve) => document.addEventListener("DOMContentLoaded", () => resolve(), { once: true }));
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
