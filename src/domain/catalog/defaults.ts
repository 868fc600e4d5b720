/**
 * The columns the 2026-12 catalog revision added (unit_en, applies_to, frequency, time_aggregation, numerator_en,
 * denominator_en, per-year directions) and what a catalog without them means. These defaults keep an older catalog
 * behaving exactly as it did before the revision:
 * - `applies_to`: from `reported_by` — communes → `ward;commune`; departments → `department (planner selects)` (a
 *   department reports the targets a planner listed for it); city → `city`.
 * - `frequency`: `month` — asked in every period's report, as every target was before.
 * - `time_aggregation`: `sum` for flows (counts, and amounts aggregated by sum), `last` otherwise — the year-to-date
 *   rule of before (flows summed, levels judged as they stand).
 * - English labels: none; English screens then show the Vietnamese unit and labels.
 * - per-year direction: none; the one `direction` applies to every year.
 */
import type { AppliesTo, Catalog, Frequency, ReportedBy, Target, TimeAggregation } from "../types";

export function defaultAppliesTo(reportedBy: ReportedBy): AppliesTo[] {
  if (reportedBy === "communes")
    return [
      { kind: "ward", plannerSelects: false },
      { kind: "commune", plannerSelects: false },
    ];
  if (reportedBy === "departments") return [{ kind: "department", plannerSelects: true }];
  return [{ kind: "city", plannerSelects: false }];
}

export const DEFAULT_FREQUENCY: Frequency = "month";

export function defaultTimeAggregation(t: Pick<Target, "measure" | "aggregation">): TimeAggregation {
  return t.measure === "count" || (t.measure === "amount" && t.aggregation === "sum") ? "sum" : "last";
}

/** `ward;commune (planner selects)` ↔ AppliesTo[]. */
export function formatAppliesTo(list: readonly AppliesTo[]): string {
  return list.map((a) => (a.plannerSelects ? `${a.kind} (planner selects)` : a.kind)).join(";");
}

const sameAppliesTo = (a: readonly AppliesTo[], b: readonly AppliesTo[]): boolean =>
  formatAppliesTo(a) === formatAppliesTo(b);

/** True when every revision field of the target holds its default (an older catalog's target). */
export function hasOnlyDefaults(t: Target): boolean {
  return (
    t.unitEn === null &&
    Object.keys(t.unitEnByYear).length === 0 &&
    Object.keys(t.directionByYear).length === 0 &&
    t.numeratorLabelEn === null &&
    t.denominatorLabelEn === null &&
    sameAppliesTo(t.appliesTo, defaultAppliesTo(t.reportedBy)) &&
    t.frequency === DEFAULT_FREQUENCY &&
    t.timeAggregation === defaultTimeAggregation(t)
  );
}

type StoredTarget = Omit<
  Target,
  | "unitEn"
  | "unitEnByYear"
  | "directionByYear"
  | "numeratorLabelEn"
  | "denominatorLabelEn"
  | "appliesTo"
  | "frequency"
  | "timeAggregation"
> &
  Partial<Target>;

/** A target stored before the revision (JSON without the new fields) → a full target, with the defaults above. */
export function withDefaults(t: StoredTarget): Target {
  return {
    ...t,
    unitEn: t.unitEn ?? null,
    unitEnByYear: t.unitEnByYear ?? {},
    directionByYear: t.directionByYear ?? {},
    numeratorLabelEn: t.numeratorLabelEn ?? null,
    denominatorLabelEn: t.denominatorLabelEn ?? null,
    appliesTo: t.appliesTo ?? defaultAppliesTo(t.reportedBy),
    frequency: t.frequency ?? DEFAULT_FREQUENCY,
    timeAggregation: t.timeAggregation ?? defaultTimeAggregation(t),
  };
}

/** A stored catalog (any age) with every field present; its version is kept as stored. */
export function upgradeCatalog(c: { version: string; targets: StoredTarget[] }): Catalog {
  return { version: c.version, targets: c.targets.map(withDefaults) };
}
