export { parseNumber, formatNumber } from "./number";
export {
  parseEntryInto,
  parseMilestone,
  emptyParsedEntry,
  primaryField,
  type IssueSink,
  isNotApplicableText,
  type EntryState,
} from "./entry";
export {
  applicabilityOf,
  defaultApplies,
  TASK_UNITS_GROUP,
  plannerChoice,
  reportScope,
  reportTargets,
  APPLICABILITY_STATES,
  EMPTY_APPLICABILITY,
  type Applicability,
  type ApplicabilityEntry,
  type ApplicabilityState,
  type ApplicabilityTable,
  type ReportScope,
} from "./applicability";
export { isDue, dueInKind } from "./cadence";
export { parseEntry } from "./parse-entry";
export {
  assess,
  isFlow,
  entryFigure,
  meets,
  LEVEL_AT_RISK_TOLERANCE,
  FLOW_AT_RISK_SHARE,
  type AssessOptions,
  type Assessment,
} from "./assess";
export { validate, MIN_JUSTIFICATION } from "./validate";
export { populationTargetIds } from "./consistency";
export { PROGRESS_LABELS, MILESTONE_LABELS } from "./labels";
export {
  assignedTarget,
  withAssigned,
  targetSourceFor,
  EMPTY_UNIT_TARGETS,
  type AssignedTarget,
  type UnitTargetTable,
} from "./unit-targets";
export {
  historyOutlier,
  yearBefore,
  HISTORY_THRESHOLDS,
  type HistoryPoint,
  type HistoryThresholds,
  type HistoryVerdict,
  type UnitHistory,
} from "./history";
export type { ValidationContext } from "./context";
export {
  appliedTarget,
  unitApplicability,
  type AppliedTarget,
  type TargetApplicability,
  type TargetSource,
} from "./applicability-view";
