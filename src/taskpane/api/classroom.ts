/**
 * The classroom's two actions for the demo planner (issue 20): POST /api/v1/demo/populate and POST /api/v1/demo/reset,
 * through the pane's one requester (http.ts). The endpoint touches demo units only.
 */
import { ApiError } from "../../api/client-error";
import { paths } from "../../api/paths";
import type { DemoPopulateResponse } from "../../api/classroom";
import { createRequester } from "./http";
import type { Connection } from "./types";

export interface ClassroomClient {
  populate(conn: Connection): Promise<DemoPopulateResponse>;
  reset(conn: Connection): Promise<{ deleted: { submissions: number } }>;
}

export function createClassroomClient(doFetch?: typeof fetch, pageOrigin?: string | null): ClassroomClient {
  // filling a classroom stores a few dozen reports: no short time limit
  const { request, endpointOf } = createRequester({ fetch: doFetch, pageOrigin, timeoutMs: 0 });
  return {
    async populate(conn) {
      const { json } = await request(conn, "POST", paths.demoPopulate, {});
      const j = json as DemoPopulateResponse;
      if (!j || !Array.isArray(j.reports)) throw new ApiError("bad_response", endpointOf(conn), { status: 200 });
      return j;
    },
    async reset(conn) {
      const { json } = await request(conn, "POST", paths.demoReset, {});
      const j = json as { deleted?: { submissions?: number } };
      if (typeof j?.deleted?.submissions !== "number")
        throw new ApiError("bad_response", endpointOf(conn), { status: 200 });
      return { deleted: { submissions: j.deleted.submissions } };
    },
  };
}
