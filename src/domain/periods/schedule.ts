/**
 * Report schedules: the data cut-off window of a period, its submission deadline, and its phase on a given day.
 * See README.md in this folder for the rule and the default deadlines.
 */
import type { Period, PeriodPhase, PeriodWindow, ReportSchedule } from "../types";
import { addDays, daysFromIso, hanoiDayNumber, isoDate } from "./dates";
import { listPeriods, periodMonths } from "./periods";

/** Calendar windows; due 5 days after a month, 10 after a quarter, 15 after a half, 30 after a year. */
export const DEFAULT_SCHEDULE: ReportSchedule = {
  cutoff: "calendar",
  deadlineDays: { month: 5, quarter: 10, half: 15, year: 30 },
};

/** The "15th of the previous month to the 14th" window used by several sector circulars. */
export const MID_MONTH_SCHEDULE: ReportSchedule = { ...DEFAULT_SCHEDULE, cutoff: "mid_month" };

export function periodWindow(period: Period, schedule: ReportSchedule = DEFAULT_SCHEDULE): PeriodWindow {
  let dataStart = period.start;
  let dataEnd = period.end;
  if (schedule.cutoff === "mid_month") {
    const { first, last } = periodMonths(period);
    const startYear = first === 1 ? period.year - 1 : period.year;
    const startMonth = first === 1 ? 12 : first - 1;
    dataStart = isoDate(startYear, startMonth, 15);
    dataEnd = isoDate(period.year, last, 14);
  }
  return { period, dataStart, dataEnd, deadline: addDays(dataEnd, schedule.deadlineDays[period.kind]) };
}

function phaseOnDay(w: PeriodWindow, today: number): PeriodPhase {
  if (today < (daysFromIso(w.dataStart) as number)) return "upcoming";
  if (today <= (daysFromIso(w.dataEnd) as number)) return "open";
  if (today <= (daysFromIso(w.deadline) as number)) return "due";
  return "late";
}

/**
 * upcoming: before the data window; open: inside it (a draft can be kept); due: the window has closed and the
 * deadline has not passed; late: after the deadline. Judged on the calendar day in Hanoi (UTC+7).
 */
export function periodPhase(period: Period, asOf: Date, schedule: ReportSchedule = DEFAULT_SCHEDULE): PeriodPhase {
  return phaseOnDay(periodWindow(period, schedule), hanoiDayNumber(asOf));
}

/** On time = submitted on or before the deadline day, Hanoi time. */
export function isOnTime(period: Period, submittedAt: Date, schedule: ReportSchedule = DEFAULT_SCHEDULE): boolean {
  return hanoiDayNumber(submittedAt) <= (daysFromIso(periodWindow(period, schedule).deadline) as number);
}

export interface ReportablePeriod {
  period: Period;
  phase: PeriodPhase;
  window: PeriodWindow;
}

const PHASE_ORDER: Record<PeriodPhase, number> = { due: 0, open: 1, late: 2, upcoming: 3 };
/** Late periods stay listed for a year after their deadline; upcoming ones from a month before they open. */
const LATE_HORIZON_DAYS = 365;
const UPCOMING_HORIZON_DAYS = 31;

/**
 * The periods a unit may report on a day: due first (nearest deadline first), then open, then late (most recent
 * deadline first), then upcoming within a month.
 */
export function reportablePeriods(asOf: Date, schedule: ReportSchedule = DEFAULT_SCHEDULE): ReportablePeriod[] {
  const today = hanoiDayNumber(asOf);
  const year = new Date(asOf.getTime() + 7 * 3_600_000).getUTCFullYear();
  const out: (ReportablePeriod & { deadlineDay: number })[] = [];
  for (const y of [year - 1, year, year + 1]) {
    for (const period of listPeriods(y)) {
      const window = periodWindow(period, schedule);
      const phase = phaseOnDay(window, today);
      const deadlineDay = daysFromIso(window.deadline) as number;
      if (phase === "late" && today - deadlineDay > LATE_HORIZON_DAYS) continue;
      if (phase === "upcoming" && (daysFromIso(window.dataStart) as number) - today > UPCOMING_HORIZON_DAYS) continue;
      out.push({ period, phase, window, deadlineDay });
    }
  }
  out.sort((a, b) => {
    const p = PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase];
    if (p !== 0) return p;
    return a.phase === "late" ? b.deadlineDay - a.deadlineDay : a.deadlineDay - b.deadlineDay;
  });
  return out.map(({ period, phase, window }) => ({ period, phase, window }));
}
