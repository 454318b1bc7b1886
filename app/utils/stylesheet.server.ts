/**
 * The app's stylesheet as text, for the document's head: root.tsx writes it inline (a `<style>`
 * with the document's CSP nonce) instead of linking it, so a first visit paints without a second
 * request (docs/decisions/018-page-speed.md, "the stylesheet inline"). Read once from the build
 * (`public` + the URL Remix gives the stylesheet, from the project root where the server runs);
 * empty when there is no build (unit tests render the root without one).
 */
import fs from "node:fs";
import path from "node:path";

const texts = new Map<string, string>();

export function stylesheetText(href: string): string {
  let text = texts.get(href);
  if (text === undefined) {
    const file = path.join(process.cwd(), "public", href);
    text = fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? fs.readFileSync(file, "utf8") : "";
    texts.set(href, text);
  }
  return text;
}
