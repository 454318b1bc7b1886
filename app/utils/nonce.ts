/**
 * The Content-Security-Policy nonce of the current document. The server (app/entry.server.tsx)
 * generates one per request and provides it here; root.tsx hands it to <Scripts> and
 * <ScrollRestoration>. In the browser it is empty: browsers hide a nonce from the DOM once the
 * page has loaded, and scripts added after hydration are loaded from 'self'.
 */
import { createContext, useContext } from "react";

export const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
