/**
 * The monthly brief's content from a trend: for one period, the targets on and off pace, the bottleneck targets
 * better or worse than the period before, and the units missing. Only targets due in the period count; a target
 * without a figure is "no data", never 0.
 */
import type { TargetProgress } from "../types";
import type { SeriesPoint, TargetSeries } from "./types";
import type { TrendData } from "./trend";
import type { Catalog } from "../types";

export interface BriefLine {
  targetId: string;
  point: SeriesPoint;
  progress: TargetProgress | null;
}

export interface BriefBottleneck {
  targetId: string;
  point: SeriesPoint;
  previous: number | null;
  better: boolean | null;
}

export interface BriefContent {
  periodId: string;
  /** met or on track */
  onPace: BriefLine[];
  /** at risk or off track */
  offPace: BriefLine[];
  /** due, but no verdict: no target for the year, or no figure yet */
  unjudged: BriefLine[];
  bottlenecks: BriefBottleneck[];
  /** units missing on at least one target due in the period (registry order as given by the series) */
  unitsMissing: string[];
}

function pointAt(s: TargetSeries, periodId: string): SeriesPoint | undefined {
  return s.points.find((p) => p.periodId === periodId);
}

export function monthlyBrief(catalog: Catalog, data: TrendData, periodId: string): BriefContent {
  const out: BriefContent = { periodId, onPace: [], offPace: [], unjudged: [], bottlenecks: [], unitsMissing: [] };
  const byId = new Map(catalog.targets.map((t) => [t.id, t]));
  const missing = new Set<string>();
  for (const s of data.targets) {
    const t = byId.get(s.targetId);
    const p = pointAt(s, periodId);
    if (!t || !p || p.state === "not_due" || p.state === "not_applicable") continue;
    for (const c of p.unitsMissing) missing.add(c);
    const progress = p.pace.kind === "value" || p.pace.kind === "deadline" ? p.pace.progress : null;
    const line = { targetId: t.id, point: p, progress };
    if (progress === "met" || progress === "on_track") out.onPace.push(line);
    else if (progress === "at_risk" || progress === "off_track") out.offPace.push(line);
    else out.unjudged.push(line);
    if (t.bottlenecks.length > 0 && t.measure !== "milestone")
      out.bottlenecks.push({
        targetId: t.id,
        point: p,
        previous: p.change.previous.delta === null ? null : (p.figure as number) - p.change.previous.delta,
        better: p.change.previous.better,
      });
  }
  out.unitsMissing = [...missing].sort();
  return out;
}
