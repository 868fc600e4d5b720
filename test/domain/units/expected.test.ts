import {
  aggregate,
  createUnitRegistry,
  defaultUnits,
  expectedReporters,
  expectedUnits,
  parsePeriod,
  reportsIn,
  type Period,
  type Unit,
} from "../../../src/domain";
import { catalog, parsed } from "../helpers";

const period = (id: string): Period => {
  const p = parsePeriod(id);
  if (!p) throw new Error(`not a period: ${id}`);
  return p;
};
const retired = (retiredFrom: string | null | undefined): Pick<Unit, "retiredFrom"> => ({ retiredFrom });

describe("reportsIn: a retired unit is expected only for the periods that start before its retirement", () => {
  // retired from 2026-Q3: its first day not reporting is 1 July 2026
  it.each([
    ["2026-06", true],
    ["2026-Q2", true],
    ["2026-H1", true],
    ["2026", true], // it reported part of the year: the year 2026 still expects it
    ["2026-01", true],
    ["2025", true],
    ["2026-07", false],
    ["2026-09", false],
    ["2026-Q3", false],
    ["2026-H2", false],
    ["2026-Q4", false],
    ["2026-12", false],
    ["2027", false],
    ["2027-Q1", false],
  ])("retired from 2026-Q3: %s → %s", (id, expected) => {
    expect(reportsIn(retired("2026-Q3"), period(id))).toBe(expected);
  });

  it.each([
    // retired from a month inside a quarter: the quarter and the half began while it reported
    ["2026-08", "2026-07", true],
    ["2026-08", "2026-Q3", true],
    ["2026-08", "2026-H2", true],
    ["2026-08", "2026-08", false],
    ["2026-08", "2026-Q4", false],
    // retired from a half: the same as from its first quarter or month
    ["2026-H2", "2026-Q2", true],
    ["2026-H2", "2026-07", false],
    ["2026-H2", "2026-Q3", false],
    // retired from a year: the whole of that year, nothing of the one before
    ["2027", "2026", true],
    ["2027", "2026-12", true],
    ["2027", "2026-H2", true],
    ["2027", "2027", false],
    ["2027", "2027-01", false],
    ["2027", "2027-H1", false],
    // written in lower case, as parsePeriod accepts it
    ["2026-q3", "2026-Q2", true],
    ["2026-q3", "2026-Q3", false],
  ])("retired from %s: %s → %s", (from, id, expected) => {
    expect(reportsIn(retired(from), period(id))).toBe(expected);
  });

  it("expects a unit that is not retired (null or absent) in every period", () => {
    for (const id of ["2026-01", "2026-Q3", "2026-H2", "2026", "2030-12"]) {
      expect(reportsIn(retired(null), period(id))).toBe(true);
      expect(reportsIn(retired(undefined), period(id))).toBe(true);
    }
  });

  it("never drops a unit for a retiredFrom that is not a period id", () => {
    expect(reportsIn(retired("2026-Q5"), period("2027"))).toBe(true);
    expect(reportsIn(retired("soon"), period("2026-07"))).toBe(true);
  });
});

