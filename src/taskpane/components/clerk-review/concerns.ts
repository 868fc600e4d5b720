/** Pure helpers of the clerk's review banner and reminders (no React): which figures a planner's comment names, how
 * a figure reads, which periods to remind of. */
import type { EntryInput, Target } from "../../../domain/types";
import { daysFromIso, hanoiDayNumber } from "../../../domain/periods/dates";
import type { PeriodInfo } from "../../api";
import type { PeriodMark } from "../../hooks/usePeriodStates";

/** The targets a comment names by id ("S02", "s02"), in the report's order. */
export function targetsNamed(comment: string, targets: readonly Target[]): Target[] {
  return targets.filter((t) => new RegExp(`(^|[^A-Za-z0-9])${t.id}(?![A-Za-z0-9])`, "i").test(comment));
}

/** What the unit typed for a target, as one short text: a figure, "numerator / denominator", or a milestone. */
export function figureText(entry: EntryInput | undefined): string | null {
  if (!entry) return null;
  const show = (v: unknown): string | null =>
    v === null || v === undefined || (typeof v === "string" && v.trim() === "") ? null : String(v);
  const value = show(entry.value);
  if (value !== null) return value;
  const num = show(entry.numerator);
  const den = show(entry.denominator);
  if (num !== null || den !== null) return `${num ?? "—"} / ${den ?? "—"}`;
  return show(entry.milestone);
}

export interface Reminder {
  period: PeriodInfo;
  mark: PeriodMark;
  kind: "overdue" | "dueToday" | "dueSoon";
  /** days until the deadline (0 today, negative when overdue) */
  days: number;
}

/** How many days ahead a deadline counts as "due soon". */
export const DUE_SOON_DAYS = 7;

/**
 * Reports that still need the unit: not sent or returned, whose deadline has passed (overdue, the most recent
 * first) or falls within DUE_SOON_DAYS (nearest first). Overdue ones come first. Upcoming periods are not listed.
 */
export function remindersOf(periods: readonly PeriodInfo[], marks: Record<string, PeriodMark>, now: Date): Reminder[] {
  const today = hanoiDayNumber(now);
  const out: Reminder[] = [];
  for (const period of periods) {
    const mark = marks[period.id];
    if (mark !== "missing" && mark !== "returned") continue;
    if (period.phase === "upcoming" || !period.deadline) continue;
    const deadline = daysFromIso(period.deadline);
    if (deadline === null) continue;
    const days = deadline - today;
    if (days < 0) out.push({ period, mark, kind: "overdue", days });
    else if (days <= DUE_SOON_DAYS) out.push({ period, mark, kind: days === 0 ? "dueToday" : "dueSoon", days });
  }
  const rank = (r: Reminder) => (r.kind === "overdue" ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b) || (a.kind === "overdue" ? b.days - a.days : a.days - b.days));
}
