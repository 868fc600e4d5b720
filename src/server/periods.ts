/**
 * Periods at the edge: every period a request names is read once, here, into its canonical form ("2026-q1" →
 * "2026-Q1"), and must fall within the plan's years (2026–2030 unless CHITIEU_PLAN_YEARS says otherwise). Every rule
 * and query behind the edge sees only canonical ids.
 */
import { parsePeriod } from "../domain";
import type { Period } from "../domain/types";
import type { HistoryThresholds } from "../domain/rules/history";
import { CT_PERIOD_INVALID, CT_PERIOD_OUT_OF_PLAN } from "./errors";

declare module "fastify" {
  interface FastifyInstance {
    /** the plan's years: periods outside them are refused at the edge */
    plan: PlanYears;
    /** the history checks' thresholds (CHITIEU_HISTORY_THRESHOLDS; default HISTORY_THRESHOLDS) */
    historyThresholds: HistoryThresholds;
  }
}

export interface PlanYears {
  from: number;
  to: number;
}

export const DEFAULT_PLAN_YEARS: PlanYears = { from: 2026, to: 2030 };

/** The canonical id of a period text, or the trimmed text itself when it is not a period (the rules say why). */
export function canonicalPeriodId(text: string): string {
  const trimmed = text.trim();
  return parsePeriod(trimmed)?.id ?? trimmed;
}

/** Throws CT_PERIOD_OUT_OF_PLAN when the period's year is outside the plan. */
export function assertInPlan(period: Period, plan: PlanYears): void {
  if (period.year < plan.from || period.year > plan.to)
    throw CT_PERIOD_OUT_OF_PLAN({ period: period.id, from: plan.from, to: plan.to });
}

/**
 * A period named by a request: parsed (400 CT_PERIOD_INVALID) into its canonical form, and, when a plan is given,
 * within it (422). Reads pass no plan — asking about 2025 is harmless, and shows what a retired unit owed then;
 * what is written (submissions) must fall within the plan.
 */
export function periodAtEdge(text: string, plan: PlanYears | null): Period {
  const period = parsePeriod(text.trim());
  if (!period) throw CT_PERIOD_INVALID({ period: text });
  if (plan) assertInPlan(period, plan);
  return period;
}

/** "2026-2030" (or one year) → the plan's years; null when the text is not that. */
export function parsePlanYears(text: string): PlanYears | null {
  const m = /^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$/.exec(text);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  return from <= to ? { from, to } : null;
}
