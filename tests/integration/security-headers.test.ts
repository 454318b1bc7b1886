/**
 * The security headers of documents and data responses, through Remix's real request handler
 * with app/entry.server.tsx, root.tsx and a few real routes (a server build assembled here, so
 * no `npm run build` is needed): a per-request CSP nonce that every inline script carries,
 * `Cache-Control: no-store` on pages and data, HSTS only behind HTTPS; and that a rendered
 * document leaves no abort timer behind.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import * as entryServer from "~/entry.server";
import * as root from "~/root";
import * as appLayout from "~/routes/_app/route";
import * as home from "~/routes/_app.home/route";
import * as password from "~/routes/_app.account.password";
import * as newUser from "~/routes/_app.admin.users.new";
import * as login from "~/routes/login";
import { sessionCookie } from "~/utils/session.server";
import { cookieFor, createUser, TEST_PASSWORD } from "../factories";

type RouteModule = ServerBuild["routes"][string]["module"];

const ROUTES: { id: string; parentId?: string; path?: string; module: RouteModule; hasAction: boolean }[] = [
  { id: "root", path: "", module: root as RouteModule, hasAction: false },
  { id: "routes/login", parentId: "root", path: "login", module: login as RouteModule, hasAction: true },
  { id: "routes/_app", parentId: "root", module: appLayout as RouteModule, hasAction: false },
  { id: "routes/_app.home", parentId: "routes/_app", path: "home", module: home as RouteModule, hasAction: false },
  { id: "routes/_app.admin.users.new", parentId: "routes/_app", path: "admin/users/new", module: newUser as RouteModule, hasAction: true },
  { id: "routes/_app.account.password", parentId: "routes/_app", path: "account/password", module: password as RouteModule, hasAction: true },
];

const build: ServerBuild = {
  mode: "production",
  entry: { module: entryServer },
  routes: Object.fromEntries(
    ROUTES.map((r) => [r.id, { id: r.id, parentId: r.parentId, path: r.path, index: undefined, caseSensitive: undefined, module: r.module }]),
  ),
  assets: {
    version: "test",
    url: "/build/manifest-test.js",
    entry: { module: "/build/entry.client-test.js", imports: [] },
    routes: Object.fromEntries(
      ROUTES.map((r) => [
        r.id,
        {
          id: r.id,
          parentId: r.parentId,
          path: r.path,
          index: undefined,
          caseSensitive: undefined,
          module: `/build/${r.id}-test.js`,
          imports: [],
          hasAction: r.hasAction,
          hasLoader: true,
          hasClientAction: false,
          hasClientLoader: false,
          hasErrorBoundary: r.id === "root" || r.id === "routes/_app",
        },
      ]),
    ),
  },
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_lazyRouteDiscovery: true, v3_routeConfig: false, unstable_optimizeDeps: false },
  isSpaMode: false,
} as ServerBuild;

const handle = createRequestHandler(build, "production");
const base = "http://127.0.0.1";
const get = (path: string, cookie?: string) => handle(new Request(base + path, { headers: cookie ? { Cookie: cookie } : {} }), { clientAddress: "127.0.0.1" });

/** The nonce of a response's CSP, or null. */
const nonceOf = (response: Response) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(response.headers.get("Content-Security-Policy") ?? "")?.[1] ?? null;

/** The attributes of every inline <script> (no src) in a document. */
const inlineScripts = (html: string) => [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]!);

afterEach(() => {
  delete process.env.COOKIE_SECURE;
});

