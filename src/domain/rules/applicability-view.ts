/**
 * One unit's reporting model for a period, target by target (issue #14): whether the target applies and why (the
 * catalog's default by unit kind, or a planner's choice from a period on), whether N/A is refused ("always required"),
 * whether the period's report asks for it (cadence), and which target the unit's figure is judged against — its own
 * assigned target (with the decision), the city's, or none. GET /me/applicability sends it; the task pane's form and
 * the planner's applicability editor show it. Pure: the same rules as reportScope() and validate().
 */
import type { Bilingual, Catalog, Direction, Period, Target, TargetValue, Unit } from "../types";
import { directionFor, targetForPeriod } from "../catalog/catalog";
import { applicabilityOf, plannerChoice, type ApplicabilityTable } from "./applicability";
import { isDue } from "./cadence";
import { assignedTarget, targetSourceFor, withAssigned, type UnitTargetTable } from "./unit-targets";

/** Where the target a unit's figure is held against comes from. */
export type TargetSource = "assigned" | "city" | "none";

export interface AppliedTarget {
  /** "assigned": the unit's own (decision); "city": the city's target; "none": no target set for the year */
  source: TargetSource;
  /** the year's value (a number, or an ISO date for a milestone); null when none is set */
  value: TargetValue | null;
  direction: Direction | null;
  /** the decision that assigns it ("5969/QĐ-UBND"), for an assigned target */
  decision: string | null;
  /** false for a count or summed amount without an assigned target: judged only in the city total */
  judged: boolean;
  /** in words, as the template's *Chỉ tiêu năm* cell says it */
  text: Bilingual;
}

export interface TargetApplicability {
  targetId: string;
  applies: boolean;
  /** applies and due in the period: the report asks for it */
  due: boolean;
  source: "catalog" | "planner";
  alwaysRequired: boolean;
  /** the planner choice's first period, when a planner chose */
  from: string | null;
  note: string | null;
  target: AppliedTarget;
}

const NO_TARGET_TEXT: Bilingual = { vi: "Chưa có chỉ tiêu cho năm này", en: "No target set for this year" };

/** The target a unit's figure for a target is judged against in the period's year. */
export function appliedTarget(
  target: Target,
  unit: Unit,
  period: Period,
  unitTargets: UnitTargetTable | undefined,
): AppliedTarget {
  const assigned = assignedTarget(unitTargets, unit.code, target.id, period.year);
  const judgedAs = assigned ? withAssigned(target, assigned) : target;
  const yt = targetForPeriod(judgedAs, period);
  if (yt.kind === "none")
    return { source: "none", value: null, direction: null, decision: null, judged: false, text: NO_TARGET_TEXT };
  return {
    source: assigned ? "assigned" : "city",
    value: yt.kind === "value" ? yt.value : yt.date,
    direction: directionFor(judgedAs, period.year),
    decision: assigned?.decision ?? null,
    judged: assigned !== undefined || target.aggregation !== "sum",
    text: targetSourceFor(target, assigned),
  };
}

/** Every target of the catalog for one unit and period, in catalog order. */
export function unitApplicability(
  catalog: Catalog,
  unit: Unit,
  period: Period,
  table: ApplicabilityTable,
  unitTargets?: UnitTargetTable,
): TargetApplicability[] {
  return catalog.targets.map((t) => {
    const a = applicabilityOf(t, unit, period, table);
    const choice = a.source === "planner" ? plannerChoice(table, unit.code, t.id, period) : undefined;
    return {
      targetId: t.id,
      applies: a.applies,
      due: a.applies && isDue(t, period),
      source: a.source,
      alwaysRequired: a.alwaysRequired,
      from: choice?.from ?? null,
      note: choice?.note ?? null,
      target: appliedTarget(t, unit, period, unitTargets),
    };
  });
}
