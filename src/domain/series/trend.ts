/**
 * Trends over a range of periods: the selection's series of every target (buildSeries) and every expected unit's own
 * figures per period, in a compact form; then what a planner reads from them — each unit's change on each of its
 * targets (who slipped most), the units that slipped most on a bottleneck, and a month's brief. Rules in README.md.
 */
import { directionFor } from "../catalog/catalog";
import { parsePeriod } from "../periods/periods";
import type { Direction, Target } from "../types";
import { buildSeries } from "./build";
import { periodRange } from "./range";
import type { PointState, SeriesRequest, TargetSeries } from "./types";

/** One unit's own figures on one target over the range: a state and a figure per period (figure only for `value`). */
export interface UnitTrack {
  unitCode: string;
  targetId: string;
  states: PointState[];
  figures: (number | null)[];
}

export interface TrendData {
  from: string;
  to: string;
  periods: string[];
  scope: "city" | "unit" | "group";
  group: string | null;
  /** the selection's series of every target (catalog order) */
  targets: TargetSeries[];
  /** every expected unit's own figures per target (units in registry order; none for a unit's own trend) */
  units: UnitTrack[];
}

export type TrendRequest = Omit<SeriesRequest, "unitCodes" | "targetIds"> & {
  /** the units' own figures too (planners' trend workbook); default true for the city and a group */
  units?: boolean;
};

/** The selection's series of every target, and (city, group) every expected unit's own figures per period. */
export function buildTrend(req: TrendRequest): TrendData {
  const targets = buildSeries(req);
  const periods = periodRange(req.from, req.to).map((p) => p.id);
  const scope = targets[0]?.scope ?? (req.unitCode ? "unit" : req.group ? "group" : "city");
  const units: UnitTrack[] = [];
  if (scope !== "unit" && req.units !== false) {
    const only = targets[0]?.unitCodes ? new Set(targets[0].unitCodes) : null;
    for (const u of req.registry.all()) {
      if (only !== null && !only.has(u.code)) continue;
      if (u.demo && req.includeDemo !== true) continue;
      for (const s of buildSeries({ ...req, group: undefined, unitCode: u.code })) {
        if (s.points.every((p) => p.unitsExpected === 0 || p.state === "not_due")) continue;
        units.push({
          unitCode: u.code,
          targetId: s.targetId,
          states: s.points.map((p) => p.state),
          figures: s.points.map((p) => (p.state === "value" ? p.figure : null)),
        });
      }
    }
  }
  return { from: req.from, to: req.to, periods, scope, group: req.group ?? null, targets, units };
}

/** +1 when a rise is better (floors), −1 when a fall is (ceilings), 0 for milestones. */
export function goodSign(direction: Direction): 1 | -1 | 0 {
  if (direction === ">=" || direction === ">") return 1;
  if (direction === "<=" || direction === "<") return -1;
  return 0;
}

/** One unit's change on one target over the range: its first and last figures of the range. */
export interface UnitChange {
  unitCode: string;
  targetId: string;
  first: { periodId: string; figure: number } | null;
  last: { periodId: string; figure: number } | null;
  delta: number | null;
  /** how much worse, in % of the first figure's size (positive: worse; negative: better); null when unknown */
  slip: number | null;
  better: boolean | null;
}

function yearOf(periodId: string): number {
  return parsePeriod(periodId)?.year ?? 0;
}

/** The change of one unit's track between its first and last figures in the range. */
export function trackChange(target: Target, track: UnitTrack, periods: readonly string[]): UnitChange {
  let a = -1;
  let b = -1;
  track.figures.forEach((f, i) => {
    if (f === null) return;
    if (a < 0) a = i;
    b = i;
  });
  const out: UnitChange = {
    unitCode: track.unitCode,
    targetId: track.targetId,
    first: a >= 0 ? { periodId: periods[a]!, figure: track.figures[a]! } : null,
    last: b >= 0 ? { periodId: periods[b]!, figure: track.figures[b]! } : null,
    delta: null,
    slip: null,
    better: null,
  };
  if (a < 0 || b <= a) return out;
  const first = track.figures[a]!;
  const last = track.figures[b]!;
  out.delta = last - first;
  const sign = goodSign(directionFor(target, yearOf(periods[b]!)));
  if (sign === 0) return out;
  const worse = -sign * out.delta;
  out.slip = (100 * worse) / Math.max(Math.abs(first), 1);
  out.better = out.delta === 0 ? null : worse < 0;
  return out;
}

/** A unit's changes on each of its targets, and how many got worse / better. */
export interface UnitSlips {
  unitCode: string;
  changes: UnitChange[];
  worse: number;
  better: number;
  /** sum of the positive slips (%): the sort key after `worse` */
  slipped: number;
}

/** Every unit's changes, sorted by who slipped most: most targets worse first, then the largest total slip. */
export function unitSlips(targets: readonly Target[], data: TrendData): UnitSlips[] {
  const byId = new Map(targets.map((t) => [t.id, t]));
  const perUnit = new Map<string, UnitSlips>();
  for (const tr of data.units) {
    const t = byId.get(tr.targetId);
    if (!t) continue;
    const c = trackChange(t, tr, data.periods);
    let u = perUnit.get(tr.unitCode);
    if (!u) perUnit.set(tr.unitCode, (u = { unitCode: tr.unitCode, changes: [], worse: 0, better: 0, slipped: 0 }));
    u.changes.push(c);
    if (c.better === false) u.worse++;
    if (c.better === true) u.better++;
    if (c.slip !== null && c.slip > 0) u.slipped += c.slip;
  }
  return [...perUnit.values()].sort(
    (x, y) => y.worse - x.worse || y.slipped - x.slipped || x.unitCode.localeCompare(y.unitCode),
  );
}

/** The targets tagged with a bottleneck (U13–U16 and the others), catalog order. */
export function bottleneckTargets(targets: readonly Target[]): Target[] {
  return targets.filter((t) => t.bottlenecks.length > 0);
}

/** The `n` units that slipped most on a target over the range (only units that got worse), worst first. */
export function worstUnits(target: Target, data: TrendData, n = 10): { change: UnitChange; track: UnitTrack }[] {
  return data.units
    .filter((tr) => tr.targetId === target.id)
    .map((track) => ({ track, change: trackChange(target, track, data.periods) }))
    .filter((x) => x.change.slip !== null && x.change.slip > 0)
    .sort(
      (x, y) =>
        (y.change.slip as number) - (x.change.slip as number) || x.track.unitCode.localeCompare(y.track.unitCode),
    )
    .slice(0, n);
}
