/**
 * The 43-target scorecard: how many targets are met, on track, at risk, off track, have no target set, or have no
 * data yet — for the whole catalog, per group and per bottleneck. It only counts: every status comes from the
 * CityFigure that `aggregate()` produced (the status rule lives in src/domain/rules, never here).
 *
 * A target watching two bottlenecks (U06: pollution and flooding) counts once in each bottleneck row, so the
 * bottleneck rows do not add up to the total; the group rows do.
 */
import { BOTTLENECK_NAMES, GROUP_NAMES } from "../catalog/names";
import {
  GROUP_IDS,
  type Bilingual,
  type Bottleneck,
  type Catalog,
  type CityFigure,
  type GroupId,
  type TargetProgress,
} from "../types";

/** The order in which statuses are shown everywhere (scorecard columns, legends). */
export const PROGRESS_ORDER: readonly TargetProgress[] = [
  "met",
  "on_track",
  "at_risk",
  "off_track",
  "no_target",
  "no_data",
];

export type ProgressCounts = Record<TargetProgress, number> & { total: number };

export interface ScorecardTarget {
  targetId: string;
  group: GroupId;
  bottlenecks: Bottleneck[];
  progress: TargetProgress;
}

export interface ScorecardRow<K extends string> {
  key: K;
  name: Bilingual;
  counts: ProgressCounts;
  /** the targets counted in this row, in catalog order */
  targetIds: string[];
}

export interface Scorecard {
  catalogVersion: string;
  total: ProgressCounts;
  byGroup: ScorecardRow<GroupId>[];
  byBottleneck: ScorecardRow<Bottleneck>[];
  targets: ScorecardTarget[];
}

export function emptyCounts(): ProgressCounts {
  return { met: 0, on_track: 0, at_risk: 0, off_track: 0, no_target: 0, no_data: 0, total: 0 };
}

function count(c: ProgressCounts, p: TargetProgress): void {
  c[p] += 1;
  c.total += 1;
}

/**
 * Count the catalog's targets by status. A catalog target with no CityFigure at all counts as `no_data`
 * (it was not consolidated), never as met or as zero; a figure for a target that is not in the catalog is ignored.
 */
export function buildScorecard(catalog: Catalog, figures: readonly CityFigure[]): Scorecard {
  const byTarget = new Map<string, CityFigure>();
  for (const f of figures) byTarget.set(f.targetId, f);
  const total = emptyCounts();
  const groups = new Map<GroupId, ScorecardRow<GroupId>>();
  for (const g of GROUP_IDS) groups.set(g, { key: g, name: GROUP_NAMES[g], counts: emptyCounts(), targetIds: [] });
  const bottlenecks = new Map<Bottleneck, ScorecardRow<Bottleneck>>();
  for (const b of Object.keys(BOTTLENECK_NAMES) as Bottleneck[]) {
    bottlenecks.set(b, { key: b, name: BOTTLENECK_NAMES[b], counts: emptyCounts(), targetIds: [] });
  }
  const targets: ScorecardTarget[] = [];
  for (const t of catalog.targets) {
    const progress: TargetProgress = byTarget.get(t.id)?.progress ?? "no_data";
    targets.push({ targetId: t.id, group: t.group, bottlenecks: [...t.bottlenecks], progress });
    count(total, progress);
    const g = groups.get(t.group);
    if (g) {
      count(g.counts, progress);
      g.targetIds.push(t.id);
    }
    for (const b of t.bottlenecks) {
      const row = bottlenecks.get(b);
      if (!row) continue;
      count(row.counts, progress);
      row.targetIds.push(t.id);
    }
  }
  return {
    catalogVersion: catalog.version,
    total,
    byGroup: [...groups.values()],
    byBottleneck: [...bottlenecks.values()],
    targets,
  };
}
