/** Ranges of periods of one kind, and the period a year before. */
import { AppError } from "../errors";
import { makePeriod, parsePeriod } from "../periods/periods";
import type { Period, PeriodKind } from "../types";

const PER_YEAR: Record<PeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1 };

/** The longest range a series covers: two five-year terms of months. */
export const MAX_SERIES_PERIODS = 120;

function parseOrThrow(id: string, field: "from" | "to"): Period {
  const p = parsePeriod(id);
  if (!p)
    throw new AppError(
      "CT_SERIES_PERIOD",
      400,
      {
        vi: `"${field}" = "${String(id)}" không phải là kỳ báo cáo. Nhập tháng 2026-01, quý 2026-Q1, nửa năm 2026-H1 hoặc năm 2026.`,
        en: `"${field}" = "${String(id)}" is not a report period. Give a month 2026-01, a quarter 2026-Q1, a half 2026-H1 or a year 2026.`,
      },
      { field, value: id },
    );
  return p;
}

/** Position of a period among the periods of its kind (year × periods per year + index). */
export function ordinal(p: Period): number {
  return p.year * PER_YEAR[p.kind] + (p.index - 1);
}

function fromOrdinal(kind: PeriodKind, n: number): Period {
  const per = PER_YEAR[kind];
  return makePeriod(kind, Math.floor(n / per), (n % per) + 1);
}

/** Every period from `from` to `to` inclusive, both of one kind; a clear error (vi/en) otherwise. */
export function periodRange(from: string, to: string): Period[] {
  const a = parseOrThrow(from, "from");
  const b = parseOrThrow(to, "to");
  if (a.kind !== b.kind)
    throw new AppError(
      "CT_SERIES_RANGE",
      400,
      {
        vi: `"from" (${a.id}) và "to" (${b.id}) phải cùng loại kỳ: cùng là tháng, quý, nửa năm hoặc năm.`,
        en: `"from" (${a.id}) and "to" (${b.id}) must be periods of one kind: both months, quarters, halves or years.`,
      },
      { from, to },
    );
  const first = ordinal(a);
  const last = ordinal(b);
  if (last < first || last - first + 1 > MAX_SERIES_PERIODS)
    throw new AppError(
      "CT_SERIES_RANGE",
      400,
      {
        vi: `Khoảng kỳ ${a.id}–${b.id} không hợp lệ: "to" phải sau hoặc bằng "from", và tối đa ${MAX_SERIES_PERIODS} kỳ.`,
        en: `The range ${a.id}–${b.id} is not valid: "to" must be on or after "from", and at most ${MAX_SERIES_PERIODS} periods.`,
      },
      { from, to },
    );
  const out: Period[] = [];
  for (let n = first; n <= last; n++) out.push(fromOrdinal(a.kind, n));
  return out;
}

/** The periods of the same kind from the first one of the year before `first` up to `first` excluded. */
export function leadIn(first: Period): Period[] {
  const start = ordinal(makePeriod(first.kind, first.year - 1, 1));
  const out: Period[] = [];
  for (let n = start; n < ordinal(first); n++) out.push(fromOrdinal(first.kind, n));
  return out;
}

/** The months a quarter, half or year covers (empty for a month). */
export function monthsOf(p: Period): Period[] {
  if (p.kind === "month") return [];
  const span = 12 / PER_YEAR[p.kind];
  const out: Period[] = [];
  for (let m = (p.index - 1) * span + 1; m <= p.index * span; m++) out.push(makePeriod("month", p.year, m));
  return out;
}

export function periodsPerYear(kind: PeriodKind): number {
  return PER_YEAR[kind];
}

/**
 * The `count` periods of the same kind just before `p`, oldest first, none before January of `firstYear` (the
 * reporting term's first year: no unit reported before it). A month's are months, a quarter's quarters.
 */
export function periodsBefore(p: Period, count: number, firstYear: number): Period[] {
  const floor = ordinal(makePeriod(p.kind, firstYear, 1));
  const out: Period[] = [];
  for (let n = Math.max(floor, ordinal(p) - count); n < ordinal(p); n++) out.push(fromOrdinal(p.kind, n));
  return out;
}
