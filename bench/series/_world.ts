/**
 * The benchmarks' world of issue 21 (bench/series and bench/trend): the 126 real wards and communes, each given all
 * 43 targets (the widest report a unit could have), and seeded-random parsed entries for every month of the given
 * years — 2 % blank (missing), 1 % "not applicable", milestones, ratios and counts. The same seed and call order as
 * before this module, so the figures in bench/README.md stay comparable.
 */
import {
  createUnitRegistry,
  defaultCatalog,
  defaultUnits,
  emptyParsedEntry,
  type Catalog,
  type ParsedEntry,
  type Target,
  type Unit,
  type UnitRegistry,
  type UnitReport,
} from "../../src/domain";
import { seededRandom } from "../../src/domain/random";

export interface BenchWorld {
  catalog: Catalog;
  units: Unit[];
  registry: UnitRegistry;
  /** parsed entries per month id ("2026-01"), one report per unit */
  reports: Map<string, UnitReport[]>;
  /** how many parsed entries in all */
  entries: number;
}

/**
 * `drift`: ratios improve month by month (a trend to draw: the share of the numerator grows 2 points a month, capped
 * at 100 %); without it they are flat at random.
 */
export function benchWorld(years: readonly number[], opts: { drift?: boolean } = {}): BenchWorld {
  const rnd = seededRandom(20260121);
  const catalog = defaultCatalog();
  const ids = catalog.targets.map((t) => t.id);
  const units = defaultUnits()
    .filter((u) => (u.kind === "ward" || u.kind === "commune") && !u.demo)
    .map((u) => ({ ...u, targetIds: ids }));
  const share = (m: number): number => (opts.drift ? Math.min(1, 0.4 + m * 0.02 + rnd() * 0.5) : 0.4 + rnd() * 0.6);
  function entry(t: Target, m: number): ParsedEntry {
    const e = emptyParsedEntry(t.id);
    const r = rnd();
    if (r < 0.02) return e; // blank: missing
    if (r < 0.03) return { ...e, notApplicable: true, justification: "Không có cơ sở trên địa bàn" };
    if (t.measure === "milestone") e.milestone = r < 0.5 ? "in_progress" : "done";
    else if (t.aggregation === "ratio_of_sums") {
      e.denominator = Math.round(200 + rnd() * 5000);
      e.numerator = Math.round(e.denominator * share(m));
    } else e.value = t.measure === "count" ? Math.round(rnd() * 40) : Math.round(rnd() * 1500) / 10;
    return e;
  }
  const reports = new Map<string, UnitReport[]>();
  let entries = 0;
  for (const y of years)
    for (let m = 1; m <= 12; m++) {
      reports.set(
        `${y}-${String(m).padStart(2, "0")}`,
        units.map((u) => ({ unitCode: u.code, entries: catalog.targets.map((t) => entry(t, m)) })),
      );
      entries += units.length * catalog.targets.length;
    }
  return { catalog, units, registry: createUnitRegistry(units), reports, entries };
}
