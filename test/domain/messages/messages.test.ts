import { messageFor, type IssueCode } from "../../../src/domain";

const CODES: IssueCode[] = [
  "required",
  "not_a_number",
  "ambiguous_number",
  "not_whole_number",
  "negative",
  "percent_out_of_range",
  "rate_out_of_range",
  "numerator_above_denominator",
  "denominator_not_positive",
  "partial_ratio",
  "unknown_milestone",
  "unknown_target",
  "duplicate_target",
  "target_not_for_unit",
  "unknown_unit",
  "unknown_period",
  "catalog_version_mismatch",
  "off_track",
  "at_risk",
  "no_target",
  "inconsistent_denominator",
  "justification_too_short",
];

describe("messageFor", () => {
  it.each(CODES)("writes %s in Vietnamese and in English, naming the target and the cell", (code) => {
    const m = messageFor(code, {
      targetId: "S01",
      field: "numerator",
      cell: "Nhap!F12",
      unitCode: "00004",
      period: "2026-13",
      value: 5,
      text: "abc",
    });
    expect(m.vi).not.toBe(m.en);
    expect(m.vi.length).toBeGreaterThan(30);
    expect(m.en.length).toBeGreaterThan(30);
    expect(m.vi).not.toMatch(/undefined|NaN|\[object/);
    expect(m.en).not.toMatch(/undefined|NaN|\[object/);
  });

  it("formats numbers the way each language writes them", () => {
    const m = messageFor("numerator_above_denominator", {
      targetId: "S01",
      field: "numerator",
      numerator: 1234.5,
      denominator: 1000,
    });
    expect(m.vi).toContain("1.234,5");
    expect(m.en).toContain("1,234.5");
  });

  it("words a year-to-date flow with its pace", () => {
    const m = messageFor("off_track", {
      targetId: "S02",
      basis: "ytd",
      figure: 4000,
      prorata: 4500,
      months: 3,
      target: 18000,
      direction: ">=",
      unitOfMeasure: "căn",
      year: 2026,
    });
    expect(m.vi).toContain("lũy kế");
    expect(m.vi).toContain("4.500 căn");
    expect(m.en).toContain("year-to-date");
  });
});
