import type * as React from "react";
import type { ValidationIssue } from "../../../domain/types";
import type { QueuedSubmission } from "../../../workbook/port";
import type { Receipt } from "../../api";
import type { ServerVerdict, SubmissionOutcome, SubmissionState } from "../../hooks/useSubmission";
import type { I18n } from "../../i18n";

export interface SubmitPanelProps {
  state: SubmissionState;
  phase: "idle" | "checking" | "sending";
  receipt: Receipt | null;
  changedSinceReceipt: boolean;
  /** the planner's comment on a returned report */
  comment: string | null;
  verdict: ServerVerdict | null;
  outcome: SubmissionOutcome;
  error: unknown;
  counts: { errors: number; unjustifiedWarnings: number };
  /** errors in the task progress (the Tasks tab): they stop a submission too */
  taskErrors?: number;
  canSubmit: boolean;
  waiting: QueuedSubmission[];
  nextRetryAt: number | null;
  queueSending: boolean;
  onSubmit: (ev: React.SyntheticEvent) => void;
  onRetryNow: (ev: React.SyntheticEvent) => void;
  onSelectCell: (ev: React.SyntheticEvent, data: { cell: string; issue: ValidationIssue }) => void;
}

export type Intent = "info" | "success" | "warning" | "error";

export interface PanelMessage {
  key: string;
  intent: Intent;
  title?: string;
  text: string;
}

export interface SubmitPanelState {
  i18n: I18n;
  stateLabel: string;
  stateColor: "informative" | "warning" | "success" | "danger" | "brand";
  messages: PanelMessage[];
  serverIssues: { key: string; text: string; cell: string | null; issue: ValidationIssue }[];
  buttonLabel: string;
  canSubmit: boolean;
  busyLabel: string | null;
  receipt: { id: string; revision: string | null; time: string } | null;
  waiting: { id: string; text: string }[];
  retryText: string | null;
  showRetry: boolean;
  onSubmit: (ev: React.SyntheticEvent) => void;
  onRetryNow: (ev: React.SyntheticEvent) => void;
  onSelectCell: SubmitPanelProps["onSelectCell"];
}
