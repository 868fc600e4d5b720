/**
 * The target catalog: the default 43 targets, look-ups (cached per catalog object), and what a year's target is.
 *
 * Year-target rule: a year's target is the value the catalog states for that year, and nothing else. The default
 * catalog states 2026 and/or 2030 only, so 2027–2029 (and any year a row leaves empty) resolve to
 * `{ kind: "none", termTarget }` — "no target set", with the 2030 value given for information only — unless a
 * loaded catalog supplies target_2027..target_2029. No value is ever interpolated or carried over. Milestones are the
 * exception that proves the rule: their value is a deadline date, which applies in every year of the term.
 */
import {
  CATALOG_YEARS,
  type Catalog,
  type CatalogYear,
  type Direction,
  type EntryField,
  type Period,
  type Target,
  type TargetValue,
  type YearTarget,
} from "../types";
import { DEFAULT_TARGETS } from "./targets-data";
import { computeCatalogVersion } from "./version";

export interface CatalogIndex {
  byId: Map<string, Target>;
  /** position of each target in catalog order */
  order: Map<string, number>;
}

const INDEX = new WeakMap<Catalog, CatalogIndex>();

/** Look-ups for one catalog object, built once and cached (catalogs are treated as immutable). */
export function catalogIndex(catalog: Catalog): CatalogIndex {
  let idx = INDEX.get(catalog);
  if (!idx) {
    const byId = new Map<string, Target>();
    const order = new Map<string, number>();
    catalog.targets.forEach((t, i) => {
      byId.set(t.id, t);
      order.set(t.id, i);
    });
    idx = { byId, order };
    INDEX.set(catalog, idx);
  }
  return idx;
}

let defaultCatalogMemo: Catalog | null = null;

/** The 43 targets transcribed from the shared domain file (memoized; treat as read-only). */
export function defaultCatalog(): Catalog {
  if (!defaultCatalogMemo) {
    const targets = DEFAULT_TARGETS.map(cloneTarget);
    defaultCatalogMemo = { version: computeCatalogVersion(targets), targets };
  }
  return defaultCatalogMemo;
}

/** Build a catalog (with its version) from targets. */
export function makeCatalog(targets: Target[]): Catalog {
  return { version: computeCatalogVersion(targets), targets };
}

export function cloneTarget(t: Target): Target {
  return {
    ...t,
    name: { ...t.name },
    unitOfMeasureByYear: { ...t.unitOfMeasureByYear },
    unitEnByYear: { ...t.unitEnByYear },
    directionByYear: { ...t.directionByYear },
    targetByYear: { ...t.targetByYear },
    appliesTo: t.appliesTo.map((a) => ({ ...a })),
    bottlenecks: [...t.bottlenecks],
  };
}

export function findTarget(catalog: Catalog, id: string): Target | undefined {
  return catalogIndex(catalog).byId.get(id);
}

export function isCatalogYear(year: number): year is CatalogYear {
  return (CATALOG_YEARS as readonly number[]).includes(year);
}

/** The unit of measure that applies in a year (E02: million VND in 2026, USD in 2030). */
export function unitOfMeasureFor(target: Target, year: number): string {
  return (isCatalogYear(year) ? target.unitOfMeasureByYear[year] : undefined) ?? target.unitOfMeasure;
}

/** The English unit of measure in a year; the Vietnamese one when the catalog has no English label. */
export function unitOfMeasureEnFor(target: Target, year: number): string {
  const own = isCatalogYear(year) ? target.unitEnByYear[year] : undefined;
  return own ?? target.unitEn ?? unitOfMeasureFor(target, year);
}

/** The direction that applies in a year (U05: "> 80" in 2026, ">= 80" in 2030). */
export function directionFor(target: Target, year: number): Direction {
  return (isCatalogYear(year) ? target.directionByYear[year] : undefined) ?? target.direction;
}

function termTarget(target: Target): TargetValue | null {
  return target.targetByYear[2030] ?? null;
}

/** See the year-target rule at the top of this file. */
export function targetForYear(target: Target, year: number): YearTarget {
  if (target.measure === "milestone") {
    const own = isCatalogYear(year) ? target.targetByYear[year] : undefined;
    const date = typeof own === "string" ? own : milestoneDate(target);
    if (date !== null && isCatalogYear(year)) return { kind: "date", year, date };
    return { kind: "none", year, termTarget: termTarget(target) };
  }
  const v = isCatalogYear(year) ? target.targetByYear[year] : undefined;
  if (typeof v === "number" && Number.isFinite(v) && isCatalogYear(year)) {
    return { kind: "value", year, value: v, unitOfMeasure: unitOfMeasureFor(target, year) };
  }
  return { kind: "none", year, termTarget: termTarget(target) };
}

/** A milestone's deadline: the earliest date the row states in any year. */
function milestoneDate(target: Target): string | null {
  let best: string | null = null;
  for (const y of CATALOG_YEARS) {
    const v = target.targetByYear[y];
    if (typeof v === "string" && (best === null || v < best)) best = v;
  }
  return best;
}

/** A period's target is the target of the year the period belongs to. */
export function targetForPeriod(target: Target, period: Period): YearTarget {
  return targetForYear(target, period.year);
}

/** ratio_of_sums targets are entered as numerator + denominator. */
export function isRatioTarget(target: Target): boolean {
  return target.aggregation === "ratio_of_sums";
}

/** Multiplier from num/den to the figure: ×100 for percentages, ×1 for per-capita ratios (U10 m²/person). */
export function ratioScale(target: Target): number {
  return target.measure === "percent" ? 100 : 1;
}

const TAIL_FIELDS: EntryField[] = ["justification", "evidence", "responsible"];

/** The fields a person fills for a target, in sheet order. */
export function entryFields(target: Target): EntryField[] {
  if (target.measure === "milestone") return ["milestone", ...TAIL_FIELDS];
  if (isRatioTarget(target)) return ["numerator", "denominator", ...TAIL_FIELDS];
  return ["value", ...TAIL_FIELDS];
}
