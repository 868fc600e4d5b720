/**
 * The planner's trend request: GET /api/v1/consolidation/range for a range of periods and a unit group, through the
 * pane's one requester (http.ts): same failures, same explanations as everywhere else. The answer is the wire
 * contract's TrendResponse (src/api/trends.ts).
 */
import type { TrendResponse } from "../../api/trends";
import { ApiError } from "../../api/client-error";
import { paths, queryString } from "../../api/paths";
import { createRequester } from "./http";
import type { Connection } from "./types";

export function isTrend(v: unknown): v is TrendResponse {
  return typeof v === "object" && v !== null && "targets" in v && Array.isArray(v.targets) && "units" in v
    ? Array.isArray(v.units)
    : false;
}

/** The range's trend from the endpoint. No time limit: a year of every unit may take a while. */
export async function fetchTrend(
  doFetch: typeof fetch,
  conn: Connection,
  q: { from: string; to: string; group: string | null },
  pageOrigin: string | null = typeof location !== "undefined" ? location.origin : null,
): Promise<TrendResponse> {
  const { request, endpointOf } = createRequester({ fetch: doFetch, pageOrigin, timeoutMs: 0 });
  const res = await request(conn, "GET", `${paths.consolidationRange}${queryString(q)}`);
  if (!isTrend(res.json)) throw new ApiError("bad_response", endpointOf(conn), { status: 200 });
  return res.json;
}
