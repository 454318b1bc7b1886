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
// Remix matches every request against the whole route tree, flattening and ranking all of the
// app's routes each time: for a call of the partner API that was a tenth of its CPU. Requests
// under /api/v1/ are matched against the API's own routes (and the root, their parent) only; the
// routes, their modules and everything they answer are the same (docs/decisions/018-page-speed.md).
const apiBuild = {
  ...build,
  routes: Object.fromEntries(Object.entries(build.routes).filter(([id]) => id === "root" || id.startsWith("routes/api.v1."))),
};
app.all("/api/v1/*", createRequestHandler({ build: apiBuild, mode: "production", getLoadContext }));
app.all("*", createRequestHandler({ build, mode: "production", getLoadContext }));

// A second answer attempted after a body was refused is expected: see app/utils/body-limits.server.js.
app.use(ignoreRefusedBodies);

const server = app.listen(port, host, () => {
  console.log(`Panti is running at http://${host}:${port}`);
});
handleExpectContinue(server, app);
