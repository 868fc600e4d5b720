/**
 * What `validate` is given beside the report: the catalog, the units, and what the caller knows of the unit's
 * applicability, assigned targets, history and month entries. Kept out of types.ts so that the shared types import no
 * rule (types.ts ← rules, never the other way).
 */
import type { Catalog, EntryField, ParsedEntry, UnitRegistry } from "../types";
import type { ApplicabilityTable } from "./applicability";
import type { HistoryThresholds, UnitHistory } from "./history";
import type { UnitTargetTable } from "./unit-targets";

export interface ValidationContext {
  catalog: Catalog;
  units: UnitRegistry;
  /** Sheet address of a target's field, when the caller knows it (e.g. "Nhap!F12"). */
  cellOf?: (targetId: string, field: EntryField) => string | undefined;
  /** Year-to-date sums of earlier periods in the same year, per target id (flows); default 0. */
  ytd?: Record<string, number>;
  /** The date the report is judged on (milestones); default: the end of the period. */
  asOf?: Date;
  /** A draft: blanks in required targets are `info` instead of `error`. */
  draft?: boolean;
  /** The planners' unit × target choices (rules/applicability.ts); default: the catalog's applies_to only. */
  applicability?: ApplicabilityTable;
  /** Targets assigned to units (rules/unit-targets.ts): a unit is judged against its own when it has one. */
  unitTargets?: UnitTargetTable;
  /** The unit's earlier figures per target id (rules/history.ts): a figure far outside them is a warning. */
  history?: Record<string, UnitHistory>;
  /** default HISTORY_THRESHOLDS */
  historyThresholds?: HistoryThresholds;
  /**
   * A quarter's, half's or year's report: the unit's month entries inside the period, per target id, oldest first.
   * The figure computed from them (by time_aggregation) is shown next to the typed one, with a warning when they
   * disagree by more than 1 % (aggregate/time.ts).
   */
  monthEntries?: Record<string, ParsedEntry[]>;
}
