/** Series (issue 21): pace toward the year's target, "no target set", and series of a group of units. */
import { expectedReporters, findTarget, isAppError, parsePeriod, type Period, type Target } from "../../../src/domain";
import { catalog, units } from "../helpers";
import { BA_DINH, CITY, GIANG_VO, NGOC_HA, Reports, months, seriesOf } from "./data";

const t = (id: string) => findTarget(catalog, id) as Target;

/** Every unit that reports P03 in a quarter, each with `each`, the first one with `each + extra`. */
function p03Quarter(r: Reports, quarter: string, each: number, extra: number, skip: string[] = []): number {
  const codes = expectedReporters(catalog, units, parsePeriod(quarter) as Period, "P03").map((u) => u.code);
  codes.forEach((c, i) => {
    if (!skip.includes(c)) r.value(quarter, c, "P03", each + (i === 0 ? extra : 0));
  });
  return codes.length;
}

describe("pace toward the year's target", () => {
  it("P03 (new Party members, ≥ 9,744 in 2026) by quarters: the worked example of the README", () => {
    expect(t("P03")).toMatchObject({ timeAggregation: "sum", direction: ">=", frequency: "quarter" });
    const r = new Reports();
    const n = p03Quarter(r, "2026-Q1", 19, 2436 - 126 * 19); // Q1 = 2,436: the pro-rata share of 3 months
    expect(n).toBe(126);
    p03Quarter(r, "2026-Q2", 12, 1564 - 126 * 12); // Q2 = 1,564: year to date 4,000
    const s = seriesOf(r, "P03", { from: "2026-Q1", to: "2026-Q2" });
    expect(s.points.map((p) => p.figure)).toEqual([2436, 1564]);
    expect(s.points[0].pace).toMatchObject({ kind: "value", basis: "ytd", target: 9744, months: 3, expected: 2436 });
    expect(s.points[0].pace).toMatchObject({ compared: 2436, progress: "on_track" });
    // Q2: pro-rata 4,872; 4,000 is under 90 % of it (4,384.8) → off track
    expect(s.points[1].ytd.figure).toBe(4000);
    expect(s.points[1].pace).toMatchObject({ months: 6, expected: 4872, compared: 4000, progress: "off_track" });
    expect(s.points[1].change.previous).toMatchObject({ periodId: "2026-Q1", delta: -872, better: false });
  });

  it("judges no pace from an incomplete year to date (one ward missing in Q1)", () => {
    const r = new Reports();
    p03Quarter(r, "2026-Q1", 20, 0, [NGOC_HA]);
    p03Quarter(r, "2026-Q2", 20, 0);
    const s = seriesOf(r, "P03", { from: "2026-Q1", to: "2026-Q2" });
    expect(s.points[0]).toMatchObject({ state: "value", complete: false, unitsMissing: [NGOC_HA], figure: 2500 });
    expect(s.points[1].ytd).toMatchObject({ figure: null, known: 2500 + 2520, complete: false, gaps: ["2026-Q1"] });
    expect(s.points[1].pace).toMatchObject({ kind: "value", compared: null, progress: null, expected: 4872 });
  });

  it("a level (E04, GRDP-like growth ≥ 12 % in 2026) stands at its target in every period", () => {
    const r = new Reports().value("2026-01", CITY, "E04", 12.6).value("2026-02", CITY, "E04", 11.5);
    r.value("2026-03", CITY, "E04", 10);
    const s = seriesOf(r, "E04", { from: "2026-01", to: "2026-03" });
    expect(s.points.map((p) => p.pace)).toMatchObject([
      { kind: "value", basis: "level", expected: 12, compared: 12.6, progress: "on_track" },
      { expected: 12, compared: 11.5, progress: "at_risk" },
      { expected: 12, compared: 10, progress: "off_track" },
    ]);
  });

  it("a year without a target in the catalog is 'no target set', never a number (U09 in 2027)", () => {
    expect(t("U09").targetByYear[2027]).toBeUndefined();
    const r = new Reports().ratio("2026-Q4", BA_DINH, "U09", 95, 100).ratio("2027-Q1", BA_DINH, "U09", 97, 100);
    const s = seriesOf(r, "U09", { from: "2026-Q4", to: "2027-Q1", unitCode: BA_DINH });
    expect(s.points[0].pace).toMatchObject({
      kind: "value",
      year: 2026,
      target: 100,
      compared: 95,
      progress: "at_risk",
    });
    expect(s.points[1].pace).toEqual({ kind: "no_target", year: 2027, termTarget: 100 });
  });

  it("a unit's figure of a target summed over units is never paced against the city total", () => {
    const r = new Reports().value("2026-Q1", BA_DINH, "P03", 30);
    const s = seriesOf(r, "P03", { from: "2026-Q1", to: "2026-Q1", unitCode: BA_DINH });
    expect(s.points[0].pace).toEqual({ kind: "city_total", year: 2026 });
  });

  it("a milestone's pace is its deadline (U11, the state as the point)", () => {
    const s = seriesOf(new Reports(), "U11", { from: "2026-Q1", to: "2026-Q1" });
    expect(s.points[0].pace).toMatchObject({ kind: "deadline", date: "2027-12-31", progress: null });
    expect(s.points[0].state).toBe("missing");
  });
});

