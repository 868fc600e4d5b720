/**
 * Targets assigned to a unit (Decision 5969/QĐ-UBND gives each department, commune and ward its own 2026 targets):
 * unit × target × year, with the decision that assigns them. The rule (issue #14):
 * - a unit is judged against its own assigned target when it has one — a count too (its own share);
 * - otherwise a rate is judged against the city's target, and a count only at city level, as before;
 * - the template and the form say which target applies and where it comes from (`targetSourceFor`).
 */
import type { Bilingual, CatalogYear, Direction, Target, TargetValue } from "../types";
import { isCatalogYear } from "../catalog/catalog";

export interface AssignedTarget {
  unitCode: string;
  targetId: string;
  year: number;
  /** a number, or an ISO date for milestones */
  value: TargetValue;
  /** null: the catalog's direction for that year */
  direction: Direction | null;
  /** the decision that assigns it, e.g. "5969/QĐ-UBND" */
  decision: string;
}

/** Treated as immutable: look-ups are cached per table object. */
export interface UnitTargetTable {
  entries: readonly AssignedTarget[];
}

export const EMPTY_UNIT_TARGETS: UnitTargetTable = { entries: [] };

const INDEX = new WeakMap<UnitTargetTable, Map<string, AssignedTarget>>();
const key = (unitCode: string, targetId: string, year: number) => `${unitCode}\u0000${targetId}\u0000${year}`;

export function assignedTarget(
  table: UnitTargetTable | undefined,
  unitCode: string,
  targetId: string,
  year: number,
): AssignedTarget | undefined {
  if (!table || table.entries.length === 0) return undefined;
  let idx = INDEX.get(table);
  if (!idx) {
    idx = new Map();
    for (const e of table.entries) idx.set(key(e.unitCode, e.targetId, e.year), e);
    INDEX.set(table, idx);
  }
  return idx.get(key(unitCode, targetId, year));
}

const DERIVED = new WeakMap<Target, WeakMap<AssignedTarget, Target>>();

/**
 * The target as the unit is judged against it in that year: the catalog's row with the year's value (and direction)
 * replaced by the assigned one. The same object for the same inputs (the assessment caches per target object).
 */
export function withAssigned(target: Target, assigned: AssignedTarget): Target {
  let perTarget = DERIVED.get(target);
  if (!perTarget) DERIVED.set(target, (perTarget = new WeakMap()));
  let derived = perTarget.get(assigned);
  if (!derived && isCatalogYear(assigned.year)) {
    const year = assigned.year as CatalogYear;
    derived = {
      ...target,
      targetByYear: { ...target.targetByYear, [year]: assigned.value },
      directionByYear: assigned.direction
        ? { ...target.directionByYear, [year]: assigned.direction }
        : target.directionByYear,
    };
    perTarget.set(assigned, derived);
  }
  return derived ?? target;
}

/** Where the target a unit sees comes from, in words (template, form). */
export function targetSourceFor(target: Target, assigned: AssignedTarget | undefined): Bilingual {
  if (assigned)
    return { vi: `Giao cho đơn vị (${assigned.decision})`, en: `Assigned to the unit (${assigned.decision})` };
  if (target.aggregation === "sum")
    return {
      vi: "Mục tiêu toàn thành phố (tổng các đơn vị); đơn vị chưa được giao mục tiêu riêng",
      en: "City-wide target (sum of units); no target assigned to the unit",
    };
  return { vi: "Mục tiêu của thành phố", en: "The city's target" };
}
