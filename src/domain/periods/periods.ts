/** Report periods: month "2026-01", quarter "2026-Q1", half "2026-H1", year "2026". */
import type { Locale, Period, PeriodKind } from "../types";
import { daysInMonth, isoDate } from "./dates";

export const PERIOD_KINDS: readonly PeriodKind[] = ["month", "quarter", "half", "year"];

/** Months in one period of each kind. */
const SPAN: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };

const PERIOD_ID = /^(\d{4})(?:-(?:(\d{2})|[Qq]([1-4])|[Hh]([12])))?$/;

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2099;

/** Build a period from its kind, year and index (1-based). */
export function makePeriod(kind: PeriodKind, year: number, index: number): Period {
  const span = SPAN[kind];
  const firstMonth = (index - 1) * span + 1;
  const lastMonth = firstMonth + span - 1;
  const id =
    kind === "year"
      ? String(year)
      : kind === "month"
        ? `${year}-${String(index).padStart(2, "0")}`
        : `${year}-${kind === "quarter" ? "Q" : "H"}${index}`;
  return {
    id,
    kind,
    year,
    index,
    start: isoDate(year, firstMonth, 1),
    end: isoDate(year, lastMonth, daysInMonth(year, lastMonth)),
  };
}

/** Parse a period id ("2026-01", "2026-Q1", "2026-H1", "2026"); null when it is not one. */
export function parsePeriod(id: string): Period | null {
  if (typeof id !== "string") return null;
  const m = PERIOD_ID.exec(id.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? makePeriod("month", year, month) : null;
  }
  if (m[3] !== undefined) return makePeriod("quarter", year, Number(m[3]));
  if (m[4] !== undefined) return makePeriod("half", year, Number(m[4]));
  return makePeriod("year", year, 1);
}

/** First and last calendar month (1–12) a period covers. */
export function periodMonths(period: Period): { first: number; last: number } {
  const span = SPAN[period.kind];
  const first = (period.index - 1) * span + 1;
  return { first, last: first + span - 1 };
}

/** Months of the year elapsed at the end of the period (Q1 → 3, H2 → 12): the pro-rata share of a yearly flow. */
export function monthsElapsed(period: Period): number {
  return periodMonths(period).last;
}

const ROMAN = ["I", "II", "III", "IV"];
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function periodLabel(period: Period, locale: Locale): string {
  const { year, index } = period;
  if (locale === "vi") {
    switch (period.kind) {
      case "month":
        return `Tháng ${String(index).padStart(2, "0")}/${year}`;
      case "quarter":
        return `Quý ${ROMAN[index - 1]}/${year}`;
      case "half":
        return `6 tháng ${index === 1 ? "đầu" : "cuối"} năm ${year}`;
      default:
        return `Năm ${year}`;
    }
  }
  switch (period.kind) {
    case "month":
      return `${MONTHS_EN[index - 1]} ${year}`;
    case "quarter":
      return `Q${index} ${year}`;
    case "half":
      return `H${index} ${year}`;
    default:
      return `Year ${year}`;
  }
}

/** Every period of a year, of the given kinds, in the order month, quarter, half, year. */
export function listPeriods(year: number, kinds: readonly PeriodKind[] = PERIOD_KINDS): Period[] {
  const out: Period[] = [];
  for (const kind of PERIOD_KINDS) {
    if (!kinds.includes(kind)) continue;
    const count = 12 / SPAN[kind];
    for (let i = 1; i <= count; i++) out.push(makePeriod(kind, year, i));
  }
  return out;
}

/** The demo uses this period by default. Demo-ness lives on the units (DEMO-xx), never on a period. */
export const DEMO_PERIOD_ID = "2026-Q1";
