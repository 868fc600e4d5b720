import { aggregate, parsePeriod, type ParsedEntry } from "../../src/domain";
import { viewFromEndpoint, type EndpointCompleteness, type EndpointConsolidation } from "../../src/domain/scorecard";
import { catalog, units } from "./helpers";

const period =
  parsePeriod("2026-Q1") ??
  (() => {
    throw new Error("period");
  })();

function entry(targetId: string, e: Partial<ParsedEntry>): ParsedEntry {
  return {
    targetId,
    value: null,
    numerator: null,
    denominator: null,
    milestone: null,
    justification: null,
    evidence: null,
    responsible: null,
    ...e,
  };
}

describe("viewFromEndpoint", () => {
  const reports = [
    { unitCode: "00004", entries: [entry("S01", { numerator: 50, denominator: 100 }), entry("S02", { value: 3 })] },
    { unitCode: "00008", entries: [entry("S01", { numerator: 900, denominator: 1000 })] },
  ];
  const expected = ["00004", "00008", "00025"];
  const figures = aggregate(catalog, period, reports, units, { unitCodes: expected });
  const consolidation: EndpointConsolidation = {
    period: "2026-Q1",
    group: "wards",
    catalogVersion: catalog.version,
    unitsExpected: expected,
    matrix: reports.map((r, i) => ({
      unitCode: r.unitCode,
      unitName: { vi: r.unitCode, en: r.unitCode },
      submissionId: `sub-${i}`,
      status: "submitted",
      entries: r.entries,
    })),
    figures,
  };
  const completeness: EndpointCompleteness = {
    counts: { expected: 3, submitted: 2, onTime: 1, late: 1, missing: 1, returned: 1 },
    units: [
      {
        unitCode: "00004",
        unitName: { vi: "Phường Ba Đình", en: "Ba Dinh Ward" },
        kind: "ward",
        state: "submitted",
        onTime: true,
        firstReceivedAt: "2026-04-02T01:00:00Z",
        comment: null,
      },
      {
        unitCode: "00008",
        unitName: { vi: "Phường Ngọc Hà", en: "Ngoc Ha Ward" },
        kind: "ward",
        state: "returned",
        onTime: false,
        firstReceivedAt: "2026-04-15T01:00:00Z",
        comment: "Thiếu mẫu số S09",
      },
      {
        unitCode: "00025",
        unitName: { vi: "Phường Giảng Võ", en: "Giang Vo Ward" },
        kind: "ward",
        state: "missing",
        onTime: null,
        firstReceivedAt: null,
        comment: null,
      },
    ],
  };
  const view = viewFromEndpoint(consolidation, completeness, {
    catalog,
    period,
    units,
    generatedAt: "2026-04-20T00:00:00Z",
  });

  it("keeps the endpoint's city figures and counts as they are", () => {
    expect(view.figures).toBe(figures);
    expect(view.figures.find((f) => f.targetId === "S01")).toMatchObject({ numeratorSum: 950, denominatorSum: 1100 });
    expect(view.completeness.totals).toEqual({
      expected: 3,
      submitted: 2,
      onTime: 1,
      late: 1,
      missing: 1,
      returned: 1,
      rejected: 0,
    });
    expect(view.units.map((u) => u.code)).toEqual(expected);
    expect(view.source).toBe("endpoint");
    expect(view.group.id).toBe("wards");
  });

  it("judges each unit's own figure in the matrix with the domain's assess()", () => {
    const s01 = view.matrix.filter((m) => m.targetId === "S01");
    expect(s01.map((m) => [m.unitCode, m.figure])).toEqual([
      ["00004", 50],
      ["00008", 90],
    ]);
    // S01's 2026 target is ≥ 100 %: both units are below it
    for (const m of s01) expect(["at_risk", "off_track"]).toContain(m.progress);
  });

  it("maps completeness states and carries the planner's comment", () => {
    expect(view.completeness.rows.map((r) => r.state)).toEqual(["on_time", "returned", "missing"]);
    expect(view.completeness.rows[1].note?.vi).toContain("Thiếu mẫu số S09");
    expect(view.completeness.rows[0].source).toBe("sub-0");
  });

  it("counts the scorecard from the figures", () => {
    expect(view.scorecard.total.total).toBe(catalog.targets.length);
    expect(view.scorecard.total.no_data).toBe(figures.filter((f) => f.progress === "no_data").length);
  });
});
