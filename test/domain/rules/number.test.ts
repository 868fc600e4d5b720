import fc from "fast-check";
import { formatNumber, parseNumber } from "../../../src/domain/rules/number";
import type { Locale, RawValue } from "../../../src/domain/types";

describe("parseNumber", () => {
  it.each<[string, RawValue, number, boolean]>([
    ["a decimal comma", "12,5", 12.5, false],
    ["a decimal point", "12.5", 12.5, false],
    ["vi thousands and decimal", "1.234,5", 1234.5, false],
    ["en thousands and decimal", "1,234.5", 1234.5, false],
    ["space-grouped thousands", "1 234", 1234, false],
    ["a no-break space between thousands", "1\u00a0234,5", 1234.5, false],
    ["a narrow no-break space between thousands", "1\u202f234", 1234, false],
    ["stray spaces around", "  7  ", 7, false],
    ["a minus sign", "-3,5", -3.5, false],
    ["a typographic minus", "\u22123,5", -3.5, false],
    ["a plus sign", "+4", 4, false],
    ["a leading decimal mark", ",5", 0.5, false],
    ["several dot groups", "1.234.567", 1234567, false],
    ["several comma groups", "1,234,567", 1234567, false],
    ["vi groups with decimals", "1.234.567,89", 1234567.89, false],
    ["four digits before the point", "1234.567", 1234.567, false],
    ["a leading zero before three decimals", "0.123", 0.123, false],
    ["two decimals", "12.50", 12.5, false],
    ["spaces with a decimal point", "1 234.567", 1234.567, false],
    ["a number from a cell", 42.25, 42.25, false],
    ["zero", "0", 0, false],
  ])("reads %s (%p) the same in vi and en", (_label, raw, value, ambiguous) => {
    for (const locale of ["vi", "en"] as Locale[]) {
      const p = parseNumber(raw, locale);
      expect(p).toEqual({ kind: "number", value, percentSign: false, ambiguous });
    }
  });

  it.each<[string, number, number]>([
    ["1.234", 1234, 1.234],
    ["1,234", 1.234, 1234],
    ["-12.500", -12500, -12.5],
    ["999,999", 999.999, 999999],
  ])("resolves the ambiguous %p by the locale (vi %p, en %p) and flags it", (raw, vi, en) => {
    expect(parseNumber(raw, "vi")).toEqual({ kind: "number", value: vi, percentSign: false, ambiguous: true });
    expect(parseNumber(raw, "en")).toEqual({ kind: "number", value: en, percentSign: false, ambiguous: true });
  });

  it.each(["12,5%", "12.5 %", "12,5\u00a0%"])("keeps the value of %p and notes the percent sign", (raw) => {
    expect(parseNumber(raw, "vi")).toEqual({ kind: "number", value: 12.5, percentSign: true, ambiguous: false });
  });

  it.each<[string, RawValue]>([
    ["empty text", ""],
    ["spaces only", "   "],
    ["a no-break space only", "\u00a0"],
    ["null", null],
    ["undefined", undefined],
  ])("reads %s as blank, never as 0", (_label, raw) => {
    expect(parseNumber(raw, "vi")).toEqual({ kind: "blank" });
  });

  it.each<RawValue>([
    "abc",
    "12,",
    "1e5",
    "12 5",
    "1,2,3",
    "12.34.56",
    "1.234,5.6",
    "--5",
    "%",
    "-",
    "1 234.567,8",
    "12a",
    "1.23.456",
    NaN,
    Infinity,
    true,
  ])("rejects %p as invalid", (raw) => {
    expect(parseNumber(raw, "vi").kind).toBe("invalid");
    expect(parseNumber(raw, "en").kind).toBe("invalid");
  });
});

describe("formatNumber", () => {
  it.each<[number, Locale, string]>([
    [1234.5, "vi", "1.234,5"],
    [1234.5, "en", "1,234.5"],
    [-1234567.891, "vi", "-1.234.567,891"],
    [0, "vi", "0"],
    [12, "en", "12"],
    [1e-7, "en", "0.0000001"],
    [1.5e21, "vi", "1.500.000.000.000.000.000.000"],
  ])("writes %p in %s as %p", (x, locale, text) => {
    expect(formatNumber(x, locale)).toBe(text);
  });

  it("rounds to at most the given number of decimals and drops trailing zeros", () => {
    expect(formatNumber(10.79207920792, "vi", 2)).toBe("10,79");
    expect(formatNumber(12.5, "en", 4)).toBe("12.5");
    expect(formatNumber(1999.999, "en", 1)).toBe("2,000");
  });

  it.each<Locale>(["vi", "en"])("reads back every number it writes in %s", (locale) => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const p = parseNumber(formatNumber(x, locale), locale);
        expect(p.kind).toBe("number");
        expect(p.kind === "number" && p.value).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: 2000 },
    );
  });
});
