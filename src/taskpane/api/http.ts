/**
 * The task pane's one way to send a request to the endpoint (/api/v1): fetch with the bearer token, a time limit,
 * and every failure as an ApiError (src/api/client-error.ts) of a kind the pane can explain. The pane's clients
 * (client.ts for the clerk, planner.ts for the planner) are built on it.
 */
import type { Bilingual } from "../../domain/types";
import { ApiError, type ApiErrorKind } from "../../api/client-error";
import { API_PREFIX, normalizeEndpoint } from "../../api/paths";
import type { Connection } from "./types";
import { toIssues } from "./readers";

export interface HttpClientOptions {
  fetch?: typeof fetch;
  /** give up after this long; 0 = never (the planner's consolidation of a whole period may take a while) */
  timeoutMs?: number;
  /** the page's own origin (window.location.origin) and whether the browser says it is online */
  pageOrigin?: string | null;
  isOnline?: () => boolean;
  /** the endpoints (origins) that answered through this client at least once: their certificate is trusted, so a
   * failure of theirs later means they stopped (default: a set of this client's own) */
  answered?: Set<string>;
}

/**
 * A browser reports every network failure — refused connection, DNS, untrusted certificate — as the same TypeError.
 * When the pane was loaded from the endpoint itself, its certificate is evidently trusted, so the failure is
 * reachability; when the browser is offline, too. A failing https endpoint on another origin may be either, and the
 * "certificate" message says so and explains both fixes.
 */
export function classifyNetworkFailure(
  endpoint: string,
  pageOrigin: string | null,
  online: boolean,
  answeredBefore = false,
): ApiErrorKind {
  if (!online) return "unreachable";
  let origin: string;
  try {
    origin = new URL(endpoint).origin;
  } catch {
    return "unreachable";
  }
  if (!origin.startsWith("https:")) return "unreachable";
  if (pageOrigin && origin === pageOrigin) return "unreachable";
  // an endpoint that answered this page before has a certificate the browser trusts: now it is down or away
  if (answeredBefore) return "unreachable";
  return "certificate";
}

function originOf(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    return endpoint;
  }
}

function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

const LOOPBACK_OR_IP = /^(localhost|\[[0-9a-f:.]+\]|\d{1,3}(\.\d{1,3}){3})$/i;

/**
 * What the pane can still tell about a network failure the browser reports as one TypeError: an endpoint that
 * answered before (or served this page) has stopped; a named host other than the one that served this page is most
 * likely a wrong address (a real host name has a public certificate; self-signed ones live on localhost and bare IP
 * addresses, where the certificate message stays).
 */
export function failureDetails(
  kind: ApiErrorKind,
  endpoint: string,
  pageOrigin: string | null,
  answeredBefore = false,
): Record<string, unknown> {
  if (kind === "unreachable") return answeredBefore || originOf(endpoint) === pageOrigin ? { stopped: true } : {};
  if (kind !== "certificate" || !pageOrigin?.startsWith("https:")) return {};
  const host = hostnameOf(endpoint);
  const pageHost = hostnameOf(pageOrigin);
  if (!host || !pageHost || host === pageHost || LOOPBACK_OR_IP.test(host)) return {};
  return { page: pageOrigin };
}

export function asBilingual(v: unknown): Bilingual | null {
  if (v && typeof v === "object" && "vi" in v && "en" in v && typeof v.vi === "string" && typeof v.en === "string") {
    return { vi: v.vi, en: v.en };
  }
  if (typeof v === "string") return { vi: v, en: v };
  return null;
}

export function record(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" ? (v as Record<string, unknown>) : {};
}

export interface Requester {
  request(
    conn: Connection,
    method: "GET" | "POST" | "PUT",
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }>;
  /** the connection's endpoint as requests use it (throws ApiError invalid_url / insecure) */
  endpointOf(conn: Connection): string;
}

export function createRequester(options: HttpClientOptions = {}): Requester {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15000;
  const pageOrigin = options.pageOrigin ?? (typeof location !== "undefined" ? location.origin : null);
  const isOnline = options.isOnline ?? (() => (typeof navigator === "undefined" ? true : navigator.onLine !== false));
  const endpointOf = (conn: Connection) => normalizeEndpoint(conn.endpoint, pageOrigin);
  const answered = options.answered ?? new Set<string>();

  async function request(
    conn: Connection,
    method: "GET" | "POST" | "PUT",
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const endpoint = endpointOf(conn);
    const controller = new AbortController();
    const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
    let res: Response;
    try {
      res = await doFetch(`${endpoint}${API_PREFIX}${path}`, {
        method,
        headers: {
          Accept: "application/json, application/problem+json",
          Authorization: `Bearer ${conn.token.trim()}`,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        cache: "no-store",
      });
    } catch (e) {
      if (controller.signal.aborted)
        throw new ApiError("timeout", endpoint, { details: { seconds: Math.round(timeoutMs / 1000) }, cause: e });
      const before = answered.has(originOf(endpoint));
      const kind = classifyNetworkFailure(endpoint, pageOrigin, isOnline(), before);
      throw new ApiError(kind, endpoint, { cause: e, details: failureDetails(kind, endpoint, pageOrigin, before) });
    } finally {
      clearTimeout(timer);
    }
    answered.add(originOf(endpoint));
    const text = await res.text().catch(() => "");
    let json: unknown = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    if (res.ok) {
      if (json === undefined) throw new ApiError("bad_response", endpoint, { status: res.status });
      return { status: res.status, json };
    }
    const problem = record(json);
    const init = {
      status: res.status,
      code: typeof problem.code === "string" && problem.code.length > 0 ? problem.code : null,
      problem: asBilingual(problem.message),
      issues: toIssues(problem.issues),
      details: record(problem.details),
    };
    if (res.status === 401) throw new ApiError("unauthorized", endpoint, init);
    if (res.status === 403) throw new ApiError("forbidden", endpoint, init);
    if (json === undefined || !init.code) throw new ApiError("bad_response", endpoint, init);
    throw new ApiError("problem", endpoint, init);
  }

  return { request, endpointOf };
}
