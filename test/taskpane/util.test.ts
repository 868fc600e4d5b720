import { entriesFingerprint, newSubmissionId, retryDelayMs } from "../../src/taskpane/util";
import { toCellValue } from "../../src/taskpane/hooks/useReport";

describe("retryDelayMs", () => {
  it.each([
    [1, 2_000],
    [2, 4_000],
    [3, 8_000],
    [5, 32_000],
    [6, 60_000],
    [20, 60_000],
  ])("waits after attempt %i for %i ms", (attempt, ms) => {
    expect(retryDelayMs(attempt)).toBe(ms);
  });
});

describe("newSubmissionId", () => {
  it("makes distinct version-4 UUIDs", () => {
    const ids = new Set(Array.from({ length: 200 }, () => newSubmissionId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("entriesFingerprint", () => {
  it("ignores order and blank-versus-missing, and changes with any figure", () => {
    const a = entriesFingerprint([
      { targetId: "S02", value: 3 },
      { targetId: "S01", numerator: 1, denominator: 2, justification: "" },
    ]);
    const b = entriesFingerprint([
      { targetId: "S01", numerator: 1, denominator: 2 },
      { targetId: "S02", value: 3 },
    ]);
    const c = entriesFingerprint([
      { targetId: "S01", numerator: 1, denominator: 2 },
      { targetId: "S02", value: 4 },
    ]);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

describe("toCellValue", () => {
  it.each([
    ["value", "12,5", "vi", 12.5],
    ["value", "12.5", "en", 12.5],
    ["value", "1.234", "vi", 1234],
    ["numerator", "  ", "vi", null],
    ["value", "12 căn", "vi", "12 căn"],
    ["milestone", "done", "vi", "Hoàn thành"],
    ["milestone", "", "vi", null],
    ["justification", "Hoa\u0300 ", "vi", "Hoà "],
    ["evidence", "   ", "vi", null],
  ] as const)("writes %s typed as %j (%s) into the cell as %j", (field, raw, locale, cell) => {
    expect(toCellValue(field, raw, locale)).toBe(cell);
  });
});
