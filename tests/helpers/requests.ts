import type { RequestContext } from "../../app/context";
import { TEST_ORIGIN } from "./context";

type Handler = (args: { request: Request; params: Record<string, string>; context: RequestContext }) => unknown;

export interface Outcome {
  status: number;
  /** The plain data a loader/action returned (or the body of a data() reply). */
  data: unknown;
  headers: Headers;
  /** Redirect target, when status is 3xx. */
  location: string | null;
}

function cookieHeader(token?: string | null, extra?: string) {
  return [token ? `fs_session=${token}` : null, extra].filter(Boolean).join("; ");
}

/** `bearer`: a personal API token for the read API, sent as `Authorization: Bearer …`. */
export function getRequest(path: string, opts: { token?: string | null; cookie?: string; bearer?: string; headers?: Record<string, string> } = {}): Request {
  return new Request(`${TEST_ORIGIN}${path}`, { headers: { Cookie: cookieHeader(opts.token, opts.cookie), ...bearerHeader(opts.bearer), ...opts.headers } });
}

function bearerHeader(bearer: string | undefined): Record<string, string> {
  return bearer ? { Authorization: `Bearer ${bearer}` } : {};
}

export function postRequest(path: string, form: Record<string, string | string[]> = {}, opts: { token?: string | null; cookie?: string; bearer?: string; method?: string } = {}): Request {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  return new Request(`${TEST_ORIGIN}${path}`, {
    method: opts.method ?? "POST",
    headers: { Cookie: cookieHeader(opts.token, opts.cookie), Origin: TEST_ORIGIN, "Content-Type": "application/x-www-form-urlencoded", ...bearerHeader(opts.bearer) },
    body,
  });
}

function isDataWithInit(value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

/**
 * Calls a loader or action as Remix would and reports what the browser would get: thrown or
 * returned Responses, data() replies and plain objects all become a status and data.
 */
export async function call(handler: Handler, request: Request, params: Record<string, string>, context: RequestContext): Promise<Outcome> {
  let value: unknown;
  try {
    value = await handler({ request, params, context });
  } catch (thrown) {
    value = thrown;
    if (!(thrown instanceof Response) && !isDataWithInit(thrown)) throw thrown;
  }
  if (value instanceof Response) {
    const type = value.headers.get("Content-Type") ?? "";
    const data = type.includes("json") ? await value.json() : await value.text();
    return { status: value.status, data, headers: value.headers, location: value.headers.get("Location") };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, data: value.data, headers, location: headers.get("Location") };
  }
  return { status: 200, data: value, headers: new Headers(), location: null };
}

/** The session token a response's Set-Cookie header carries. */
export function sessionTokenFrom(headers: Headers): string | null {
  const cookie = headers.get("Set-Cookie") ?? "";
  const match = /(?:__Host-)?fs_session=([^;]*)/.exec(cookie);
  return match && match[1] ? match[1] : null;
}
