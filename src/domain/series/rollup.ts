/**
 * The reports of a period as the series reads them. A quarter's, half's or year's own report is the unit's statement
 * for it; a unit without one is represented by its month reports inside the period, combined target by target by the
 * catalog's `time_aggregation` (aggregate/time.ts): sum of flows, last of stocks, mean, ratio of sums. A target the
 * unit answered "not applicable" in every month it gave stays "not applicable"; a target without any figure stays
 * absent (missing), never 0.
 */
import { combinePeriods } from "../aggregate/time";
import { emptyParsedEntry } from "../rules/entry";
import type { Catalog, ParsedEntry, Period, Target, UnitReport } from "../types";
import { monthsOf } from "./range";
import type { ReportsByPeriod } from "./types";

function rolledEntry(target: Target, entries: ParsedEntry[]): ParsedEntry | null {
  if (entries.length === 0) return null;
  const given = entries.filter((e) => !e.notApplicable);
  if (given.length === 0) return { ...emptyParsedEntry(target.id), notApplicable: true };
  if (target.measure === "milestone") {
    const last = [...given].reverse().find((e) => e.milestone !== null);
    return last ?? null;
  }
  if (target.timeAggregation === "last") {
    // the latest usable entry as it stands (a ratio keeps its numerator and denominator)
    for (let i = given.length - 1; i >= 0; i--) {
      const e = given[i]!;
      if (target.aggregation === "ratio_of_sums" ? e.denominator !== null && e.numerator !== null : e.value !== null)
        return e;
    }
    return null;
  }
  const c = combinePeriods(target, given);
  if (c.figure === null) return null;
  const out = emptyParsedEntry(target.id);
  if (target.aggregation === "ratio_of_sums") {
    if (c.numeratorSum !== null && c.denominatorSum !== null) {
      out.numerator = c.numeratorSum;
      out.denominator = c.denominatorSum;
      return out;
    }
    // a ratio combined by sum or mean of its percentages: keep the figure over a denominator of 100 (or 1)
    out.numerator = c.figure;
    out.denominator = target.measure === "percent" ? 100 : 1;
    return out;
  }
  out.value = c.figure;
  return out;
}

/** One unit's months inside `period` rolled into one report; null when it gave none. */
function rollUp(catalog: Catalog, months: (readonly UnitReport[] | undefined)[], unitCode: string): UnitReport | null {
  const perTarget = new Map<string, ParsedEntry[]>();
  for (const list of months) {
    const r = list?.find((x) => x.unitCode === unitCode);
    if (!r) continue;
    for (const e of r.entries) {
      const l = perTarget.get(e.targetId);
      if (l) l.push(e);
      else perTarget.set(e.targetId, [e]);
    }
  }
  if (perTarget.size === 0) return null;
  const entries: ParsedEntry[] = [];
  for (const t of catalog.targets) {
    const rolled = rolledEntry(t, perTarget.get(t.id) ?? []);
    if (rolled) entries.push(rolled);
  }
  return { unitCode, entries };
}

/** The period's reports: its own, plus the month roll-up of every unit that has months but no own report. */
export function reportsForPeriod(catalog: Catalog, reports: ReportsByPeriod, period: Period): readonly UnitReport[] {
  const own = reports.get(period.id) ?? [];
  if (period.kind === "month") return own;
  const months = monthsOf(period).map((m) => reports.get(m.id));
  const withOwn = new Set(own.map((r) => r.unitCode));
  const others = new Set<string>();
  for (const list of months) for (const r of list ?? []) if (!withOwn.has(r.unitCode)) others.add(r.unitCode);
  if (others.size === 0) return own;
  const out = [...own];
  for (const code of others) {
    const r = rollUp(catalog, months, code);
    if (r) out.push(r);
  }
  return out;
}
