// Production server: Express serving the Remix build on 127.0.0.1 (HOST/PORT to change).
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { handleExpectContinue, ignoreRefusedBodies, limitRequestBodies } from "./app/utils/body-limits.server.js";

const build = await import("./build/index.js");
// Open the database before listening: a damaged database or an edited migration stops the start here.
try {
  build.entry.module.openDatabaseAtStart();
} catch (error) {
  console.error(`Panti cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
// Packets queued for partner provinces are retried in the background (PANTI_OUTBOX_INTERVAL_SECONDS).
build.entry.module.startOutboxTimer();
const host = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy set TRUST_PROXY (e.g. "loopback") so that client addresses are right.
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
// gzip level 4: half the CPU of the default level 6 on a large page (the bed board of a big panti),
// for about 5% more bytes (docs/decisions/018-page-speed.md).
app.use(compression({ level: 4 }));
app.use((_req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  next();
});
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
if (process.env.LOG_REQUESTS !== "false") {
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      console.log(`${req.method} ${req.originalUrl.split("?")[0]} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
    next();
  });
}

// --- Request body limits (app/utils/body-limits.server.js): 413 before Remix reads an oversized body ----
app.use(limitRequestBodies());
// --- end of request body limits -------------------------------------------------------------

const getLoadContext = (req) => ({ clientAddress: req.ip ?? "unknown" });
const fullHandler = createRequestHandler({ build, mode: "production", getLoadContext });

// Remix matches a request against the whole route tree several times (the server's match, the
// loaders', the render's, and once per parent path for the routes the page tells the browser
// about), flattening and ranking every route of the app each time: for a small page that was a
// third of its CPU, for a call of the partner API a tenth. Every route's path starts with a fixed
// segment, so a request whose first segment is one of them is handled with the routes under that
// segment only, with the root and the pathless layout above them; everything else (the site root,
// /__manifest, /_root.data, unknown paths) with all of them. Routes, modules and answers are the
// same (docs/decisions/018-page-speed.md).
const routePath = (id) => {
  const route = build.routes[id];
  const parent = route.parentId ? routePath(route.parentId) : "";
  return route.path ? (parent ? `${parent}/${route.path}` : route.path) : parent;
};
const routesBySegment = new Map();
for (const id of Object.keys(build.routes)) {
  const segment = routePath(id).split("/")[0];
  if (segment) routesBySegment.set(segment, [...(routesBySegment.get(segment) ?? []), id]);
}
// A first segment that is a parameter or a splat could match any request: then no split at all.
if ([...routesBySegment.keys()].some((segment) => segment.startsWith(":") || segment.startsWith("*"))) routesBySegment.clear();
const pathless = Object.keys(build.routes).filter((id) => !build.routes[id].path && !build.routes[id].index);
const handlerBySegment = new Map(
  [...routesBySegment].map(([segment, ids]) => {
    const kept = [...pathless, ...ids];
    const routes = Object.fromEntries(kept.map((id) => [id, build.routes[id]]));
    const assets = { ...build.assets, routes: Object.fromEntries(kept.map((id) => [id, build.assets.routes[id]])) };
    return [segment, createRequestHandler({ build: { ...build, routes, assets }, mode: "production", getLoadContext })];
  }),
);
app.all("*", (req, res, next) => {
  // The first segment of the path, without the ".data" of a single-fetch request for a one-segment page.
  const segment = req.path.split("/")[1]?.replace(/\.data$/, "") ?? "";
  return (handlerBySegment.get(segment) ?? fullHandler)(req, res, next);
});

// A second answer attempted after a body was refused is expected: see app/utils/body-limits.server.js.
app.use(ignoreRefusedBodies);

const server = app.listen(port, host, () => {
  console.log(`Panti is running at http://${host}:${port}`);
});
handleExpectContinue(server, app);
