import { defaultCatalog } from "../../src/domain/catalog";
import { buildScorecard, PROGRESS_ORDER } from "../../src/domain/scorecard/scorecard";
import type { Catalog, CityFigure, Target, TargetProgress } from "../../src/domain/types";

function figure(t: Target, progress: TargetProgress): CityFigure {
  return {
    targetId: t.id,
    aggregation: t.aggregation,
    value: progress === "no_data" ? null : 1,
    numeratorSum: null,
    denominatorSum: null,
    milestone: null,
    unitsExpected: [],
    unitsIncluded: [],
    unitsMissing: [],
    progress,
    target: { kind: "none", year: 2026, termTarget: null },
  };
}

describe("buildScorecard", () => {
  const catalog = defaultCatalog();

  it("counts every catalog target exactly once in the total and in its group", () => {
    const figures = catalog.targets.map((t, i) => figure(t, PROGRESS_ORDER[i % PROGRESS_ORDER.length]));
    const card = buildScorecard(catalog, figures);
    expect(card.total.total).toBe(43);
    expect(card.byGroup.map((g) => g.key)).toEqual(["economy", "society", "urban_environment", "party_building"]);
    expect(card.byGroup.reduce((s, g) => s + g.counts.total, 0)).toBe(43);
    for (const p of PROGRESS_ORDER) expect(card.byGroup.reduce((s, g) => s + g.counts[p], 0)).toBe(card.total[p]);
    // 43 targets over 6 statuses in turn: 8,7,7,7,7,7
    expect(PROGRESS_ORDER.map((p) => card.total[p])).toEqual([8, 7, 7, 7, 7, 7]);
  });

  it("counts a target with two bottlenecks in both bottleneck rows", () => {
    const figures = catalog.targets.map((t) => figure(t, t.id === "U06" ? "off_track" : "met"));
    const card = buildScorecard(catalog, figures);
    const pollution = card.byBottleneck.find((b) => b.key === "pollution");
    const flooding = card.byBottleneck.find((b) => b.key === "flooding");
    expect(pollution?.targetIds).toContain("U06");
    expect(flooding?.targetIds).toContain("U06");
    expect(pollution?.counts.off_track).toBe(1);
    expect(flooding?.counts.off_track).toBe(1);
    // U05, U06, U07, U08, U09, U11, U12 watch pollution; U06, U11, U14 flooding (catalog data)
    const expectedPollution = catalog.targets.filter((t) => t.bottlenecks.includes("pollution")).map((t) => t.id);
    expect(pollution?.targetIds).toEqual(expectedPollution);
    expect(pollution?.counts.total).toBe(expectedPollution.length);
    const sumBottlenecks = card.byBottleneck.reduce((s, b) => s + b.counts.total, 0);
    expect(sumBottlenecks).toBe(catalog.targets.reduce((s, t) => s + t.bottlenecks.length, 0));
  });

  it("counts a target without a city figure as no data, never as met", () => {
    const figures = catalog.targets.filter((t) => t.group !== "economy").map((t) => figure(t, "met"));
    const card = buildScorecard(catalog, figures);
    const economy = card.byGroup.find((g) => g.key === "economy");
    const n = catalog.targets.filter((t) => t.group === "economy").length;
    expect(economy?.counts.no_data).toBe(n);
    expect(economy?.counts.met).toBe(0);
    expect(card.total.met).toBe(43 - n);
  });

  it.each<[TargetProgress]>([["met"], ["on_track"], ["at_risk"], ["off_track"], ["no_target"], ["no_data"]])(
    "puts a %s figure in its own column",
    (p) => {
      const t = catalog.targets[0];
      const card = buildScorecard({ version: "x", targets: [t] } as Catalog, [figure(t, p)]);
      expect(card.total[p]).toBe(1);
      expect(card.total.total).toBe(1);
      expect(card.targets).toEqual([{ targetId: t.id, group: t.group, bottlenecks: t.bottlenecks, progress: p }]);
    },
  );

  it("ignores a figure for a target that is not in the catalog", () => {
    const t = catalog.targets[0];
    const stray = { ...figure(t, "met"), targetId: "Z99" };
    const card = buildScorecard({ version: "x", targets: [t] } as Catalog, [stray]);
    expect(card.total).toMatchObject({ met: 0, no_data: 1, total: 1 });
  });
});
