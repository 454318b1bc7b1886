/**
 * Calling route modules as Remix would, for route tests: requests with a session cookie, the
 * arguments a loader or action gets, and what it answered — returned or thrown, a Response or
 * `data()` — as one shape.
 */
export const BASE = "http://127.0.0.1";

/** A GET request, signed in when a cookie is given. */
export function getRequest(path: string, cookie?: string, headers: Record<string, string> = {}): Request {
  return new Request(BASE + path, { headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers } });
}

/** A form POST (urlencoded); a list value posts the field once per item. */
export function postForm(path: string, cookie: string | undefined, fields: Record<string, string | readonly string[]>): Request {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of typeof value === "string" ? [value] : value) body.append(key, v);
  return new Request(BASE + path, {
    method: "POST",
    headers: { ...(cookie ? { Cookie: cookie } : {}), "Content-Type": "application/x-www-form-urlencoded" },
    body: body.toString(),
  });
}

/** The arguments of a loader or action. */
export const routeArgs = (request: Request, params: Record<string, string> = {}, context: Record<string, unknown> = {}) => ({
  request,
  params,
  context,
});

export interface RouteAnswer {
  status: number;
  /** The data of a `data()` result or of a plain object; null for a Response. */
  body: unknown;
  headers: Headers;
  location: string | null;
  /** The Response itself, when the route answered with one. */
  response: Response | null;
}

/** What a loader or action answered, whether it returned or threw it. */
export async function callRoute(fn: () => Promise<unknown>): Promise<RouteAnswer> {
  const fromResponse = (response: Response): RouteAnswer => ({
    status: response.status,
    body: null,
    headers: response.headers,
    location: response.headers.get("Location"),
    response,
  });
  try {
    const result = await fn();
    if (result instanceof Response) return fromResponse(result);
    const r = result as { type?: string; data?: unknown; init?: { status?: number; headers?: HeadersInit } } | null;
    if (r && r.type === "DataWithResponseInit") {
      const headers = new Headers(r.init?.headers);
      return { status: r.init?.status ?? 200, body: r.data, headers, location: headers.get("Location"), response: null };
    }
    return { status: 200, body: result, headers: new Headers(), location: null, response: null };
  } catch (thrown) {
    if (thrown instanceof Response) return fromResponse(thrown);
    throw thrown;
  }
}
