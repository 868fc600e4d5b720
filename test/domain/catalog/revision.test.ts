/** The 2026-12 catalog revision: new columns, per-year targets and directions, new statuses, older catalogs. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  BASE_COLUMNS,
  SOURCE_STATUS_NAMES,
  catalogToCsv,
  catalogToRows,
  defaultCatalog,
  directionFor,
  findTarget,
  parseCatalogCsv,
  unitOfMeasureEnFor,
  upgradeCatalog,
  type Catalog,
  type CatalogIssue,
  type CatalogLoadResult,
  type Target,
} from "../../../src/domain";
import { renderTargetsData } from "../../../src/domain/catalog/render-data";

const catalog = defaultCatalog();
const t = (id: string) => findTarget(catalog, id) as Target;
const dir = join(__dirname, "..", "..", "..", "src", "domain", "catalog");

function issues(r: CatalogLoadResult): CatalogIssue[] {
  if (r.ok) throw new Error("expected the catalog to be rejected");
  return r.issues;
}

describe("the default catalog is the revised shared file", () => {
  it("is generated from targets-2026-2030.csv (run `npx tsx scripts/catalog-data.ts` after editing the CSV)", () => {
    const r = parseCatalogCsv(readFileSync(join(dir, "targets-2026-2030.csv"), "utf8"));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(readFileSync(join(dir, "targets-data.ts"), "utf8")).toBe(renderTargetsData(r.catalog.targets));
    expect(r.catalog.version).toBe(catalog.version);
  });

  it("carries the new columns: frequency, time aggregation, applies_to, English labels, per-year values", () => {
    expect(t("E01").targetByYear).toEqual({ 2026: 11, 2027: 11, 2028: 11, 2029: 11, 2030: 11 });
    expect(t("E01")).toMatchObject({ frequency: "quarter", timeAggregation: "mean", status: "verified-congress" });
    expect(t("U13")).toMatchObject({ frequency: "month", timeAggregation: "last", unitEn: "locations" });
    // "commune;ward (planner selects)": "(planner selects)" qualifies the kind it follows (as S02 writes it per kind)
    expect(t("E10").appliesTo).toEqual([
      { kind: "commune", plannerSelects: false },
      { kind: "ward", plannerSelects: true },
    ]);
    expect(t("S01").numeratorLabelEn).toBeTruthy();
    expect(unitOfMeasureEnFor(t("E02"), 2026)).toBe("million VND");
    expect(unitOfMeasureEnFor(t("E02"), 2030)).toBe("USD");
    expect(t("U11").targetByYear[2030]).toBe("2027-12-31");
  });

  it("gives U05 and U06 a direction per year", () => {
    expect(directionFor(t("U05"), 2026)).toBe(">");
    expect(directionFor(t("U05"), 2030)).toBe(">=");
    expect(directionFor(t("E01"), 2028)).toBe(">=");
  });

  it("names every status in words, in vi and en", () => {
    for (const x of catalog.targets) {
      expect(SOURCE_STATUS_NAMES[x.status].vi).not.toMatch(/^verified/);
      expect(SOURCE_STATUS_NAMES[x.status].en).not.toBe(x.status);
    }
    expect(SOURCE_STATUS_NAMES["verified-plan-2026"].en).toContain("2026 plan");
  });
});

describe("export and import carry every new column", () => {
  it("round-trips the revised catalog with every field of every target", () => {
    const csv = catalogToCsv(catalog);
    const r = parseCatalogCsv(csv);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.catalog.targets).toEqual(catalog.targets);
    expect(r.catalog.version).toBe(catalog.version);
    const header = catalogToRows(catalog)[0];
    for (const c of ["unit_en", "applies_to", "frequency", "time_aggregation", "numerator_en", "denominator_en"])
      expect(header).toContain(c);
    const u05 = catalogToRows(catalog).find((row) => row[0] === "U05") as string[];
    expect(u05[header.indexOf("direction")]).toBe("2026:>;2030:>=");
  });

  it("round-trips a changed frequency, time aggregation and applies_to", () => {
    const rows = catalogToRows(catalog);
    const h = rows[0];
    const e10 = rows.find((row) => row[0] === "E10") as string[];
    e10[h.indexOf("frequency")] = "quarter";
    e10[h.indexOf("applies_to")] = "commune (planner selects)";
    e10[h.indexOf("time_aggregation")] = "last";
    const r = parseCatalogCsv(rows.map((row) => row.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\n"));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const back = findTarget(r.catalog, "E10") as Target;
    expect(back).toMatchObject({ frequency: "quarter", timeAggregation: "last" });
    expect(back.appliesTo).toEqual([{ kind: "commune", plannerSelects: true }]);
    expect(r.catalog.version).not.toBe(catalog.version);
  });
});

describe("a catalog without the new columns still loads, with the documented defaults", () => {
  const old = [
    BASE_COLUMNS.join(","),
    "S02,society,Nhà ở xã hội,Social housing,căn,count,>=,18000,,communes,sum,,,,verified,Res. 482",
    "E08,economy,Chi KHCN,S&T,%,percent,>,,4,departments,ratio_of_sums,Chi KHCN,Tổng chi,,partial,x",
    "E01,economy,GRDP,GRDP,%/năm,rate,>=,11,11,city,city_only,,,,verified,y",
  ].join("\n");

  it("applies_to from reported_by, every period (month), flows summed and levels as they stand", () => {
    const r = parseCatalogCsv(old);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const [s02, e08, e01] = r.catalog.targets;
    expect(s02).toMatchObject({ frequency: "month", timeAggregation: "sum", unitEn: null, status: "verified" });
    expect(s02.appliesTo).toEqual([
      { kind: "ward", plannerSelects: false },
      { kind: "commune", plannerSelects: false },
    ]);
    expect(e08).toMatchObject({ timeAggregation: "last", numeratorLabelEn: null });
    expect(e08.appliesTo).toEqual([{ kind: "department", plannerSelects: true }]);
    expect(e01.appliesTo).toEqual([{ kind: "city", plannerSelects: false }]);
    expect(unitOfMeasureEnFor(e01, 2026)).toBe("%/năm");
  });

  it("keeps the version of a catalog stored before the revision (JSON without the new fields)", () => {
    const r = parseCatalogCsv(old);
    if (!r.ok) throw new Error("rejected");
    const stored = JSON.parse(
      JSON.stringify({
        version: r.catalog.version,
        targets: r.catalog.targets.map((x) => {
          const { unitEn, unitEnByYear, directionByYear, numeratorLabelEn, denominatorLabelEn, ...rest } = x;
          void [unitEn, unitEnByYear, directionByYear, numeratorLabelEn, denominatorLabelEn];
          const { appliesTo, frequency, timeAggregation, ...older } = rest;
          void [appliesTo, frequency, timeAggregation];
          return older;
        }),
      }),
    ) as Catalog;
    const up = upgradeCatalog(stored);
    expect(up.targets).toEqual(r.catalog.targets);
    expect(parseCatalogCsv(catalogToCsv(up)).ok && up.version).toBe(r.catalog.version);
  });
});

describe("bad values in the new columns are listed, row and column, in vi and en", () => {
  const rows = catalogToRows(catalog);
  const h = rows[0];
  const edit = (id: string, column: string, v: string) => {
    const copy = rows.map((r) => r.slice());
    (copy.find((r) => r[0] === id) as string[])[h.indexOf(column)] = v;
    return copy.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\n");
  };

  it.each<[string, string, string, string]>([
    ["E10", "frequency", "weekly", "unknown_value"],
    ["E10", "time_aggregation", "median", "unknown_value"],
    ["S04", "time_aggregation", "ratio_of_sums", "time_ratio_needs_ratio"],
    ["E10", "applies_to", "ward;district", "bad_applies_to"],
    ["U05", "direction", "2026:>;2031:>=", "bad_direction_by_year"],
    ["E02", "unit_en", "2026: million VND; 2040: USD", "bad_unit_by_year"],
  ])("%s %s = %p → %s", (id, column, v, code) => {
    const found = issues(parseCatalogCsv(edit(id, column, v)));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ column, code, row: rows.findIndex((r) => r[0] === id) + 1 });
    expect(found[0].message.vi).toContain(column);
    expect(found[0].message.en).toContain(column);
  });
});
