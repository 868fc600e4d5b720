/**
 * Cadence: a target's `frequency` says how often a unit reports it. A period's report asks for the targets due in
 * it: a target due monthly is also in the quarter, half-year and year reports; a quarterly one in the quarter,
 * half-year and year reports; a half-yearly one in the half-year and year reports; a yearly one only in the year
 * report. The year report asks for everything that applies.
 */
import type { Frequency, Period, PeriodKind, Target } from "../types";

const RANK: Record<PeriodKind | Frequency, number> = { month: 0, quarter: 1, half: 2, year: 3 };

/** Is a target with this frequency asked for in a period of this kind? */
export function dueInKind(frequency: Frequency, kind: PeriodKind): boolean {
  return RANK[kind] >= RANK[frequency];
}

export function isDue(target: Target, period: Period): boolean {
  return dueInKind(target.frequency, period.kind);
}