describe("security headers", () => {
  it("give each document a CSP with a fresh nonce that every inline script carries", async () => {
    const response = await get("/login");
    expect(response.status).toBe(200);
    const csp = response.headers.get("Content-Security-Policy")!;
    for (const directive of [
      "default-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("unsafe-eval");
    const nonce = nonceOf(response)!;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);

    const html = await response.text();
    const scripts = inlineScripts(html);
    // Remix's context and route-module scripts, scroll restoration and the streamed data.
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    // The stylesheet, inline in the head, carries it too.
    expect([...html.matchAll(/<style([^>]*)>/g)].map((m) => m[1])).toEqual([` nonce="${nonce}"`]);

    const again = await get("/login");
    expect(nonceOf(again)).not.toBe(nonce);
    expect(again.headers.get("Permissions-Policy")).toContain("camera=()");
    expect(again.headers.get("Permissions-Policy")).toContain("geolocation=()");
  });

  it("mark authenticated pages and their data no-store", async () => {
    const user = createUser("dinsos_viewer");
    const cookie = await cookieFor(user.username);
    const page = await get("/home", cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    expect(await page.text()).toContain(user.name);

    // Client-side navigation fetches the same loaders' data (single fetch).
    const data = await get("/home.data", cookie);
    expect(data.status).toBe(200);
    expect(data.headers.get("Content-Type")).toContain("text/x-script");
    expect(data.headers.get("Cache-Control")).toBe("no-store");
  });

  it("keep the generated password of a new user out of caches (action data)", async () => {
    const admin = createUser("dinsos_admin");
    const cookie = await cookieFor(admin.username);
    const response = await handle(
      new Request(`${base}/admin/users/new.data`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ username: `baru.${admin.id}`, name: "Petugas Baru", role: "dinsos_viewer" }).toString(),
      }),
      { clientAddress: "127.0.0.1" },
    );
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain("generatedPassword");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  it("send HSTS only when the app is served over HTTPS (COOKIE_SECURE=true)", async () => {
    expect((await get("/login")).headers.get("Strict-Transport-Security")).toBeNull();
    process.env.COOKIE_SECURE = "true";
    expect((await get("/login")).headers.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
    expect((await get("/login.data")).headers.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("send the renewed session cookie with a password change made through client-side navigation", async () => {
    const user = createUser("dinsos_viewer");
    const cookie = await cookieFor(user.username);
    const response = await handle(
      new Request(`${base}/account/password.data`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ currentPassword: TEST_PASSWORD, newPassword: "es kelapa muda", confirmPassword: "es kelapa muda" }).toString(),
      }),
      { clientAddress: "127.0.0.1" },
    );
    // Single fetch answers a redirect with 202 and the target in the body; the cookie rides along.
    expect(response.status).toBe(202);
    expect(await response.text()).toContain("/account/password?changed=0");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const renewed = response.headers.get("Set-Cookie")!;
    const [oldId, newId]: unknown[] = await Promise.all([sessionCookie().parse(cookie), sessionCookie().parse(renewed)]);
    expect(typeof newId).toBe("string");
    expect(newId).not.toBe(oldId);
    expect((await get("/home", cookie)).status).toBe(302);
    expect((await get("/home", renewed.split(";")[0]!)).status).toBe(200);
  });

  it("keep the user signed in after a password change made without JavaScript (a document POST)", async () => {
    const user = createUser("dinsos_viewer");
    const cookie = await cookieFor(user.username);
    const response = await handle(
      new Request(`${base}/account/password`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ currentPassword: TEST_PASSWORD, newPassword: "es kelapa muda", confirmPassword: "es kelapa muda" }).toString(),
      }),
      { clientAddress: "127.0.0.1" },
    );
    // Post/redirect/get: the new cookie comes with the redirect to the confirmation.
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/account/password?changed=0");
    const renewed = response.headers.get("Set-Cookie")!.split(";")[0]!;
    expect(renewed).not.toBe(cookie);
    const page = await get("/account/password?changed=0", renewed);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Kata sandi Anda sudah diganti.");
    expect((await get("/home", cookie)).status).toBe(302);
  });
});

describe("document rendering", () => {
  it("clears the render's abort timer once the document has rendered", async () => {
    // A timer left running holds the page's whole render (React tree, loader data) until it fires.
    const set = vi.spyOn(globalThis, "setTimeout");
    const clear = vi.spyOn(globalThis, "clearTimeout");
    try {
      const response = await get("/login");
      expect(response.status).toBe(200);
      await response.text();
      const abortTimers = set.mock.calls.flatMap((call, i) => (call[1] === 5_000 ? [set.mock.results[i]!.value] : []));
      expect(abortTimers).toHaveLength(1);
      expect(clear.mock.calls.map((call) => call[0])).toContain(abortTimers[0]);
    } finally {
      set.mockRestore();
      clear.mockRestore();
    }
  });
});
