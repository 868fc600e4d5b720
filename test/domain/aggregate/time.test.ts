/** Combining periods by time_aggregation (issue #14): sum, last, mean, ratio of sums; a stock is never summed. */
import {
  assess,
  combinePeriods,
  findTarget,
  parsePeriod,
  validate,
  type Period,
  type Target,
} from "../../../src/domain";
import { catalog, ctx, parsed, wardReport, withEntry } from "../helpers";

const t = (id: string) => findTarget(catalog, id) as Target;
const period = (id: string) => parsePeriod(id) as Period;
const v = (id: string, value: number) => parsed(id, { value });

describe("combinePeriods", () => {
  it("U13's year-to-date figure is its last month's (congestion points are a stock)", () => {
    expect(t("U13").timeAggregation).toBe("last");
    expect(combinePeriods(t("U13"), [v("U13", 12), v("U13", 10), v("U13", 7)])).toMatchObject({
      figure: 7,
      periods: 3,
    });
  });

  it("sums a flow (U15, violations found)", () => {
    expect(combinePeriods(t("U15"), [v("U15", 3), v("U15", 4), v("U15", 5)]).figure).toBe(12);
  });

  it("takes the mean of a growth rate (E04)", () => {
    expect(combinePeriods(t("E04"), [v("E04", 10), v("E04", 14)]).figure).toBe(12);
  });

  it("divides the sums for a ratio of flows (U06), never averaging the percentages", () => {
    const months = [
      parsed("U06", { numerator: 1, denominator: 10 }),
      parsed("U06", { numerator: 90, denominator: 100 }),
    ];
    expect(combinePeriods(t("U06"), months)).toMatchObject({ numeratorSum: 91, denominatorSum: 110 });
    expect(combinePeriods(t("U06"), months).figure).toBeCloseTo(82.727, 3); // not (10 + 90) / 2 = 50
  });

  it("leaves out blank and not-applicable periods, and gives null, never 0, when nothing is left", () => {
    const na = { ...parsed("U15", {}), notApplicable: true };
    expect(combinePeriods(t("U15"), [parsed("U15", {}), na]).figure).toBeNull();
    expect(combinePeriods(t("U15"), [v("U15", 2), parsed("U15", {}), v("U15", 3)])).toMatchObject({
      figure: 5,
      periods: 2,
    });
  });
});

describe("assessment follows time_aggregation", () => {
  const withTarget = (id: string, value: number) => ({ ...t(id), targetByYear: { 2026: value } });

  it("does not add U13's earlier months to the year-to-date figure", () => {
    const u13 = withTarget("U13", 5);
    const a = assess(u13, v("U13", 4), period("2026-06"), { scope: "city", ytdBefore: 40 });
    expect(a).toMatchObject({ figure: 4, basis: "level" });
  });

  it("still adds a flow's earlier months (U15)", () => {
    const u15 = withTarget("U15", 100);
    const a = assess(u15, v("U15", 4), period("2026-06"), { scope: "city", ytdBefore: 40 });
    expect(a).toMatchObject({ figure: 44, basis: "ytd" });
  });
});

describe("a longer period's report against its months", () => {
  const monthEntries = { U15: [v("U15", 3), v("U15", 4), v("U15", 5)], U13: [v("U13", 9), v("U13", 8), v("U13", 7)] };

  it("warns when the quarter's typed figure differs from the one computed from its months, showing both", () => {
    const r = validate(wardReport({}, withEntry("U15", { value: "20" })), { ...ctx, monthEntries });
    const w = r.issues.find((i) => i.code === "disagrees_with_months" && i.targetId === "U15");
    expect(w).toMatchObject({
      targetId: "U15",
      severity: "warning",
      params: expect.objectContaining({ figure: 20, computed: 12 }),
    });
    expect(w?.message.en).toContain("computed from the 3 months reported (12, by their sum)");
  });

  it("says nothing when they agree: the sum of a flow, the last month of a stock (U13: 7, never 24)", () => {
    const r = validate(
      wardReport(
        {},
        withEntry("U15", { value: "12" }).map((e) => (e.targetId === "U13" ? { ...e, value: "7" } : e)),
      ),
      { ...ctx, monthEntries },
    );
    expect(r.issues.filter((i) => i.code === "disagrees_with_months")).toEqual([]);
  });
});
