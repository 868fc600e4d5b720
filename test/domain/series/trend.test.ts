/**
 * Trends (src/domain/series/trend.ts, brief.ts): every unit's own figures per period, who slipped most, the ten units
 * worst on a bottleneck, and the brief of a month — N/A and missing stay distinct and are never 0.
 */
import {
  bottleneckTargets,
  buildTrend,
  monthlyBrief,
  trackChange,
  unitSlips,
  worstUnits,
  type Target,
} from "../../../src/domain";
import { catalog, units } from "../helpers";
import { BA_DINH, GIANG_VO, NGOC_HA, Reports } from "./data";

const target = (id: string): Target => catalog.targets.find((t) => t.id === id)!;

/** U13 (congestion points, fewer is better); P03 (new party members, more is better) */
function data() {
  const r = new Reports();
  // 00004: U13 2 → 3 → 5 (worse); 00008: 6 → 4 → 1 (better); 00025: 3, N/A in February, 3 (same)
  for (const [m, a, b, c] of [
    ["2026-01", 2, 6, 3],
    ["2026-02", 3, 4, null],
    ["2026-03", 5, 1, 3],
  ] as const) {
    r.value(m, BA_DINH, "U13", a).value(m, NGOC_HA, "U13", b);
    if (c === null) r.notApplicable(m, GIANG_VO, "U13");
    else r.value(m, GIANG_VO, "U13", c);
  }
  return buildTrend({ catalog, registry: units, reports: r.byPeriod, from: "2026-01", to: "2026-03" });
}

describe("buildTrend", () => {
  it("gives every target's city series and each unit's own figures, N/A and missing never 0", () => {
    const d = data();
    expect(d.periods).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(d.targets).toHaveLength(catalog.targets.length);
    const u13 = d.targets.find((s) => s.targetId === "U13")!;
    expect(u13.points.map((p) => p.figure)).toEqual([11, 7, 9]);
    const track = (code: string) => d.units.find((u) => u.unitCode === code && u.targetId === "U13")!;
    expect(track(GIANG_VO).states).toEqual(["value", "not_applicable", "value"]);
    expect(track(GIANG_VO).figures).toEqual([3, null, 3]);
    const silent = track("00070");
    expect(silent.states).toEqual(["missing", "missing", "missing"]);
    expect(silent.figures).toEqual([null, null, null]);
    // a quarterly target read over months is not due in any of them: no unit track claims a figure for it
    expect(d.units.filter((u) => u.targetId === "P03")).toEqual([]);
  });

  it("gives a unit's own trend without the other units", () => {
    const r = new Reports().value("2026-01", BA_DINH, "U13", 2);
    const d = buildTrend({
      catalog,
      registry: units,
      reports: r.byPeriod,
      from: "2026-01",
      to: "2026-02",
      unitCode: BA_DINH,
    });
    expect(d.scope).toBe("unit");
    expect(d.units).toEqual([]);
    expect(d.targets.find((s) => s.targetId === "U13")!.points.map((p) => p.state)).toEqual(["value", "missing"]);
  });
});

describe("who slipped", () => {
  it("measures a unit's change from its first to its last figure, by the target's direction", () => {
    const d = data();
    const change = (code: string) =>
      trackChange(
        target("U13"),
        d.units.find((u) => u.unitCode === code && u.targetId === "U13")!,
        d.periods,
      );
    expect(change(BA_DINH)).toMatchObject({ delta: 3, better: false, first: { figure: 2 }, last: { figure: 5 } });
    expect(change(BA_DINH).slip).toBeCloseTo(150, 10);
    expect(change(NGOC_HA)).toMatchObject({ delta: -5, better: true });
    expect(change(GIANG_VO)).toMatchObject({ delta: 0, better: null, slip: 0 });
    expect(change("00070")).toMatchObject({ first: null, last: null, delta: null, slip: null, better: null });
  });

  it("sorts units by who slipped most and keeps only the units that got worse among the worst ten", () => {
    const d = data();
    const slips = unitSlips(catalog.targets, d);
    expect(slips[0]).toMatchObject({ unitCode: BA_DINH, worse: 1, better: 0 });
    expect(slips.find((u) => u.unitCode === NGOC_HA)).toMatchObject({ worse: 0, better: 1 });
    expect(worstUnits(target("U13"), d).map((x) => x.track.unitCode)).toEqual([BA_DINH]);
    expect(bottleneckTargets(catalog.targets).map((t) => t.id)).toEqual(
      expect.arrayContaining(["U13", "U14", "U15", "U16", "U03", "U05"]),
    );
  });
});

describe("monthlyBrief", () => {
  it("lists the bottleneck's change and the units missing of the month", () => {
    const d = data();
    const b = monthlyBrief(catalog, d, "2026-03");
    const u13 = b.bottlenecks.find((x) => x.targetId === "U13")!;
    expect(u13).toMatchObject({ previous: 7, better: false });
    expect(u13.point.figure).toBe(9);
    // units missing on any target due in March (the three wards gave U13 only, so they miss U14–U16)
    expect(b.unitsMissing).toEqual(expect.arrayContaining(["00070", BA_DINH, "HN"]));
    expect(u13.point.unitsMissing).toContain("00070");
    expect(u13.point.unitsMissing).not.toContain(BA_DINH);
    expect(u13.point.unitsMissing).not.toContain(GIANG_VO);
    // U13 has no target for 2026: due, reported, not judged
    expect(b.unjudged.map((x) => x.targetId)).toContain("U13");
    // a quarterly target is not due in March's brief … of months: not listed at all
    expect([...b.onPace, ...b.offPace, ...b.unjudged].map((x) => x.targetId)).not.toContain("P03");
  });
});
