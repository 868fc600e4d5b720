/**
 * The planner's key-task board (issue 19): GET /tasks/board for a period, through the pane's one requester
 * (http.ts): same failures, same explanations. The answer is the wire contract's (src/api/tasks.ts), checked for the
 * shape the view relies on (no zod in the pane's bundle).
 */
import type { TaskBoardResponse } from "../../api/tasks";
import { ApiError } from "../../api/client-error";
import { paths, queryString } from "../../api/paths";
import { createRequester, record, type HttpClientOptions } from "./http";
import type { Connection } from "./types";

export type { TaskBoardResponse } from "../../api/tasks";
export type TaskBoardRow = TaskBoardResponse["rows"][number];

export interface TaskBoardClient {
  taskBoard(conn: Connection, q: { period: string; demo?: boolean }): Promise<TaskBoardResponse>;
}

function isTaskBoard(v: unknown): v is TaskBoardResponse {
  const r = record(v);
  return Array.isArray(r.rows) && Array.isArray(r.byGroup) && Array.isArray(r.overdue) && "counts" in r;
}

export function createTaskBoardClient(options: HttpClientOptions = {}): TaskBoardClient {
  const { request, endpointOf } = createRequester({ timeoutMs: 30_000, ...options });
  return {
    async taskBoard(conn, q) {
      const query = queryString({ period: q.period, demo: q.demo ? "true" : null });
      const { json } = await request(conn, "GET", `${paths.taskBoard}${query}`);
      if (!isTaskBoard(json)) throw new ApiError("bad_response", endpointOf(conn), { status: 200 });
      return json;
    },
  };
}
