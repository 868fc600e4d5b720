/**
 * Status against the target (met / on track / at risk / off track / no target). The rule is documented in README.md
 * in this folder; the same function judges a unit's figure and, at city scope, the city figure.
 */
import type { Direction, ParsedEntry, Period, Target, TargetAssessment, TargetProgress, YearTarget } from "../types";
import { ratioScale, targetForYear, unitOfMeasureFor } from "../catalog/catalog";
import { monthsElapsed } from "../periods/periods";
import { daysFromIso, hanoiDate } from "../periods/dates";
import type { MessageParams } from "../messages";

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
}

export interface Assessment extends TargetAssessment {
  basis: "level" | "ytd" | "milestone" | "none";
  /** The numbers behind the verdict, for messages. */
  params: MessageParams;
}

/** Flows are summed over the year: counts, and amounts aggregated by sum. */
export function isFlow(target: Target): boolean {
  return target.measure === "count" || (target.measure === "amount" && target.aggregation === "sum");
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

function result(
  target: Target,
  progress: TargetProgress,
  figure: number | null,
  yt: YearTarget,
  basis: Assessment["basis"],
  params: MessageParams,
): Assessment {
  params.basis = basis; // the messages word a level, a year-to-date flow and a milestone differently
  return { targetId: target.id, progress, figure, target: yt, basis, params };
}

function assessLevel(target: Target, figure: number, value: number, period: Period): TargetProgress {
  if (meets(figure, target.direction, value)) return period.kind === "year" ? "met" : "on_track";
  const gap = isCeiling(target.direction) ? figure - value : value - figure;
  const scale = Math.abs(value);
  return scale > 0 && gap / scale <= LEVEL_AT_RISK_TOLERANCE + EPSILON ? "at_risk" : "off_track";
}

function assessFlow(target: Target, ytd: number, value: number, months: number): TargetProgress {
  const d = target.direction;
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

interface YearInfo {
  yt: YearTarget;
  unitOfMeasure: string;
  termUnit: string;
}
const YEAR_INFO = new WeakMap<Target, Map<number, YearInfo>>();
/** The year's target and units of one target, cached per target object. */
function yearInfo(target: Target, year: number): YearInfo {
  let perYear = YEAR_INFO.get(target);
  if (!perYear) YEAR_INFO.set(target, (perYear = new Map()));
  let info = perYear.get(year);
  if (!info) {
    info = {
      yt: targetForYear(target, year),
      unitOfMeasure: unitOfMeasureFor(target, year),
      termUnit: unitOfMeasureFor(target, 2030),
    };
    perYear.set(year, info);
  }
  return info;
}

function params(target: Target, period: Period, info: YearInfo, extra: MessageParams): MessageParams {
  extra.targetId = target.id;
  extra.year = period.year;
  extra.direction = target.direction;
  extra.unitOfMeasure = info.unitOfMeasure;
  extra.termUnit = info.termUnit;
  return extra;
}

/** Judge one entry (a unit's, or at city scope the aggregated one) against its target for the period. */
export function assess(target: Target, entry: ParsedEntry, period: Period, opts: AssessOptions = {}): Assessment {
  const info = yearInfo(target, period.year);
  const yt = info.yt;
  if (target.measure === "milestone") {
    if (entry.milestone === null) return result(target, "no_data", null, yt, "none", params(target, period, info, {}));
    if (yt.kind !== "date") {
      return result(
        target,
        "no_target",
        null,
        yt,
        "none",
        params(target, period, info, { reason: "not_set", termTarget: null }),
      );
    }
    const progress = assessMilestone(entry, yt.date, period, opts.asOf);
    return result(
      target,
      progress,
      null,
      yt,
      "milestone",
      params(target, period, info, { deadline: yt.date, progress }),
    );
  }
  const figure = entryFigure(target, entry);
  if (figure === null) return result(target, "no_data", null, yt, "none", params(target, period, info, {}));
  if (target.aggregation === "sum" && opts.scope !== "city") {
    return result(target, "no_target", figure, yt, "none", params(target, period, info, { reason: "city_total" }));
  }
  const flow = isFlow(target);
  const compared = flow ? (opts.ytdBefore ?? 0) + figure : figure;
  if (yt.kind !== "value") {
    const termTarget = yt.kind === "none" ? yt.termTarget : null;
    return result(
      target,
      "no_target",
      compared,
      yt,
      "none",
      params(target, period, info, { reason: "not_set", termTarget }),
    );
  }
  if (flow) {
    const months = monthsElapsed(period);
    const progress = assessFlow(target, compared, yt.value, months);
    const prorata = (yt.value * months) / 12;
    const p = params(target, period, info, { figure: compared, target: yt.value, prorata, months, progress });
    return result(target, progress, compared, yt, "ytd", p);
  }
  const progress = assessLevel(target, figure, yt.value, period);
  return result(
    target,
    progress,
    figure,
    yt,
    "level",
    params(target, period, info, { figure, target: yt.value, progress }),
  );
}
