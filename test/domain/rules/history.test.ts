/** History checks (issue #14): a figure far outside the unit's own history warns, with the earlier figures. */
import { HISTORY_THRESHOLDS, historyOutlier, validate, type UnitHistory } from "../../../src/domain";
import { parseHistoryThresholds } from "../../../src/domain/rules/history";
import { ctx, wardReport, withEntry } from "../helpers";

const months = (...xs: number[]): UnitHistory => ({
  earlier: xs.map((figure, i) => ({ period: `2026-${String(i + 1).padStart(2, "0")}`, figure })),
});

describe("historyOutlier", () => {
  it("flags a figure far from the median of the earlier periods (modified z-score above 3.5)", () => {
    expect(historyOutlier(120, months(10, 12, 11, 13))).toMatchObject({
      basis: "earlier_periods",
      shown: "2026-01: 10; 2026-02: 12; 2026-03: 11; 2026-04: 13",
    });
    expect(historyOutlier(14, months(10, 12, 11, 13))).toBeNull();
  });

  it("takes the median of an odd and of an even number of earlier periods, whatever their order", () => {
    // median 12, deviations 2,0,1,2,1 → MAD 1: 17 is 3.37 MADs out (not far), 18 is 4.05 (far)
    expect(historyOutlier(17, months(14, 12, 11, 10, 13))).toBeNull();
    expect(historyOutlier(18, months(14, 12, 11, 10, 13))).toMatchObject({ median: 12 });
    expect(historyOutlier(40, months(13, 10, 12, 11))).toMatchObject({ median: 11.5 });
  });

  it("needs at least three earlier periods, and ignores small counts that move a little", () => {
    expect(historyOutlier(120, months(10, 12))).toBeNull();
    expect(historyOutlier(4, months(1, 1, 1))).toBeNull(); // 3 apart: under the minimum change of 5
    expect(historyOutlier(9, months(1, 1, 1))).toMatchObject({ basis: "earlier_periods" });
  });

  it("compares with the same period a year before: more than 3 times, or under a third", () => {
    const prev = { earlier: [], yearBefore: { period: "2025-Q1", figure: 40 } };
    expect(historyOutlier(130, prev)).toMatchObject({ basis: "year_before", shown: "2025-Q1: 40" });
    expect(historyOutlier(12, prev)).toMatchObject({ basis: "year_before" });
    expect(historyOutlier(70, prev)).toBeNull();
  });

  it("takes thresholds a planner sets", () => {
    expect(
      historyOutlier(
        70,
        { earlier: [], yearBefore: { period: "2025-Q1", figure: 40 } },
        { ...HISTORY_THRESHOLDS, maxRatio: 1.5 },
      ),
    ).not.toBeNull();
  });
});

describe("parseHistoryThresholds (CHITIEU_HISTORY_THRESHOLDS)", () => {
  it("takes any of the five names, the others keeping their defaults", () => {
    expect(parseHistoryThresholds("maxZ=4, maxRatio=5")).toEqual({ ...HISTORY_THRESHOLDS, maxZ: 4, maxRatio: 5 });
    expect(parseHistoryThresholds("")).toEqual(HISTORY_THRESHOLDS);
    expect(parseHistoryThresholds("minPeriods=6,flatChange=0.25,minChange=0")).toMatchObject({
      minPeriods: 6,
      flatChange: 0.25,
      minChange: 0,
    });
  });

  it("refuses an unknown name, a value that is not a number ≥ 0, and a minPeriods under 1 or not whole", () => {
    for (const bad of ["maxz=4", "maxZ=", "maxZ=four", "maxZ=-1", "maxZ=4=5", "minPeriods=0", "minPeriods=2.5", "x"])
      expect(parseHistoryThresholds(bad)).toBeNull();
  });
});

describe("validate with the unit's history", () => {
  const history = { U13: months(3, 2, 3, 2), U15: months(4, 5, 6) };

  it("warns on a history outlier, showing the earlier figures, and accepts it once confirmed with a note", () => {
    const r = validate(
      wardReport(
        { period: "2026-05" },
        withEntry("U13", { value: "40" }).filter((e) => ["U13", "U14", "U15", "U16"].includes(e.targetId)),
      ),
      { ...ctx, history },
    );
    const w = r.issues.find((i) => i.code === "history_outlier");
    expect(w).toMatchObject({ severity: "warning", targetId: "U13", justified: false });
    expect(w?.message.vi).toContain("2026-01: 3; 2026-02: 2; 2026-03: 3; 2026-04: 2");
    expect(w?.message.en).toContain("far from the unit's earlier figures");
    expect(r.ok).toBe(false);
    const confirmed = validate(
      wardReport(
        { period: "2026-05" },
        withEntry("U13", { value: "40", justification: "Mưa lớn kéo dài, nhiều điểm ùn tắc mới" }).filter((e) =>
          ["U13", "U14", "U15", "U16"].includes(e.targetId),
        ),
      ),
      { ...ctx, history },
    );
    expect(confirmed.issues.find((i) => i.code === "history_outlier")?.justified).toBe(true);
    expect(confirmed.ok).toBe(true);
  });

  it("says nothing about a figure within the history", () => {
    const r = validate(
      wardReport(
        { period: "2026-05" },
        withEntry("U13", { value: "3" }).filter((e) => ["U13", "U14", "U15", "U16"].includes(e.targetId)),
      ),
      { ...ctx, history },
    );
    expect(r.issues.filter((i) => i.code === "history_outlier")).toEqual([]);
  });
});
