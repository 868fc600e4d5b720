/**
 * The domain contract of Chỉ tiêu. Pure TypeScript: nothing here imports office-js, React, Node or Fastify.
 * The task pane, the CLI and the server all speak these types.
 */

/** A text in both languages; Vietnamese first. All Vietnamese text is NFC. */
export interface Bilingual {
  vi: string;
  en: string;
}

export type Locale = "vi" | "en";

// ---------------------------------------------------------------------------------------------------------------
// Catalog
// ---------------------------------------------------------------------------------------------------------------

export type GroupId = "economy" | "society" | "urban_environment" | "party_building";
export const GROUP_IDS: readonly GroupId[] = ["economy", "society", "urban_environment", "party_building"];

/** rate: growth-like figure, may be negative; percent: 0–100 share; amount: non-negative decimal; count: whole
 * number ≥ 0; index: non-negative decimal score; milestone: a dated deliverable. */
export type MeasureKind = "rate" | "percent" | "amount" | "count" | "index" | "milestone";
export type Direction = ">=" | ">" | "<=" | "<" | "done_by";
export type ReportedBy = "communes" | "departments" | "city";
export type Aggregation = "sum" | "ratio_of_sums" | "city_only" | "none";
export type Bottleneck = "traffic" | "urban_order" | "flooding" | "pollution" | "food_safety";
/** `verified` is the single status of catalogs written before the 2026-12 revision; it still loads. */
export type TargetSourceStatus =
  "verified-congress" | "verified-plan-2026" | "verified" | "verified-en" | "partial" | "candidate" | "unknown-value";
/** How often a unit reports the figure (a proposed default a planner may change in the catalog). */
export type Frequency = "month" | "quarter" | "half" | "year";
export const FREQUENCIES: readonly Frequency[] = ["month", "quarter", "half", "year"];
/** How a unit's figures over a year's periods combine into a year-to-date or annual figure. */
export type TimeAggregation = "sum" | "last" | "mean" | "ratio_of_sums";
export const TIME_AGGREGATIONS: readonly TimeAggregation[] = ["sum", "last", "mean", "ratio_of_sums"];
/** One kind of unit a target applies to; `plannerSelects`: only the units of that kind a planner picks. */
export interface AppliesTo {
  kind: "ward" | "commune" | "department" | "city";
  plannerSelects: boolean;
}

export const CATALOG_YEARS = [2026, 2027, 2028, 2029, 2030] as const;
export type CatalogYear = (typeof CATALOG_YEARS)[number];

/** A target value for one year: a number, or an ISO date (yyyy-mm-dd) for milestones. Absent = no target set. */
export type TargetValue = number | string;

export interface Target {
  id: string; // "E01" … "P03"
  group: GroupId;
  name: Bilingual;
  /** Unit of measure as written in the source (Vietnamese), e.g. "%", "căn", "2026: triệu đồng; 2030: USD". */
  unitOfMeasure: string;
  /** Unit of measure that applies in a given year when it differs by year (E02); falls back to unitOfMeasure. */
  unitOfMeasureByYear: Partial<Record<CatalogYear, string>>;
  /** English unit of measure (unit_en); null in catalogs without it (English screens then show `unitOfMeasure`). */
  unitEn: string | null;
  /** English per-year units when they differ by year ("2026: million VND; 2030: USD"). */
  unitEnByYear: Partial<Record<CatalogYear, string>>;
  measure: MeasureKind;
  /** The direction of the years without their own (the last one the row states). */
  direction: Direction;
  /** Where the wording differs by year ("2026:>;2030:>="): each year's own direction. Empty otherwise. */
  directionByYear: Partial<Record<CatalogYear, Direction>>;
  /** Only the values the source states. 2027–2029 are empty unless a loaded catalog supplies them. */
  targetByYear: Partial<Record<CatalogYear, TargetValue>>;
  reportedBy: ReportedBy;
  aggregation: Aggregation;
  /** For ratio_of_sums: what the numerator and denominator count (Vietnamese). */
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  /** English numerator and denominator labels (numerator_en, denominator_en); null when absent. */
  numeratorLabelEn: string | null;
  denominatorLabelEn: string | null;
  /** Which unit kinds report it (applies_to); defaults from reportedBy in catalogs without the column. */
  appliesTo: AppliesTo[];
  frequency: Frequency;
  timeAggregation: TimeAggregation;
  bottlenecks: Bottleneck[];
  status: TargetSourceStatus;
  source: string;
}

