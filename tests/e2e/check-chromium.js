// Stops the browser tests early, with the fix, when Debian's Chromium is missing.
// Playwright never downloads a browser here: it drives the system Chromium (see
// docs/decisions/001-browser-tests.md). CHROMIUM_PATH may point elsewhere.
import fs from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!fs.existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}. Install it with: sudo apt-get install -y chromium`);
  if (process.env.CHROMIUM_PATH) {
    console.error("(CHROMIUM_PATH is set: unset it to use /usr/bin/chromium, or point it at a Chromium binary.)");
  }
  process.exit(1);
}
