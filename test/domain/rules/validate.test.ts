import { makeCatalog, validate, type EntryInput, type IssueCode, type ValidationResult } from "../../../src/domain";
import { catalog, ctx, goodWardEntries, units, wardReport, withEntry } from "../helpers";

const only = (r: ValidationResult, code: IssueCode) => r.issues.filter((i) => i.code === code);

describe("validate: a report that is right", () => {
  it("is ok with no error and no warning, and parses every row", () => {
    const r = validate(wardReport(), ctx);
    expect(r.counts.errors).toBe(0);
    expect(r.counts.warnings).toBe(0);
    expect(r.ok).toBe(true);
    expect(r.entries).toHaveLength(20);
    expect(r.entries.find((e) => e.targetId === "S01")).toMatchObject({ numerator: 50000, denominator: 50000 });
  });

  it("gives every issue its unit, period, path and a message in both languages", () => {
    const r = validate(wardReport(), ctx);
    expect(r.issues.length).toBeGreaterThan(0);
    for (const i of r.issues) {
      expect(i).toMatchObject({ unitCode: "00004", period: "2026-Q1" });
      expect(i.path[0]).toBe("entries");
      expect(i.message.vi.length).toBeGreaterThan(20);
      expect(i.message.en.length).toBeGreaterThan(20);
      expect(i.message.vi).not.toBe(i.message.en);
    }
  });
});

describe("validate: the report itself", () => {
  it("reports an unknown unit and does not invent required targets for it", () => {
    const r = validate(wardReport({ unitCode: "99999" }), ctx);
    expect(only(r, "unknown_unit")).toEqual([expect.objectContaining({ severity: "error", path: ["unitCode"] })]);
    expect(only(r, "required")).toHaveLength(0);
    expect(r.ok).toBe(false);
  });

  it.each(["2026-13", "2026-Q5", "2026-H3", "26-01", "2026-1", "", "Q1-2026"])(
    "reports the invalid period %p",
    (period) => {
      const r = validate(wardReport({ period }), ctx);
      expect(only(r, "unknown_period")).toEqual([expect.objectContaining({ severity: "error", path: ["period"] })]);
      expect(r.assessments).toHaveLength(0);
    },
  );

  it("reports a catalog version mismatch with both versions", () => {
    const r = validate(wardReport({ catalogVersion: "0000000000000000" }), ctx);
    const [issue] = only(r, "catalog_version_mismatch");
    expect(issue).toMatchObject({ severity: "error", params: { expected: catalog.version, got: "0000000000000000" } });
    expect(issue.message.en).toContain(catalog.version);
  });

  it("never throws on malformed input", () => {
    const bad = [
      { unitCode: 4, period: null, catalogVersion: undefined, locale: "fr", entries: "nope" },
      {
        unitCode: "00004",
        period: "2026-Q1",
        catalogVersion: catalog.version,
        locale: "vi",
        entries: [null, 5, {}, { targetId: 7 }],
      },
      {
        unitCode: "00004",
        period: "2026-Q1",
        catalogVersion: catalog.version,
        locale: "vi",
        entries: [{ targetId: "S02", value: { x: 1 } }],
      },
    ];
    for (const report of bad) {
      const r = validate(report as never, ctx);
      expect(r.ok).toBe(false);
      expect(r.counts.errors).toBeGreaterThan(0);
    }
  });
});

describe("validate: rows", () => {
  it("reports an unknown target id at its position", () => {
    const r = validate(wardReport({}, [...goodWardEntries(), { targetId: "X99", value: "1" }]), ctx);
    expect(only(r, "unknown_target")).toEqual([
      expect.objectContaining({ severity: "error", targetId: "X99", path: ["entries", 20, "targetId"] }),
    ]);
  });

  it("reports a repeated target row once and keeps the first", () => {
    const r = validate(wardReport({}, [...goodWardEntries(), { targetId: "S02", value: "999" }]), ctx);
    expect(only(r, "duplicate_target")).toEqual([
      expect.objectContaining({ severity: "error", params: expect.objectContaining({ index: 21, firstIndex: 3 }) }),
    ]);
    expect(r.entries.find((e) => e.targetId === "S02")?.value).toBe(120);
  });

  it("reports a target that is not assigned to the unit", () => {
    const r = validate(wardReport({}, [...goodWardEntries(), { targetId: "E01", value: "11" }]), ctx);
    expect(only(r, "target_not_for_unit")).toEqual([expect.objectContaining({ severity: "error", targetId: "E01" })]);
  });
});

