/**
 * The planner pane's two requests: GET /api/v1/consolidation and GET /api/v1/completeness for a period and a unit
 * group, sent together. Failures are the task pane's ApiError (same kinds, same explanations as everywhere else).
 */
import type { EndpointCompleteness, EndpointConsolidation } from "../../../domain/scorecard";
import { API_PREFIX, ApiError, classifyNetworkFailure, normalizeEndpoint } from "../../api/client";
import type { Connection } from "../../api/types";

export interface PlannerQuery {
  period: string;
  group: string | null;
  basis: "latest" | "accepted";
}

export interface PlannerData {
  consolidation: EndpointConsolidation;
  completeness: EndpointCompleteness;
}

function record(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" ? (v as Record<string, unknown>) : {};
}

async function getJson(
  doFetch: typeof fetch,
  conn: Connection,
  path: string,
  pageOrigin: string | null,
): Promise<unknown> {
  const endpoint = normalizeEndpoint(conn.endpoint, pageOrigin);
  let res: Response;
  try {
    res = await doFetch(`${endpoint}${API_PREFIX}${path}`, {
      method: "GET",
      headers: { Accept: "application/json, application/problem+json", Authorization: `Bearer ${conn.token.trim()}` },
      cache: "no-store",
    });
  } catch (e) {
    const online = typeof navigator === "undefined" ? true : navigator.onLine !== false;
    throw new ApiError(classifyNetworkFailure(endpoint, pageOrigin, online), endpoint, { cause: e });
  }
  const text = await res.text().catch(() => "");
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (res.ok && json !== undefined) return json;
  const problem = record(json);
  const message = record(problem.message);
  const init = {
    status: res.status,
    code: typeof problem.code === "string" ? problem.code : null,
    problem:
      typeof message.vi === "string" && typeof message.en === "string" ? { vi: message.vi, en: message.en } : null,
  };
  if (res.status === 401) throw new ApiError("unauthorized", endpoint, init);
  if (res.status === 403) throw new ApiError("forbidden", endpoint, init);
  throw new ApiError(init.code ? "problem" : "bad_response", endpoint, init);
}

/** Both planner views for one period and group (in parallel). */
export async function fetchPlannerData(
  doFetch: typeof fetch,
  conn: Connection,
  q: PlannerQuery,
  pageOrigin: string | null = typeof location !== "undefined" ? location.origin : null,
): Promise<PlannerData> {
  const params = `period=${encodeURIComponent(q.period)}${q.group ? `&group=${encodeURIComponent(q.group)}` : ""}`;
  const [consolidation, completeness] = await Promise.all([
    getJson(doFetch, conn, `/consolidation?${params}&basis=${q.basis}`, pageOrigin),
    getJson(doFetch, conn, `/completeness?${params}`, pageOrigin),
  ]);
  const c = record(consolidation);
  const d = record(completeness);
  if (!Array.isArray(c.matrix) || !Array.isArray(c.figures) || !Array.isArray(d.units) || !d.counts) {
    throw new ApiError("bad_response", normalizeEndpoint(conn.endpoint, pageOrigin), { status: 200 });
  }
  return { consolidation: consolidation as EndpointConsolidation, completeness: completeness as EndpointCompleteness };
}
