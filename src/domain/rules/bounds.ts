/**
 * Plausible magnitudes of the figures one unit reports for one period. A figure beyond its bound is a typing error
 * (an extra row of zeros, a pasted identifier) or an attack, never a real value — and summed over 600 units it must
 * stay a finite, exactly representable number. Bounds go by measure kind, with a per-target table for targets whose
 * unit makes the kind's bound far too loose (years of life, doctors per 10,000 people, m² per person).
 *
 * Every default bound times 1,000 units stays below Number.MAX_SAFE_INTEGER (9.007e15), so every sum the city
 * consolidation makes of in-bound figures is finite and exact to the unit.
 */
import { parseNumber } from "./number";
import type { Catalog, EntryInput, Locale, MeasureKind, ParsedEntry, Target } from "../types";

export type FigurePart = "value" | "numerator" | "denominator";

/** The largest magnitude of a single-figure target's value, by measure kind. */
export const DEFAULT_UPPER_BOUNDS: Record<Exclude<MeasureKind, "milestone">, number> = {
  /** a share: over 100 is impossible (the rules say so too, with their own message) */
  percent: 100,
  /** a growth rate in % a year: the rules allow −100 to 1000 */
  rate: 1_000,
  /** things a commune or department counts in a period (housing units, points, incidents, members) */
  count: 10_000_000,
  /** money, per-capita values, years: the largest is realised investment in thousand billion VND */
  amount: 1_000_000_000_000,
  index: 1_000_000,
};

/** Numerators and denominators of ratio targets: people, households, m², schools of one unit. */
export const RATIO_PART_UPPER_BOUND = 10_000_000_000;

/** Targets whose unit of measure gives a much tighter bound than their kind's (the catalog's unitOfMeasure). */
export const TARGET_UPPER_BOUNDS: Readonly<Record<string, Partial<Record<FigurePart, number>>>> = {
  S07: { value: 150 }, // average life expectancy, years
  S08: { value: 150 }, // healthy life years
  S11: { value: 10_000 }, // doctors per 10,000 people
  S12: { value: 10_000 }, // hospital beds per 10,000 people
  U02: { value: 10_000 }, // m² of housing floor per person
  E03: { value: 1_000_000 }, // realised social investment, thousand billion VND
};

export function upperBound(target: Pick<Target, "id" | "measure">, part: FigurePart): number {
  const override = TARGET_UPPER_BOUNDS[target.id]?.[part];
  if (override !== undefined) return override;
  if (part !== "value") return RATIO_PART_UPPER_BOUND;
  return target.measure === "milestone" ? Infinity : DEFAULT_UPPER_BOUNDS[target.measure];
}

export interface FigureOutOfRange {
  /** index of the entry in the report */
  index: number;
  targetId: string;
  part: FigurePart;
  value: number;
  bound: number;
}

const PARTS: FigurePart[] = ["value", "numerator", "denominator"];

/** The figures of a report whose magnitude is beyond their target's bound (unknown targets are the rules' concern). */
export function figuresOutOfRange(
  entries: readonly EntryInput[],
  catalog: Catalog,
  locale: Locale,
): FigureOutOfRange[] {
  const byId = new Map(catalog.targets.map((t) => [t.id, t]));
  const out: FigureOutOfRange[] = [];
  entries.forEach((entry, index) => {
    const target = byId.get(entry.targetId);
    if (!target || target.measure === "milestone") return;
    for (const part of PARTS) {
      const raw = entry[part];
      if (raw === undefined || raw === null) continue;
      const parsed = parseNumber(raw, locale);
      if (parsed.kind !== "number") continue;
      const bound = upperBound(target, part);
      if (Math.abs(parsed.value) > bound) out.push({ index, targetId: target.id, part, value: parsed.value, bound });
    }
  });
  return out;
}

/** No figure of any target may be larger than this: a stored flow beyond it is never summed. */
export const LARGEST_BOUND = Math.max(...Object.values(DEFAULT_UPPER_BOUNDS), RATIO_PART_UPPER_BOUND);

/**
 * A stored entry as the figures it may contribute: a figure beyond its bound (stored before the bounds existed) is
 * left out, as a blank would be, so no sum of stored figures can overflow. The entry itself is returned when it has
 * nothing to leave out.
 */
export function withinBounds(entry: ParsedEntry, target: Pick<Target, "id" | "measure"> | undefined): ParsedEntry {
  if (!target || target.measure === "milestone") return entry;
  let out: ParsedEntry | null = null;
  for (const part of PARTS) {
    const v = entry[part];
    if (v === null || (Number.isFinite(v) && Math.abs(v) <= upperBound(target, part))) continue;
    out ??= { ...entry };
    out[part] = null;
  }
  return out ?? entry;
}
