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
import { ratioScale } from "../catalog/catalog";
import { emptyParsedEntry } from "../rules/entry";
import { emptyVerdict, judgeInto } from "../rules/assess";
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

/** The units a selection names, in registry order; every unit when it names none. */
function candidates(registry: UnitRegistry, opts: AggregateOptions): readonly Unit[] {
  const codes = opts.unitCodes;
  if (codes === undefined || codes.length !== 1) return registry.all();
  // one unit (its own series, its own report): no need to walk the registry
  const u = registry.byCode(codes[0] as string);
  return u ? [u] : [];
}

/** Per target (catalog order), the codes of the units expected for the period (registry order). */
function expectedByTarget(
  catalog: Catalog,
  registry: UnitRegistry,
  period: Period,
  opts: AggregateOptions,
): string[][] {
  const order = new Map<string, number>();
  const byTarget: string[][] = catalog.targets.map((t, i) => {
    order.set(t.id, i);
    return [];
  });
  const expected = expectedIn(period, opts);
  for (const u of candidates(registry, opts)) {
    if (!expected(u)) continue;
    for (const t of reportScope(catalog, u, period, opts.applicability).due)
      byTarget[order.get(t.id) ?? -1]?.push(u.code);
  }
  return byTarget;
}

function usable(target: Target, e: ParsedEntry | undefined): e is ParsedEntry {
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

/** The city entry of the included entries by the target's aggregation rule (milestone: the least advanced). */
function combine(target: Target, city: ParsedEntry, e: ParsedEntry, first: boolean): void {
  if (target.aggregation === "ratio_of_sums") {
    city.numerator = (first ? 0 : (city.numerator as number)) + (e.numerator as number);
    city.denominator = (first ? 0 : (city.denominator as number)) + (e.denominator as number);
  } else if (target.aggregation === "none" || target.measure === "milestone") {
    const m = e.milestone as MilestoneState;
    if (city.milestone === null || MILESTONE_RANK[m] < MILESTONE_RANK[city.milestone]) city.milestone = m;
  } else if (target.aggregation === "sum") city.value = (first ? 0 : (city.value as number)) + (e.value as number);
  else if (first) city.value = e.value;
}

/** One verdict and one city entry reused by every figure (judgeInto reads and fills them synchronously; nothing keeps them). */
const VERDICT = emptyVerdict();
const CITY = emptyParsedEntry("");
function scratch(targetId: string): ParsedEntry {
  CITY.targetId = targetId;
  CITY.value = null;
  CITY.numerator = null;
  CITY.denominator = null;
  CITY.milestone = null;
  return CITY;
}

/** An empty list of codes, shared and frozen (a figure gets its own list with its first code). */
const NONE = Object.freeze([]) as unknown as string[];
function grown(list: string[]): string[] {
  return list === NONE ? [] : list;
}

function figureFor(
  target: Target,
  period: Period,
  expected: string[],
  byUnit: Map<string, Map<string, ParsedEntry>>,
  opts: AggregateOptions,
): CityFigure {
  // the lists are allocated on their first unit: a unit's own series reads one unit per figure, over 43 × 72 figures
  let unitsIncluded = NONE;
  let unitsMissing = NONE;
  let unitsNotApplicable = NONE;
  const city = scratch(target.id);
  for (const code of expected) {
    const e = byUnit.get(code)?.get(target.id);
    if (e?.notApplicable) (unitsNotApplicable = grown(unitsNotApplicable)).push(code);
    else if (usable(target, e)) {
      combine(target, city, e, unitsIncluded.length === 0);
      (unitsIncluded = grown(unitsIncluded)).push(code);
    } else (unitsMissing = grown(unitsMissing)).push(code);
  }
  const any = unitsIncluded.length > 0;
  const ratio = target.aggregation === "ratio_of_sums";
  const numeratorSum = any && ratio ? city.numerator : null;
  const denominatorSum = any && ratio ? city.denominator : null;
  const value = !any
    ? null
    : ratio
      ? (ratioScale(target) * (numeratorSum as number)) / (denominatorSum as number)
      : target.aggregation === "none" || target.measure === "milestone"
        ? null
        : (city.value ?? null);
  // the verdict only (no message params): an empty city entry is judged "no_data", with the year's target
  judgeInto(target, city, period, { scope: "city", ytdBefore: opts.ytd?.[target.id], asOf: opts.asOf }, VERDICT);
  return {
    targetId: target.id,
    aggregation: target.aggregation,
    value,
    numeratorSum,
    denominatorSum,
    milestone: any ? city.milestone : null,
    unitsExpected: expected,
    unitsIncluded,
    unitsMissing,
    unitsNotApplicable,
    progress: any ? VERDICT.progress : "no_data",
    target: VERDICT.yt,
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
  return catalog.targets.map((t, i) => figureFor(t, period, expected[i] as string[], byUnit, opts));
}
