/**
 * Status against the target (met / on track / at risk / off track / no target). The rule is documented in README.md
 * in this folder; the same function judges a unit's figure and, at city scope, the city figure.
 */
import type { Direction, ParsedEntry, Period, Target, TargetAssessment, TargetProgress, YearTarget } from "../types";
import * as catalogModule from "../catalog/catalog";
import * as periodsModule from "../periods/periods";
import * as datesModule from "../periods/dates";
import type { MessageParams } from "../messages";

// Local bindings, taken once: cheaper per call than live import bindings in CommonJS output (bench/validate).
const { directionFor, ratioScale, targetForYear, unitOfMeasureFor, unitOfMeasureEnFor } = catalogModule;
const { monthsElapsed } = periodsModule;
const { daysFromIso, hanoiDate } = datesModule;

/** A level within 5 % (relative) of its target is at risk; further is off track. */
export const LEVEL_AT_RISK_TOLERANCE = 0.05;
/** A flow at ≥ 90 % of its pro-rata pace is at risk (ceilings: ≤ 110 %); further is off track. */
export const FLOW_AT_RISK_SHARE = 0.9;

export interface AssessOptions {
  /** "unit" (default): one unit's report; "city": the aggregated city figure. */
  scope?: "unit" | "city";
  /** Flows: the sum of the earlier periods of the same year (default 0). */
  ytdBefore?: number;
  /** Milestones: the day the state is judged on (default: the last day of the period). */
  asOf?: Date;
  /** The target is the unit's own (unit-targets.ts): a sum target is judged at unit scope too. */
  assigned?: boolean;
}

export interface Assessment extends TargetAssessment {
  basis: "level" | "ytd" | "milestone" | "none";
  /** The numbers behind the verdict, for messages. */
  params: MessageParams;
}

/**
 * Flows are summed over the year: the targets whose `time_aggregation` is `sum`. A stock (`last`: congestion points,
 * coverage) is never summed — its year-to-date figure is the latest period's. In catalogs without the column the
 * default is `sum` for counts and amounts aggregated by sum, as before (catalog/defaults.ts).
 */
export function isFlow(target: Target): boolean {
  return target.timeAggregation === "sum" && target.measure !== "milestone";
}

/** The figure an entry states: the value, the ratio (×100 for percentages) or null. */
export function entryFigure(target: Target, entry: ParsedEntry): number | null {
  if (target.aggregation === "ratio_of_sums") {
    if (entry.numerator === null || entry.denominator === null || !(entry.denominator > 0)) return null;
    return (ratioScale(target) * entry.numerator) / entry.denominator;
  }
  return entry.value;
}

/** Does `x` satisfy `direction threshold` (strict < and > respected exactly)? */
export function meets(x: number, direction: Direction, threshold: number): boolean {
  switch (direction) {
    case ">=":
      return x >= threshold;
    case ">":
      return x > threshold;
    case "<=":
      return x <= threshold;
    case "<":
      return x < threshold;
    default:
      return false;
  }
}

/** Absorbs binary rounding at the thresholds (11 − 10.45 is 0.5500000000000007). */
const EPSILON = 1e-9;

const isCeiling = (d: Direction): boolean => d === "<" || d === "<=";

function assessLevel(d: Direction, figure: number, value: number, period: Period): TargetProgress {
  if (meets(figure, d, value)) return period.kind === "year" ? "met" : "on_track";
  const gap = isCeiling(d) ? figure - value : value - figure;
  const scale = Math.abs(value);
  return scale > 0 && gap / scale <= LEVEL_AT_RISK_TOLERANCE + EPSILON ? "at_risk" : "off_track";
}

function assessFlow(d: Direction, ytd: number, value: number, months: number): TargetProgress {
  const prorata = (value * months) / 12;
  if (isCeiling(d)) {
    if (months >= 12) {
      if (meets(ytd, d, value)) return "met";
      return ytd <= value / FLOW_AT_RISK_SHARE + EPSILON ? "at_risk" : "off_track";
    }
    if (!meets(ytd, d, value)) return "off_track"; // the whole year's ceiling is already reached
    if (meets(ytd, d, prorata)) return "on_track";
    return ytd <= prorata / FLOW_AT_RISK_SHARE + EPSILON ? "at_risk" : "off_track";
  }
  if (meets(ytd, d, value)) return "met";
  if (months < 12 && meets(ytd, d, prorata)) return "on_track";
  return ytd >= prorata * FLOW_AT_RISK_SHARE - EPSILON ? "at_risk" : "off_track";
}

function assessMilestone(entry: ParsedEntry, deadline: string, period: Period, asOf?: Date): TargetProgress {
  if (entry.milestone === "done") return "met";
  const today = asOf ? hanoiDate(asOf) : period.end;
  if ((daysFromIso(today) ?? 0) > (daysFromIso(deadline) ?? 0)) return "off_track";
  return entry.milestone === "in_progress" ? "on_track" : "at_risk";
}

