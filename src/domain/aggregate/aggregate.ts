/**
 * Many units' entries → one city figure per target, by the catalog's aggregation rule:
 * - `sum`: Σ values;
 * - `ratio_of_sums`: Σ numerators / Σ denominators (×100 for percentages) — never an average of unit rates;
 * - `city_only`: the one figure of the unit that reports it (the first in registry order if several did);
 * - `none` (milestones): the least advanced state reported.
 * Every figure names the units expected, included and missing: a unit without a usable figure is missing, never 0.
 * A unit that answered "not applicable" is listed apart (`unitsNotApplicable`): neither included nor missing.
 * Expected means: the target applies to the unit in the period (the catalog's applies_to and the planners' table,
 * rules/applicability.ts) and is due in it (its frequency, rules/cadence.ts).
 * Demo units are left out unless `includeDemo`, and so are units retired from the period on (`reportsIn`). The city
 * figure is judged by the same assess() at city scope.
 */
import type {
  Catalog,
  CityFigure,
  MilestoneState,
  ParsedEntry,
  Period,
  Target,
  Unit,
  UnitRegistry,
  UnitReport,
} from "../types";
import { ratioScale, targetForPeriod } from "../catalog/catalog";
import { emptyParsedEntry } from "../rules/entry";
import { assess } from "../rules/assess";
import { expectedIn } from "../units/expected";
import { reportScope, type ApplicabilityTable } from "../rules/applicability";

export interface AggregateOptions {
  /** Restrict to these units (a unit group); default every expected unit. */
  unitCodes?: readonly string[];
  /** Include demo units (training); default false. */
  includeDemo?: boolean;
  /** Demo units only (the classroom); default false. */
  onlyDemo?: boolean;
  /** Flows: the city's sum of the earlier periods of the same year, per target id (default 0). */
  ytd?: Record<string, number>;
  /** Milestones: the day judged (default the end of the period). */
  asOf?: Date;
  /** The planners' unit × target choices; default the catalog's applies_to only. */
  applicability?: ApplicabilityTable;
}

const MILESTONE_RANK: Record<MilestoneState, number> = { not_started: 0, in_progress: 1, done: 2 };

/**
 * The units a target expects for the period under the options (registry order): the units that report it, selected
 * and still reporting in the period by the one rule of `expectedIn` (demo, group, retirement).
 */
export function expectedReporters(
  catalog: Catalog,
  registry: UnitRegistry,
  period: Period,
  targetId: string,
  opts: AggregateOptions = {},
): Unit[] {
  const expected = expectedIn(period, opts);
  return registry
    .all()
    .filter(
      (u) => expected(u) && reportScope(catalog, u, period, opts.applicability).due.some((t) => t.id === targetId),
    );
}

/** Per target id, the units expected for the period (registry order). */
function expectedByTarget(
  catalog: Catalog,
  registry: UnitRegistry,
  period: Period,
  opts: AggregateOptions,
): Map<string, Unit[]> {
  const byTarget = new Map<string, Unit[]>();
  for (const t of catalog.targets) byTarget.set(t.id, []);
  const expected = expectedIn(period, opts);
  for (const u of registry.all()) {
    if (!expected(u)) continue;
    for (const t of reportScope(catalog, u, period, opts.applicability).due) byTarget.get(t.id)?.push(u);
  }
  return byTarget;
}

function usable(target: Target, e: ParsedEntry | undefined): boolean {
  if (!e) return false;
  if (target.aggregation === "none" || target.measure === "milestone") return e.milestone !== null;
  if (target.aggregation === "ratio_of_sums") {
    return (
      e.numerator !== null &&
      e.denominator !== null &&
      Number.isFinite(e.numerator) &&
      Number.isFinite(e.denominator) &&
      e.numerator >= 0 &&
      e.denominator > 0
    );
  }
  return e.value !== null && Number.isFinite(e.value);
}

function figureFor(
  target: Target,
  period: Period,
  expected: Unit[],
  byUnit: Map<string, Map<string, ParsedEntry>>,
  opts: AggregateOptions,
): CityFigure {
  const included: ParsedEntry[] = [];
  const unitsIncluded: string[] = [];
  const unitsMissing: string[] = [];
  const unitsNotApplicable: string[] = [];
  for (const u of expected) {
    const e = byUnit.get(u.code)?.get(target.id);
    if (e?.notApplicable) unitsNotApplicable.push(u.code);
    else if (usable(target, e)) {
      included.push(e as ParsedEntry);
      unitsIncluded.push(u.code);
    } else unitsMissing.push(u.code);
  }
  const city = emptyParsedEntry(target.id);
  let value: number | null = null;
  let numeratorSum: number | null = null;
  let denominatorSum: number | null = null;
  let milestone: MilestoneState | null = null;
  if (included.length > 0) {
    if (target.aggregation === "ratio_of_sums") {
      numeratorSum = 0;
      denominatorSum = 0;
      for (const e of included) {
        numeratorSum += e.numerator as number;
        denominatorSum += e.denominator as number;
      }
      value = (ratioScale(target) * numeratorSum) / denominatorSum;
      city.numerator = numeratorSum;
      city.denominator = denominatorSum;
    } else if (target.aggregation === "none" || target.measure === "milestone") {
      for (const e of included) {
        const m = e.milestone as MilestoneState;
        if (milestone === null || MILESTONE_RANK[m] < MILESTONE_RANK[milestone]) milestone = m;
      }
      city.milestone = milestone;
    } else if (target.aggregation === "sum") {
      value = 0;
      for (const e of included) value += e.value as number;
      city.value = value;
    } else {
      value = included[0]?.value ?? null;
      city.value = value;
    }
  }
  const yt = targetForPeriod(target, period);
  const progress =
    included.length === 0
      ? "no_data"
      : assess(target, city, period, { scope: "city", ytdBefore: opts.ytd?.[target.id], asOf: opts.asOf }).progress;
  return {
    targetId: target.id,
    aggregation: target.aggregation,
    value,
    numeratorSum,
    denominatorSum,
    milestone,
    unitsExpected: expected.map((u) => u.code),
    unitsIncluded,
    unitsMissing,
    unitsNotApplicable,
    progress,
    target: yt,
  };
}

/**
 * City figures for a period, one per catalog target in catalog order. When a unit appears in several reports the
 * last one wins (callers pass the revision they chose); reports of units that are not expected are ignored.
 */
export function aggregate(
  catalog: Catalog,
  period: Period,
  reports: readonly UnitReport[],
  registry: UnitRegistry,
  opts: AggregateOptions = {},
): CityFigure[] {
  const byUnit = new Map<string, Map<string, ParsedEntry>>();
  for (const r of reports) {
    const entries = new Map<string, ParsedEntry>();
    for (const e of r.entries) entries.set(e.targetId, e);
    byUnit.set(r.unitCode, entries);
  }
  const expected = expectedByTarget(catalog, registry, period, opts);
  return catalog.targets.map((t) => figureFor(t, period, expected.get(t.id) ?? [], byUnit, opts));
}
