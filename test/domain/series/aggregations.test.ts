/** Series across months (issue 21): each time aggregation, N/A, missing and not yet due, change between periods. */
import { findTarget, isAppError, type Target } from "../../../src/domain";
import { catalog } from "../helpers";
import { BA_DINH, CITY, Reports, months, seriesOf } from "./data";

const t = (id: string) => findTarget(catalog, id) as Target;
const figures = (s: { points: { figure: number | null }[] }) => s.points.map((p) => p.figure);

describe("a series across months, by time_aggregation", () => {
  it("sum (U15, food-safety violations): the year to date adds the months", () => {
    expect(t("U15").timeAggregation).toBe("sum");
    const r = new Reports();
    months(2026, 1, 4).forEach((m, i) => r.value(m, BA_DINH, "U15", [3, 4, 5, 2][i]));
    const s = seriesOf(r, "U15", { from: "2026-01", to: "2026-04", unitCode: BA_DINH });
    expect(s.scope).toBe("unit");
    expect(s.points.map((p) => p.periodId)).toEqual(months(2026, 1, 4));
    expect(figures(s)).toEqual([3, 4, 5, 2]);
    expect(s.points.map((p) => p.ytd.figure)).toEqual([3, 7, 12, 14]);
    expect(s.points.every((p) => p.ytd.complete)).toBe(true);
  });

  it("the year to date starts again in January, from data before the range", () => {
    const r = new Reports();
    for (const m of [...months(2026), ...months(2027, 1, 2)]) r.value(m, BA_DINH, "U15", 10);
    const s = seriesOf(r, "U15", { from: "2026-12", to: "2027-02", unitCode: BA_DINH });
    // 2026-12 counts January to November, which lie before the range
    expect(s.points.map((p) => p.ytd.figure)).toEqual([120, 10, 20]);
    // and without them the year to date of December is incomplete, not December alone
    const late = new Reports().value("2026-11", BA_DINH, "U15", 10).value("2026-12", BA_DINH, "U15", 10);
    const dec = seriesOf(late, "U15", { from: "2026-12", to: "2026-12", unitCode: BA_DINH }).points[0].ytd;
    expect(dec).toMatchObject({ figure: null, known: 20, complete: false });
    expect(dec.gaps).toEqual(months(2026, 1, 10));
  });

  it("last (U14, flooding points, a stock): the year to date is the latest month, never a sum", () => {
    expect(t("U14").timeAggregation).toBe("last");
    const r = new Reports();
    months(2026, 1, 3).forEach((m, i) => r.value(m, BA_DINH, "U14", [12, 10, 7][i]));
    const s = seriesOf(r, "U14", { from: "2026-01", to: "2026-03", unitCode: BA_DINH });
    expect(figures(s)).toEqual([12, 10, 7]);
    expect(s.points.map((p) => p.ytd.figure)).toEqual([12, 10, 7]);
  });

  it("mean (E04, reported by the city statistics unit): the year to date is the mean of the months", () => {
    expect(t("E04").timeAggregation).toBe("mean");
    const r = new Reports();
    months(2026, 1, 3).forEach((m, i) => r.value(m, CITY, "E04", [10, 14, 12.6][i]));
    const s = seriesOf(r, "E04", { from: "2026-01", to: "2026-03" });
    expect(s.scope).toBe("city");
    expect(figures(s)).toEqual([10, 14, 12.6]);
    expect(s.points[1].ytd.figure).toBe(12);
    expect(s.points[2].ytd.figure).toBeCloseTo(12.2, 10);
  });

  it("ratio_of_sums (U09, quarterly): Σ numerators / Σ denominators, never the mean of the percentages", () => {
    expect(t("U09").timeAggregation).toBe("ratio_of_sums");
    const r = new Reports().ratio("2026-Q1", BA_DINH, "U09", 1, 10).ratio("2026-Q2", BA_DINH, "U09", 90, 100);
    const s = seriesOf(r, "U09", { from: "2026-Q1", to: "2026-Q2", unitCode: BA_DINH });
    expect(figures(s)).toEqual([10, 90]);
    expect(s.points[1].ytd.figure).toBeCloseTo((100 * 91) / 110, 10); // not (10 + 90) / 2 = 50
    expect(s.points[1].ytd.figure).not.toBeCloseTo(50, 1);
  });

  it("a quarter series is built from the months of a unit without a quarter report", () => {
    const r = new Reports();
    months(2026, 1, 3).forEach((m, i) =>
      r.value(m, BA_DINH, "U15", [3, 4, 5][i]).value(m, BA_DINH, "U14", [9, 8, 6][i]),
    );
    const sum = seriesOf(r, "U15", { from: "2026-Q1", to: "2026-Q1", unitCode: BA_DINH });
    const last = seriesOf(r, "U14", { from: "2026-Q1", to: "2026-Q1", unitCode: BA_DINH });
    expect(figures(sum)).toEqual([12]);
    expect(figures(last)).toEqual([6]);
    // a quarter's own report wins over its months
    r.value("2026-Q1", BA_DINH, "U15", 13);
    expect(figures(seriesOf(r, "U15", { from: "2026-Q1", to: "2026-Q1", unitCode: BA_DINH }))).toEqual([13]);
  });
});

