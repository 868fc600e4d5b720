/** What the task pane exchanges with the endpoint (/api/v1). The HTTP client in client.ts is the only code that
 * knows URLs and JSON shapes; components and hooks see these types. */
import type { Bilingual, Catalog, EntryInput, Locale, PeriodPhase, Unit, ValidationIssue } from "../../domain/types";
import type { SubmissionBody } from "../../workbook/submission";
import type { DryRunResult as WireDryRunResult, Receipt as WireReceipt, ReportStatus } from "../../api/submissions";
import type { MeApplicabilityResponse } from "../../api/applicability";
import type { TrendResponse } from "../../api/trends";
import type { Task } from "../../domain/tasks/types";

export type { ApiErrorKind } from "../../api/client-error";

export interface Connection {
  /** e.g. "https://localhost:3000" (no trailing slash, no /api/v1) */
  endpoint: string;
  token: string;
}

export type Role = "unit" | "planner" | "admin";

export interface Me {
  role: Role;
  /** the unit a unit token belongs to; null for planner and admin tokens */
  unit: Unit | null;
  /** true for a demo (training) unit or token */
  demo: boolean;
  /** when the token stops working (ISO time); absent or null = never */
  expiresAt?: string | null;
}

export interface PeriodInfo {
  id: string;
  phase: PeriodPhase;
  /** last on-time day, ISO date */
  deadline: string | null;
  label: Bilingual | null;
  demo: boolean;
}

/** The request body is built by src/workbook/submission.ts, shared with `chitieu submit`. */
export type { SubmissionBody };

/** The endpoint's dry-run verdict (src/api/submissions.ts), as far as the pane reads it: ok and the issues. */
export type DryRunResult = Pick<WireDryRunResult, "ok"> & { issues: ValidationIssue[] };

export type ServerReportStatus = ReportStatus;

/**
 * The endpoint's receipt (src/api/submissions.ts), as far as the pane keeps it; `replay` is true when the endpoint
 * already had this submission (a retry) and answered with the stored receipt. Its status is the report's.
 */
export type Receipt = Pick<WireReceipt, "submissionId" | "revision" | "receivedAt" | "replay"> & {
  status: ServerReportStatus;
};

export interface ReportState {
  unitCode: string;
  period: string;
  latest: Receipt | null;
  status: ServerReportStatus | null;
  /** the planner's comment when the report was returned (or accepted with a comment, or unlocked with a reason) */
  comment: string | null;
  locked: boolean;
  /** the latest revision's entries as the unit sent them, and the locale they were typed in (absent: not read) */
  entries?: EntryInput[];
  entriesLocale?: Locale;
}

export interface ApiClient {
  me(conn: Connection): Promise<Me>;
  catalog(conn: Connection): Promise<Catalog>;
  periods(conn: Connection): Promise<PeriodInfo[]>;
  dryRun(conn: Connection, body: SubmissionBody): Promise<DryRunResult>;
  submit(conn: Connection, body: SubmissionBody): Promise<Receipt>;
  /** null when the unit has not submitted this period yet */
  report(conn: Connection, unitCode: string, period: string): Promise<ReportState | null>;
  /** the unit's report state for each of several periods (null: none sent), for the period picker and reminders;
   * a client without it shows no marks */
  reportStates?(conn: Connection, unitCode: string, periods: string[]): Promise<Record<string, ReportState | null>>;
  /** the unit's targets for a period: what applies, always required, the target that applies (GET /me/applicability) */
  applicability?(conn: Connection, period: string): Promise<UnitModel>;
  /** the unit's own series of every target over from..to, in one request (GET /consolidation/range?unit=…&units=false);
   * a client without it shows no earlier figures beside the form */
  unitTrend?(conn: Connection, unitCode: string, from: string, to: string): Promise<UnitTrend>;
  /** the key tasks the unit leads or co-owns in a period, in their version then (GET /tasks?unit=); a client
   * without it (or offline) leaves the tab to what the workbook's task sheet holds */
  tasks?(conn: Connection, unitCode: string, period: string): Promise<Task[]>;
}

/** A unit's own series of every target over a range of periods (the wire's TrendResponse, scope unit). */
export type UnitTrend = TrendResponse;

/** The unit's reporting model for a period (issue #14), as the endpoint sends it. */
export type UnitModel = MeApplicabilityResponse;