describe("expectedUnits and aggregate follow the one rule", () => {
  const A = "00004";
  const B = "00008";
  const DEPT = "S-XD";
  const units = createUnitRegistry(
    defaultUnits().map((u) =>
      u.code === A ? { ...u, retiredFrom: "2026-Q3" } : u.code === DEPT ? { ...u, retiredFrom: "2027" } : u,
    ),
  );
  const codes = (list: Unit[]) => list.map((u) => u.code);

  it("leaves a retired ward out of the periods from its retirement on, and keeps it before", () => {
    expect(codes(expectedUnits(catalog, units, period("2026-Q2")))).toContain(A);
    expect(codes(expectedUnits(catalog, units, period("2026")))).toContain(A);
    expect(codes(expectedUnits(catalog, units, period("2026-Q3")))).not.toContain(A);
    expect(codes(expectedUnits(catalog, units, period("2026-07")))).not.toContain(A);
    expect(codes(expectedUnits(catalog, units, period("2026-Q3")))).toContain(B);
    expect(expectedUnits(catalog, units, period("2026-Q3"))).toHaveLength(
      expectedUnits(catalog, units, period("2026-Q2")).length - 1,
    );
    expect(codes(expectedUnits(catalog, units, period("2027")))).not.toContain(DEPT);
    expect(codes(expectedUnits(catalog, units, period("2026-Q4")))).toContain(DEPT);
  });

  it("applies the group and the demo choice together with retirement", () => {
    const group = { unitCodes: [A, B, "DEMO-01"] };
    expect(codes(expectedUnits(catalog, units, period("2026-Q2"), group))).toEqual([A, B]);
    expect(codes(expectedUnits(catalog, units, period("2026-Q3"), group))).toEqual([B]);
    expect(codes(expectedUnits(catalog, units, period("2026-Q3"), { ...group, includeDemo: true }))).toEqual([
      B,
      "DEMO-01",
    ]);
    const wards = codes(expectedUnits(catalog, units, period("2026-Q3"), { group: "wards" }));
    expect(wards).toContain(B);
    expect(wards).not.toContain(A);
  });

  it("names a retired unit neither expected nor missing in a later city figure, and ignores its report there", () => {
    const reports = [
      { unitCode: A, entries: [parsed("S02", { value: 100 })] },
      { unitCode: B, entries: [parsed("S02", { value: 7 })] },
    ];
    const later = aggregate(catalog, period("2026-Q3"), reports, units, { unitCodes: [A, B] }).find(
      (f) => f.targetId === "S02",
    );
    expect(later).toMatchObject({ value: 7, unitsExpected: [B], unitsIncluded: [B], unitsMissing: [] });
    expect(codes(expectedReporters(catalog, units, period("2026-Q3"), "S02", { unitCodes: [A, B] }))).toEqual([B]);
  });

  it("keeps a retired unit's report in the figures of a period before its retirement", () => {
    const reports = [{ unitCode: A, entries: [parsed("S02", { value: 100 })] }];
    const earlier = aggregate(catalog, period("2026-Q2"), reports, units, { unitCodes: [A, B] }).find(
      (f) => f.targetId === "S02",
    );
    expect(earlier).toMatchObject({ value: 100, unitsExpected: [A, B], unitsIncluded: [A], unitsMissing: [B] });
  });
});

describe("expectedUnits with the key tasks' owners (issue #19)", () => {
  const units = createUnitRegistry(defaultUnits());
  const codes = (list: Unit[]) => list.map((u) => u.code);
  const noFigureDue = (p: Period) =>
    units.all().filter((u) => !u.demo && !codes(expectedUnits(catalog, units, p)).includes(u.code));

  it("expects a unit that owns a task though no figure is due, still within the selection and retirement rules", () => {
    const q1 = period("2026-Q1");
    const idle = noFigureDue(q1)[0]!;
    expect(idle).toBeDefined();
    const owners = new Set([idle.code]);
    expect(codes(expectedUnits(catalog, units, q1, {}, undefined, owners))).toContain(idle.code);
    expect(expectedUnits(catalog, units, q1, {}, undefined, owners)).toHaveLength(
      expectedUnits(catalog, units, q1).length + 1,
    );
    // not in a group it is not part of, nor after its retirement
    expect(codes(expectedUnits(catalog, units, q1, { group: "no-such-group" }, undefined, owners))).toEqual([]);
    const gone = createUnitRegistry(
      defaultUnits().map((u) => (u.code === idle.code ? { ...u, retiredFrom: "2026-Q1" } : u)),
    );
    expect(codes(expectedUnits(catalog, gone, q1, {}, undefined, owners))).not.toContain(idle.code);
  });
});