describe("not applicable, missing and not yet due", () => {
  it("are distinct states, carry no figure and are never 0", () => {
    const r = new Reports().value("2026-01", BA_DINH, "U15", 4).notApplicable("2026-02", BA_DINH, "U15");
    const s = seriesOf(r, "U15", { from: "2026-01", to: "2026-03", unitCode: BA_DINH });
    expect(s.points.map((p) => p.state)).toEqual(["value", "not_applicable", "missing"]);
    expect(figures(s)).toEqual([4, null, null]);
    expect(s.points[1].unitsNotApplicable).toEqual([BA_DINH]);
    expect(s.points[2].unitsMissing).toEqual([BA_DINH]);
    for (const p of s.points.slice(1)) expect(p.figure).not.toBe(0);
  });

  it("a flow's year to date with a missing month is incomplete, not a sum over a 0", () => {
    const r = new Reports().value("2026-01", BA_DINH, "U15", 4).value("2026-03", BA_DINH, "U15", 5);
    const s = seriesOf(r, "U15", { from: "2026-01", to: "2026-03", unitCode: BA_DINH });
    expect(s.points[1].state).toBe("missing");
    const march = s.points[2].ytd;
    expect(march).toMatchObject({ figure: null, known: 9, complete: false, gaps: ["2026-02"] });
  });

  it("a month answered not applicable is not a gap in the year to date", () => {
    const r = new Reports()
      .value("2026-01", BA_DINH, "U15", 4)
      .notApplicable("2026-02", BA_DINH, "U15")
      .value("2026-03", BA_DINH, "U15", 5);
    const s = seriesOf(r, "U15", { from: "2026-01", to: "2026-03", unitCode: BA_DINH });
    expect(s.points[2].ytd).toMatchObject({ figure: 9, complete: true, gaps: [] });
  });

  it("a target not asked for in months (P03, quarterly) is not due, neither missing nor 0", () => {
    expect(t("P03").frequency).toBe("quarter");
    const s = seriesOf(new Reports(), "P03", { from: "2026-01", to: "2026-03", unitCode: BA_DINH });
    expect(s.points.map((p) => [p.state, p.notDue, p.figure])).toEqual([
      ["not_due", "cadence", null],
      ["not_due", "cadence", null],
      ["not_due", "cadence", null],
    ]);
    expect(s.points[2].ytd.gaps).toEqual([]);
  });

  it("a period that has not ended on the day read is not yet due", () => {
    const r = new Reports().value("2026-01", BA_DINH, "U15", 4);
    const asOf = new Date("2026-02-10T03:00:00Z");
    const s = seriesOf(r, "U15", { from: "2026-01", to: "2026-03", unitCode: BA_DINH, asOf });
    expect(s.points.map((p) => [p.state, p.notDue])).toEqual([
      ["value", null],
      ["not_due", "not_ended"],
      ["not_due", "not_ended"],
    ]);
    expect(s.points[2].ytd).toMatchObject({ figure: 4, complete: true });
  });

  it("a target that does not apply to the unit is not applicable (E04 for a ward)", () => {
    const s = seriesOf(new Reports(), "E04", { from: "2026-01", to: "2026-02", unitCode: BA_DINH });
    expect(s.points.map((p) => [p.state, p.figure, p.unitsExpected])).toEqual([
      ["not_applicable", null, 0],
      ["not_applicable", null, 0],
    ]);
  });
});

describe("change against the previous period and the same period a year before", () => {
  it("gives the difference, its share and whether it is better by the target's direction", () => {
    expect(t("U14").direction).toBe("<=");
    const r = new Reports().value("2026-03", BA_DINH, "U14", 8);
    r.value("2027-02", BA_DINH, "U14", 5).value("2027-03", BA_DINH, "U14", 6);
    const s = seriesOf(r, "U14", { from: "2027-03", to: "2027-03", unitCode: BA_DINH });
    const c = s.points[0].change;
    expect(c.previous).toMatchObject({ periodId: "2027-02", state: "value", delta: 1, percent: 20, better: false });
    expect(c.yearAgo).toMatchObject({ periodId: "2026-03", state: "value", delta: -2, percent: -25, better: true });
  });

  it("a floor target that rises is better (E04, ≥ 12 %)", () => {
    const r = new Reports().value("2026-01", CITY, "E04", 10).value("2026-02", CITY, "E04", 12.5);
    const c = seriesOf(r, "E04", { from: "2026-02", to: "2026-02" }).points[0].change.previous;
    expect(c).toMatchObject({ delta: 2.5, percent: 25, better: true, complete: true });
  });

  it("has no difference against a missing or not applicable period", () => {
    const r = new Reports().notApplicable("2026-01", BA_DINH, "U14").value("2026-02", BA_DINH, "U14", 3);
    r.value("2026-04", BA_DINH, "U14", 3);
    const s = seriesOf(r, "U14", { from: "2026-02", to: "2026-04", unitCode: BA_DINH });
    expect(s.points[0].change.previous).toMatchObject({ state: "not_applicable", delta: null, better: null });
    expect(s.points[2].change.previous).toMatchObject({ state: "missing", delta: null, percent: null });
    expect(s.points[0].change.yearAgo).toMatchObject({ periodId: "2025-02", state: "missing", delta: null });
  });

  it("refuses a range of two kinds of period, with a message in both languages", () => {
    try {
      seriesOf(new Reports(), "U14", { from: "2026-01", to: "2026-Q2" });
      throw new Error("no error");
    } catch (e) {
      expect(isAppError(e) && e.code).toBe("CT_SERIES_RANGE");
      expect(isAppError(e) && e.messages.vi).toMatch(/cùng loại kỳ/);
    }
  });
});
