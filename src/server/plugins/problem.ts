/**
 * Every error leaves the server as application/problem+json:
 * `{ type, title, code, status, message: {vi, en}, issues?, details? }` — codes from src/server/errors.ts.
 */
import fp from "fastify-plugin";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { AppError, isAppError } from "../../domain/errors";
import {
  CT_BODY_TOO_LARGE,
  CT_DB_UNAVAILABLE,
  CT_INTERNAL,
  CT_MALFORMED_JSON,
  CT_REQUEST_INVALID,
  CT_PATH_FORBIDDEN,
  CT_ROUTE_NOT_FOUND,
  CT_STORAGE_FULL,
  CT_UNSUPPORTED_MEDIA_TYPE,
} from "../errors";
import { failureReason, isDbUnavailable, isStorageFull } from "../db/failures";
import { RequestValidationError } from "./zod";
import type { Problem } from "../../api";

export const PROBLEM_TYPE = "application/problem+json; charset=utf-8";

/** The body of every refusal: the wire contract's `Problem` (src/api/problem.ts). */
export type ProblemBody = Problem;

export function problemBody(e: AppError, issues?: unknown[]): ProblemBody {
  const body: ProblemBody = {
    type: `urn:chitieu:problem:${e.code}`,
    title: e.messages.en,
    code: e.code,
    status: e.status,
    message: e.messages,
  };
  const allIssues = issues ?? e.issues;
  if (allIssues) body.issues = allIssues;
  if (Object.keys(e.details).length > 0) body.details = e.details;
  return body;
}

export function sendProblem(reply: FastifyReply, e: AppError, issues?: unknown[]): FastifyReply {
  if ((e.status === 429 || e.status === 503 || e.status === 507) && typeof e.details.retryAfterSeconds === "number")
    reply.header("retry-after", String(e.details.retryAfterSeconds));
  return reply.code(e.status).type(PROBLEM_TYPE).serializer(JSON.stringify).send(problemBody(e, issues));
}

function translate(
  error: FastifyError | Error,
  request: FastifyRequest,
  bodyLimit: number,
): { e: AppError; issues?: unknown[] } {
  if (isAppError(error)) return { e: error };
  if (error instanceof RequestValidationError) {
    return { e: CT_REQUEST_INVALID({ part: error.part, count: error.issues.length }), issues: error.issues };
  }
  const code = (error as FastifyError).code;
  switch (code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return {
        e: CT_MALFORMED_JSON({ reason: code === "FST_ERR_CTP_EMPTY_JSON_BODY" ? "empty body" : "syntax error" }),
      };
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { e: CT_BODY_TOO_LARGE({ limitBytes: bodyLimit }) };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return { e: CT_UNSUPPORTED_MEDIA_TYPE({ contentType: String(request.headers["content-type"] ?? "") }) };
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return { e: CT_MALFORMED_JSON({ reason: "Content-Length does not match the body" }) };
    default:
      break;
  }
  if (error instanceof SyntaxError && (error as FastifyError).statusCode === 400) {
    return { e: CT_MALFORMED_JSON({ reason: error.message.slice(0, 120) }) };
  }
  if ((error as FastifyError).statusCode === 400 && /JSON|prototype|constructor/i.test(error.message)) {
    return { e: CT_MALFORMED_JSON({ reason: error.message.slice(0, 120) }) };
  }
  // a static file outside the served folder (../, %2e%2e) or a folder: refused as such, never an internal error
  const status = (error as FastifyError).statusCode;
  if (status === 403) return { e: CT_PATH_FORBIDDEN({ url: request.url.split("?")[0] ?? request.url }) };
  if (status === 404)
    return { e: CT_ROUTE_NOT_FOUND({ method: request.method, url: request.url.split("?")[0] ?? "" }) };
  if (isStorageFull(error)) return { e: CT_STORAGE_FULL({ retryAfterSeconds: 30 }) };
  if (isDbUnavailable(error)) return { e: CT_DB_UNAVAILABLE({ reason: failureReason(error), retryAfterSeconds: 5 }) };
  return { e: CT_INTERNAL({ requestId: String(request.id) }) };
}

declare module "fastify" {
  interface FastifyInstance {
    /** when a write last failed on a full disk (ms since the epoch; 0 = never): readiness looks at it */
    outages: { storageFullAt: number };
  }
}

export const problemPlugin = fp(
  async (app, opts: { bodyLimit: number }) => {
    app.decorate("outages", { storageFullAt: 0 });
    app.setErrorHandler((error, request, reply) => {
      const { e, issues } = translate(error as FastifyError, request, opts.bodyLimit);
      if (e.code === CT_STORAGE_FULL.code) app.outages.storageFullAt = Date.now();
      // the database away or the disk full is an outage the operator sees once per request, without a stack
      if (e.status === 503 || e.status === 507) request.log.warn({ code: e.code, reason: e.details.reason }, e.code);
      else if (e.status >= 500) request.log.error({ err: error }, "request failed");
      return sendProblem(reply, e, issues);
    });
    app.setNotFoundHandler((request, reply) =>
      sendProblem(reply, CT_ROUTE_NOT_FOUND({ method: request.method, url: request.url.split("?")[0] ?? request.url })),
    );
  },
  { name: "chitieu-problem", fastify: "5.x" },
);
