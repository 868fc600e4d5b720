/** A catalog → rows or CSV text with the columns of the shared targets file; parseCatalogCsv reads it back. */
import { CATALOG_YEARS, type Catalog, type Target } from "../types";
import { toCsv } from "./csv";
import { formatAppliesTo } from "./defaults";

export const BASE_COLUMNS = [
  "id",
  "group",
  "name_vi",
  "name_en",
  "unit",
  "measure",
  "direction",
  "target_2026",
  "target_2030",
  "reported_by",
  "aggregation",
  "numerator_vi",
  "denominator_vi",
  "bottleneck",
  "status",
  "source",
] as const;
/** Columns a catalog may leave out: the 2026-12 revision's, with the defaults of defaults.ts. */
export const OPTIONAL_COLUMNS = [
  "unit_en",
  "target_2027",
  "target_2028",
  "target_2029",
  "applies_to",
  "frequency",
  "time_aggregation",
  "numerator_en",
  "denominator_en",
] as const;
/** Every column, in the order of the shared targets-2026-2030.csv — the order export writes. */
export const CATALOG_COLUMNS = [
  "id",
  "group",
  "name_vi",
  "name_en",
  "unit",
  "unit_en",
  "measure",
  "direction",
  "target_2026",
  "target_2027",
  "target_2028",
  "target_2029",
  "target_2030",
  "reported_by",
  "applies_to",
  "aggregation",
  "frequency",
  "time_aggregation",
  "numerator_vi",
  "numerator_en",
  "denominator_vi",
  "denominator_en",
  "bottleneck",
  "status",
  "source",
] as const;

function value(t: Target, year: number): string {
  const v = t.targetByYear[year as (typeof CATALOG_YEARS)[number]];
  return v === undefined ? "" : String(v);
}

/** "2026:>;2030:>=" when the direction differs by year, else the one direction. */
export function formatDirection(t: Target): string {
  const years = CATALOG_YEARS.filter((y) => t.directionByYear[y] !== undefined);
  return years.length === 0 ? t.direction : years.map((y) => `${y}:${t.directionByYear[y]}`).join(";");
}

/** "2026: million VND; 2030: USD" when the English unit differs by year, else the one unit ("" when none). */
function formatUnitEn(t: Target): string {
  const years = CATALOG_YEARS.filter((y) => t.unitEnByYear[y] !== undefined);
  return years.length === 0 ? (t.unitEn ?? "") : years.map((y) => `${y}: ${t.unitEnByYear[y]}`).join("; ");
}

/** Header + one row per target, with every column of the revised catalog (parseCatalogRows reads it back). */
export function catalogToRows(catalog: Catalog): string[][] {
  const header: string[] = [...CATALOG_COLUMNS];
  const rows = catalog.targets.map((t) => {
    const cells: Record<string, string> = {
      id: t.id,
      group: t.group,
      name_vi: t.name.vi,
      name_en: t.name.en,
      unit: t.unitOfMeasure,
      unit_en: formatUnitEn(t),
      measure: t.measure,
      direction: formatDirection(t),
      reported_by: t.reportedBy,
      applies_to: formatAppliesTo(t.appliesTo),
      aggregation: t.aggregation,
      frequency: t.frequency,
      time_aggregation: t.timeAggregation,
      numerator_vi: t.numeratorLabel ?? "",
      numerator_en: t.numeratorLabelEn ?? "",
      denominator_vi: t.denominatorLabel ?? "",
      denominator_en: t.denominatorLabelEn ?? "",
      bottleneck: t.bottlenecks.join(";"),
      status: t.status,
      source: t.source,
    };
    for (const y of CATALOG_YEARS) cells[`target_${y}`] = value(t, y);
    return header.map((h) => cells[h] ?? "");
  });
  return [header, ...rows];
}

export function catalogToCsv(catalog: Catalog): string {
  return toCsv(catalogToRows(catalog));
}
