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

/** Scratch space for the medians (no allocation per call: validate() runs this for every target with a history). */
let scratch = new Float64Array(32);

/** The median of the first n numbers of `scratch`, which it sorts (insertion sort: n is a dozen or so). */
function medianOfScratch(n: number): number {
  const s = scratch;
  for (let i = 1; i < n; i++) {
    const x = s[i] as number;
    let j = i - 1;
    while (j >= 0 && (s[j] as number) > x) {
      s[j + 1] = s[j] as number;
      j--;
    }
    s[j + 1] = x;
  }
  const m = n >> 1;
  return n % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function show(points: readonly HistoryPoint[]): string {
  let out = "";
  for (const p of points) out += `${out ? "; " : ""}${p.period}: ${p.figure}`;
  return out;
}

/** null when the figure is within the unit's history (or there is too little history to judge). */
export function historyOutlier(
  figure: number,
  history: UnitHistory,
  t: HistoryThresholds = HISTORY_THRESHOLDS,
): HistoryVerdict | null {
  const earlier = history.earlier;
  const n = earlier.length;
  if (n >= t.minPeriods) {
    if (scratch.length < n) scratch = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) scratch[i] = (earlier[i] as HistoryPoint).figure;
    const med = medianOfScratch(n);
    for (let i = 0; i < n; i++) scratch[i] = Math.abs((earlier[i] as HistoryPoint).figure - med);
    const mad = medianOfScratch(n);
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

/**
 * Thresholds as an administrator writes them (CHITIEU_HISTORY_THRESHOLDS): `maxZ=4,maxRatio=5`, any of the five
 * names, the others keeping HISTORY_THRESHOLDS' values; null when a name is unknown or a value is not a number ≥ 0
 * (minPeriods: a whole number ≥ 1).
 */
export function parseHistoryThresholds(text: string): HistoryThresholds | null {
  const out: HistoryThresholds = { ...HISTORY_THRESHOLDS };
  for (const part of text.split(",")) {
    if (part.trim() === "") continue;
    const [name, value, ...rest] = part.split("=").map((x) => x.trim());
    const x = Number(value);
    if (rest.length > 0 || value === undefined || value === "" || !Number.isFinite(x) || x < 0) return null;
    if (!(name !== undefined && name in HISTORY_THRESHOLDS)) return null;
    if (name === "minPeriods" && !(Number.isInteger(x) && x >= 1)) return null;
    out[name as keyof HistoryThresholds] = x;
  }
  return out;
}

/** The period a year before ("2026-Q2" → "2025-Q2"). */
export function yearBefore(period: Period): string {
  return period.id.replace(/^\d{4}/, String(period.year - 1));
}
