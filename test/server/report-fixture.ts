/**
 * A report that passes every rule for a unit (shared by the server tests and the server benchmarks; no jest here):
 * every target filled within its bounds, every row justified so that a status warning never blocks. `seed` changes
 * the figures so two reports differ.
 */
import type { Catalog, EntryInput, Target, UnitRegistry } from "../../src/domain/types";

export const JUSTIFICATION = "Số liệu đã đối chiếu với sổ theo dõi của đơn vị.";

export function validEntriesFor(catalog: Catalog, registry: UnitRegistry, unitCode: string, seed = 0): EntryInput[] {
  const targets: Target[] = registry.targetsFor(catalog, unitCode);
  return targets.map((t) => {
    const e: EntryInput = {
      targetId: t.id,
      justification: JUSTIFICATION,
      evidence: "Sổ theo dõi",
      responsible: "Nguyễn Văn A",
    };
    if (t.measure === "milestone") e.milestone = "done";
    else if (t.aggregation === "ratio_of_sums") {
      const den = t.denominatorLabel === "Dân số" ? 50_000 : 1000;
      e.denominator = den;
      e.numerator = t.measure === "percent" ? Math.round(den * 0.9) - seed : den * 12 + seed;
    } else if (t.measure === "count") e.value = 5 + seed;
    else if (t.measure === "percent") e.value = `${85 + (seed % 10)},5`;
    else if (t.measure === "rate") e.value = `${7 + (seed % 5)},2`;
    else e.value = `${12 + seed}`;
    return e;
  });
}

/** How many figures (values, numerators, denominators, milestones) a report of these entries carries. */
export function figureCount(entries: readonly EntryInput[]): number {
  let n = 0;
  for (const e of entries)
    for (const k of ["value", "numerator", "denominator", "milestone"] as const) if (e[k] !== undefined) n++;
  return n;
}
