/**
 * The planner's board and review calls (issue 18): GET /board, one report with its history and the review diff,
 * and the planner's actions — return, accept, unlock, accept several at once. Through the pane's one requester
 * (http.ts): same failures, same explanations. The answers are the wire contract's (src/api/board.ts, reports.ts),
 * checked for the shape the board relies on (no zod in the pane's bundle).
 */
import type { BoardResponse, BulkAcceptResponse } from "../../api/board";
import type { DiffResponse, HistoryResponse, ReportActionResponse, ReportResponse } from "../../api/reports";
import { ApiError } from "../../api/client-error";
import { paths, queryString } from "../../api/paths";
import { createRequester, record, type HttpClientOptions } from "./http";
import type { Connection } from "./types";

export type { BoardResponse, BoardUnit, BoardState, BulkAcceptResponse, TargetDiff } from "../../api/board";
export type { DiffResponse, HistoryResponse, ReportResponse } from "../../api/reports";

export interface BoardQuery {
  period: string;
  group: string | null;
  /** demo units (training) instead of real ones */
  demo?: boolean;
}

export type DiffAgainst = "previous-revision" | "previous-period";

export interface BulkItem {
  unit: string;
  period: string;
  revision: number;
}

export interface BoardClient {
  board(conn: Connection, q: BoardQuery): Promise<BoardResponse>;
  report(conn: Connection, unit: string, period: string): Promise<ReportResponse>;
  history(conn: Connection, unit: string, period: string): Promise<HistoryResponse>;
  diff(conn: Connection, unit: string, period: string, against: DiffAgainst): Promise<DiffResponse>;
  returnReport(
    conn: Connection,
    unit: string,
    period: string,
    comment: string,
    submissionId: string | null,
  ): Promise<ReportActionResponse>;
  accept(
    conn: Connection,
    unit: string,
    period: string,
    comment: string,
    submissionId: string | null,
  ): Promise<ReportActionResponse>;
  unlock(conn: Connection, unit: string, period: string, reason: string): Promise<ReportActionResponse>;
  acceptMany(conn: Connection, items: BulkItem[], comment: string): Promise<BulkAcceptResponse>;
}

function has(v: unknown, ...keys: string[]): boolean {
  const r = record(v);
  return keys.every((k) => k in r);
}

function isBoard(v: unknown): v is BoardResponse {
  return has(v, "units", "counts", "period") && Array.isArray(record(v).units);
}
function isReport(v: unknown): v is ReportResponse {
  return has(v, "unitCode", "period", "status", "latest", "report") && Array.isArray(record(record(v).report).parsed);
}
function isHistory(v: unknown): v is HistoryResponse {
  return has(v, "revisions", "events") && Array.isArray(record(v).revisions) && Array.isArray(record(v).events);
}
function isDiff(v: unknown): v is DiffResponse {
  return has(v, "to", "changes") && Array.isArray(record(v).changes);
}
function isAction(v: unknown): v is ReportActionResponse {
  return has(v, "unitCode", "period", "status", "locked");
}
function isBulk(v: unknown): v is BulkAcceptResponse {
  return has(v, "counts", "results") && Array.isArray(record(v).results);
}

export function createBoardClient(options: HttpClientOptions = {}): BoardClient {
  const { request, endpointOf } = createRequester({ timeoutMs: 30_000, ...options });
  async function read<T>(
    conn: Connection,
    method: "GET" | "POST",
    path: string,
    is: (v: unknown) => v is T,
    body?: unknown,
  ): Promise<T> {
    const { json } = await request(conn, method, path, body);
    if (!is(json)) throw new ApiError("bad_response", endpointOf(conn), { status: 200 });
    return json;
  }
  const action = (a: "return" | "accept" | "unlock") => (unit: string, period: string) =>
    paths.reportAction(unit, period, a);
  return {
    board: (conn, q) =>
      read(
        conn,
        "GET",
        `${paths.board}${queryString({ period: q.period, group: q.group, demo: q.demo ? "true" : null })}`,
        isBoard,
      ),
    report: (conn, unit, period) => read(conn, "GET", paths.report(unit, period), isReport),
    history: (conn, unit, period) => read(conn, "GET", paths.reportHistory(unit, period), isHistory),
    diff: (conn, unit, period, against) =>
      read(conn, "GET", `${paths.reportDiff(unit, period)}${queryString({ against })}`, isDiff),
    returnReport: (conn, unit, period, comment, submissionId) =>
      read(conn, "POST", action("return")(unit, period), isAction, {
        comment,
        ...(submissionId ? { submissionId } : {}),
      }),
    accept: (conn, unit, period, comment, submissionId) =>
      read(conn, "POST", action("accept")(unit, period), isAction, {
        ...(comment.trim() ? { comment } : {}),
        ...(submissionId ? { submissionId } : {}),
      }),
    unlock: (conn, unit, period, reason) => read(conn, "POST", action("unlock")(unit, period), isAction, { reason }),
    acceptMany: (conn, items, comment) =>
      read(conn, "POST", paths.bulkAccept, isBulk, { items, ...(comment.trim() ? { comment } : {}) }),
  };
}
