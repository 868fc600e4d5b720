/**
 * The task pane's HTTP client for the endpoint (/api/v1). Every failure becomes an ApiError with a kind the pane can
 * explain (wrong token, unreachable, certificate, timeout, a problem+json answer with its code and bilingual message).
 */
import type { Catalog, PeriodPhase } from "../../domain/types";
import type { Task } from "../../domain/tasks/types";
import { toEntries, toIssues, toUnit } from "./readers";
import { paths, queryString } from "../../api/paths";
import { ApiError, isApiError } from "../../api/client-error";
import { asBilingual, createRequester, record, type HttpClientOptions } from "./http";
import { isTrend } from "./trends";
import type {
  ApiClient,
  DryRunResult,
  Me,
  PeriodInfo,
  Receipt,
  ReportState,
  Role,
  ServerReportStatus,
  UnitModel,
  UnitTrend,
} from "./types";

export { ApiError, isApiError } from "../../api/client-error";
export { API_PREFIX, normalizeEndpoint } from "../../api/paths";
export { classifyNetworkFailure, type HttpClientOptions } from "./http";

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

export function toMe(json: unknown): Me {
  const j = record(json);
  const role = (["unit", "planner", "admin"] as Role[]).find((r) => r === j.role) ?? (j.unit ? "unit" : "planner");
  const unit = toUnit(j.unit);
  const me: Me = { role, unit, demo: Boolean(j.demo ?? unit?.demo) };
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

/** The receipt in an answer; ApiError bad_response when it names no submission or revision. */
export function toReceipt(json: unknown, endpoint = ""): Receipt {
  const j = record(json);
  const r = j.receipt ? record(j.receipt) : j;
  const submissionId = str(r.submissionId) ?? str(r.id);
  const revision = num(r.revision);
  if (submissionId === null || revision === null) throw new ApiError("bad_response", endpoint, { status: 200 });
  return {
    submissionId,
    revision,
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
  const latest = latestRaw ? receiptOrNull(latestRaw) : null;
  const status = statusOf(j.status) ?? latest?.status ?? null;
  const latestRec = record(latestRaw);
  const state: ReportState = {
    unitCode,
    period,
    latest: latest ? { ...latest, status: status ?? latest.status } : null,
    status,
    comment: str(j.comment) ?? str(j.returnComment) ?? str(latestRec.comment) ?? null,
    locked: Boolean(j.locked ?? status === "accepted"),
  };
  const content = record(j.report);
  const entries = toEntries(content.entries);
  if (entries) {
    state.entries = entries;
    state.entriesLocale = content.locale === "en" ? "en" : "vi";
  }
  return state;
}

function receiptOrNull(json: unknown): Receipt | null {
  try {
    return toReceipt(json);
  } catch (e) {
    if (isApiError(e)) return null;
    throw e;
  }
}

export function toDryRun(json: unknown): DryRunResult {
  const j = record(json);
  const issues = toIssues(j.issues);
  const ok =
    typeof j.ok === "boolean"
      ? j.ok
      : !issues.some((i) => i.severity === "error" || (i.severity === "warning" && !i.justified));
  return { ok, issues };
}

/** The endpoint's catalog (src/api/catalog.ts, the domain's Catalog): a version and its targets. */
function isCatalog(v: unknown): v is Catalog {
  return typeof v === "object" && v !== null && "targets" in v && Array.isArray(v.targets) && "version" in v
    ? typeof v.version === "string"
    : false;
}

export function createHttpClient(options: HttpClientOptions = {}): ApiClient {
  const { request, endpointOf } = createRequester(options);

  const client: ApiClient = {
    async me(conn) {
      return toMe((await request(conn, "GET", paths.me)).json);
    },
    async catalog(conn) {
      const { json } = await request(conn, "GET", paths.catalog);
      const j = record(json);
      const catalog = j.catalog ? j.catalog : j;
      if (!isCatalog(catalog)) throw new ApiError("bad_response", endpointOf(conn), { status: 200 });
      return catalog;
    },
    async periods(conn) {
      return toPeriods((await request(conn, "GET", paths.periods)).json);
    },
    async dryRun(conn, body) {
      try {
        return toDryRun((await request(conn, "POST", paths.submissions, { ...body, dryRun: true })).json);
      } catch (e) {
        // a refused report answers 422 with the issues: for a dry run that is a verdict, not a failure
        if (isApiError(e) && e.status === 422 && e.issues.length > 0) return { ok: false, issues: e.issues };
        throw e;
      }
    },
    async submit(conn, body) {
      const { json } = await request(conn, "POST", paths.submissions, { ...body, dryRun: false });
      return toReceipt(json, endpointOf(conn));
    },
    async applicability(conn, period) {
      const { json } = await request(conn, "GET", `${paths.meApplicability}${queryString({ period })}`);
      const j = record(json);
      if (!Array.isArray(j.targets) || !Array.isArray(j.choices) || !Array.isArray(j.assigned))
        throw new ApiError("bad_response", endpointOf(conn), { status: 200 });
      return json as UnitModel;
    },
    async unitTrend(conn, unitCode, from, to): Promise<UnitTrend> {
      // the unit's own series of every target at once; units=false: no per-unit tracks (there is one unit)
      const q = queryString({ from, to, unit: unitCode, units: false });
      const { json } = await request(conn, "GET", `${paths.consolidationRange}${q}`);
      if (!isTrend(json)) throw new ApiError("bad_response", endpointOf(conn), { status: 200 });
      return json;
    },
    async tasks(conn, unitCode, period) {
      const { json } = await request(conn, "GET", `${paths.tasks}${queryString({ period, unit: unitCode })}`);
      const list = record(json).tasks;
      if (!Array.isArray(list)) throw new ApiError("bad_response", endpointOf(conn), { status: 200 });
      return list as Task[];
    },
    async report(conn, unitCode, period) {
      try {
        const { json } = await request(conn, "GET", paths.report(unitCode, period));
        return toReport(json, unitCode, period);
      } catch (e) {
        if (isApiError(e) && e.status === 404 && (e.code === "CT_REPORT_NOT_FOUND" || e.code === null)) return null;
        throw e;
      }
    },
    async reportStates(conn, unitCode, periods) {
      // one small read per period, in parallel (a unit lists about twenty); a period that fails reads as unknown
      const pairs = await Promise.all(
        periods.map(async (p) => [p, await client.report(conn, unitCode, p).catch(() => undefined)] as const),
      );
      const out: Record<string, ReportState | null> = {};
      for (const [p, state] of pairs) if (state !== undefined) out[p] = state;
      return out;
    },
  };
  return client;
}
