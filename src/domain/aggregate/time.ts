/**
 * Combining one unit's figures over a year's periods into a year-to-date or annual figure, by the target's
 * `time_aggregation` (README.md in src/domain has the pacing rule and a worked example):
 * - `sum`: flows (events, things completed) — the figures add up;
 * - `last`: stocks and states at the period's end (congestion points, coverage, a milestone) — the latest figure;
 *   a stock is never summed;
 * - `mean`: rates of flows given without numerator and denominator (growth, CPI) — the mean of the figures (an
 *   approximation, as the catalog says);
 * - `ratio_of_sums`: Σ numerators / Σ denominators of the periods (×100 for percentages).
 * Blank and "not applicable" periods are left out; nothing at all gives null, never 0.
 */
import type { ParsedEntry, Target } from "../types";
import { ratioScale } from "../catalog/catalog";
import { entryFigure } from "../rules/assess";

export interface CombinedFigure {
  figure: number | null;
  /** how many periods entered the figure */
  periods: number;
  numeratorSum: number | null;
  denominatorSum: number | null;
}

/** `entries`: the unit's entries for the target, oldest period first. */
export function combinePeriods(target: Target, entries: readonly ParsedEntry[]): CombinedFigure {
  const used = entries.filter((e) => !e.notApplicable && entryFigure(target, e) !== null);
  const none: CombinedFigure = { figure: null, periods: 0, numeratorSum: null, denominatorSum: null };
  if (used.length === 0) return none;
  switch (target.timeAggregation) {
    case "sum":
      return {
        ...none,
        periods: used.length,
        figure: used.reduce((s, e) => s + (entryFigure(target, e) as number), 0),
      };
    case "mean":
      return {
        ...none,
        periods: used.length,
        figure: used.reduce((s, e) => s + (entryFigure(target, e) as number), 0) / used.length,
      };
    case "ratio_of_sums": {
      let num = 0;
      let den = 0;
      for (const e of used) {
        num += e.numerator ?? 0;
        den += e.denominator ?? 0;
      }
      if (!(den > 0)) return none;
      return { figure: (ratioScale(target) * num) / den, periods: used.length, numeratorSum: num, denominatorSum: den };
    }
    default: {
      const last = used[used.length - 1];
      return { ...none, periods: used.length, figure: last === undefined ? null : entryFigure(target, last) };
    }
  }
}
