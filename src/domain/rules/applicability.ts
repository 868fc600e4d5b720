/**
 * Which units report which target, and in which periods (issue #14).
 *
 * 1. The catalog's default (`applies_to`, by unit kind):
 *    - a kind listed plainly: every unit of that kind reports the target;
 *    - a kind marked `(planner selects)`: until a planner has chosen, every unit of that kind is expected, and its clerk
 *      may answer "not applicable" (`không áp dụng` / `N/A`, with a reason). A department's own target list
 *      (`Unit.targetIds`, kept by planners) is such a choice: a department with a list reports only what it lists;
 *    - a target listed in a unit's `targetIds` always applies to it.
 * 2. The planner's table (unit × target), each choice in force from a period on — the way retiring a unit works — so
 *    the periods before it do not change: `applies`, `not_applicable` (the target leaves the unit's template, its
 *    validation, completeness and consolidation) or `always_required` (expected, and N/A is an error).
 *    The latest choice whose `from` period starts on or before the period's start wins.
 * 3. Cadence (cadence.ts): of the targets that apply, a period's report asks for those due in it.
 */
import type { Catalog, Period, Target, Unit } from "../types";
import { parsePeriod } from "../periods/periods";
import { isDue } from "./cadence";

export type ApplicabilityState = "applies" | "not_applicable" | "always_required";
export const APPLICABILITY_STATES: readonly ApplicabilityState[] = ["applies", "not_applicable", "always_required"];

/** One planner choice: unit × target, in force from the period `from` on. */
export interface ApplicabilityEntry {
  unitCode: string;
  targetId: string;
  state: ApplicabilityState;
  /** first period id the choice holds for ("2026-Q1", "2026-04", "2026") */
  from: string;
  note?: string | null;
}

/** The planner's table; the `entries` array is treated as immutable (look-ups are cached per table object). */
export interface ApplicabilityTable {
  entries: readonly ApplicabilityEntry[];
}

export const EMPTY_APPLICABILITY: ApplicabilityTable = { entries: [] };

export interface Applicability {
  applies: boolean;
  /** N/A is an error for this unit (a planner's `always_required`). */
  alwaysRequired: boolean;
  /** "planner": from the table; "catalog": the catalog's applies_to (with the unit's target list). */
  source: "planner" | "catalog";
}

/**
 * The group of units added for the task register (issue #19: departments, boards, hospitals that lead key tasks):
 * they report on their tasks and on no target unless their `targetIds` list it. A planner removes the group to
 * make such a unit report like any other of its kind.
 */
export const TASK_UNITS_GROUP = "task-units";

/** The catalog's default for one unit (see 1. above). */
export function defaultApplies(target: Target, unit: Unit): boolean {
  if (unit.targetIds.includes(target.id)) return true;
  if (unit.groups.includes(TASK_UNITS_GROUP)) return false;
  const rule = target.appliesTo.find((a) => a.kind === unit.kind);
  if (!rule) return false;
  if (rule.plannerSelects && unit.kind === "department" && unit.targetIds.length > 0) return false;
  return true;
}

interface TableIndex {
  /** "unit\u0000target" → choices sorted by the start of their period, latest first */
  byPair: Map<string, { start: string; entry: ApplicabilityEntry }[]>;
}
const INDEX = new WeakMap<ApplicabilityTable, TableIndex>();

function tableIndex(table: ApplicabilityTable): TableIndex {
  let idx = INDEX.get(table);
  if (!idx) {
    const byPair = new Map<string, { start: string; entry: ApplicabilityEntry }[]>();
    for (const entry of table.entries) {
      const p = parsePeriod(entry.from);
      if (!p) continue;
      const key = `${entry.unitCode}\u0000${entry.targetId}`;
      const list = byPair.get(key) ?? [];
      list.push({ start: p.start, entry });
      byPair.set(key, list);
    }
    for (const list of byPair.values()) list.sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0));
    idx = { byPair };
    INDEX.set(table, idx);
  }
  return idx;
}

/** The planner's choice in force for a unit × target in a period, if any. */
export function plannerChoice(
  table: ApplicabilityTable,
  unitCode: string,
  targetId: string,
  period: Period,
): ApplicabilityEntry | undefined {
  const list = tableIndex(table).byPair.get(`${unitCode}\u0000${targetId}`);
  return list?.find((c) => c.start <= period.start)?.entry;
}

/** Whether a target applies to a unit in a period (before cadence), and from where. */
export function applicabilityOf(
  target: Target,
  unit: Unit,
  period: Period,
  table: ApplicabilityTable = EMPTY_APPLICABILITY,
): Applicability {
  const choice = plannerChoice(table, unit.code, target.id, period);
  if (choice)
    return {
      applies: choice.state !== "not_applicable",
      alwaysRequired: choice.state === "always_required",
      source: "planner",
    };
  return { applies: defaultApplies(target, unit), alwaysRequired: false, source: "catalog" };
}

/** What one unit's report for a period holds: the targets that apply (allowed) and of those the ones due (asked). */
export interface ReportScope {
  /** applies in the period: may be reported (catalog order) */
  applicable: Target[];
  /** applicable and due in the period: expected, a blank is missing (catalog order) */
  due: Target[];
  /** ids where N/A is an error */
  alwaysRequired: ReadonlySet<string>;
}

const SCOPES = new WeakMap<Catalog, WeakMap<ApplicabilityTable, WeakMap<Unit, Map<string, ReportScope>>>>();

/** The report scope of a unit for a period (cached per catalog, table and unit object, and period id). */
export function reportScope(
  catalog: Catalog,
  unit: Unit,
  period: Period,
  table: ApplicabilityTable = EMPTY_APPLICABILITY,
): ReportScope {
  let perTable = SCOPES.get(catalog);
  if (!perTable) SCOPES.set(catalog, (perTable = new WeakMap()));
  let perUnit = perTable.get(table);
  if (!perUnit) perTable.set(table, (perUnit = new WeakMap()));
  let perKey = perUnit.get(unit);
  if (!perKey) perUnit.set(unit, (perKey = new Map()));
  const key = period.id;
  let scope = perKey.get(key);
  if (!scope) {
    const applicable: Target[] = [];
    const due: Target[] = [];
    const alwaysRequired = new Set<string>();
    for (const t of catalog.targets) {
      const a = applicabilityOf(t, unit, period, table);
      if (!a.applies) continue;
      applicable.push(t);
      if (isDue(t, period)) due.push(t);
      if (a.alwaysRequired) alwaysRequired.add(t.id);
    }
    scope = { applicable, due, alwaysRequired };
    if (perKey.size > 1_000) perKey.clear();
    perKey.set(key, scope);
  }
  return scope;
}

/** The targets a unit's report for a period asks for: applicable and due (what the template shows). */
export function reportTargets(
  catalog: Catalog,
  unit: Unit,
  period: Period,
  table: ApplicabilityTable = EMPTY_APPLICABILITY,
): Target[] {
  return reportScope(catalog, unit, period, table).due;
}
