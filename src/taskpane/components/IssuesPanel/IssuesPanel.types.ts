import type * as React from "react";
import type { EntryInput, Severity, Target, ValidationIssue, ValidationResult } from "../../../domain/types";
import type { I18n } from "../../i18n";

export interface IssuesPanelProps {
  result: ValidationResult | null;
  targets: Target[];
  entries: EntryInput[];
  readOnly: boolean;
  /** select the issue's cell in the sheet */
  onSelectCell: (ev: React.SyntheticEvent, data: { cell: string; issue: ValidationIssue }) => void;
  /** the justification of a target was typed */
  onJustify: (ev: React.SyntheticEvent | null, data: { targetId: string; text: string }) => void;
  onJustifyCommit: (ev: React.SyntheticEvent | null, data: { targetId: string }) => void;
}

export interface IssueView {
  key: string;
  issue: ValidationIssue;
  severity: Severity;
  severityLabel: string;
  text: string;
  cell: string | null;
  goToLabel: string | null;
}

export interface IssueGroupView {
  key: string;
  targetId: string | null;
  title: string;
  headingId: string;
  issues: IssueView[];
  /** targets with warnings take a justification typed in place */
  justification: {
    label: string;
    value: string;
    state: "warning" | "success" | "error";
    message: string;
  } | null;
}

export interface IssuesPanelState {
  i18n: I18n;
  groups: IssueGroupView[];
  /** nothing blocks the submission (no error, every warning justified) */
  clear: boolean;
  readOnly: boolean;
  handleSelect: (ev: React.MouseEvent, data: { view: IssueView }) => void;
  handleJustify: (ev: React.ChangeEvent<HTMLTextAreaElement>, data: { targetId: string; value: string }) => void;
  handleJustifyBlur: (ev: React.FocusEvent, data: { targetId: string }) => void;
}
