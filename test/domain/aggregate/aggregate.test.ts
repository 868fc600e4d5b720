import fc from "fast-check";
import { aggregate, parsePeriod, type CityFigure, type Period, type UnitReport } from "../../../src/domain";
import { catalog, parsed, units } from "../helpers";

const period = (id: string): Period => parsePeriod(id) as Period;
const figure = (figs: CityFigure[], id: string): CityFigure => figs.find((f) => f.targetId === id) as CityFigure;
const wardCodes = units
  .all()
  .filter((u) => (u.kind === "ward" || u.kind === "commune") && !u.demo)
  .map((u) => u.code);

describe("aggregate: sum", () => {
  const reports: UnitReport[] = [
    { unitCode: "00004", entries: [parsed("S02", { value: 120 })] },
    { unitCode: "00008", entries: [parsed("S02", { value: 80 })] },
    { unitCode: "00025", entries: [parsed("S02", { value: null })] },
    { unitCode: "DEMO-01", entries: [parsed("S02", { value: 1000 })] },
  ];

  it("adds the figures of the units that reported and names every unit missing", () => {
    const s02 = figure(aggregate(catalog, period("2026-Q1"), reports, units), "S02");
    expect(s02.value).toBe(200);
    expect(s02.unitsExpected).toHaveLength(126);
    expect(s02.unitsIncluded).toEqual(["00004", "00008"]);
    expect(s02.unitsMissing).toHaveLength(124);
    expect(s02.unitsMissing).toContain("00025"); // blank is missing, not zero
    expect(s02.unitsMissing).not.toContain("DEMO-01");
  });

  it("leaves demo units out unless asked", () => {
    const withDemo = figure(aggregate(catalog, period("2026-Q1"), reports, units, { includeDemo: true }), "S02");
    expect(withDemo.value).toBe(1200);
    expect(withDemo.unitsExpected).toHaveLength(127);
  });

  it("restricts the expected units to a unit group", () => {
    const s02 = figure(aggregate(catalog, period("2026-Q1"), reports, units, { unitCodes: ["00004", "00025"] }), "S02");
    expect(s02).toMatchObject({
      value: 120,
      unitsExpected: ["00004", "00025"],
      unitsIncluded: ["00004"],
      unitsMissing: ["00025"],
    });
  });

  it("judges the city total year to date at city scope", () => {
    const q1 = figure(
      aggregate(catalog, period("2026-Q1"), [{ unitCode: "00004", entries: [parsed("S02", { value: 4600 })] }], units),
      "S02",
    );
    expect(q1.progress).toBe("on_track"); // 4,600 ≥ 18,000 × 3/12
    const june = aggregate(
      catalog,
      period("2026-Q2"),
      [{ unitCode: "00004", entries: [parsed("S02", { value: 500 })] }],
      units,
      { ytd: { S02: 7000 } },
    );
    expect(figure(june, "S02").progress).toBe("off_track"); // 7,500 < 0.9 × 9,000
  });
});

