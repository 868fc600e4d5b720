/**
 * The planner's applicability editor's two requests (issue #14): a unit's targets for a period
 * (GET /me/applicability?unit=) and adding choices (PUT /applicability with JSON entries; the endpoint checks them
 * whole with the same parser as `chitieu applicability import`). Through the pane's one requester (http.ts).
 */
import type { ApplicabilityEntry } from "../../domain/rules/applicability";
import type { ApplicabilityImportResponse } from "../../api/admin";
import { ApiError } from "../../api/client-error";
import { paths, queryString } from "../../api/paths";
import { createRequester, record } from "./http";
import type { Connection, UnitModel } from "./types";

function requester(doFetch: typeof fetch, pageOrigin: string | null) {
  return createRequester({ fetch: doFetch, pageOrigin });
}

const origin = () => (typeof location !== "undefined" ? location.origin : null);

export async function fetchUnitModel(
  doFetch: typeof fetch,
  conn: Connection,
  q: { period: string; unit: string },
  pageOrigin: string | null = origin(),
): Promise<UnitModel> {
  const { request, endpointOf } = requester(doFetch, pageOrigin);
  const { json } = await request(conn, "GET", `${paths.meApplicability}${queryString(q)}`);
  const j = record(json);
  if (!Array.isArray(j.targets) || !Array.isArray(j.choices))
    throw new ApiError("bad_response", endpointOf(conn), { status: 200 });
  return json as UnitModel;
}

export async function putApplicability(
  doFetch: typeof fetch,
  conn: Connection,
  entries: readonly ApplicabilityEntry[],
  pageOrigin: string | null = origin(),
): Promise<ApplicabilityImportResponse> {
  const { request, endpointOf } = requester(doFetch, pageOrigin);
  const { json } = await request(conn, "PUT", paths.applicability, {
    entries: entries.map((e) => ({ ...e, note: e.note ?? null })),
  });
  const j = record(json);
  if (typeof j.added !== "number") throw new ApiError("bad_response", endpointOf(conn), { status: 200 });
  return json as ApplicabilityImportResponse;
}
