/**
 * Request body limits in front of Remix (Express middleware for server.js).
 *
 * The routes read their bodies with a cap themselves (app/utils/body.server.ts for forms and the
 * placement upload, app/services/placement-api.server.ts for the JSON API). This layer is the
 * cheap guard before them:
 *
 * - a Content-Length above the largest limit of the path is answered 413 at once, before a byte
 *   of the body is read; with `Expect: 100-continue` the client is told so before it sends it;
 * - a byte counter on the body stream (chunked bodies have no Content-Length) answers 413 and
 *   stops reading when a route reads past the limit of its path (plus a margin, so that the
 *   route's own, friendlier, refusal comes first);
 * - whenever a response is finished before its request body has arrived (a refusal, or a route
 *   that did not need the body), the rest is discarded for a short while so that the client can
 *   read the answer, and then the connection is closed: it is never left hanging, and the server
 *   never reads a multi-gigabyte body to its end.
 *
 * Keep the figures equal to FORM_BODY_MAX_BYTES and UPLOAD_BODY_MAX_BYTES
 * (app/utils/body.server.ts) and API_BODY_MAX_BYTES (app/domain/api-tokens.ts); a test checks it.
 */

export const FORM_BODY_MAX_BYTES = 1024 * 1024;
export const UPLOAD_BODY_MAX_BYTES = 5_000_000 + 64 * 1024;
export const API_BODY_MAX_BYTES = 64 * 1024;

/** What a route may still have buffered beyond its own cap when it stops reading. */
const READ_MARGIN_BYTES = 256 * 1024;
/** After an early answer: how long, and how much, of the rest of a body is read and dropped. */
const LINGER_MS = 1_000;
const LINGER_MAX_BYTES = 8 * 1024 * 1024;

const AWAITS_CONTINUE = Symbol("awaitsContinue");

/** The largest body a path takes. Single-fetch data requests (`/x.data`) go with their page. */
export function bodyLimitFor(path) {
  const page = path.replace(/\.data$/, "");
  if (page === "/api" || page.startsWith("/api/")) return API_BODY_MAX_BYTES;
  if (page === "/placements/import" || page === "/stays/import") return UPLOAD_BODY_MAX_BYTES;
  return FORM_BODY_MAX_BYTES;
}

function declaredLength(req) {
  const raw = req.headers["content-length"];
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : null;
}

function cookieLanguage(req) {
  const match = /(?:^|;\s*)panti_lang=([^;]*)/.exec(req.headers.cookie ?? "");
  if (!match) return "id";
  try {
    return JSON.parse(Buffer.from(decodeURIComponent(match[1]), "base64").toString("utf8")) === "en" ? "en" : "id";
  } catch {
    return "id";
  }
}

function acceptLanguage(req) {
  const first = (req.headers["accept-language"] ?? "").split(",")[0].trim().toLowerCase();
  return first.startsWith("id") || first.startsWith("in") ? "id" : "en";
}

function formatSize(bytes) {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

const PAGE_TEXT = {
  id: { title: "Kiriman terlalu besar", body: (max) => `Kiriman melebihi batas ${max}. Tidak ada yang disimpan.`, back: "Kembali" },
  en: { title: "Submission too large", body: (max) => `The submission is over the limit of ${max}. Nothing was saved.`, back: "Back" },
};
const API_TEXT = {
  id: (kb) => `Isi lebih besar dari ${kb} KB.`,
  en: (kb) => `The body is larger than ${kb} KB.`,
};

/** The 413: JSON for the API (its one error shape), a short page in the user's language otherwise. */
function sendTooLarge(req, res, limit) {
  res.locals.bodyRefused = true;
  res.statusCode = 413;
  res.setHeader("Cache-Control", "no-store");
  if (bodyLimitFor(req.path) === API_BODY_MAX_BYTES) {
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.end(JSON.stringify({ error: "payload_too_large", message: API_TEXT[acceptLanguage(req)](limit / 1024) }));
    return;
  }
  const lang = cookieLanguage(req);
  const text = PAGE_TEXT[lang];
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.end(
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>413 — ${text.title}</title></head>` +
      `<body><main><h1>${text.title}</h1><p>${text.body(formatSize(limit))}</p><p><a href="/home">${text.back}</a></p></main></body></html>`,
  );
}

/**
 * Drops the rest of a body the answer did not need, for at most LINGER_MS and LINGER_MAX_BYTES,
 * then closes the connection (if the body ends sooner the connection stays open for reuse).
 * Whoever still waits on the body gets an error, never a short body.
 */
function lingeringClose(req) {
  if (req.complete || req.destroyed) return;
  let dropped = 0;
  const close = () => {
    clearTimeout(timer);
    if (!req.complete && !req.destroyed) req.destroy(new Error("request body not read"));
  };
  const timer = setTimeout(close, LINGER_MS);
  req.removeAllListeners("data");
  req.on("data", (chunk) => {
    dropped += chunk.length;
    if (dropped > LINGER_MAX_BYTES) close();
  });
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
  req.resume();
}

/** The middleware: put it right before the Remix request handler. */
export function limitRequestBodies({ limitFor = bodyLimitFor } = {}) {
  return function requestBodyLimits(req, res, next) {
    const limit = limitFor(req.path);
    const declared = declaredLength(req);
    // A body that is never read may still end in an error (see lingeringClose): never unhandled.
    req.on("error", () => {});
    res.on("finish", () => lingeringClose(req));

    if (declared !== null && declared > limit) return sendTooLarge(req, res, limit);
    if (req[AWAITS_CONTINUE]) res.writeContinue();
    if (declared === 0 || (declared === null && req.headers["transfer-encoding"] === undefined)) return next();

    let seen = 0;
    const count = (chunk) => {
      seen += chunk.length;
      if (seen <= limit + READ_MARGIN_BYTES) return;
      req.off("data", count);
      if (res.headersSent) return req.destroy(new Error("request body too large"));
      sendTooLarge(req, res, limit); // the reader behind gets an error once the rest is dropped
    };
    req.on("data", count);
    req.pause(); // counting must not start the flow: the route's reader pulls when it wants data
    next();
  };
}

/**
 * After the Remix handler: a route that was still reading when the 413 went out fails to answer
 * a second time; that is expected, not an error to log or to close the connection over.
 */
export function ignoreRefusedBodies(error, _req, res, next) {
  if (res.locals.bodyRefused) return;
  next(error);
}

/** Lets the middleware answer `Expect: 100-continue` itself (413 before the body is sent). */
export function handleExpectContinue(server, app) {
  server.on("checkContinue", (req, res) => {
    req[AWAITS_CONTINUE] = true;
    app(req, res);
  });
}
