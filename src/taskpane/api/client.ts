/**
 * The task pane's HTTP client for the endpoint (/api/v1). Every failure becomes an ApiError with a kind the pane can
 * explain (wrong token, unreachable, certificate, timeout, a problem+json answer with its code and bilingual message).
 */
import type { Bilingual, Catalog, PeriodPhase, Unit, ValidationIssue } from "../../domain/types";
import type {
  ApiClient,
  ApiErrorKind,
  Connection,
  DryRunResult,
  Me,
  PeriodInfo,
  Receipt,
  ReportState,
  Role,
  ServerReportStatus,
} from "./types";

export const API_PREFIX = "/api/v1";

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

export interface HttpClientOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** the page's own origin (window.location.origin) and whether the browser says it is online */
  pageOrigin?: string | null;
  isOnline?: () => boolean;
}

/** Trims, drops a trailing slash or /api/v1, and checks the address; throws ApiError("invalid_url" | "insecure"). */
export function normalizeEndpoint(raw: string, pageOrigin: string | null = null): string {
  const text = raw
    .trim()
    .replace(/\/+$/, "")
    .replace(/\/api\/v1$/i, "");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ApiError("invalid_url", raw.trim());
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ApiError("invalid_url", raw.trim());
  if (url.protocol === "http:" && pageOrigin?.startsWith("https:") && !isLoopback(url.hostname)) {
    throw new ApiError("insecure", text);
  }
  return `${url.protocol}//${url.host}${url.pathname === "/" ? "" : url.pathname.replace(/\/+$/, "")}`;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
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

function asBilingual(v: unknown): Bilingual | null {
  if (
    v &&
    typeof v === "object" &&
    typeof (v as Bilingual).vi === "string" &&
    typeof (v as Bilingual).en === "string"
  ) {
    return { vi: (v as Bilingual).vi, en: (v as Bilingual).en };
  }
  if (typeof v === "string") return { vi: v, en: v };
  return null;
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.length > 0 ? v : null;
}

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function statusOf(v: unknown): ServerReportStatus | null {
  return v === "submitted" || v === "returned" || v === "accepted" ? v : v === "sent" ? "submitted" : null;
}

const PHASES: readonly PeriodPhase[] = ["upcoming", "open", "due", "late"];

function record(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" ? (v as Record<string, unknown>) : {};
}

export function toMe(json: unknown): Me {
  const j = record(json);
  const role = (["unit", "planner", "admin"] as Role[]).find((r) => r === j.role) ?? (j.unit ? "unit" : "planner");
  const unit = j.unit && typeof j.unit === "object" ? (j.unit as Unit) : null;
  const unitObj = unit ? { ...unit, name: asBilingual(unit.name) ?? { vi: unit.code, en: unit.code } } : null;
  const me: Me = { role, unit: unitObj, demo: Boolean(j.demo ?? unitObj?.demo) };
  if (typeof j.expiresAt === "string") me.expiresAt = j.expiresAt;
  return me;
}

export function toPeriods(json: unknown): PeriodInfo[] {
  const list = Array.isArray(json)
    ? json
    : Array.isArray(record(json).periods)
      ? (record(json).periods as unknown[])
      : [];
  const out: PeriodInfo[] = [];
  for (const item of list) {
    const p = record(item);
    const period = record(p.period);
    const id = str(p.id) ?? str(period.id);
    if (!id) continue;
    const window = record(p.window);
    const phase = PHASES.find((x) => x === p.phase) ?? "open";
    out.push({
      id,
      phase,
      deadline: str(p.deadline) ?? str(window.deadline),
      label: asBilingual(p.label),
      demo: Boolean(p.demo),
    });
  }
  return out;
}

export function toReceipt(json: unknown): Receipt {
  const j = record(json);
  const r = j.receipt ? record(j.receipt) : j;
  return {
    submissionId: str(r.submissionId) ?? str(r.id) ?? "",
    revision: num(r.revision),
    receivedAt: str(r.receivedAt) ?? str(r.storedAt) ?? str(r.createdAt) ?? new Date().toISOString(),
    status: statusOf(r.status) ?? "submitted",
    replay: Boolean(r.replay ?? r.duplicate ?? j.replay),
  };
}

export function toReport(json: unknown, unitCode: string, period: string): ReportState {
  const j = record(json);
  const latestRaw =
    j.latest ??
    j.current ??
    (Array.isArray(j.revisions) ? (j.revisions as unknown[])[(j.revisions as unknown[]).length - 1] : null);
  const latest = latestRaw ? toReceipt(latestRaw) : null;
  const status = statusOf(j.status) ?? latest?.status ?? null;
  const latestRec = record(latestRaw);
  return {
    unitCode,
    period,
    latest: latest && latest.submissionId ? { ...latest, status: status ?? latest.status } : null,
    status,
    comment: str(j.comment) ?? str(j.returnComment) ?? str(latestRec.comment) ?? null,
    locked: Boolean(j.locked ?? status === "accepted"),
  };
}

export function toDryRun(json: unknown): DryRunResult {
  const j = record(json);
  const issues = Array.isArray(j.issues) ? (j.issues as ValidationIssue[]) : [];
  const ok =
    typeof j.ok === "boolean"
      ? j.ok
      : !issues.some((i) => i.severity === "error" || (i.severity === "warning" && !i.justified));
  return { ok, issues };
}

export function createHttpClient(options: HttpClientOptions = {}): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15000;
  const pageOrigin = options.pageOrigin ?? (typeof location !== "undefined" ? location.origin : null);
  const isOnline = options.isOnline ?? (() => (typeof navigator === "undefined" ? true : navigator.onLine !== false));

  async function request(
    conn: Connection,
    method: "GET" | "POST",
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const endpoint = normalizeEndpoint(conn.endpoint, pageOrigin);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
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
      code: str(problem.code),
      problem: asBilingual(problem.message),
      issues: Array.isArray(problem.issues) ? (problem.issues as ValidationIssue[]) : [],
      details: record(problem.details),
    };
    if (res.status === 401) throw new ApiError("unauthorized", endpoint, init);
    if (res.status === 403) throw new ApiError("forbidden", endpoint, init);
    if (json === undefined || !init.code) throw new ApiError("bad_response", endpoint, init);
    throw new ApiError("problem", endpoint, init);
  }

  return {
    async me(conn) {
      return toMe((await request(conn, "GET", "/me")).json);
    },
    async catalog(conn) {
      const { json } = await request(conn, "GET", "/catalog");
      const j = record(json);
      const catalog = (j.catalog ? j.catalog : j) as Catalog;
      if (!catalog || !Array.isArray(catalog.targets) || typeof catalog.version !== "string") {
        throw new ApiError("bad_response", normalizeEndpoint(conn.endpoint, pageOrigin), { status: 200 });
      }
      return catalog;
    },
    async periods(conn) {
      return toPeriods((await request(conn, "GET", "/periods")).json);
    },
    async dryRun(conn, body) {
      try {
        return toDryRun((await request(conn, "POST", "/submissions", { ...body, dryRun: true })).json);
      } catch (e) {
        // a refused report answers 422 with the issues: for a dry run that is a verdict, not a failure
        if (isApiError(e) && e.status === 422 && e.issues.length > 0) return { ok: false, issues: e.issues };
        throw e;
      }
    },
    async submit(conn, body) {
      return toReceipt((await request(conn, "POST", "/submissions", { ...body, dryRun: false })).json);
    },
    async report(conn, unitCode, period) {
      try {
        const { json } = await request(
          conn,
          "GET",
          `/reports/${encodeURIComponent(unitCode)}/${encodeURIComponent(period)}`,
        );
        return toReport(json, unitCode, period);
      } catch (e) {
        if (isApiError(e) && e.status === 404 && (e.code === "CT_REPORT_NOT_FOUND" || e.code === null)) return null;
        throw e;
      }
    },
  };
}
