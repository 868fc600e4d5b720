/**
 * A failed call to the endpoint as a client sees it: a kind it can explain (wrong address, unreachable, certificate,
 * timeout, wrong token, a problem+json answer with its code and bilingual message). Pure: the task pane throws it,
 * and so does `normalizeEndpoint` for an address that is not one.
 */
import type { Bilingual, ValidationIssue } from "../domain/types";

export type ApiErrorKind =
  | "invalid_url"
  | "insecure"
  | "unreachable"
  | "certificate"
  | "timeout"
  | "unauthorized"
  | "forbidden"
  | "problem"
  | "bad_response";

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  /** the endpoint's catalogue code, e.g. CT_OUT_OF_DATE */
  readonly code: string | null;
  /** the endpoint's own bilingual message, when it sent one */
  readonly problem: Bilingual | null;
  readonly issues: ValidationIssue[];
  readonly endpoint: string;
  readonly details: Record<string, unknown>;

  constructor(
    kind: ApiErrorKind,
    endpoint: string,
    init: {
      status?: number | null;
      code?: string | null;
      problem?: Bilingual | null;
      issues?: ValidationIssue[];
      details?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(
      `${kind}${init.code ? ` ${init.code}` : ""}${init.status ? ` (HTTP ${init.status})` : ""}: ${init.problem?.en ?? endpoint}`,
    );
    this.name = "ApiError";
    this.kind = kind;
    this.endpoint = endpoint;
    this.status = init.status ?? null;
    this.code = init.code ?? null;
    this.problem = init.problem ?? null;
    this.issues = init.issues ?? [];
    this.details = init.details ?? {};
  }

  /** Network-level failures and overloaded/erroring servers: the same request may be sent again later. */
  get retryable(): boolean {
    if (this.kind === "unreachable" || this.kind === "certificate" || this.kind === "timeout") return true;
    return this.status !== null && (this.status >= 500 || this.status === 429 || this.status === 408);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
