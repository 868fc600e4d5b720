/**
 * The planner pane's two requests: GET /api/v1/consolidation and GET /api/v1/completeness for a period and a unit
 * group, sent together through the pane's one requester (http.ts): same failures, same explanations as everywhere
 * else. The answers are the wire contract's ConsolidationResponse and CompletenessResponse (src/api/planner.ts).
 */
import type { EndpointCompleteness, EndpointConsolidation } from "../../domain/scorecard";
import type { TaskBoard } from "../../domain";
import type { CompletenessResponse, ConsolidationResponse } from "../../api/planner";
import { ApiError } from "../../api/client-error";
import { paths, queryString } from "../../api/paths";
import { createRequester } from "./http";
import type { Connection } from "./types";

export interface PlannerQuery {
  period: string;
  group: string | null;
  basis: "latest" | "accepted";
}

export interface PlannerData {
  consolidation: EndpointConsolidation;
  completeness: EndpointCompleteness;
  /** the period's task board (GET /tasks/board, issue #19); null when the endpoint has none or refuses it */
  taskBoard: TaskBoard | null;
}

function isBoard(v: unknown): v is TaskBoard {
  return typeof v === "object" && v !== null && "rows" in v && Array.isArray(v.rows) && "byGroup" in v
    ? Array.isArray(v.byGroup)
    : false;
}

function isConsolidation(v: unknown): v is ConsolidationResponse {
  return typeof v === "object" && v !== null && "matrix" in v && Array.isArray(v.matrix) && "figures" in v
    ? Array.isArray(v.figures)
    : false;
}

function isCompleteness(v: unknown): v is CompletenessResponse {
  return typeof v === "object" && v !== null && "units" in v && Array.isArray(v.units) && "counts" in v
    ? Boolean(v.counts)
    : false;
}

/** Both planner views for one period and group (in parallel). No time limit: a whole period may take a while. */
export async function fetchPlannerData(
  doFetch: typeof fetch,
  conn: Connection,
  q: PlannerQuery,
  pageOrigin: string | null = typeof location !== "undefined" ? location.origin : null,
): Promise<PlannerData> {
  const { request, endpointOf } = createRequester({ fetch: doFetch, pageOrigin, timeoutMs: 0 });
  const query = { period: q.period, group: q.group };
  const [consolidation, completeness, board] = await Promise.all([
    request(conn, "GET", `${paths.consolidation}${queryString({ ...query, basis: q.basis })}`),
    request(conn, "GET", `${paths.completeness}${queryString(query)}`),
    // the task board is a sheet more, never a reason to fail: an older endpoint without it gives the five sheets
    request(conn, "GET", `${paths.taskBoard}${queryString({ period: q.period, basis: q.basis })}`).catch(() => null),
  ]);
  const c = consolidation.json;
  const d = completeness.json;
  if (!isConsolidation(c) || !isCompleteness(d)) throw new ApiError("bad_response", endpointOf(conn), { status: 200 });
  return { consolidation: c, completeness: d, taskBoard: board && isBoard(board.json) ? board.json : null };
}
