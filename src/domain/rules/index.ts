export { parseNumber, formatNumber } from "./number";
export {
  parseEntryInto,
  parseMilestone,
  emptyParsedEntry,
  primaryField,
  type IssueSink,
  type EntryState,
} from "./entry";
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
