import {
  assess,
  findTarget,
  parsePeriod,
  type ParsedEntry,
  type Target,
  type TargetProgress,
} from "../../../src/domain";
import { catalog, parsed } from "../helpers";

const target = (id: string): Target => findTarget(catalog, id) as Target;
const period = (id: string) => {
  const p = parsePeriod(id);
  if (!p) throw new Error(id);
  return p;
};
const value = (id: string, v: number): ParsedEntry => parsed(id, { value: v });

describe("assess: levels are compared directly with the year's target", () => {
  it.each<[string, string, number, string, TargetProgress]>([
    ["GRDP ≥ 11 met in a year", "E01", 11, "2026", "met"],
    ["GRDP ≥ 11 met in a quarter is on track", "E01", 11.4, "2026-Q1", "on_track"],
    ["GRDP 10.5 is within 5 % short", "E01", 10.5, "2026-Q2", "at_risk"],
    ["GRDP 10.45 is exactly 5 % short", "E01", 10.45, "2026", "at_risk"],
    ["GRDP 10 is more than 5 % short", "E01", 10, "2026-H1", "off_track"],
    ["CPI < 4.5: 4.4 is met", "E05", 4.4, "2026", "met"],
    ["CPI < 4.5: 4.5 itself is NOT met (strict)", "E05", 4.5, "2026", "at_risk"],
    ["CPI < 4.5: 4.7 is within 5 %", "E05", 4.7, "2026-03", "at_risk"],
    ["CPI < 4.5: 4.8 is off track", "E05", 4.8, "2026-03", "off_track"],
    ["air quality > 80: 80 is NOT met (strict)", "U05", 80, "2026-Q3", "at_risk"],
    ["air quality > 80: 80.1 is on track", "U05", 80.1, "2026-Q3", "on_track"],
    ["GRDP per capita 2026 ≥ 198 (million VND)", "E02", 200, "2026", "met"],
  ])("%s", (_label, id, v, pid, progress) => {
    expect(assess(target(id), value(id, v), period(pid)).progress).toBe(progress);
  });

  it("compares a ratio as 100 × numerator / denominator for a percentage", () => {
    const a = assess(target("U06"), parsed("U06", { numerator: 51, denominator: 100 }), period("2026-Q1"));
    expect(a).toMatchObject({ progress: "on_track", figure: 51, basis: "level" });
  });

  it("compares a per-capita ratio without ×100", () => {
    const a = assess(target("U10"), parsed("U10", { numerator: 600, denominator: 50 }), period("2030"));
    expect(a).toMatchObject({ progress: "met", figure: 12 });
  });
});

describe("assess: a year without a value has no target", () => {
  it.each<[string, string]>([
    ["S09", "2026"],
    ["E04", "2027"],
    ["E03", "2028-Q2"],
    ["E03", "2029-05"],
    ["S03", "2030"],
  ])("%s in %s → no_target, never a number", (id, pid) => {
    const t = target(id);
    const entry = t.aggregation === "ratio_of_sums" ? parsed(id, { numerator: 50, denominator: 100 }) : value(id, 50);
    const a = assess(t, entry, period(pid));
    expect(a.progress).toBe("no_target");
    expect(a.target.kind).toBe("none");
  });

  it("judges E01 in 2028 against 11%: the revised catalog states it for every year of the term", () => {
    const e01 = target("E01");
    expect(assess(e01, value("E01", 11), period("2028")).progress).toBe("met");
    const short = assess(e01, value("E01", 9), period("2028"));
    expect(short).toMatchObject({ progress: "off_track", target: { kind: "value", year: 2028, value: 11 } });
    expect(short.params).toMatchObject({ target: 11, direction: ">=" });
  });

  it("uses each year's own direction (U05: above 80 in 2026, at least 80 in 2030)", () => {
    const u05 = target("U05");
    expect(assess(u05, value("U05", 80), period("2026")).progress).not.toBe("met");
    expect(assess(u05, value("U05", 80), period("2026")).params.direction).toBe(">");
    expect(assess(u05, value("U05", 80), period("2030")).progress).toBe("met");
  });

  it("judges a target in 2030 against its 2030 value and unit", () => {
    const a = assess(target("E02"), value("E02", 12500), period("2030"));
    expect(a).toMatchObject({ progress: "met", target: { kind: "value", value: 12000, unitOfMeasure: "USD" } });
  });

  it("says no data when there is no figure", () => {
    expect(assess(target("E01"), parsed("E01", {}), period("2026")).progress).toBe("no_data");
  });
});