export interface Catalog {
  /** Changes whenever any target changes: "<content hash>" derived from every field of every target. */
  version: string;
  targets: Target[];
}

/** What a year's target resolves to. `kind: "none"` means no target set — never a number. */
export type YearTarget =
  | { kind: "value"; year: CatalogYear; value: number; unitOfMeasure: string }
  | { kind: "date"; year: CatalogYear; date: string }
  | {
      kind: "none";
      year: number;
      /** the end-of-term (2030) value, shown for information only */ termTarget: TargetValue | null;
    };

/** A problem in a catalog file: row is 1-based as a person counts rows in the sheet (header = row 1). */
export interface CatalogIssue {
  row: number;
  column: string;
  code: string;
  message: Bilingual;
}

export type CatalogLoadResult = { ok: true; catalog: Catalog } | { ok: false; issues: CatalogIssue[] };

// ---------------------------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------------------------

export type UnitKind = "ward" | "commune" | "department" | "city";

export interface Unit {
  /** Official 5-digit code for wards and communes; our own code for departments ("S-XD"), the city ("HN"), demo units ("DEMO-…"). */
  code: string;
  kind: UnitKind;
  name: Bilingual;
  /** Departments and the city unit: the target ids they report. Wards and communes: empty (they report every `communes` target). */
  targetIds: string[];
  /** True for a starter entry that a planner must confirm (city departments). */
  toConfirm: boolean;
  /** Demo units exist for training only and never enter real completeness or consolidation. */
  demo: boolean;
  /** Optional unit groups, e.g. "wards", "communes", "departments", or planner-defined clusters. */
  groups: string[];
  /**
   * Retired units are kept, never deleted: the id of the first period ("2026-07", "2026-Q3", "2027") for which the
   * unit no longer reports (a starter department that does not exist, a ward merged into another). Null or absent:
   * it reports. Which periods still expect it: `reportsIn` in `units/expected.ts`.
   */
  retiredFrom?: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------------------------------

export type PeriodKind = "month" | "quarter" | "half" | "year";

export interface Period {
  /** "2026-01", "2026-Q1", "2026-H1", "2026" */
  id: string;
  kind: PeriodKind;
  year: number;
  /** 1–12 for months, 1–4 quarters, 1–2 halves, 1 for the year. */
  index: number;
  /** Calendar span, ISO dates inclusive. */
  start: string;
  end: string;
}

export type CutoffRule = "calendar" | "mid_month";

export interface ReportSchedule {
  /** calendar: the period itself; mid_month: from the 15th of the month before the period to the 14th of its last month. */
  cutoff: CutoffRule;
  /** Days after the end of the data window by which a report is due, per period kind. */
  deadlineDays: Record<PeriodKind, number>;
}

export type PeriodPhase = "upcoming" | "open" | "due" | "late";

export interface PeriodWindow {
  period: Period;
  /** Data cut-off window, ISO dates inclusive. */
  dataStart: string;
  dataEnd: string;
  /** Last day on which a submission is on time (ISO date, Hanoi time UTC+7, inclusive). */
  deadline: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Entries, rules, issues
// ---------------------------------------------------------------------------------------------------------------

export type MilestoneState = "not_started" | "in_progress" | "done";
export const MILESTONE_STATES: readonly MilestoneState[] = ["not_started", "in_progress", "done"];

/** A cell's content as the user left it: typed text, a number from the sheet, or nothing. */
export type RawValue = string | number | boolean | null | undefined;

/** The fields of one target row that a person fills. */
export type EntryField =
  "value" | "numerator" | "denominator" | "milestone" | "justification" | "evidence" | "responsible";

export interface EntryInput {
  targetId: string;
  /** single-figure targets (rate, percent, amount, count, index) */
  value?: RawValue;
  /** ratio_of_sums targets */
  numerator?: RawValue;
  denominator?: RawValue;
  /** milestone targets: one of MILESTONE_STATES, or its Vietnamese/English label */
  milestone?: RawValue;
  /** Written justification for warnings on this target (off target, inconsistent figures). */
  justification?: string | null;
  evidence?: string | null;
  responsible?: string | null;
}

export interface ReportInput {
  unitCode: string;
  period: string;
  catalogVersion: string;
  /** How ambiguous numbers such as "1.234" are read. */
  locale: Locale;
  entries: EntryInput[];
}

/** An entry after parsing: numbers are numbers, blanks are null (never 0). */
export interface ParsedEntry {
  targetId: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  milestone: MilestoneState | null;
  justification: string | null;
  evidence: string | null;
  responsible: string | null;
  /** The clerk answered "not applicable" (`không áp dụng` / `N/A`): distinct from blank and from 0. */
  notApplicable?: boolean;
}

export type Severity = "error" | "warning" | "info";

export type IssueCode =
  | "required"
  | "not_a_number"
  | "ambiguous_number"
  | "not_whole_number"
  | "negative"
  | "percent_out_of_range"
  | "rate_out_of_range"
  | "numerator_above_denominator"
  | "denominator_not_positive"
  | "partial_ratio"
  | "unknown_milestone"
  | "unknown_target"
  | "duplicate_target"
  | "target_not_for_unit"
  | "unknown_unit"
  | "unknown_period"
  | "catalog_version_mismatch"
  | "off_track"
  | "at_risk"
  | "no_target"
  | "inconsistent_denominator"
  | "justification_too_short"
  | "invalid_text"
  | "text_too_long"
  | "not_applicable_without_reason"
  | "not_applicable_refused"
  | "history_outlier"
  | "disagrees_with_months";

export type TargetProgress = "met" | "on_track" | "at_risk" | "off_track" | "no_target" | "no_data";

export interface ValidationIssue {
  code: IssueCode;
  /** Stable rule identifier, e.g. "bounds.percent", "status.off_track", "consistency.population". */
  ruleId: string;
  targetId: string | null;
  unitCode: string;
  period: string;
  /** Where in the report: ["entries", "E01", "numerator"]. */
  path: (string | number)[];
  /** Sheet address when the caller knows it, e.g. "Nhap!F12". */
  cell?: string;
  severity: Severity;
  params: Record<string, string | number | boolean | null>;
  message: Bilingual;
  /** Warnings only: true when the entry carries an adequate justification. */
  justified?: boolean;
}

export interface TargetAssessment {
  targetId: string;
  progress: TargetProgress;
  /** The figure compared (value, ratio in %, or year-to-date sum), when there is one. */
  figure: number | null;
  target: YearTarget;
}

export interface ValidationResult {
  /** True when there is no error and every warning is justified: the report may be submitted. */
  ok: boolean;
  issues: ValidationIssue[];
  entries: ParsedEntry[];
  assessments: TargetAssessment[];
  counts: { errors: number; warnings: number; unjustifiedWarnings: number; infos: number };
}

// ---------------------------------------------------------------------------------------------------------------
// Aggregation
// ---------------------------------------------------------------------------------------------------------------

export interface UnitReport {
  unitCode: string;
  entries: ParsedEntry[];
}

export interface CityFigure {
  targetId: string;
  aggregation: Aggregation;
  /** sum: Σ values; ratio_of_sums: 100 × Σnum / Σden (or Σnum/Σden for non-percent ratios); city_only: the one figure. null when nothing reported. */
  value: number | null;
  numeratorSum: number | null;
  denominatorSum: number | null;
  /** milestones: the least advanced state reported */
  milestone: MilestoneState | null;
  unitsExpected: string[];
  unitsIncluded: string[];
  unitsMissing: string[];
  /** units that answered "not applicable" (with their reason): neither included nor missing, never 0 */
  unitsNotApplicable?: string[];
  progress: TargetProgress;
  target: YearTarget;
}

// ---------------------------------------------------------------------------------------------------------------
// Additions (domain implementation): registry, validation context, parsed numbers
// ---------------------------------------------------------------------------------------------------------------

export interface UnitRegistry {
  byCode(code: string): Unit | undefined;
  /** NFC, case- and tone-placement-insensitive ("Hoà" = "Hòa"); a code or a code prefix also matches. Best first. */
  search(text: string): Unit[];
  all(): Unit[];
  /** The targets a unit reports under a catalog (empty for an unknown unit). */
  targetsFor(catalog: Catalog, unitCode: string): Target[];
  /** The units expected to report a target (demo units included; aggregation leaves them out unless asked). */
  unitsFor(catalog: Catalog, targetId: string): Unit[];
}

export type ParsedNumber =
  | { kind: "blank" }
  | { kind: "number"; value: number; percentSign: boolean; ambiguous: boolean }
  | { kind: "invalid"; text: string };
