/**
 * Request bodies are capped and checked before they are parsed: 413 over the limit (without
 * reading the rest), 415 for a missing or other Content-Type, 400 for a broken body; never a 500,
 * and nothing written. Then the guard in front of Remix (app/utils/body-limits.server.js) on a real socket.
 */
import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_BODY_MAX_BYTES } from "~/domain/api-tokens";
import { action as loginAction } from "~/routes/login";
import { action as newPlacementAction } from "~/routes/_app.placements.new";
import { action as importAction } from "~/routes/_app.placements.import";
import { action as stageAction } from "~/routes/_app.panti.$pantiId_.stays.$stayId.stage";
import { FORM_BODY_MAX_BYTES, FORM_MAX_FIELDS, UPLOAD_BODY_MAX_BYTES } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { translator } from "~/utils/i18n";
import * as serverLimits from "~/utils/body-limits.server.js";
import { cookieFor, createPanti, createResident, createUser, TEST_PASSWORD } from "../factories";

const base = "http://127.0.0.1";
const URLENCODED = "application/x-www-form-urlencoded";
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: { clientAddress: "10.1.2.3" } });

/** Status and body text of what an action returned or threw; a thrown non-Response fails the test. */
async function answer(run: () => Promise<unknown>): Promise<{ status: number; text: string }> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, text: await result.text() };
    const r = result as { type?: string; init?: { status?: number } | null; data?: unknown };
    if (r?.type === "DataWithResponseInit") return { status: r.init?.status ?? 200, text: JSON.stringify(r.data) };
    return { status: 200, text: JSON.stringify(result) };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, text: await thrown.text() };
    throw thrown;
  }
}

/** Rows in every table: a refused request must leave all of them as they were. */
function rowCounts(): Record<string, number> {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%drizzle%'")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM "${t}"`)).n]));
}

/** A body stream of `total` bytes that counts how much of it was pulled. */
function countedStream(total: number, fill = "a") {
  const chunk = new TextEncoder().encode(fill.repeat(64 * 1024));
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, state };
}

function post(path: string, body: BodyInit | null, headers: Record<string, string>) {
  return new Request(base + path, { method: "POST", headers, body, duplex: "half" } as RequestInit);
}

const id = translator("id");
const en = translator("en");

describe("form bodies", () => {
  let admin: string;
  let pantiId: number;
  let stayId: number;
  beforeAll(async () => {
    admin = await cookieFor(createUser("dinsos_admin").username);
    pantiId = createPanti().id;
    stayId = createResident(pantiId, null).stay.id;
  });

  it("refuse a body over 1 MB on the unauthenticated sign-in with 413, declared or not, without reading the rest", async () => {
    const user = createUser("panti_admin");
    const before = rowCounts();
    const big = `username=${user.username}&password=${TEST_PASSWORD}&x=${"a".repeat(FORM_BODY_MAX_BYTES)}`;
    const declared = await answer(() => loginAction(args(post("/login", big, { "Content-Type": URLENCODED, "Content-Length": String(big.length) }))));
    expect(declared.status).toBe(413);
    expect(declared.text).toBe(id("body.error.tooLarge", { max: "1 MB" }));

    const { stream, state } = countedStream(100 * 1024 * 1024);
    const streamed = await answer(() => loginAction(args(post("/login", stream, { "Content-Type": URLENCODED }))));
    expect(streamed.status).toBe(413);
    expect(state.pulled).toBeLessThan(FORM_BODY_MAX_BYTES + 512 * 1024); // of 100 MB
    expect(rowCounts()).toEqual(before);
  });

  it("refuse a missing or other Content-Type with 415, a broken multipart body with 400", async () => {
    const before = rowCounts();
    const login = (body: BodyInit, headers: Record<string, string>) => answer(() => loginAction(args(post("/login", body, headers))));
    expect((await login(new Blob(["username=a&password=b"]), {})).status).toBe(415);
    for (const type of ["text/plain", "application/json", "application/xml", "multipart/mixed; boundary=x", "x-www-form-urlencoded"]) {
      expect((await login("username=a&password=b", { "Content-Type": type })).status, type).toBe(415);
    }
    expect((await login("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx", { "Content-Type": "multipart/form-data; boundary=b" })).status).toBe(400);
    expect((await login("x", { "Content-Type": "multipart/form-data" })).status).toBe(400);
    expect((await login(new Uint8Array([0x61, 0x3d, 0xff, 0xfe]), { "Content-Type": URLENCODED })).status).toBe(400);

    const stage = (body: BodyInit, headers: Record<string, string>) =>
      answer(() =>
        stageAction(args(post(`/panti/${pantiId}/stays/${stayId}/stage`, body, { Cookie: admin, ...headers }), { pantiId: String(pantiId), stayId: String(stayId) })),
      );
    expect((await stage(JSON.stringify({ from: "pendekatan_awal", to: "asesmen" }), { "Content-Type": "application/json" })).status).toBe(415);
    expect((await stage("--zz\r\n\r\n", { "Content-Type": "multipart/form-data; boundary=zz" })).status).toBe(400);
    expect(rowCounts()).toEqual(before);
  });

  it("refuse more than the fields a form can have with 413, in the user's language", async () => {
    const before = rowCounts();
    const many = Array.from({ length: FORM_MAX_FIELDS + 1 }, (_, i) => `f${i}=1`).join("&");
    const res = await answer(() => newPlacementAction(args(post("/placements/new", many, { "Content-Type": URLENCODED, Cookie: `${admin}; panti_lang=ImVuIg%3D%3D` }))));
    expect(res.status).toBe(413);
    expect(res.text).toBe(en("body.error.tooLarge", { max: "1 MB" }));
    expect(rowCounts()).toEqual(before);
  });

  it("still take a good form, urlencoded or multipart", async () => {
    const user = createUser("panti_admin");
    const form = new FormData();
    form.append("username", user.username);
    form.append("password", TEST_PASSWORD);
    expect((await answer(() => loginAction(args(post("/login", form, {}))))).status).toBe(302);
    const text = new URLSearchParams({ username: user.username, password: TEST_PASSWORD }).toString();
    expect((await answer(() => loginAction(args(post("/login", text, { "Content-Type": `${URLENCODED}; charset=UTF-8` }))))).status).toBe(302);
  });
});

