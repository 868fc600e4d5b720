/** Who reports what, how often (issue #14): applicability, "not applicable" as an answer, cadence. */
import {
  aggregate,
  applicabilityOf,
  expectedUnits,
  findTarget,
  isNotApplicableText,
  parsePeriod,
  reportTargets,
  validate,
  type ApplicabilityTable,
  type Period,
  type Target,
  type Unit,
} from "../../../src/domain";
import { catalog, ctx, units, wardReport, withEntry } from "../helpers";

const period = (id: string) => parsePeriod(id) as Period;
const t = (id: string) => findTarget(catalog, id) as Target;
const ward = units.byCode("00004") as Unit; // Phường Ba Đình: no farmland
const ids = (list: Target[]) => list.map((x) => x.id);

describe("applicability: the catalog's default by unit kind", () => {
  it("expects every ward for E10 until a planner has chosen (commune;ward (planner selects))", () => {
    expect(applicabilityOf(t("E10"), ward, period("2026-Q1"))).toEqual({
      applies: true,
      alwaysRequired: false,
      source: "catalog",
    });
  });

  it("leaves a department with its own target list to that list, and wards out of commune-only targets", () => {
    const health = units.byCode("S-YT") as Unit;
    expect(applicabilityOf(t("E03"), health, period("2026")).applies).toBe(false);
    expect(applicabilityOf(t("S11"), health, period("2026")).applies).toBe(true);
    expect(applicabilityOf(t("U07"), ward, period("2026")).applies).toBe(false);
  });
});