describe("aggregate: ratio of sums", () => {
  it("divides the sums, never averages the unit percentages", () => {
    const reports: UnitReport[] = [
      { unitCode: "00004", entries: [parsed("U06", { numerator: 90, denominator: 100 })] }, // 90 %
      { unitCode: "00008", entries: [parsed("U06", { numerator: 1000, denominator: 10000 })] }, // 10 %
    ];
    const u06 = figure(aggregate(catalog, period("2026"), reports, units), "U06");
    expect(u06.numeratorSum).toBe(1090);
    expect(u06.denominatorSum).toBe(10100);
    expect(u06.value).toBeCloseTo(10.792079207920793, 12); // 1,090 / 10,100, not (90 + 10) / 2 = 50
    expect(u06.value).not.toBeCloseTo(50, 0);
    expect(u06.progress).toBe("off_track"); // 10.8 % against "> 50 %"
  });

  it("keeps a per-capita ratio without ×100 (U10 m² per person)", () => {
    const reports: UnitReport[] = [
      { unitCode: "00004", entries: [parsed("U10", { numerator: 500000, denominator: 50000 })] },
      { unitCode: "00008", entries: [parsed("U10", { numerator: 100000, denominator: 50000 })] },
    ];
    expect(figure(aggregate(catalog, period("2030"), reports, units), "U10")).toMatchObject({
      value: 6,
      progress: "off_track",
    });
  });

  it("counts a unit with only half a ratio as missing", () => {
    const reports: UnitReport[] = [
      { unitCode: "00004", entries: [parsed("S01", { numerator: 10, denominator: 20 })] },
      { unitCode: "00008", entries: [parsed("S01", { numerator: 10, denominator: null })] },
    ];
    const s01 = figure(aggregate(catalog, period("2026-Q1"), reports, units), "S01");
    expect(s01).toMatchObject({ value: 50, numeratorSum: 10, denominatorSum: 20, unitsIncluded: ["00004"] });
    expect(s01.unitsMissing).toContain("00008");
  });

  it("equals the rate of the pooled data, whatever the units report", () => {
    // Each unit is a list of residents, true = examined (S01); the city rate must be that of all residents pooled.
    const unitArb = fc.array(fc.boolean(), { minLength: 1, maxLength: 200 });
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 1, maxLength: 126 }), (people) => {
        const reports: UnitReport[] = people.map((residents, i) => ({
          unitCode: wardCodes[i],
          entries: [parsed("S01", { numerator: residents.filter(Boolean).length, denominator: residents.length })],
        }));
        const pooled = people.flat();
        const rate = (100 * pooled.filter(Boolean).length) / pooled.length;
        const s01 = figure(aggregate(catalog, period("2026"), reports, units), "S01");
        expect(s01.value).toBeCloseTo(rate, 9);
        expect(s01.unitsIncluded).toHaveLength(people.length);
        expect(s01.unitsMissing).toHaveLength(126 - people.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("aggregate: city only and milestones", () => {
  it("takes the one city figure and judges it", () => {
    const figs = aggregate(
      catalog,
      period("2026"),
      [{ unitCode: "HN", entries: [parsed("E01", { value: 11.2 }), parsed("E05", { value: 4.5 })] }],
      units,
    );
    expect(figure(figs, "E01")).toMatchObject({
      value: 11.2,
      unitsExpected: ["HN"],
      unitsIncluded: ["HN"],
      progress: "met",
    });
    expect(figure(figs, "E05")).toMatchObject({ value: 4.5, progress: "at_risk" }); // "dưới 4,5%": 4.5 is not met
  });

  it("says no data, with no value, when nobody reported", () => {
    const e01 = figure(aggregate(catalog, period("2026"), [], units), "E01");
    expect(e01).toMatchObject({ value: null, progress: "no_data", unitsIncluded: [], unitsMissing: ["HN"] });
  });

  it("gives a milestone the least advanced state reported", () => {
    const reports: UnitReport[] = [
      { unitCode: "S-XD", entries: [parsed("U11", { milestone: "in_progress" })] },
      { unitCode: "DEMO-02", entries: [parsed("U11", { milestone: "not_started" })] },
    ];
    expect(figure(aggregate(catalog, period("2026-Q2"), reports, units), "U11")).toMatchObject({
      milestone: "in_progress",
      value: null,
      progress: "on_track",
      unitsIncluded: ["S-XD"],
    });
    expect(figure(aggregate(catalog, period("2026-Q2"), reports, units, { includeDemo: true }), "U11")).toMatchObject({
      milestone: "not_started",
      progress: "at_risk",
    });
  });

  it("returns one figure per catalog target, in catalog order, with the period's target", () => {
    const figs = aggregate(catalog, period("2027"), [], units);
    expect(figs.map((f) => f.targetId)).toEqual(catalog.targets.map((t) => t.id));
    expect(figure(figs, "E01").target).toEqual({ kind: "value", year: 2027, value: 11, unitOfMeasure: "%/năm" });
    expect(figure(figs, "E03").target).toEqual({ kind: "none", year: 2027, termTarget: null });
  });
});