describe("assess: flows are compared year to date", () => {
  // S02: 18,000 social housing units in 2026, a city total (sum) → judged at city scope.
  const s02 = target("S02");
  it.each<[string, string, number, number, TargetProgress]>([
    ["Q1 at the pro-rata 4,500", "2026-Q1", 0, 4500, "on_track"],
    ["Q1 at 90 % of the pro-rata", "2026-Q1", 0, 4050, "at_risk"],
    ["Q1 below 90 % of the pro-rata", "2026-Q1", 0, 4049, "off_track"],
    ["Q1 already above the full year", "2026-Q1", 0, 18000, "met"],
    ["June with earlier months: 8,000 + 1,000 = pro-rata 9,000", "2026-06", 8000, 1000, "on_track"],
    ["June with earlier months short", "2026-06", 7000, 1000, "off_track"],
    ["the year short by 5 %", "2026", 0, 17100, "at_risk"],
    ["the year met", "2026", 0, 18000, "met"],
  ])("%s", (_label, pid, before, v, progress) => {
    const a = assess(s02, value("S02", v), period(pid), { scope: "city", ytdBefore: before });
    expect(a.progress).toBe(progress);
    expect(a.figure).toBe(before + v);
  });

  it("never compares one unit's figure with a city total", () => {
    const a = assess(s02, value("S02", 18000), period("2026"));
    expect(a.progress).toBe("no_target");
    expect(a.params.reason).toBe("city_total");
  });

  // A ceiling: at most 120 food-poisoning incidents in 2026 (a value a loaded catalog could give U15).
  const u15: Target = { ...target("U15"), targetByYear: { 2026: 120 } };
  it.each<[string, string, number, TargetProgress]>([
    ["Q1 within the pro-rata 30", "2026-Q1", 30, "on_track"],
    ["Q1 within pro-rata ÷ 0.9", "2026-Q1", 33, "at_risk"],
    ["Q1 beyond pro-rata ÷ 0.9", "2026-Q1", 34, "off_track"],
    ["Q1 already beyond the whole year's ceiling", "2026-Q1", 121, "off_track"],
    ["the year within the ceiling", "2026", 120, "met"],
    ["the year just beyond", "2026", 130, "at_risk"],
    ["the year far beyond", "2026", 140, "off_track"],
  ])("mirrors the rule for a ceiling: %s", (_label, pid, v, progress) => {
    expect(assess(u15, value("U15", v), period(pid), { scope: "city" }).progress).toBe(progress);
  });
});

describe("assess: milestones", () => {
  const u11 = target("U11"); // done by 2027-12-31 ("trước năm 2028")
  const m = (state: ParsedEntry["milestone"]) => parsed("U11", { milestone: state });
  it.each<[ParsedEntry["milestone"], string, Date | undefined, TargetProgress]>([
    ["done", "2026-Q1", undefined, "met"],
    ["in_progress", "2026-Q1", undefined, "on_track"],
    ["not_started", "2026-Q1", undefined, "at_risk"],
    ["in_progress", "2027", undefined, "on_track"],
    ["in_progress", "2028-01", undefined, "off_track"],
    ["in_progress", "2026-Q1", new Date("2027-12-31T16:59:59Z"), "on_track"],
    ["in_progress", "2026-Q1", new Date("2027-12-31T17:00:00Z"), "off_track"],
  ])("%s in %s (as of %p) → %s", (state, pid, asOf, progress) => {
    expect(assess(u11, m(state), period(pid), { asOf }).progress).toBe(progress);
  });
});