describe("validate: required figures", () => {
  it("treats a blank as missing, not as zero", () => {
    const r = validate(wardReport({}, withEntry("S02", { value: "  " })), ctx);
    expect(only(r, "required")).toEqual([
      expect.objectContaining({ severity: "error", targetId: "S02", path: ["entries", "S02", "value"] }),
    ]);
    expect(r.entries.find((e) => e.targetId === "S02")?.value).toBeNull();
  });

  it("requires a target whose row is missing altogether", () => {
    const r = validate(wardReport({}, withEntry("U09", null)), ctx);
    expect(only(r, "required")).toEqual([
      expect.objectContaining({ targetId: "U09", path: ["entries", "U09", "numerator"] }),
    ]);
  });

  it("makes blanks info in a draft", () => {
    const r = validate(wardReport({}, withEntry("S02", { value: "" })), { ...ctx, draft: true });
    expect(only(r, "required")).toEqual([expect.objectContaining({ severity: "info" })]);
    expect(r.ok).toBe(true);
  });

  it("does not ask for figures of a target the unit does not report", () => {
    const r = validate(
      {
        ...wardReport(),
        unitCode: "S-YT",
        entries: [
          { targetId: "S11", value: "16" },
          { targetId: "S12", value: "35" },
        ],
      },
      ctx,
    );
    expect(r.counts.errors).toBe(0);
  });
});

type Case = [string, string, Omit<EntryInput, "targetId">, IssueCode, string];
const valueCases: Case[] = [
  ["text that is not a number", "S02", { value: "abc" }, "not_a_number", "value"],
  ["a percent sign on a count", "S02", { value: "12%" }, "not_a_number", "value"],
  ["a fractional count", "S02", { value: "1,5" }, "not_whole_number", "value"],
  ["a negative count", "S02", { value: "-1" }, "negative", "value"],
  ["a negative numerator", "U10", { numerator: "-5", denominator: "50.000" }, "negative", "numerator"],
  ["a zero denominator", "U06", { numerator: "0", denominator: "0" }, "denominator_not_positive", "denominator"],
  ["a negative denominator", "U06", { numerator: "1", denominator: "-10" }, "denominator_not_positive", "denominator"],
  [
    "a numerator above its denominator",
    "U06",
    { numerator: "120", denominator: "100" },
    "numerator_above_denominator",
    "numerator",
  ],
  ["a numerator without denominator", "U06", { numerator: "60", denominator: "" }, "partial_ratio", "denominator"],
  ["a denominator without numerator", "U06", { numerator: null, denominator: "100" }, "partial_ratio", "numerator"],
];

describe("validate: type and hard bounds", () => {
  it.each(valueCases)("reports %s as an error", (_label, targetId, entry, code, field) => {
    const r = validate(wardReport({}, withEntry(targetId, entry)), ctx);
    expect(only(r, code)).toEqual([
      expect.objectContaining({ severity: "error", targetId, path: ["entries", targetId, field] }),
    ]);
    expect(only(r, "required")).toHaveLength(0);
    expect(r.ok).toBe(false);
  });

  it("lets a per-capita ratio exceed 1 (U10 m² per person is not a percentage)", () => {
    const r = validate(wardReport({}, withEntry("U10", { numerator: "600.000", denominator: "50.000" })), ctx);
    expect(only(r, "numerator_above_denominator")).toHaveLength(0);
    expect(r.assessments.find((a) => a.targetId === "U10")?.figure).toBe(12);
  });

  const dept = (unitCode: string, entries: EntryInput[]) => validate({ ...wardReport(), unitCode, entries }, ctx);
  const sxd = (u03: unknown) =>
    dept("S-XD", [
      { targetId: "U03", value: u03 as string },
      { targetId: "U11", milestone: "in_progress" },
    ]);

  it.each(["120", "-1", "100,5"])("rejects the percentage %p outside 0–100", (raw) => {
    expect(only(sxd(raw), "percent_out_of_range")).toHaveLength(1);
  });

  it.each(["0", "100", "25,5%", "22"])("accepts the percentage %p", (raw) => {
    expect(sxd(raw).counts.errors).toBe(0);
  });

  const hn = (e01: string) =>
    validate({ ...wardReport(), unitCode: "HN", entries: [{ targetId: "E01", value: e01 }] }, { ...ctx, draft: true });
  it.each(["1500", "-101"])("rejects the growth rate %p outside −100 to 1000", (raw) => {
    expect(only(hn(raw), "rate_out_of_range")).toHaveLength(1);
  });
  it("accepts a negative growth rate", () => {
    expect(only(hn("-5"), "rate_out_of_range")).toHaveLength(0);
  });
});

