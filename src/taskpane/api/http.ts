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
}

/**
 * A browser reports every network failure — refused connection, DNS, untrusted certificate — as the same TypeError.
 * When the pane was loaded from the endpoint itself, its certificate is evidently trusted, so the failure is
 * reachability; when the browser is offline, too. A failing https endpoint on another origin may be either, and the
 * "certificate" message says so and explains both fixes.
 */
export function classifyNetworkFailure(endpoint: string, pageOrigin: string | null, online: boolean): ApiErrorKind {
  if (!online) return "unreachable";
  let origin: string;
  try {
    origin = new URL(endpoint).origin;
  } catch {
    return "unreachable";
  }
  if (!origin.startsWith("https:")) return "unreachable";
  if (pageOrigin && origin === pageOrigin) return "unreachable";
  return "certificate";
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
      throw new ApiError(classifyNetworkFailure(endpoint, pageOrigin, isOnline()), endpoint, { cause: e });
    } finally {
      clearTimeout(timer);
    }
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