describe("the placement upload", () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await cookieFor(createUser("outreach", null, "sudin_jakbar").username);
  });
  const upload = (body: BodyInit, headers: Record<string, string> = {}) =>
    answer(() => importAction(args(post("/placements/import", body, { Cookie: cookie, ...headers }))));

  it("caps the whole body, not only the file: 413 without reading the rest", async () => {
    const before = rowCounts();
    // Many small parts: each under the file limit, together over the body limit.
    const boundary = "grenz";
    const part = `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n${"n".repeat(1024 * 1024)}\r\n`;
    const encoder = new TextEncoder();
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 200 * 1024 * 1024) return controller.close();
        sent += part.length;
        controller.enqueue(encoder.encode(part));
      },
    });
    const res = await upload(stream, { "Content-Type": `multipart/form-data; boundary=${boundary}` });
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(UPLOAD_BODY_MAX_BYTES + 3 * 1024 * 1024);
    expect(rowCounts()).toEqual(before);
  });

  it("answers a file over the limit with 413 and the message on the file field", async () => {
    const form = new FormData();
    form.append("file", new File([new Uint8Array(5_000_001).fill(65)], "besar.csv"));
    const res = await upload(form);
    expect(res.status).toBe(413);
    expect(res.text).toContain(id("import.error.tooLarge"));
  });

  it("answers another Content-Type with 415 and a broken multipart body with 400", async () => {
    const before = rowCounts();
    expect((await upload("a,b,c", { "Content-Type": "text/csv" })).status).toBe(415);
    expect((await upload(new Blob(["a,b,c"]))).status).toBe(415);
    const truncated = '--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nnama,jenis';
    expect((await upload(truncated, { "Content-Type": "multipart/form-data; boundary=b" })).status).toBe(400);
    expect((await upload("--b\r\n\r\nx\r\n--b--\r\n", { "Content-Type": "multipart/form-data; boundary=b" })).status).toBe(400);
    expect((await upload("x", { "Content-Type": "multipart/form-data" })).status).toBe(400);
    expect(rowCounts()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// The guard in front of Remix, on a real socket
// ---------------------------------------------------------------------------------------------

/** The little of Express this test uses (the project has no Express types). */
type Res = http.ServerResponse & { status(code: number): Res; send(body: string): void; json(body: unknown): void };
type Handler = (req: http.IncomingMessage, res: Res) => unknown;
interface ExpressApp extends http.RequestListener {
  use(handler: unknown): void;
  get(path: string, handler: Handler): void;
  post(path: string, handler: Handler): void;
}
const express = createRequire(import.meta.url)("express") as () => ExpressApp;

describe("app/utils/body-limits.server.js", () => {
  it("uses the same limits as the app", () => {
    expect(serverLimits.FORM_BODY_MAX_BYTES).toBe(FORM_BODY_MAX_BYTES);
    expect(serverLimits.UPLOAD_BODY_MAX_BYTES).toBe(UPLOAD_BODY_MAX_BYTES);
    expect(serverLimits.API_BODY_MAX_BYTES).toBe(API_BODY_MAX_BYTES);
    expect(serverLimits.bodyLimitFor("/login")).toBe(FORM_BODY_MAX_BYTES);
    expect(serverLimits.bodyLimitFor("/login.data")).toBe(FORM_BODY_MAX_BYTES);
    expect(serverLimits.bodyLimitFor("/placements/import")).toBe(UPLOAD_BODY_MAX_BYTES);
    expect(serverLimits.bodyLimitFor("/stays/import")).toBe(UPLOAD_BODY_MAX_BYTES);
    expect(serverLimits.bodyLimitFor("/placements/import.data")).toBe(UPLOAD_BODY_MAX_BYTES);
    expect(serverLimits.bodyLimitFor("/api/v1/placements")).toBe(API_BODY_MAX_BYTES);
  });

  let server: http.Server;
  let port: number;
  let handled = 0;
  beforeAll(async () => {
    const app = express();
    app.use(serverLimits.limitRequestBodies());
    // Like a route that reads whatever it is sent (no cap of its own).
    app.post("/read-all", async (req, res) => {
      handled++;
      let size = 0;
      try {
        for await (const chunk of req) size += (chunk as Buffer).length;
      } catch {
        return;
      }
      res.json({ size });
    });
    // Like a route that answers without needing the body.
    app.post("/ignore", (_req, res) => {
      handled++;
      res.status(405).send("no");
    });
    app.get("/ping", (_req, res) => res.send("pong"));
    app.use(serverLimits.ignoreRefusedBodies);
    server = http.createServer(app);
    serverLimits.handleExpectContinue(server, app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends `total` bytes (chunked unless `declare`), and tells what came back. */
  function send(path: string, total: number, options: { declare?: boolean; expect100?: boolean } = {}) {
    return new Promise<{ status: number | null; body: string; sentBytes: number }>((resolve) => {
      const headers: Record<string, string> = { "Content-Type": URLENCODED };
      if (options.declare) headers["Content-Length"] = String(total);
      if (options.expect100) headers.Expect = "100-continue";
      const req = http.request({ host: "127.0.0.1", port, path, method: "POST", headers, agent: false });
      let status: number | null = null;
      let body = "";
      let sent = 0;
      const chunk = Buffer.alloc(64 * 1024, 97);
      let finished = false;
      const done = () => {
        if (finished) return;
        finished = true;
        resolve({ status, body, sentBytes: sent });
      };
      req.on("response", (res) => {
        status = res.statusCode ?? null;
        res.setEncoding("utf8");
        res.on("data", (d: string) => (body += d));
      });
      req.on("error", done);
      req.on("close", done);
      const pump = () => {
        while (sent < total && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      if (options.expect100) req.on("continue", pump);
      else pump();
    });
  }

  function ping(): Promise<string> {
    return new Promise((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: "/ping", agent: false }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (d: string) => (body += d));
          res.on("end", () => resolve(body));
        })
        .on("error", reject);
    });
  }

  it("answers a declared oversized body with 413 at once, before the route runs", async () => {
    handled = 0;
    const res = await send("/read-all", 50 * 1024 * 1024, { declare: true });
    expect(res.status).toBe(413);
    expect(res.body).toContain("Kiriman terlalu besar");
    expect(handled).toBe(0);
    expect(res.sentBytes).toBeLessThan(50 * 1024 * 1024);
  });

  it("answers Expect: 100-continue with 413 before the body is sent", async () => {
    const res = await send("/read-all", 10 * 1024 * 1024, { declare: true, expect100: true });
    expect(res.status).toBe(413);
    expect(res.sentBytes).toBe(0);
  });

  it("stops a chunked body that a route reads past the limit: 413, connection closed, others unaffected", async () => {
    const pings = (async () => {
      const answers: string[] = [];
      for (let i = 0; i < 5; i++) answers.push(await ping());
      return answers;
    })();
    const [a, b] = await Promise.all([send("/read-all", 200 * 1024 * 1024), send("/read-all", 200 * 1024 * 1024)]);
    for (const res of [a, b]) {
      expect(res.status).toBe(413);
      expect(res.sentBytes).toBeLessThan(40 * 1024 * 1024); // of 200 MB
    }
    // The other client was answered meanwhile (how fast is tests/bench/huge-bodies.ts's to measure).
    expect(await pings).toEqual(["pong", "pong", "pong", "pong", "pong"]);
  });

  it("closes the connection of a body nobody reads instead of leaving it hanging", async () => {
    const res = await send("/ignore", 200 * 1024 * 1024);
    expect(res.status).toBe(405);
    expect(res.sentBytes).toBeLessThan(40 * 1024 * 1024);
  });

  it("lets bodies within the limit through, chunked or declared", async () => {
    const chunked = await send("/read-all", 512 * 1024);
    expect(chunked.status).toBe(200);
    expect(JSON.parse(chunked.body)).toEqual({ size: 512 * 1024 });
    const declared = await send("/read-all", 512 * 1024, { declare: true });
    expect(JSON.parse(declared.body)).toEqual({ size: 512 * 1024 });
  });
});