describe("validate: ambiguous numbers", () => {
  it("reads 1.234 by the report's locale and says so in an info", () => {
    const vi = validate(wardReport({}, withEntry("P03", { value: "1.234" })), ctx);
    expect(vi.entries.find((e) => e.targetId === "P03")?.value).toBe(1234);
    expect(only(vi, "ambiguous_number").filter((i) => i.targetId === "P03")).toEqual([
      expect.objectContaining({ severity: "info", params: expect.objectContaining({ value: 1234, locale: "vi" }) }),
    ]);
    const en = validate(wardReport({ locale: "en" }, withEntry("U16", { value: "1,234" })), ctx);
    expect(en.entries.find((e) => e.targetId === "U16")?.value).toBe(1234);
  });
});

describe("validate: milestones", () => {
  const sxd = (milestone: unknown) =>
    validate(
      {
        ...wardReport(),
        unitCode: "S-XD",
        entries: [
          { targetId: "U03", value: "22" },
          { targetId: "U11", milestone: milestone as string },
        ],
      },
      ctx,
    );

  it.each([
    ["not_started", "not_started"],
    ["in_progress", "in_progress"],
    ["done", "done"],
    ["Chưa bắt đầu", "not_started"],
    ["Đang thực hiện", "in_progress"],
    ["Hoàn thành", "done"],
    ["hoàn thành", "done"],
    ["Hòan thành", "done"],
    ["Not started", "not_started"],
    ["In progress", "in_progress"],
    ["DONE", "done"],
  ])("accepts %p as %s", (raw, state) => {
    const r = sxd(raw);
    expect(r.counts.errors).toBe(0);
    expect(r.entries.find((e) => e.targetId === "U11")?.milestone).toBe(state);
  });

  it.each(["maybe", "50%", "1"])("rejects %p", (raw) => {
    expect(only(sxd(raw), "unknown_milestone")).toEqual([
      expect.objectContaining({ severity: "error", path: ["entries", "U11", "milestone"] }),
    ]);
  });
});

describe("validate: population consistency", () => {
  it("warns on the target whose population differs from the others", () => {
    const r = validate(wardReport({}, withEntry("S09", { numerator: "47.000", denominator: "51.000" })), ctx);
    expect(only(r, "inconsistent_denominator")).toEqual([
      expect.objectContaining({
        severity: "warning",
        targetId: "S09",
        justified: false,
        params: expect.objectContaining({ value: 51000, expected: 50000, reference: "S01" }),
      }),
    ]);
    expect(r.ok).toBe(false);
  });

  it("accepts the difference once it is justified", () => {
    const entries = withEntry("S09", {
      numerator: "47.000",
      denominator: "51.000",
      justification: "Số liệu BHYT theo dân số thường trú",
    });
    const r = validate(wardReport({}, entries), ctx);
    expect(only(r, "inconsistent_denominator")[0].justified).toBe(true);
    expect(r.ok).toBe(true);
  });
});

