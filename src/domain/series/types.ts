/** The shapes of a series: what goes in (plain parsed entries per period) and what comes out (one point per period). */
import type {
  Catalog,
  Direction,
  MilestoneState,
  TargetProgress,
  TargetValue,
  UnitRegistry,
  UnitReport,
} from "../types";
import type { ApplicabilityTable } from "../rules/applicability";

/**
 * The parsed entries per period id ("2026-01", "2026-Q1"…): one UnitReport per unit, the revision the caller chose
 * (the server's accepted submissions, or the consolidation of files). A period absent from the map has no report.
 */
export type ReportsByPeriod = ReadonlyMap<string, readonly UnitReport[]>;

export interface SeriesRequest {
  catalog: Catalog;
  registry: UnitRegistry;
  reports: ReportsByPeriod;
  /** First and last period of the range, both of the same kind ("2026-01".."2030-12", "2026-Q1".."2027-Q4"). */
  from: string;
  to: string;
  /** The targets wanted (catalog order is kept); default every target of the catalog. */
  targetIds?: readonly string[];
  /** One unit's series. */
  unitCode?: string;
  /** A group of units, by codes. */
  unitCodes?: readonly string[];
  /** A group of units, by the group name they list (`wards`, `communes`, `departments`, a planner's cluster). */
  group?: string;
  /** Demo units too (training); default false. */
  includeDemo?: boolean;
  /** Demo units only (the classroom's own world); default false. */
  onlyDemo?: boolean;
  /** The planners' unit × target choices; default the catalog's applies_to only. */
  applicability?: ApplicabilityTable;
  /** The day the series is read on: periods that have not ended by then are "not yet due". Default: none is. */
  asOf?: Date;
}

/**
 * - `value`: at least one selected unit gave a usable figure (`complete` says whether every expected unit did);
 * - `missing`: the target was due and applied, and no expected unit gave a figure;
 * - `not_applicable`: every expected unit answered "not applicable", or the target applies to none of them;
 * - `not_due`: the target is not asked for in a period of this kind (cadence), or the period has not ended yet.
 * Only `value` carries a figure; the other three are never a 0.
 */
export type PointState = "value" | "missing" | "not_applicable" | "not_due";

/** Why a point is not due. */
export type NotDueReason = "cadence" | "not_ended";

export interface SeriesYtd {
  /** The year-to-date figure by the target's time_aggregation; null when there is none or a flow has a gap. */
  figure: number | null;
  /** Sum of the periods known so far (flows only): shown beside an incomplete year to date, never as it. */
  known: number | null;
  /** True when no earlier period of the year (for `last`: this one) is missing or partial. */
  complete: boolean;
  /** The periods of the year so far that are missing or partial (units missing). */
  gaps: string[];
  /** How many periods entered the figure. */
  periods: number;
}

/**
 * The pace toward the year's target:
 * - `value`: where the figure should stand by now (`expected`: flows the pro-rata share, levels the target itself)
 *   and the verdict of `assess()` at city scope (`progress`, null when there is no figure or the year to date is
 *   incomplete);
 * - `deadline`: a milestone's date;
 * - `no_target`: the catalog sets no target for the year (the 2030 value for information only);
 * - `city_total`: a target summed over units is a city total; a unit's or a group's figure is never compared with it.
 */
export type SeriesPace =
  | {
      kind: "value";
      year: number;
      target: number;
      direction: Direction;
      basis: "ytd" | "level";
      /** months of the year elapsed at the end of the period */
      months: number;
      expected: number;
      /** the figure compared: the year to date (flows) or the period's figure (levels) */
      compared: number | null;
      progress: TargetProgress | null;
    }
  | { kind: "deadline"; year: number; date: string; progress: TargetProgress | null }
  | { kind: "no_target"; year: number; termTarget: TargetValue | null }
  | { kind: "city_total"; year: number };

export interface SeriesChange {
  /** the period compared with, and its state */
  periodId: string;
  state: PointState | "outside";
  /** figure − the other's figure; null unless both are values */
  delta: number | null;
  /** delta / |the other's figure| × 100; null when the other is 0 or either is not a value */
  percent: number | null;
  /** by the year's direction: up is better for floors (≥, >), down for ceilings (≤, <); null when unknown or equal */
  better: boolean | null;
  /** both points are complete (no unit missing in either) */
  complete: boolean;
}

export interface SeriesPoint {
  periodId: string;
  state: PointState;
  notDue: NotDueReason | null;
  figure: number | null;
  numeratorSum: number | null;
  denominatorSum: number | null;
  milestone: MilestoneState | null;
  unitsExpected: number;
  unitsIncluded: number;
  unitsMissing: string[];
  unitsNotApplicable: string[];
  complete: boolean;
  ytd: SeriesYtd;
  pace: SeriesPace;
  change: { previous: SeriesChange; yearAgo: SeriesChange };
}

export interface TargetSeries {
  targetId: string;
  /** "city", a unit code, or "group" */
  scope: "city" | "unit" | "group";
  unitCodes: string[] | null;
  points: SeriesPoint[];
}
