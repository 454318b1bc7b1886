/**
 * The security headers of the app's own responses, set in one place (app/entry.server.tsx) for
 * every HTML document and every data request. Headers for all responses, static files included
 * (nosniff, frame and referrer policy), are set by server.js. See
 * docs/decisions/007-security-headers.md.
 */
import { randomBytes } from "node:crypto";

/** A fresh nonce for one document: 16 random bytes, base64. */
export function generateNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy of a document. Scripts: the app's own bundles and the inline
 * scripts Remix writes (context, route modules, scroll restoration, streamed data), which carry
 * the nonce. Styles: the app's stylesheet, written inline in the document's head with the nonce,
 * and files of 'self'; `style` attributes are allowed because React renders the `style` props of
 * the pages and of recharts into the server HTML.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** Browser features the app never uses, switched off for the page and anything it embeds. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "serial=()",
  "usb=()",
].join(", ");

/** One year, subdomains included; sent only when the app is served over HTTPS (COOKIE_SECURE). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/** Whether the deployment runs behind HTTPS: the same switch as the session cookie's `Secure`. */
export function servedOverHttps(): boolean {
  return process.env.COOKIE_SECURE === "true";
}

/**
 * Headers of every page and data response: no caching anywhere (pages and data are personal
 * and depend on the session; the user admin pages carry generated passwords, the token page a
 * token) and HSTS behind HTTPS. Overrides whatever a route set for Cache-Control.
 */
export function applyDynamicHeaders(headers: Headers): void {
  headers.set("Cache-Control", "no-store");
  if (servedOverHttps()) headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  else headers.delete("Strict-Transport-Security");
}

/** Headers of an HTML document: the above, the CSP with this document's nonce and the Permissions-Policy. */
export function applyDocumentHeaders(headers: Headers, nonce: string): void {
  applyDynamicHeaders(headers);
  headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  headers.set("Permissions-Policy", PERMISSIONS_POLICY);
}
