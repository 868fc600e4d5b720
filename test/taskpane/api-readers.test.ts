/** The pane's readers of answers: what the contract says is read whole; what it does not is left out, never cast. */
import { toIssue, toIssues, toUnit } from "../../src/taskpane/api/readers";

const issue = {
  code: "required",
  ruleId: "required",
  targetId: "S02",
  unitCode: "00004",
  period: "2026-Q1",
  path: ["entries", "S02", "value"],
  cell: "Nhap!F12",
  severity: "error",
  params: { min: 0, note: "x", bad: { nested: 1 } },
  message: { vi: "Chưa nhập", en: "Missing" },
};

describe("toUnit", () => {
  it("reads a unit as /me gives it", () => {
    expect(
      toUnit({ code: "00004", kind: "ward", name: { vi: "Phường Ba Đình", en: "Ba Dinh Ward" }, groups: ["wards"] }),
    ).toEqual({
      code: "00004",
      kind: "ward",
      name: { vi: "Phường Ba Đình", en: "Ba Dinh Ward" },
      targetIds: [],
      toConfirm: false,
      demo: false,
      groups: ["wards"],
    });
  });

  it("refuses a unit without a code or with an unknown kind, and names a nameless one by its code", () => {
    expect(toUnit({ kind: "ward" })).toBeNull();
    expect(toUnit({ code: "00004", kind: "district" })).toBeNull();
    expect(toUnit("00004")).toBeNull();
    expect(toUnit({ code: "S-XD", kind: "department", name: "Sở Xây dựng" })?.name).toEqual({ vi: "S-XD", en: "S-XD" });
  });
});

describe("toIssue and toIssues", () => {
  it("reads an issue whole, keeping only scalar params", () => {
    expect(toIssue(issue)).toEqual({ ...issue, params: { min: 0, note: "x" } });
  });

  it("leaves out what is not an issue, in order", () => {
    const noSeverity = { ...issue, severity: "fatal" };
    const noMessage = { ...issue, message: "Missing" };
    const second = { ...issue, targetId: "S06", severity: "warning", justified: true };
    const read = toIssues([issue, noSeverity, null, noMessage, second]);
    expect(read.map((i) => i.targetId)).toEqual(["S02", "S06"]);
    expect(read[1]?.justified).toBe(true);
    expect(toIssues({ issues: [issue] })).toEqual([]);
  });
});