describe("validate: status against the target", () => {
  it("warns when a figure is off track and accepts it with a justification", () => {
    const off = validate(wardReport({}, withEntry("U06", { numerator: "40", denominator: "100" })), ctx);
    expect(only(off, "off_track")).toEqual([
      expect.objectContaining({ severity: "warning", justified: false, targetId: "U06" }),
    ]);
    expect(off.ok).toBe(false);
    const justified = withEntry("U06", {
      numerator: "40",
      denominator: "100",
      justification: "Nhà máy xử lý chậm tiến độ",
    });
    expect(validate(wardReport({}, justified), ctx).ok).toBe(true);
  });

  it("reports a justification shorter than 10 characters as an error", () => {
    const r = validate(
      wardReport({}, withEntry("U06", { numerator: "40", denominator: "100", justification: " chậm " })),
      ctx,
    );
    expect(only(r, "justification_too_short")).toEqual([
      expect.objectContaining({ severity: "error", params: expect.objectContaining({ length: 4, minLength: 10 }) }),
    ]);
  });

  it("gives an info, not a warning, when a figure is close to its target", () => {
    const r = validate(wardReport({}, withEntry("U06", { numerator: "48", denominator: "100" })), ctx);
    expect(only(r, "at_risk")).toEqual([expect.objectContaining({ severity: "info", targetId: "U06" })]);
    expect(r.ok).toBe(true);
  });

  it("says no target once per target without a value, never comparing with a number", () => {
    const r = validate(wardReport(), ctx);
    const noTarget = only(r, "no_target");
    expect(noTarget.filter((i) => i.targetId === "S09")).toHaveLength(1);
    expect(r.assessments.find((a) => a.targetId === "S09")).toMatchObject({
      progress: "no_target",
      target: { kind: "none", termTarget: 98 },
    });
  });

  it("judges a sum target only at city scope", () => {
    const r = validate(wardReport(), ctx);
    expect(only(r, "no_target").find((i) => i.targetId === "S02")?.params.reason).toBe("city_total");
  });

  it("judges a flow year-to-date with ctx.ytd (the sum of the earlier periods)", () => {
    // P03 as a city-level count: 9,744 new members a year → pro-rata 4,872 by the end of June.
    const targets = catalog.targets.map((t) =>
      t.id === "P03"
        ? {
            ...t,
            reportedBy: "city" as const,
            aggregation: "city_only" as const,
            appliesTo: [{ kind: "city" as const, plannerSelects: false }],
          }
        : t,
    );
    const cityCatalog = makeCatalog(targets);
    const report = (value: string) => ({
      unitCode: "HN",
      period: "2026-06",
      catalogVersion: cityCatalog.version,
      locale: "vi" as const,
      entries: [{ targetId: "P03", value }],
    });
    const onPace = validate(report("1.022"), { catalog: cityCatalog, units, ytd: { P03: 3850 }, draft: true });
    expect(onPace.assessments).toEqual([
      expect.objectContaining({ targetId: "P03", progress: "on_track", figure: 4872 }),
    ]);
    const behind = validate(report("150"), { catalog: cityCatalog, units, ytd: { P03: 3850 }, draft: true });
    expect(behind.assessments[0]).toMatchObject({ progress: "off_track", figure: 4000 });
    expect(only(behind, "off_track")[0].params).toMatchObject({ prorata: 4872, months: 6, basis: "ytd" });
  });
});

describe("validate: no_target issues shared across reports", () => {
  it("gives every report the same text, and another catalog its own", () => {
    const first = only(validate(wardReport(), ctx), "no_target").find((i) => i.targetId === "S09");
    const second = only(validate(wardReport({ unitCode: "00008" }), ctx), "no_target").find(
      (i) => i.targetId === "S09",
    );
    expect(second?.message).toEqual(first?.message);
    expect(Object.isFrozen(second?.params)).toBe(true);
    const changed = makeCatalog(
      catalog.targets.map((t) => (t.id === "S09" ? { ...t, targetByYear: { 2030: 99 } } : t)),
    );
    const other = validate(wardReport({ catalogVersion: changed.version }), { catalog: changed, units });
    const s09 = only(other, "no_target").find((i) => i.targetId === "S09");
    expect(s09?.params.termTarget).toBe(99);
    expect(s09?.message.en).toContain("2030 target: 99%");
    expect(first?.message.en).toContain("2030 target: 98%");
  });
});

describe("validate: cells", () => {
  it("names the cell the caller maps each field to, in the issue and its message", () => {
    const cellOf = (targetId: string, field: string) =>
      `Nhap!${field === "denominator" ? "G" : "F"}${10 + Number(targetId.slice(1))}`;
    const r = validate(wardReport({}, withEntry("U06", { numerator: "abc", denominator: "100" })), { ...ctx, cellOf });
    const [issue] = only(r, "not_a_number");
    expect(issue.cell).toBe("Nhap!F16");
    expect(issue.message.vi).toContain("Nhap!F16");
    expect(issue.message.en).toContain("Nhap!F16");
  });
});

describe("validate: units of the registry", () => {
  it("uses the registry to know which targets a unit reports", () => {
    expect(units.targetsFor(catalog, "00004").map((t) => t.id)).toEqual(goodWardEntries().map((e) => e.targetId));
  });
});
