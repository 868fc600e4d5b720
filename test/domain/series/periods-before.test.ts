/** periodsBefore: the periods just before one, of its kind, never before the term's first year (issue 21). */
import { makePeriod, parsePeriod, periodsBefore, type Period } from "../../../src/domain";

const ids = (ps: Period[]) => ps.map((p) => p.id);
const p = (id: string) => parsePeriod(id)!;

describe("periodsBefore", () => {
  it.each([
    ["2026-05", ["2026-02", "2026-03", "2026-04"]],
    ["2027-02", ["2026-11", "2026-12", "2027-01"]],
    ["2026-Q4", ["2026-Q1", "2026-Q2", "2026-Q3"]],
    ["2027-Q1", ["2026-Q2", "2026-Q3", "2026-Q4"]],
    ["2027-H2", ["2026-H1", "2026-H2", "2027-H1"]],
    ["2028", ["2026", "2027"]],
    ["2026-02", ["2026-01"]],
    ["2026-01", []],
    ["2026-Q1", []],
  ])("before %s: %j", (id, expected) => {
    expect(ids(periodsBefore(p(id), 3, 2026))).toEqual(expected);
  });

  it("keeps the kind of the period it starts from", () => {
    expect(periodsBefore(makePeriod("quarter", 2027, 2), 2, 2026).every((x) => x.kind === "quarter")).toBe(true);
  });
});
