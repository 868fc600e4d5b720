/**
 * History checks, as DHIS2's min–max and outlier rules do (issue #14): a figure far outside the unit's own history is
 * a warning that shows the earlier figures. The clerk confirms it with a note (the justification, as for any
 * warning) or corrects it. "Far" is judged two ways, each with a threshold planners may change
 * (`HistoryThresholds`, passed as ValidationContext.historyThresholds):
 * 1. against the same target in the unit's earlier periods of the same kind (at least `minPeriods` of them): the
 *    modified z-score 0.6745·(x − median)/MAD above `maxZ` (3.5, Iglewicz and Hoaglin's cut-off, robust to one odd
 *    month); when the earlier figures are all equal (MAD = 0), a change of more than `flatChange` (50 %) of the
 *    median, and at least `minChange`;
 * 2. against the same period a year before: more than `maxRatio` (3) times it or less than 1/3 of it, and at least
 *    `minChange` apart (small counts such as 1 → 4 are not outliers).
 */
import type { Period } from "../types";

export interface HistoryPoint {
  /** period id ("2026-01") */
  period: string;
  figure: number;
}

export interface UnitHistory {
  /** the unit's earlier figures of the same period kind, oldest first */
  earlier: readonly HistoryPoint[];
  /** the same period a year before, when reported */
  yearBefore?: HistoryPoint;
}

export interface HistoryThresholds {
  minPeriods: number;
  maxZ: number;
  flatChange: number;
  maxRatio: number;
  minChange: number;
}

export const HISTORY_THRESHOLDS: HistoryThresholds = {
  minPeriods: 3,
  maxZ: 3.5,
  flatChange: 0.5,
  maxRatio: 3,
  minChange: 5,
};

export interface HistoryVerdict {
  basis: "earlier_periods" | "year_before";
  /** the earlier figures shown to the clerk, "2026-01: 12; 2026-02: 14" */
  shown: string;
  median: number | null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  const at = (i: number): number => s[i] ?? NaN;
  return s.length % 2 ? at(m) : (at(m - 1) + at(m)) / 2;
}

const show = (points: readonly HistoryPoint[]) => points.map((p) => `${p.period}: ${p.figure}`).join("; ");

/** null when the figure is within the unit's history (or there is too little history to judge). */
export function historyOutlier(
  figure: number,
  history: UnitHistory,
  t: HistoryThresholds = HISTORY_THRESHOLDS,
): HistoryVerdict | null {
  const earlier = history.earlier;
  if (earlier.length >= t.minPeriods) {
    const xs = earlier.map((p) => p.figure);
    const med = median(xs);
    const mad = median(xs.map((x) => Math.abs(x - med)));
    const gap = Math.abs(figure - med);
    const far =
      mad > 0
        ? (0.6745 * gap) / mad > t.maxZ && gap >= t.minChange
        : gap > t.flatChange * Math.abs(med) && gap >= t.minChange;
    if (far) return { basis: "earlier_periods", shown: show(earlier), median: med };
  }
  const prev = history.yearBefore;
  if (prev && Math.abs(figure - prev.figure) >= t.minChange) {
    const a = Math.abs(prev.figure);
    const b = Math.abs(figure);
    if ((a > 0 && b > t.maxRatio * a) || (b > 0 && a > t.maxRatio * b) || (a === 0) !== (b === 0))
      return { basis: "year_before", shown: show([prev]), median: null };
  }
  return null;
}

/** The period a year before ("2026-Q2" → "2025-Q2"). */
export function yearBefore(period: Period): string {
  return period.id.replace(/^\d{4}/, String(period.year - 1));
}
