/**
 * `redirectTo` after sign-in and after a language switch: only a path on this site is followed,
 * whatever the value (control characters, other sites, characters that cannot be a header), and
 * no value gives a 500.
 */
import { describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/login";
import { action as setLanguageAction } from "~/routes/set-language";
import { createUser, TEST_PASSWORD } from "../factories";

const BASE = "http://127.0.0.1:3000";

const HOSTILE = ["/\t/evil.example", "/\n/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/\u007f", "/\r\nX", "/\u2028", "/\u{1D54F}", "/%2F%2Fevil.example"];

function form(path: string, fields: Record<string, string>) {
  return new Request(BASE + path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The response, whether returned or thrown. */
async function respond(fn: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await fn();
    if (result instanceof Response) return result;
    throw new Error(`expected a redirect, got ${JSON.stringify(result)}`);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function expectHere(response: Response, value: string) {
  expect(response.status, value).toBe(302);
  const location = response.headers.get("Location")!;
  expect(new URL(location, BASE).origin, value).toBe(BASE);
  expect(/^[\x21-\x7e]+$/.test(location), value).toBe(true);
  return location;
}

describe("redirectTo", () => {
  it.each(HOSTILE)("after a successful sign-in stays on the site: %j", async (value) => {
    const user = createUser("dinsos_viewer");
    const response = await respond(() =>
      loginAction({ request: form("/login", { username: user.username, password: TEST_PASSWORD, redirectTo: value }), params: {}, context: { clientAddress: "127.0.0.9" } }),
    );
    expectHere(response, value);
    expect(response.headers.get("Set-Cookie")).toContain("__panti_session=");
  });

  it("follows a path on the site after sign-in", async () => {
    const user = createUser("dinsos_viewer");
    const response = await respond(() =>
      loginAction({ request: form("/login", { username: user.username, password: TEST_PASSWORD, redirectTo: "/placements?status=pending" }), params: {}, context: { clientAddress: "127.0.0.9" } }),
    );
    expect(expectHere(response, "local")).toBe("/placements?status=pending");
  });

  it.each(HOSTILE)("after a language switch stays on the site: %j", async (value) => {
    const response = await respond(() => setLanguageAction({ request: form("/set-language", { lang: "en", redirectTo: value }), params: {}, context: {} }));
    expectHere(response, value);
  });
});
