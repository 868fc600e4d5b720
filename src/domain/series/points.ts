/**
 * One point of a series from the selection's figure for the period (aggregate/aggregate.ts), and its year to date
 * from the points of the same year so far (aggregate/time.ts).
 */
import { combinePeriods } from "../aggregate/time";
import { emptyParsedEntry } from "../rules/entry";
import type { CityFigure, ParsedEntry, Target } from "../types";
import type { NotDueReason, PointState, SeriesPoint, SeriesYtd } from "./types";

/** A point whose own part is filled (`ytd`, `pace`, `change` are filled by the caller). */
export type BasePoint = SeriesPoint;

const NO_GAPS: string[] = [];
const NO_YTD: SeriesYtd = { figure: null, known: null, complete: false, gaps: NO_GAPS, periods: 0 };
const NO_CHANGE = {
  periodId: "",
  state: "outside",
  delta: null,
  percent: null,
  better: null,
  complete: false,
} as const satisfies SeriesPoint["change"]["previous"];
/** Placeholders shared by every point until build.ts sets its own (the year before the range keeps them). */
const NO_PACE: SeriesPoint["pace"] = { kind: "no_target", year: 0, termTarget: null };
const NO_CHANGES: SeriesPoint["change"] = { previous: NO_CHANGE, yearAgo: NO_CHANGE };

/** The state of the selection's figure; see PointState. */
export function pointState(cf: CityFigure, notDue: NotDueReason | null): PointState {
  if (notDue !== null) return "not_due";
  if (cf.unitsIncluded.length > 0) return "value";
  if (cf.unitsMissing.length > 0) return "missing";
  return "not_applicable";
}

export function basePoint(periodId: string, cf: CityFigure, notDue: NotDueReason | null): BasePoint {
  const state = pointState(cf, notDue);
  const value = state === "value";
  return {
    periodId,
    state,
    notDue,
    figure: value ? cf.value : null,
    numeratorSum: value ? cf.numeratorSum : null,
    denominatorSum: value ? cf.denominatorSum : null,
    milestone: value ? cf.milestone : null,
    unitsExpected: cf.unitsExpected.length,
    unitsIncluded: cf.unitsIncluded.length,
    unitsMissing: state === "not_due" ? [] : cf.unitsMissing,
    unitsNotApplicable: state === "not_due" ? [] : (cf.unitsNotApplicable ?? []),
    complete: value && cf.unitsMissing.length === 0,
    ytd: NO_YTD,
    pace: NO_PACE,
    change: NO_CHANGES,
  };
}

/** The points of one year so far, as the year to date needs them. */
export interface YearSoFar {
  year: number;
  entries: ParsedEntry[];
  gaps: string[];
  known: number;
  /** flows: how many periods entered `known` */
  summed: number;
}

export function newYear(year: number): YearSoFar {
  return { year, entries: [], gaps: [], known: 0, summed: 0 };
}

/** The point as an entry of the selection, so that time.ts combines it like a unit's period. */
function asEntry(target: Target, p: BasePoint): ParsedEntry {
  const e = emptyParsedEntry(target.id);
  if (target.aggregation === "ratio_of_sums") {
    e.numerator = p.numeratorSum;
    e.denominator = p.denominatorSum;
  } else e.value = p.figure;
  return e;
}

/**
 * Add the point to its year and give its year to date:
 * - `sum` (flows): the sum of the year's figures; a missing or partial period leaves a gap, and then the figure is
 *   null (`known` keeps the sum of what came in) — a gap is never summed as 0;
 * - `last` (stocks): the latest figure; complete when this period's own figure is;
 * - `mean`, `ratio_of_sums`: of the periods that came in, `complete` false when one is missing or partial.
 * Periods not due or not applicable are neither figures nor gaps. Milestones have no year-to-date figure.
 */
export function addToYear(target: Target, year: YearSoFar, p: BasePoint): SeriesYtd {
  if (p.state === "missing" || (p.state === "value" && !p.complete)) year.gaps.push(p.periodId);
  if (p.state === "value" && p.figure !== null) {
    // flows sum `known`; the other rules combine the entries (time.ts)
    if (target.timeAggregation === "sum") year.summed++;
    else year.entries.push(asEntry(target, p));
    year.known += p.figure;
  }
  if (target.measure === "milestone") return NO_YTD;
  if (target.timeAggregation === "sum") {
    const periods = year.summed;
    const complete = year.gaps.length === 0;
    return {
      figure: complete && periods > 0 ? year.known : null,
      known: periods > 0 ? year.known : null,
      complete,
      gaps: complete ? NO_GAPS : [...year.gaps],
      periods,
    };
  }
  const combined = combinePeriods(target, year.entries);
  if (target.timeAggregation === "last") {
    const own = p.state === "value" && p.complete;
    const gaps = p.state === "missing" || (p.state === "value" && !p.complete) ? [p.periodId] : NO_GAPS;
    return { figure: combined.figure, known: null, complete: own, gaps, periods: combined.periods };
  }
  return {
    figure: combined.figure,
    known: null,
    complete: year.gaps.length === 0 && combined.figure !== null,
    gaps: year.gaps.length === 0 ? NO_GAPS : [...year.gaps],
    periods: combined.periods,
  };
}
