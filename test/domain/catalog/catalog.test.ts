import {
  CATALOG_YEARS,
  GROUP_IDS,
  GROUP_NAMES,
  SOURCE_STATUS_NAMES,
  computeCatalogVersion,
  defaultCatalog,
  entryFields,
  findTarget,
  targetForPeriod,
  targetForYear,
  parsePeriod,
  type Period,
  type Target,
} from "../../../src/domain";

const catalog = defaultCatalog();
const t = (id: string) => findTarget(catalog, id) as Target;

describe("the default catalog", () => {
  it("holds the 43 targets in 4 groups, each with a status and a source", () => {
    expect(catalog.targets).toHaveLength(43);
    expect(new Set(catalog.targets.map((x) => x.id)).size).toBe(43);
    expect(new Set(catalog.targets.map((x) => x.group))).toEqual(new Set(GROUP_IDS));
    for (const g of GROUP_IDS) expect(GROUP_NAMES[g].vi).not.toBe("");
    for (const target of catalog.targets) {
      expect(Object.keys(SOURCE_STATUS_NAMES)).toContain(target.status);
      expect(target.source.length).toBeGreaterThan(5);
      expect(target.name.vi).toBe(target.name.vi.normalize("NFC"));
    }
  });

  it("has as many verified or partial targets as the source (21)", () => {
    const confirmed = catalog.targets.filter((x) =>
      ["verified-congress", "verified-plan-2026", "verified-en", "partial"].includes(x.status),
    );
    expect(confirmed).toHaveLength(21);
  });

  it("names the numerator and denominator of every ratio target", () => {
    for (const target of catalog.targets.filter((x) => x.aggregation === "ratio_of_sums")) {
      expect(target.numeratorLabel).toBeTruthy();
      expect(target.denominatorLabel).toBeTruthy();
    }
  });

  it("keeps the per-year units of GRDP per capita and the bottlenecks split", () => {
    expect(t("E02").unitOfMeasureByYear).toEqual({ 2026: "triệu đồng", 2030: "USD" });
    expect(t("U06").bottlenecks).toEqual(["pollution", "flooding"]);
    expect(t("E05").direction).toBe("<");
    expect(t("U11")).toMatchObject({
      measure: "milestone",
      direction: "done_by",
      targetByYear: { 2030: "2027-12-31" },
    });
  });

  it("is memoized and looks targets up by id", () => {
    expect(defaultCatalog()).toBe(catalog);
    expect(findTarget(catalog, "S02")?.name.en).toBe("Social housing units completed");
    expect(findTarget(catalog, "Z99")).toBeUndefined();
  });
});

describe("targetForYear", () => {
  it("gives the stated value with the year's unit", () => {
    expect(targetForYear(t("E02"), 2026)).toEqual({
      kind: "value",
      year: 2026,
      value: 198,
      unitOfMeasure: "triệu đồng",
    });
    expect(targetForYear(t("E02"), 2030)).toEqual({ kind: "value", year: 2030, value: 12000, unitOfMeasure: "USD" });
  });

  it("never invents a value for a year the catalog leaves empty", () => {
    for (const target of catalog.targets.filter((x) => x.measure !== "milestone")) {
      for (const year of CATALOG_YEARS) {
        const yt = targetForYear(target, year);
        if (target.targetByYear[year] === undefined) {
          expect(yt).toEqual({ kind: "none", year, termTarget: target.targetByYear[2030] ?? null });
        } else expect(yt).toMatchObject({ kind: "value", value: target.targetByYear[year] });
      }
    }
  });

  it("says no target for a target without any value, and outside 2026–2030", () => {
    expect(targetForYear(t("S03"), 2026)).toEqual({ kind: "none", year: 2026, termTarget: null });
    expect(targetForYear(t("E01"), 2031)).toEqual({ kind: "none", year: 2031, termTarget: 11 });
  });

  it("gives a milestone its deadline in every year of the term", () => {
    for (const year of CATALOG_YEARS)
      expect(targetForYear(t("U11"), year)).toEqual({ kind: "date", year, date: "2027-12-31" });
  });

  it("gives a period the target of its year", () => {
    expect(targetForPeriod(t("E01"), parsePeriod("2026-03") as Period)).toMatchObject({ kind: "value", value: 11 });
    expect(targetForPeriod(t("E01"), parsePeriod("2028-Q2") as Period)).toMatchObject({ kind: "value", value: 11 });
    expect(targetForPeriod(t("E03"), parsePeriod("2028-Q2") as Period).kind).toBe("none");
  });
});

describe("computeCatalogVersion", () => {
  const base = catalog.targets;
  const change = (i: number, patch: Partial<Target>): Target[] =>
    base.map((x, j) => (j === i ? { ...x, ...patch } : x));

  it("is stable and is the catalog's version", () => {
    expect(computeCatalogVersion(base)).toBe(catalog.version);
    expect(computeCatalogVersion(base.map((x) => ({ ...x })))).toBe(catalog.version);
    expect(catalog.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each<[string, (x: Target) => Partial<Target>]>([
    ["a name", (x) => ({ name: { ...x.name, vi: x.name.vi + " " } })],
    ["an English name", (x) => ({ name: { ...x.name, en: "Other" } })],
    ["a value", () => ({ targetByYear: { 2026: 11.5, 2030: 11 } })],
    ["a 2028 value", (x) => ({ targetByYear: { ...x.targetByYear, 2028: 12 } })],
    ["the English unit", () => ({ unitEn: "% a year" })],
    ["a per-year direction", () => ({ directionByYear: { 2026: ">" } })],
    ["the English numerator label", () => ({ numeratorLabelEn: "x" })],
    ["the English denominator label", () => ({ denominatorLabelEn: "y" })],
    ["who it applies to", () => ({ appliesTo: [{ kind: "ward", plannerSelects: false }] })],
    ["the frequency", () => ({ frequency: "month" })],
    ["the time aggregation", () => ({ timeAggregation: "last" })],
    ["the unit", () => ({ unitOfMeasure: "%" })],
    ["a per-year unit", () => ({ unitOfMeasureByYear: { 2026: "%" } })],
    ["the measure", () => ({ measure: "percent" })],
    ["the direction", () => ({ direction: ">" })],
    ["who reports it", () => ({ reportedBy: "departments" })],
    ["the aggregation", () => ({ aggregation: "sum" })],
    ["a ratio label", () => ({ numeratorLabel: "x" })],
    ["a denominator label", () => ({ denominatorLabel: "y" })],
    ["the bottlenecks", () => ({ bottlenecks: ["traffic"] })],
    ["the status", () => ({ status: "candidate" })],
    ["the source", (x) => ({ source: x.source + "." })],
    ["the id", () => ({ id: "E99" })],
    ["the group", () => ({ group: "society" })],
  ])("changes when %s of one target changes", (_label, patch) => {
    expect(computeCatalogVersion(change(0, patch(base[0])))).not.toBe(catalog.version);
  });

  it("changes when the order of the targets changes", () => {
    expect(computeCatalogVersion([base[1], base[0], ...base.slice(2)])).not.toBe(catalog.version);
  });
});

describe("entryFields", () => {
  it.each<[string, string[]]>([
    ["E01", ["value"]],
    ["S01", ["numerator", "denominator"]],
    ["U11", ["milestone"]],
  ])("lists what a person fills for %s", (id, head) => {
    expect(entryFields(t(id))).toEqual([...head, "justification", "evidence", "responsible"]);
  });
});
