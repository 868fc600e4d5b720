import type * as React from "react";
import type {
  EntryField,
  EntryInput,
  GroupId,
  Period,
  RawValue,
  Target,
  TargetProgress,
  Unit,
  ValidationResult,
} from "../../../domain/types";
import type { ReportTables } from "../../hooks/useReport";
import type { UnitHistory } from "../../hooks/useUnitHistory";
import type { RecentView } from "../recent-values";
import type { I18n } from "../../i18n";

export interface EntryChangeEventData {
  targetId: string;
  field: EntryField;
  raw: RawValue;
}

export interface EntryFormProps {
  targets: Target[];
  entries: EntryInput[];
  period: Period;
  result: ValidationResult | null;
  /** accepted (locked) reports cannot be edited */
  readOnly: boolean;
  onEntryChange: (ev: React.SyntheticEvent | null, data: EntryChangeEventData) => void;
  /** the input lost focus: write its cell now */
  onEntryCommit: (ev: React.SyntheticEvent | null, data: { targetId: string; field: EntryField }) => void;
  /** the connected unit and the planner choices and assigned targets the report follows (issue #14) */
  unit?: Unit | null;
  tables?: ReportTables;
  /** the unit's own earlier periods (issue #21): shown beside each figure once they arrive; absent offline */
  history?: UnitHistory | null;
}

/** The "not applicable" answer of a row: a control where the unit may give it, a note where it may not. */
export interface NotApplicableView {
  /** false where a planner made the target always required for the unit */
  allowed: boolean;
  checked: boolean;
  toggleLabel: string;
  /** the reason (the justification field), shown while checked */
  reason: EntryFieldView | null;
  /** a note: always required, or the planners have not chosen yet (planner selects) */
  note: string | null;
}

export type FieldValidationState = "error" | "warning" | "none";

export interface EntryFieldView {
  field: EntryField;
  /** the input's label, unique in the form (starts with the target id) */
  label: string;
  kind: "number" | "milestone" | "text";
  /** what the input shows: numbers in the chosen locale, text as typed */
  value: string;
  validationState: FieldValidationState;
  validationMessage: string | undefined;
  hint: string | undefined;
}

export interface EntryRowView {
  target: Target;
  headingId: string;
  title: string;
  /** "Chỉ tiêu kỳ này: ≥ 11 %" or "Chưa có chỉ tiêu (năm 2030: ≥ 11)" */
  targetText: string;
  /** which target applies and where it comes from: assigned by decision X, the city's, none */
  appliedText: string;
  notApplicable: NotApplicableView;
  hasTarget: boolean;
  unitOfMeasure: string;
  progress: TargetProgress;
  progressLabel: string;
  sourceStatus: string;
  provisional: boolean;
  fields: EntryFieldView[];
  details: EntryFieldView[];
  detailsOpen: boolean;
  /** the unit's last periods of this target, beside its figure (null: none known) */
  recent: RecentView | null;
}

export interface EntryGroupView {
  group: GroupId;
  title: string;
  rows: EntryRowView[];
}

/** What every row needs besides its own view; stable between renders, so unchanged rows are not rendered again. */
export interface EntryRowContext {
  i18n: I18n;
  readOnly: boolean;
  handleInput: EntryFormState["handleInput"];
  handleBlur: EntryFormState["handleBlur"];
  handleToggleDetails: EntryFormState["handleToggleDetails"];
  handleNotApplicable: EntryFormState["handleNotApplicable"];
  /** the target whose "not applicable" box the classroom tour points at (the first one offered in an open group) */
  tourNotApplicable: string | null;
}

export interface EntryFormState {
  i18n: I18n;
  groups: EntryGroupView[];
  openGroups: GroupId[];
  readOnly: boolean;
  rowContext: EntryRowContext;
  handleInput: (
    ev: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>,
    data: { targetId: string; field: EntryField; value: string },
  ) => void;
  handleBlur: (ev: React.FocusEvent, data: { targetId: string; field: EntryField }) => void;
  handleToggleDetails: (ev: React.MouseEvent, data: { targetId: string }) => void;
  handleToggleGroup: (ev: React.SyntheticEvent, data: { value: unknown; openItems: unknown[] }) => void;
  handleNotApplicable: (ev: React.ChangeEvent<HTMLInputElement>, data: { targetId: string; checked: boolean }) => void;
}
