/**
 * Which units are expected to report for a period — the one rule behind every completeness count, every "units
 * missing" list and every city figure (the endpoint's and the consolidation of files alike):
 * - demo units only when asked (`includeDemo`), or demo units alone (`onlyDemo`: the training classroom, a world of
 *   its own — what a demo token sees);
 * - only the units of the group, when one is given (`unitCodes`, or a group name `group`);
 * - a retired unit only for the periods that start before the start of its `retiredFrom` period (`reportsIn`).
 * A unit is never deleted: its earlier reports stay, and it stays expected for every period that began while it
 * still reported — a unit retired from 2026-Q3 is expected in 2026-06, 2026-Q2, 2026-H1 and the year 2026 (it
 * reported part of that year), not in 2026-07, 2026-Q3 or 2026-H2.
 */
import { parsePeriod } from "../periods/periods";
import type { Catalog, Period, Unit, UnitRegistry } from "../types";
import { reportScope, type ApplicabilityTable } from "../rules/applicability";

/**
 * Whether a unit reports for a period: true unless it is retired from a period that starts on or before this one's
 * start (ISO dates compare as text). A `retiredFrom` that is not a period id is ignored — a unit is never dropped
 * from completeness by a value nobody could have meant (the endpoint only stores valid ids).
 */
export function reportsIn(unit: Pick<Unit, "retiredFrom">, period: Period): boolean {
  if (!unit.retiredFrom) return true;
  const from = parsePeriod(unit.retiredFrom);
  if (!from) return true;
  return period.start < from.start;
}

/** Which units a completeness, a consolidation or a city figure is about (before retirement is applied). */
export interface UnitSelection {
  /** Only these unit codes (a unit group chosen by codes). */
  unitCodes?: readonly string[];
  /** Only the units listing this group name in their `groups`. */
  group?: string;
  /** Demo units too (training); default false. */
  includeDemo?: boolean;
  /** Demo units only (the classroom's own world); wins over `includeDemo`. */
  onlyDemo?: boolean;
}

/** The test `expectedUnits` and `aggregate` apply to each unit: selected, and still reporting in `period`. */
export function expectedIn(period: Period, selection: UnitSelection = {}): (unit: Unit) => boolean {
  const only = selection.unitCodes ? new Set(selection.unitCodes) : null;
  const group = selection.group;
  const includeDemo = selection.includeDemo === true;
  const onlyDemo = selection.onlyDemo === true;
  return (u) =>
    (onlyDemo ? u.demo : includeDemo || !u.demo) &&
    (only === null || only.has(u.code)) &&
    (group === undefined || u.groups.includes(group)) &&
    reportsIn(u, period);
}

/**
 * The units expected to report at least one target of the catalog for the period (registry order): one that
 * applies to them (applies_to, the planners' table) and is due in the period (its frequency). `taskOwners`, when
 * given, are the units that lead or co-own a key task in the period (issue #19): they have a report to send even
 * with no figure due. The city figures never pass it — a unit with tasks only has no figure to be missing.
 */
export function expectedUnits(
  catalog: Catalog,
  registry: UnitRegistry,
  period: Period,
  selection: UnitSelection = {},
  applicability?: ApplicabilityTable,
  taskOwners?: ReadonlySet<string>,
): Unit[] {
  const expected = expectedIn(period, selection);
  return registry
    .all()
    .filter(
      (u) =>
        expected(u) &&
        (taskOwners?.has(u.code) === true || reportScope(catalog, u, period, applicability).due.length > 0),
    );
}
