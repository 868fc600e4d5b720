/** A catalog → rows or CSV text with the columns of the shared targets file; parseCatalogCsv reads it back. */
import { CATALOG_YEARS, type Catalog, type Target } from "../types";
import { toCsv } from "./csv";

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
export const OPTIONAL_COLUMNS = ["target_2027", "target_2028", "target_2029"] as const;

function value(t: Target, year: number): string {
  const v = t.targetByYear[year as (typeof CATALOG_YEARS)[number]];
  return v === undefined ? "" : String(v);
}

/** Header + one row per target; the optional year columns only when some target has a value there. */
export function catalogToRows(catalog: Catalog): string[][] {
  const optional = OPTIONAL_COLUMNS.filter((c) => catalog.targets.some((t) => value(t, Number(c.slice(-4))) !== ""));
  const header: string[] = [...BASE_COLUMNS, ...optional];
  const rows = catalog.targets.map((t) => {
    const cells: Record<string, string> = {
      id: t.id,
      group: t.group,
      name_vi: t.name.vi,
      name_en: t.name.en,
      unit: t.unitOfMeasure,
      measure: t.measure,
      direction: t.direction,
      reported_by: t.reportedBy,
      aggregation: t.aggregation,
      numerator_vi: t.numeratorLabel ?? "",
      denominator_vi: t.denominatorLabel ?? "",
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