describe("a group series", () => {
  it("sums a flow over the group's units and names the unit missing", () => {
    const group = [BA_DINH, NGOC_HA, GIANG_VO];
    const r = new Reports();
    for (const m of months(2026, 1, 2)) r.value(m, BA_DINH, "U15", 3).value(m, NGOC_HA, "U15", 4);
    r.value("2026-02", GIANG_VO, "U15", 5);
    const s = seriesOf(r, "U15", { from: "2026-01", to: "2026-02", unitCodes: group });
    expect(s.scope).toBe("group");
    expect(s.points.map((p) => [p.figure, p.unitsExpected, p.unitsIncluded, p.complete])).toEqual([
      [7, 3, 2, false],
      [12, 3, 3, true],
    ]);
    expect(s.points[0].unitsMissing).toEqual([GIANG_VO]);
    expect(s.points[1].ytd).toMatchObject({ figure: null, known: 19, gaps: ["2026-01"] });
    expect(s.points[1].change.previous).toMatchObject({ delta: 5, complete: false });
    expect(s.points[1].pace).toEqual({ kind: "city_total", year: 2026 });
  });

  it("divides the group's sums for a ratio (U09), and a unit's N/A is neither included nor missing", () => {
    const r = new Reports().ratio("2026-Q1", BA_DINH, "U09", 10, 100).ratio("2026-Q1", NGOC_HA, "U09", 890, 900);
    r.notApplicable("2026-Q1", GIANG_VO, "U09");
    const s = seriesOf(r, "U09", { from: "2026-Q1", to: "2026-Q1", unitCodes: [BA_DINH, NGOC_HA, GIANG_VO] });
    expect(s.points[0]).toMatchObject({ figure: 90, numeratorSum: 900, denominatorSum: 1000, complete: true });
    expect(s.points[0].unitsNotApplicable).toEqual([GIANG_VO]);
  });

  it("a named group (the wards) counts only its own units", () => {
    const wards = units.all().filter((u) => !u.demo && u.groups.includes("wards")).length;
    const r = new Reports().value("2026-01", BA_DINH, "U14", 2).value("2026-01", "00376", "U14", 9); // 00376: a commune
    const s = seriesOf(r, "U14", { from: "2026-01", to: "2026-01", group: "wards" });
    expect(s.points[0]).toMatchObject({ figure: 2, unitsExpected: wards, unitsIncluded: 1 });
  });

  it("refuses an unknown unit or a group without units, in both languages", () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isAppError(e) ? [e.code, e.messages.vi.length > 0, e.messages.en.length > 0] : String(e);
      }
      return "no error";
    };
    const range = { from: "2026-01", to: "2026-02" };
    expect(codeOf(() => seriesOf(new Reports(), "U14", { ...range, unitCode: "99999" }))).toEqual([
      "CT_SERIES_UNIT",
      true,
      true,
    ]);
    expect(codeOf(() => seriesOf(new Reports(), "U14", { ...range, group: "no-such-group" }))).toEqual([
      "CT_SERIES_GROUP",
      true,
      true,
    ]);
  });
});