export interface YearInfo {
  yt: YearTarget;
  /** the year's own direction (U05: ">" in 2026, ">=" in 2030) */
  direction: Direction;
  unitOfMeasure: string;
  termUnit: string;
  /** the catalog's English units (unit_en), for the English messages */
  unitOfMeasureEn: string;
  termUnitEn: string;
}
const YEAR_INFO = new WeakMap<Target, Map<number, YearInfo>>();
/** The year's target and units of one target, cached per target object (shared: never mutate it). */
export function yearInfo(target: Target, year: number): YearInfo {
  let perYear = YEAR_INFO.get(target);
  if (!perYear) YEAR_INFO.set(target, (perYear = new Map()));
  let info = perYear.get(year);
  if (!info) {
    info = {
      yt: targetForYear(target, year),
      direction: directionFor(target, year),
      unitOfMeasure: unitOfMeasureFor(target, year),
      termUnit: unitOfMeasureFor(target, 2030),
      unitOfMeasureEn: unitOfMeasureEnFor(target, year),
      termUnitEn: unitOfMeasureEnFor(target, 2030),
    };
    perYear.set(year, info);
  }
  return info;
}

/** A verdict without its message params: what validate() needs for every row (params only for the issues). */
export interface Verdict {
  progress: TargetProgress;
  figure: number | null;
  yt: YearTarget;
  basis: Assessment["basis"];
  /** no_target: "not_set" (no value for the year) or "city_total" (a sum target judged at unit scope) */
  reason: "not_set" | "city_total" | null;
}

export function emptyVerdict(): Verdict {
  return {
    progress: "no_data",
    figure: null,
    yt: { kind: "none", year: 0, termTarget: null },
    basis: "none",
    reason: null,
  };
}

function set(
  out: Verdict,
  progress: TargetProgress,
  figure: number | null,
  basis: Verdict["basis"],
  reason: Verdict["reason"],
): void {
  out.progress = progress;
  out.figure = figure;
  out.basis = basis;
  out.reason = reason;
}

/** Judge one entry into `out` (no allocation). See README.md for the rule. */
export function judgeInto(target: Target, entry: ParsedEntry, period: Period, opts: AssessOptions, out: Verdict): void {
  const info = yearInfo(target, period.year);
  const yt = info.yt;
  out.yt = yt;
  if (target.measure === "milestone") {
    if (entry.milestone === null) return set(out, "no_data", null, "none", null);
    if (yt.kind !== "date") return set(out, "no_target", null, "none", "not_set");
    return set(out, assessMilestone(entry, yt.date, period, opts.asOf), null, "milestone", null);
  }
  const figure = entryFigure(target, entry);
  if (figure === null) return set(out, "no_data", null, "none", null);
  if (target.aggregation === "sum" && opts.scope !== "city" && !opts.assigned)
    return set(out, "no_target", figure, "none", "city_total");
  const flow = isFlow(target);
  const compared = flow ? (opts.ytdBefore ?? 0) + figure : figure;
  if (yt.kind !== "value") return set(out, "no_target", compared, "none", "not_set");
  const d = info.direction;
  if (flow) return set(out, assessFlow(d, compared, yt.value, monthsElapsed(period)), compared, "ytd", null);
  return set(out, assessLevel(d, figure, yt.value, period), figure, "level", null);
}

/** The numbers behind a verdict, for its message. */
export function verdictParams(target: Target, period: Period, v: Verdict): MessageParams {
  const info = yearInfo(target, period.year);
  const p: MessageParams = {
    targetId: target.id,
    year: period.year,
    direction: info.direction,
    unitOfMeasure: info.unitOfMeasure,
    termUnit: info.termUnit,
    unitOfMeasureEn: info.unitOfMeasureEn,
    termUnitEn: info.termUnitEn,
    basis: v.basis,
    progress: v.progress,
  };
  const yt = v.yt;
  if (v.reason !== null) {
    p.reason = v.reason;
    p.termTarget = yt.kind === "none" ? yt.termTarget : null;
  }
  if (yt.kind === "date") p.deadline = yt.date;
  if (yt.kind === "value" && v.figure !== null && v.progress !== "no_target") {
    p.figure = v.figure;
    p.target = yt.value;
    if (v.basis === "ytd") {
      const months = monthsElapsed(period);
      p.months = months;
      p.prorata = (yt.value * months) / 12;
    }
  }
  return p;
}

/** Judge one entry (a unit's, or at city scope the aggregated one) against its target for the period. */
export function assess(target: Target, entry: ParsedEntry, period: Period, opts: AssessOptions = {}): Assessment {
  const v = emptyVerdict();
  judgeInto(target, entry, period, opts, v);
  return {
    targetId: target.id,
    progress: v.progress,
    figure: v.figure,
    target: v.yt,
    basis: v.basis,
    params: verdictParams(target, period, v),
  };
}