describe("applicability: the planners' table, from a period on", () => {
  const table: ApplicabilityTable = {
    entries: [
      {
        unitCode: "00004",
        targetId: "E10",
        state: "not_applicable",
        from: "2026-Q1",
        note: "không có đất nông nghiệp",
      },
      { unitCode: "00004", targetId: "U13", state: "always_required", from: "2026-04" },
    ],
  };

  it("takes E10 out of the ward's report from 2026-Q1 on, and leaves 2025 alone", () => {
    expect(ids(reportTargets(catalog, ward, period("2026"), table))).not.toContain("E10");
    expect(applicabilityOf(t("E10"), ward, period("2026-Q1"), table)).toMatchObject({
      applies: false,
      source: "planner",
    });
    expect(applicabilityOf(t("E10"), ward, period("2025"), table)).toMatchObject({ applies: true, source: "catalog" });
  });

  it("the latest choice in force wins", () => {
    const later: ApplicabilityTable = {
      entries: [...table.entries, { unitCode: "00004", targetId: "E10", state: "applies", from: "2027" }],
    };
    expect(applicabilityOf(t("E10"), ward, period("2026-12"), later).applies).toBe(false);
    expect(applicabilityOf(t("E10"), ward, period("2027-Q1"), later).applies).toBe(true);
  });

  it("Ward 00004 submits a valid 2026-Q1 report without E10 once a planner set it not applicable", () => {
    const entries = withEntry("E10", null);
    const without = validate(wardReport({}, entries), ctx);
    expect(without.issues.filter((i) => i.targetId === "E10" && i.code === "required")).toHaveLength(0); // yearly
    const r = validate(wardReport({ period: "2026" }, entries), { ...ctx, applicability: table });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    const sent = validate(wardReport({ period: "2026" }, withEntry("E10", { numerator: "1", denominator: "2" })), {
      ...ctx,
      applicability: table,
    });
    expect(sent.issues.map((i) => i.code)).toContain("target_not_for_unit");
  });

  it("ignores a blank E10 row (a workbook made before the planner's choice), refuses a filled one", () => {
    const blank = validate(
      wardReport({ period: "2026" }, [
        ...withEntry("E10", null),
        { targetId: "E10", numerator: "", denominator: null },
      ]),
      {
        ...ctx,
        applicability: table,
      },
    );
    expect(blank.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("the year report without the table asks the ward for E10", () => {
    const r = validate(wardReport({ period: "2026" }, withEntry("E10", null)), ctx);
    expect(r.issues.find((i) => i.targetId === "E10")).toMatchObject({ code: "required", severity: "error" });
  });

  it("leaves the ward out of E10's expected units, and out of completeness for nothing else", () => {
    const [figure] = aggregate(catalog, period("2026"), [], units, { applicability: table }).filter(
      (f) => f.targetId === "E10",
    );
    expect(figure.unitsExpected).not.toContain("00004");
    expect(figure.unitsExpected).toContain("00008");
    expect(expectedUnits(catalog, units, period("2026"), {}, table).map((u) => u.code)).toContain("00004");
  });
});

describe('"not applicable" is an answer, distinct from blank and from 0', () => {
  it.each(["không áp dụng", "Không Áp Dụng", "N/A", "n/a", " khong ap dung "])("reads %p", (text) => {
    expect(isNotApplicableText(text)).toBe(true);
  });
  it.each(["0", "", "na", "12,5", "không"])("does not read %p", (text) => {
    expect(isNotApplicableText(text)).toBe(false);
  });

  it("Ward 00004 submits a valid 2026 report with E10 marked `không áp dụng` and a reason", () => {
    const entries = withEntry("E10", { numerator: "không áp dụng", justification: "Phường không có đất nông nghiệp" });
    const r = validate(wardReport({ period: "2026" }, entries), ctx);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.entries.find((e) => e.targetId === "E10")).toMatchObject({
      notApplicable: true,
      numerator: null,
      justification: "Phường không có đất nông nghiệp",
    });
  });

  it("is an error without a reason, naming the justification cell, in vi and en", () => {
    const r = validate(wardReport({ period: "2026" }, withEntry("E10", { numerator: "N/A" })), {
      ...ctx,
      cellOf: (id, field) => (id === "E10" && field === "justification" ? "Nhap!J9" : undefined),
    });
    const issue = r.issues.find((i) => i.code === "not_applicable_without_reason");
    expect(issue).toMatchObject({ severity: "error", targetId: "E10", cell: "Nhap!J9" });
    expect(issue?.message.vi).toContain("lý do");
    expect(issue?.message.en).toContain("reason");
    expect(r.ok).toBe(false);
  });

  it("is an error where a planner marked the target always required", () => {
    const table: ApplicabilityTable = {
      entries: [{ unitCode: "00004", targetId: "U13", state: "always_required", from: "2026-01" }],
    };
    const entries = withEntry("U13", { value: "N/A", justification: "Không có điểm ùn tắc nào cả" });
    const r = validate(wardReport({}, entries), { ...ctx, applicability: table });
    expect(r.issues.find((i) => i.code === "not_applicable_refused")).toMatchObject({
      severity: "error",
      targetId: "U13",
    });
  });

  it("is counted apart in consolidation: never missing, never 0", () => {
    const [u13] = aggregate(
      catalog,
      period("2026-01"),
      [
        {
          unitCode: "00004",
          entries: [
            {
              ...validate(
                wardReport(
                  { period: "2026-01" },
                  withEntry("U13", { value: "N/A", justification: "Không có đường phố" }),
                ),
                ctx,
              ).entries.find((e) => e.targetId === "U13")!,
            },
          ],
        },
        {
          unitCode: "00008",
          entries: [
            {
              ...validate(wardReport({ unitCode: "00008", period: "2026-01" }), ctx).entries.find(
                (e) => e.targetId === "U13",
              )!,
            },
          ],
        },
      ],
      units,
    ).filter((f) => f.targetId === "U13");
    expect(u13.unitsNotApplicable).toEqual(["00004"]);
    expect(u13.unitsIncluded).toEqual(["00008"]);
    expect(u13.unitsMissing).not.toContain("00004");
    expect(u13.value).toBe(2);
  });
});

describe("cadence: a period asks only for the targets due in it", () => {
  it("the 2026-02 report does not ask for yearly targets", () => {
    const asked = reportTargets(catalog, ward, period("2026-02"));
    expect(asked.every((x) => x.frequency === "month")).toBe(true);
    expect(ids(asked)).toEqual(expect.arrayContaining(["U13", "U14", "U15", "U16"]));
    expect(ids(asked)).not.toContain("P01"); // yearly Party rating
    const r = validate(wardReport({ period: "2026-02" }, []), ctx);
    const required = r.issues.filter((i) => i.code === "required").map((i) => i.targetId);
    expect(required.sort()).toEqual(["U13", "U14", "U15", "U16"]);
  });

  it("a monthly target is also in the quarter, half-year and year reports; the year asks for everything that applies", () => {
    expect(ids(reportTargets(catalog, ward, period("2026-Q1")))).toEqual(expect.arrayContaining(["U13", "S01", "S02"]));
    expect(ids(reportTargets(catalog, ward, period("2026-Q1")))).not.toContain("U04"); // half-yearly
    expect(ids(reportTargets(catalog, ward, period("2026-H1")))).toContain("U04");
    expect(ids(reportTargets(catalog, ward, period("2026")))).toEqual(ids(units.targetsFor(catalog, "00004")));
  });

  it("accepts a figure reported more often than asked (a quarterly target in a month report)", () => {
    const r = validate(wardReport({ period: "2026-02" }, [{ targetId: "S02", value: "3" }]), { ...ctx, draft: true });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});
